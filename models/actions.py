"""Action items (who will do what by when) and decisions, extracted by patterns (EN + BG)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from models.antecedents import resolve_pronoun
from models.chat import accepted_requests, chat_speakers, header_only, message, request_task
from models.clauses import (
    BG_TIME_WORDS,
    BG_YOU_NOT_TASKS,
    NAME,
    PROGRESSIVE,
    TAKEN_ON,
    WE_WORDS,
    bg_bare_person,
    clause_matches,
    is_task_clause,
    mask_quotes,
)
from models.commitments import TOGETHER_RE, SentenceView, default_model, item_from_sentence
from models.dates import due_date, find_dates
from models.decisions import extract_decisions, is_meeting_or_decision, is_status
from models.frames import asked_and_agreed, object_form
from models.frames import normalise as normalise_frames
from models.lexical import content_words, stem
from models.names import NameIndex, canonical_placeholder, capitalise_names, fold_latin, unfolder
from models.owners import (
    NAMED_START_RE,
    NOT_NAMES,
    PRONOUNS_3,
    SELF_WORDS,
    group_tag,
    named_task_start,
    names_in,
    owner_from_markers,
    owner_prefix_task,
    pronoun_owner,
    resolve_subject,
)
from models.sentences import DONE_WORDS, MAYBE_WORDS, Sentence
from models.spoken import core_task, firm_commitment, is_spoken, merge_duplicates, requests
from models.tasks import (
    GOT_ANY_RE,
    PAST_START_RE,
    TASK_VERBS,
    base_form,
    bg_imperative,
    bg_imperative_3p,
    bg_imperative_3s,
    clean_task,
    imperative,
    in_base_form,
    ing_base,
    iso_date,
    participle_verb,
    run_on_head,
    vague,
)

# Other modules import these from here.
__all__ = ["NOT_NAMES", "extract_actions", "extract_decisions", "pronoun_owner", "reads_as_task"]

# Headings of a letter's lists: the reader's, the writer's, both of theirs.
YOURS_LIST = r"for you|yours|your (?:list|bits|jobs|part)|за теб|за тебе"
MINE_LIST = r"mine|for me|my (?:list|bits|jobs|part)|за мен"
BOTH_LIST = (
    r"together|for us|for both of us|both of us|ours|our (?:list|bits|jobs|part)|заедно|за нас|"
    r"двамата"
)
ACTION_SECTION_RE = re.compile(
    r"action|next step|to.?do|follow.?up|homework|tasks?\b|commitment|owner|"
    # A table whose header names the columns "Who / What / When", "Кой / Какво / Кога".
    r"\bwho\s*/\s*what\b|кой\s*/\s*какво|"
    r"задачи|задача|следващи стъпки|за следващ(?!\w*\s+(?:година|тримесечие|месец))|ангажимент|"
    r"домашн|действи[ея]|до следващ|поема|отговорник|"
    # "What I promised", "What H. promised", "Обещания".
    r"\bpromis|обещ|"
    # "What I agreed to", "What he agreed to", "Договорихме се": what each took on.
    r"\bagreed to\b|\btook on\b|"
    # "Next steps", "For next week", but not "Goals for next year" (a plan, not a to-do list).
    r"\bnext\b(?!\s+(?:session|meeting|time|call|check-?in|year|quarter|month))|"
    # "For next time", "Before we meet again": what to do before the next meeting.
    r"\b(?:for|before|by)\s+next\s+time\b|\bbefore\s+we\s+(?:meet|speak|talk)\b|"
    r"^(?:plans?|my plan|the plan|going forward|план|планът)\s*$|"
    # "What's next", "What I'm taking on", "Какво следва": a heading that asks what comes.
    r"^what\b.*\b(?:next|doing|do|taking|left)\b|"
    r"^какво\b.*(?:следва|прав(?:я|иш|им|ите)|ще|поема|остава)|"
    r"остава за (?:теб|мен|нас)|(?:left|over) (?:for|to) (?:you|me)\b|"
    # A letter's "**For you**", "Mine:", "Ours:", "За теб", "Заедно": whose list follows.
    r"^\W*(?:(?:things|stuff|bits|jobs|неща)\s+)?"
    r"(?:" + YOURS_LIST + "|" + MINE_LIST + "|" + BOTH_LIST + r")\W*$",
    re.I,
)
REVIEW_SECTION_RE = re.compile(
    r"last time|previous|last session|update|review|progress|от миналия|предишн|новини", re.I
)
# "Context", "Background": a section that sets the scene describes, it does not assign.
SCENE_SECTION_RE = re.compile(
    r"^\W*(?:context|background|situation|контекст|ситуация)\b|"
    # "Bits that aren't actions:", "Not tasks", "FYI", "Не са задачи", "За сведение".
    r"(?:n['’]t|\bnot|\bno)\s+(?:\w+\s+)?(?:actions?|tasks?|to-?dos?)\b|^\W*(?:fyi|for info)\b|"
    r"(?<![\wА-Яа-я])(?:не са|не е|няма)\s+(?:\w+\s+)?(?:задачи|задача|ангажименти)|за сведение",
    re.I,
)
ACTION_NAMES_RE = re.compile(
    r"^(\W*)((?i:action(?: item)?|to-?do|задача))\s+([A-ZА-Я][\wА-Яа-я.]*)"
    r"(?:\s*[/&+]\s*([A-ZА-Я][\wА-Яа-я.]*))?\s*:\s*"
)
MARKER_RE = re.compile(
    r"^\s*(?:to-?do|action(?: item)?|ai|next step|follow-?up|задача|за вършене|ангажимент|"
    # "feat(me): ship the spike — by fri", "chore(rosa): review my PR": commit-message notes.
    r"(?:feat|fix|chore|docs|test|refactor|perf|build|ci)(?=\s*\([^)]+\)\s*:))"
    r"\s*(?:\((?P<who>[^)]+)\))?\s*[:\-–—]\s*",
    re.I,
)
# "I'm going to park it", "I'd skip it until after his rotation": deciding not to do it.
DECLINE_VERBS = {"park", "shelve", "skip", "pass", "отложа", "откажа", "пропусна", "оставя"}
GIVE_A_MISS_RE = re.compile(r"give (?:it|that|this) a miss\b", re.I)
THINK_ABOUT_RE = re.compile(
    r"(?:think|mull) (?:about|abt|over)\b(?![^,;.]*\band (?:send|share|let|tell|email|write))|"
    r"think (?:it|that|this) (?:over|through)\b|^(?:мисля|помисля|мисли|помисли)\b",
    re.I,
)
# What a clause can say without being a task: handing something over ("I'll leave it with
# him"), being acted on ("he'll get pulled in for install"), resuming ("we'll pick things up
# in the new year"), the note-taking itself ("да си запиша какво се разбрахме").
NOT_A_TASK_RE = re.compile(
    r"^(?:leave (?:it|this|that) with (?:him|her|them|you)|get (?:pulled|dragged|roped|called|"
    r"sent|put|moved|asked|told)\b|pick (?:things|everything) (?:up|back up)|"
    r"(?:write|note|jot) (?:down|up) what we|запиш\w* какво|already\b|вече\b|"
    # "I'm going to leave it for now": not doing it; "when: TBD": a field, not a task.
    r"leave (?:it|this|that)(?: (?:for now|there|aside|be|alone))?$|(?:when|where|who)\s*:|"
    r"leave (?:it|this|that) (?:until|till) after\b|"
    # "Чакай да си видя графика", "let me check my diary": a moment before answering;
    # "да довършим вчерашния разговор": this conversation itself.
    r"(?:чакай да|wait,? let me|hang on|let me check)\b|"
    r"(?:finish|continue|довърш\w*|продълж\w*)\s+(?:\w+\s+)?(?:conversation|chat|talk|"
    r"разговор\w*)\W*$|"
    # "so I'll leave that with you": handing it over, not a task of the writer's.
    r"leave (?:it|this|that)(?: one)? with (?:you|him|her|them|[A-ZА-Я][a-zа-я]+)\W*$|"
    # "Text him", "Ping her", "Ще му пиша за среща", "звънна ... да се уговорим": a contact with
    # nothing to act on, or to fix the next meeting.
    r"(?:text|call|ring|email|message|ping)\s+(?:him|her|them)$|"
    r"(?:пиши|звънни|обади се)\b.*\b(?:за среща|за часа|да се уговорим)|"
    # "I'll let you know if anything changes": a promise to tell, on a condition.
    r"let (?:\w+ )?know if\b|кажа,? ако\b|"
    # "Нямаш бърза работа – до края на месеца е достатъчно", "Спокойно, не е за утре".
    r"нямай бърза работа|не бързай|спокойно\b|няма бързане|no rush\b|"
    # "you'll need it for point 1", "not sure I'll get round to it", "I said I'd stay out of
    # that": no task in them.
    r"need (?:it|them|this|that)\b|"
    r"get (?:a)?round to\b|stay out of\b|"
    # "Следваща среща — 12.10": the next meeting's row in a table.
    r"следваща(?:та)? среща\b|next (?:session|meeting|catch-?up)\b)",
    re.I,
)
# Headings that give a letter's list to the writer or to both, not to the reader.
MINE_SECTION_RE = re.compile(r"^\W*(?:" + MINE_LIST + r")\W*$", re.I)
BOTH_SECTION_RE = re.compile(r"^\W*(?:" + BOTH_LIST + r")\W*$", re.I)
LETS_DROP_RE = re.compile(
    r"\b(?:let['’]s|we['’]ll|we will|we can)\s+drop\s+(?:it|that|this)\b", re.I
)
MEET_VERBS = {"meet", "see", "reconvene", "catch", "regroup", "talk", "speak", "discuss",
              "видим", "срещнем", "чуем", "съберем", "обсъдим", "говорим"}  # fmt: skip
# "We'll decide after the 21st whether ...", "После ще решим кога ...": a decision for later.
LATER_DECISION_VERBS = {"decide", "решим", "преценим", "разберем"}
# "... will decide later / after the peak / по-късно / след празниците": nothing to do yet.
DECIDE_VERBS = {"decide", "реши", "прецени"}
LATER_RE = re.compile(r"\s*(?:later|after|once|when|по-късно|след|като|когато)(?![\wА-Яа-я])", re.I)
# Tasks that only book the next session: "Send an invite", "Прати покана" (with nothing else
# to them), "I'll put it in the calendar", "put something in for mid-May", "ще уточним деня".
BOOKING_TASK_RE = re.compile(
    r"^(?:send|sends|прати|изпрати|пусни)\s+(?:(?:him|her|them|you|us|му|ѝ|им|ти)\s+)?"
    r"(?:(?:an?|the)\s+)?(?:(?:calendar|meeting|teams|"
    r"zoom)\s+)?(?:invite|invitation|покана|поканата)"
    # "I'll send an invite for early August": only a time for it, so the next meeting.
    r"(?:\s+for\s+(?:(?:early|mid|late|the end of|next)\s+)?(?:[A-Z][a-z]+|week|month)\b)?"
    r"\s*[.!]?$|"
    r"^(?:put|pop|add|get|stick)\s+(?:it|that|this|something|one)\s+in\s+(?:the|my|our|your)\s+"
    r"(?:calendar|diary|calendars|diaries|cal)\b|"
    r"^(?:put|pop|pencil)\s+(?:something|one)\s+in(?:\s+for\b|$)|"
    r"^(?:уточн|определ|уговор)\w*\s+(?:деня|датата|часа|следващ\w*\s+среща)|"
    # "he said he'd send a time", "I'll move the invite", "ще ти пиша за час": the next meeting.
    r"^(?:send|suggest|propose|pick)\s+(?:a|the|another|the next session)\s+(?:time|date|slot)\b|"
    r"^(?:move|resend|update)\s+(?:the|our)\s+(?:invite|invitation|meeting)\b|"
    r"^(?:drop|send|put)\s+(?:a|the)\s+calendar\s+(?:thing|invite|hold|slot)\b|"
    r"^(?:sort|fix|find|pick)\s+(?:(?:a|the|another)\s+)?(?:date|free period|slot|time)\b|"
    r"^(?:пиши|пиша|пратя|прати)\s+за\s+(?:час|дата|ден)\b|"
    r"^(?:пусни|прати|изпрати)\s+(?:ти\s+)?покана\s+за\s+следващ",
    re.I,
)
# "А протоколът за съхранение на ваксините?", "And the budget?", "What about the deck?": a
# chat question that names what the answer's "it" / "го" will be.
QUESTION_TOPIC_RE = re.compile(
    r"^\W*(?:а|и|and|what about|how about)\s+(?P<topic>[^?.!,]{3,60}?)\s*\?\s*$", re.I
)
# "We'll keep the same rhythm": carrying on is not a new task.
CONTINUE_VERBS = {"keep", "continue", "stay", "stick", "carry", "продължим", "останем"}
# "both: block an hour", "We — ...": shared, so nobody's in particular.
GROUP_PREFIX_RE = re.compile(
    r"^\s*(?:both|we|all|everyone|двамата|всички|ние)\s*(?:[:—–-]|->|→|\s(?:to|да)\s)\s*", re.I
)
# "FYI: the packet went in", "Note: ...", "Вчера ...": information, not a task.
INFO_RE = re.compile(
    r"^\s*(?:fyi|note|nb|info|context|status|update|за сведение|за информация|бележка)\s*[:—–-]|"
    r"\byesterday\b|(?<![\wА-Яа-я])вчера(?![\wА-Яа-я])|"
    r"^\W*(?:just an idea|only an idea|само идея)\W*$|"
    # "Виолета предложи ...", "Стоян отказа – ...": what someone said, not a task.
    r"^\s*[А-Я][а-я]+\s+(?:предложи|отказа|каза|спомена|сподели|попита|обясни|разказа|"
    r"препоръча|хареса|призна)(?![\wА-Яа-я])",
    re.I,
)
FIRST_PERSON_RE = re.compile(
    r"(?<![\wА-Яа-я])(?:I|[Mm]y|me|[Аа]з|[Мм]ен|[Мм]оите|[Мм]оя|[Мм]оята|[Мм]оето|[Мм]ой)"
    r"(?![\wА-Яа-я])"
)
MENTOR_AUTHOR_RE = re.compile(
    r"\bmentoring\s+(?!with\b|session|notes|log\b)[A-ZА-Я]|\bmy mentee\b|\(mentee\)|"
    r"моят менти|моята менти|\(менти\)|менторирам",
    re.I,
)
SECOND_PERSON_SECTION_RE = re.compile(
    r"\b(?:for you|your|yours|you agreed|you promised|you took on|you['’]re taking on)\b|"
    r"(?<![\wА-Яа-я])(?:за теб|за тебе|твоите|твоето|твоят|твоята)(?![\wА-Яа-я])",
    re.I,
)
THIRD_PERSON_SECTION_RE = re.compile(
    r"\b(?:he|she|his|her)\b|(?<![\wА-Яа-я])(?:той|тя|неговите|нейните)(?![\wА-Яа-я])", re.I
)
ARROW_RE = re.compile(r"\s(?:->|=>|→|⇒)\s+")
SECTION_OWNER_RE = re.compile(
    r"(?:\bfor|(?<![\wА-Яа-я])за)\s+(?P<a>\[PERSON\d+\]|[A-ZА-Я][\wА-Яа-я'’-]+)|"
    r"(?P<b>[A-ZА-Я][\wА-Яа-я-]+)['’]s\s+(?:tasks|homework|actions|to-?dos|next steps)|"
    # "What H. promised", "Какво обеща Ана".
    r"(?P<c>[A-ZА-Я][\wА-Яа-я'’-]*\.?)\s+(?:promised|обеща)\b|(?:promised|обеща)\s+(?P<d>[A-ZА-Я][\wА-Яа-я'’-]+)"
)
WE_TASK_RE = re.compile(
    r"(?<![\wА-Яа-я])(?:we|us|our|together|both|заедно|ние|двамата)(?![\wА-Яа-я])", re.I
)
# "A: Then I'll get feedback" under "Q: What if I don't get it?": a plan for a maybe.
WHAT_IF_RE = re.compile(
    r"^\W*(?:q\s*:|в\s*:)?\s*(?:what if|what happens if|and if|if|какво ако|ами ако|ако)\b.*\?\s*$",
    re.I,
)
# "Maybe someday I'll ...", "Може би някой ден ...": a sentence that opens with a hedge.
HEDGE_START_RE = re.compile(
    r"[\s→⇒>-]*(?:(?:и|а|ъъ|ами|еми|and|um|uh)\W+)*"
    r"(?:only if|only when|само ако|if|ако|would|could|maybe|perhaps|someday|може би|"
    r"евентуално|някой ден|next time|следващия път)(?![\wА-Яа-я])",
    re.I,
)
# "not committing", "не е решено": the writer says outright that it is no promise.
NO_PROMISE_RE = re.compile(
    r"\bnot committing\b|\bno commitment\b|\bnot decided\b|\bnot this year\b|без ангажимент|"
    r"не е решено|не обещавам|не тази година|"
    # "..., so I'm not counting that as agreed", "така че не го броя за задача".
    r"not counting (?:that|it|this) as\b|(?<![\wА-Яа-я])не го броя\b|"
    # "На твое място бих си направила таблица": what the writer would do, not a task.
    r"на твое място|if I were you",
    re.I,
)
# "аз: първия ... го пускам в понеделник": "аз" or a clitic, then a first-person present verb.
BG_FIRST_PRESENT_RE = re.compile(
    r"(?<![\wА-Яа-я])(?:[Аа]з|го|ги|я|ѝ|се|си)\s+(?:[^,.;:?!]{0,40}\s)?[а-я]{2,}[ая]м(?![\wА-Яа-я])|"
    # "аз в сряда говоря с Диана": after "аз", a verb in -я too.
    r"(?<![\wА-Яа-я])[Аа]з\s+(?:[^,.;:?!]{0,25}\s)?[а-я]{3,}[^аеиоуъюя\W]я(?![\wА-Яа-я])"
)
# "курсът – да подам заявката": a line that says "да" + what the writer will do.
BG_DA_START_RE = re.compile(
    r"(?:^|[—–:,-]\s*|^[^,.;]{0,30}\s)да\s+(?:(?:се|си|го|ги|я|му|им)\s+){0,2}(?P<verb>[а-я]+)"
)
# Someone who is not in the pair: a role ("her manager") or a name that says something.
OUTSIDER_RE = re.compile(
    r"\b(?:manager|boss|lead|mgr|director|recruiter|(?-i:HR))\b|(?<![\wА-Яа-я])(?:ръководител|шеф|"
    r"мениджър|собственик|директор|управител)[а-я]*|(?P<name>[A-ZА-Я][a-zа-я'’-]+)"
    r"(?:\s*\([^()]{1,30}\))?\s+(?:said|says|told|mentioned|каза|казва|спомена)\b|"
    # "..., г-н Николов, той ще ...", "Mr Lyle said he'd ...": a titled surname.
    r"(?<![\wА-Яа-я])(?:(?-i:Mr|Mrs|Ms|Dr)\.?|г-н|г-жа|г-ца|д-р)\s+(?P<titled>[A-ZА-Я][a-zа-я'’-]+)",
    re.I,
)
PAIR_PREFIX_RE = re.compile(
    r"\s*([A-ZА-Я][\wА-Яа-я.]*)\s*(?:\+|&|and|и)\s*([A-ZА-Я][\wА-Яа-я.]*)\s*(?:[:—–→]|->|\s-\s)\s*"
)
OWNER_TAG_RE = re.compile(r"\s*([A-ZА-Я][a-zа-я'’-]+)\s*(?:[:—–]|\s-\s)\s*[a-zа-я]")
# "[Mateo] Send Abena the logs", "[Ops — Kofi] Fix the alarm": a board card's owner tag.
BRACKET_TAG_RE = re.compile(r"^(?P<lead>\W*?)\[(?P<who>[^\]\d][^\]]{0,38})\]\s+(?=\S)")
# "Управителят, г-н Стоянов, ще реши ...": a role opens the sentence, so "he" is that person.
ROLE_AFTER_VERB_RE = re.compile(
    # (the full article marks the subject: "питам началника" is whom she asks.)
    r"^\s+(?:управителят|шефът|директорът|началникът|ръководителят|клиентът|мениджърът|"
    r"собственикът)(?![\wА-Яа-я])",
    re.I,
)
ROLE_SUBJECT_BG_RE = re.compile(
    r"^\W*(?:управител|шеф|директор|началник|мениджър|завеждащ|ръководител|клиент)[а-я]*"
    r"(?![\wА-Яа-я])",
    re.I,
)
# "→ ✅ готов", "✔ sent during the session", "→ ❌ не е станало", "→ отпада": a status, not a task.
STATUS_DONE_RE = re.compile(
    r"[✅✔☑❌]|(?:→|->)\s*(?:отпада|dropped|cancelled|canceled|done)\b|"
    # A status column: "| Share the template | BO | Done — sent 2 Feb |".
    rf"—\s*(?:{DONE_WORDS}|cancell?ed|booked|насрочен[аои]?|отменен[аои]?)(?![\wА-Яа-я])|"
    # "— COMPLETE (certificate on file)": a status, not "— Complete the module".
    r"—\s*complete(?=\s*(?:$|[.(,;—]))",
    re.I,
)
# "(Not ours, noted for visibility.)": a line that is all aside.
ASIDE_LINE_RE = re.compile(r"^\W*\([^()]*\)\W*$")
# "It's old and ugly but ...", "Това е ...": a sentence about the one before it.
COMMENT_START_RE = re.compile(
    r"^\W*(?:it|it['’]s|that|that['’]s|this|these|those|which|there|това|то|тя е|той е)"
    r"(?![\wА-Яа-я'’])",
    re.I,
)
# "Raj (SOC mgr): approve ...", "Ward 6B manager — confirm ...", "Ивайло (автопарк) — да ...":
# a list line that opens with who does it; someone outside the pair when that is a role or a
# name with a role beside it.
HEAD_TAG_RE = re.compile(
    r"^\W*(?P<head>[A-ZА-Я][^:—–()\n]{0,40}?)\s*(?:\((?P<aside>[^()]{1,40})\))?\s*"
    r"(?:[:—–]|\s-\s)\s*[A-Za-zА-Яа-я]"
)
ROLE_RE = re.compile(
    r"(?<![\wА-Яа-я])(?:manager|mgr|lead|director|head|HR|supervisor|coordinator|team|vendor|"
    r"client|dept|department|(?:началник|мениджър|шеф|директор|ръководител|счетоводител)[а-я]*|"
    r"отдел|екип|служба|поддръжка|автопарк|счетоводство|ЧР|maintenance|facilities|ops)"
    r"(?![\wА-Яа-я])",
    re.I,
)
OPINION_LINE_RE = re.compile(
    r"\s*(?:"
    + NAME
    + r"|[Hh]e|[Ss]he|I)\s+(?:also\s+)?(?:thinks|says|said|feels|believes|reckons|suggests|"
    r"suggested|mentioned|think|feel|believe|reckon)\b"
)
HIS_HER_RE = re.compile(
    r"(?:\b(?:her|his|their)|(?<![\wА-Яа-я])(?:нейния|неговия|техния))\s+$", re.I
)
PRONOUN_WORDS = {"he", "she", "they", "we", "i", "you", "той", "тя", "те", "ние", "аз"}
MODAL_AFTER_RE = re.compile(r"\S+(?:\s*\([^()]{1,30}\))?\s+(?:to|will|ще)\s")
# "we both read the chapter": a list line that opens with "we" and a task verb is shared.
WE_START_RE = re.compile(r"^\s*(?:we both|both of us|we)\s+(?P<verb>[a-z]+)\b", re.I)
# "da подготвя", "да покажа": "да" + a first-person verb under "what I take on" is the writer's.
BG_DA_RE = re.compile(r"(?<![\wА-Яа-я])[Дд]а\s+(?:(?:се|си|го|ги|я|му|им)\s+){0,2}(?P<verb>[а-я]+)")


# Note shapes of a task: "Cut the intro (Chen)", "... — Marta", "Sofia — pull ...", "Boris to book".
TASK_SHAPE_RE = re.compile(
    r"\([A-ZА-Я][\wА-Яа-я]+\)|[—–-]\s*@?[A-ZА-Я][\wА-Яа-я]+\s*\.?$|"
    r"^\s*@?[A-ZА-Я][\wА-Яа-я]+\s*[—–:]\s+[a-zа-я]|^\s*@?[A-ZА-Я][\wА-Яа-я]+\s+(?:to|да)\s"
)


def reads_as_task(text: str) -> bool:
    """Whether a sentence reads as a commitment ("Ana will send ...", "Cut the intro (Chen)"),
    judged from its words alone (no participants, no section)."""
    if text.rstrip().endswith("?"):
        return False
    if TASK_SHAPE_RE.search(text) or MARKER_RE.match(text):
        return True
    index = NameIndex(None)
    return any(is_task_clause(c, text, index) for c in clause_matches(text))


@dataclass
class _Note:
    """What a sentence's action items depend on beyond its own words."""

    index: NameIndex
    ref: date | None
    vocab: set[str]
    me: str | None = None  # who "I" is in this sentence
    you: str | None = None  # who "you" is, when the note speaks to one person
    diarist: str | None = None  # author of a first-person note: unowned list items are theirs
    recent: list[str] = field(default_factory=list)  # participants named lately, for "she"
    last_due: date | None = None  # the latest due, for "the Friday after that"
    hypothetical: bool = False  # the sentence answers "What if ...?"
    chat: bool = False  # the sentence is a message of a pasted chat
    first_person: bool = False  # the writer says "I": "she"/"he" is then not the writer
    previous: str = ""  # the sentence before, where "she" may have been introduced
    earlier: list[str] = field(default_factory=list)  # the two sentences before
    to_reader: bool = False  # a letter to the partner ("you"): "she"/"he" is someone else
    outsider: bool = False  # the sentence was read as someone else's line ("HR: ...")
    question: str = ""  # a chat's latest question ("А протоколът?") and who asked it
    asker: str | None = None


def extract_actions(
    sentences: list[Sentence],
    participants: list[str] | None = None,
    session_date: date | None = None,
    author: str | None = None,
    strict: bool = False,
    learned: bool = True,
) -> list[dict]:
    """Action items `{"owner","task","due","sources"}` found in the sentences; `strict` (for
    spoken transcripts, full of "I'll just ...") keeps only firm, owned, concrete promises and
    requests to a named person, duplicates merged. With `learned`, sentences the rules left
    alone that the commitment model is confident about give items too (`"detector": "model"`)."""
    # The name patterns are A-Z and А-Я and expect capitals: the rules read "Siân" as "Sian"
    # and a lower-case "gav's going to" as "Gav's"; the items get the note's spelling back.
    folded = [fold_latin(p) for p in participants or ()]
    index = NameIndex(folded)
    index.learn_initials(fold_latin("\n".join(s.text for s in sentences)))
    items = _extract_actions(
        [replace(s, text=capitalise_names(fold_latin(s.text), index)) for s in sentences],
        index, session_date, fold_latin(author) if author else author, strict, learned,
    )  # fmt: skip
    unfold = unfolder(" ".join([s.text for s in sentences] + list(participants or ())))
    by_folded = dict(zip(folded, participants or (), strict=True))
    for item in items:
        item["task"] = unfold(item["task"])
        item["owner"] = by_folded.get(item["owner"], item["owner"])
    return items


def _extract_actions(
    sentences: list[Sentence],
    index: NameIndex,
    session_date: date | None,
    author: str | None,
    strict: bool,
    learned: bool,
) -> list[dict]:
    """`extract_actions` on sentences whose names the rules can read."""
    raw = sentences
    # An author who says "I" anywhere also writes "need to ring ..." for "I need to ring ...".
    diary = bool(author) and any(FIRST_PERSON_RE.search(mask_quotes(s.text)) for s in sentences)
    # "My mentee will draft ...", "Менторът ми ще ...": the writer's partner.
    partner = _other_participant(index.resolve(author) or author, index) if author else None
    texts = asked_and_agreed(
        [
            _untyped(index.expand_initials(s.text), index, session_date, diary, partner)
            for s in sentences
        ]
    )
    sentences = [replace(s, text=t) for s, t in zip(sentences, texts, strict=True)]
    # Transcripts without speaker tags are spoken all the same.
    strict = strict or is_spoken([s.text for s in sentences])
    items: list[dict] = []
    vocab = {
        w for s in sentences for w in re.findall(r"(?<![\wА-Яа-я])[a-zа-я][\wа-я'’-]*", s.text)
    }
    note = _Note(index, session_date, vocab)
    note.first_person = _first_person(sentences)
    if author and not strict and _first_person(sentences) and not _mentor_writes(sentences):
        note.diarist = index.resolve(author) or author
    texts = [s.text for s in sentences]
    outsiders: set[int] = set()  # lines the rules gave to someone outside the pair
    asked_at = -1  # where the chat's latest question is
    chat = chat_speakers(texts, index, lambda t: owner_prefix_task(t, index))
    note.to_reader = (
        bool(author)
        and not any(chat)
        and (_writes_to_reader(texts) or _greets_reader(texts[:4], index, author))
    )
    for i, s in enumerate(sentences):
        text = s.text
        speaker = canonical_placeholder(f"({s.speaker})") if s.speaker else None
        me = index.resolve(speaker) if speaker and index else speaker
        # "Boris: I'll send the deck on Friday", "> 💬 Yuki Tanaka: I'll take this" in Ana's
        # note: on a line a participant speaks, "I" is the speaker.
        spoken = None if chat[i] or speaker else SPEAKER_LINE_RE.match(text)
        said_by = spoken and index.resolve(spoken.group("who"))
        note.me = me or chat[i] or said_by or author
        note.chat = chat[i] is not None
        note.you = _other_participant(note.me, index)
        # The sentence before, over a chat header line ("Иван  10:35") between them.
        j = i - 1
        while j > 0 and header_only(sentences[j].text):
            j -= 1
        previous = sentences[j] if i else None
        opens_section = previous is None or previous.section != s.section
        note.hypothetical = bool(
            (opens_section and WHAT_IF_RE.match(s.section))
            or (previous and WHAT_IF_RE.match(previous.text))
        )
        note.previous = previous.text if previous else ""
        note.earlier = [t.text for t in sentences[max(0, i - 2) : i]]
        if previous is not None and chat[j] and previous.text.rstrip().endswith("?"):
            note.question, note.asker, asked_at = message(previous.text), chat[j], j
        elif i - asked_at > 3 or (chat[i] and chat[i] == chat[j] == note.asker):
            note.question = ""  # answered by now, or the asker went on
        note.outsider = False
        found = _sentence_actions(s, note) or _who_answer(sentences, i, chat, note)
        if note.outsider:
            outsiders.add(i)
        if strict:
            found = [a for a in found if _spoken_commitment(a)]
            found += _request_actions(text, index, session_date)
        for item in found:
            item["task"] = _named(item["task"], item["owner"], index, note.me, note.you)
            item.pop("clause", None)
            item["sources"] = [i]
            items.append(item)
            note.last_due = date.fromisoformat(item["due"]) if item["due"] else note.last_due
        note.recent = (note.recent + names_in(text, index))[-3:]
    if strict:
        return merge_duplicates(items)
    # "could you draft tone guidelines?" ... "ok re: the German tone thing — yep, I'll take it":
    # the answer's own "Take it" says less than the request it accepts, so the request wins.
    # (So does the request over "re the matrix — on me", which names no verb.)
    vague_answers = {
        a["sources"][0]
        for a in items
        if PRONOUN_TASK_RE.match(a["task"]) or re.match(r"(?:the|a|an|my|our)\s", a["task"], re.I)
    }
    answered = {i for item in items for i in item["sources"]} - vague_answers
    accepted = [a for a in _accepted_actions(texts, chat, index, session_date)
                if a["sources"][1] not in answered]  # fmt: skip
    taken = {a["sources"][1] for a in accepted}
    items = [
        a for a in items if not (a["sources"][0] in taken and a["sources"][0] in vague_answers)
    ]
    items += accepted
    if learned:
        items += _model_items(raw, items, index, author, session_date, outsiders, chat)
    items.sort(key=lambda a: a["sources"][0])
    items = _drop_identical(_drop_restated(_merge_confirmed(items, chat)))
    items = _merge_pronoun_repeats(items, texts, lambda w: bool(index.resolve(w)))
    items = _drop_topic_lines(_drop_list_topics(items, sentences))
    _due_from_follow_up(items, texts, session_date)
    for item in items:
        item.pop("listed", None)
        item.setdefault("detector", "rules")
        item["task"] = _perfective(_without_next_clause(_without_owner(item, index)))
    kept = [
        a
        for a in items
        if _pair_owned(a["owner"], index)
        and not BOOKING_TASK_RE.match(a["task"])
        and not NOT_A_TASK_RE.match(a["task"])
        # ("you weren't keen, so let's drop it": an idea given up, whatever "it" is.)
        and not (a["task"].startswith("Drop ") and LETS_DROP_RE.search(texts[a["sources"][0]]))
        and not GARBLED_ORDER_RE.match(a["task"])
        and not _books_next_meeting(a["task"], texts[a["sources"][0]])
        and WORDY_RE.search(a["task"])
    ]
    _due_in_same_sentence(kept, texts, session_date)
    return kept


# "Прегледайте ти ще прати ми ...", "Покани аз ще поема ...": an order whose object was read
# as a whole clause with its own subject and "ще"; no task reads like that.
GARBLED_ORDER_RE = re.compile(r"^[А-Я][а-я]*(?:и|й|те)\s+(?:(?:ти|аз|той|тя|ние)\s+)?ще\s")
# "Сканирай главите и ще ти ги пусна": the order, then what the writer does after it.
NEXT_CLAUSE_RE = re.compile(r"\s+и\s+ще\s+.*$")


# "Записваш се ..." read as an order gives "Записвай се"; a task list says "Запиши се".
PERFECTIVE = {"записвай": "запиши", "подготвяй": "подготви", "изпращай": "изпрати",
              "обучавай": "обучи", "прави": "направи",
              "пращай": "прати", "преглеждай": "прегледай", "довършвай": "довърши",
              "обаждай": "обади", "показвай": "покажи", "поемай": "поеми", "попълвай": "попълни",
              "пренаписвай": "пренапиши", "обновявай": "обнови"}  # fmt: skip


def _without_owner(item: dict, index: NameIndex) -> str:
    """ "Йоан пише инструкция", "Wika rewrites the log" (a table's task cell that names its
    owner, whose column says so too) → "Пиши инструкция", "Rewrite the log"."""
    task = item["task"]
    m = re.match(r"([A-ZА-Я][\wА-Яа-я'’-]+)\s+(?=[a-zа-я])", task)
    if not m or not item["owner"] or not index or index.resolve(m.group(1)) != item["owner"]:
        return task
    rest = task[m.end() :]
    if re.match(r"[a-z]+s\b", rest):
        return in_base_form(rest[:1].upper() + rest[1:])
    if re.match(r"[а-я]+(?:а|я|е|и)(?![а-я])", rest):
        return bg_imperative_3s(rest[:1].upper() + rest[1:])
    return task


def _perfective(task: str) -> str:
    first, _, rest = task.partition(" ")
    done = PERFECTIVE.get(first.lower())
    if not done:
        return task
    return done.capitalize() + (f" {rest}" if rest else "")


def _without_next_clause(task: str) -> str:
    """ "Намери контакт с ветеринарен лекар и ще го изпрати на Пламен" → "Намери контакт с
    ветеринарен лекар": a Bulgarian task ends before "и ще ..." when three words remain."""
    head = NEXT_CLAUSE_RE.sub("", task).rstrip(" ,;")
    return head if head != task and len(head.split()) >= 3 else task


# "~~Nikhil – revamp the breakfast menu~~ (dropped)": a struck-through item is off the list.
STRUCK_RE = re.compile(r"^\W*~~.+~~")
# Booking the next session is not a task: "Следващата среща ще я уговорим", "book our next call".
# "Dean's office — confirm the workflow (not ours, just tracking)": someone else's, listed.
NOT_OURS_RE = re.compile(
    r"\((?:[^()]*\b)?(?:not ours|not mine|not our action|just tracking|for info(?:rmation)?|"
    r"не е наша?|не е наше|само за сведение)\b[^()]*\)|"
    # "Glossary sign-off — Kessler's team schedules that, not us", "... — не е при нас".
    r"(?:,|—|–|;)\s*(?:not us|not on us|not ours|not our (?:job|call|action)|for info|не сме ние|"
    r"не е при нас|не е наша?|не е наше|за сведение|"
    r"не е наша работа|не ние|nothing (?:either of us|we) can do)\b|"
    # "Отчет по предходни задачи.", "Review of previous actions": a minutes heading.
    r"^\W*(?:\d+(?:\.\d+)*\.?\s*)?(?:преглед|отчет|review)\s+(?:на|по|of)\s+(?:предходни|предишни|"
    r"previous|last session['’]s)\s+(?:задачи|actions)\b|"
    # "Her idea: a 5-min standup template": an idea, not a task.
    r"^\W*(?:his|her|their|[A-Z][a-z]+['’]s)\s+idea\s*:",
    re.I,
)
# "Volunteer coordinator (Beth) to update ...", "Landlord (Mr Hale) — Approve ...", "Service
# manager to decide ...", "Dr Ahmadi (vets) — Confirm ...": a role or a titled surname first.
ROLE_LINE_RE = re.compile(
    r"^\W*(?:(?P<role>[A-ZА-Я][a-zа-я]+(?:\s+[a-zа-я]+){0,2})\s*\((?P<name>[^()]{2,30})\)|"
    r"(?P<title>(?:Mr|Mrs|Ms|Miss|Dr|Г-н|Г-жа|Д-р)\.?\s+(?P<surname>[A-ZА-Я][a-zа-я]+))"
    r"(?:\s*\([^()]{1,30}\))?|"
    r"(?P<job>(?:[A-Z][a-z]+\s+)?(?:manager|coordinator|director|landlord|officer|department|"
    r"supervisor|vets?|team)|[А-Я][а-я]+\s+(?:отдел|екип)))"
    r"\s*(?:to\b|да\b|[—–:])"
)
NEXT_SESSION_RE = re.compile(
    # "both — Next mentoring slot — 9 July, 15:00": a row for the next meeting.
    r"^\W*(?:[^—–:]{0,20}[—–:]\s*)?next\s+(?:mentoring\s+)?(?:session|meeting|slot|catch-?up|"
    r"call)\s*(?:[—–:,]|$)(?![^.]*\b(?:will|'ll|is going to|are going to)\s)|"
    r"\b(?:book|schedule|arrange|set up|fix|find a (?:date|time) for)\s+(?:the|our)\s+next\s+"
    r"(?:mentoring\s+|1:1\s+)?(?:session|meeting|call|catch-?up|1:1|one-to-one|1-2-1)(?!\w)|"
    # "I'll book us a room for the 10th of July for our next session."
    r"\b(?:book|pencil|schedule|fix|set)\b[^.;!?]{0,40}\bfor\s+(?:our|the)\s+next\s+"
    r"(?:mentoring\s+)?(?:session|meeting|call|catch-?up|chat|1:1)(?!\w)|"
    # "Следващата ни среща — след около месец, Снежи ще каже кога."
    r"(?<![\wА-Яа-я])следващ(?:ата|ия)\s+(?:ни\s+)?(?:среща|сесия)\W[^.]*ще\s+(?:каже|кажа|пише|пиша)\s+кога|"
    r"(?<![\wА-Яа-я])следващ(?:ата|ия)\s+(?:среща|сесия)\s+"
    r"ще\s+(?:я\s+|го\s+)?(?:уговорим|насрочим|определим|уточним)|"
    # "Next session in a month, Simona will send the invite."
    # "Next meeting booked for 5 March", "next catch-up pencilled for 27 Jan".
    r"\b(?:next|nxt)\s+(?:1:1|one-to-one|session|meeting|mtg)\s*(?:→|->|:|—)\s*[^.]*\bbooks?\b|"
    # "Let's grab 30 mins again in a fortnight": the next meeting.
    r"\bgrab\s+(?:\d+\s*mins?|half an hour|an hour|a coffee|time)\s+again\b|"
    r"\bnext (?:session|meeting|call|catch-?up)\s+(?:is\s+|was\s+)?(?:booked|pencilled|scheduled|"
    r"set|fixed)\b|"
    r"(?:next (?:one|session|meeting|call|catch-?up)|следващ(?:а|ата) (?:среща|сесия))"
    r"(?![\wА-Яа-я]).*"
    r"(?:\b(?:invite|invitation|calendar|send (?:a|the) date|(?:text|ping|message) (?:him|her|you))"
    r"|(?<![\wА-Яа-я])покана(?:та)?)",
    re.I,
)
# A task has words: "16:48, 2 min 51 s" (a voice memo's header) has none but units.
WORDY_RE = re.compile(
    r"(?<![\wА-Яа-я])(?!(?:min|mins|sec|secs|hrs?|am|pm|мин|сек|ч)(?![\wА-Яа-я]))"
    r"[A-Za-zА-Яа-я]{3,}",
    re.I,
)
# The next meeting named in the item's own sentence: "next sesh → RM to book", "За следващата
# среща тя ще си провери графика", "We'll do this again in about a month; I'll send him dates".
NEXT_MEETING_RE = re.compile(
    r"\b(?:next|nxt)\s+(?:mentoring\s+)?(?:session|sesh|meeting|mtg|catch-?up|chat|call|1:1|"
    r"one-to-one|1-2-1)(?!\w)|(?<![\wА-Яа-я])следващ\w*\s+(?:ни\s+)?(?:менторск\w+\s+)?"
    r"(?:среща|сесия|разговор)|\b(?:do|meet|catch up|sit down|talk)\s+(?:this\s+|(?:again\s+)?"
    r"properly\s+)?again\b|(?<![\wА-Яа-я])(?:пак|отново)\s+(?:ще\s+)?се\s+(?:видим|чуем|срещнем)",
    re.I,
)
# ... and the item only fixes it: book it, send or text a time, dates, a link or an invite, check
# a calendar, write on Viber; "Насрочи аз", "Провери графика и ще ми каже", "Пиши в Outlook".
SCHEDULING_RE = re.compile(
    r"^(?:\d+\W+)?(?:book|schedule|arrange|organi[sz]e|fix|set up|насроч\w*|уговор\w*)"
    r"(?:\s+(?:it|one|something|us|them|аз|я|го|ни))*(?:\s*\([^()]*\))?"
    r"(?:\W+(?:booked|done|насрочена|насрочено))?\W*$|"
    r"^(?:определ|уточн)\w*\s+(?:дата|час|ден)|"
    r"^(?:send|text|email|message|ping|drop|write|put|check|confirm|find|pick|suggest|propose|"
    r"sort(?: out)?|book|schedule|arrange|fix|set up|"
    r"пусни|прати|изпрати|пиши|пиша|провери|кажи|предложи)\b.*(?<![\wА-Яа-я])(?:times?|dates?|"
    r"slots?|link|invite|invitation|calendly|calendar|cal|diary|schedule|outlook|teams|viber|"
    r"whatsapp|покана\w*|графика?|час|дат[аи]|outlook)(?![\wА-Яа-я])",
    re.I,
)


# "Next sesh → RM to book", "Следваща среща — 14 януари — насрочена": a row for the meeting.
BOOKED_RE = re.compile(r"\b(?:book(?:ed)?|schedul\w*|invite)\b|(?<![\wА-Яа-я])(?:насроч|покан)\w*",
                       re.I)  # fmt: skip
# "We'll do this again in about a month" read as "Do the committee again": meeting again.
AGAIN_TASK_RE = re.compile(
    r"^(?:do|meet|catch up|sit down|talk|pick (?:it |this )?up)\b.*\bagain\b", re.I
)


def _books_next_meeting(task: str, sentence: str) -> bool:
    """Booking the next session is not an action item (the labelling rules), however it is said."""
    return bool(
        NEXT_MEETING_RE.search(sentence)
        and (
            SCHEDULING_RE.search(task)
            or AGAIN_TASK_RE.search(task)
            or (NEXT_MEETING_RE.search(task) and BOOKED_RE.search(task))
        )
    )


# "pick it up after Easter", "come back to this": resuming a topic, not a task.
RESUME_RE = re.compile(
    r"(?:pick (?:it|this|that) (?:up|back up)|come back to|return to|revisit|resume|"
    r"look at (?:it|this|that) again)\b",
    re.I,
)
# "..., if she can find it", "if I have time": a condition on one's own ability or time.
TRAILING_IF_RE = re.compile(
    r",\s*(?:but only\s+|only\s+)?if\s+(?:I|he|she|they|we|you|[A-Z][a-z]+)\s+"
    r"(?:can|could|has|have|finds?|gets?)\b|,\s*ако\s+(?:може|има|намери|успее|успея|имам)|"
    # "W to review if he has time", "if I get a chance": only as time allows, comma or not.
    r"\bif\s+(?:I|he|she|they|we|you)\s+(?:has|have|gets?|finds?)\s+(?:the\s+|some\s+)?"
    r"(?:time|a minute|a moment|a chance)\b|"
    # "nudge him if he doesn't", "available if he gets stuck", ", ако централата отвори ...".
    r"\bif\s+[\w'’]+\s+(?:doesn't|don't|does not|do not|gets?|needs?)\b|"
    # "he'll help if I send him something", "I'll go if the company pays".
    r"\bif\s+(?:I|you|we|he|she|they|the|my|our|his|her|their)\s+(?:[a-z]+\s+)?"
    r"(?:sends?|asks?|pays?|wants?|agrees?|approves?|signs?|says?|extends?|slips?|happens?)\b|"
    r",\s*ако\s+[а-я]+\s|\s[—–]\s*ако\s+(?:може|има|намеря|успея|имам|остане|остава)\b|"
    # "Join the visit to the supplier — if travel is approved": on someone else's yes.
    r"\s[—–]\s*if\s+(?:[a-z]+\s+){1,3}(?:is|gets?|are)\s+"
    r"(?:approved|signed off|agreed|confirmed)\b|"
    # "I'll sit in if you'd like some moral support", "ако искаш": only if the other wants.
    r"\bif\s+you(?:['’]d|\s+would)\s+like\b|\bif\s+you\s+want\b|(?<![\wА-Яа-я])ако искаш\b|"
    # "call me if the 1:1s throw up anything weird": only if something happens.
    r"^(?:call|ring|text|ping|message|phone|shout|email)\s+(?:me|us)\s+if\b",
    re.I,
)
# "if Kerry signs off the cost I'll ...", "ако НЕК одобри ..., ще ...": the condition comes first.
LEADING_IF_RE = re.compile(
    r"(?<![\wА-Яа-я])(?:if|unless|ако|освен ако)\s+(?!(?:so|not|needed|possible|any)\b)[^,]*,?\s*$",
    re.I,
)
# TaskPaper: "@done(...)", "@maybe", "@if(budget)" mark items that are not open plans.
TASKPAPER_SKIP_RE = re.compile(r"(?<!\w)@(?:done|maybe|someday|if|cancell?ed)\b", re.I)
TASKPAPER_DUE_RE = re.compile(r"(?<!\w)@due\(([^()]{1,30})\)")
TASKPAPER_TAGS_RE = re.compile(r"(?:\s+@[\wА-Яа-я]+(?:\([^()]{0,30}\))?)+\s*$")
# "Mentoring session — 09/22/2026": a cell (or the whole item) that is just a meeting.
MEETING_ITEM_RE = re.compile(
    r"(?:^\W*|[—–]\s*)(?:the\s+)?(?:next\s+)?(?:mentoring\s+)?(?:session|meeting|call|"
    r"catch-?up|1:1|среща|сесия)\s*(?:[—–]|$)|"
    # "следваща среща: 11 март", "Next session: 4 June": when we meet again.
    r"^\W*(?:next|следващ(?:а|ата|ия)?)\s+(?:session|meeting|call|среща|сесия)\s*:",
    re.I,
)
LISTED_MAYBE_RE = re.compile(rf"(?<![\wА-Яа-я])(?:{MAYBE_WORDS})(?![\wА-Яа-я])", re.I)
# "No date on this, but soon.": a remark on the item before.
NO_DATE_LINE_RE = re.compile(r"^\W*(?:no date|no deadline|без срок)\b", re.I)
# "ask Irina, the PM, if she can ...": after these the "if" asks, it sets no condition.
ASK_VERBS = {"ask", "check", "find", "see", "confirm", "email", "message", "text", "call",
             "enquire", "inquire", "попита", "питам", "проверя", "провери"}  # fmt: skip
# "2. скрипта за задържане – ще ти го пратя": a line that names its topic, then a clause.
# "имам 15 клиента с изтичащи полици в края на месеца, ще ги обзвъня": what there is to do.
HAVE_THINGS_RE = re.compile(
    r"(?<![\wА-Яа-я])(?:имам|имаме|остават|останаха)\s+(?P<topic>\d+[^,;:.!?]{3,60}?)"
    r"(?:\s+(?:в|до|за)\s+(?:края|началото)[^,]*)?,\s*$"
)
TOPIC_RE = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s*)?(?P<topic>[^–—:.!?→]{3,80}?)\s*(?:[–—:→]|\s-\s|\s->)\s*$"
)
# "А за шаблона — да, утре сутрин ще ти го пратя", "Чеклистът — остава за мен, ще ти го пратя":
# the topic, a few words, then the clause whose clitic stands for it.
LOOSE_TOPIC_RE = re.compile(
    r"^\W*(?:[Аа]\s+)?(?:за\s+)?(?P<topic>[^–—:.!?→,]{3,80}?)\s*(?:[–—]|\s-\s)\s*"
    r"(?:(?:да|добре|ок|окей|аз|остава за мен|поемам|поех го|поех|утре|днес|довечера|сутрин|"
    r"сутринта|следобед|(?:в|до|на|тази|този|следващата|следващия)\s+[а-я]+)[,\s]\s*){1,3}$"
)


TOPIC_LINE_RE = re.compile(r"^\W*(?P<topic>[А-Яа-я][^.!?,:;—–]{2,50}?)\s*[.:]?\s*$")
TOPIC_LINE_VERBS = re.compile(
    r"(?<![\wА-Яа-я])(?:е|са|съм|си|сме|ще|да|бях|беше|бяха|бил|била|има|няма|не|се|ми|ме|го|ги|"
    r"него|нея|тях|това|той|тя|те|аз|ти)(?![\wА-Яа-я])|"
    # A verb in the past: "Говорихме за графика." is what was said, not a topic line.
    r"[а-я]+(?:ах|ях|ахме|яхме|ил|ила|их|ихме|ихте|иха|аха|яха|охме)(?![\wА-Яа-я])",
    re.I,
)


NEXT_TOPIC_RE = re.compile(
    r"^\W*(?:[Сс]ледващото|[Дд]ругото|[Пп]оследното|[Оо]ще едно)(?:\s+нещо)?\s+(?:е|беше)\s+"
    r"(?P<topic>[^.!?]{3,70}?)\s*[.:]?\s*$"
)


BG_TALKED_ABOUT_RE = re.compile(
    r"(?<![\wА-Яа-я])(?:[Гг]оворихме|[Оо]бсъдихме|[Сс]тана дума|[Пп]оговорихме|[Рр]азгледахме|"
    r"[Сс]пряхме се)\s+(?:и\s+)?(?:за|върху|на)?\s*(?P<topic>[а-я][а-я-]+(?:\s+(?:за|на|с|от)\s+"
    r"[а-я-]+){0,2})\s*[.!]?\s*$"
)


def _role_line(text: str, index: NameIndex) -> bool:
    """A list line that opens with someone outside the pair: a role with a name in brackets,
    a titled surname, a job ("Service manager to decide ..."), or a table row whose first cell
    is not a participant and whose second is the task ("Kestrel procurement — Return signed
    NDA — 3.07", "Управлението — Нова аспирация за цех 2")."""
    row = OWNER_FIRST_ROW_RE.match(text)
    named = index and any(index.resolve(w.strip(",.;:()+/&")) for w in text.split())
    if row and index and not named and not _pair_cell(row.group("who"), index):
        return True  # (a row that names a participant anywhere is left to the rules below)
    m = ROLE_LINE_RE.match(text)
    if not m or not index:
        return False
    if m.group("role"):
        # ("Action (both): mock pitch ...", "Задача (Ана): ...": a header and whose it is.)
        name = m.group("name").strip()
        return not (
            index.resolve(m.group("role").split()[0])
            or index.resolve(name)
            or re.match(r"(?:both|we|us|all|me|you|двамата|заедно|аз|ти)\b", name, re.I)
            or ACTION_SECTION_RE.search(m.group("role"))
        )
    if m.group("title"):
        return not index.resolve(m.group("surname"))
    return True


# "Kestrel procurement — Return signed NDA — 3.07": who, what, when, in a table row.
OWNER_FIRST_ROW_RE = re.compile(
    r"^\W*(?P<who>[A-ZА-Я][^—–:|()]{1,28}?)\s+[—–]\s+(?P<task>[A-ZА-Я][a-zа-я]+)\b[^—–]*[—–]\s*\S"
)


def _pair_cell(who: str, index: NameIndex) -> bool:
    """A first cell that names the pair: a participant, initials, "both", "me", or a task."""
    words = who.split()
    return bool(
        index.resolve_tag(who)
        or index.resolve_tag(words[0])
        or re.match(r"(?:both|we|me|you|us|двамата|заедно|аз|ти|all)\b", who, re.I)
        or imperative_line(words[0].lower())
    )


def _topic_line(text: str) -> re.Match | None:
    """ "Личният дозиметър.", "Актовете, образец 12.": a line that only names a thing;
    "Следващото е списъкът с лекарствата.": a line that says what comes next."""
    nxt = NEXT_TOPIC_RE.match(message(text or ""))
    if nxt:
        return nxt
    m = TOPIC_LINE_RE.match(text or "")
    if not m or len(m.group("topic").split()) > 8 or TOPIC_LINE_VERBS.search(m.group("topic")):
        return None
    return m


def _loose_topic(text: str) -> re.Match | None:
    """A thing named before a dash ("А за шаблона — да, утре ..."), not a clause of its own
    ("Дължа ти копие ... — утре ще ти го донеса" is already a task)."""
    m = LOOSE_TOPIC_RE.match(text)
    clause = r"(?<![\wА-Яа-я])(?:да|ще|обещах|обеща|дължа|поех|трябва)(?![\wА-Яа-я])"
    return m if m and not re.search(clause, m.group("topic"), re.I) else None


# "черновата на статията ще я прочета": an object put first, then picked up by a clitic.
BARE_TOPIC_RE = re.compile(r"^\W*(?P<topic>[а-я][а-я ]{2,60}?)\s*$")
# The same at the start of a sentence: "Скрипта за отказ ще ти го пратя в сряда".
# ("А черновата на бюджета ще ти я пратя": a leading "а", "и", "пък" is no part of it.)
FRONTED_TOPIC_RE = re.compile(
    r"^\W*(?:(?:[Аа]|[Ии]|[Нн]о|[Пп]ък)\s+)?"
    # ("Плана за лечение на малкия Кристиан ще го погледна": a name may sit inside it.)
    r"(?P<topic>[А-Яа-я][а-я]+(?:[ -](?:[а-яa-z-]+|[А-Я][а-я]+)){0,8}?)\s*$"
)
ROLE_VERBS = {"lead", "own", "manage", "head", "води", "ръководи", "отговаря"}
# Phone typing: "im redoing the end cap tonight", "mon: i talk to Lou".
ILL_RE = re.compile(r"(?<![\w'’])[Ii]ll\s+(?=([a-z]+)\b)")
GOTTA_RE = re.compile(r"(?<![\w'’])(I|[Ww]e|[Yy]ou)(?:['’]ve)?\s+(?:gotta|got to)\s+(?=[a-z])")
HES_RE = re.compile(r"(?<![\w'’])([Hh]e|[Ss]he)s\s+(?=going to\b|gonna\b|[a-z]+ing\b)")
LOWER_I_RE = re.compile(
    r"(?<![\w'’.-])i(?=['’](?:ll|m|ve|d)\b|\s+[a-z])|(?<![\w'’])im(?=\s+[a-z]+ing\b)"
)
# Past participles that look like nothing else: "he said he'd sent it" is "had sent".
IRREGULAR_PARTICIPLES = set(
    """
    sent done read put cut set let shut hit spread quit made got told said found thought brought
    bought left kept met lost paid built spent taught caught sold heard held won run become come
    had been gone seen taken given written spoken known shown begun chosen driven eaten fallen
    felt meant sat stood understood led fed slept lent dug hung struck stuck drawn grown thrown
    already just never better rather
""".split()
)


def _may_be_participle(verb: str) -> bool:
    """ "'d" + this word may read "had": "he'd read", "she'd finished"; "he'd dig it out",
    "she'd lend me her copy" can only be "would"."""
    return verb in IRREGULAR_PARTICIPLES or verb.endswith(("ed", "en", "wn"))


# "I want to get better at estimating by June", "wants to move towards a staff role within two
# years": a dated wish to grow is a goal, not a task; "I want to do ..." names no task yet.
WANT_GOAL_RE = re.compile(
    r"(?:get|be|become)\s+(?:better|more|less|faster|promoted)\b|improve\b|learn\b|grow\b|"
    r"move\s+(?:towards|into|up)\b|step\s+up\b|do\b"
)
# "Also need to ring the Tesco contact back", "gotta send the deck": the "I" left out.
SUBJECTLESS_NEED_RE = re.compile(
    r"^(\W*(?:(?:[Aa]lso|[Aa]nd|[Ss]till|[Tt]hen|[Pp]lus)\s+)?)"
    r"(?P<modal>[Nn]eed to|[Hh]ave to|[Gg]ot to|[Gg]otta|[Mm]ust)\s+"
    # "Must remember to book the exam": the reminder is the task.
    r"(?P<remember>remember to\s+)?(?P<verb>[a-z]+)"
)
# "... → me, will share by Monday", "... → you": who takes it, after the arrow (not a question).
THING_OWNER_RE = re.compile(
    r"^\s*(?P<thing>[^—–→⇒]{3,90}?)\s+(?:->|=>|→|⇒|—|–)\s+"
    r"(?:(?P<both>both(?: of us)?|(?:и )?двамата|заедно|"
    # ("→ KM + LV together", "→ Б. + С."): the two of them.
    r"(?-i:[A-ZА-Я][\wА-Яа-я.]{0,12}\s*(?:\+|&|/|and|и)\s*[A-ZА-Я][\wА-Яа-я.]{0,12})"
    r"(?:\s+(?:together|заедно))?)|"
    # ("→ МК", "— Й.", "→ С.П": initials name the owner too.)
    r"(?P<who>[A-ZА-Я](?:[\wА-Яа-я'’-]+|\.(?:[A-ZА-Я]\.?)?)))"
    # ("excursion writeup (8D format) → KM → Tue": the date after a second arrow.)
    r"\s*(?:[,.;(•|—–→]|->|\s-\s|$)",
    re.I,
)


ARROW_OWNER_RE = re.compile(
    r"^\s*(me|you|мен|аз|теб|ти)(?=\s*(?:[,.;!(]|$|will\b|ще\b))(?![^?]*\?)", re.I
)
TAG_QUESTION_RE = re.compile(r"(?:,\s*|\s+)(?:нали|right|yeah|ok|okay)\s*\?\s*$", re.I)
YOU_TAG_RE = re.compile(r"^(\W*)(?:you|ти)\s*(?::|\s[–—-])\s+", re.I)
MINUTES_NUMBER_RE = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.?\s+(?=[A-ZА-Я])")
DIARY_WILL_RE = re.compile(r"(^\W*|\s[—–]\s+|:\s+)[Ww]ill\s+(?=[a-z]{2,}\s)")
AGREED_WOULD_RE = re.compile(
    r"(\b(?:agreed|promised|decided|offered)\s+(?:that\s+)?(?:I|we|he|she|they|you|"
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][a-z]+))"
    r"(?:['’]d|\s+would)\s+"
)
AGREED_PRESENT_RE = re.compile(
    r"(?P<lead>\b(?:[Aa]greed|[Dd]ecided|[Pp]romised)\s+(?:that\s+)?(?:I|we|he|she|[A-Z][a-z]+)\s+)"
    r"(?P<verb>[a-z]+)\b"
)
BG_DATED_I_PRESENT_RE = re.compile(
    r"^(\W*(?:[Ии]\s+)?(?:[Уу]тре|[Дд]овечера|[Дд]нес|[Вв]ъв? (?:понеделник|вторник|сряда|"
    r"четвъртък|петък|събота)|[Сс]ледващата седмица)"
    r"(?:\s+(?:сутринта|сутрин|вечерта|следобед))?\s+)"
    r"(?=(?:се\s+|си\s+)?[а-я]{3,}(?:ам|ям|[^аеиоуъюя\W]я)(?![\wА-Яа-я]))"
)
BG_AGREED_DA_RE = re.compile(
    r"((?:[Рр]азбрахме се|[Дд]оговорихме се|[Уу]говорихме се|"
    r"(?<![\wА-Яа-я])се (?:разбрахме|договорихме|уговорихме))[^.;:?!]{0,60}?)"
    r"(?<![\wА-Яа-я])да\s+(?=(?:се\s+|си\s+)?(?!(?:виждаме|чуваме|срещаме|събираме)\b)"
    r"[а-я]{3,}(?:ем|им|нем|ме)\s+(?!(?:заедно|двамата)\s*(?:[.,;–—-]|$))[\wА-Яа-я])"
)
BG_WE_PRESENT_RE = re.compile(
    r"(?<![\wА-Яа-я])(?<!ще\s)(?!(?:не|ще|да|виждаме|чуваме|срещаме)\s)[а-я]{3,}(?:аме|яме|еме|име)"
    r"(?=\s+(?:двамата|заедно)\s+(?!с\s+екипа)[\wА-Яа-я])"
)
BG_AGREED_PRESENT_RE = re.compile(
    r"(?:[Рр]азбрахме се|[Дд]оговорихме се|[Уу]говорихме се|[Рр]ешихме),?\s+че\s+"
    r"(?:тя|той|ти|аз|[А-Я][а-я]+)\s+(?=(?!ще\b|да\b|не\b)[а-я]+(?:а|я|ам|ям|е|и|аш|яш|иш|еш)\b)"
)
OWE_RE = re.compile(
    r"(?<![\w'’])(?P<subj>I|[Hh]e|[Ss]he|[A-Z][a-z]+)\s+(?:(?:also|still|now|really)\s+){0,2}owes?\s+"
    r"(?=(?:him|her|you|me|[A-Z][a-z]+)\s)"
)
OWE_WRITE_UP_RE = re.compile(
    r"(?<![\w'’])(?P<subj>I|[Hh]e|[Ss]he|[A-Z][a-z]+)\s+(?:(?:also|still|now|really)\s+){0,2}"
    r"owes?\s+(?:(?:him|her|you|me|[A-Z][a-z]+)\s+)?an?\s+write-?up\s+(?:of|on|about)\s+"
)
BG_OWE_RE = re.compile(
    r"(?<![\wА-Яа-я])([Дд]ължа|[Дд]ължи)\s+(?P<clitic>ѝ|й|му|ти|ми)(?![\wА-Яа-я])"
)
# "marcus sending me the sales by sat": a lowercase participant at the start, then a verb.
LOWER_NAME_RE = re.compile(
    r"^(\W*)([a-zа-я][\wа-я'’-]+)(?=\s+(?:to\s|will\s|ще\s|да\s|[a-z]+(?:ing|s)\b))"
)


# "Marcus sending me the sales by sat": a participant and an -ing verb, "is" left out.
NAME_ING_RE = re.compile(r"^(\W*)(" + NAME + r")\s+(?=[a-z]{2,}ing\b)")
# "mon: I talk to Lou", "I send the deck Friday": a dated present tense is a plan.
I_PRESENT_RE = re.compile(r"^(\W*(?:[^:.!?]{3,60}:\s*)?I)\s+(?=(?P<verb>[a-z]+)\b)")


# "I'll have it cleaned up by Friday", "going to have the draft done": the task is the
# participle's verb ("clean it up", "finish the draft").
HAVE_DONE_RE = re.compile(
    r"(?P<modal>\b(?:will|['’]ll|['’]d|would|going to|gonna)\s+)have\s+(?P<obj>it|them|this|that|"
    r"(?:the|my|your|a|an)\s+[^,.;:!?]{1,40}?)\s+(?P<part>[a-z]{3,}ed|done|finished|written|sent)"
    r"(?P<prt>\s+(?:up|out|over|off|through))?"
    # ("have a version in the shared folder": "shared" describes the folder.)
    r"(?=\s+(?:by|before|within|until|till|for|to|today|tonight|tomorrow|this|next|on|in|at|end|EOD)\b"
    r"|\s*[,.;—–]|\s*$)"
)

OTHER_ING = {
    "going": "go", "looking": "look", "handling": "handle", "owning": "own",
    "covering": "cover", "leading": "lead", "taking": "take", "picking": "pick",
}  # fmt: skip


def _ing_verb(word: str) -> str | None:
    """ "writing" → "write", "going" → "go": the verb of an -ing form in "who's doing ...?"."""
    return ing_base(word) or OTHER_ING.get(word.lower())


GERUND_JOB_RE = re.compile(
    r"^(\W*(?:[^:]{1,25}:\s*)?)(?P<verb>[A-Za-z][a-z]{2,}ing)\s+(?P<obj>[^.;:!?—–]{3,80}?)"
    r"(?:\s+is\s+(?:my|on my)\s+(?:job|task|responsibility)\b|"
    # "Introducing you to Tamsin — that one's mine, I'll do it tomorrow".
    r"\s*[—–,:]\s*(?:that(?: one)?['’]s|that(?: one)? is|it['’]s)\s+(?:mine|on me)\b)(?P<after>.*)$"
)
MY_JOB_RE = re.compile(
    r"^(\W*)(?:that['’]s|it['’]s|that is|it is)\s+(?:my|on my)\s+(?:job|task|plate)\s*"
    r"(?:[—–:,]|\s-)\s*(?P<verb>[a-z]{2,}ing)\b",
    re.I,
)
HAVE_DRAFT_RE = re.compile(
    r"(\b(?:will|['’]ll|['’]d|would|going to)\s+)have\s+(?:a|the)\s+(?:first\s+|rough\s+)?draft"
    r"(?:\s+of)?\s+(?=[a-z])(?!(?:in|on|at|by|for|to|from|of)\b)"
)
# "You said you'd have a first draft by the end of next week": a draft of what came before.
HAVE_DRAFT_BARE_RE = re.compile(
    r"(\b(?:will|['’]ll|['’]d|would|going to)\s+)have\s+(?:a|the)\s+(?:first\s+|rough\s+)?draft"
    r"(?=\s*(?:by|before|ready|done|for you|to you|to me|on|in|next|this|tomorrow|[—–,.;]|$))"
)


def _have_done(m: re.Match) -> str:
    verb = participle_verb(m.group("part"))
    if verb is None:
        return m.group(0)
    return f"{m.group('modal')}{verb} {m.group('obj')}{m.group('prt') or ''}"


SLASH_ROW_RE = re.compile(
    r"^(\W*(?:[a-z]\)|\d{1,2}[.)])?\s*)(?P<who>[A-ZА-Я][\wА-Яа-я'’-]+)\s+/\s+"
    r"(?P<task>[a-zа-я][^/]{3,}?)\s+/\s+(?P<due>[^/]{2,40}?)\s*$"
)
THING_COLON_OWNER_RE = re.compile(
    r"^(\W*)(?P<thing>[^:,→—–]{3,80}?)(?::\s*(?P<who>[A-ZА-Я][\wА-Яа-я.]*)\s*(?:->|→|=>)|"
    r"(?:,|\s[—–-])\s*(?:owner|отговорник)\s*:\s*(?P<who2>[A-ZА-Я][\wА-Яа-я.]*))\s*",
    re.I,
)
CHAT_STAMP_START_RE = re.compile(r"^\s*\[[^\]]{3,30}\]")
PLAN_COLON_RE = re.compile(r"^(\W*)(?:[Tt]he\s+|[Mm]y\s+)?[Pp]lan\s*[:—–]\s+(?=[a-z]{2,}\s)")
PLAN_IS_RE = re.compile(r"(?i)\b(?:the\s+)?plan\s+is\s+(?:that\s+)?(you|I|we)\s+(?=[a-z])")
OWNER_FIELD_RE = re.compile(
    # "- chilled dock congestion — owner: DK — log trailer arrival times ...": a topic may come
    # first, then whose it is, then the task.
    r"^(\W*(?:[^:—–]{3,60}\s[—–]\s+)?)(?:Отговорник|Отговорници|Owner|Responsible|Кой)\s*:\s*"
    r"(?:(?P<both>двамата(?:\s+заедно)?|both(?: of us)?)|(?P<who>[A-ZА-Я][\wА-Яа-я'’.-]+))"
    r"\s*(?:[—–:]|\s-)\s*(?P<da>да\s+)?(?=[a-zа-я])",
    re.I,
)
BG_BOTH = ("двамата", "и двамата", "двете", "и двете")
# "Sasha writes them, end of next month", "rota: W raises it w/ Dana by Thu": a participant
# and a dated present tense, in notes, is their plan.
NAME_PRESENT_RE = re.compile(r"(^\W*|:\s+)(" + NAME + r")\s+(?P<verb>[a-z]{2,}s)\b")
# "IL rewrites ...", "→ ПД праща ...": initials and a verb in the present, in a list.
INITIALS_PRESENT_RE = re.compile(
    r"(?:^\W*|:\s+|[→>]\s*)(?P<who>[A-ZА-Я]{2,3}|[A-ZА-Я]\.\s?[A-ZА-Я]\.?)\s+"
    r"(?P<verb>[a-z]{2,}s|[а-я]{3,}(?:ва|ща|ма|я|ее|ие|ае))(?![\wА-Яа-я])"
)


# "you'll", "you said", "your CV", "ти ще", "твоя": the writer addresses the reader.
READER_RE = re.compile(
    r"(?<![\w'’])(?:[Yy]ou(?:['’](?:ll|re|ve|d))?\s+[a-z]|[Yy]our\s)|"
    r"(?<![\wА-Яа-я])(?:[Тт]и|[Тт]вой|[Тт]воя|[Тт]воят|[Тт]воята|[Тт]воите|[Тт]вое)(?![\wА-Яа-я])"
)
YOU_PRESENT_RE = re.compile(
    r"(?:^|[,;:—–]\s+|\s-\s+|\b(?:but|and|so)\s+)you\s+(?=(?P<verb>[a-z]+)\b)"
)
BG_YOU_PRESENT_RE = re.compile(
    r"((?:^|[.;:—–]\s*|\s-\s)(?:\d{1,2}[.)]\s*)?"
    # "Следващата седмица настройваш CI job-а", "до 1 октомври ти подготвяш ...": a time may
    # come first.
    r"(?:(?:[Сс]ледващата седмица|[Тт]ази седмица|[Уу]тре|[Дд]нес|"
    r"[Дд]о [а-я0-9.-]+(?:\s+(?:януари|февруари|март|април|май|юни|юли|август|септември|"
    r"октомври|ноември|декември))?)\s+)?)"
    r"(?P<you>ти\s+)?"
    r"(?P<clitics>(?:(?:ги|го|я|ми|му|ѝ|й|си|се)\s+){0,2})"
    # ("Можеш ли да ми пратиш ... до петък?" asks; "искаш" wants: neither is a directive.)
    r"(?!(?:[Мм]ожеш|[Ии]скаш|[Мм]ислиш)(?![а-я]))(?P<verb>[А-Яа-я][а-я]{2,}(?:аш|яш|еш|иш))"
    r"(?=\s)(?!\s+ли(?![\wА-Яа-я]))"
)


# "1. the three calls – прослушай ги до петък", "send me the checklist by Friday": in a chat
# between the two, a dated imperative at the start of a message is a task for the other one.
CHAT_IMPERATIVE_RE = re.compile(
    r"^(?P<lead>\W*(?:\d{1,2}[.)]\s*)?(?:[^–—:.!?]{3,80}?\s*(?:[–—:]|\s-\s)\s*)?)"
    r"(?P<verb>[A-Za-zА-Яа-я]+)(?=\s)"
)
# "sends", "праща": verbs whose object is the thing handed over.
SEND_VERB = (
    r"(?:sends?|gives?|shares?|forwards?|passes|hands?|emails?|праща|изпраща|дава|препраща|"
    r"пуска)$"
)
DA_YOU_RE = re.compile(
    r"^\W*(?P<thing>(?:[^–—:.!?]{3,80}?\s*(?:[–—:]|\s-\s)\s*)?)(?:и\s+)?[Дд]а\s+"
    r"(?P<clitic>(?:(?:го|я|ги)\s+))?(?:(?:си|се|ми|му|ѝ)\s+)?(?P<verb>[а-я]{3,})(?=\s)"
)
PLAIN_IMPERATIVE_RE = re.compile(
    r"^(?P<lead>\W*(?:\d{1,2}[.)]\s*)?)(?P<verb>[A-Za-zА-Яа-я]+)(?=\s)"
)
# "Before the 10th, read the ACAS guidance": a time first, then the imperative.
DATED_IMPERATIVE_RE = re.compile(
    r"^(?P<lead>\W*(?:(?:before|by|until|till|on|over|this|next|tomorrow|today|tonight|"
    r"first thing|до|преди|утре|днес|довечера|тази|следващата)(?![\wА-Яа-я])[^,.!?]{0,30}|"
    # "Моля те, подготви графика ... до 06.11", "Please, send ...": a polite opening.
    r"моля те|моля|please|pls|"
    # "Once she has them, pull the readers' comments into a summary": when, then the order.
    r"(?:once|when|after|as soon as|като|щом)\s+[^,.!?]{3,50}),\s*|"
    r"\W*(?:please|pls|kindly)\s+)"
    r"(?P<verb>[A-Za-zА-Яа-я]+)(?=\s)",
    re.I,
)
# "Invite list to you by Wednesday", "figures over to you tomorrow": a few words, then "to you".
TO_YOU_RE = re.compile(
    r"^\s*(?!(?:I|we)(?:['’](?:ll|m|d|ve))?\s)(?:[\w'’-]+\s+){0,3}[\w'’-]+\s+(?:over\s+)?to you\b",
    re.I,
)
# "So for me: cost out the menu by Friday, do my refresher by the 14th, and trial ...": the
# writer's own tasks, listed inline after a colon.
MY_LIST_RE = re.compile(
    r"^\W*(?:(?:so|and|ok|okay|then)\s*,?\s+)?(?:for me|my (?:actions|to-?dos?|homework|tasks|"
    r"next steps)|за мен|моите задачи)\s*:\s+(?P<rest>.+)$",
    re.I,
)
NOT_LIST_STARTS = {"the", "a", "an", "my", "your", "our", "his", "her", "their", "this", "that",
                   "these", "those", "maybe", "perhaps", "possibly", "not", "no", "if", "when",
                   "i", "we", "you", "he", "she", "they", "it", "probably", "also", "still",
                   "because", "but", "so", "which", "who", "while", "since", "unless", "or",
                   "ако", "може", "не", "аз", "ние", "ти", "той", "тя", "те", "когато",
                   "защото", "но", "който", "която", "които", "или"}  # fmt: skip
MY_LIST_SPLIT_RE = re.compile(r"\s*(?:,\s*(?:and|и)\s+|,\s*|;\s*|\s+(?:and|и)\s+)")
BG_IMPERATIVES = {"прати", "изпрати", "прочети", "пиши", "напиши", "запиши", "обади", "свържи",
                  "провери", "подготви", "направи", "покажи", "кажи", "питай", "попитай",
                  "реши", "виж", "качи", "нанеси", "оправи", "довърши", "донеси", "попълни",
                  "води", "върни", "обнови", "уреди", "намери", "помисли", "опиши", "сподели",
                  "предай", "подай", "запази", "изпълни", "поправи", "потърси",
                  "предложи", "включи", "добави", "смени", "пусни", "оцени", "сравни",
                  "повтори", "научи", "проследи", "определи", "приготви", "състави", "проучи",
                  "насрочи", "разкажи", "обясни", "покани", "представи", "осигури", "подпиши",
                  "подреди", "изчисли", "изпробвай", "упражни", "заведи", "изтегли"}  # fmt: skip


def bg_order(word: str) -> bool:
    """ "прати", "наблюдавай": a Bulgarian imperative a task opens with (lower case)."""
    return word in BG_IMPERATIVES or (len(word) > 5 and word.endswith(("ай", "яй", "ей")))


PLEASE_DA_RE = re.compile(
    r"^\W*[Мм]оля(?:\s+те)?\s*,?\s*(?P<pre>[^.!?]{0,40}?)(?<![\wА-Яа-я])да\s+"
    r"(?P<cl>(?:ми|ни|му|ѝ|им|се|си|го|я|ги)\s+)?(?P<verb>[а-я]+(?:еш|иш|аш|яш))(?![\wА-Яа-я])"
)


def _chat_imperative(text: str, ref: date | None) -> str:
    if due_date(text, ref)[0] is None:
        return text
    subjectless = re.match(r"^\W*(?:can|will|should)\s+(?=[a-z]{2,}\s)", text)
    if subjectless:
        # "the tone guide is mine. can get it to you by Monday": the writer's "I" left out.
        return "I will " + text[subjectless.end() :]
    if TO_YOU_RE.match(text):
        # "Invite list to you by Wednesday": what the writer will send, not an order.
        return "I will send " + text.lstrip()[:1].lower() + text.lstrip()[1:]
    # "Моля те, до понеделник да ми пратиш анализа": a request to the reader.
    please = PLEASE_DA_RE.match(text)
    if please and please.group("verb").lower() not in BG_YOU_NOT_TASKS:
        pre = please.group("pre").strip(" ,")  # "до понеделник": the date stays in front
        rest = text[please.end("verb") :]
        verb = f"{please.group('cl') or ''}{please.group('verb')}"
        return f"{pre + ' ' if pre else ''}ти ще {verb}{rest}"
    # "Terraform модулът – да го довършиш до петък": a thing, then "да" + what the reader does
    # to it; the thing is what the task acts on.
    da = DA_YOU_RE.match(text)
    if (
        da
        and da.group("verb").lower().endswith("ш")
        and da.group("verb").lower() not in BG_YOU_NOT_TASKS
    ):
        thing = da.group("thing").strip(" –—:-")
        # ("Шаблонът за CV ... – да го обновиш": as an object, "шаблона за CV ...".)
        if re.match(r"[А-Я]", thing):
            thing = object_form(thing[:1].lower() + thing[1:])
        obj = f" {thing}" if da.group("clitic") and thing else ""
        return f"ти ще {da.group('verb')}{obj}{text[da.end('verb') :]}"
    # "Before the 10th, read ...", "1. the three calls – прослушай ги ...", "Clean it up in
    # Salesforce before Q2 — anything ...": the first reading whose verb is an order wins. A
    # line that opens with its order keeps it ("Наблюдавай един урок ..., все едно кой —
    # гледай как ..."); a short topic before a dash is no order ("Plan for Q3 — send ...").
    topic = re.match(r"^\W*(?:\S+\s+){0,3}\S*\s*(?:[–—:]|\s-\s)", text)
    order = (PLAIN_IMPERATIVE_RE, CHAT_IMPERATIVE_RE) if not topic else (
        CHAT_IMPERATIVE_RE, PLAIN_IMPERATIVE_RE)  # fmt: skip
    for rx in (DATED_IMPERATIVE_RE, *order):
        m = rx.match(text)
        if not m:
            continue
        verb = m.group("verb")
        low = verb.lower()
        # "Get a first round of 1:1s done this week": "get ... done" is a task like "do".
        got = low == "get" and GOT_ANY_RE.match(text[m.end("verb") :])
        if low in TASK_VERBS or got:
            return text[: m.start("verb")] + "you will " + low + text[m.end("verb") :]
        if bg_order(low):
            return text[: m.start("verb")] + "ти ще " + low + text[m.end("verb") :]
    return text


def _will_from_present(text: str, m: re.Match, subject: str) -> str:
    """ "Kwame sends the rota and checks it" (`m` at its verb) → `subject` + " will send the
    rota and check it"; other text as it is. ("Kwame starts his first on-call rotation next
    week" is an event, not a task.)"""
    if base_form(m.group("verb")) not in TASK_VERBS - {"start", "join", "attend"}:
        return text
    rest = in_base_form(m.group("verb").capitalize() + text[m.end() :])  # "… and sends it"
    return f"{subject} will {rest[0].lower()}{rest[1:]}"


def _trailing_if(text: str) -> bool:
    """A condition on the task itself ("..., if she can find it"), not on the reason given for
    it ("за да го използвам, ако ме извикат", "so I can use it if they call")."""
    m = TRAILING_IF_RE.search(text)
    purpose = r"(?:за да|so (?:that )?I can|so I have it)[^—–]*$"
    return bool(m) and not re.search(purpose, text[: m.start()])


def _agreed_will(m: re.Match) -> str:
    """ "agreed she finishes the mock exam" → "agreed she will finish the mock exam"."""
    verb = m.group("verb")
    base = base_form(verb)
    if verb.lower() in TASK_VERBS:
        return m.group("lead") + "will " + verb
    if base.lower() in TASK_VERBS:
        return m.group("lead") + "will " + base
    return m.group(0)


def _untyped(
    text: str, index: NameIndex, ref: date | None, diary: bool = False, partner: str | None = None
) -> str:
    """Undo phone typing that hides a subject or a modal: a lowercase "i"/"im", a
    participant's name in lowercase or without "is" at the start of a line, "I talk to Lou"
    with a date (a plan, written in the present tense); in a `diary` (an author writing as
    "I"), "Also need to ring ..." without its "I". A pasted chat line ("[20:54] Kwame
    Mensah: that's my job — ...") is read after its speaker, who is kept in front."""
    said = message(text)
    if said and said != text and text.endswith(said) and CHAT_STAMP_START_RE.match(text):
        return text[: len(text) - len(said)] + _untyped(said, index, ref, diary, partner)
    text = MINUTES_NUMBER_RE.sub("", text)  # "3.1 CW to share ...": a minutes item number
    # "pharma glossary: ML → by Mon", "vendor doc, owner: ML (no date)": the thing, then whose.
    named = THING_COLON_OWNER_RE.match(text)
    who = named and (named.group("who") or named.group("who2"))
    if who and index and index.resolve(who):
        text = f"{named.group(1)}{named.group('thing')} → {who}, {text[named.end() :]}"
    # "a) Amara / finish the logframe for the Kayes project / end of the month": a table row.
    row = SLASH_ROW_RE.match(text)
    if row and index and index.resolve(row.group("who")):
        text = f"{row.group(1)}{row.group('who')} will {row.group('task')}, {row.group('due')}"
    # "QA checklist: both to trial it on the next two jobs": a plan for the pair.
    text = re.sub(r"(^\W*|:\s+)[Bb]oth(?: of us)?\s+to\s+(?=[a-z])", r"\1we will both ", text)
    # "Отговорник: Георги — да измери ...", "Owner: Ana — draft ...": whose it is, first.
    field = OWNER_FIELD_RE.match(text)
    if field and (field.group("both") or (index and index.resolve(field.group("who")))):
        rest = text[field.end() :]
        if field.group("both"):
            # "да обходят цеха и да направят снимки": the pair's plan, "we" in the task.
            rest = re.sub(r"(^|(?<=\sда\s))([а-я]{2,}?)(я|а)т\b",
                          lambda m: m.group(1) + m.group(2) + ("им" if m.group(3) == "я" else "ем"),
                          rest)  # fmt: skip
            text = f"{field.group(1)}Двамата ще {rest}" if field.group("da") else (
                f"{field.group(1)}We will both {rest[:1].lower()}{rest[1:]}")  # fmt: skip
        else:
            to = "да" if field.group("da") else "to"
            text = f"{field.group(1)}{field.group('who')} {to} {rest}"
    # "ACTION CF: Redesign ...", "ACTION MD/CF: Jointly review ...": whose it is, before the colon.
    text = ACTION_NAMES_RE.sub(
        lambda m: (
            f"{m.group(1)}{m.group(2)}: {m.group(3)} + {m.group(4)}: "
            if m.group(4)
            else f"{m.group(1)}{m.group(2)} ({m.group(3)}): "
        ),
        text,
        count=1,
    )
    text = LOWER_I_RE.sub(lambda m: "I'm" if m.group(0) == "im" else "I", text)
    # "ill bring him my tester thurs", "hes going to practise": apostrophes left out.
    text = ILL_RE.sub(lambda m: "I'll " if m.group(1).lower() in TASK_VERBS else m.group(0), text)
    text = HES_RE.sub(lambda m: m.group(1) + "'s ", text)
    # "So I gotta redo the allocation sheet", "I've gotta finish it": "have to".
    text = GOTTA_RE.sub(lambda m: m.group(1) + " have to ", text)
    text = HAVE_DONE_RE.sub(_have_done, text)
    # (None of the rewrites below adds or removes a date.)
    has_date = due_date(text, ref)[0] is not None
    # "I've promised to ...", "Next step for me: ...", "... is to be drafted by J. Clarke".
    text = normalise_frames(text, index, has_date, partner)
    # "I'd like you to redraft the schedule", "you were going to check …": the reader's task.
    text = re.sub(r"\bI['’]d like you to\s+(?=[a-z])|\b[Yy]ou were going to\s+(?=[a-z])",
                  "you will ", text)  # fmt: skip
    # "So the plan is to rerun the coupling next Wednesday": the writer's dated plan; "plan is
    # you pull cohorts by zone, by the 30th": the reader's.
    if has_date:
        text = PLAN_IS_RE.sub(r"\1 will ", text, count=1)
        text = re.sub(r"(?i)\b(?:the|my)\s+plan\s+is\s+to\s+(?=[a-z])", "I will ", text, count=1)
        text = re.sub(r"(?i)\bour\s+plan\s+is\s+to\s+(?=[a-z])", "we will ", text, count=1)
    # "Getting you his details is my job — you'll have them tomorrow": the writer's.
    gerund = GERUND_JOB_RE.match(text)
    verb = gerund and _ing_verb(gerund.group("verb"))
    if verb:
        text = f"{gerund.group(1)}I will {verb} {gerund.group('obj')}{gerund.group('after')}"
    # "that's my job — going through all of them, by 15.06": the writer takes it on.
    job = MY_JOB_RE.match(text)
    verb = job and _ing_verb(job.group("verb"))
    if verb:
        rest = re.sub(r"^(\s+\w+)?\s+all of (them|it)\b", r"\1 \2", text[job.end() :])
        text = f"{job.group(1)}I will {verb}{rest}"
    # "I'll have a draft runbook in 10 days": the writer will draft it.
    text = HAVE_DRAFT_RE.sub(r"\1draft ", text)
    text = HAVE_DRAFT_BARE_RE.sub(r"\1draft it", text)
    # "I'll DM you the name": the clause reader knows verbs in lowercase.
    text = re.sub(r"\b((?:will|['’]ll|to)\s+)DM\b", r"\1dm", text)
    if has_date:
        # "re the matrix — on me. you'll have it tomorrow": the writer will send it.
        text = re.sub(r"^(\W*)[Yy]ou['’]ll have (it|them)\b", r"\1I'll send \2", text)
    arrow = list(ARROW_RE.finditer(text))
    head, tail = (text[: arrow[-1].end()], text[arrow[-1].end() :]) if arrow else ("", text)
    m = SUBJECTLESS_NEED_RE.match(tail)
    if diary and m and m.group("verb").lower() in TASK_VERBS:
        # "... → need to revise the chapter": after an arrow as at the start of a line.
        modal = m.group("modal").lower()
        text = f"{head}{m.group(1)}I {modal} {tail[m.start('verb') :]}"
    if diary:
        # "weekend rota — will post it in #store-team EOD": the writer's "I" left out.
        text = DIARY_WILL_RE.sub(lambda m: f"{m.group(1)}I will ", text)
        # "plan: swap the two new loaders onto the A320 stands next week": the writer's plan.
        if has_date:
            text = PLAN_COLON_RE.sub(lambda m: f"{m.group(1)}I will ", text, count=1)
    # "we agreed we'd both look at the form": what was agreed is a plan, not a wish.
    text = AGREED_WOULD_RE.sub(lambda m: f"{m.group(1)} will ", text)
    # "we agreed I finish the back-analysis by Tuesday": the plan, its "will" left out.
    text = AGREED_PRESENT_RE.sub(_agreed_will, text)
    # "утре звъня на фирмата за асансьора": a time first, then a first-person present verb.
    text = BG_DATED_I_PRESENT_RE.sub(lambda m: m.group(1) + "ще ", text)
    # "Разбрахме се двамата да обиколим цеха": what both agreed to do.
    text = BG_AGREED_DA_RE.sub(lambda m: m.group(1) + "ще ", text)
    # "Разбрахме се, че тя съкращава плана ... до сряда": an agreed plan in the present.
    if due_date(text, ref)[0] is not None:
        text = BG_AGREED_PRESENT_RE.sub(lambda m: m.group(0) + "ще ", text)
        # "следващата сряда сядаме двамата и правим postmortem": a dated plan for both.
        text = BG_WE_PRESENT_RE.sub(lambda m: "ще " + m.group(0), text, count=1)
    # "I owe him the slides", "Дължа ѝ отпечатъците": a debt is a promise to hand it over.
    text = OWE_RE.sub(lambda m: m.group("subj") + " will send ", text)
    # "I still owe a write-up of the October incident": what is owed is to be done.
    text = OWE_WRITE_UP_RE.sub(lambda m: m.group("subj") + " will write up ", text)
    text = BG_OWE_RE.sub(
        lambda m: f"ще {m.group('clitic')} " + ("пратя" if m.group(1)[-1] == "а" else "прати"), text
    )
    m = LOWER_NAME_RE.match(text)
    if m and index and m.group(2) not in ("will", "may", "can") and index.resolve(m.group(2)):
        text = m.group(1) + m.group(2).capitalize() + text[m.end() :]
    m = NAME_ING_RE.match(text)
    if m and index and index.resolve(m.group(2)):
        text = m.group(0) + "is " + text[m.end() :]
    dated = due_date(text, ref)[0] is not None
    m = I_PRESENT_RE.match(text)
    if m and m.group("verb") in TASK_VERBS and dated:
        text = m.group(1) + " will " + text[m.end() :]
    m = INITIALS_PRESENT_RE.search(text)
    who = m and index and index.resolve_tag(m.group("who"))
    if m and dated and who:
        # "→ IL rewrites the handover template by Mon", "ПД праща шаблона до петък".
        verb = m.group("verb")
        if verb[0].isascii():
            text = _will_from_present(text, m, text[: m.start("who")] + who)
        else:
            verb = {"поема": "поеме"}.get(verb, verb)
            text = f"{text[: m.start('who')]}{who} ще {verb}{text[m.end() :]}"
    m = NAME_PRESENT_RE.search(text)
    if m and dated and index and index.resolve(m.group(2)):
        text = _will_from_present(text, m, text[: m.end(2)])
    text = re.sub(r"\bYOU\b", "you", text)
    if dated:
        # "but you chase him tmrw", "– минаваш ги утре": a dated directive in the present.
        text = YOU_PRESENT_RE.sub(
            lambda m: m.group(0) + "will " if m.group("verb") in TASK_VERBS else m.group(0), text
        )
        text = BG_YOU_PRESENT_RE.sub(
            lambda m: f"{m.group(1)}ти ще {m.group('clitics')}{m.group('verb').lower()}",
            text,
        )
    return text


def _named(task: str, owner: str | None, index: NameIndex, me: str | None, you: str | None) -> str:
    """ "Send me the sales" on Marcus's task list reads "Send Bea the sales": "me" (the
    writer) and "you" become the names they stand for, so a task makes sense away from the
    note."""
    for pronoun, who in (("me", me), ("you", you)):
        name = index.resolve(who) if who and index else None
        if name and name != owner:
            task = re.sub(rf"(?<![\w'’]){pronoun}(?![\w'’])", name.split()[0], task)
    return task


def _pair_owned(owner: str | None, index: NameIndex) -> bool:
    """ "Lucia to confirm the budget": a known pair's notes list only the pair's own tasks,
    so an owner outside the participants is someone else's business."""
    if owner is None or not index or canonical_placeholder(owner):
        return True
    return bool(index.resolve(owner))


def _someone_elses(c: dict, body: str, index: NameIndex, previous: str = "") -> bool:
    """ "Mark said he'll send ...", "her manager's call — he'll decide": "he"/"she" after a
    person outside the pair, mentioned later (in this sentence or the one before) than any
    participant."""
    if c["subj"].lower() not in ("he", "she", "той", "тя") or not index:
        return False
    before = previous + " " + body[: c["start"]]
    other = [
        m.end()
        for m in OUTSIDER_RE.finditer(before)
        if not _ours(m.group("name") or m.group("titled"), index)
        # "she mentioned her manager ... She will bring it up": in the sentence before, "her
        # manager" belongs to "she"; "your director. She said ..." is the director.
        and not (m.start() < len(previous) and HIS_HER_RE.search(before[: m.start()]))
    ]
    ours = [
        m.end() for m in re.finditer(r"[A-ZА-Я][\wА-Яа-я'’-]*", before) if index.resolve(m.group(0))
    ]
    return bool(other) and (not ours or other[-1] > ours[-1])


def _ours(name: str | None, index: NameIndex) -> bool:
    """A name group that is a participant or a pronoun ("She said ..."), or no name at all."""
    return bool(name) and bool(index.resolve(name) or name.lower() in PRONOUN_WORDS)


def _outsider_line(m: re.Match | None, note: _Note) -> bool:
    """ "Raj (SOC mgr): approve the budget", "Ward 6B manager — confirm the window": the line's
    head (`HEAD_TAG_RE`) is a role, or a non-participant with a role beside it."""
    if not m or not note.index:
        return False
    head = m.group("head").strip()
    if note.index.resolve(head) or names_in(head, note.index) or len(head.split()) > 4:
        return False
    if imperative(head):
        return False  # "Update my portfolio photos (ballgown + coat) — ...": the task itself
    first = head.split()[0]
    if m.group("aside"):
        return _third_party(first, note) or bool(ROLE_RE.search(m.group(0)))
    # "Ward 6B manager — confirm ...", but not "Manager feedback — ask for examples".
    return bool(ROLE_RE.fullmatch(head.split()[-1])) and not WE_TASK_RE.search(head)


# "- [ ] Ollie (marketing) → fix the seat map", "forwarder (Lisa @ BlueLine) — fix the invoice
# template", "собственикът (г-н Петков) — дегустация", "the landlord → approve", "Mr Lyle → ...":
# a list line whose head, before a dash, colon or arrow, says who, and it is not the pair.
LIST_HEAD_RE = re.compile(
    r"^\W*(?P<head>[^\W\d][^:—–→()\n]{0,40}?)\s*(?:\((?P<aside>[^()]{1,40})\))?\s*"
    r"(?:[:—–→⇒]|->|=>|\s-\s)\s*\S"
)
# Who, when it is not a name: a role, a department, a customer; "the", "our", "my" before it.
PERSON_ROLE_RE = re.compile(
    r"(?<![\wА-Яа-я])(?:IT|QA|HR|(?i:landlord|client|customer|forwarder|supplier|contractor|"
    r"vendor|agency|legal|finance|procurement|payroll|marketing|council|insurer|auditors?|"
    r"собственик\w*|клиент\w*|доставчик\w*|шеф\w*|счетоводств\w*|юрист\w*|финанс\w*|"
    r"управител\w*|директор\w*|възложител\w*|изпълнител\w*|фирмата|агенция\w*))"
    r"(?![\wА-Яа-я])"
)
HEAD_TITLE_RE = re.compile(
    r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|[Гг]-н|[Гг]-жа|[Гг]-ца|[Дд]-р|[Пп]роф)\.?\s+[A-ZА-Я][a-zа-я]"
)
FROM_ORG_RE = re.compile(
    r"^[A-ZА-Я][\wа-я'’-]+\s+(?:from|at|@|от)\s+(?!(?:моя|мое|нашата|твоя|my|our|your)\b)\S"
)


def _outsider_head(body: str, note: _Note, owner_cell: bool = False) -> bool:
    """A listed line whose head names someone outside the pair: a titled surname, a role or a
    department, a name with a role or a firm beside it ("Ollie (marketing)", "Marta from QA"),
    and no participant, pronoun or "both" among its words."""
    m = LIST_HEAD_RE.match(body)
    if not m or not note.index:
        return False
    head = m.group("head").strip()
    aside = m.group("aside") or ""
    words = re.findall(r"[\wА-Яа-я.'’@-]+", f"{head} {aside}")
    if len(head.split()) > 4 or not words or group_tag(head, note.index):
        return False
    if any(note.index.resolve_tag(w.strip("'’")) for w in words) or any(
        w.lower() in PRONOUN_WORDS | WE_WORDS | SELF_WORDS | {"both", "двамата", "всички", "me"}
        for w in words
    ):
        return False
    # "duty manager shifts: I'll get two done", "yield team contact: EN to intro HT to Raj":
    # the head is a topic when the rest says which of the pair does it.
    first = re.match(r"\W*([\wА-Яа-я.'’]+)", body[m.end() - 1 :])
    pair_words = PRONOUN_WORDS | WE_WORDS | SELF_WORDS | {"both", "двамата", "двете", "всички"}
    if first and not owner_cell:
        word = re.split(r"['’]", first.group(1).strip(".").lower())[0]
        if note.index.resolve_tag(first.group(1)) or word in pair_words:
            return False
    if HEAD_TITLE_RE.match(head) or FROM_ORG_RE.match(head):
        return True
    # The head is the role ("the site manager", "търговски отдел", "Finance team"), not a topic
    # that mentions one ("Програми за клиенти 50+").
    lead = " ".join(re.sub(r"^(?:the|our|my|their|his|her)\s+", "", head, flags=re.I).split()[:2])
    if PERSON_ROLE_RE.search(lead) or ROLE_RE.search(lead):
        return True
    # "Ollie (marketing)", "forwarder (Lisa @ BlueLine)": a name and a role, or a role and a
    # name (a topic in brackets, "Deck (v2)", is neither).
    return bool(aside) and bool(
        PERSON_ROLE_RE.search(aside)
        or ROLE_RE.search(aside)
        or re.search(r"@|\s(?:from|at|от)\s", aside)
    )


def _third_party(word: str, note: _Note) -> bool:
    """A capitalised word written like a name that is not a participant nor a common word."""
    bare = word.lstrip("@")
    low = bare.lower()
    if not word.startswith("@") and bare[:1].islower() and "." not in bare:
        return False  # "log — N to finish": a topic in lower case ("@kiki", "jonas.b" are handles)
    return low not in note.vocab | NOT_NAMES | WE_WORDS and len(bare) > 2


def _dated_fragment(text: str, note: _Note) -> bool:
    """A dated list line that reads as a plan without a modal: a participant and a present
    verb ("Ana drafts the loop by the 12th"), "we" and a task verb, "да" or a first-person
    present verb in Bulgarian ("да подам заявката до 15 май")."""
    if due_date(text, note.ref)[0] is None:
        return False
    index = note.index
    we = WE_START_RE.match(text)
    if we and we.group("verb") in TASK_VERBS:
        return True
    if imperative(text) and TOGETHER_RE.search(text):
        return True  # "Walk the floor together Thurs, 7am": a plan for both
    da = BG_DA_START_RE.search(text)
    if da and note.me and bg_bare_person(da.group("verb")) == "1s":
        return True
    if note.me and BG_FIRST_PRESENT_RE.search(text):
        return True
    return named_task_start(text, index)


def _first_person(sentences: list[Sentence]) -> bool:
    """Whether the author writes as "I" (a journal), so unassigned list items are theirs."""
    return sum(len(FIRST_PERSON_RE.findall(mask_quotes(s.text))) for s in sentences) >= 2


def _writes_to_reader(texts: list[str]) -> bool:
    """ "Ben, ... You said you'd email Dr Okafor": the note speaks to the partner throughout."""
    return sum(bool(READER_RE.search(mask_quotes(t))) for t in texts) >= 3


# "Hi Boris,", "Dear Boris", "Здравей, Борис!": a letter to the other participant.
GREETING_RE = re.compile(
    r"^\W*(?:(?:hi|hello|hey|dear|здравей|здрасти|здравейте|скъп[аи]|привет|мил[аи])\b\W*"
    r"(?P<who>[A-ZА-Я][\wА-Яа-я'’-]+)|"
    # "Петре,", "Boris," on a line of its own: a letter's salutation.
    r"(?P<alone>[A-ZА-Я][\wА-Яа-я'’-]+)\s*,\s*$)",
    re.I,
)


def _greets_reader(texts: list[str], index: NameIndex, author: str) -> bool:
    """The note opens by greeting the other participant by name."""
    for text in texts:
        m = GREETING_RE.match(text)
        who = m and index.resolve(m.group("who") or m.group("alone"))
        if who and who != (index.resolve(author) or author):
            return True
    return False


def _mentor_writes(sentences: list[Sentence]) -> bool:
    """ "Notes from mentoring Ana", "my mentee": the author is the mentor, and an unassigned
    list item is as likely the mentee's homework as the author's own task."""
    return any(MENTOR_AUTHOR_RE.search(s.text) for s in sentences[:3])


def _other_participant(me: str | None, index: NameIndex) -> str | None:
    """ "You" in a note between two people is the one who is not writing."""
    if not me or len(index.participants) != 2:
        return None
    me = index.resolve(me) or me
    others = [p for p in index.participants if p != me]
    return others[0] if len(others) == 1 else None


def _accepted_actions(
    texts: list[str], chat: list[str | None], index: NameIndex, ref: date | None
) -> list[dict]:
    """ "can you look at the JD?" — "sure, will do tomorrow": the one who agreed owns it;
    "want to do a mock on Tuesday?" — "yes please": both do."""
    out = []
    for q, a in accepted_requests(texts, chat):
        task, both = request_task(texts[q])
        # "... can you add it to the doc? get it in by tuesday" — "yep will do": the asker's
        # next lines may give the date.
        between = " ".join(message(texts[k]) for k in range(q + 1, a))
        due = (due_date(task, ref)[0] or due_date(message(texts[a]), ref)[0]
               or due_date(message(texts[q]), ref)[0] or due_date(between, ref)[0])  # fmt: skip
        if due is None and a + 1 < len(texts) and chat[a + 1] == chat[a]:
            due = due_date(message(texts[a + 1]), ref)[0]  # "on me. you'll have it tomorrow"
        task = re.sub(r"\s+(?:then|please|for me)$", "", clean_task(task, ref))
        # "let's both get it done"; "можеш ли да ми направиш справка?" → "Направи справка".
        task = re.sub(r"^(?:[Bb]oth|[Jj]ust|[Aa]lso)\s+(?=[a-z])", "", task)
        task = re.sub(r"^(?:[Мм]и|[Нн]и|[Мм]у|[Тт]и|ѝ|й)\s+(?=[а-я])", "", task)
        task = task[:1].upper() + task[1:]
        if re.match(r"[А-Я][а-я]+(?:еш|иш|аш|яш)\b", task):
            task = bg_imperative(task)
        if len(task.split()) >= 2 and not vague(task):
            # "want to come with me to the site survey?" proposes it to the reader alone.
            both = both and not re.search(r"\bwith me\b", task, re.I)
            owner = None if both else index.resolve(chat[a]) or chat[a]
            task = _named(task, owner, index, chat[q], chat[a])  # "can you send me" → "Send Ana"
            out.append({"owner": owner, "task": task, "due": iso_date(due), "sources": [q, a]})
    return out


def commitment_views(
    sentences: list[Sentence], items: list[dict], ref: date | None
) -> list[SentenceView]:
    """What the commitment model sees of each sentence, given the rules' items."""
    ruled = {i for a in items for i in a["sources"]}
    return [
        SentenceView(
            s.text,
            s.section,
            s.bullet,
            s.checkbox,
            s.checked,
            s.continued,
            bool(ref) and due_date(s.text, ref)[0] is not None,
            i in ruled,
        )  # fmt: skip
        for i, s in enumerate(sentences)
    ]


def _closed(text: str) -> bool:
    """A line the rules read as done, dropped, asked, hedged or conditional."""
    return bool(
        text.rstrip().endswith("?")
        or STATUS_DONE_RE.search(text)
        or STRUCK_RE.match(text)
        or NEXT_SESSION_RE.search(text)
        or HEDGE_START_RE.match(text)
        or NO_PROMISE_RE.search(text)
        or TASKPAPER_SKIP_RE.search(text)
        or _trailing_if(text)
    )


def _model_items(
    sentences: list[Sentence], items: list[dict], index: NameIndex, author: str | None,
    ref: date | None, outsiders: set[int] = frozenset(), chat: list[str | None] | None = None,
) -> list[dict]:  # fmt: skip
    """Items for the sentences the rules found nothing in but the commitment model rates
    above its threshold, read from the sentence's own words (a chat message's, written by its
    speaker); not for lines the rules gave to someone outside the pair."""
    model = default_model()
    if model is None or not sentences:
        return []
    views = commitment_views(sentences, items, ref)
    writer = (index.resolve(author) or author) if author else None
    out = []
    for i, (s, p) in enumerate(zip(sentences, model.probabilities(views, index), strict=True)):
        if views[i].ruled or p < model.threshold or s.checked or _closed(s.text) or i in outsiders:
            continue
        if NEXT_TOPIC_RE.match(message(s.text)):
            continue  # "Следващото е списъкът ...": it names what comes, the next line does it
        me = (chat[i] if chat else None) or writer
        you = _other_participant(me, index)
        text = message(s.text) if chat and chat[i] else s.text
        item = item_from_sentence(text, index, me, you, ref)
        if item and chat and chat[i] and not clause_matches(text):
            item["owner"] = _chat_line_owner(text, me, you)
        if item and len(content_words(item["task"])) >= 2:  # not "_(from Ana)_"
            item["task"] = _named(item["task"], item["owner"], index, me, you)
            out.append({**item, "sources": [i], "listed": False, "detector": "model"})
    return out


CHAT_LEAD_RE = re.compile(r"^\W*(?:(?:and|also|btw|plus|и|а|също|още)\W+)*", re.I)
BG_IMPERATIVE_RE = re.compile(
    r"^(?:не забравяй|ти\b|[а-я]{3,}(?:и|ай|яй|ей|ете)(?:\s+се)?\b)", re.I
)


def _chat_line_owner(text: str, me: str | None, you: str | None) -> str | None:
    """Whose task a chat message with no subject names: "send me the plots" asks the reader,
    "правя предложение ..." is the writer's own, "да минем двамата ..." is both."""
    rest = CHAT_LEAD_RE.sub("", text)
    first = re.match(r"([A-Za-zА-Яа-я'’-]+)", rest)
    word = first.group(1).lower() if first else ""
    if WE_TASK_RE.search(rest) or re.match(r"да\s+[а-я]+(?:ем|им|ме)\b", rest, re.I):
        return None
    if imperative(rest) or re.match(r"(?:you|your|don['’]t forget)\b", rest, re.I):
        return you
    if re.match(r"[а-я]", word) and (BG_IMPERATIVE_RE.match(rest) and bg_bare_person(word) != "1s"):
        return you
    return me


# "He offered to forward me the playbook. He'll dig it out this week.": a sentence that only
# adds when, about the item before it.
FOLLOW_UP_RE = re.compile(
    r"^\W*(?:(?:he|she|they|it|that|this|which|fine|ok|okay|realistically|probably|"
    r"hopefully|by|before|until|no later than|today|tomorrow|tonight|on|said|says|due|deadline|"
    r"end of|eod|eow|aim for|aiming for|target|ideally|shoot for|"
    r"срок|краен срок|"
    r"(?:he|she|they) said|(?:he|she|they) says|you wanted it|"
    r"той|тя|те|това|тогава|каза|казва|до|преди|утре|днес|довечера|целта)\b)",
    re.I,
)
FOLLOW_UP_WORDS = 16
YOUR_DEADLINE_RE = re.compile(
    r"\b(?:that['’]s|that is|is|it['’]s)\s+(?:your|the|our)\s+(?:deadline|cut-?off)\b|"
    r"(?<![\wА-Яа-я])(?:това е|е)\s+(?:твоят|крайният)\s+срок",
    re.I,
)


def _due_in_same_sentence(items: list[dict], texts: list[str], ref: date | None) -> None:
    """An undated item, the only one from its sentence, takes the sentence's one date: "Pieter
    offered to introduce me to Anouk and will email her on Monday", "Ангажирах се да те
    представя на Светослав — ще му пиша утре" (the step that starts it gives the date)."""
    per_sentence: dict[int, int] = {}
    for a in items:
        for i in a["sources"]:
            per_sentence[i] = per_sentence.get(i, 0) + 1
    for item in items:
        src = item["sources"]
        if item["due"] or ref is None or len(src) != 1 or per_sentence.get(src[0]) != 1:
            continue
        said = message(texts[src[0]])
        if len({f.value for f in find_dates(said, ref) if f.value is not None}) == 1:
            # (due_date leaves out a start: "switch to the new rule from Monday".)
            item["due"] = iso_date(due_date(said, ref)[0])


def _due_from_follow_up(items: list[dict], texts: list[str], ref: date | None) -> None:
    """An undated item takes the date of the next sentence when that sentence is a short
    follow-up ("She said tomorrow.", "Каза, че ще ѝ пише утре.") with no item of its own."""
    own = {i for a in items for i in a["sources"]}
    for item in items:
        after = item["sources"][-1] + 1
        while after < len(texts) - 1 and header_only(texts[after]):
            after += 1  # "Kwame Asante  4:11 PM" between the item and its follow-up
        if item["due"] or ref is None or after >= len(texts) or after in own:
            continue
        follow = message(texts[after])
        if FOLLOW_UP_RE.match(texts[after]):
            follow = texts[after]  # "Срок: 3 септември." is no chat line by "Срок"
        said_deadline = YOUR_DEADLINE_RE.search(
            follow
        )  # "… sits on 1 July, so that's your deadline"
        if len(follow.split()) > FOLLOW_UP_WORDS or not (
            FOLLOW_UP_RE.match(follow) or said_deadline
        ):
            continue
        due, _ = due_date(follow, ref)
        item["due"] = iso_date(due)


def _merge_confirmed(items: list[dict], chat: list[str | None]) -> list[dict]:
    """ "Kerry: you're going to try the split shifts" — "Jamal: yep, I'll build it by Friday":
    a task given to the other person in a chat and confirmed in their next message is one
    item; the fuller wording is kept, with the date either message gives."""
    out: list[dict] = []
    for item in items:
        prev = out[-1] if out else None
        if prev and prev["owner"] and _confirms(prev, item, chat):
            words = [len(content_words(a["task"])) for a in (prev, item)]
            prev["task"] = item["task"] if words[1] > words[0] else prev["task"]
            prev["due"] = item["due"] or prev["due"]
            prev["sources"] = sorted(set(prev["sources"] + item["sources"]))
            continue
        out.append(item)
    return out


def _confirms(given: dict, reply: dict, chat: list[str | None]) -> bool:
    q, a = given["sources"][0], reply["sources"][0]
    if chat[q] is None or chat[q] == given["owner"] or reply["owner"] != given["owner"]:
        return False
    if given["sources"][-1] > a:
        return False  # a request answered later ("re the log — yes"): a line between is its own
    answers = [i for i in range(q + 1, len(chat)) if chat[i] == given["owner"]]
    if not answers or answers[0] != a:
        return False
    # The reply takes up the same task ("yep, I'll build it by Friday"), not a new one of its own.
    wa = {stem(w) for w in content_words(given["task"])}
    wb = {stem(w) for w in content_words(reply["task"])}
    # "yep I'll build it ...": an English pronoun points back (a Bulgarian clitic also marks
    # the verb's own object, "ще я споделя").
    pronoun = re.search(r"\b(?:it|them|that)\b", reply["task"], re.I)
    return bool(wa & wb) or bool(pronoun) or len(wb) <= 3


def _drop_restated(items: list[dict]) -> list[dict]:
    """Notes often tell a task in prose and list it again at the end: keep the listed one,
    completed with the owner and date the prose gave."""
    listed = [a for a in items if a.get("listed")]
    out = []
    for a in items:
        twin = None
        if not a.get("listed"):
            twin = next((b for b in listed if _same_task(a, b)), None)
        if twin is None:
            out.append(a)
            continue
        twin["owner"] = twin["owner"] or a["owner"]
        twin["due"] = twin["due"] or a["due"]
        twin["sources"] = sorted(set(twin["sources"] + a["sources"]))
    return out


# "Dig it out", "Get it to him", "Го потърси", "Я донесе": the task names its object by a pronoun.
PRONOUN_TASK_RE = re.compile(
    r"^(?:[A-Za-z]+\s+(?:[a-z]+\s+)?(?:it|them|that|this|those|these)\b|(?:Го|Ги|Я|Това)\s+[а-я]+)"
)


CLITICS = {"го", "ги", "я", "it", "them", "that", "this", "up", "out", "back", "over", "again",
           "too"}  # fmt: skip
BARE_PRONOUN_TASK_RE = re.compile(
    r"^(?:[A-Za-z]+\s+(?:it|them|that|this|those|these)(?:\s+(?:up|out|back|over|again|too))?|"
    r"(?:Го|Ги|Я)\s+[а-я]+|[А-Яа-я]+\s+(?:го|ги|я))[.!]?$"
)


def _object_of(task: str) -> str | None:
    """ "Пусни първата версия на design doc-а" → "първата версия на design doc-а": what a task
    acts on, up to the first comma or "and"; None when that is itself a pronoun."""
    words = task.split(maxsplit=1)
    if len(words) < 2:
        return None
    thing = re.split(r",|\s(?:and|и)\s", words[1])[0]
    thing = re.sub(r"^(?:(?:ми|ти|му|ѝ|й|me|him|her)\s+)+", "", thing).strip()
    first = thing.split(maxsplit=1)[0].lower() if thing else ""
    return thing if thing and first not in CLITICS else None


def _steps(texts: list[str], a: int, b: int) -> int:
    """How many sentences on from `a` `b` is, chat header lines ("Иван  10:35") not counted."""
    return sum(not header_only(texts[k]) for k in range(a + 1, b + 1)) if b > a else b - a


def _resolved_pronoun(item: dict, texts: list[str], is_person) -> str | None:
    """The task with its "it"/"them" replaced by the thing named in the words before."""
    i = item["sources"][0]
    before = [t for t in texts[max(0, i - 4) : i] if not header_only(t)][-2:]
    return resolve_pronoun(item["task"], texts[i], before, is_person)


def _merge_pronoun_repeats(items: list[dict], texts: list[str], is_person) -> list[dict]:
    """ "He offered to forward me the playbook. He'll dig it out this week.": a task that
    names its object by a pronoun, owned by whoever owns the task told just before it (the
    same or the previous sentence), is that task again; it gives the date, not a new item.
    A task that is only a verb and a pronoun takes its object from the other person's task
    just before it ("Пусни design doc-а" → "ще го прегледам" → "Прегледай design doc-а"), and
    is dropped when there is none ("Fix it" tells the reader nothing to do)."""
    out: list[dict] = []
    for item in items:
        before = out[-1] if out else None
        near = (
            before is not None
            and 0 <= _steps(texts, before["sources"][-1], item["sources"][0]) <= 1
        )
        resolved = _resolved_pronoun(item, texts, is_person)
        if near and before.get("detector") == "model" and item.get("detector") != "model":
            # "I still have the old staffing model. … I'll find it": the rules' item, which
            # names the thing from the sentence before, says it better than the model's.
            if resolved and PRONOUN_TASK_RE.match(item["task"]):
                item["task"] = resolved
                item["sources"] = sorted(set(before["sources"] + item["sources"]))
                out[-1] = item
                continue
        if near and PRONOUN_TASK_RE.match(item["task"]) and before["owner"] == item["owner"]:
            before["due"] = before["due"] or item["due"]
            before["sources"] = sorted(set(before["sources"] + item["sources"]))
            continue
        if near and before["owner"] == item["owner"] and _done_again(before["task"], item["task"]):
            # "И обещах да прегледам картоните – ще го направя до края на месеца": "do it" with
            # "it" read as the clause before it is that task again, with its date.
            before["due"] = before["due"] or item["due"]
            continue
        bare = BARE_PRONOUN_TASK_RE.match(item["task"])
        # ("The policy — you'd have a first draft of it": its own sentence names it first.)
        thing = _object_of(before["task"]) if bare and near and not resolved else None
        if thing:
            verb = next(w for w in item["task"].rstrip(".!").split() if w.lower() not in CLITICS)
            verb = bg_imperative(verb.capitalize()) if re.match(r"[А-Яа-я]", verb) else verb
            item["task"] = f"{verb.capitalize()} {thing}"
        elif resolved:
            item["task"] = resolved  # "Get it done" → "Get the June exam registration done"
        elif bare:
            continue
        out.append(item)
    return out


def _done_again(task: str, again: str) -> bool:
    """ "Направи И обещах да прегледам картоните" after "Прегледай картоните": a "do" verb
    whose object holds every word of the task before it."""
    first, _, rest = again.partition(" ")
    if first.lower() not in ("направи", "свърши", "do", "handle"):
        return False
    words = {stem(w) for w in content_words(task.partition(" ")[2])}
    return bool(words) and words <= {stem(w) for w in content_words(rest)}


BARE_THING_RE = re.compile(r"^(?:The|A|An|Our|My|Your)\s+[^,;:—–]{2,60}$")


def _drop_list_topics(items: list[dict], sentences: list[Sentence]) -> list[dict]:
    """ "2. The referral authority grid. Your draft gives ... Rework it ...": a list item that
    opens by naming its topic; the task is in the sentences that follow in the same item."""
    starts = {(a["sources"][0], a["owner"]) for a in items}

    def topic_only(a: dict) -> bool:
        i = a["sources"][0]
        following = range(i + 1, min(i + 3, len(sentences)))
        return (
            a.get("listed")
            and len(a["sources"]) == 1
            and BARE_THING_RE.match(a["task"])
            and not any(w in TASK_VERBS for w in a["task"].lower().split()[1:3])
            and any(sentences[k].continued and (k, a["owner"]) in starts for k in following)
        )

    return [a for a in items if not topic_only(a)]


def _drop_topic_lines(items: list[dict]) -> list[dict]:
    """ "Also — MCS refresher. ... we'll both get it done": the model may take the topic line
    for a task; a rules task next to it that already names the thing makes it a repeat."""

    def words(task: str) -> set[str]:
        return {stem(w) for w in content_words(task)}

    return [
        a
        for a in items
        if a.get("detector") != "model"
        or not any(
            b.get("detector") != "model"
            and abs(b["sources"][0] - a["sources"][0]) <= 2
            and words(a["task"]) <= words(b["task"])
            for b in items
        )
    ]


def _drop_identical(items: list[dict]) -> list[dict]:
    """The same line pasted twice is one task: the same owner, words and due date."""
    seen: dict[tuple, dict] = {}
    out = []
    for a in items:
        key = (a["owner"], a["task"].lower(), a["due"])
        if key in seen:
            seen[key]["sources"] = sorted(set(seen[key]["sources"] + a["sources"]))
            continue
        seen[key] = a
        out.append(a)
    return out


def _same_task(a: dict, b: dict) -> bool:
    """Most words shared, or one shared word with the same owner and the same due date
    ("he'll get comments back to me by the 27th" / "Kofi: comments on my draft by the 27th")."""
    if a["owner"] and b["owner"] and a["owner"] != b["owner"]:
        return False
    wa = {stem(w) for w in content_words(a["task"])}
    wb = {stem(w) for w in content_words(b["task"])}
    if not (wa and wb and wa & wb):
        return False
    if len(wa & wb) / min(len(wa), len(wb)) >= 0.6:
        return True
    # The shared word must be more than the verb: "send the CV" is not "send the slides".
    firsts = {t.split()[0].lower() for t in (a["task"], b["task"])}
    verbs = {stem(w) for w in firsts & (TASK_VERBS | {"get", "do"})}
    same_when = a["owner"] and a["owner"] == b["owner"] and a["due"] and a["due"] == b["due"]
    return bool(same_when) and bool((wa & wb) - verbs)


def _spoken_commitment(item: dict) -> bool:
    """Transcript mode: an owned promise with a firm modal and a concrete task (trimmed to
    where the spoken clause wanders off)."""
    clause = item.get("clause")
    if not item["owner"] or clause is None:
        return False
    task = core_task(item["task"])
    if not firm_commitment(clause["modal"], clause["verb"], clause["before"], task):
        return False
    item["task"] = task
    return True


def _request_actions(text: str, index: NameIndex, ref: date | None) -> list[dict]:
    """ "[PERSON4], could you please book the room?": the addressee's task."""
    out = []
    for who, at in requests(text):
        task = core_task(clean_task(text[at:].rstrip("?"), ref))
        if firm_commitment("will", task.split()[0].lower() if task else "", "", task):
            owner = index.resolve(who) or canonical_placeholder(who)
            out.append({"owner": owner, "task": task, "due": iso_date(due_date(text[at:], ref)[0])})
    return out


def _fronted_object(topic: str, index: NameIndex) -> bool:
    """ "Скрипта за отказ" before "ще ти го пратя" is the object; "Утре", "Той", "Мария" are
    a time or a subject."""
    first = topic.split()[0]
    low = first.lower()
    if low in BG_TIME_WORDS or low in NOT_NAMES or index.resolve(first):
        return False
    # A noun with its definite article: "-ът/-ят", "-та", "-то", "-те", "-а/-я".
    return bool(re.search(r"(?:ът|ят|та|то|те|а|я)$", low))


def _my_list(text: str, note: _Note) -> list[dict] | None:
    """The tasks of an inline "for me: A, B and C" list, the writer's; None if it is none."""
    m = MY_LIST_RE.match(text)
    if not m or not note.me:
        return None
    out = []
    for part in MY_LIST_SPLIT_RE.split(m.group("rest")):
        words = part.split()
        if len(words) < 2 or not words[0].isalpha() or not words[0].islower():
            continue
        if words[0] in NOT_LIST_STARTS or due_date(words[0], note.ref)[0] is not None:
            continue  # "the rest can wait", "maybe ...", "Friday ...": no task of its own
        task = clean_task(part, note.ref)
        due = due_date(part, note.ref)[0]
        if len(task.split()) >= 2:
            out.append({"owner": note.me, "task": task, "due": iso_date(due), "listed": True})
    return out or None


# "The half-term rota, that's mine.", "Prep list for the autumn menu — yours, by Saturday.",
# "Калибрацията на плотера остава моя грижа.": a piece of work and whose it is.
CLAIMED_RE = re.compile(
    r"^\W*(?P<thing>[^,;:—–?]{4,80}?)\s*(?:[,;:—–]|\s-)\s*(?:(?:that|this|it)(?:['’]s|\s+is)\s+)?"
    r"(?P<who>mine|yours|on me|on you|his|hers|ours|you['’]re on it|I['’]m on it)"
    r"(?=\s*(?:[.,;!)]|$|\s(?:by|before|till|until)\b))|"
    r"^\W*(?P<bg_thing>[А-Яа-я][^,;:—–?]{3,80}?)\s+(?:остава|е)\s+(?P<bg_who>моя|твоя|наша)\s+"
    r"(?:грижа|задача|отговорност)",
    re.I,
)
NOT_CLAIMED_RE = re.compile(
    r"^\W*(?:it|that|this|which|regards|best|cheers|thanks|kind regards|sincerely|truly|"
    r"това|то)(?![\w'’])",
    re.I,
)


SPEAKER_LINE_RE = re.compile(
    r"^\W*(?:>\s*)?(?:💬\s*)?(?P<who>[A-ZА-Я][\wА-Яа-я'’-]+(?:\s+[A-ZА-Я][\wА-Яа-я'’-]+)?)"
    r"(?:\s*\([^()]{1,60}\))?\s*:\s+"  # 💬 Benjamin Hart (on "Ben: review the ADR"): I'll …
    r"(?=[^:]*(?<![\w'’])(?:I|I['’](?:ll|m|ve|d)|[Aa]з|"
    r"[Щщ]е\s+(?:(?:ти|му|ѝ|се|си|го|ги|я)\s+){0,2}[а-я]+(?:[ая]|[ая]м))(?![\w'’]))"
)
# "So who's doing the new draft?" — "Me. By Sunday": the one who answers takes it on.
WHO_DOING_RE = re.compile(
    r"\bwho['’]?s?\s+(?:is\s+|will\s+be\s+|gonna\s+be\s+)?(?P<verb>[a-z]{2,}ing)\s+"
    r"(?P<thing>[^?]{3,80}?)\s*\?\s*$",
    re.I,
)
ANSWER_ME_RE = re.compile(r"^\W*(?:me|I am|I will|I['’]ll|I can|мен|аз)(?![\w'’])", re.I)
I_WILL_START_RE = re.compile(r"^\W*(?:I['’]ll|I will|I['’]m going to|I am going to)\b")


def _who_answer(sentences: list[Sentence], i: int, chat: list, note: _Note) -> list[dict]:
    said = message(sentences[i].text)
    if note.chat:
        m = WHO_DOING_RE.search(note.question)
        if not (m and note.asker not in (None, note.me)):
            return []
        owner = note.me
    else:
        # A Q&A in the notes: "Anders: who's presenting the responses?" — "Me: I will, on the
        # 12th." ("Me" is the writer.)
        m = WHO_DOING_RE.search(message(note.previous))
        speaker = re.match(r"^\W*(me|[A-ZА-Я][\wА-Яа-я'’-]*)\s*:\s", sentences[i].text, re.I)
        owner = speaker and (
            note.me if speaker.group(1).lower() == "me" else note.index.resolve(speaker.group(1))
        )
        if not (m and owner):
            return []
    if not ANSWER_ME_RE.match(said):
        return []
    verb = _ing_verb(m.group("verb"))
    after = next((k for k in range(i + 1, len(sentences)) if not header_only(sentences[k].text)),
                 None)  # fmt: skip
    if not verb or (
        len(said.split()) <= 2  # "me." — and "I'll have a draft in 10 days" tells it next
        and after is not None
        and chat[after] == chat[i]
        and I_WILL_START_RE.match(message(sentences[after].text))
    ):
        return []
    task = clean_task(f"{verb} {m.group('thing')}", note.ref)
    return [{"owner": owner, "task": task, "due": iso_date(due_date(said, note.ref)[0])}]


def _claimed(text: str, note: _Note) -> list[dict] | None:
    """An item from a line that names a piece of work and whose it is; None if it is none."""
    m = CLAIMED_RE.match(text)
    if not m or not note.me:
        return None
    thing, who = (m.group("thing"), m.group("who")) if m.group("thing") else (
        m.group("bg_thing"), m.group("bg_who"))  # fmt: skip
    who = who.lower().replace("’", "'")
    who = {"you're on it": "yours", "i'm on it": "mine"}.get(who, who)
    thing = re.sub(r"^(?:re:?|about|as for)\s+", "", thing, flags=re.I)  # "re the matrix — on me"
    if len(thing.split()) < 2 or NOT_CLAIMED_RE.match(thing) or PAST_START_RE.match(thing):
        return None
    if clause_matches(thing) or re.search(r"\b(?:is|are|was|were)\s+\w+ing\b", thing):
        # "Karen (site mgr) to approve the budget, his call", "Marta from marketing is doing
        # the trailer cut, it's hers": someone's own clause
        return None
    owner = {"mine": note.me, "on me": note.me, "моя": note.me, "ours": None, "наша": None}.get(
        who, note.you
    )
    task = clean_task(thing, note.ref)
    due = due_date(text, note.ref)[0]
    if len(task.split()) < 2 or vague(task):
        return None
    return [{"owner": owner, "task": task, "due": iso_date(due), "listed": True}]


def _sentence_actions(s: Sentence, note: _Note) -> list[dict]:
    """Action items of one sentence (usually zero or one)."""
    text, index = (message(s.text) if note.chat else s.text), note.index
    mine = _my_list(text, note) or _claimed(text, note)
    if mine:
        return mine
    text = TAG_QUESTION_RE.sub(".", text)  # "... преди снега, нали?" states a plan
    if note.you:
        # "you: churn dashboard prototype, end of next week", "ти - runbook до петък": the reader.
        text = YOU_TAG_RE.sub(lambda m: m.group(1) + note.you.split()[0] + ": ", text, count=1)
    if s.checked or re.search(r"\?[)\]\s]*$", text) or STATUS_DONE_RE.search(text):
        return []  # a ticked box or "→ ✅ sent" is done, "→ ❌"/"→ отпада" is off; "?" asks
    # "Mine:", "Ours:": not the reader's list.
    theirs = MINE_SECTION_RE.match(s.section) or BOTH_SECTION_RE.match(s.section)
    if (note.chat or note.to_reader) and note.you and not theirs:
        # "Прати ми черновата до 5 август" in a chat or a letter: the reader's task.
        text = _chat_imperative(text, note.ref)
    text = _board_card(text, s, note)
    text = _pipe_row(text, note) if text else text
    if text is None or ASIDE_LINE_RE.match(text) or NO_DATE_LINE_RE.match(text):
        return []
    text = _taskpaper(text, note)
    if text is None:
        return []
    if NOT_OURS_RE.search(text):
        note.outsider = True  # (nor does the commitment model read one in it)
        return []  # "(not ours, just tracking)", "— ..., not us", "Her idea: ..."
    if STRUCK_RE.match(text) or NEXT_SESSION_RE.search(text):
        return []  # "~~revamp the menu~~ (dropped)"; "the next session we'll set up in May"
    if _role_line(text, index):
        note.outsider = True
        return []  # "Landlord (Mr Hale) — Approve roof repair budget": someone else's line
    if (
        HEDGE_START_RE.match(text)
        or NO_PROMISE_RE.search(text)
        or note.hypothetical
        or SCENE_SECTION_RE.search(s.section)
    ):
        return []
    in_section = s.checkbox or (s.bullet and _action_section(s.section))
    # "promo timeline unclear -> Ben checks with HR": what follows the arrow is the task.
    parts = ARROW_RE.split(text)
    owned = ARROW_OWNER_RE.match(parts[-1]) if len(parts) == 2 else None
    who = owned and (note.me if owned.group(1).lower() in ("me", "мен", "аз") else note.you)
    owner, thing = who, (parts[0] if who else None)
    if not who and s.bullet and index:
        # "share repo + cheatsheet → Priya (no date)", "Почвени проби от парцел 14 — Милена, до
        # 18.12", "pair on a hunt → both of us, next Wednesday": the thing, then whose it is.
        named = THING_OWNER_RE.match(text)
        pair = named and named.group("both")
        if (
            pair
            and re.search(r"[A-ZА-Я]", pair)
            and not group_tag(re.sub(r"\s+(?:together|заедно)$", "", pair), index)
        ):
            pair = None  # "→ Kwame and Maria": not the two of them
        person = named and (pair or (named.group("who") and index.resolve_tag(named.group("who"))))
        if person and not index.resolve(named.group("thing").split()[0]):
            # ("Miriam Achterberg → Tobias Lindqvist" is a letter's header, not a task.)
            who, thing = person, named.group("thing")
            owner = None if pair else person  # "→ both of us": the pair's
    if who and (len(thing.split()) >= 2 or due_date(text, note.ref)[0] is not None):
        # ("postmortem → Sasha, Fri": one word is enough when a date says it is a task.)
        # "gripper torque test plan → me, will share by Monday": the thing, then whose it is.
        due = due_date(text, note.ref)[0]
        return [{"owner": owner, "task": clean_task(thing, note.ref), "due": iso_date(due),
                 "listed": True}]  # fmt: skip
    if len(parts) == 2 and re.match(r"(?:me|мен|аз)\s*:\s+\S", parts[-1], re.I) and note.me:
        # "needs an MOC → me: draft the MOC, get it to Deb next Wed": the writer's task.
        text, in_section = f"{note.me}: {parts[-1].split(':', 1)[1].strip()}", True
    elif len(parts) > 1 and named_task_start(parts[-1], index):
        text, in_section = parts[-1], True
        words = text.split()
        sends = len(words) >= 2 and re.match(SEND_VERB, words[1], re.I)
        said = [w for w in content_words(" ".join(words[2:])) if w.isalpha()]
        if len(parts) == 2 and sends and len([w for w in said if w not in ("срок", "due")]) < 3:
            # "Примерен brief за „Бор“ → Теди праща на Стефо": what is sent came first.
            text = " ".join([*words[:2], parts[0].strip(), *words[2:]])
    elif len(parts) > 1 and (index.resolve_tag(parts[0]) or canonical_placeholder(parts[0])):
        in_section = True  # "Ana → send the CV by Friday"
    if (
        not in_section
        and owner_prefix_task(text, index, note.me)
        and (s.bullet or imperative(owner_from_markers(text, index, note.me)[1]))
    ):
        in_section = True  # "- Ana: add metrics by Mar 20"; outside a list "Me: finish the ..."
    if (
        s.bullet
        and not in_section
        and imperative(text)
        and owner_from_markers(text, index, note.me)[0]
    ):
        in_section = True  # "- Take samples and send them to the lab tomorrow. (me)"
    if (s.bullet or note.chat) and not in_section and _dated_fragment(text, note):
        in_section = True  # "- Ana reviews the rubric by Monday", "- we both read ... by Friday"
    if not s.bullet and _action_section(s.section):
        # "Homework:" then plain lines "Finish the second module." or "Marcus — write ..."
        in_section = imperative(text) or owner_prefix_task(text, index, note.me, listed=True)
    marker = MARKER_RE.match(text)
    if marker and marker.group("who") and index and _third_party(marker.group("who"), note):
        if not (index.resolve(marker.group("who")) or canonical_placeholder(marker.group("who"))):
            note.outsider = True
            return []  # "TODO(Gill): Easter overtime rota": someone else's to-do
    body = text[marker.end() :] if marker else text
    listed = bool(marker or in_section)
    head = HEAD_TAG_RE.match(body)
    if (s.bullet or listed) and (
        _outsider_line(head, note) or _outsider_head(body, note, s.owner_cell)
    ):
        note.outsider = True
        return []
    if head and head.group("aside") and index.resolve(head.group("head").strip()):
        body = body[: head.end("head")] + body[head.end("aside") + 1 :]  # "Ana (mentor): ..."
    every_clause = clause_matches(body)
    if owner_prefix_task(body, index, note.me):
        # "Dan: get me access to the account (he has to find the login)": the tag gives the
        # task; a clause in brackets only comments on it.
        asides = [m.span() for m in re.finditer(r"\([^()]*\)", body)]
        every_clause = [c for c in every_clause
                        if not any(a <= c["start"] < b for a, b in asides)]  # fmt: skip
    clauses = [c for c in every_clause if is_task_clause(c, body, index)]
    # "До петък ще пренапиша ... и ще ги пратя": a date before the first clause covers them all.
    lead_due = due_date(body[: clauses[0]["start"]], note.ref)[0] if clauses else None
    out: list[dict] = []
    for n, c in enumerate(clauses):
        end = clauses[n + 1]["start"] if n + 1 < len(clauses) else len(body)
        # "I'll draft it by Weds, she'll look at it if she gets time": a clause that is no
        # task still ends this one when a comma or dash sets it apart.
        own_end = min([o["start"] for o in every_clause if o["start"] > c["start"]] + [end])
        # (", and that you'd dig out ...": the comma may come before the "and that".)
        if re.search(r"[,;—–]\s*(?:(?:and|but|и|а|но)\s+)?(?:that\s+|че\s+)?$", body[:own_end]):
            end = own_end
        segment = body[c["verb_at"] : end]
        context = note.recent + names_in(body[: c["start"]], index)
        is_person, owner = resolve_subject(c["subj"], index, note.me, context, note.vocab,
                                            note.you, note.first_person)  # fmt: skip
        if not is_person or _someone_elses(c, body, index, note.previous):
            continue
        if c["subj"].lower() in ("той", "тя") and ROLE_SUBJECT_BG_RE.match(body):
            continue  # "Управителят, г-н Стоянов, ще реши ...": the manager's decision
        if (note.to_reader or note.chat) and c["subj"].lower() in PRONOUNS_3:
            continue  # "Ben, ... She'll say yes": the writer is "I", the reader "you"
        if c["subj"].lower() in WE_WORDS | {"ние"} and (
            c["verb"] in MEET_VERBS | CONTINUE_VERBS | LATER_DECISION_VERBS
            or RESUME_RE.match(body[c["verb_at"] :])
        ):
            continue  # "we'll talk", "we'll keep going", "we'll pick it up after Easter"
        after_verb = body[c["verb_at"] + len(c["verb"]) :]
        if ROLE_AFTER_VERB_RE.match(after_verb) or re.match(r"\s+така,?\s+че\b", after_verb):
            continue  # "ще го одобрява управителят", "да пиша така, че човек ... да може"
        if c["verb"] in DECIDE_VERBS and LATER_RE.match(body[c["verb_at"] + len(c["verb"]) :]):
            continue  # "Rashid will decide after the Easter peak", "Йоана ще реши по-късно"
        if c["subj"].lower() in ("they", "те") and (note.chat or note.first_person or note.me):
            continue  # in a chat or an "I" note the pair is "we": "they" are other people
        if LEADING_IF_RE.search(re.split(r"[;.!?]", body[: c["start"]])[-1]):
            continue  # "if Kerry signs off the cost I'll go for it": a plan on a condition
        if c["verb"] not in ASK_VERBS and _trailing_if(body[c["verb_at"] : own_end]):
            continue  # "she offered to share it, if she can find it": a maybe
        anchor = date.fromisoformat(out[-1]["due"]) if out and out[-1]["due"] else note.last_due
        # (In a spoken run-on, the date of this clause, not of the next one.)
        due, _ = due_date(run_on_head(segment), note.ref, anchor)
        due = due or due_date(segment, note.ref, anchor)[0]
        if due is None and len(clauses) == 1:
            due, _ = due_date(body, note.ref, anchor)
        due = due or lead_due
        if c["modal"] == "'d" and due is None and _may_be_participle(c["verb"]):
            continue  # "he said he'd read them twice": as likely "had read" as "would"
        if c["modal"] in ("планира да", "смята да", "възнамерява да") and due is None:
            continue  # "Стоян планира да кандидатства за доцент": an intention, no date
        if c["verb"] in ("maybe", "perhaps", "possibly") or THINK_ABOUT_RE.match(segment):
            continue  # "she'd maybe try it if ...", "Ingrid will think about it": not a promise
        if c["verb"] in DECLINE_VERBS or GIVE_A_MISS_RE.match(segment):
            continue  # "I'm going to park it for this year", "I'd skip it": not doing it
        if c["modal"] in ("want to", "wants to") and (due is None or WANT_GOAL_RE.match(segment)):
            continue  # only a dated wish is a plan: "I want to get the draft to him by the 19th"
        if out and _continues(c, body, owner, out[-1]):
            # "update my CV and send it to her": one commitment, told in two verbs.
            first = out[-1]["clause"]["verb_at"]
            if c["verb"] in REPORT_VERBS and not BARE_PRONOUN_TASK_RE.match(out[-1]["task"]):
                # "… и ще ти пиша какво бих променила": the task so far, and reporting back.
                tail = clean_task(body[c["verb_at"] : end], note.ref)
                tail = bg_imperative(tail) if c["subj"].lower() in ("аз", "ти") else tail
                before_verb = body[c["start"] : c["verb_at"]]
                clitic = re.search(r"(?<![\wА-Яа-я])(му|ѝ|й|им)\s+$", before_verb)
                verb, punct, rest = re.match(r"(\S+?)([,;]?)(?:\s+(.*))?$", tail).groups()
                head = f"{verb} {clitic.group(1)}{punct}" if clitic else f"{verb}{punct}"
                tail = f"{head} {rest}" if rest else head  # "кажи му, че ..."
                joiner = " и " if re.match(r"[А-Яа-я]", tail) else " and "
                out[-1]["task"] += joiner + tail[:1].lower() + tail[1:]
            else:
                out[-1]["task"] = clean_task(body[first:end], note.ref)
                if c["subj"].lower() in ("аз", "ти"):
                    out[-1]["task"] = bg_imperative(out[-1]["task"])
            out[-1]["due"] = out[-1]["due"] or iso_date(due)
            continue
        if c["verb"] in ROLE_VERBS and due is None:
            continue  # "she'll lead the front end": a new role, not a task with an end
        if c["modal"] in PROGRESSIVE | {TAKEN_ON}:
            if due is None and c["modal"] != TAKEN_ON:
                continue  # "I'm reading a book": only a dated progressive is a plan
            segment = ing_base(c["verb"]) + segment[len(c["verb"]) :]
        verb = (
            segment.split(maxsplit=1)[0] if segment.strip() else c["verb"]
        )  # "drafting" → "draft"
        task = clean_task(segment, note.ref)
        # "ще пратя записа" → "Прати записа"; "ще прегледаме" → "Прегледайте";
        # "Ради да прегледа делата" → "Прегледай делата".
        if c["subj"].lower() in BG_BOTH and re.match(r"[а-я]+[ая]т\b", c["verb"]):
            task = bg_imperative_3p(task)  # "двамата да прегледат" → "Прегледайте"
        elif c["subj"].lower() in ("аз", "ти", "ние", *BG_BOTH):
            task = bg_imperative(task)
        elif re.match(r"[А-Яа-я]", c["verb"]) and c["subj"].lower() not in ("вие", "те"):
            task = bg_imperative_3s(task)
        you = note.you and re.search(r"(?<![\wА-Яа-я])те\s+$", body[c["start"] : c["verb_at"]])
        if you and c["subj"].lower() == "аз" and re.match(r"[А-Яа-я]+ ", task):
            # "ще те свържа с Гергана" → "Свържи Йоана с Гергана": "те" is the reader.
            first, _, rest = task.partition(" ")
            task = f"{first} {note.you.split()[0]} {rest}"
        reflexive = re.search(r"(?<![\wА-Яа-я])(се)\s+$", body[c["start"] : c["verb_at"]])
        # ("ще се запиша до петък" alone is "Запиши се"; other verbs need their object.)
        signup = re.match(r"(?:[Зз]апиш|[Рр]егистрир)", task)
        if (
            reflexive
            and "се" not in c["modal"]
            and re.match(r"[А-Яа-я]", task)
            and (" " in task or signup)
        ):
            # "ще се запиша за изпита" → "Запиши се за изпита": the reflexive belongs to the verb.
            first, _, rest = task.partition(" ")
            task = f"{first} {reflexive.group(1)}" + (f" {rest}" if rest else "")
        clitic = re.search(r"(?<![\wА-Яа-я])(?:го|ги|я)\s+$", body[c["start"] : c["verb_at"]])
        topic = (
            TOPIC_RE.match(body[: c["start"]])
            or HAVE_THINGS_RE.search(body[: c["start"]])
            or (
                clitic
                and (BARE_TOPIC_RE.match(body[: c["start"]]) or _loose_topic(body[: c["start"]]))
            )
        )
        if not topic and clitic and c["start"] == 0:
            # "Личният дозиметър. [Бях забравил.] Трябва да го сменя до 15-ти": a line just
            # before names it.
            topic = next(filter(None, map(_topic_line, reversed(note.earlier))), None)
        if not topic and clitic and c["start"] == 0 and note.earlier:
            # "Говорихме за графика. Ще ти го пратя утре.": what was just talked about.
            topic = BG_TALKED_ABOUT_RE.search(note.earlier[-1])
        named_first = topic and re.sub(r"^[\W_]+", "", topic.group("topic")).split()[:1]
        if named_first and index and index.resolve(named_first[0]):
            topic = None  # "💬 Benjamin Hart (on …): I'll review it": a speaker, not the thing
        fronted = clitic and FRONTED_TOPIC_RE.match(body[: c["start"]])
        if not topic and fronted and _fronted_object(fronted.group("topic"), index):
            topic = fronted  # "Скрипта за отказ на връщане ще ти го пратя в сряда"
        # "send it", "минаваш ги": the object pronoun after the verb.
        pronoun = re.match(
            r"\s+(?:it|them|го|ги|я|(?P<count>one|two|three|four|five|both|all))(?![\wА-Яа-я])",
            segment[len(verb) :],
        )
        asked = note.chat and QUESTION_TOPIC_RE.match(note.question)
        if not topic and (clitic or pronoun) and asked and note.asker not in (None, note.me):
            topic = asked  # "А протоколът за ваксините?" — "Ще го прегледам до четвъртък."
        if topic and (clitic or pronoun):
            # "скрипта за задържане – ще ти го пратя", "the deck: I'll send it Friday": the
            # pronoun stands for the topic the line opens with ("shadow shifts: I'll get two
            # done" counts them).
            rest = segment[len(verb) + (pronoun.end() if pronoun else 0) :]
            count = f"{pronoun.group('count')} " if pronoun and pronoun.group("count") else ""
            named = topic.group("topic")
            if verb[-1:] in ",;":
                # "ще ти го пратя, сега съм ...": the comma ends the verb's clause.
                verb, rest = verb[:-1], verb[-1:] + rest
            if named[1:2].islower() and not index.resolve(named.split()[0]):
                named = named[:1].lower() + named[1:]  # "Скрипта за ..." → "Прати скрипта за ..."
            named = re.sub(r"^(?:[Аа]\s+)?(?:[Зз]а|[Оо]тносно)\s+", "", named)  # "За образеца: ..."
            named = re.sub(r"^(?:(?:oh|and|also|so|ok|okay|btw|plus)\W+)+", "", named, flags=re.I)
            # "Списъкът с лекарствата" as the object: "Подготви списъка с лекарствата".
            named = object_form(named)
            task = clean_task(f"{verb} {count}{named}{rest}", note.ref)
            if c["subj"].lower() in ("аз", "ти", "ние", *BG_BOTH):
                task = bg_imperative(task)
        elif (clitic or pronoun) and out and out[-1]["owner"] == owner:
            # "обещах да ти пратя контактите — утре ще ги пратя": the same thing again, with
            # its date.
            out[-1]["due"] = out[-1]["due"] or iso_date(due)
            continue
        elif clitic and len(task.split()) == 1:
            task = clean_task(body[c["start"] + clitic.start() : end], note.ref)  # "го прегледам"
        elif clitic and re.match(r"[А-Я][а-я]+[,\s]", task):
            # "ще се опитам да го автоматизирам до края на месеца" → "Автоматизирай го".
            verb_word, rest_words = re.match(r"([А-Я][а-я]+)(.*)$", task).groups()
            task = f"{verb_word} {clitic.group(0).strip()}{rest_words}"
        if vague(task):
            # "I'll ask Petya ... — I'll do that tomorrow": the date belongs to the task before.
            if out and out[-1]["due"] is None:
                out[-1]["due"] = iso_date(due)
            continue
        if len(task.split()) >= 2:
            clause = {"modal": c["modal"], "verb": c["verb"], "before": body[: c["start"]],
                      "verb_at": c["verb_at"]}  # fmt: skip
            out.append({"owner": owner, "task": task, "due": iso_date(due), "clause": clause,
                        "listed": listed})  # fmt: skip
    if out or clauses or not listed:
        return out
    if not marker and (is_meeting_or_decision(text) or is_status(text)):
        return out
    if s.continued and COMMENT_START_RE.match(body):
        return out  # "3. I'll send the template. It's old and ugly but ...": a comment on it
    first = re.match(r"\W*([A-Za-zА-Яа-я]+)\b(?:\s+(through|over)\b)?", body)
    tagged = re.match(r"[^:]{1,25}:\s", body)  # "me: pull the cases", "Lena: ..."
    verb = first and (
        first.group(1).lower() in TASK_VERBS | {"да"}
        or first.group(2)  # "Go through it"
        or bg_order(first.group(1).lower())
    )
    if s.continued and first and not verb and not tagged:
        return out  # "- Draft the proposal by Monday. Two pages max.", "Искам да видя плана."
    # Marker lines and bullets under an "Action items" heading are tasks as written.
    item = _listed_task(body, marker, s.section, note)
    return [item] if item else []


def _board_card(text: str, s: Sentence, note: _Note) -> str | None:
    """ "[Mateo] Send Abena the logs" reads "Mateo: send Abena the logs", "[MG + AO] ..." is
    both of the pair's; None for a card of someone else's ("[Ops — Kofi] Fix the alarm")."""
    tag = BRACKET_TAG_RE.match(text)
    if not tag or not note.index:
        return text
    parts = re.split(r"\s*(?:\+|&|,|/|\band\b|(?<![\wА-Яа-я])и(?![\wА-Яа-я]))\s*", tag.group("who"))
    who = [note.index.resolve(p) for p in parts if p]
    rest = text[tag.end() :]
    if rest[1:2].islower():
        rest = rest[0].lower() + rest[1:]
    if all(who) and len(set(who)) >= 2:
        return f"{tag.group('lead')}we will {rest}"
    if len(who) == 1 and who[0]:
        return f"{tag.group('lead')}{who[0].split()[0]}: {rest}"
    return None if s.bullet and not any(who) else text


PIPE_STATUS_RE = re.compile(
    r"^\W*(?:done|closed|parked|blocked|won['’]t fix|cancell?ed|готово|отпада)\b", re.I
)
PIPE_FIELD_RE = re.compile(r"(?:^|(?<=\s))(?:assignee|owner|who|отговорник|кой)\s*:\s*", re.I)


def _pipe_row(text: str, note: _Note) -> str | None:
    """ "MENT-41 threat model: payments webhook | cdubois | due: next Mon", "RFC | Yuki | draft
    next Wed": a ticket line whose cells give the task, whose it is and when. It is rewritten in
    the marker form the list rules read ("Action (Camille): threat model: payments webhook, due:
    next Mon"); None for a done, parked or blocked one; unchanged when no cell names one of the
    pair."""
    # ("IOS-802 · spike: List perf · ASSIGNEE: Zara · DUE: Thu": middle dots part cells too.)
    sep = " | " if text.count(" | ") >= 2 else " · " if text.count(" · ") >= 2 else None
    if sep is None or not note.index:
        return text
    cells = [c.strip() for c in text.split(sep) if c.strip()]
    owners, rest = None, []
    for cell in cells:
        names = [
            p for p in re.split(r"\s*(?:\+|&|/|,|\band\b)\s*", PIPE_FIELD_RE.sub("", cell)) if p
        ]
        who = [note.index.resolve(n) for n in names]
        if owners is None and who and all(who):
            owners = who
        else:
            rest.append(cell)
    if owners is None or (sep == " · " and len(owners) > 1 and not PIPE_FIELD_RE.search(text)):
        return text  # ("Messenger · Борислав Ненов, Цветелина Маринова · 18 дек": a header)
    if any(PIPE_STATUS_RE.match(c) for c in rest):
        return None
    rest = [c for c in rest if not re.fullmatch(r"(?:due|срок)\s*:?\s*[—–-]*", c, re.I)]
    if len(rest) > 1 and re.fullmatch(r"[A-Z]{2,}-\d+|PR\s*#\d+", rest[0]):
        rest = [f"{rest[1]} ({rest[0]})", *rest[2:]]  # "DATA-830 | events model → ... | Yuki"
    task = re.sub(r"^[A-Z]{2,}-\d+\s+", "", rest[0]) if rest else ""
    when = ", ".join(rest[1:])
    if not task:
        return text
    who = "both" if len(set(owners)) >= 2 else owners[0].split()[0]
    return f"Action ({who}): {task}, {when}"


def _taskpaper(text: str, note: _Note) -> str | None:
    """ "Run the trial @me @due(2026-08-14)" reads "@Ana Run the trial by 2026-08-14": the
    owner tag first, the due date as words; None for "@done(...)", "@maybe", "@if(...)"."""
    if TASKPAPER_SKIP_RE.search(text):
        return None
    tags = TASKPAPER_TAGS_RE.search(text)
    if not tags:
        return text
    due = TASKPAPER_DUE_RE.search(tags.group(0))
    who = re.findall(r"@([\wА-Яа-я]+)(?![\wА-Яа-я(])", tags.group(0))
    who = [note.me if w.lower() == "me" and note.me else w for w in who]
    text = text[: tags.start()] + (f" by {due.group(1)}" if due else "")
    return (f"@{who[0].split()[0]} " if who else "") + text.lstrip()


REPORT_VERBS = {"пиша", "кажа", "обадя", "драсна", "let", "tell"}


def _continues(c: dict, body: str, owner: str | None, previous: dict) -> bool:
    """ "... and send it to her", "... и ще ги пратя": the same person goes on with the same
    object (a pronoun), so the clause completes the task before it."""
    joined = re.search(r"(?:\band|(?<![\wА-Яа-я])и)\s*$", body[: c["start"]]) or re.match(
        r"and\b", body[c["start"] :]
    )
    if owner != previous["owner"] or not joined:
        return False
    between = body[c["start"] : c["verb_at"]]
    after = body[c["verb_at"] + len(c["verb"]) :]
    # "ще прегледам досиетата и ще ти пиша какво бих променила", "... and let you know":
    # reporting back is part of the task.
    reports = c["verb"] in REPORT_VERBS and (
        c["verb"] not in ("let", "tell") or re.match(r"\s+(?:you|him|her)\b", after)
    )
    return bool(re.search(r"(?<![\wА-Яа-я])(?:ги|го|я)(?![\wА-Яа-я])", between)
                or re.match(r"\s+(?:it|them)\b", after) or reports)  # fmt: skip


WHERE_IT_IS_RE = re.compile(
    r"^\W*(?:The|A|An|Our|My|Your|This|That|These|Those)\b[^,;:.]{0,60}?\s(?:is|are)\s+"
    r"(?:on|in|at|under|still|now|already|available|ready|live|up)\b"
)
NOT_LISTED_BG_RE = re.compile(r"^\W*[Щщ]е\s+(?:ни|ми|ти|му|ѝ)\s+(?:трябва|потрябва|свърши работа)")
# "Шаблонът за CV работилницата — да го обновиш до сряда", "Обратната връзка — събери я и я
# обобщи": the thing first, then what to do to it.
THING_THEN_VERB_RE = re.compile(
    r"^\W*(?P<thing>[А-Я][^—–:]{3,80}?)\s+[—–:]\s+(?:да\s+(?:го|я|ги)\s+(?P<da>[а-я]{3,}(?:еш|иш))|"
    r"(?P<imp>[а-я]{3,}[иейя])\s+(?:го|я|ги)(?:\s+и\s+(?:го|я|ги)\s+(?P<imp2>[а-я]{3,}[иейя]))?)"
    r"(?![\wА-Яа-я])(?P<rest>.*)$"
)


def _thing_then_verb(text: str) -> str:
    m = THING_THEN_VERB_RE.match(text)
    if not m:
        return text
    verb = bg_imperative(m.group("da")) if m.group("da") else m.group("imp")
    if m.group("imp2"):
        verb += " и " + m.group("imp2")
    thing = object_form(m.group("thing")[:1].lower() + m.group("thing")[1:])
    return f"{verb[:1].upper()}{verb[1:]} {thing}{m.group('rest')}"


def _listed_task(body: str, marker: re.Match | None, section: str, note: _Note) -> dict | None:
    """A list item read as a task: owner from its tags, its heading or the diarist."""
    index = note.index
    if INFO_RE.search(body):
        return None
    group = GROUP_PREFIX_RE.match(body)
    pair = PAIR_PREFIX_RE.match(body)
    if not group and pair and _both_named(f"{pair.group(1)} and {pair.group(2)}", index):
        group = pair  # "J + M — go through the copyedit": both of them
    body = body[group.end() :] if group else body
    we = WE_START_RE.match(body)
    if not group and we and we.group("verb") in TASK_VERBS:
        group, body = we, body[we.start("verb") :]
    if marker and (marker.group("who") or "").strip().lower() in WE_WORDS | {"us"}:
        group = marker  # "test(both): pair on the flaky e2e suite"
    if not group and BOTH_SECTION_RE.match(section):
        group = BOTH_SECTION_RE.match(section)  # "## Together", "Ours:", "Заедно:": both of them
    who = index.resolve(marker.group("who")) if marker and marker.group("who") else None
    if marker and (marker.group("who") or "").strip().lower() in SELF_WORDS:
        who = note.me  # "TODO(me): rerun the route"
    owner, rest = owner_from_markers(body, index, note.me)
    owner = who or owner
    m = NAMED_START_RE.match(rest)
    if not owner and not group and m and _both_named(m.group(1), index):
        group, rest = m, rest[m.end() :]  # "Gareth and Aisha to co-deliver the briefing"
    elif not owner and m and (index.resolve(m.group(1)) or canonical_placeholder(m.group(1))):
        owner = index.resolve(m.group(1)) or canonical_placeholder(m.group(1))
        rest = rest[m.end() :]
    elif not owner and m and index and MODAL_AFTER_RE.match(m.group(0).strip() + " "):
        if _third_party(m.group(1), note):
            return None  # "Carmen to approve the spend": someone outside the pair
    if MEETING_ITEM_RE.search(rest):
        return None  # a board's "Mentoring session — 09/22/2026" card books the next session
    if _trailing_if(rest) or LISTED_MAYBE_RE.search(rest):
        return None  # "Noor available if he gets stuck", "— ONLY if the re-cut works": a maybe
    if OPINION_LINE_RE.match(rest):
        return None  # "Sof thinks I should, not sure yet": someone's view, not a task
    if re.match(r"\s*(?:not|no|never|don['’]t|не|няма)(?![\wА-Яа-я'’])", rest, re.I):
        return None  # "Moira: not your job, the welding engineer owns it"
    tag = OWNER_TAG_RE.match(rest)
    if not owner and tag and _third_party(tag.group(1), note) and not index.resolve(tag.group(1)):
        return None  # "Sunil — confirm the date with the distributor": not the pair's task
    if PAST_START_RE.match(rest) or PAST_START_RE.match(re.sub(r"^\s*" + NAME + r"\s+", "", rest)):
        return None  # "Booked the room", "Sent the deck": reported, not planned
    if NOT_LISTED_BG_RE.match(rest) or WHERE_IT_IS_RE.match(rest):
        return None  # "Ще ни трябва за отчета", "The Q2 pack is on SharePoint": not a task
    due, _ = due_date(rest, note.ref)
    rest = _thing_then_verb(rest)
    if not owner:
        # "Draft the list — Lucas, by Aug 26": the tag sits before the date.
        owner, stripped = owner_from_markers(clean_task(rest, note.ref), index, note.me)
        rest = stripped if owner else rest
    task = clean_task(re.sub(r"^\s*(?:[АаИи]\s+)?[Аа]з\s+", "", rest), note.ref)
    task = in_base_form(task)  # "D gets the numbers" → "Get the numbers"
    # "Да изчета указанията" → "Изчети указанията"; "Ицо — да им звънне на всички" → "Звънни на
    # всички"; "За мен: да му дам достъп" → "Дай достъп": the verb after "да" and its clitics.
    da_first = re.match(
        r"[Дд]а\s+(?P<refl>(?:се|си)\s+)?(?:(?:ми|му|им|ѝ|й|ни|ти|го|ги|я)\s+)?(?=([а-я]+))", task
    )
    person = bg_bare_person(da_first.group(2)) if da_first else None
    if da_first and person in ("1s", "3s"):
        verb_on = task[da_first.end() :]
        task = bg_imperative(verb_on) if person == "1s" else bg_imperative_3s(verb_on)
        if da_first.group("refl"):
            # "Да се запиша за обучението" → "Запиши се за обучението".
            first, _, tail = task.partition(" ")
            task = f"{first} {da_first.group('refl').strip()}" + (f" {tail}" if tail else "")
        task = task[:1].upper() + task[1:]
    if len(task.split()) < 2 or vague(task):
        return None
    if group:
        return {"owner": None, "task": task, "due": iso_date(due), "listed": True}
    if not owner:
        owner = _section_owner(section, index)
    if (
        not owner
        and _action_section(section)
        and (FIRST_PERSON_RE.search(section) or MINE_SECTION_RE.match(section))
    ):
        owner = note.me  # "What I'm taking on:", "Моите задачи:", "Mine:": the writer's list
    if not owner and _action_section(section) and THIRD_PERSON_SECTION_RE.search(section):
        owner = note.you  # "What he agreed to:", "Нейните задачи:": the other one's list
    if not owner and _action_section(section) and SECOND_PERSON_SECTION_RE.search(section):
        owner = note.you  # "Homework for you", "Домашно за теб": the reader's list
    if not owner and _action_section(section) and note.to_reader and imperative_line(rest):
        owner = note.you  # a letter to the partner: "For next time: 1. Rewrite the rota ..."
    if not owner and note.diarist and not WE_TASK_RE.search(task):
        owner = note.diarist
    da = BG_DA_RE.search(rest)
    if not owner and da and bg_bare_person(da.group("verb")) == "1s":
        owner = note.me  # "До 04.12 да подготвя ...": "да" + a first-person verb
    if not owner and BG_FIRST_PRESENT_RE.search(rest):
        owner = note.me  # "... го пускам във вторник": a first-person present verb
    return {"owner": owner, "task": task, "due": iso_date(due), "listed": True}


def imperative_line(task: str) -> bool:
    """ "Rewrite the rota", "Пренапиши графика": an order (English task verb or a Bulgarian
    imperative ending)."""
    first = re.match(r"\s*([A-Za-zА-Яа-я]+)", task)
    word = first.group(1).lower() if first else ""
    if word == "да":
        return False  # "Да сравня прогнозата ...": the writer's own "да" + a verb
    return imperative(task) or bool(re.fullmatch(r"[а-я]{3,}(?:и|ай|яй|ей)", word))


def _both_named(subject: str, index: NameIndex) -> bool:
    """ "Gareth and Aisha", "Ана и Цветан": both members of the pair."""
    parts = re.split(r"\s+(?:and|&|и)\s+", subject)
    owners = {index.resolve(p) for p in parts} if index else set()
    return len(parts) == 2 and None not in owners and len(owners) == 2


def _action_section(section: str) -> bool:
    return bool(ACTION_SECTION_RE.search(section)) and not REVIEW_SECTION_RE.search(section)


def _section_owner(section: str, index: NameIndex) -> str | None:
    """ "Homework for Lin", "Задачи за Ана", "Ana's tasks": the heading names the owner."""
    if not _action_section(section):
        return None
    m = SECTION_OWNER_RE.search(section)
    if not m:
        return None
    word = m.group("a") or m.group("b") or m.group("c") or m.group("d")
    return index.resolve(word) or canonical_placeholder(word)
