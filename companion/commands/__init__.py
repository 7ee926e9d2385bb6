"""CLI commands, one module per area; each has `register(cli)`."""

from importlib import import_module

import click

AREAS = ("core", "library", "matching", "notes_ai", "jobs")


def register_all(cli: click.Group) -> None:
    """Attach every area's commands to the app's CLI group."""
    for area in AREAS:
        try:
            module = import_module(f"companion.commands.{area}")
        except ModuleNotFoundError as exc:
            # An area without commands yet is fine; a broken import inside one is not.
            if exc.name != f"companion.commands.{area}":
                raise
            continue
        module.register(cli)
