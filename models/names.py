"""Participant names: matching across case, first names and Latin/Cyrillic spelling."""

from __future__ import annotations

import re
import unicodedata

CYR_TO_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht",
    "ъ": "a", "ь": "y", "ю": "yu", "я": "ya", "ѝ": "i", "ё": "yo", "э": "e", "ы": "y",
}  # fmt: skip
# Spelling variants that transliteration cannot decide ("Maria"/"Мария", "Tsveta"/"Cveta").
FOLDS = [("iya", "ia"), ("ya", "ia"), ("yu", "iu"), ("y", "i"), ("ts", "c"), ("kh", "h"),
         ("w", "v"), ("ii", "i"), ("ph", "f"), ("x", "ks")]  # fmt: skip

# "К.", "M.": one capital and a full stop, as terse notes abbreviate a participant.
INITIAL_RE = re.compile(r"[A-ZА-Я]\.")
# Capitals that name a team or a thing, not a person, in an owner slot.
ACRONYMS = {
    "HR", "IT", "QA", "PM", "PR", "CEO", "CTO", "CFO", "COO", "OK", "UK", "US", "EU", "KPI",
    "SOP", "TBD", "TBC", "ASAP", "EOD", "EOW", "NA", "ALL", "BOTH", "ME", "ЧР", "ИТ", "ОК",
    "СОП", "ПР", "ЕС", "ДДС", "НАП", "МВР",
}  # fmt: skip
DOTTED_INITIALS_RE = re.compile(r"(?:[A-ZА-Я]\.){2,3}")
INITIAL_SURNAME_RE = re.compile(r"(?<![\wА-Яа-я.])([A-ZА-Я]\.)\s?[A-ZА-Я][a-zа-я]{2,}")
DOTTED_INITIALS_IN_TEXT_RE = re.compile(r"(?<![\wА-Яа-я.])((?:[A-ZА-Я]\.){2,3})(?=[\s:,;)]|$)")
PLACEHOLDER_RE = re.compile(r"\[(PERSON\d+)\]|\((PERSON\d+)\)")
# A capitalised word in Latin or Cyrillic script (names, places, products).
CAPITAL_RE = re.compile(r"(?<![\wА-Яа-я])([A-ZА-Я][a-zа-яA-ZА-Я'’-]+)")


def _latin_base(ch: str) -> str:
    """The base letter of a Latin letter with a diacritic ("â" → "a", "Ł" → "L"), else `ch`."""
    special = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "s", "æ": "a",
               "Æ": "A", "œ": "o", "Œ": "O", "ı": "i", "ð": "d", "Ð": "D", "þ": "t", "Þ": "T",
               "ħ": "h", "Ħ": "H"}  # fmt: skip
    if ch in special:
        return special[ch]
    base = unicodedata.normalize("NFKD", ch)[:1]
    return base if base.isascii() and base.isalpha() else ch


# Latin-1 Supplement to Latin Extended-B; Cyrillic ("й", "ѝ") is left alone.
_LATIN_FOLD = {c: _latin_base(chr(c)) for c in range(0xC0, 0x250) if chr(c).isalpha()}


def fold_latin(text: str) -> str:
    """ "Siân", "Lucía", "Bartłomiej" → "Sian", "Lucia", "Bartlomiej": one plain letter for each
    Latin letter with a diacritic, so that patterns written for A-Z see the whole name."""
    return text.translate(_LATIN_FOLD)


def unfolder(text: str):
    """A function that puts back the diacritics `fold_latin` took out of `text`'s words, in
    any string built from them ("Send Sian the protocol" → "Send Siân the protocol")."""
    back: dict[str, str | None] = {}
    for word in re.findall(r"\w+", text):
        folded = fold_latin(word)
        if folded != word:
            back[folded] = word if back.get(folded, word) == word else None  # None: ambiguous
    back = {k: v for k, v in back.items() if v}
    if not back:
        return lambda s: s
    return lambda s: re.sub(r"\w+", lambda m: back.get(m.group(0), m.group(0)), s)


def skeleton(name: str) -> str:
    """A spelling-insensitive key: Latin letters, common variants folded."""
    out = "".join(CYR_TO_LAT.get(ch, ch) for ch in fold_latin(name).lower())
    out = re.sub(r"[^a-z0-9]", "", out)
    for a, b in FOLDS:
        out = out.replace(a, b)
    return out


def canonical_placeholder(token: str) -> str | None:
    """`[PERSON6]` or `(PERSON6)` → `[PERSON6]`, the form owners take in transcripts."""
    m = PLACEHOLDER_RE.fullmatch(token.strip())
    return f"[{m.group(1) or m.group(2)}]" if m else None


# Words that follow a first name without being a surname ("Ana Monday", "Ана Утре").
CALENDAR_WORDS = set(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december today tomorrow tonight понеделник
    вторник сряда четвъртък петък събота неделя днес утре довечера""".split()
)
# Three-letter words that open sentences; "Kat" for Katarina is a nickname, "Can" is not.
COMMON_SHORT = set(
    """the and but can may did has had was are not all any for our its who how why yes she her
    his him too new now one two see set get got let put off out own way day art man men sun
    mon tue wed thu fri sat end top job big per via ask pay run use try""".split()
)


# Short names that do not begin or end the full name ("Gus" for Angus, "Гошо" for Георги):
# the usual English and Bulgarian ones, nickname -> the first names it may stand for. Not
# "Will", "Bill" or "Drew": they open sentences as words.
DIMINUTIVES = {
    # Polish: "Wojtek" is Wojciech, "Bartek" Bartłomiej.
    "wojtek": "wojciech",
    "bartek": "bartłomiej bartlomiej bartosz",
    "kuba": "jakub",
    "tomek": "tomasz",
    "kasia": "katarzyna",
    "кася": "катажина катаржина катерина",
    "gosia": "małgorzata malgorzata",
    "basia": "barbara",
    "ola": "aleksandra",
    "magda": "magdalena",
    "staszek": "stanisław stanislaw",
    "gus": "angus augustus",
    "gaz": "gareth gary",
    "baz": "barry",
    "del": "derek",
    "becs": "rebecca",
    "becky": "rebecca",
    "becca": "rebecca",
    "steve": "stephen steven",
    "bob": "robert",
    "rob": "robert",
    "bobby": "robert boris borislav",
    "liz": "elizabeth",
    "beth": "elizabeth bethan",
    "betty": "elizabeth",
    "kate": "katherine catherine kathryn",
    "katie": "katherine catherine kathryn",
    "kit": "katherine christopher",
    "jim": "james",
    "jamie": "james",
    "len": "leonard lennard",
    "lenny": "leonard lennard",
    "marge": "marguerite margaret marjorie",
    "chris": "christopher christine christina",
    "nick": "nicholas nikolai nikola",
    "ger": "gerard gerald geraldine",
    "patsy": "patricia patrick",
    "paddy": "patrick",
    "trish": "patricia",
    "kathy": "katherine catherine kathryn",
    "mike": "michael",
    "mick": "michael",
    "pippa": "philippa",
    "meg": "margaret megan",
    "maggie": "margaret",
    "peggy": "margaret",
    "dick": "richard",
    "ted": "edward",
    "ned": "edward",
    "eddie": "edward",
    "sandy": "alexander alexandra",
    "sasha": "alexander alexandra oleksandr oleksandra aleksandr aleksandra",
    "alex": "alexander alexandra",
    "jack": "john",
    "johnny": "john jonathan",
    "harry": "henry harold",
    "hal": "henry",
    "nell": "eleanor helen",
    "ellie": "eleanor elizabeth",
    "nora": "eleanor",
    "jess": "jessica",
    "sue": "susan",
    "penny": "penelope",
    "tony": "anthony antonia",
    "toni": "antonia",
    "charlie": "charles charlotte",
    "lottie": "charlotte",
    "fred": "frederick alfred",
    "bert": "albert herbert robert",
    "dom": "dominic",
    "ollie": "oliver olivia",
    "olly": "oliver olivia",
    "merche": "mercedes",
    "pepe": "josé jose",
    "paco": "francisco",
    "lola": "dolores",
    "nacho": "ignacio",
    "chema": "josé jose",
    "hattie": "harriet",
    "hatty": "harriet",
    "livvy": "olivia",
    "liv": "olivia",
    "vicky": "victoria",
    "tori": "victoria",
    "izzy": "isabel",
    "bella": "isabella",
    "andy": "andrew",
    "matt": "matthew",
    "данчо": "йордан даниел",
    "дани": "даниела йордан",
    "гошо": "георги",
    "жоро": "георги",
    "тони": "антония антон",
    "митко": "димитър",
    "мими": "мария димитрина",
    "ира": "ирина",
    "вальо": "валентин",
    "ваньо": "иван",
    "ванчо": "иван",
    "пешо": "петър",
    "петьо": "петър",
    "ицо": "христо християн",
    "наско": "атанас",
    "краси": "красимир красимира",
    "веско": "веселин",
    "стефчо": "стефан",
    "ники": "николай николета",
    "кольо": "николай",
    "коко": "константин",
    "косьо": "константин",
    "мишо": "михаил",
    "сашо": "александър",
    "саша": "александра александър",
    "бобо": "борислав",
    "боби": "борислава борис борислав",
    "ели": "елена елица елисавета",
    "тошо": "тодор",
    "тошко": "тодор",
    "данче": "йорданка",
    "бойко": "борислав",
    "светльо": "светослав",
    "цеци": "цветелина цветомира",
    "dima": "dmitri dmitry dimitri",
    "misha": "mikhail michael",
    "bill": "william",
    "billy": "william",
    "tash": "natasha",
    "nat": "natalie natasha nathan nathaniel",
    "rosie": "rosalind rosemary rosa",
    "tess": "theresa teresa",
    "jo": "joanna joanne josephine",
    "яна": "марияна бояна дияна",
    "теди": "теодора теодор",
    "тео": "теодора теодор",
    "цецо": "цветан",
    "мила": "милена людмила",
    "ваня": "иванка иван",
    "катя": "екатерина",
    "гери": "гергана",
    "галя": "галина",
    "надя": "надежда",
    "кристи": "кристина",
    "ани": "анелия анна ана",
}


# "Атанас (Наско)", "Katarina Novak (Kat)": a name, then the short name people use.
DECLARED_RE = re.compile(
    r"(?<![\wА-Яа-я])([A-ZА-Я][\wА-Яа-я'’-]+)(?:\s+[A-ZА-Я][\wА-Яа-я'’-]+)?\s*"
    r"\(\s*([A-ZА-Я][a-zа-я'’-]{1,15})\s*\)"
)

# "Seun Adeyemi (SA, mentee)", "Пламен Георгиев (П.Г.)": a name, then the initials used for it.
DECLARED_INITIALS_RE = re.compile(
    r"(?<![\wА-Яа-я])([A-ZА-Я][\wА-Яа-я'’-]+)(?:\s+[A-ZА-Я][\wА-Яа-я'’-]+)?\s*"
    r"\(\s*((?:[A-ZА-Я]\.?\s?){2,3})\s*[,)]"
)


TITLE_RE = re.compile(
    r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|[Гг]-н|[Гг]-жа|[Ии]нж|[Дд]-р|[Дд]оц|[Пп]роф|"
    # "бай Асен", "кака Мими": a familiar title before a first name.
    r"[Бб]ай|[Кк]ака|[Бб]ате|[Лл]еля|[Чч]ичо)\.?\s+(?=\S)"
)


class NameIndex:
    """Finds which participant a written name refers to."""

    def __init__(self, participants: list[str] | None):
        self.participants = [p.strip() for p in participants or [] if p and p.strip()]
        self._keys: dict[str, str] = {}
        self._initials: dict[str, str] = {}
        self._surnames: dict[str, set[str]] = {}
        for full in self.participants:
            placeholder = canonical_placeholder(full)
            if placeholder:
                self._keys[placeholder.lower()] = full
                continue
            self._keys.setdefault(skeleton(full), full)
            first = full.split()[0]
            self._keys.setdefault(skeleton(first), full)

    def learn_initials(self, text: str) -> None:
        """Register "DM" for "Diego Morales" when the note spells a participant's full name,
        so terse tags like "(DM)" resolve; and a nickname the note declares in brackets
        ("Атанас (Наско)", "Katarina (Kat)")."""
        for m in DECLARED_RE.finditer(text):
            owner = self.resolve(m.group(1))
            nick = m.group(2)
            if owner and not nick.isupper() and skeleton(nick) not in self._keys:
                self._keys[skeleton(nick)] = owner
        for m in DECLARED_INITIALS_RE.finditer(text):
            owner = self.resolve(m.group(1))
            if owner:
                self._initials.setdefault(re.sub(r"[.\s]", "", m.group(2)), owner)
        for full in self.participants:
            first = full.split()[0]
            pattern = re.escape(first) + r"\s+(([A-ZА-Я])[a-zа-я'’-]+)"
            for m in re.finditer(pattern, text):
                self._initials.setdefault(first[0] + m.group(2), full)
                # "Стефка Колева" in the header, "Колева ще говори ..." below: the surname too.
                if (len(m.group(1)) > 3 and skeleton(m.group(1)) not in self._keys
                        and m.group(1).lower() not in CALENDAR_WORDS):  # fmt: skip
                    self._surnames.setdefault(skeleton(m.group(1)), set()).add(full)
            if len(full.split()) > 1:
                self._initials.setdefault("".join(w[0] for w in full.split()), full)

    def expand_initials(self, text: str) -> str:
        """ "AR to send GL the summaries" → "Aisha to send Gareth the summaries", for the
        two- and three-letter initials learnt from the note's full names, and dotted initials
        ("Й.Д.") whose first letter is one participant's."""
        text = DOTTED_INITIALS_IN_TEXT_RE.sub(
            lambda m: self._first_name(m.group(1)) or m.group(1), text
        )
        # "Д. Стоева", "B. Okafor" in a form: the participant with that initial.
        text = INITIAL_SURNAME_RE.sub(lambda m: self._first_name(m.group(1)) or m.group(0), text)
        tags = {k: v for k, v in self._initials.items() if len(k) > 1 and k.isupper()}
        if not tags:
            return text
        # "PG", "P.G." and "P. G." alike.
        dotted = [r"\.\s?".join(map(re.escape, k)) + r"\." for k in tags]
        forms = dotted + [re.escape(k) for k in tags]
        pattern = r"(?<![\wА-Яа-я])(" + "|".join(forms) + r")(?![\wА-Яа-я])"
        return re.sub(pattern, lambda m: tags[re.sub(r"[.\s]", "", m.group(1))].split()[0], text)

    def _first_name(self, initials: str) -> str | None:
        """The first name of the participant `initials` ("Й.Д.", "Д.") stand for, or None."""
        owner = self._initial(initials)
        return owner.split()[0] if owner else None

    def _initial(self, word: str) -> str | None:
        """ "К.", "M.": the one participant whose name starts with that letter; "DM": learnt."""
        if word.replace(".", "") in self._initials:
            return self._initials[word.replace(".", "")]
        # A bare Latin capital ("S → try ...") too, but not "I" or "A", which are words; and
        # dotted initials ("Й.Д.") by their first letter.
        bare = len(word) == 1 and "B" <= word <= "Z" and word != "I"
        if not (INITIAL_RE.fullmatch(word) or DOTTED_INITIALS_RE.fullmatch(word) or bare):
            return None
        fitting = [p for p in self.participants if p[:1].upper() == word[0]]
        return fitting[0] if len(fitting) == 1 else None

    def resolve_tag(self, word: str) -> str | None:
        """A name in an owner slot ("→ МК", "— Й.", "LV →", "→ С.П", "Mo —"): what `resolve`
        finds, else two or three capitals (not an acronym like HR or QA), a capital with dots,
        or a two-letter short name whose first letter begins exactly one participant's name."""
        found = self.resolve(word)
        if found:
            return found
        bare = word.strip().strip(",:;()")
        # (Two capitals, or up to three with full stops: "ADR", "API", "SLA" are things.)
        tag = re.fullmatch(
            r"[A-ZА-Я]{2}|(?:[A-ZА-Я]\.){1,3}|[A-ZА-Я]\.[A-ZА-Я]|[A-ZА-Я][a-zа-я]", bare
        )
        if not tag or bare.replace(".", "").upper() in ACRONYMS:
            return None
        fitting = [p for p in self.participants if p[:1].upper() == bare[0]]
        return fitting[0] if len(fitting) == 1 else None

    def resolve(self, word: str) -> str | None:
        """The participant `word` names (first name, full name, other script, an initial with
        a full stop), or None."""
        word = word.strip().lstrip("@").strip(",:;()")
        word = TITLE_RE.sub("", word)  # "Ms Kruger", "инж. Петров": the title says nothing
        found = self._initial(word.replace(" ", ""))
        if found:
            return found
        word = word.strip(".")
        if not word:
            return None
        placeholder = canonical_placeholder(word)
        if placeholder:
            return self._keys.get(placeholder.lower(), placeholder)
        found = (
            self._keys.get(skeleton(word))
            or self._nickname(word)
            or self._surname(word)
            or self._handle(word)
        )
        if not found and 1 < len(word.split()) <= 3 and all(w[:1].isupper() for w in word.split()):
            # "Ingrid Sørensen" in a chat header: the first name decides; Teams' "Nowak,
            # Bartłomiej" puts it last.
            first, last = word.split()[0], word.split()[-1]
            return self.resolve(first) or (self.resolve(last) if first.endswith(",") else None)
        return found

    def _handle(self, word: str) -> str | None:
        """ "cdubois", "ykaya", "camille.d": a chat handle made of a participant's initial and
        surname (or first name and initial), with the surname learnt from the note."""
        key = skeleton(word)
        if len(key) < 4 or not word[:1].islower():
            return None
        first_part = re.split(r"[._]", word)[0]
        if first_part != word and len(first_part) >= 3:
            # "kwame.o", "ingrid_h": a first name, then a separator; "sofi.r", "dec_ops": its
            # start.
            named = [p for p in self.participants
                     if skeleton(p.split()[0]).startswith(skeleton(first_part))]  # fmt: skip
            if len(named) == 1:
                return named[0]
        initial = re.fullmatch(r"([a-z])[._]([a-z]{3,})", word)
        if initial:
            # "m.dubois": a first name's initial, a separator and a surname.
            named = [p for p in self.participants if skeleton(p.split()[0])[:1] == initial[1]]
            if len(named) == 1:
                return named[0]
        fitting = set()
        for surname, owners in self._surnames.items():
            for full in owners:
                first = skeleton(full.split()[0])
                if key in (first[:1] + surname, first + surname[:1], first + surname):
                    fitting.add(full)
        return next(iter(fitting)) if len(fitting) == 1 else None

    def _surname(self, word: str) -> str | None:
        """The participant whose surname the note spells next to their first name."""
        owners = self._surnames.get(skeleton(word), set())
        return next(iter(owners)) if len(owners) == 1 else None

    def _nickname(self, word: str) -> str | None:
        """ "Деси" for Десислава, "Alex" for Alexandra, "Seun" for Oluwaseun: a capitalised word
        that begins (or, from four letters, ends) exactly one participant's first name."""
        known = DIMINUTIVES.get(word.lower())
        if known:
            fitting = [p for p in self.participants if p.split()[0].lower() in known.split()]
            if len(fitting) == 1:
                return fitting[0]
        key = skeleton(word)
        if len(key) < 3 or not word[:1].isupper() or key in COMMON_SHORT:
            return None
        keys = [key]
        if key[-1] in "aeiouy" and len(key) >= 4:
            keys.append(key[:-1])  # "Цвети" for Цветелина, "Любо" for Любомир, "Вики"
        elif re.match(r"[А-Я][а-я]и$", word) and (found := self._starting(key[:-1])):
            return found  # "Оги" for Огнян: the first syllable and "-и"
        elif re.match(r"[А-Я][а-я][ая]$", word) and (found := self._starting(key[:-1], "ая")):
            return found  # "Ива" for Ивелина: a woman's name's first syllable and "-а"
        # "Васко" for Васил: "-ко" on the start of a man's name ("Марко" is no Мария).
        if re.match(r"[А-Я][а-я]{2,}ко$", word) and (found := self._starting(key[:-2], "", "ая")):
            return found
        if key.endswith("io") and len(key) >= 5:
            keys.append(key[:-2])  # "Кальо" for Калоян, "Митьо" for Митко: "-ьо" on the start
        if len(key) == 4 and key[:2] == key[2:]:
            keys.append(key[:2])  # "Мими" for Мирослава, "Лили": the first syllable twice
        # "Lachie" for Lachlan, "Danny" for Daniel: an English pet-name ending on the start.
        pet = re.sub(r"(?:ie|ey|y)$", "", key)
        pet = pet[:-1] if len(pet) >= 4 and pet[-1] == pet[-2] else pet
        if pet != key and len(pet) >= 3:
            keys.append(pet)
        for k in keys:
            if found := self._starting(k):
                return found
        # "Seun" for Oluwaseun: the end of a long first name.
        fitting = [p for p in self.participants
                   if len(word) >= 4 and len(key) >= 3
                   and skeleton(p.split()[0]).endswith(key)]  # fmt: skip
        return fitting[0] if len(fitting) == 1 else None

    def _starting(self, start: str, ending: str = "", not_ending: str = "") -> str | None:
        """The one participant whose first name begins with `start` (its skeleton), and, when
        given, ends in one of `ending`'s letters and in none of `not_ending`'s; or None."""
        fitting = [
            p
            for p in self.participants
            if skeleton(p.split()[0]).startswith(start)
            and (not ending or p.split()[0][-1] in ending)
            and p.split()[0][-1] not in not_ending
        ]
        return fitting[0] if len(fitting) == 1 else None

    def __bool__(self) -> bool:
        return bool(self.participants)


# The words after a subject in "gav's going to send me", "боби ще ми прати", "maja said".
_SUBJECT_NEXT_RE = (
    r"(?:['’](?:s|ll|d)\b|\s+(?:will|would|is|was|has|had|said|says|wants|offered|agreed|"
    r"promised|reckons|thinks|can|could|should|needs|must|also|then|ще|каза|обеща|пое|поема|"
    r"има|трябва|иска|предложи|също|после)\b)"
)
_LOWER_WORD_RE = re.compile(r"(?<![\w'’@./-])([a-zа-я][a-zа-я]{2,})(?=" + _SUBJECT_NEXT_RE + ")")


def capitalise_names(text: str, index: NameIndex) -> str:
    """ "gav's going to send me", "боби ще ми прати": a participant's name or nickname written in
    lower case (voice-memo transcripts, chats), as the subject of a verb, gets its capital back
    so that the rules read it as a name. Common words ("the", "she", "and") never do."""

    def cap(m: re.Match) -> str:
        word = m.group(1)
        if word in COMMON_SHORT or word in CALENDAR_WORDS:
            return word
        proper = word[:1].upper() + word[1:]
        return proper if index.resolve(proper) else word

    return _LOWER_WORD_RE.sub(cap, text) if index else text


def speakers_of(text: str) -> list[str]:
    """Transcript speakers in order of first appearance, as `[PERSONn]`."""
    seen: dict[str, None] = {}
    for m in re.finditer(r"^\s*\((PERSON\d+)\)", text, re.M):
        seen.setdefault(f"[{m.group(1)}]", None)
    return list(seen)


def names_mentioned(text: str) -> set[str]:
    """Capitalised words and placeholders of `text` (lowercased), for grounding checks."""
    words = {m.group(1).lower() for m in CAPITAL_RE.finditer(text)}
    words |= {f"[{m.lower()}]" for m in re.findall(r"\[(PERSON\d+)\]", text)}
    return words
