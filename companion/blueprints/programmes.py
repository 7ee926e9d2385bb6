"""Programmes: coordinators create and edit; members read."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from companion.db import db
from companion.services import programmes as svc
from companion.services.profiles import list_profiles
from companion.tables.programmes import Programme
from companion.web import coordinator_required

bp = Blueprint("programmes", __name__, url_prefix="/programmes")


@bp.get("/")
def index():
    """Programmes the user may see."""
    return render_template(
        "programmes/index.html", programmes=svc.list_programmes(db.session, current_user)
    )


def _form(programme: Programme | None, values: dict, errors: dict, status: int = 200):
    return render_template(
        "programmes/form.html",
        programme=programme,
        values=values,
        errors=errors,
        people=list_profiles(db.session),
    ), status


def _save(programme: Programme | None):
    values, errors = svc.parse_programme_form(request.form)
    if errors:
        flash(_("Please correct the highlighted fields; nothing has been saved yet."), "error")
        return _form(programme, values, errors, 422)
    programme = svc.save_programme(db.session, programme, values, current_user)
    db.session.commit()
    flash(_("Programme “%(name)s” is saved.", name=programme.name), "success")
    return redirect(url_for("programmes.view", programme_id=programme.id))


@bp.route("/new", methods=["GET", "POST"])
@coordinator_required
def new():
    """Create a programme."""
    if request.method == "POST":
        return _save(None)
    return _form(None, svc.programme_form_values(None), {})


@bp.route("/<int:programme_id>/edit", methods=["GET", "POST"])
@coordinator_required
def edit(programme_id: int):
    """Edit a programme and its members."""
    programme = db.session.get(Programme, programme_id) or abort(404)
    if request.method == "POST":
        return _save(programme)
    return _form(programme, svc.programme_form_values(programme), {})


@bp.get("/<int:programme_id>")
def view(programme_id: int):
    """A programme's page: purpose, dates, guidelines, members."""
    programme = db.session.get(Programme, programme_id) or abort(404)
    if not (current_user.is_coordinator or svc.is_member(programme, current_user)):
        abort(404)
    return render_template("programmes/view.html", programme=programme)
