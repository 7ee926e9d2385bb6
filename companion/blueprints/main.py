"""Home page: what matters to the signed-in person today."""

from flask import Blueprint, render_template
from flask_login import current_user

from companion.db import db
from companion.services.feedback import feedback_due
from companion.services.matching import active_pairs_for
from companion.services.programmes import list_programmes

bp = Blueprint("main", __name__)


@bp.get("/")
def home():
    """Role-aware home: participants see their pair, tasks, goals, resources."""
    pairs = active_pairs_for(db.session, current_user.id)
    return render_template(
        "home.html",
        programmes=list_programmes(db.session, current_user),
        pairs=pairs,
        feedback_due=[p for p in pairs if feedback_due(db.session, current_user.id, p)],
    )
