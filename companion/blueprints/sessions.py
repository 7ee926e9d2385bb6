"""Session notes: a pair's workspace, the autosaving editor, and AI analysis review."""

from datetime import date

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
from companion.services import notes as svc
from companion.services.goals import goals_for, parse_due, tasks_for
from companion.services.matching import active_pairs_for
from companion.tables.jobs import Job
from companion.tables.matching import Match
from companion.tables.notes import NoteSession
from companion.web import coordinator_required, is_htmx, render_page

bp = Blueprint("sessions", __name__)


@bp.app_context_processor
def _home_helpers():
    # The home page panels call these, so the home view needs no knowledge of notes.
    def my_tasks():
        return tasks_for(db.session, current_user.id)

    def my_goals():
        return goals_for(db.session, current_user.id)

    return {"my_tasks": my_tasks, "my_goals": my_goals, "today": date.today}


def _pair(match_id: int) -> Match:
    match = db.session.get(Match, match_id)
    if match is None or match.status != "accepted" or not svc.is_member(match, current_user.id):
        abort(404)
    return match


def _note(session_id: int) -> NoteSession:
    """A session the current user may read: only pair members (coordinators use overview)."""
    note = db.session.get(NoteSession, session_id)
    if note is None or not svc.is_member(note.match, current_user.id):
        abort(404)
    return note


def _panel_ctx(note: NoteSession) -> dict:
    job = jobs.latest_job(db.session, svc.job_subject(note))
    return {"note": note, "job": job, "people": svc.members(note.match)}


@bp.get("/pairs/")
def index():
    """My active pairs and their sessions; coordinators get the overview instead."""
    if current_user.is_coordinator:
        return redirect(url_for("sessions.overview"))
    pairs = [
        (m, svc.sessions_of(db.session, m.id))
        for m in active_pairs_for(db.session, current_user.id)
    ]
    return render_page("sessions/index.html", "sessions/_pairs.html", pairs=pairs)


@bp.get("/pairs/<int:match_id>")
def pair(match_id: int):
    """A pair's workspace: its sessions and a form for a new one."""
    match = _pair(match_id)
    sessions = svc.sessions_of(db.session, match.id)
    return render_page(
        "sessions/pair.html", "sessions/_pair.html", match=match, sessions=sessions,
        people=svc.members(match), today=date.today(),
    )  # fmt: skip


@bp.post("/pairs/<int:match_id>/sessions")
def create(match_id: int):
    """Record a new session (date and attendees), then open its notes."""
    match = _pair(match_id)
    when = parse_due(request.form.get("date"))
    if when is None:
        flash(_("Please give the session date as YYYY-MM-DD."), "error")
        return redirect(url_for("sessions.pair", match_id=match.id))
    attendees = [int(i) for i in request.form.getlist("attendees") if i.isdigit()]
    note = svc.create_note_session(
        db.session, match, when, attendees=attendees, user_id=current_user.id
    )
    db.session.commit()
    return redirect(url_for("sessions.view", session_id=note.id))


@bp.get("/sessions/<int:session_id>")
def view(session_id: int):
    """The session page: notes editor, analysed note with sources, AI suggestions."""
    note = _note(session_id)
    ctx = _panel_ctx(note)
    ctx["draft"] = svc.draft_of(note, current_user.id)
    return render_page("sessions/view.html", "sessions/_session.html", **ctx)


@bp.post("/sessions/<int:session_id>/notes")
def save(session_id: int):
    """Autosave (htmx) or save (form) the notes; a conflicting text is kept as a draft."""
    note = _note(session_id)
    base = request.form.get("base_revision", type=int)
    outcome = svc.save_notes(
        db.session, note, current_user.id, request.form.get("notes_md", ""),
        note.revision if base is None else base,
    )  # fmt: skip
    db.session.commit()
    if is_htmx():
        return render_template(
            "sessions/_save_status.html", note=note, outcome=outcome, draft=outcome.draft
        )
    if not outcome.saved:
        flash(_("Your partner saved newer notes. Both versions are kept below."), "error")
    else:
        flash(_("Notes saved."), "success")
    return redirect(url_for("sessions.view", session_id=note.id))


@bp.post("/sessions/<int:session_id>/conflict")
def resolve(session_id: int):
    """Settle an edit conflict: keep mine, keep theirs, or keep both texts."""
    note = _note(session_id)
    choice = request.form.get("choice", "")
    if choice not in ("mine", "theirs", "both"):
        abort(400)
    svc.resolve_conflict(db.session, note, current_user.id, choice)
    db.session.commit()
    flash(_("The conflict is resolved."), "success")
    return redirect(url_for("sessions.view", session_id=note.id))


@bp.post("/sessions/<int:session_id>/summarise")
def summarise(session_id: int):
    """Queue the AI analysis; the panel then polls its progress."""
    note = _note(session_id)
    if not note.notes_md.strip():
        flash(_("Write some notes first, then summarise them."), "error")
        return redirect(url_for("sessions.view", session_id=note.id))
    current = jobs.latest_job(db.session, svc.job_subject(note))
    if current is None or current.finished:
        job = svc.start_analysis(db.session, note, current_user.id)
        db.session.commit()
        jobs.submit(current_app._get_current_object(), job.id)
    if is_htmx():
        return render_template("sessions/_ai_panel.html", **_panel_ctx(note))
    return redirect(url_for("sessions.view", session_id=note.id) + "#ai-panel")


@bp.get("/sessions/<int:session_id>/ai")
def ai_panel(session_id: int):
    """The AI panel: progress while the job runs, then the items to review."""
    note = _note(session_id)
    return render_page("sessions/view.html", "sessions/_ai_panel.html", **_panel_ctx(note))


@bp.post("/sessions/<int:session_id>/jobs/<int:job_id>/<action>")
def job_action(session_id: int, job_id: int, action: str):
    """Cancel or retry the session's analysis job."""
    note = _note(session_id)
    job = db.session.get(Job, job_id)
    if job is None or job.subject != svc.job_subject(note) or action not in ("cancel", "retry"):
        abort(404)
    (jobs.cancel if action == "cancel" else jobs.retry)(db.session, job)
    db.session.commit()
    if action == "retry":
        jobs.submit(current_app._get_current_object(), job.id)
    if is_htmx():
        return render_template("sessions/_ai_panel.html", **_panel_ctx(note))
    return redirect(url_for("sessions.view", session_id=note.id))


def _edits(section: str) -> dict:
    fields = {
        "summary": ("text",),
        "decisions": ("text",),
        "agenda": ("text",),
        "prompts": ("text",),
        "action_items": ("task", "due", "owner"),
        "goals": ("statement", "measurable", "time_bound", "owner"),
    }[section]
    return {f: request.form[f] for f in fields if f in request.form}


@bp.route("/sessions/<int:session_id>/items/<section>/<int:index>", methods=["GET", "POST"])
def review(session_id: int, section: str, index: int):
    """Accept, edit or discard one AI item (GET with ?edit=1 shows the edit form)."""
    note = _note(session_id)
    try:
        entry = svc.item(note, section, index)
    except (KeyError, IndexError):
        abort(404)
    people = svc.members(note.match)
    ctx = {"note": note, "section": section, "index": index, "people": people}
    if request.method == "GET":
        template = (
            "sessions/_item_edit.html" if request.args.get("edit") else "sessions/_ai_item.html"
        )
        return render_template(template, entry=entry, **ctx)
    action = request.form.get("action", "")
    if action not in ("accept", "discard", "reopen", "save"):
        abort(400)
    entry = svc.review_item(db.session, note, current_user, section, index, action, _edits(section))
    db.session.commit()
    if is_htmx():
        return render_template("sessions/_ai_item.html", entry=entry, **ctx)
    return redirect(url_for("sessions.view", session_id=note.id) + "#ai-panel")


@bp.post("/sessions/<int:session_id>/share")
def share(session_id: int):
    """Let coordinators read this session's summary, or stop sharing it."""
    note = _note(session_id)
    note.shared_summary = request.form.get("shared") == "1"
    db.session.commit()
    if is_htmx():
        return render_template("sessions/_share.html", note=note)
    return redirect(url_for("sessions.view", session_id=note.id))


@bp.get("/sessions/overview")
@coordinator_required
def overview():
    """Coordinators: which sessions took place (dates only), and summaries pairs shared."""
    rows = [
        (n, svc.members(n.match), svc.shared_summary(n))
        for n in svc.coordinator_overview(db.session)
    ]
    return render_page("sessions/overview.html", "sessions/_overview.html", rows=rows)
