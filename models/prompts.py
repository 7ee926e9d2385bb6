"""Prompts for the notes assistant: one small task per call behind one static few-shot prefix.

Every call is the same system message and the same worked examples (as earlier chat turns),
then the one item to handle, tagged with its task. Because the prefix is shared by every task
and never changes, llama.cpp keeps it in its KV cache across calls and notes: a call only reads
its own item. The examples are invented and unrelated to any real note.
"""

from __future__ import annotations

from dataclasses import dataclass

SYSTEM = (
    "You help a mentor and a mentee with their session notes. Each request names a task and "
    "gives one item. Do exactly that task for that item.\n"
    "Rules: use only the facts in the item; copy names, numbers and dates exactly; add nothing "
    "new; use the language of the item; answer with one line and nothing else."
)


@dataclass(frozen=True)
class Task:
    """One kind of LLM step: the tag its requests start with and the answer's limits."""

    name: str
    tag: str
    max_words: int
    min_support: float = 0.5
    must_end: str | None = None


CONDENSE = Task("condense", "Shorten", max_words=20)
GOAL = Task("goal", "SMART goal", max_words=45, min_support=0.4)
QUESTION = Task("question", "Question", max_words=25, min_support=0.3, must_end="?")
AGENDA = Task("agenda", "Agenda item", max_words=16)

EXAMPLES = (
    (GOAL, "who: Lena | what: present the billing migration at the all-hands | measure: talk "
     "given and feedback collected | by: 2025-05-30",
     "By 2025-05-30, Lena will present the billing migration at the all-hands and collect "
     "feedback."),
    (AGENDA, "task: Send the draft slides to Omar for comments | owner: Lena | due: 2025-05-20",
     "Review the draft slides Lena sent to Omar (due 2025-05-20)"),
    (QUESTION, "celebrate: Lena finished the billing migration demo and her manager praised it.",
     "What helped Lena finish the billing migration demo, and how can she build on it?"),
    (CONDENSE, "We spent most of the hour talking about how Lena could get more visibility for "
     "the work she did on the billing migration last quarter.",
     "Lena wants more visibility for her billing migration work."),
    (AGENDA, "goal: Pass the cloud certification exam | owner: Omar",
     "Check Omar's progress on the cloud certification exam"),
    (GOAL, "who: Omar | what: pass the cloud certification exam | measure: Book the exam; "
     "Finish two practice tests | by: 2025-06-12",
     "By 2025-06-12, Omar will pass the cloud certification exam, with the exam booked and two "
     "practice tests done."),
    (QUESTION, "improve: Omar finds it hard to say no to extra requests from other teams.",
     "Which request could Omar say no to this week, and how would he say it?"),
    (AGENDA, "open point: We are not sure yet whether Jonas should apply for the team lead role.",
     "Decide whether Jonas applies for the team lead role"),
    (CONDENSE, "After a long discussion we agreed that Omar will stop taking extra on-call "
     "shifts until his certification exam on 12 June is over.",
     "Omar stops extra on-call shifts until his exam on 12 June."),
    (CONDENSE, "Jonas explained that he feels stuck in his current role because most of his week "
     "goes into fixing tickets that other people opened.",
     "Jonas feels stuck because he mostly fixes other people's tickets."),
)  # fmt: skip


def request(task: Task, item: str) -> str:
    """The user message for one item: the task's tag, then the item."""
    return f"{task.tag}: {item}"


def messages(task: Task, item: str) -> list[dict]:
    """The shared static prefix (system, examples), then the one item to handle."""
    out = [{"role": "system", "content": SYSTEM}]
    for example_task, question, answer in EXAMPLES:
        out += [{"role": "user", "content": request(example_task, question)},
                {"role": "assistant", "content": answer}]  # fmt: skip
    out.append({"role": "user", "content": request(task, item)})
    return out
