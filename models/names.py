"""Participant names: matching across case, first names and Latin/Cyrillic spelling."""

from __future__ import annotations

import re

CYR_TO_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht",
    "ъ": "a", "ь": "y", "ю": "yu", "я": "ya", "ѝ": "i", "ё": "yo", "э": "e", "ы": "y",
}  # fmt: skip
# Spelling variants that transliteration cannot decide ("Maria"/"Мария", "Tsveta"/"Cveta").
FOLDS = [("iya", "ia"), ("ya", "ia"), ("yu", "iu"), ("y", "i"), ("ts", "c"), ("kh", "h"),
         ("w", "v"), ("ii", "i"), ("ph", "f"), ("x", "ks")]  # fmt: skip

PLACEHOLDER_RE = re.compile(r"\[(PERSON\d+)\]|\((PERSON\d+)\)")
# A capitalised word in Latin or Cyrillic script (names, places, products).
CAPITAL_RE = re.compile(r"(?<![\wА-Яа-я])([A-ZА-Я][a-zа-яA-ZА-Я'’-]+)")


def skeleton(name: str) -> str:
    """A spelling-insensitive key: Latin letters, common variants folded."""
    out = "".join(CYR_TO_LAT.get(ch, ch) for ch in name.lower())
    out = re.sub(r"[^a-z0-9]", "", out)
    for a, b in FOLDS:
        out = out.replace(a, b)
    return out


def canonical_placeholder(token: str) -> str | None:
    """`[PERSON6]` or `(PERSON6)` → `[PERSON6]`, the form owners take in transcripts."""
    m = PLACEHOLDER_RE.fullmatch(token.strip())
    return f"[{m.group(1) or m.group(2)}]" if m else None


class NameIndex:
    """Finds which participant a written name refers to."""

    def __init__(self, participants: list[str] | None):
        self.participants = [p.strip() for p in participants or [] if p and p.strip()]
        self._keys: dict[str, str] = {}
        for full in self.participants:
            placeholder = canonical_placeholder(full)
            if placeholder:
                self._keys[placeholder.lower()] = full
                continue
            self._keys.setdefault(skeleton(full), full)
            first = full.split()[0]
            self._keys.setdefault(skeleton(first), full)

    def resolve(self, word: str) -> str | None:
        """The participant `word` names (first name, full name, other script), or None."""
        word = word.strip().lstrip("@").strip(".,:;()")
        if not word:
            return None
        placeholder = canonical_placeholder(word)
        if placeholder:
            return self._keys.get(placeholder.lower(), placeholder)
        return self._keys.get(skeleton(word))

    def __bool__(self) -> bool:
        return bool(self.participants)


def speakers_of(text: str) -> list[str]:
    """Transcript speakers in order of first appearance, as `[PERSONn]`."""
    seen: dict[str, None] = {}
    for m in re.finditer(r"^\s*\((PERSON\d+)\)", text, re.M):
        seen.setdefault(f"[{m.group(1)}]", None)
    return list(seen)
