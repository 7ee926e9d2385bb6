"""Language choice: the user's setting, else the session's pick, else Accept-Language."""

from flask import Flask, has_request_context, request, session
from flask_babel import Babel
from flask_login import current_user

babel = Babel()


def select_locale() -> str:
    """Pick the UI language for this request."""
    langs = ["en", "bg"]
    if not has_request_context():  # CLI and job worker speak English
        return "en"
    if current_user and current_user.is_authenticated and current_user.locale in langs:
        return current_user.locale
    if session.get("lang") in langs:
        return session["lang"]
    return request.accept_languages.best_match(langs) or "en"


def init_app(app: Flask) -> None:
    """Attach Flask-Babel with our locale selector and translations folder."""
    from pathlib import Path

    babel.init_app(
        app,
        locale_selector=select_locale,
        default_translation_directories=str(Path(__file__).parent / "translations"),
    )

    @app.context_processor
    def _lang():
        from flask_babel import get_locale

        return {
            "current_lang": str(get_locale()),
            "languages": {"en": "English", "bg": "Български"},
        }
