"""Request plumbing shared by every blueprint: login, CSRF, htmx rendering, errors, Markdown."""

import logging
from functools import wraps

import markdown as md
import nh3
from flask import Flask, abort, make_response, render_template, request
from flask_babel import gettext as _
from flask_login import LoginManager, current_user
from flask_wtf.csrf import CSRFError, CSRFProtect
from markupsafe import Markup

from companion.db import db

log = logging.getLogger(__name__)
login_manager = LoginManager()
csrf = CSRFProtect()

ALLOWED_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s",
    "ul", "ol", "li", "blockquote", "code", "pre", "a", "table", "thead", "tbody", "tr", "th",
    "td", "span", "del", "sup", "sub",
}  # fmt: skip


def init_app(app: Flask) -> None:
    """Wire login, CSRF, error pages and template helpers into the app."""
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None
    csrf.init_app(app)
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.globals["is_htmx"] = is_htmx
    app.context_processor(lambda: {"url_map_endpoints": app.view_functions.keys()})
    for code in (403, 404, 500):
        app.register_error_handler(code, _error_page)
    app.register_error_handler(CSRFError, _csrf_error)


@login_manager.user_loader
def _load_user(user_id: str):
    from companion.tables.accounts import User

    return db.session.get(User, int(user_id))


def is_htmx() -> bool:
    """True for an htmx request that wants a fragment (not a history restore)."""
    return bool(request.headers.get("HX-Request")) and not request.headers.get(
        "HX-History-Restore-Request"
    )


def render_page(full_template: str, fragment_template: str, status: int = 200, **ctx):
    """Render the full page, or only the fragment for htmx, varying the cache on HX-Request."""
    template = fragment_template if is_htmx() else full_template
    resp = make_response(render_template(template, **ctx), status)
    resp.headers["Vary"] = "HX-Request"
    return resp


def coordinator_required(view):
    """Allow only signed-in coordinators; others get 403."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not current_user.is_coordinator:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def render_markdown(text: str | None) -> Markup:
    """Render user Markdown to HTML and sanitise it."""
    html = md.markdown(text or "", extensions=["extra", "sane_lists"])
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}})
    return Markup(clean)


def _error_page(err):
    code = getattr(err, "code", 500) or 500
    if code == 500:
        log.exception("unhandled error on %s %s", request.method, request.path)
    titles = {
        403: _("You do not have access to this page."),
        404: _("We could not find that page."),
        500: _("Something went wrong on our side. It has been logged; please try again."),
    }
    return render_template("errors/error.html", code=code, message=titles.get(code)), code


def _csrf_error(err):
    msg = _(
        "Your form expired or was sent without its security token. Please reload and try again."
    )
    return render_template("errors/error.html", code=400, message=msg), 400
