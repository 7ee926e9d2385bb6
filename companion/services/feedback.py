"""Pulse feedback: who owes a response, validating and storing it."""

from datetime import UTC, datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from companion.tables.feedback import FeedbackResponse
from companion.tables.matching import Match

# A participant is asked again once this long has passed since their last answer for a pair.
FEEDBACK_EVERY = timedelta(days=28)
# Nobody is asked about a pair younger than this: there is nothing to say yet.
FIRST_ASK_AFTER = timedelta(days=10)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def last_response(session: Session, user_id: int, match_id: int) -> FeedbackResponse | None:
    """The user's newest response about this pair."""
    return session.scalar(
        select(FeedbackResponse)
        .where(FeedbackResponse.user_id == user_id, FeedbackResponse.match_id == match_id)
        .order_by(FeedbackResponse.created_at.desc())
        .limit(1)
    )


def feedback_due(session: Session, user_id: int, match: Match, now: datetime | None = None) -> bool:
    """True when the user should be asked for pulse feedback about this active pair."""
    now = now or datetime.now(UTC)
    started = _aware(match.accepted_at or match.created_at)
    if now - started < FIRST_ASK_AFTER:
        return False
    last = last_response(session, user_id, match.id)
    return last is None or now - _aware(last.created_at) >= FEEDBACK_EVERY


def parse_feedback_form(form) -> tuple[dict, dict]:
    """Turn the survey form into (values, errors), keeping what was typed."""
    values = {
        "usefulness": form.get("usefulness", ""),
        "progress": form.get("progress", ""),
        "meeting_regularly": form.get("meeting_regularly", ""),
        "comment": form.get("comment", ""),
    }
    errors: dict[str, str] = {}
    for key in ("usefulness", "progress"):
        if values[key] not in ("1", "2", "3", "4", "5"):
            errors[key] = _("Pick a number from 1 to 5.")
    if values["meeting_regularly"] not in ("yes", "no"):
        errors["meeting_regularly"] = _("Tell us whether you meet regularly.")
    if len(values["comment"]) > 2000:
        errors["comment"] = _("Keep the comment under 2000 characters.")
    return values, errors


def save_feedback(session: Session, user_id: int, match: Match, values: dict) -> FeedbackResponse:
    """Store a validated response."""
    response = FeedbackResponse(
        programme_id=match.programme_id,
        match_id=match.id,
        user_id=user_id,
        usefulness=int(values["usefulness"]),
        progress=int(values["progress"]),
        meeting_regularly=values["meeting_regularly"] == "yes",
        comment=values["comment"].strip(),
    )
    session.add(response)
    session.flush()
    return response
