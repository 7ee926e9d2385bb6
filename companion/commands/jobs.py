"""Job commands: run a worker in its own process, list recent jobs."""

import time

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from companion import jobs
from companion.db import db
from companion.tables.jobs import Job


@click.group("jobs")
def jobs_group() -> None:
    """Background jobs (AI analysis of session notes)."""


@jobs_group.command("work")
@click.option("--once", is_flag=True, help="Run what is queued, then exit.")
@click.option("--poll", default=2.0, show_default=True, help="Seconds between queue checks.")
@with_appcontext
def work_command(once: bool, poll: float) -> None:
    """Run queued jobs in this process (for deployments with JOB_WORKER off in the web app)."""
    app = current_app._get_current_object()
    if once:
        click.echo(f"{jobs.work_round(app)} job(s) run")
        return
    click.echo("Worker running; Ctrl-C stops it after the current job.")
    try:
        while True:
            jobs.work_round(app)
            time.sleep(poll)
    except KeyboardInterrupt:
        click.echo("Worker stopped.")


@jobs_group.command("list")
@click.option("--limit", default=20, show_default=True)
@with_appcontext
def list_command(limit: int) -> None:
    """Show the newest jobs with their status and progress."""
    for job in db.session.scalars(select(Job).order_by(Job.id.desc()).limit(limit)):
        error = f"  {job.error}" if job.error else ""
        click.echo(
            f"{job.id:>5}  {job.kind:<18} {job.status:<9} {job.progress:>3}%  "
            f"{job.subject or '-'}{error}"
        )


def register(cli: click.Group) -> None:
    """Attach the job commands."""
    cli.add_command(jobs_group)
