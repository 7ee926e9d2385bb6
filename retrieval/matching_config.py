"""Weights and rules of the match score, with defaults a coordinator can override."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

DEFAULT_WEIGHTS = {
    "complementarity": 0.55,
    "shared_goals": 0.10,
    "interests": 0.10,
    "level": 0.10,
    "availability": 0.10,
    "language": 0.05,
}
LEVEL_MODES = ("similar", "any", "mentor_senior")
SIM_NORMS = ("hubness", "cosine")
MODES = ("peer", "mentor", "group")


@dataclass
class MatchConfig:
    """Everything that shapes a score: weights, thresholds and hard rules."""

    mode: str = "peer"
    weights: dict = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    # Phrase similarity below `sim_floor` counts for nothing and above `sim_full` in full;
    # calibrated on paraphrased planted cohorts with all-MiniLM-L6-v2 (bench/match_quality.py).
    sim_floor: float = 0.05
    sim_full: float = 0.40
    # "hubness": cosine corrected by each phrase's mean similarity to its `hub_k` nearest
    # phrases on the other side (retrieval/matching_norm.py); "cosine": the plain model score.
    sim_norm: str = "hubness"
    hub_k: int = 5
    # Added to the similarity times the share of stemmed words two phrases have in common.
    lexical_weight: float = 0.05
    # Compare skills with goals through the learned projection of the embedding model
    # (retrieval/matching_adapter.py) when one was trained for it.
    skill_goal_adapter: bool = True
    # A link is named in the reasons only when it is at least this similar.
    reason_min_sim: float = 0.30
    level_mode: str = "similar"
    separate_departments: bool = False
    separate_reporting_lines: bool = True
    require_common_language: bool = True
    prefer_bonus: float = 0.10
    # Peer mode: someone left alone joins the pair that suits them best.
    allow_trios: bool = True

    @classmethod
    def from_settings(cls, settings: dict | None, mode: str | None = None) -> MatchConfig:
        """Build a config from a programme's settings dict, ignoring unknown keys."""
        settings = dict(settings or {})
        mode = mode or settings.get("mode") or "peer"
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}")
        known = {f.name for f in fields(cls)} - {"mode", "weights"}
        kwargs: dict[str, Any] = {k: settings[k] for k in known if k in settings}
        weights = dict(DEFAULT_WEIGHTS)
        if mode == "group":
            # Groups gather around goals people share, more than around who teaches whom.
            weights.update(complementarity=0.25, shared_goals=0.40)
        for key, value in (settings.get("weights") or {}).items():
            if key not in DEFAULT_WEIGHTS:
                raise ValueError(f"unknown weight {key!r}")
            value = float(value)
            if value < 0:
                raise ValueError(f"weight {key!r} must be >= 0")
            weights[key] = value
        if sum(weights.values()) <= 0:
            raise ValueError("at least one weight must be above zero")
        if "level_mode" not in kwargs and mode == "mentor":
            kwargs["level_mode"] = "mentor_senior"
        config = cls(mode=mode, weights=weights, **kwargs)
        if config.level_mode not in LEVEL_MODES:
            raise ValueError(f"level_mode must be one of {', '.join(LEVEL_MODES)}")
        if not 0 <= config.sim_floor < config.sim_full <= 1:
            raise ValueError("need 0 <= sim_floor < sim_full <= 1")
        if config.sim_norm not in SIM_NORMS:
            raise ValueError(f"sim_norm must be one of {', '.join(SIM_NORMS)}")
        if not 0 <= config.lexical_weight <= 1:
            raise ValueError("need 0 <= lexical_weight <= 1")
        if isinstance(config.hub_k, bool) or not isinstance(config.hub_k, int) or config.hub_k < 1:
            raise ValueError("hub_k must be a whole number >= 1")
        return config

    def to_settings(self) -> dict:
        """The config as a JSON-ready dict (what a programme stores)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}
