"""Commitment clauses: "subject + modal + verb" in English and Bulgarian ("Ana will send",
"Boris to book", "Ще изпратя"), with the filters that tell a promise from a state, a wish, a
condition or a meeting."""

from __future__ import annotations

import re
from string import ascii_letters

from models.dates import find_dates
from models.names import NameIndex, canonical_placeholder
from models.tasks import ing_base

# A participant's name, a placeholder, or an initial with a full stop ("M. finishes ...").
NAME = (
    # "H will ask Colm": a bare initial (never "I") before "will"/"to" is a person too.
    r"\[PERSON\d+\]|[A-ZА-Я]\.(?=\s)|(?!I\b)[A-ZА-Я](?=\s+(?:will|to|ще|да|[a-z]{2,}(?<![su])s)\s)|"
    # "Ms Kruger to prepare ...", "г-жа Маринова ще ...": minutes name people by title.
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|[Гг]-н|[Гг]-жа|[Ии]нж\.|[Дд]-р|[Дд]оц\.|[Пп]роф\.)\.?\s+)?"
    r"@?[A-ZА-Я][a-zа-я'’-]+(?:\s+(?:and|&|и)\s+[A-ZА-Я][a-zа-я'’-]+)?"
)
PRONOUN_EN = (
    r"I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey|[Yy]ou|[Bb]oth of us|[Ww]e both|[Bb]oth of them|[Tt]hey both|"
    r"me|him|her"
)
OBJECT_PRONOUNS = {"me": "i", "him": "he", "her": "she"}  # "asked me to ...": I will
ADVERBS = (
    r"(?:(?:very\s+|really\s+)?(?:also|then|now|still|definitely|probably|first|both|personally|"
    r"just|kindly|generously)\s+)?"
)
MODAL_EN = (
    r"(?:will(?: try to)?|would|shall|(?:is|are|am)\s+(?:also\s+|still\s+)?(?:going to|gonna)|"
    r"(?:agreed|agrees|promised|promises|"
    r"committed|commits|offered|offers|volunteered|volunteers|plans|planned|intends|needs|need|"
    r"undertook|undertakes|has undertaken|"
    r"has|have|has got|have got|is planning|are planning|am planning|wants|want) to|must|is to|to|"
    # "Ana is sending the link tomorrow": the present progressive of a plan.
    r"(?:is|are|am)(?=\s+(?:also\s+)?[a-z]+ing\b))"
)
# "'d" is "would" (or "had"): kept only when reported and dated ("you said you'd email her
# this week"), like "would".
CONTRACTION = (
    r"(?:['’]ll|['’]d|['’](?:m|s|re) (?:(?:also|still|just|now|definitely|probably|both) )?"
    r"(?:going to|gonna)|['’](?:m|re)(?=\s+(?:also\s+|still\s+|just\s+)?[a-z]+ing\b)|"
    r"['’](?:ve|s) got to|"
    # "She's sending me her checklist tonight": "'s" is "is" before an -ing verb with an
    # object; "Monday's meeting notes", "Ana's training plan" have none.
    r"['’]s(?=\s+(?:also\s+)?[a-z]+ing\s+(?:me|you|him|her|us|them|it|the|a|an|his|their|our|"
    r"my|your|over|out|up|back|off|through|round)\b))"
)
# "Jonas (Elif's tech lead) will ...", "Аз (Кристиан) ще ...": an aside between subject and verb.
ASIDE = r"(?:\s*\([^()]{1,40}\))?"
EN_RE = re.compile(
    r"(?<![\wА-Яа-я])(?P<subj>" + NAME + "|" + PRONOUN_EN + r")" + ASIDE + r""
    r"(?:\s+" + ADVERBS + r"(?P<modal>" + MODAL_EN + r")|(?P<contr>" + CONTRACTION + r"))"
    r"\s+" + ADVERBS + r"(?P<verb>[a-z][\w'-]*)"
)
# "Elena liked the idea and will ask Irina": the subject is the sentence's first word.
AND_WILL_RE = re.compile(
    r"\band\s+(?:also\s+)?(?:will|is going to|'ll)\s+" + ADVERBS + r"(?P<verb>[a-z][\w'-]*)"
)
# "пратя", and English verbs given Bulgarian endings: "ще ти share-на", "ще fix-на".
BG_VERB = r"(?:[a-z]+-)?[а-я]+"
# Capitalised at the start of a sentence, these open a Bulgarian clause without being its subject.
BG_TIME_WORDS = {
    "утре", "днес", "довечера", "вдругиден", "сега", "после", "тогава", "първо", "накрая",
    "вероятно", "сигурно", "може", "обаче", "значи", "също", "вече", "пак", "скоро",
    "затова", "така", "иначе", "освен", "трябва", "нека", "остава", "вечерта", "сутринта",
    "следобед",
}  # fmt: skip
# Capitalised at a sentence start, but a conjunction or the promise itself ("Обещах също да
# ...", "И ще те свържа ..."), never the subject.
BG_NOT_SUBJECTS = {"и", "а", "но", "или", "обещах", "обещахме", "поех", "поехме", "съгласих"}
SUBJ_BG = r"[Аа]з|[Нн]ие|[Тт]и|[Вв]ие|[Тт]ой|[Тт]я|Те|[Дд]вамата|[Ии] двамата|[Дд]вете|[Ии] двете"
CLITIC_BG = r"(?:се|си|му|ѝ|й|им|го|ги|я|ми|ти|ни|ви|ме|те)"
MODAL_BG = (
    r"(?:ще(?: се опита да)?|да|обеща(?:\s+(?:утре|днес|довечера|вдругиден|(?:в|до|на|след)\s+"
    r"[а-я0-9.-]+(?:\s+[а-я0-9.-]+)?))?\s+да|обещах да|"
    r"обещахме да|обещава да|се съгласи да|се съгласих да|се ангажира да|се ангажирах да|"
    r"се зае да|се захвана да|се нагърби да|поема да|пое си да|"
    r"пое ангажимент да|пое да|поех да|поехме да|обеща и да|трябва да|има да|планира да|смята да|"
    # "Г-жа Димова се е заела да намери ...": she has taken it on.
    r"се е (?:заел|захванал|ангажирал)а? да|е поел[аи]? (?:ангажимент )?да|е обещал[аи]? да|"
    r"възнамерява да)"
)
BG_RE = re.compile(
    r"(?<![\wА-Яа-я])(?P<subj>" + NAME + "|" + SUBJ_BG + r")" + ASIDE + r"\s+"
    r"(?:(?:също|вече|първо|после|сигурно|лично|пък)\s+)?(?P<modal>" + MODAL_BG + r")\s+"
    r"(?:" + CLITIC_BG + r"\s+){0,2}(?P<verb>" + BG_VERB + r")"
)
# "Ще изпратя ..." / "..., че ще изпрати ...": the subject hides in the verb ending.
BG_BARE_RE = re.compile(
    r"(?:^|[.,:;—–-]\s*|(?<![\wА-Яа-я])(?:че|затова|така че)\s+)"
    # ("Вълкът. До четвъртък ще довършиш ...": a point's title and a date may come first.)
    r"(?:(?:[Уу]тре|[Дд]нес|[Дд]овечера|[Вв]друиден|[Сс]коро|(?:[Дд]о|[Вв]ъ?|[Тт]ази|"
    r"[Сс]ледващата)\s+[а-я0-9.-]+)\s+)?"
    r"(?P<modal>[Щщ]е)\s+(?:" + CLITIC_BG + r"\s+){0,2}"
    r"(?P<verb>" + BG_VERB + r")"
)
# "След две седмици ще направим ...": a first-person verb carries its own subject anywhere.
BG_ANY_RE = re.compile(
    r"(?<![\wА-Яа-я])(?P<modal>[Щщ]е)\s+(?:" + CLITIC_BG + r"\s+){0,2}(?P<verb>" + BG_VERB + r")"
)
# "обещах да ти пратя ...", "съгласихме се да ...": the promise carries its own subject.
BG_PROMISED_RE = re.compile(
    r"(?<![\wА-Яа-я])(?P<modal>[Оо]бещах(?:ме)?|[Сс]ъгласих(?:ме)? се|[Аа]нгажирах(?:ме)? се|"
    r"[Пп]оех(?:ме)? ангажимент|[Пп]оех(?:ме)?(?:\s+си)?(?=\s+да\s)|[Зз]ахванах се|[Зз]аех се|"
    r"[Зз]аел(?:а)? съм се|[Пп]оемам)"
    # "Обещах ѝ до петък да опиша ...": a clitic and a date may come before "да".
    r"(?:\s+(?:ѝ|й|му|им|ти|също|и|до|в|на|[а-я]+\d*|\d+[-\w]*)){0,6}?"
    r"\s+да\s+(?:" + CLITIC_BG + r"\s+){0,2}(?P<verb>" + BG_VERB + r")"
)
# "My homework is to pull ...", "Остава аз да прочета ...", "Остава Еми да си подаде ...",
# "На мен се падна да ѝ покажа ...", "Помоли ме да му изпратя ...": who does it, then the verb.
OWN_TASK_RE = re.compile(
    r"(?<![\w'’])(?:[Mm]y\s+(?:homework|task|job|action|part|bit)\s+is\s+to|"
    r"[Oo]n\s+me\s*:\s*(?=[a-z]+\s)|"
    r"[Nn]ote to self\s*:\s*(?=[a-z]+\s)|"
    # "Let me rework the plan ...", "let me dig that PDF out for you today": I will.
    r"(?:(?<![\w\s])\s*|^|(?<=\bso)\s+|(?<=\band)\s+|(?<=\bok)\s+|(?<=\bthen)\s+)"
    r"[Ll]et me(?=\s+(?!(?:know|see|think|"
    r"check|guess|say|explain|be|just|ask|have a think|off|in|out|down|go|get away)\b)[a-z]+\s)|"
    r"(?:(?:[Ii]t['’]s|[Ii]t is)\s+up|(?<![\w\s])\s*[Uu]p|^[Uu]p)\s+to me to|[Oo]n me to|"
    r"(?<![\wА-Яа-я])(?:[Нн]а мен ми остава|[Оо]става ми|[Нн]а мен (?:се )?падна|"
    r"[Мм]оя(?:та)? задача е(?: и)?|(?:[Оо]става|[Пп]адна се) (?:за|на) мен(?: и)?|"
    r"[Пп]омоли(?:ха)? ме)\s+да)"
    r"\s*(?:" + CLITIC_BG + r"\s+){0,2}(?P<verb>[a-z]+|" + BG_VERB + r")(?=\s)"
)
# "Трябва да пратя на Кристоф ...", "Последно: трябва да ѝ пратя ...": the writer's own duty.
BG_MUST_RE = re.compile(
    r"(?:^|[,:;—–]\s*|(?<![\wА-Яа-я])(?:и|но|а|също|така че|затова|значи|според мен)\s+)"
    r"(?P<modal>[Тт]рябва да)\s+"
    r"(?:" + CLITIC_BG + r"\s+){0,2}(?P<verb>" + BG_VERB + r")(?=\s)"
)
# "трябва да знаеш", "да можеш", "да видиш": what a reader has to know, be or see, not a task.
BG_YOU_NOT_TASKS = {"знаеш", "можеш", "имаш", "искаш", "мислиш", "бъдеш", "видиш", "чуеш",
                    "помислиш", "внимаваш", "разбереш", "смяташ"}  # fmt: skip
# "I've committed to getting a draft to him", "Aisha has taken on pulling together the list".
TAKEN_ON = "taken on"
TAKEN_ON_RE = re.compile(
    r"(?<![\wА-Яа-я])(?P<subj>"
    + NAME
    + "|"
    + PRONOUN_EN
    + r")(?:['’](?:ve|s|m)|\s+(?:has|have|is|am))?"
    r"\s+(?:also\s+)?(?:committed to|taken on|took on|taking on|signed up for|volunteered for)\s+"
    r"(?P<verb>[a-z]+ing)\b"
)
# "it's up to Ibrahim to draft a new one": the one it is up to.
UP_TO_RE = re.compile(
    r"\b(?:[Ii]t['’]s|[Ii]t is|[Ii]t was left)\s+up to\s+"
    r"(?P<subj>" + NAME + r"|him|her|us)\s+to\s+(?P<verb>[a-z]+)\b"
)
LEFT_TO_RE = re.compile(
    r"(?<![\wА-Яа-я])[Оо]став(?:а|ат)\s+(?:и\s+)?(?P<subj>[Аа]з|" + NAME + r")\s+да\s+"
    r"(?:" + CLITIC_BG + r"\s+){0,2}(?P<verb>" + BG_VERB + r")"
)
LETS_RE = re.compile(
    r"(?<![\w'’])(?:[Ll]et['’]s|[Ll]et us)\s+(?:just\s+|both\s+)?(?P<verb>[a-z]+)|"
    # "Нека да направим ...", "Хайде да си направим ...", "Искам да си направим ..., ти и аз".
    r"(?<![\wА-Яа-я])(?:[Нн]ека|[Хх]айде|[Ии]скам)\s+(?:да\s+)?(?:си\s+|го\s+|ги\s+)?"
    r"(?P<verb_bg>[а-я]{3,}(?:им|ем|ме))(?![\wА-Яа-я])"
)
BG_ASKED_RE = re.compile(
    r"(?<![\wА-Яа-я])(?:[Пп]омолих|[Пп]омолила|[Пп]омолил)\s+(?P<who>го|я)\s+да\s+(?P<verb>[а-я]+)"
)
# "Ана каза, че ще ...": the one who said it is who will.
BG_SAID_RE = re.compile(
    r"(?<![\wА-Яа-я])(?P<subj>" + NAME + r"|Той|Тя)\s+(?:[а-я]+\s+){0,3}"
    # a verb of saying: "Разбрахме се, че ще ..." is no one's name before "че".
    r"(?:каза|казва|сподели|споделя|обеща|обещава|потвърди|потвърждава|писа|написа|пише|"
    r"спомена|отговори|увери|заяви|обясни),?\s+че\s+(?:(?:утре|днес|довечера|вдругиден|скоро)\s+)?$"
)
APPOSITIVE_BG_RE = re.compile(
    r"^\W*(?:(?P<subj>[А-Я][а-я]+(?:\s+[А-Я][а-я]+)?),\s+(?:[а-я]+\s+){0,3}[а-я]+|"
    # "Партньорът, г-н Димитров, ще реши ...", "Шефката ми, Деница, ще ...": role, then name.
    r"[А-Я][а-я]+(?:ът|ят|та|то)(?:\s+(?:ми|ни|ти|му|ѝ|й|им))?,\s+"
    r"(?P<subj2>(?:(?:[Гг]-н|[Гг]-жа|[Дд]-р|[Ии]нж\.)\s*)?[А-Я][а-я]+(?:\s+[А-Я][а-я]+)?)),\s*$"
)
BG_SUBJECT_BEFORE_RE = re.compile(
    # "Шефът ми ще прегледа ...": a possessive clitic may follow the subject.
    r"(?:[а-я]+(?:ът|ят|та|то|те)(?:\s+(?:ми|ти|му|ѝ|й|ни|ви|им))?|"
    r"[Тт]ой|[Тт]я|[Тт]е|[Тт]о|[Тт]и|[Вв]ие|[А-Я]{2,}|[A-ZА-Я][а-я]+"
    # "Ивайло от security ще прегледа ...": a name and where the person sits.
    r"(?:\s+(?:от|в|на|към)\s+[\w„“\"-]+)?)"
    # "шефът (г-н Колев) ще купува ...": an aside between the subject and "ще".
    r"(?:\s*\([^()]{1,40}\))?\s+$"
)
BG_HEDGE_RE = re.compile(
    r"(?<![\wА-Яа-я])(?:може би|ако|дали|евентуално|вероятно|може|как|какво|иначе)\s+(?:\S+\s+)?$",
    re.I,
)
# Verbs after a modal that describe a state, a meeting or a wish, not a task.
NON_TASK_VERBS = {
    "be", "meet", "see", "reconvene", "catch", "regroup", "talk", "speak", "like", "love",
    "want", "wish", "hope", "not", "never", "bе", "have", "rather", "prefer", "believe", "know",
    "видим", "видя", "срещнем", "чуем", "бъде", "е", "са", "сме", "съм", "сте", "бъдат", "има",
    "няма", "иска", "искам",
    "трябва", "трябват", "отнеме", "отнемат", "стане", "станат", "имам", "имаме", "имаш",
    "forget", "забравя", "забравим", "забравиш", "wait",
    # "Ще дойда при теб", "ще получиш покана от HR", "I need to survive this year": no task.
    "дойда", "дойдем", "получиш", "получа", "получи", "survive", "aim", "lose",
    "оправяме", "оправим", "справим", "справяме",  # "ще се оправяме с таблото": we'll manage
    "бъда", "бъдем", "бъдеш", "relax", "rest", "отпусна", "отпуснем", "почина", "починем",
    # "тогава ще знам", "ще помислиш", "ще го обмисли след сезона": knowing and thinking it
    # over are no tasks.
    "знам", "знаем", "знае", "знаеш", "помисля", "помислиш", "помисли", "помислим", "обмисля",
    "обмислиш", "обмисли", "обмислим", "mull",
}  # fmt: skip
# "commits to any target": "to" before a determiner is a preposition, not an infinitive.
NOT_VERBS = {
    "a", "an", "the", "any", "some", "all", "this", "that", "these", "those", "my", "your",
    "his", "her", "its", "our", "their", "every", "each", "no", "me", "him", "them", "us",
    "it",
}  # fmt: skip
SUBORDINATE_RE = re.compile(
    r"(?<![\wА-Яа-я])(?:if|when|whenever|before|after|once|until|unless|whether|because|since|"
    r"while|how|what|otherwise|else|ако|когато|дали|защото|след като|преди да|как|какво|"
    r"иначе)\s+$",
    re.I,
)
# "Nikolay thinks Desi should apply", "смята, че трябва да ...": an opinion, not a promise.
OPINION_RE = re.compile(
    r"\b(?:thinks?|believes?|feels?|suggests?|suggested|recommends?|recommended)\s+(?:that\s+)?$|"
    r"(?<![\wА-Яа-я])(?:смята|смятам|мисли|мисля|препоръчва|съветва|предлага|"
    r"не съм сигур(?:ен|на)|не знам|съмнявам се),?\s+че\s+$",
    re.I,
)
# "the manager of Elena will ..." ("ръководителят на Елена ще"): the name is the owner's
# possessor, not the subject.
POSSESSED_RE = re.compile(r"(?<![\wА-Яа-я])(?:на|of)\s+$", re.I)
# "I always think I'll ...", "винаги си мисля, че ще ...": a habit of mind, not a plan.
HABIT_RE = re.compile(
    r"\b(?:always|usually|often)\b|(?<![\wА-Яа-я])(?:винаги|обикновено|често)(?![\wА-Яа-я])",
    re.I,
)
# "you just need to say it out loud": advice to the reader, which nobody has taken on yet.
ADVICE_MODALS = ("need", "needs", "must", "has to", "have to")
# "I'll have the conversation with Radu": "have" + a talk is something to do, not a state.
HAVE_TALK_RE = re.compile(
    r"\s+(?:(?:a|an|the|that|this|my|our|his|her|their)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:conversation|talk|chat|call|discussion|word|1:1|one-on-one)\b|"
    # "I'll have a go at the deck", "he'll have a first version by the 20th": work to do.
    r"\s+(?:a\s+(?:go|crack|stab)\s+at|a\s+(?:first\s+)?(?:version|draft|cut)\s+of|"
    r"a\s+first\s+(?:version|draft|cut))\b",
    re.I,
)
# "Fatima asked Jakub to send ...": a request makes the person asked the owner.
ASKED_RE = re.compile(r"\b(?:asked|asks|reminded|reminds|помоли|помолих|помолила)\s+$", re.I)
QUOTE_RE = re.compile(r"„[^“”]*[“”]|“[^”]*”|«[^»]*»|\"[^\"\n]{1,200}\"")
PROGRESSIVE = {"is", "are", "am", "'m", "’m", "'re", "’re", "'s", "’s"}
WE_WORDS = {"we", "both", "both of us", "we both", "both of them", "they both", "ние", "двамата",
            "и двамата", "двете", "и двете"}  # fmt: skip


def bg_bare_person(verb: str) -> str:
    """Person of a Bulgarian present-tense verb after "ще": "1s", "1p", "3s", "3p", "2"."""
    if verb.endswith(("ат", "ят")):
        return "3p"
    if verb.endswith(("ам", "ям")):
        return "1s"  # "питам", "стрелям"
    if verb.endswith(("м", "ме")):
        return "1p"
    if verb.endswith(("ш", "те")):
        return "2"
    if verb.endswith(("а", "я")):
        return "1s"
    return "3s"


def mask_quotes(text: str) -> str:
    """Quoted words are someone's speech, not the note's promises: blank them, keep offsets."""
    return QUOTE_RE.sub(lambda m: " " * len(m.group(0)), text)


def _clause(
    m: re.Match, subj: str, modal: str, start: int | None = None, verb: str = "verb"
) -> dict:
    """One clause: where it starts, where its verb is, who, which modal, the verb."""
    return dict(start=m.start() if start is None else start, verb_at=m.start(verb), subj=subj,
                modal=modal, verb=m.group(verb).lower())  # fmt: skip


TRIED_RE = re.compile(r"\s+да\s+(?:(?:се|си|го|ги|я|му|ѝ|им|ти)\s+){0,2}(?P<verb>[а-я]{3,})")


def clause_matches(text: str) -> list[dict]:
    """Every "subject + modal + verb" clause in the sentence."""
    text = mask_quotes(text)
    out = []
    for m in EN_RE.finditer(text):
        modal = (m.group("modal") or m.group("contr") or "").lower()
        modal = "'d" if modal == "’d" else modal
        out.append(_clause(m, m.group("subj"), modal))
    for m in BG_RE.finditer(text):
        if m.group("subj").lower() in BG_TIME_WORDS | BG_NOT_SUBJECTS:
            continue  # "Утре ще ти пратя графика": a time, not a name; the verb says who
        doubled = re.search(r"(?<![\wА-Яа-я])(?:го|я|ги)\s", text[m.end("modal") : m.start("verb")])
        noun = m.group("subj")[:1].isupper() and m.group("subj")[1:].islower()
        noun = noun and m.group("subj").lower() not in ("аз", "ти", "той", "тя", "ние", "вие", "те")
        if doubled and noun and bg_bare_person(m.group("verb")) in (
            "1s", "1p"
        ):  # fmt: skip
            continue  # "Рецептата ще ти я пратя": the object, doubled by "я"; the verb says who
        if noun and m.group("verb").endswith(("ам", "ям", "им", "ем")):
            continue  # "... в Пловдив ще изберем лепилото": "-м" is no third person; we do
        out.append(_clause(m, m.group("subj"), m.group("modal").lower()))
    for m in BG_ASKED_RE.finditer(text):
        # "Помолих го да прочете решението": a request; the one asked owns it, like "asked him to".
        subj = "him" if m.group("who") == "го" else "her"
        out.append(_clause(m, subj, "to", m.start("who")))
    for m in BG_PROMISED_RE.finditer(text):
        if any(c["start"] <= m.start("verb") < c["verb_at"] + 1 for c in out):
            continue  # "аз обещах да ..." is already a clause with its subject
        we = "хме" in m.group("modal").lower()  # "обещахме", "съгласихме се": we
        out.append(_clause(m, "ние" if we else "аз", m.group("modal").lower() + " да"))
    for m in OWN_TASK_RE.finditer(text):
        bulgarian = m.group("verb")[:1] not in ascii_letters
        out.append(_clause(m, "аз" if bulgarian else "I", "ще" if bulgarian else "will"))
    for m in TAKEN_ON_RE.finditer(text):
        if ing_base(m.group("verb")):
            out = [c for c in out if c["verb_at"] != m.start("verb")]  # "committed to" + "-ing"
            subj = re.sub(r"^I['’]\w+$", "I", m.group("subj"))  # "I've"
            out.append(_clause(m, subj, TAKEN_ON))
    for m in UP_TO_RE.finditer(text):
        subj = {"us": "we"}.get(m.group("subj"), m.group("subj"))
        out.append(_clause(m, subj, "will"))
    for m in LEFT_TO_RE.finditer(text):
        # "Остава Еми да си подаде документите": what is left for her to do.
        out.append(_clause(m, m.group("subj"), "ще"))
    for m in BG_MUST_RE.finditer(text):
        person = bg_bare_person(m.group("verb"))
        if person == "2" and m.group("verb").lower() in BG_YOU_NOT_TASKS:
            continue  # "трябва да ги знаеш наизуст": knowing is not a task
        if person in ("1s", "1p", "2") and not any(c["start"] <= m.start("modal") < c["verb_at"]
                                                   for c in out):  # fmt: skip
            # "трябва да си направиш таблица ...": what the reader has to do.
            subj = {"1s": "аз", "1p": "ние", "2": "ти"}[person]
            out.append(_clause(m, subj, "ще", m.start("modal")))
    for m in LETS_RE.finditer(text):
        # "let's listen back to it together next week": a plan for both.
        if m.group("verb"):
            out.append(_clause(m, "we", "will"))
        elif bg_bare_person(m.group("verb_bg")) == "1p":
            out.append(_clause(m, "ние", "ще", verb="verb_bg"))
    lead = re.match(r"\s*(" + NAME + "|" + PRONOUN_EN + r")\b", text)
    for m in AND_WILL_RE.finditer(text):
        if lead and not any(c["start"] <= m.start() < c["verb_at"] for c in out):
            out.append(_clause(m, lead.group(1), "will"))
    taken = [(c["start"], c["verb_at"]) for c in out]
    for m in BG_BARE_RE.finditer(text):
        if any(s <= m.start("modal") < e for s, e in taken):
            continue
        person = bg_bare_person(m.group("verb"))
        subj = {"1s": "аз", "1p": "ние", "3s": "той", "3p": "те", "2": "ти"}[person]
        said = BG_SAID_RE.search(text[: m.start("modal")])
        if said and person in ("1s", "3s") and not m.group("verb").endswith("м"):
            subj = said.group("subj")  # "Ана каза, че ще се опита ...": Ана will
        elif person == "3s" and APPOSITIVE_BG_RE.match(text[: m.start("modal")]):
            # "Пламен, енологът, ще пусне ...": the name before the role is the subject.
            found = APPOSITIVE_BG_RE.match(text[: m.start("modal")])
            subj = found.group("subj") or found.group("subj2")
        elif person == "3s":
            # "Тя никога не е ..., затова ще се запише": the pronoun before says who.
            before = re.findall(
                r"(?<![\wА-Яа-я])([Тт]я|[Тт]ой)(?![\wА-Яа-я])", text[: m.start("modal")]
            )
            subj = before[-1].lower() if before else subj
        out.append(_clause(m, subj, "ще", m.start("modal")))
        taken.append((m.start("modal"), m.start("verb")))
    for m in BG_ANY_RE.finditer(text):
        person = bg_bare_person(m.group("verb"))
        # "-м" cannot be third person ("направим", "питам"); "-а/-я" can ("пита"), so it
        # counts only when no noun or pronoun right before "ще" could be the subject.
        subject_before = BG_SUBJECT_BEFORE_RE.search(text[: m.start()])
        if subject_before and subject_before.group(0).split()[0].lower() in BG_TIME_WORDS:
            subject_before = None  # "Утре ще ти пратя ...": a time word, not a subject
        if (
            subject_before
            and re.search(
                r"(?:^|\s)(?:[Зз]а|[Пп]о|[Сс]ъс?|[Оо]т|[Кк]ъм|[Пп]ри|[Оо]коло|[Оо]тносно|[Нн]а|"
                r"[Вв]ъв|[Вв])\s+(?:[^\s,]+\s+)?$",  # ("По flaky тестовете ...")
                text[: subject_before.start()],
            )
            and not re.search(
                r"[Зз]а\s+(?:пръв|първи|последен|втори)\s+$", text[: subject_before.start()]
            )
        ):
            # "За тестовете ще пусна ...": a topic, not a subject ("За пръв път ще водя сама
            # ..." tells what is new, not what is promised).
            subject_before = None
        # "черновата на статията ще я прочета": with the object doubled by a clitic, the noun
        # before "ще" is the object, not the subject.
        doubled = (
            bool(subject_before)
            and (subject_before.group(0)[:1].islower() or subject_before.start() == 0)
            and bool(
                re.match(r"[Щщ]е\s+(?:(?:ти|ми|му|ѝ|й)\s+)?(?:го|я|ги)\s", text[m.start("modal") :])
            )
        )
        first = m.group("verb").endswith(("м", "ме")) or not subject_before or doubled
        after = text[m.end("verb") :]
        postposed = re.match(r"\s+(?:[А-Я][а-я]+|(?:\S+\s+)?(?:той|тя|те)(?![\wА-Яа-я]))", after)
        if postposed and not m.group("verb").endswith("м"):
            # "Договора ще го прегледа Галя", "ще ги поръча пак той": the subject comes after.
            first = False
        if (
            not first
            or person not in ("1s", "1p")
            or any(s <= m.start("modal") < e for s, e in taken)
        ):
            continue
        if BG_HEDGE_RE.search(text[: m.start()]):
            continue  # "Може би ще поканим ...": a maybe, not a plan
        out.append(_clause(m, "аз" if person == "1s" else "ние", "ще", m.start("modal")))
    for c in out:
        # "ще се опитам да ги мина": the task is what is tried ("Мини ги"), not the trying.
        if c["verb"] in ("опитам", "опита", "опитаме", "опиташ", "постарая", "постарае"):
            inner = TRIED_RE.match(text, c["verb_at"] + len(c["verb"]))
            if inner:
                c["verb_at"], c["verb"] = inner.start("verb"), inner.group("verb").lower()
    return sorted(out, key=lambda c: c["start"])


AGREED_BG_RE = re.compile(
    r"(?:(?:(?:е|бе|беше)\s+)?(?:договорено|решено|уговорено|прието)|разбрахме се|договорихме се|"
    r"уговорихме се)(?:\s+(?:е|бе|беше))?,?\s*(?:че\s+)?$",
    re.I,
)


AGREED_LEAD_BG_RE = re.compile(
    r"^\W*(?:(?:(?:е|бе|беше)\s+)?(?:договорено|решено|уговорено|прието)"
    r"(?:\s+(?:е|бе|беше))?|разбрахме се|договорихме се)(?:\s+(?:също|и))?,?\s+",
    re.I,
)


def _only_date(before: str) -> bool:
    found = find_dates(before, None)
    return (
        len(found) == 1
        and not before[: found[0].start].strip()
        and not before[found[0].end :].strip(" ,")
    )


def is_task_clause(c: dict, text: str, index: NameIndex) -> bool:
    """Filter out states ("will be away"), meetings, negations and reported wishes."""
    verb = c["verb"]
    said = r"\b(said|says|promised|mentioned|told \w+|confirmed)"
    reported = re.search(said + r"\s+(?:that\s+)?$", text[: c["start"]]) or (
        # "You said you'd send ..., and that you'd dig out ...": the same report goes on.
        re.search(said + r"\b", text[: c["start"]])
        and re.search(r",?\s+and\s+that\s+$", text[: c["start"]])
    )
    if c["modal"] in ("would", "'d") and not reported:
        return False  # only reported promises ("said he would"), not wishes or conditionals
    before = text[: c["start"]]
    asked = bool(ASKED_RE.search(before))
    if c["subj"] in OBJECT_PRONOUNS and not (c["modal"] == "to" and asked):
        return False
    if c["modal"] in ("to", "да"):
        # "Boris to book": note style, only at the start and only with a known name;
        # "asked Boris to book": a request to him.
        # "лицензи — Ради да провери ...", "log: N to finish ...": a topic, then the line.
        topic = re.fullmatch(r"[^.!?;]{1,60}?\s*(?:[—–:]|\s-)\s*", before)
        # "Беше договорено Пламен да изготви ...", "В срок от 10 дни Пламен да направи ...":
        # what was agreed, or a date, may come first.
        lead = AGREED_LEAD_BG_RE.match(before)
        # ("Договорено бе също до края на месеца Росица да ...": what was agreed, then a date.)
        when = lead and before[lead.end() :]
        agreed = (
            AGREED_BG_RE.search(before)
            or _only_date(before)
            or (when and len(when.split()) <= 6 and bool(find_dates(when, None)))
        )
        if (
            before.strip(" -–—:*")
            and not asked
            and not before.rstrip().endswith(";")
            and not topic
            and not agreed
        ):
            return False
        subj = c["subj"]
        known = (
            index.resolve(subj)
            or canonical_placeholder(subj)
            or subj.startswith("@")
            # "Беше договорено двамата да прегледат ...": both of them.
            or (agreed and subj.lower().removeprefix("и ") in ("двамата", "двете"))
        )
        if not (known or subj in OBJECT_PRONOUNS):
            return False
    if c["modal"] in PROGRESSIVE and not ing_base(verb):
        return False  # "she is struggling": a state, not a plan
    if verb in NOT_VERBS or SUBORDINATE_RE.search(before) or OPINION_RE.search(before):
        return False
    if POSSESSED_RE.search(before) or HABIT_RE.search(before):
        return False
    if c["subj"].lower() == "you" and c["modal"].startswith(ADVICE_MODALS):
        return False
    if re.match(r"\s+(?:is|are|was|were)\b", text[c["verb_at"] + len(verb) :]):
        return False  # "I will tool is doing ...": the word after "will" is a noun
    talk_to = re.match(r"\s+(?:to|with)\s+(?!each other|you\b)", text[c["verb_at"] + len(verb) :])
    if verb in ("talk", "speak") and talk_to and c["subj"].lower() not in WE_WORDS:
        return True  # "Ana will talk to her manager" (but "we'll talk again" is a meeting)
    if verb == "regroup" and re.match(r"\s+(?:them|the|all|my|his|her|their|those|these)\b",
                                      text[c["verb_at"] + len(verb) :]):  # fmt: skip
        return True  # "you'd regroup them by Friday": the groups, not the pair, regroup
    if verb in NON_TASK_VERBS:
        if verb in ("be", "бъде") and re.match(r"\s*\w+ing\b", text[c["verb_at"] + 2 :]):
            return True
        if verb == "have" and re.search(r"\bready\b", text[c["verb_at"] :]):
            return True
        if verb == "have" and HAVE_TALK_RE.match(text[c["verb_at"] + 4 :]):
            return True
        return False
    return not text[max(0, c["start"] - 4) : c["start"]].lower().endswith(("if ", "ако "))
