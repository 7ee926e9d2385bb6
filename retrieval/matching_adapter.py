"""A learned skill-goal projection for the packaged sentence model.

all-MiniLM-L6-v2 was trained to find paraphrases; a skill ("SQL window functions") and the
goal it serves ("write faster database queries") are not paraphrases, and their cosine is often
low. Two linear maps, one for the skill side and one for the goal side, are trained on a bank
of topics written for this purpose (`bench/data/skill_goal_topics.jsonl`, independent of the
evaluation cohorts) by `python -m bench.train_match_adapter`, so that a skill and a goal of the
same topic land closer than those of different topics. The maps start from the identity and
are regularised towards it, so the space stays the model's own; only skill-goal comparisons
use them (goal-goal and interest similarities stay plain cosine).

The maps belong to one model: `for_embedder` returns None for any other embedding model, and
the score then falls back to plain cosine.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ADAPTER_PATH = Path(__file__).resolve().parent / "data" / "match_adapter.npz"
_cache: dict[Path, SideAdapter | None] = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class SideAdapter:
    """Skill-side and goal-side maps for one embedding model."""

    model: str
    skill_map: np.ndarray
    goal_map: np.ndarray

    @property
    def dim(self) -> int:
        return self.skill_map.shape[0]

    @staticmethod
    def _apply(vecs: np.ndarray, matrix: np.ndarray) -> np.ndarray:
        out = np.asarray(vecs, dtype=np.float32) @ matrix
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return (out / np.maximum(norms, 1e-9)).astype(np.float32)

    def skills(self, vecs: np.ndarray) -> np.ndarray:
        """Unit vectors of skill phrases in the shared skill-goal space."""
        return self._apply(vecs, self.skill_map)

    def goals(self, vecs: np.ndarray) -> np.ndarray:
        """Unit vectors of goal phrases in the shared skill-goal space."""
        return self._apply(vecs, self.goal_map)


def load_adapter(path: Path = ADAPTER_PATH) -> SideAdapter | None:
    """The adapter stored at `path`, or None when there is none (loaded once a process)."""
    with _lock:
        if path not in _cache:
            if not path.exists():
                _cache[path] = None
            else:
                with np.load(path) as data:
                    _cache[path] = SideAdapter(
                        model=str(data["model"]),
                        skill_map=data["skill_map"].astype(np.float32),
                        goal_map=data["goal_map"].astype(np.float32),
                    )
        return _cache[path]


def model_base(embedder) -> str:
    """The model an embedder runs, without its backend ("all-MiniLM-L6-v2:onnx-int8")."""
    return str(getattr(embedder, "name", "")).split(":", 1)[0]


def for_embedder(embedder, path: Path = ADAPTER_PATH) -> SideAdapter | None:
    """The adapter trained for this embedder's model, or None."""
    adapter = load_adapter(path)
    if adapter is None or adapter.model != model_base(embedder):
        return None
    return adapter
