"""Matching review for coordinators: run, inspect, adjust and accept suggested matches."""

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

from companion.db import db
from companion.engines import get_embedder
from companion.services import matching as svc
from companion.services.programmes import list_programmes
from companion.tables.matching import Match
from companion.tables.programmes import Programme
from companion.web import coordinator_required, is_htmx, render_page

bp = Blueprint("matching", __name__, url_prefix="/matching")


@bp.app_template_global()
def match_reasons(match: Match) -> list[str]:
    """A match's reasons in the reader's language (for any template)."""
    return svc.match_reasons(match)


def _programme(programme_id: int) -> Programme:
    return db.session.get(Programme, programme_id) or abort(404)


def _board_context(programme: Programme, **extra) -> dict:
    matches = svc.round_matches(db.session, programme)
    return {
        "programme": programme,
        "matches": matches,
        "open_matches": [m for m in matches if m.status == "suggested"],
        "unmatched": svc.unmatched(db.session, programme),
        "round": svc.current_round(db.session, programme),
        "last_run": (programme.settings or {}).get("last_run") or {},
        "members": sorted((m.user for m in programme.members), key=lambda u: u.name),
        "match_config": svc.config_for(programme),
        "unmatched_text": svc.UNMATCHED_TEXT,
        "weight_labels": svc.WEIGHT_LABELS,
        "rule_labels": svc.RULE_LABELS,
        "errors": {},
        **extra,
    }


def _done(programme: Programme, message: str | None = None, category: str = "success"):
    """htmx gets the refreshed board; a plain form post is redirected to the page."""
    if message:
        flash(message, category)
    if is_htmx():
        return render_template("matching/_board.html", **_board_context(programme))
    return redirect(url_for("matching.programme", programme_id=programme.id))


@bp.get("/")
@coordinator_required
def index():
    """Programmes whose matches a coordinator can review."""
    return render_template(
        "matching/index.html", programmes=list_programmes(db.session, current_user)
    )


@bp.get("/programmes/<int:programme_id>")
@coordinator_required
def programme(programme_id: int):
    """The review board of one programme: suggestions, reasons, who is left out."""
    p = _programme(programme_id)
    return render_page("matching/programme.html", "matching/_board.html", **_board_context(p))


@bp.post("/programmes/<int:programme_id>/run")
@coordinator_required
def run(programme_id: int):
    """Suggest matches for everyone not in an accepted or locked match."""
    p = _programme(programme_id)
    result = svc.run_matching(db.session, p, get_embedder(current_app))
    db.session.commit()
    msg = _(
        "%(n)d suggestions made; %(u)d people without a partner.",
        n=result["suggested"],
        u=result["unmatched"],
    )
    return _done(p, msg)


@bp.post("/programmes/<int:programme_id>/accept-all")
@coordinator_required
def accept_all(programme_id: int):
    """Accept every open suggestion of the round."""
    p = _programme(programme_id)
    n = svc.accept_all(db.session, p)
    db.session.commit()
    return _done(p, _("%(n)d matches accepted.", n=n))


@bp.post("/programmes/<int:programme_id>/new-round")
@coordinator_required
def new_round(programme_id: int):
    """Open the next round; earlier partners are not paired again."""
    p = _programme(programme_id)
    rnd = svc.start_new_round(db.session, p)
    db.session.commit()
    return _done(p, _("Round %(n)d started.", n=rnd))


def _match(match_id: int) -> Match:
    return db.session.get(Match, match_id) or abort(404)


@bp.post("/matches/<int:match_id>/<action>")
@coordinator_required
def act(match_id: int, action: str):
    """Accept, reject or lock/unlock one suggestion."""
    m = _match(match_id)
    actions = {"accept": svc.accept, "reject": svc.reject, "lock": svc.toggle_lock}
    if action not in actions:
        abort(404)
    actions[action](m)
    db.session.commit()
    return _done(_programme(m.programme_id))


@bp.post("/matches/<int:match_id>/swap")
@coordinator_required
def swap(match_id: int):
    """Swap partners between this suggestion and another one."""
    m = _match(match_id)
    p = _programme(m.programme_id)
    other = db.session.get(Match, request.form.get("other", type=int) or 0)
    if other is None or other.programme_id != p.id:
        return _done(p, _("Choose the suggestion to swap partners with."), "error")
    try:
        svc.swap(db.session, p, m, other, get_embedder(current_app))
    except ValueError as exc:
        db.session.rollback()
        return _done(p, str(exc), "error")
    db.session.commit()
    return _done(p, _("Partners swapped; both pairs are locked."))


def _chosen() -> list[int]:
    source = request.form if request.method == "POST" else request.args
    return [x for x in (source.get("a", type=int), source.get("b", type=int)) if x]


@bp.get("/programmes/<int:programme_id>/preview")
@coordinator_required
def preview(programme_id: int):
    """Live score and reasons for two people chosen by hand."""
    p = _programme(programme_id)
    ids = _chosen()
    s = None
    if len(set(ids)) == 2:
        s = svc.preview(db.session, p, ids, get_embedder(current_app))
    reasons = svc.render_reasons(s.reasons) if s else []
    blocked = svc.render_reasons(s.blocked) if s else []
    return render_page(
        "matching/preview.html",
        "matching/_preview.html",
        programme=p,
        s=s,
        reasons=reasons,
        blocked=blocked,
    )


@bp.post("/programmes/<int:programme_id>/pair")
@coordinator_required
def pair(programme_id: int):
    """Pair two people by hand (kept when matching runs again)."""
    p = _programme(programme_id)
    try:
        svc.pair_by_hand(db.session, p, _chosen(), get_embedder(current_app))
    except ValueError as exc:
        db.session.rollback()
        return _done(p, str(exc), "error")
    db.session.commit()
    return _done(p, _("Pair created and locked."))


@bp.post("/programmes/<int:programme_id>/settings")
@coordinator_required
def settings(programme_id: int):
    """Save the programme's weights and rules."""
    p = _programme(programme_id)
    values, errors = svc.parse_settings(request.form)
    if errors:
        flash(_("Please correct the highlighted weights; nothing has been saved yet."), "error")
        ctx = _board_context(p, errors=errors, form=request.form)
        return render_page("matching/programme.html", "matching/_board.html", 422, **ctx)
    svc.save_settings(p, values)
    db.session.commit()
    return _done(p, _("Weights saved. Run matching to apply them."))
