"""Blueprint registry: one blueprint per area."""

from flask import Flask


def register_blueprints(app: Flask) -> None:
    """Register every area's blueprint."""
    from companion.blueprints import (
        auth,
        dashboard,
        feedback,
        goals,
        library,
        main,
        matching,
        people,
        profiles,
        programmes,
        sessions,
    )

    areas = (
        auth,
        main,
        people,
        profiles,
        programmes,
        sessions,
        goals,
        library,
        matching,
        dashboard,
        feedback,
    )
    for module in areas:
        app.register_blueprint(module.bp)
