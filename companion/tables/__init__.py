"""Every ORM table, imported so metadata (and Alembic) sees them all."""

from companion.tables.accounts import Profile, User  # noqa: F401
from companion.tables.feedback import FeedbackResponse  # noqa: F401
from companion.tables.jobs import Job  # noqa: F401
from companion.tables.library import LibraryPassage, LibraryState, Resource  # noqa: F401
from companion.tables.matching import Match, MatchMember, PhraseVector  # noqa: F401
from companion.tables.notes import Goal, GoalNote, NoteDraft, NoteSession, Task  # noqa: F401
from companion.tables.programmes import Programme, ProgrammeMember  # noqa: F401
