"""Pulse feedback: a participant tells the coordinator how their pairing is going."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from companion.db import db
from companion.services import feedback as svc
from companion.services.dashboard import members_of
from companion.tables.matching import Match

bp = Blueprint("feedback", __name__, url_prefix="/feedback")


def _own_pair(match_id: int) -> Match:
    match = db.session.get(Match, match_id)
    if (
        match is None
        or match.status != "accepted"
        or current_user.id not in members_of(db.session, match_id)
    ):
        abort(404)
    return match


@bp.route("/<int:match_id>", methods=["GET", "POST"])
def give(match_id: int):
    """The pulse survey for one of the user's active pairs."""
    match = _own_pair(match_id)
    values, errors = {"usefulness": "", "progress": "", "meeting_regularly": "", "comment": ""}, {}
    if request.method == "POST":
        values, errors = svc.parse_feedback_form(request.form)
        if not errors:
            svc.save_feedback(db.session, current_user.id, match, values)
            db.session.commit()
            flash(_("Thank you: your coordinator sees your answers."), "success")
            return redirect(url_for("main.home"))
    partner = [u for u in match.users if u.id != current_user.id]
    return render_template(
        "feedback/form.html", match=match, partner=partner, values=values, errors=errors
    ), (422 if errors else 200)
