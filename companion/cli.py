"""The `companion` console script: the Flask CLI for this app plus its own commands."""

import os

import click
from flask.cli import FlaskGroup

from companion import create_app


def _make_app():
    return create_app()


@click.group(cls=FlaskGroup, create_app=_make_app, add_version_option=False)
def cli() -> None:
    """Peer Mentoring Companion: run the app, seed demo data, and the JSON commands."""


def main() -> None:
    """Entry point of the console script."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("FLASK_RUN_HOST", "127.0.0.1")
    os.environ.setdefault("FLASK_RUN_PORT", "5000")
    cli(prog_name="companion")
