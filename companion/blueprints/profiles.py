"""Profiles: a participant edits their own; coordinators view everyone's."""

import logging

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from companion import jobs
from companion.db import db
from companion.services import profiles as svc
from companion.services.phrase_vectors import profile_phrases, warm
from companion.tables.accounts import User
from companion.web import coordinator_required, render_page

log = logging.getLogger(__name__)
bp = Blueprint("profiles", __name__, url_prefix="/profile")


def _form_ctx(user: User, values: dict, errors: dict) -> dict:
    return {
        "user": user,
        "values": values,
        "errors": errors,
        "others": svc.other_participants(db.session, user.id),
    }


@bp.route("/", methods=["GET", "POST"])
def edit():
    """Edit one's own profile; errors keep everything typed."""
    user = current_user
    if request.method == "GET":
        values = svc.profile_form_values(user.profile)
        return render_template("profiles/edit.html", **_form_ctx(user, values, {}))
    ids = {u.id for u in svc.other_participants(db.session, user.id)}
    values, errors = svc.parse_profile_form(request.form, ids)
    if errors:
        flash(_("Please correct the highlighted fields; nothing has been saved yet."), "error")
        ctx = _form_ctx(user, values, errors)
        return render_page("profiles/edit.html", "profiles/_profile_form.html", status=422, **ctx)
    svc.save_profile(user.profile, values)
    db.session.commit()
    _store_phrase_vectors(user.profile)
    flash(_("Your profile is saved."), "success")
    return redirect(url_for("profiles.edit"))


def _store_phrase_vectors(profile) -> None:
    """Embed the profile's phrases now when the model is loaded (a few milliseconds), else
    queue a job that does it; the next matching run then only reads them."""
    embedder = current_app.extensions.get("companion.embedder")
    try:
        if embedder is None:
            job = jobs.enqueue(db.session, "store_phrase_vectors", {"user_id": profile.user_id})
            db.session.commit()
            jobs.submit(current_app._get_current_object(), job.id)
        else:
            warm(db.session, embedder, profile_phrases(profile))
            db.session.commit()
    except Exception:  # the profile is saved; the next matching run embeds what is missing
        db.session.rollback()
        log.exception("could not store the phrase vectors of profile %s", profile.user_id)


@bp.post("/validate")
def validate():
    """Inline validation: re-render the form with messages, saving nothing."""
    ids = {u.id for u in svc.other_participants(db.session, current_user.id)}
    values, errors = svc.parse_profile_form(request.form, ids)
    return render_template("profiles/_profile_form.html", **_form_ctx(current_user, values, errors))


@bp.get("/<int:user_id>/edit")
def edit_other(user_id: int):
    """Nobody edits someone else's profile; only one's own (see `edit`)."""
    if user_id == current_user.id:
        return redirect(url_for("profiles.edit"))
    abort(403)


@bp.get("/all")
@coordinator_required
def index():
    """All participants' profiles, filterable."""
    q = request.args.get("q", "")
    people = svc.list_profiles(db.session, q)
    return render_page("profiles/index.html", "profiles/_list.html", people=people, q=q)


@bp.get("/<int:user_id>")
@coordinator_required
def view(user_id: int):
    """One participant's profile, read-only."""
    user = db.session.get(User, user_id) or abort(404)
    return render_template("profiles/view.html", person=user)
