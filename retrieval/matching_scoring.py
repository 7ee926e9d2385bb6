"""Pair scores over a cohort: phrase-level complementarity plus the softer signals.

Every skill, goal and interest phrase is embedded once per cohort (duplicates share a row),
so a pair's score is a few small similarity tables, computed for many pairs at once.
Skill-goal and goal-goal similarities are corrected for hubness within the cohort
(`retrieval.matching_norm`); interests are short, literal phrases and stay as they are.
"""

from __future__ import annotations

import numpy as np

from retrieval.matching_adapter import for_embedder
from retrieval.matching_config import MatchConfig
from retrieval.matching_norm import hub_offsets, lexical_vectors
from retrieval.matching_people import Person

# Above this many distinct phrases the phrase-by-phrase similarity table would not fit
# comfortably in memory; pairs then gather embeddings instead.
_TABLE_LIMIT = 6000
_CHUNK = 4096
_SG = ("skills", "goals")
COMPONENTS = ("complementarity", "shared_goals", "interests", "level", "availability", "language")


def _pad(rows: list[list[int]], pad: int) -> np.ndarray:
    width = max((len(r) for r in rows), default=0) or 1
    out = np.full((len(rows), width), pad, dtype=np.int64)
    for i, r in enumerate(rows):
        out[i, : len(r)] = r
    return out


def _codes(values: list[str | None]) -> np.ndarray:
    table: dict[str, int] = {}
    return np.array([-1 if v is None else table.setdefault(v, len(table)) for v in values])


def _flags(lists: list[list[str]]) -> tuple[np.ndarray, list[str]]:
    names = sorted({x for lst in lists for x in lst})
    col = {x: i for i, x in enumerate(names)}
    out = np.zeros((len(lists), max(len(names), 1)), dtype=bool)
    for i, lst in enumerate(lists):
        for x in lst:
            out[i, col[x]] = True
    return out, names


class Cohort:
    """People plus their embedded phrases; scores any set of pairs (i, j) by row number."""

    def __init__(self, people: list[Person], embedder, config: MatchConfig | None = None):
        self.people = people
        self.config = config or MatchConfig()
        self.row = {p.id: i for i, p in enumerate(people)}
        if len(self.row) != len(people):
            raise ValueError("profile ids must be unique")
        phrases: dict[str, int] = {}

        def rows(lst: list[str]) -> list[int]:
            return [phrases.setdefault(x, len(phrases)) for x in lst]

        skills = [rows(p.skills) for p in people]
        goals = [rows(p.goals) for p in people]
        interests = [rows(p.interests) for p in people]
        self.phrases = list(phrases)
        self.pad = len(self.phrases)
        raw = np.asarray(embedder.embed(self.phrases), np.float32) if self.phrases else None
        adapter = None
        if raw is not None and self.config.skill_goal_adapter:
            adapter = for_embedder(embedder)
            adapter = adapter if adapter is not None and adapter.dim == raw.shape[1] else None
        self.adapted = adapter is not None
        lex = None
        if raw is not None and self.config.lexical_weight > 0:
            # Appended words make the dot product cosine + weight * word overlap: same words
            # count even where the model is weak (Bulgarian, jargon, product names).
            lex = lexical_vectors(self.phrases) * np.sqrt(self.config.lexical_weight)
        self.emb = self._rows(raw, lex)
        # Skill-goal comparisons use the learned projection of each side when there is one.
        self.side_emb = {"skills": self.emb, "goals": self.emb}
        if adapter is not None:
            self.side_emb = {
                "skills": self._rows(adapter.skills(raw), lex),
                "goals": self._rows(adapter.goals(raw), lex),
            }
        self.skills, self.goals = _pad(skills, self.pad), _pad(goals, self.pad)
        self.interests = _pad(interests, self.pad)
        self.tables: dict[tuple[str, str], np.ndarray] = {}
        if self.pad <= _TABLE_LIMIT:
            self.tables[("same", "same")] = self._table(self.emb, self.emb)
            if adapter is not None:
                # Goals against skills read this table with the indices swapped.
                cross = self._table(self.side_emb["skills"], self.side_emb["goals"])
                self.tables[("skills", "goals")] = cross
        self.hub = self._hubness()
        self.levels = np.array([np.nan if p.level is None else p.level for p in people])
        self.langs, self.lang_names = _flags([p.languages for p in people])
        self.slots, _ = _flags([p.availability for p in people])
        self.has_langs = self.langs.any(axis=1)
        self.has_slots = self.slots.any(axis=1)
        self.dept = _codes([p.department for p in people])
        emails = [p.email for p in people] + [p.manager_email for p in people]
        codes = _codes(emails)
        self.email, self.manager = codes[: len(people)], codes[len(people) :]
        self.prefers = {
            (self.row[x], i) for i, p in enumerate(people) for x in p.prefer if x in self.row
        }
        self.blocked: set[tuple[int, int]] = set()
        for i, p in enumerate(people):
            for x in p.avoid:
                if x in self.row:
                    self.block(i, self.row[x])

    def __len__(self) -> int:
        return len(self.people)

    def _rows(self, vecs: np.ndarray | None, lex: np.ndarray | None) -> np.ndarray:
        """Phrase vectors (lexical part appended) plus an all-zero padding row at `pad`."""
        if vecs is not None and lex is not None:
            vecs = np.hstack([vecs, lex])
        out = np.zeros((self.pad + 1, vecs.shape[1] if vecs is not None else 1), np.float32)
        if vecs is not None:
            out[: self.pad] = vecs
        return out

    def _table(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        table = a @ b.T
        table[self.pad, :] = -1.0
        table[:, self.pad] = -1.0
        return table

    def _key(self, a_side: str, b_side: str) -> tuple[str, str]:
        """Which vectors a comparison uses: the projected sides, or the plain ones."""
        pair = (a_side, b_side)
        projected = self.adapted and pair in (("skills", "goals"), ("goals", "skills"))
        return pair if projected else ("same", "same")

    def side_vectors(self, side: str) -> np.ndarray:
        """Vectors of phrases on `side` ("skills"/"goals": projected when there is a projection;
        anything else, e.g. "same" or "interests": the plain ones)."""
        return self.side_emb.get(side, self.emb)

    def _hubness(self) -> dict[tuple[str, str], np.ndarray]:
        """Offsets per (side, side it is compared with); empty with plain cosine."""
        c = self.config
        if c.sim_norm != "hubness" or not self.phrases:
            return {}

        def distinct(side: np.ndarray) -> np.ndarray:
            return np.unique(side[side != self.pad])

        s, g = distinct(self.skills), distinct(self.goals)
        k = c.hub_k
        sv, gv = self.side_emb["skills"], self.side_emb["goals"]
        return {
            ("skills", "goals"): hub_offsets(sv, s, g, k, self.pad, gv),
            ("goals", "skills"): hub_offsets(gv, g, s, k, self.pad, sv),
            ("goals", "goals"): hub_offsets(self.emb, g, g, k, self.pad),
        }

    def offsets(self, side: str, other: str) -> tuple[np.ndarray | None, np.ndarray | None]:
        """Hubness offsets for comparing phrases of `side` with phrases of `other`."""
        return self.hub.get((side, other)), self.hub.get((other, side))

    def block(self, i: int, j: int) -> None:
        """Forbid the pair (i, j): someone avoids someone, or they were partners before."""
        self.blocked.add((min(i, j), max(i, j)))

    # -- phrase similarities ----------------------------------------------------------------
    def sims(
        self, a_idx: np.ndarray, b_idx: np.ndarray, a_off=None, b_off=None, sides=("", "")
    ) -> np.ndarray:
        """Similarity tables (pairs, phrases of a, phrases of b); padding holds -1.

        `sides` names what a and b hold ("skills", "goals", "interests"): skill-goal pairs
        are compared in the learned projection when there is one. With offsets (see
        `offsets`), each similarity loses half of each phrase's hubness.
        """
        key = self._key(*sides)
        swap = key == ("goals", "skills")  # read the skills x goals table transposed
        table = self.tables.get(("skills", "goals") if swap else key)
        # np.take and matmul, not fancy indexing and einsum: same values, several times faster.
        if table is not None:
            width = table.shape[1]
            if swap:
                flat = b_idx[:, None, :] * width + a_idx[:, :, None]
            else:
                flat = a_idx[:, :, None] * width + b_idx[:, None, :]
            out = np.take(table.reshape(-1), flat)
        else:
            a_vecs, b_vecs = self.side_vectors(key[0]), self.side_vectors(key[1])
            a_emb, b_emb = np.take(a_vecs, a_idx, axis=0), np.take(b_vecs, b_idx, axis=0)
            out = np.matmul(a_emb, b_emb.transpose(0, 2, 1))
            pad = (a_idx == self.pad)[:, :, None] | (b_idx == self.pad)[:, None, :]
            out[pad] = -1.0
        if a_off is not None:
            out = out - 0.5 * (a_off[a_idx][:, :, None] + b_off[b_idx][:, None, :])
        return out

    def soft(self, s: np.ndarray) -> np.ndarray:
        """Map similarity to credit: nothing below sim_floor, full credit at sim_full."""
        c = self.config
        return np.clip((s - c.sim_floor) / (c.sim_full - c.sim_floor), 0.0, 1.0)

    def coverage(self, a_idx, b_idx, a_off=None, b_off=None, sides=("", "")) -> np.ndarray:
        """Mean over b's phrases of the credit of a's best phrase for it (0 when b has none)."""
        return self._cover(self.sims(a_idx, b_idx, a_off, b_off, sides).max(axis=1), b_idx)

    def coverages(self, a_idx, b_idx, a_off=None, b_off=None, sides=("", "")):
        """coverage(a, b) and coverage(b, a) from one similarity table (its transpose)."""
        sims = self.sims(a_idx, b_idx, a_off, b_off, sides)
        return self._cover(sims.max(axis=1), b_idx), self._cover(sims.max(axis=2), a_idx)

    def _cover(self, best: np.ndarray, b_idx: np.ndarray) -> np.ndarray:
        valid = b_idx != self.pad
        count = valid.sum(axis=1)
        total = (self.soft(best) * valid).sum(axis=1)
        return np.where(count > 0, total / np.maximum(count, 1), 0.0)

    # -- pair scores --------------------------------------------------------------------
    def components(self, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
        """Each score component in [0, 1] for pairs (i[k], j[k]); in mentor mode i mentors j."""
        c = self.config
        S, G, Int = self.skills, self.goals, self.interests
        sg, gs = self.offsets("skills", "goals")
        gg, _ = self.offsets("goals", "goals")
        if c.mode == "mentor":
            # A mentor is judged on how much of the mentee's need they cover.
            comp = self.coverage(S[i], G[j], sg, gs, _SG)
        else:
            # Two-sided: how much of each one's goals the other covers, and how much of each
            # one's skills the other needs. One broad skill alone then cannot dominate.
            # (Each table serves both directions: G[j] x S[i] is S[i] x G[j] transposed.)
            ij, ji = self.coverages(S[i], G[j], sg, gs, _SG)
            ji2, ij2 = self.coverages(S[j], G[i], sg, gs, _SG)
            comp = (ij + ji + ji2 + ij2) / 4
        shared = sum(self.coverages(G[i], G[j], gg, gg)) / 2
        both_int = (Int[i] != self.pad).any(axis=1) & (Int[j] != self.pad).any(axis=1)
        inter = np.where(both_int, sum(self.coverages(Int[i], Int[j])) / 2, 0.0)
        li, lj = self.levels[i], self.levels[j]
        known = ~(np.isnan(li) | np.isnan(lj))
        if c.level_mode == "any":
            level = np.ones(len(i))
        elif c.level_mode == "mentor_senior":
            d = np.nan_to_num(li - lj)
            level = np.where(known, np.where(d >= 1, 1.0, np.where(d == 0, 0.5, 0.0)), 0.5)
        else:
            level = np.where(known, 1 - np.abs(np.nan_to_num(li - lj)) / 3, 0.5)
        both_slots = self.has_slots[i] & self.has_slots[j]
        shared_slots = (self.slots[i] & self.slots[j]).sum(axis=1)
        avail = np.where(both_slots, np.minimum(shared_slots, 2) / 2, 0.5)
        both_lang = self.has_langs[i] & self.has_langs[j]
        common = (self.langs[i] & self.langs[j]).any(axis=1)
        lang = np.where(both_lang, common.astype(float), 0.5)
        return {
            "complementarity": comp,
            "shared_goals": shared,
            "interests": inter,
            "level": level,
            "availability": avail,
            "language": lang,
        }

    def _pair_in(self, pairs: set[tuple[int, int]], i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Whether each unordered pair (i[k], j[k]) is in a set of (row, row) pairs."""
        n = len(self.people)
        keys = np.array([min(a, b) * n + max(a, b) for a, b in pairs], dtype=np.int64)
        return np.isin(np.minimum(i, j) * n + np.maximum(i, j), keys)

    def feasible(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Whether each pair passes the hard rules (avoid, earlier partners, line, language)."""
        c = self.config
        ok = i != j
        if self.blocked:
            ok &= ~self._pair_in(self.blocked, i, j)
        if c.separate_departments:
            ok &= ~((self.dept[i] >= 0) & (self.dept[i] == self.dept[j]))
        if c.separate_reporting_lines:
            line = ((self.manager[i] >= 0) & (self.manager[i] == self.email[j])) | (
                (self.manager[j] >= 0) & (self.manager[j] == self.email[i])
            )
            ok &= ~line
        if c.require_common_language:
            both = self.has_langs[i] & self.has_langs[j]
            ok &= ~both | (self.langs[i] & self.langs[j]).any(axis=1)
        return ok

    def score(self, i, j) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
        """Return (scores, feasible, components) for pairs (i[k], j[k]), in chunks."""
        i = np.asarray(i, dtype=np.int64).reshape(-1)
        j = np.asarray(j, dtype=np.int64).reshape(-1)
        w = self.config.weights
        total_w = sum(w.values())
        scores = np.zeros(len(i))
        parts = {k: np.zeros(len(i)) for k in COMPONENTS}
        for start in range(0, len(i), _CHUNK):
            sl = slice(start, start + _CHUNK)
            comps = self.components(i[sl], j[sl])
            for k, v in comps.items():
                parts[k][sl] = v
                scores[sl] += w.get(k, 0.0) * v
        scores /= total_w
        if self.prefers:
            scores += self.config.prefer_bonus * self._pair_in(self.prefers, i, j)
        return scores, self.feasible(i, j), parts

    def pair(self, i: int, j: int) -> tuple[float, bool, dict[str, float]]:
        """Score of one pair: (score, feasible, components)."""
        s, ok, parts = self.score([i], [j])
        return float(s[0]), bool(ok[0]), {k: round(float(v[0]), 3) for k, v in parts.items()}
