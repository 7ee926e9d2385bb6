"""Blueprint registry: one blueprint per area."""

from flask import Flask


def register_blueprints(app: Flask) -> None:
    """Register every area's blueprint."""
    from companion.blueprints import auth, main, people, profiles, programmes
    from companion.blueprints import goals, sessions

    for module in (auth, main, people, profiles, programmes, sessions, goals):
        app.register_blueprint(module.bp)
