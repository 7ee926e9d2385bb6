"""Coordinator dashboard: the health of each programme at a glance."""

from flask import Blueprint, abort, redirect, render_template, url_for

from companion.db import db
from companion.services.dashboard import programme_health, programmes_for_dashboard
from companion.tables.programmes import Programme
from companion.web import coordinator_required

bp = Blueprint("dashboard", __name__, url_prefix="/dashboard")


@bp.get("/")
@coordinator_required
def index():
    """Open the newest programme's dashboard (or explain there is none)."""
    programmes = programmes_for_dashboard(db.session)
    if programmes:
        return redirect(url_for("dashboard.programme", programme_id=programmes[0].id))
    return render_template("dashboard/index.html", programmes=[], programme=None, health=None)


@bp.get("/<int:programme_id>")
@coordinator_required
def programme(programme_id: int):
    """One programme's health."""
    prog = db.session.get(Programme, programme_id) or abort(404)
    return render_template(
        "dashboard/index.html",
        programmes=programmes_for_dashboard(db.session),
        programme=prog,
        health=programme_health(db.session, prog),
    )
