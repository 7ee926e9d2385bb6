"""A learned second opinion on which sentences hold a commitment.

The rules in `models/actions.py` read the styles they were written on very well and new
writers' styles much less well (bench/data/README.md). This is a logistic regression over
hashed word and character n-grams of each sentence, with participants' names replaced by one
token, plus a few layout signals (a bullet, a date, a ticked box, whether the rules found an
item there). It is trained on the labelled note sets by `python -m bench.train_commitments`
and shipped as `models/data/commitments.npz`; `extract_actions` asks it about the sentences
the rules left alone, and builds an item from the sentence's own words when it is confident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

from models.clauses import clause_matches
from models.dates import due_date
from models.names import NameIndex
from models.owners import SELF_WORDS, group_tag, resolve_subject
from models.tasks import (
    TASK_VERBS,
    base_form,
    bg_imperative,
    bg_imperative_3p,
    clean_task,
    iso_date,
)

MODEL_PATH = Path(__file__).with_name("data") / "commitments.npz"
N_FEATURES = 2**18
NAME_TOKEN = "PNAME"
_WORDS = HashingVectorizer(n_features=N_FEATURES, ngram_range=(1, 2), alternate_sign=False,
                           norm="l2", lowercase=True)  # fmt: skip
_CHARS = HashingVectorizer(n_features=N_FEATURES, analyzer="char_wb", ngram_range=(2, 5),
                           alternate_sign=False, norm="l2")  # fmt: skip
_CAPITALISED = re.compile(r"\[PERSON\d+\]|@?[A-ZА-Я][\wА-Яа-я'’.-]*")
ACTION_SECTION_RE = re.compile(
    r"action|next step|to.?do|homework|agreed|follow|задачи|следващи|домашно|договор", re.I
)


@dataclass(frozen=True)
class SentenceView:
    """What the model sees of one sentence besides its words."""

    text: str
    section: str = ""
    bullet: bool = False
    checkbox: bool = False
    checked: bool = False
    continued: bool = False
    dated: bool = False  # a date the due-date reader resolves
    ruled: bool = False  # the rules found an action item in it


def mask_names(text: str, index: NameIndex) -> str:
    """ "Ana sends Boris the deck" → "PNAME sends PNAME the deck": the model learns how
    commitments are said, not who made them in the training notes."""
    if not index:
        return text
    return _CAPITALISED.sub(lambda m: NAME_TOKEN if index.resolve(m.group(0)) else m.group(0), text)


def _dense(views: list[SentenceView], masked: list[str]) -> np.ndarray:
    n = len(views)
    rows = [
        [v.ruled, v.dated, v.bullet, v.checkbox, v.checked,
         bool(ACTION_SECTION_RE.search(v.section or "")), v.text.rstrip().endswith("?"),
         min(len(v.text.split()), 60) / 30, NAME_TOKEN in t, i / max(1, n - 1), v.continued, 1.0]
        for i, (v, t) in enumerate(zip(views, masked, strict=True))
    ]  # fmt: skip
    return np.asarray(rows, dtype=float).reshape(n, 12) * 2.0


def features(views: list[SentenceView], index: NameIndex) -> sparse.csr_matrix:
    """One row per sentence: word n-grams, character n-grams, layout signals."""
    masked = [mask_names(v.text, index) for v in views]
    return sparse.hstack(
        [
            _WORDS.transform(masked),
            _CHARS.transform(masked),
            sparse.csr_matrix(_dense(views, masked)),
        ]
    ).tocsr()


@dataclass(frozen=True)
class CommitmentModel:
    weights: np.ndarray  # dense, one per feature column
    bias: float
    threshold: float  # the probability above which a sentence the rules skipped gets an item
    trained_on: tuple[str, ...]

    def probabilities(self, views: list[SentenceView], index: NameIndex) -> list[float]:
        if not views:
            return []
        z = features(views, index) @ self.weights + self.bias
        return [float(p) for p in 1.0 / (1.0 + np.exp(-z))]

    def save(self, path: Path = MODEL_PATH) -> None:
        """Only the non-zero weights: a few hundred kB instead of 4 MB."""
        path.parent.mkdir(parents=True, exist_ok=True)
        nz = np.flatnonzero(self.weights)
        np.savez_compressed(
            path, index=nz.astype(np.int32), value=self.weights[nz].astype(np.float32),
            size=len(self.weights), bias=self.bias, threshold=self.threshold,
            trained_on=np.array(self.trained_on),
        )  # fmt: skip

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> CommitmentModel:
        with np.load(path) as f:
            weights = np.zeros(int(f["size"]), dtype=np.float64)
            weights[f["index"]] = f["value"]
            return cls(weights, float(f["bias"]), float(f["threshold"]),
                       tuple(str(s) for s in f["trained_on"]))  # fmt: skip


def train(
    rows: list[tuple[list[SentenceView], NameIndex, list[int]]],
    trained_on: tuple[str, ...],
    threshold: float,
    c: float = 1.0,
) -> CommitmentModel:
    """Fit on (sentences, names, 0/1 labels) per note; balanced classes, L2."""
    from sklearn.linear_model import LogisticRegression

    x = sparse.vstack([features(views, index) for views, index, _ in rows]).tocsr()
    y = np.concatenate([np.asarray(labels) for _, _, labels in rows])
    fit = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(x, y)
    return CommitmentModel(fit.coef_[0].astype(np.float64), float(fit.intercept_[0]), threshold,
                           trained_on)  # fmt: skip


@cache
def default_model() -> CommitmentModel | None:
    """The shipped model, or None when the file is missing (the rules then work alone)."""
    return CommitmentModel.load() if MODEL_PATH.exists() else None


# "Shiv: run the drill", "KM to email the training team", "By Friday: list ...": a tag first.
_PREFIX_RE = re.compile(r"^([^:–—]{1,25}?)\s*(?::|–|—|\s-\s)\s*(.+)$")
# "Both → walk the site", "Hamid → send me the matrix": an arrow after who does it (but
# "Redis runbook → S": after a topic, the arrow points at the owner instead).
_ARROW_PREFIX_RE = re.compile(r"^([^:–—→]{1,25}?)\s*(?:→|->|=>)\s*(.+)$")
# "Kobby writes up the incident", "I chase the report", "LV to redo the write-up".
_SUBJECT_VERB_RE = re.compile(
    r"^(I|We|[A-ZА-Я][\w’'-]*\.?(?:\s[A-ZА-Я][\w’'-]*\.?)?)\s+(?:to\s+)?([a-z]{2,})\s+(.+)$"
)
# Where the task ends: the next sentence, a dash aside, a reason or a comment.
_TASK_END_RE = re.compile(
    r"(?<=[.;!?])\s|\s[—–]\s|,\s(?:so|which|because|as|but|since|after which)\s|"
    r"\s\((?:his|her|the|she|he)\b"
)
_AND_VERB_RE = re.compile(r"(\band\s+)([a-z]{1,}[^s\W]s)\b")
_LEAD_RE = re.compile(r"^\W*(?:\d{1,2}[.)]\s*)?")
MAX_TASK_WORDS = 18


TOGETHER_RE = re.compile(
    r"(?<![\wА-Яа-я])(?:together|jointly|both of us|заедно|двамата)(?![\wА-Яа-я])", re.I
)


# An organisation's initials or a titled surname opening the sentence, then what they do.
_OUTSIDER_START_RE = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?P<who>[A-ZА-Я]{2,6}|(?:Г-жа|Г-н|Д-р|Mr|Mrs|Ms|Dr)\.?\s+"
    r"[A-ZА-Я][a-zа-я]+)\s+(?:ще|will|to|да|докладва|съобщи|reported|said|каза)\b"
)


def item_from_sentence(
    text: str, index: NameIndex, author: str | None, you: str | None, ref, directed: bool = False
) -> dict | None:
    """An action item built from a sentence the model flagged: owner from a tag or the
    subject, the task from the verb on to the first break; None when the subject is someone
    outside the pair or no short task can be read. A line with no subject is the author's
    own list, or, `directed` (a chat message), asks the reader."""
    full = text
    outsider = _OUTSIDER_START_RE.match(text)
    if outsider and not index.resolve(outsider.group("who")):
        return None  # "РУО ще изпрати ...", "Г-жа Генчева докладва, че ...": someone else
    text = _LEAD_RE.sub("", text)
    # "А аз до петък правя графика": the writer's own, said with "аз".
    text = re.sub(r"^(?:(?:а|и|но)\s+)?аз\s+(?:пък\s+)?", "", text, flags=re.I)
    owner, tagged = None, False
    arrow = _ARROW_PREFIX_RE.match(text)
    if arrow and (index.resolve_tag(arrow.group(1)) or group_tag(arrow.group(1), index)):
        owner, text, tagged = index.resolve_tag(arrow.group(1)), arrow.group(2), True
    m = None if tagged else _PREFIX_RE.match(text)
    if m:
        who = index.resolve(m.group(1)) or (
            author if m.group(1).strip().lower() in SELF_WORDS else None
        )
        if who:
            owner, text, tagged = who, m.group(2), True
        elif group_tag(m.group(1), index):
            owner, text, tagged = None, m.group(2), True  # "both — send ...": the pair's
        elif len(m.group(1).split()) <= 4:
            text = m.group(2)  # "By Friday: ...", "Lift-out schedule: ..."
    if not tagged:
        clauses = clause_matches(text)
        sv = _SUBJECT_VERB_RE.match(text)
        # "He has a budget template and said he'll dig it out ...": "has" is no task; the
        # later promise is ("... ask you to model things" is no promise).
        idle = sv and base_form(sv.group(2)) not in TASK_VERBS
        if clauses and (clauses[0]["start"] < 40 or idle and clauses[0]["modal"] != "to"):
            subject, rest = clauses[0]["subj"], text[clauses[0]["verb_at"] :]
        elif sv:
            # "writes up the incident and gets the draft to me": both verbs in the base form.
            tail = _AND_VERB_RE.sub(lambda v: v.group(1) + base_form(v.group(2)), sv.group(3))
            subject, rest = sv.group(1), f"{base_form(sv.group(2))} {tail}"
        else:
            subject, rest = None, text  # "Draft the proposal ...": the writer's own list
        if subject is None and TOGETHER_RE.search(text):
            owner = None  # "Обход на посевите заедно в понеделник": both of them
        elif subject is None:
            owner = you if directed else author
        else:
            is_person, owner = resolve_subject(subject, index, author, [], set(), you, bool(author))
            if not is_person or (owner and not index.resolve(owner)):
                return None  # a thing, or someone outside the pair
        text = rest
    task = clean_task(_TASK_END_RE.split(text)[0], ref)
    if not tagged and clauses and clauses[0]["start"] < 40:
        plural = clauses[0]["subj"].lower().removeprefix("и ")
        if plural in ("двамата", "двете", "ние"):
            # "Решено бе двамата да прегледат ..." → "Прегледайте ...": the pair's, as an order.
            task = bg_imperative_3p(task) if plural != "ние" else bg_imperative(task)
    if not 2 <= len(task.split()) <= MAX_TASK_WORDS:
        return None
    due = due_date(full, ref)[0] if ref else None
    return {"owner": owner, "task": task, "due": iso_date(due)}
