"""Library: search as you type, resource pages, curation by coordinators, suggestions."""

from flask import Blueprint, abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from companion.db import db
from companion.engines import get_embedder
from companion.services import library as svc
from companion.tables.library import KINDS, LEVELS, Resource
from companion.web import coordinator_required, render_page

bp = Blueprint("library", __name__, url_prefix="/library")
FILTERS = ("kind", "topic", "level", "language", "length")
FORM_FIELDS = ("title", "kind", "topics", "level", "language", "minutes", "url", "body_md")


def _engine():
    return svc.engine_for(current_app, get_embedder(current_app))


def _resource(slug: str) -> Resource:
    resource = db.session.scalar(select(Resource).where(Resource.slug == slug))
    if resource is None or (resource.status != "published" and not current_user.is_coordinator):
        abort(404)
    return resource


@bp.get("/")
def index():
    """Search page; htmx gets only the results fragment."""
    q = request.args.get("q", "").strip()
    filters = {f: request.args.get(f, "").strip() for f in FILTERS}
    if q:
        results = svc.search(db.session, _engine(), q, filters, k=20)
    else:
        allowed = svc.filter_ids(db.session, filters)
        rows = db.session.scalars(
            select(Resource).where(Resource.id.in_(allowed)).order_by(Resource.title)
        )
        results = [(r, None) for r in rows]
    return render_page(
        "library/index.html",
        "library/_results.html",
        q=q,
        filters=filters,
        results=results,
        facets=svc.facets(db.session),
    )


@bp.get("/r/<slug>")
def view(slug: str):
    """A resource page with related resources."""
    resource = _resource(slug)
    related = svc.related(db.session, _engine(), resource) if resource.status == "published" else []
    return render_page(
        "library/view.html", "library/_related.html", resource=resource, related=related
    )


def _form_values(resource: Resource | None) -> dict:
    if resource is None:
        return {"kind": "guide", "language": "en", "level": "beginner"}
    values = {f: getattr(resource, f) for f in FORM_FIELDS}
    values["topics"] = ", ".join(resource.topics or [])
    values["minutes"] = "" if resource.minutes is None else str(resource.minutes)
    return values


def _submitted() -> dict:
    values = {f: request.form.get(f, "") for f in FORM_FIELDS}
    upload = request.files.get("upload")
    if upload and upload.filename:
        if not upload.filename.lower().endswith((".md", ".txt")):
            raise svc.LibraryError(_("Upload a .md or .txt file."))
        try:
            values["body_md"] = upload.read().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise svc.LibraryError(_("The file is not UTF-8 text.")) from exc
        values["title"] = values["title"] or upload.filename.rsplit(".", 1)[0]
    return values


def _form(resource, values, error=None, suggest=False):
    return render_page(
        "library/form.html",
        "library/form.html",
        status=422 if error else 200,
        resource=resource,
        values=values,
        error=error,
        suggest=suggest,
        kinds=KINDS,
        levels=LEVELS,
    )


def _save(resource: Resource | None, status: str):
    try:
        values = _submitted()
        slug = resource.slug if resource else svc.unique_slug(db.session, values["title"] or "r")
        saved, _how = svc.save_resource(
            db.session, get_embedder(current_app), slug, values, status, current_user
        )
    except svc.LibraryError as exc:
        db.session.rollback()
        return _form(resource, {f: request.form.get(f, "") for f in FORM_FIELDS}, str(exc),
                     suggest=status == "suggested")  # fmt: skip
    db.session.commit()
    svc.sync_after_commit(db.session, _engine(), saved.id)
    if status == "suggested":
        flash(_("Thank you: a coordinator will review your suggestion."), "success")
        return redirect(url_for("library.index"))
    flash(_("“%(title)s” is saved.", title=saved.title), "success")
    return redirect(url_for("library.view", slug=saved.slug))


@bp.route("/new", methods=["GET", "POST"])
@coordinator_required
def new():
    """Add a resource (typed Markdown or an uploaded .md/.txt file)."""
    if request.method == "POST":
        return _save(None, "published")
    return _form(None, _form_values(None))


@bp.route("/r/<slug>/edit", methods=["GET", "POST"])
@coordinator_required
def edit(slug: str):
    """Edit a resource."""
    resource = _resource(slug)
    if request.method == "POST":
        return _save(resource, resource.status)
    return _form(resource, _form_values(resource))


@bp.post("/r/<slug>/delete")
@coordinator_required
def delete(slug: str):
    """Delete a resource (it leaves search at once)."""
    resource = _resource(slug)
    rid, title = resource.id, resource.title
    svc.delete_resource(db.session, resource)
    db.session.commit()
    svc.sync_after_commit(db.session, _engine(), rid)
    flash(_("“%(title)s” was deleted.", title=title), "success")
    return redirect(url_for("library.index"))


@bp.route("/suggest", methods=["GET", "POST"])
def suggest():
    """Participants suggest a resource; it waits for a coordinator's review."""
    if request.method == "POST":
        return _save(None, "suggested")
    return _form(None, _form_values(None), suggest=True)


@bp.get("/suggestions")
@coordinator_required
def suggestions():
    """Suggested resources waiting for review."""
    rows = db.session.scalars(
        select(Resource).where(Resource.status == "suggested").order_by(Resource.created_at)
    ).all()
    return render_page("library/suggestions.html", "library/suggestions.html", rows=rows)


@bp.post("/r/<slug>/publish")
@coordinator_required
def publish(slug: str):
    """Accept a suggestion into the library."""
    resource = _resource(slug)
    svc.publish(db.session, resource)
    db.session.commit()
    svc.sync_after_commit(db.session, _engine(), resource.id)
    flash(_("“%(title)s” is now in the library.", title=resource.title), "success")
    return redirect(url_for("library.view", slug=resource.slug))


@bp.app_context_processor
def _home_helpers():
    # The home panel calls this lazily, so pages without it never touch the engine.
    def library_recommendations():
        if not current_user.is_authenticated:
            return []
        return svc.recommendations_for(db.session, _engine(), current_user)

    return {"library_recommendations": library_recommendations}
