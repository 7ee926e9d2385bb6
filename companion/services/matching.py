"""Matching as the rest of the app sees it: a person's active pairs and groups."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from companion.tables.matching import Match, MatchMember


def active_pairs_for(session: Session, user_id: int) -> list[Match]:
    """Accepted matches the user belongs to, newest first."""
    stmt = (
        select(Match)
        .join(MatchMember)
        .where(MatchMember.user_id == user_id, Match.status == "accepted")
        .order_by(Match.accepted_at.desc().nulls_last(), Match.id.desc())
    )
    return list(session.scalars(stmt))
