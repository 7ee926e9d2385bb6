"""Split long resources into passages of a few sentences, keeping Markdown sections together."""

from __future__ import annotations

import re

_HEADING = re.compile(r"^#{1,6}\s+(.*\S)\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")

TARGET_WORDS = 120
MAX_WORDS = 180


def _words(text: str) -> int:
    return len(text.split())


def _blocks(text: str) -> list[tuple[str, str]]:
    """Yield (heading, paragraph) pairs; a heading applies until the next one."""
    heading = ""
    out: list[tuple[str, str]] = []
    for para in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        para = para.strip()
        if not para:
            continue
        lines = para.split("\n")
        match = _HEADING.match(lines[0])
        if match:
            heading = match.group(1).strip()
            lines = lines[1:]
            if not lines:
                continue
        out.append((heading, "\n".join(lines).strip()))
    return out


def _split_long(paragraph: str, max_words: int) -> list[str]:
    """Cut one over-long paragraph at sentence ends (or hard word limits)."""
    if _words(paragraph) <= max_words:
        return [paragraph]
    pieces: list[str] = []
    current: list[str] = []
    for sentence in _SENTENCE_END.split(paragraph):
        if current and _words(" ".join(current + [sentence])) > max_words:
            pieces.append(" ".join(current))
            current = []
        words = sentence.split()
        while len(words) > max_words:
            pieces.append(" ".join(words[:max_words]))
            words = words[max_words:]
        if words:
            current.append(" ".join(words))
    if current:
        pieces.append(" ".join(current))
    return pieces


def split_passages(
    text: str, target_words: int = TARGET_WORDS, max_words: int = MAX_WORDS
) -> list[str]:
    """Return passages of about target_words (never above max_words), in document order.

    Paragraphs under one heading are merged until the target is reached; a passage that
    starts a section carries its heading so it reads on its own.
    """
    passages: list[str] = []
    current: list[str] = []
    body = [0]  # words of body text in current (headings alone make no passage)
    current_heading: str | None = None

    def flush() -> None:
        if body[0]:
            passages.append("\n\n".join(current))
        current.clear()
        body[0] = 0

    for heading, para in _blocks(text):
        if heading != current_heading:
            flush()
            current_heading = heading
            if heading:
                current.append(f"{heading}")
        for piece in _split_long(para, max_words):
            size = body[0]
            if size and (size + _words(piece) > max_words or size >= target_words):
                flush()
                if heading:
                    # Continuation passages repeat the heading for context.
                    current.append(heading)
            current.append(piece)
            body[0] += _words(piece)
    flush()
    return [p for p in passages if p.strip()]
