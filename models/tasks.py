"""The words of an action item: the task phrase cleaned of dates, reasons and tags; verbs
that open an instruction; tasks too vague to act on."""

from __future__ import annotations

import re
from datetime import date

from models.dates import find_dates

AT_RE = re.compile(r"@([\wА-Яа-я]+)")
# "he'll think about it", "we'll pick it up", "I'll do that tomorrow": a verb with only a
# pronoun after it says nothing a reader could act on ("do that" refers to the task before).
VAGUE_VERBS = {
    "do", "think", "pick", "consider", "see", "look", "handle", "deal", "sort", "figure",
    "discuss", "revisit", "use", "book", "schedule", "направя", "направи", "помисли", "помисля",
}  # fmt: skip
INTERJECTIONS = {"yes", "no", "please", "thanks", "thank", "you", "ok", "okay", "sure", "great",
                 "да", "не", "мерси", "благодаря", "добре", "ок"}  # fmt: skip
PRONOUN_REST = {
    "it", "that", "this", "them", "so", "up", "over", "about", "out", "back", "on", "again",
    "later", "simply", "just", "then", "too", "also", "го", "това", "я",
}  # fmt: skip
# "Ask Petya ... — since they have a template": reasons and purposes trail a task; so do
# relative clauses about a thing (", which leaves ...", ", който ползваме") and the
# alternative not taken ("rather than cut it"). The task ends before them.
TRAILING_RE = re.compile(
    r"(?:;|(?:,|\s[—–])\s*(?:since|because|as otherwise|so that|so|which|защото|тъй като|за да|"
    r"който|която|което|които|така че|"
    # ", before the samples sit ...", ", when the fieldwork is done", ", prob after ...": when
    # or why, told after the task ("if" stays: "ask Zed if she can ..." is the task itself).
    r"before|after|when|once|unless|prob|probably|maybe|otherwise|преди|след като|когато|като|"
    r"сега|иначе|вероятно)"
    r"(?![\wА-Яа-я])|,?\s+(?:rather than|instead of|вместо)\s|"
    # "... because the old one is out of date", ", as promised", ", if nothing else comes up",
    # "– и без това е готов": why, or a hedge on how sure, told after the task.
    r"\s+(?:because|защото|тъй като)\s|,\s*(?:as (?:promised|agreed|discussed)|както "
    r"(?:обещах|се разбрахме|говорихме))\b|,\s*(?:if (?:nothing else comes up|all goes well|"
    r"possible|I can)|hopefully|ако всичко е наред|надявам се)\b|\s*[,—–]\s*и без това\b|"
    # "... — whenever you have a minute", ", no rush": how soon, told after the task.
    r"\s*[,—–]\s*(?:whenever|no rush|когато (?:можеш|имаш време))\b|"
    # "Send Dale the past papers, she said, she's got them at home": who said so, and why.
    r",\s*(?:he|she|they|I|we|(?:[a-z]+\s+){1,2}[a-z]+)\s+(?:said|says|thinks|reckons|promised)\b|,\s*(?:he|she|it|they)['’](?:s|re)\s|"
    # "sort out the seed order he promised": a spoken note's remark, no comma; "rewrite the rota
    # and he said he'd do it": the yes to it.
    r"\s+(?:he|she|they)\s+(?:promised|swore)\b|"
    r",?\s+(?:and|but)\s+(?:he|she|they)\s+(?:said|agreed|accepted)\b|"
    # "ти ще въвеждаш, или обратно": who does which part may still swap.
    r",?\s+(?:или обратно|or the other way (?:a)?round|or vice versa)\b|"
    # "Go through them, that's when they go live", "Прати скрипта, старият е с ...": a new
    # sentence about something, joined by a comma.
    r",\s*(?:that|this|there)['’]s\s|,\s*(?:каза|казва|каза ми)(?:,?\s*че)?(?![\wА-Яа-я])|"
    r",\s*[а-я]+(?:ят|та|то|те)\s+(?:е|са|беше|бяха)(?![\wА-Яа-я])|"
    # "..., не знам кога точно, но ще стане", ", not sure when": doubt about when, told after.
    r",\s*(?:не знам|не съм сигурн|not sure when|don['’]t know when|no fixed date|щото)|"
    r"\s+[—–]\s+no date\b|\s+\((?:no date|no deadline|he|she|they|без срок)\b|"
    # "Text Jade Dev's number – he's the housing officer ...": an aside about someone.
    r"\s+[—–]\s+(?:he|she|it|they|that|this|which|who|anyone|everyone|anything|everything|"
    r"including|той|тя|то|те|"
    r"това)(?:['’]s|['’]re)?\s|"
    r"\s+so (?:that )?(?:he|she|I|we|they|you|[A-Z][a-z]+) (?:can|could)\b|"
    r"\s+so (?:that )?it\s+(?:uses|is|has|works|fits|reads|looks|matches)\b|"
    r"\s+[—–]\s+give (?:me|him|her|us)\b|"  # "I'll take this — give me till Friday"
    # "Sign up — registration closes on the 30th": a new clause about something else.
    r"\s+[—–]\s+(?:the\s+)?[a-z]+\s+(?:closes|opens|starts|ends|expires|runs|is|are|was|were)\b|"
    # "rewrite it together, aiming for 10 April", "..., да видим къде губим време": the aim.
    r",\s*(?:aiming|hoping|targeting|да видим|да разберем|да не|там (?:има|ще има|е)|"
    r"записан|записана|т\.\s?е\.|тоест|обещах (?:му|ѝ|й|им|ти)|трябва ми)(?![\wА-Яа-я])|"
    # "Направи го, тя сега е в отпуск", "Предложи го на маркетинга, но решението е тяхно".
    r",\s*(?:(?:тя|той|те)\s+(?:сега\s+)?(?:е|са|ще|няма)|но|затова|просто|и съм|ок|окей)"
    r"(?![\wА-Яа-я])|"
    # "..., it helps with the tuning side too", "Sit the GCIH, voucher already booked": a remark.
    r",\s*it\s+(?:helps|has|makes|means|saves|should|might|may|will)\b|,\s*(?:[a-z]+\s+){0,2}already\s|"
    r"\s+when(?:ever)? you (?:get|have|find) a (?:sec|second|minute|moment|chance)\b|"
    # "... so you're not caught out when ...": the reason, after the task.
    r"\s+so (?:that )?(?:you|he|she|they|we|I)['’](?:re|s|m)\b).*$",
    re.I,
)
PAST_START_RE = re.compile(
    r"\s*(?:(?:has|have|had)\s+)?(?:already\s+)?(?:[a-z]+[^e\W]ed|sent|wrote|made|took|gave|"
    r"met|did|got|found|brought|bought|began|spoke|told|built|went|came|kept|paid|won|chose)\b",
    re.I,
)
# Verbs that open an instruction ("Finish the module."), for plain lines under a task heading.
TASK_VERBS = set(
    """
    add apply arrange ask attend block book bring build call cancel check choose clean collect
    compare compile complete confirm contact create cut decide define design document draft
    email estimate finish fix follow forward gather identify introduce invite join learn list
    log make map measure message note order organise organize outline pair ping plan post
    practise practice prepare present print publish read record reach reflect register rehearse
    remove reply research reserve review revise rewrite run schedule send set share shadow sign
    sketch start study submit summarise summarize switch tag talk test track try update upload
    visit watch write chase ring phone pull clear redo renew nudge take text prep speak
    walk deliver observe rework rebuild rerun audit analyse analyze calculate dig give hand
    mock play teach tidy train trial verify upgrade demo interview assess configure
    install migrate deploy refactor automate finalise finalize proofread edit translate
    draw sort ship moderate benchmark inventory recruit restructure intro memorise memorize
    raise flag escalate patch programme program facilitate coordinate host lead lend
""".split()
)
DATE_CUE_RE = re.compile(
    r"\s*(?:\b(?:by|before|until|till|on|no later than|due|within|at|in|for|from|starting|"
    r"as of|first thing(?: on)?)\s+(?:the\s+)?|"
    r"(?<![\wА-Яа-я])(?:до|преди|най-късно|в|във|на|за|през|от|още)\s+|"
    # "• срок: 18.03", "| due: Thu": a field label before the date.
    r"\s*[•|]?\s*(?<![\wА-Яа-я])(?:срок|краен срок|deadline|due date|due|when)\s*:\s*)$",
    re.I,
)


# When-words a task keeps after its date went, or that name no date: "pair on tuning, monday
# afternoon", "ще се запиша тия дни", "one of these days", "get the application in before then".
LEFTOVER_WHEN_RE = re.compile(
    # (Not "the plan for the parent evening", "the open morning": an event, not a time.)
    r"(?<!\bparent)(?<!\bparents)(?<!\bopen)(?<!\bquiz)(?<!\bawards)(?<!\bcareers)"
    r",?\s+(?:(?:in the\s+|this\s+)?(?:morning|afternoon|evening|first thing)|тия дни|тези дни|"
    r"сутринта|вечерта|"
    r"(?:one of )?these days|(?:before|by|until|till)\s+then)$",
    re.I,
)


# A spoken note runs on without commas: "send me the sensor data in the morning he has them on
# the laptop and then ...", "... for the new pinot which is great", "... щото капкомерите се
# запушват". The task ends where a new clause, a reason or a filler begins.
RUN_ON_RE = re.compile(
    # (Not after "once", "when", "what", ...: "forward it once I have it" is one clause.)
    r"(?<!\bonce)(?<!\bwhen)(?<!\bwhat)(?<!\bhow)(?<!\bbefore)(?<!\bafter)(?<!\bso)(?<!\bif)"
    r"(?<!\buntil)(?<!\bway)(?<!\bthat)(?<!\bwhich)"
    r"\s+(?:which (?:is|was|will|would|means)|I (?:think|guess|reckon|mean)|(?:he|she|they) said|"
    r"yeah|like my|and then|and also|oh and|so yeah|so that['’]s|anyway|cos|because|no date|"
    r"the one (?:he|she|they|I|we|you)|(?:[A-Z][a-z]+|[a-z]+ in the [a-z]+) said|"
    r"(?:he|she|they) (?:got|has|had) (?:them|it|those|these)|"
    r"(?:he|she|they) (?:is|was|wants|needs|thinks|can['’]t)|"
    r"(?:той|тя|те) (?:ги|го|я|е|са|има|няма|беше|каза|мисли|иска)|и после|щото|защото|понеже|"
    r"ами|абе|нали)(?![\wА-Яа-я'’]).*$",
    re.I,
)
# Hesitations in a spoken note: "he owes me the uh the shift swap form", "ъъ та казах".
FILLER_RE = re.compile(r"(?<![\wА-Яа-я'’])(?:um+|uh+|er+m?|ъ+|м{2,})(?![\wА-Яа-я'’])\s*", re.I)


def run_on_head(text: str) -> str:
    """A spoken run-on ("send me the sensor data tomorrow he has them on the laptop and then
    ...") up to where its next clause begins; other text as it is."""
    # (A full stop inside "07.30" or "17.03" is no punctuation.)
    if len(text.split()) < 8 or re.search(r"[,;:()—–!?]|(?<!\d)\.|\.(?!\d)", text.rstrip(".!? ")):
        return text
    cut = RUN_ON_RE.sub("", FILLER_RE.sub("", text))
    # (Text that only repeats itself is no spoken note: left whole, it stays too long a task.)
    return cut if len(cut.split()) >= 3 and text.count(cut) < 2 else text


def clean_task(task: str, ref: date | None) -> str:
    """Drop the deadline phrase, trailing reasons, owner tags and filler; capitalise."""
    task = run_on_head(TRAILING_RE.sub("", task))
    task = re.sub(r"^\s*\d{1,2}[.)]\s+", "", task)  # "1) аз правя ...": the list number
    # "And the parent info evening slides", "И статистиката ...": a joining word, not the task.
    task = re.sub(
        r"^\s*(?:[Aa]nd|[Aa]lso|[Pp]lus|[Ии]|[Аа]|[Сс]ъщо)\s+(?=[a-zа-я])(?!(?:се|си|me|you|him|her)\s)",
        "",
        task,
    )
    for mention in sorted(find_dates(task, ref), key=lambda d: -d.start):
        head = DATE_CUE_RE.sub("", task[: mention.start])
        task = head + task[mention.end :]
    task = AT_RE.sub(r"\1", task)
    task = re.sub(r"\s+[—–]\s*(?=,)", "", task)  # "... — tmrw, she promised" without "tmrw"
    task = re.sub(r"\s+([,.;:!])", r"\1", task)
    task = re.sub(r"\s{2,}", " ", task).strip(" ,;:-–—.•")
    task = re.sub(r"(?:,?\s+(?:i\.e|e\.g|namely|т\.е))+\.?$", "", task)
    task = re.sub(r"\s+(and|but|or|и|а|но|или|,)(?:\s+that)?$", "", task).strip(" ,;:-–—.")
    task = LEFTOVER_WHEN_RE.sub("", task)
    # "… and bring it to our [next session on 12 November]": the date went, its frame goes too.
    task = re.sub(r"\s+(?:to|for|at|before|by|in|on)\s+(?:our|the|my|your)$", "", task)
    # "I'll run it myself tomorrow morning before …" without "tomorrow": "morning" goes too.
    task = re.sub(r"\b(myself|it|them|together)\s+(?:morning|afternoon|evening)(?=\s)", r"\1",
                  task)  # fmt: skip
    task = re.sub(r",?\s+some ?time$", "", task)  # "..., some time [next week]": the date went
    # "Ще им звънна утре, поемам", "ще се запиша, обещавам": the claim after the task.
    claimed = re.sub(r",\s*(?:поемам|обещавам|обещах|става|дадено|promise|promised)\s*$", "", task)
    if not re.fullmatch(r"\S+\s+(?:го|я|ги|it|them)", claimed):
        task = claimed  # (but "Мини го, обещавам" keeps its words: "Мини го" says nothing)
    # "draft the form, [end of next week] realistically": a hedge on the date, not the task.
    task = re.sub(r",?\s+(?:realistically|hopefully|ideally|probably|at the latest)$", "", task)
    # "Take on the report, it'll be ready [by Friday]": the promise says it, the task need not.
    task = re.sub(r"(?:,\s*(?:(?:it['’]ll|it will)\s+be|(?:ще\s+)?(?:е|бъде))|"
                  r",?\s+(?:да бъде|to be))\s+(?:ready|done|готов\w*)$", "", task)  # fmt: skip
    if task.count("(") > task.count(")"):
        # "Book a session with a supervisor (not debs": a cut inside an aside drops the aside.
        task = task[: task.rindex("(")].rstrip(" ,;:-–—")
    task = got_done(re.sub(r"^[Dd]m\b", "DM", task))  # "dm Ingrid the link"
    # "Leave it with me on the overhead-rate justification": the writer takes that on.
    task = re.sub(
        r"^[Ll]eave (?:it|this|that) with me (?:on|re|for|about)\s+(?=\S)", "Take on ", task
    )
    task = re.sub(r"^(?:[Ww]ill|[Ww]ould|[Ss]hall|[Pp]lease)\s+(?=[a-z])", "", task)  # "will share"
    task = re.sub(r"\s*(?:->|→|=>)\s*$", "", task)  # "... (vendor mgmt) → [20/05]"
    task = re.sub(r"\s*\(\s*\)", "", task)  # "(Mon 11 May)" without its date
    task = re.sub(r"\s+(?:btw|tbh|fyi|lol)\b(?=[\s,.!]|$)", "", task, flags=re.I)  # chat fillers
    return task[:1].upper() + task[1:]


IRREGULAR_PARTICIPLES = {"done": "finish", "finished": "finish", "written": "write", "sent": "send"}
DONE_PARTICIPLES = (
    r"(?:done|finished|sorted|booked|submitted|updated|written|signed|fixed|reviewed|printed|"
    r"sent|approved|cleaned|tidied|checked|filed|uploaded|logged|drafted|finalised|finalized)"
)
# "get a first round of 1:1s done this week", "get the log updated": a task like "do".
GOT_ANY_RE = re.compile(r"[^.;!?]{3,80}?\b" + DONE_PARTICIPLES + r"\b")
GOT_DONE_RE = re.compile(
    r"^[Gg]et\s+(?P<obj>[^.;!?]{3,80}?)\s+(?P<part>" + DONE_PARTICIPLES + r")"
    r"(?P<prt>\s+(?:up|off|out|over))?(?P<rest>[,;:].*)?$"
)


def participle_verb(part: str) -> str | None:
    """ "cleaned" → "clean", "tidied" → "tidy", "written" → "write", "done" → "finish": the
    task verb behind a participle, or None when it is not a common task verb."""
    if part in IRREGULAR_PARTICIPLES:
        return IRREGULAR_PARTICIPLES[part]
    stem = part[:-2]
    for guess in (stem, stem + "e", stem[:-1], stem[:-1] + "y" if stem.endswith("i") else ""):
        if guess in TASK_VERBS:
            return guess
    return None


def got_done(task: str) -> str:
    """ "Get the delegation log updated" → "Update the delegation log"; "Get the slides done"
    stays: "finish" says less than the note did."""
    m = GOT_DONE_RE.match(task)
    if not m or m.group("part") in ("done", "sorted"):
        return task
    verb = participle_verb(m.group("part"))
    if not verb:
        return task
    rest = m.group("rest") or ""
    rest = "" if rest.startswith(":") else rest  # ": the two new joiners still aren't on it"
    return f"{verb.capitalize()}{m.group('prt') or ''} {m.group('obj')}{rest}"


def ing_base(word: str) -> str | None:
    """ "sending" → "send", "writing" → "write", "putting" → "put": the task verb behind an
    -ing form, or None when it is not a common task verb."""
    word = word.lower()
    if not word.endswith("ing") or len(word) < 5:
        return None
    stem = word[:-3]
    for verb in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else ""):
        if verb in TASK_VERBS:
            return verb
    if re.match(r"re[a-z]{2,}$", stem) and ing_base(stem[2:] + "ing"):
        return "re" + ing_base(stem[2:] + "ing")  # "redoing", "resending"
    if stem in ("do", "redo", "chas", "sort", "tidy", "fill", "hand", "pass", "pick", "clear",
                "gett"):  # fmt: skip
        return {"chas": "chase", "gett": "get"}.get(stem, stem)
    return None


def base_form(verb: str) -> str:
    """ "writes" → "write", "chases" → "chase", "carries" → "carry"."""
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("ches", "shes", "sses", "xes")):
        return verb[:-2]
    if verb.endswith("s") and not verb.endswith("ss"):
        return verb[:-1]
    return verb


def in_base_form(task: str) -> str:
    """ "Drafts the template and tries it" → "Draft the template and try it": a listed task told
    in the third person ("D gets the numbers"), its verbs as a task list writes them."""
    # ("Notes on my draft", "Plans for Q3": a plural noun, not a verb.)
    first = re.match(r"([A-Z][a-z]+s)\b(?!\s*(?:on|from|for|of|about|/)\b|\s*/)", task)
    base = first and base_form(first.group(1))
    if not first or base.lower() not in TASK_VERBS | {"get"}:
        return task
    task = base + task[first.end() :]

    def verb(m: re.Match) -> str:
        base = base_form(m.group(2))
        return m.group(1) + base if base in TASK_VERBS | {"get", "try"} else m.group(0)

    return re.sub(r"(\band\s+)([a-z]+s)\b", verb, task, count=1)


def bg_imperative(task: str) -> str:
    """ "Пратя записа" → "Прати записа": a Bulgarian first-person verb that opens a task, in
    the imperative the task list uses ("подам" → "подай", "прочета" → "прочети"). Only for a
    task known to open with the verb of an "аз ще ..." clause: nouns end in -а/-я too."""
    mixed = re.match(r"([A-Za-z]+-)(?:на|неш)(?=\s|$)", task)
    if mixed:
        return mixed.group(1) + "ни" + task[mixed.end() :]  # "Share-на логовете" → "Share-ни ..."
    m = re.match(r"([А-Яа-я]+)(?=[\s,.;:!?]|$)", task)
    if not m:
        return task
    verb = m.group(1)
    low = verb.lower()
    if low in ("дам", "дадем"):
        return {"дам": "Дай", "дадем": "Дайте"}[low] + task[m.end() :]  # "ще ти дам достъпа"
    if len(low) < 4:
        return task
    if low.endswith(("аме", "яме")) and len(low) > 5:
        new = verb[:-2] + "йте"  # "прегледаме" → "прегледайте" (we will ...: both of you)
    elif low.endswith(("ем", "им")) and len(low) > 4:
        new = verb[:-2] + "ете"  # "направим" → "направете", "прочетем" → "прочетете"
    elif low.endswith(("еш", "иш")) and len(low) > 4:
        new = verb[:-2] + "и"  # "пренапишеш" → "пренапиши" (you will ...)
    elif low.endswith(("аш", "яш")) and len(low) > 4:
        new = verb[:-1] + "й"  # "подаваш" → "подавай"
    elif low.endswith(("ам", "ям")):
        new = verb[:-1] + "й"
    elif low.endswith(("а", "я")) and low[-2] not in "аеиоуъюяй":
        new = verb[:-1] + "и"
    else:
        return task
    out = new + task[m.end() :]
    more = re.search(r"\s+и\s+да\s+(?=[а-я]{4,}(?:ем|им|ме)\b)", out)
    if more:  # "Обходете цеха и да направим снимки" → "... и направете снимки"
        out = out[: more.start()] + " и " + bg_imperative(out[more.end() :])
    return out


# A Bulgarian verb of four or more letters that opens a task.
LEAD_VERB_BG_RE = re.compile(r"([А-Яа-я]{4,})(?=[\s,.;:!?]|$)")


def _with_lead_verb(task: str, rewrite) -> str | None:
    """`task` with its opening Bulgarian verb replaced by `rewrite(verb)`; None when it opens
    with no such verb or `rewrite` has no form for it."""
    m = LEAD_VERB_BG_RE.match(task)
    new = rewrite(m.group(1)) if m else None
    return new + task[m.end() :] if new else None


def _imperative_3p(verb: str) -> str | None:
    low = verb.lower()
    if low.endswith(("ират", "глед", "гледат", "питат", "чакат")):
        return verb[:-1] + "йте"  # "маркират" → "маркирайте", "прегледат" → "прегледайте"
    if low.endswith(("ят", "ат")):
        return verb[:-2] + "ете"  # "направят" → "направете", "минат" → "минете"
    return None


def bg_imperative_3p(task: str) -> str:
    """ "Прегледат случаите" → "Прегледайте случаите", "Направят списък" → "Направете списък":
    a task that opens with the third-person plural verb of "двамата да прегледат ...", in the
    plural imperative. Only for a task known to open with that verb."""
    out = _with_lead_verb(task, _imperative_3p)
    if out is None:
        return task
    more = re.search(r"\s+и\s+да\s+(?=[а-я]{4,}[ая]т\b)", out)
    if more:  # "Прегледайте процедурата и да отбележат ..." → "... и отбележете ..."
        out = out[: more.start()] + " и " + bg_imperative_3p(out[more.end() :])
    return out


def _imperative_3s(verb: str) -> str | None:
    low = verb.lower()
    if low.endswith("даде"):
        return verb[:-2] + "й"  # "даде" → "дай", "подаде" → "подай"
    if low.endswith("е") and low[-2] not in "аеиоуъюя":
        return verb[:-1] + "и"  # "напише" → "напиши", "покаже" → "покажи"
    if low.endswith(("а", "я")) and low[-2] not in "аеиоуъюяй":
        return verb + "й"  # "прегледа" → "прегледай", "маркира" → "маркирай"
    return None


def bg_imperative_3s(task: str) -> str:
    """ "Прегледа делата" → "Прегледай делата", "Напише отчета" → "Напиши отчета": a task that
    opens with the third-person verb of "Ради да прегледа ..." / "тя ще напише ...", in the
    imperative the task list uses. Only for a task known to open with that verb."""
    return _with_lead_verb(task, _imperative_3s) or task


def imperative(text: str) -> bool:
    """A line that starts with a common task verb ("Finish ...", "Да прочете ...")."""
    first = re.match(r"\s*(?:[Rr]e-)?([A-Za-zА-Яа-я]+)", text)  # "re-check" reads as "check"
    return bool(first) and (first.group(1).lower() in TASK_VERBS or first.group(1) == "Да")


def vague(task: str) -> bool:
    """ "Do that", "Think about it", "Simply pick it up": nothing to act on."""
    toks = [w.lower() for w in re.findall(r"[\wА-Яа-я'’-]+", task)]
    toks = [w for w in toks if w not in PRONOUN_REST]
    if toks and all(w in INTERJECTIONS for w in toks):
        return True  # "Yes please!", "Мерси"
    return bool(toks) and toks[0] in VAGUE_VERBS and len(toks) == 1


def iso_date(d: date | None) -> str | None:
    """ "2026-03-06", or None without a date."""
    return d.isoformat() if d else None
