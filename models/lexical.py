"""Word tokens, stopwords and TF-IDF vectors: the lexical fallback when no embedder is loaded."""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np

WORD_RE = re.compile(r"[0-9]+(?:[.,:][0-9]+)*|[A-Za-zА-Яа-яЁёЍѝ]+(?:['’-][A-Za-zА-Яа-я]+)*")
STOPWORDS = set(
    """a an the and or but if then so of to in on at by for with from as is are was were be been
    being am do does did have has had it its this that these those there here i me my we our us
    you your he him his she her they them their what which who whom when where why how not no
    yes ok okay will would shall should can could may might must just also very really about
    into over than too more most some any all each both own same such only other again once
    up down out off now then well eh ehm uh um hmm mm yeah like so kind sort thing things get
    got go going know think mean right
    и в на за с със от до по се да не ще е са бе беше съм си сме сте то той тя те ние вие аз
    ми ни ви му ѝ й им го я ги че как какво кой коя кое които който която което но или а
    ако като също още вече много по-много така този тази това тези там тук някой нещо
    ти теб тебе мен мене него нея тях нас вас при към през без след пред между във дето
    ли би""".split()
)


# Hesitations and backchannels of spoken transcripts; a sentence made of them says nothing.
HESITATION = set(
    """yeah yes okay ok ehm uh uhm um mm hmm so right well erm er eh mhm oh ah huh like yep yup
    no""".split()
)


def words(text: str) -> list[str]:
    """Lowercase word tokens (Latin and Cyrillic, numbers kept whole)."""
    return [w.lower() for w in WORD_RE.findall(text)]


def content_words(text: str) -> list[str]:
    """Words without stopwords, for overlap and TF-IDF."""
    return [w for w in words(text) if w not in STOPWORDS and len(w) > 1]


def stem(word: str) -> str:
    """A crude prefix stem so "deadline"/"deadlines", "презентация"/"презентацията" meet."""
    return word[:6] if len(word) > 6 else word


def disfluency(text: str) -> float:
    """Share of hesitation words and stutters ("we'll we'll") among the words of `text`."""
    toks = words(text)
    if not toks:
        return 1.0
    stutters = sum(a == b for a, b in zip(toks, toks[1:], strict=False))
    return (sum(t in HESITATION for t in toks) + stutters) / len(toks)


def tfidf_matrix(texts: list[str]) -> np.ndarray:
    """Row-normalised TF-IDF vectors of `texts` over stemmed content words."""
    docs = [Counter(stem(w) for w in content_words(t)) for t in texts]
    vocab: dict[str, int] = {}
    df: Counter = Counter()
    for d in docs:
        df.update(d.keys())
        for w in d:
            vocab.setdefault(w, len(vocab))
    mat = np.zeros((len(texts), max(1, len(vocab))), dtype=np.float32)
    n = len(texts)
    for i, d in enumerate(docs):
        for w, tf in d.items():
            mat[i, vocab[w]] = (1 + math.log(tf)) * math.log((1 + n) / (1 + df[w]) + 1)
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    return mat / np.where(norms == 0, 1, norms)


def language(text: str) -> str:
    """ "bg" when Cyrillic letters outnumber Latin ones, else "en"."""
    cyr = len(re.findall(r"[А-Яа-я]", text))
    lat = len(re.findall(r"[A-Za-z]", text))
    return "bg" if cyr > lat else "en"
