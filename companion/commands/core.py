"""Core commands: demo data, first coordinator, database setup."""

import click
from flask.cli import with_appcontext

from companion.db import db


@click.command("seed-demo")
@with_appcontext
def seed_demo_command() -> None:
    """Load the demo programme and people (idempotent) and print the logins."""
    from companion.demo import seed_demo

    summary = seed_demo(db.session)
    db.session.commit()
    click.echo("Demo data is ready.")
    for line in summary:
        click.echo(f"  {line}")
    _echo_logins()


def _echo_logins() -> None:
    from companion.demo import DEMO_PASSWORD

    click.echo(f"Sign in at http://127.0.0.1:5000/login; every demo password is {DEMO_PASSWORD}")
    click.echo("  coordinator@example.com (coordinator)")
    click.echo("  ana@example.com, boris@example.com, ... (participants)")


@click.command("create-coordinator")
@click.option("--email", prompt=True)
@click.option("--name", prompt=True)
@click.password_option()
@with_appcontext
def create_coordinator_command(email: str, name: str, password: str) -> None:
    """Create a coordinator account."""
    from companion.services.accounts import AccountError, create_user

    try:
        user = create_user(
            db.session, email=email, name=name, password=password, role="coordinator"
        )
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"Coordinator {user.email} created.")


@click.command("init-db")
@click.option(
    "--demo-if-empty", is_flag=True, help="Also load the demo data into an empty database."
)
@with_appcontext
def init_db_command(demo_if_empty: bool) -> None:
    """Apply migrations; optionally seed demo data when there are no users yet."""
    from flask_migrate import upgrade
    from sqlalchemy import func, select

    from companion.tables.accounts import User

    upgrade()
    if demo_if_empty and not db.session.scalar(select(func.count()).select_from(User)):
        from companion.demo import seed_demo

        for line in seed_demo(db.session):
            click.echo(line)
        db.session.commit()
        _echo_logins()
    click.echo("Database is up to date.")


def register(cli: click.Group) -> None:
    """Attach the core commands."""
    for command in (seed_demo_command, create_coordinator_command, init_db_command):
        cli.add_command(command)
