"""Tokenisation shared by keyword search, snippets and matching (English and Bulgarian)."""

from __future__ import annotations

import re
import unicodedata

# Letters and digits of any script; underscores and punctuation separate words.
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)

_EN_STOP = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    s t don doesn didn isn aren wasn weren won shall may might must also us""".split()
)

_BG_STOP = frozenset(
    """на за в от и а аз ако ала бе без беше би бил била били било бъде в вас ваш ваша
    ваше вече ви вие
    все всеки всички всичко във въпреки го да дали до докато докога дори е едва ето за зад
    заедно защо защото и из или им има й как каква какво както какъв като кога когато което
    които кой който колко която къде където към ли м ме между мен ми мн мога може много мой
    моя моят му най не него неговия нея нещо ни ние никой нито но няколко няма о обаче около
    освен от отгоре отново още пак по повече под поне поради после почти при пред преди през
    с са след сега си сме според сред срещу сте съм със също т та така така също там те тези
    ти то това тогава този той толкова точно тук тъй тя тях у утре ч че често чрез ще щом я
    """.split()
)

STOPWORDS = _EN_STOP | _BG_STOP

# Longest suffix first; each pair is (suffix, replacement). Deliberately light: the aim is
# that singular/plural and common inflections meet, not linguistic accuracy.
_EN_SUFFIXES = (
    ("ational", "ate"),
    ("ization", "ize"),
    ("fulness", "ful"),
    ("iveness", "ive"),
    ("ations", "ate"),
    ("ation", "ate"),
    ("ments", ""),
    ("ment", ""),
    ("nesses", ""),
    ("ness", ""),
    ("ingly", ""),
    ("edly", ""),
    ("ings", ""),
    ("ing", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ers", "er"),
    ("ed", ""),
    ("ly", ""),
    ("es", ""),
    ("s", ""),
)

# Bulgarian: definite articles first, then plural and adjective endings.
_BG_ARTICLES = ("ията", "ият", "ът", "ят", "та", "то", "те")
_BG_ENDINGS = (
    "ища",
    "ове",
    "еве",
    "ета",
    "ия",
    "ите",
    "ски",
    "ска",
    "ско",
    "ния",
    "ни",
    "на",
    "но",
    "ен",
    "и",
    "а",
    "я",
    "о",
    "е",
)

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _stem_en(word: str) -> str:
    for suffix, repl in _EN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: len(word) - len(suffix)] + repl
            break
    while word.endswith("e") and len(word) > 3:
        word = word[:-1]
    # Collapse doubled final consonants left by -ing/-ed ("planning" -> "plan").
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word


def _stem_bg(word: str) -> str:
    for suffix in _BG_ARTICLES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    for suffix in _BG_ENDINGS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word


def normalize(text: str) -> str:
    """Return NFKC-normalised, case-folded text (the form every comparison uses)."""
    return unicodedata.normalize("NFKC", text).casefold()


def stem(word: str) -> str:
    """Return the light stem of one already normalised word."""
    if _CYRILLIC.search(word):
        return _stem_bg(word)
    if word.isascii() and word.isalpha():
        return _stem_en(word)
    return word


def tokenize(text: str) -> list[str]:
    """Split text into stemmed, lower-case terms without stopwords."""
    out = []
    for match in WORD_RE.finditer(normalize(text)):
        word = match.group()
        if word in STOPWORDS or (len(word) == 1 and not word.isdigit()):
            continue
        out.append(stem(word))
    return out
