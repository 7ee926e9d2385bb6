"""Built-in defaults; overridden by DATA_DIR/config.py, then by COMPANION_* variables."""

DEFAULTS = {
    # Where the SQLite file, indexes, uploads and the generated secret key live.
    "DATA_DIR": "instance",
    # Any SQLAlchemy URL; empty means SQLite in DATA_DIR.
    "DATABASE_URL": "",
    "SECRET_KEY": None,
    "SECURE_COOKIES": False,
    "LANGUAGES": ["en", "bg"],
    "BABEL_DEFAULT_LOCALE": "en",
    # Embedding model: empty means the packaged all-MiniLM-L6-v2; else a local path.
    "EMBEDDING_MODEL": "",
    # torch, onnx or onnx-int8; empty picks onnx-int8 when onnxruntime is installed.
    "EMBEDDING_BACKEND": "",
    # LLM: empty means the bundled SmolLM2 GGUF; a .gguf path; or "openai:URL#model".
    "LLM_MODEL": "",
    "LLM_THREADS": 0,
    "LLM_CTX": 4096,
    "LLM_ENABLED": True,
    # Seconds the LLM may spend refining one note in the app; later steps are skipped (their
    # items stay extractive) so a full result arrives in bounded time. 0 means no limit.
    "LLM_BUDGET_S": 4.0,
    # Run queued AI jobs in a thread inside the web process.
    "JOB_WORKER": True,
    "MAX_CONTENT_LENGTH": 8 * 1024 * 1024,
}
