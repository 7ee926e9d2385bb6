"""Sign in and out, password change, language choice, health check."""

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import text

from companion.db import db
from companion.services.accounts import AccountError, authenticate, change_password

bp = Blueprint("auth", __name__)
PUBLIC_ENDPOINTS = {"auth.login", "auth.health", "auth.set_language", "static"}


@bp.before_app_request
def _require_login():
    if request.endpoint and request.endpoint not in PUBLIC_ENDPOINTS:
        if not current_user.is_authenticated:
            from companion.web import login_manager

            return login_manager.unauthorized()
    return None


def _safe_next(target: str | None) -> str:
    if target and not urlsplit(target).netloc and target.startswith("/"):
        return target
    return url_for("main.home")


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Sign-in form; on success go where the user was heading."""
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    email = request.form.get("email", "")
    error = None
    if request.method == "POST":
        user = authenticate(db.session, email, request.form.get("password", ""))
        if user:
            login_user(user, remember=bool(request.form.get("remember")))
            return redirect(_safe_next(request.args.get("next")))
        error = _("That e-mail and password do not match an account.")
    status = 401 if error else 200
    return render_template("auth/login.html", email=email, error=error), status


@bp.post("/logout")
def logout():
    """Sign out."""
    logout_user()
    lang = session.get("lang")
    session.clear()  # nothing of the previous user (flashes, drafts) survives sign-out
    if lang:
        session["lang"] = lang
    flash(_("You are signed out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def password():
    """Change one's own password."""
    error = None
    if request.method == "POST":
        new = request.form.get("new_password", "")
        if new != request.form.get("confirm_password", ""):
            error = _("The two new passwords differ.")
        else:
            try:
                change_password(current_user, request.form.get("current_password", ""), new)
            except AccountError as exc:
                error = str(exc)
            else:
                db.session.commit()
                flash(_("Your password has been changed."), "success")
                return redirect(url_for("main.home"))
    return render_template("account/password.html", error=error), 400 if error else 200


@bp.post("/language")
def set_language():
    """Switch the UI language (stored on the account when signed in)."""
    lang = request.form.get("lang", "en")
    if lang in ("en", "bg"):
        session["lang"] = lang
        if current_user.is_authenticated:
            current_user.locale = lang
            db.session.commit()
    return redirect(_safe_next(request.form.get("next")))


@bp.get("/health")
def health():
    """Liveness and database check for load balancers."""
    db.session.execute(text("SELECT 1"))
    return {"status": "ok"}
