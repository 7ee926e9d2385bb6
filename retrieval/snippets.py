"""Query-focused snippets with the matched words marked (as segments, so callers escape)."""

from __future__ import annotations

import re

from retrieval.text import STOPWORDS, WORD_RE, normalize, stem, tokenize

_MARKUP = re.compile(r"(\*\*|__|`|^#{1,6}\s+|^>\s?|^\s*[-*+]\s+|^\s*\d+\.\s+|\|)", re.MULTILINE)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_SPACES = re.compile(r"\s+")

Segments = list[tuple[str, bool]]


def plain_text(markdown: str) -> str:
    """Return Markdown as one line of plain text (links keep their label)."""
    text = _LINK.sub(r"\1", markdown)
    text = _MARKUP.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def _is_hit(word: str, terms: set[str]) -> bool:
    norm = normalize(word)
    return norm not in STOPWORDS and stem(norm) in terms


def snippet(text: str, query: str, max_words: int = 30) -> Segments:
    """Return the window of text with most query words, as (segment, is_match) pairs."""
    text = plain_text(text)
    terms = set(tokenize(query))
    words = list(WORD_RE.finditer(text))
    if not words:
        return [(text, False)] if text else []
    hits = [_is_hit(m.group(), terms) for m in words]
    start = 0
    if len(words) > max_words and any(hits):
        best = current = sum(hits[:max_words])
        for i in range(1, len(words) - max_words + 1):
            current += hits[i + max_words - 1] - hits[i - 1]
            if current > best:
                best, start = current, i
        # Start a little before the first hit so it has some context.
        first = next(i for i in range(start, start + max_words) if hits[i])
        start = max(0, min(first - 3, len(words) - max_words))
    end = min(len(words), start + max_words)
    lo = 0 if start == 0 else words[start].start()
    hi = len(text) if end == len(words) else words[end - 1].end()
    segments: Segments = []
    if start > 0:
        segments.append(("… ", False))
    pos = lo
    for i in range(start, end):
        if hits[i]:
            m = words[i]
            if m.start() > pos:
                segments.append((text[pos : m.start()], False))
            segments.append((m.group(), True))
            pos = m.end()
    if hi > pos:
        segments.append((text[pos:hi], False))
    if end < len(words):
        segments.append((" …", False))
    return _merge(segments)


def _merge(segments: Segments) -> Segments:
    out: Segments = []
    for seg, hit in segments:
        if out and out[-1][1] == hit and not hit:
            out[-1] = (out[-1][0] + seg, hit)
        else:
            out.append((seg, hit))
    return out


def to_text(segments: Segments) -> str:
    """Return the plain text of segments."""
    return "".join(seg for seg, _ in segments)
