"""Heavy engines, loaded lazily once per process and kept in app.extensions."""

import threading

from flask import Flask

_lock = threading.Lock()


def init_app(app: Flask) -> None:
    """Reserve the slots; nothing is loaded until first use."""
    app.extensions.setdefault("companion.embedder", None)
    app.extensions.setdefault("companion.llm", None)


def get_embedder(app: Flask):
    """The sentence embedder (packaged all-MiniLM-L6-v2 unless EMBEDDING_MODEL says otherwise)."""
    with _lock:
        if app.extensions.get("companion.embedder") is None:
            from retrieval.embedder import Embedder

            app.extensions["companion.embedder"] = Embedder(
                app.config.get("EMBEDDING_MODEL") or None
            )
        return app.extensions["companion.embedder"]


def get_llm(app: Flask):
    """The local LLM (bundled SmolLM2 unless LLM_MODEL says otherwise), or None when disabled."""
    if not app.config.get("LLM_ENABLED", True):
        return None
    with _lock:
        if app.extensions.get("companion.llm") is None:
            from models.llm import load_llm

            app.extensions["companion.llm"] = load_llm(
                app.config.get("LLM_MODEL") or None,
                n_ctx=int(app.config.get("LLM_CTX") or 0) or None,
                n_threads=int(app.config.get("LLM_THREADS") or 0) or None,
            )
        return app.extensions["companion.llm"]
