"""Coordinators add participants, one by one or from a CSV file."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from companion.db import db
from companion.services.accounts import AccountError, create_user, import_participants_csv
from companion.tables.accounts import CAREER_LEVELS
from companion.web import coordinator_required

bp = Blueprint("people", __name__, url_prefix="/people")


@bp.route("/new", methods=["GET", "POST"])
@coordinator_required
def add():
    """Add one participant with a first password."""
    values = {k: request.form.get(k, "") for k in ("name", "email", "department", "job_title")}
    values["career_level"] = request.form.get("career_level", "mid")
    error = None
    if request.method == "POST":
        try:
            user = create_user(db.session, password=request.form.get("password", ""), **values)
        except AccountError as exc:
            db.session.rollback()
            error = str(exc)
        else:
            db.session.commit()
            flash(_("%(name)s can now sign in.", name=user.name), "success")
            return redirect(url_for("profiles.index"))
    return render_template("people/new.html", values=values, error=error, levels=CAREER_LEVELS), (
        422 if error else 200
    )


@bp.route("/import", methods=["GET", "POST"])
@coordinator_required
def import_csv():
    """Import participants from CSV: all rows or none, with a per-row error report."""
    report = None
    password = request.form.get("password", "")
    if request.method == "POST":
        upload = request.files.get("file")
        if not upload or not upload.filename:
            flash(_("Choose a CSV file to import."), "error")
            return render_template("people/import.html", report=None, password=password), 422
        try:
            text = upload.read().decode("utf-8")
        except UnicodeDecodeError:
            flash(_("The file is not UTF-8 text. Save it as CSV (UTF-8) and try again."), "error")
            return render_template("people/import.html", report=None, password=password), 422
        try:
            report = import_participants_csv(db.session, text, password)
        except AccountError as exc:
            db.session.rollback()
            flash(str(exc), "error")
            return render_template("people/import.html", report=None, password=password), 422
        if report.errors:
            db.session.rollback()
            return render_template("people/import.html", report=report, password=password), 422
        db.session.commit()
        flash(_("Imported %(n)d participants.", n=len(report.created)), "success")
        return redirect(url_for("profiles.index"))
    return render_template("people/import.html", report=report, password=password)


@bp.get("/")
@coordinator_required
def index():
    """Shortcut to the participants list."""
    return redirect(url_for("profiles.index", q=request.args.get("q", "")))
