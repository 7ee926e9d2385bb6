"""A participant's tasks and SMART goals: tick tasks, update goal status with notes."""

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from companion.db import db
from companion.services import goals as svc
from companion.tables.notes import GOAL_STATUSES, Goal, Task
from companion.web import is_htmx, render_page

bp = Blueprint("goals", __name__)


def _own_goal(goal_id: int) -> Goal:
    goal = db.session.get(Goal, goal_id)
    if goal is None or goal.user_id != current_user.id:
        abort(404)
    return goal


@bp.get("/goals/")
def index():
    """My tasks and goals."""
    return render_page(
        "goals/index.html",
        "goals/_lists.html",
        tasks=svc.tasks_for(db.session, current_user.id),
        goals=svc.goals_for(db.session, current_user.id),
        today=date.today(),
    )


@bp.get("/goals/<int:goal_id>")
def view(goal_id: int):
    """One goal: its SMART parts, status and progress notes."""
    goal = _own_goal(goal_id)
    return render_page("goals/view.html", "goals/_goal.html", goal=goal, statuses=GOAL_STATUSES)


@bp.post("/goals/<int:goal_id>/status")
def update(goal_id: int):
    """Set the goal's status, with an optional progress note."""
    goal = _own_goal(goal_id)
    status = request.form.get("status", "")
    if status not in GOAL_STATUSES:
        abort(400)
    svc.update_goal(
        db.session, goal, status, request.form.get("note", ""), author_id=current_user.id
    )
    db.session.commit()
    if is_htmx():
        return render_template("goals/_goal.html", goal=goal, statuses=GOAL_STATUSES)
    flash(_("Goal updated."), "success")
    return redirect(url_for("goals.view", goal_id=goal.id))


@bp.post("/tasks/<int:task_id>/done")
def toggle_task(task_id: int):
    """Tick or untick one of my tasks."""
    task = db.session.get(Task, task_id)
    if task is None or task.owner_id != current_user.id:
        abort(404)
    svc.set_task_done(task, request.form.get("done") == "1")
    db.session.commit()
    if is_htmx():
        return render_template("goals/_task.html", task=task, today=date.today())
    target = request.form.get("next", "")
    # Only local paths: a posted "next" must not send people to another site.
    if not target.startswith("/") or target.startswith("//"):
        target = url_for("goals.index")
    return redirect(target)
