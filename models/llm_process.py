"""A local model in a child process, so that a crash in llama.cpp cannot kill the caller."""

from __future__ import annotations

import multiprocessing
import signal
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path

from models.llm import LLMError, LLMUnavailable

LOAD_TIMEOUT = 300.0


def _serve(conn, path: str, n_ctx: int, n_threads: int) -> None:
    """Child process: load the model, then answer requests from `conn` one at a time."""
    from models.llama_backend import LlamaBackend

    try:
        backend = LlamaBackend(path, n_ctx=n_ctx, n_threads=n_threads)
    except Exception as exc:  # anything at load time is reported, then the child exits
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", {"name": backend.name, "n_ctx": backend.n_ctx}))
    while True:
        try:
            op, args, options = conn.recv()
        except EOFError:
            return
        try:
            if op == "cancel":
                continue  # arrived after the answer was complete: nothing left to stop
            if op == "count_tokens":
                conn.send(("ok", backend.count_tokens(args)))
            elif op == "stream":
                cancelled = False
                for piece in backend.stream(args, **options):
                    # The parent may stop reading early; it then says so between pieces.
                    if conn.poll():
                        conn.recv()
                        cancelled = True
                        break
                    conn.send(("piece", piece))
                conn.send(("end", cancelled))
            else:
                conn.send(("error", f"unknown request {op!r}"))
        except Exception as exc:  # a failed request must not end the serving loop
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


def _describe_exit(code: int | None) -> str:
    if code is None:
        return "stopped answering"
    if code < 0:
        try:
            return f"crashed ({signal.Signals(-code).name})"
        except ValueError:
            return f"crashed (signal {-code})"
    return f"exited with status {code}"


class ProcessLLM:
    """The `LLM` protocol over a llama.cpp model living in a spawned child process.

    Requests are served one at a time (callers queue on a lock). If the child dies, the
    call raises `LLMUnavailable` and the next call starts a fresh child.
    """

    def __init__(self, path: str, *, n_ctx: int = 4096, n_threads: int = 1, timeout: float = 600.0):
        self.path = path
        self.name = Path(path).stem
        self.n_ctx = n_ctx
        self.n_threads = n_threads
        self.timeout = timeout
        self._lock = threading.Lock()
        self._process = None
        self._conn = None
        self._finalizer = None

    @property
    def pid(self) -> int | None:
        """Process id of the running child, if any."""
        return self._process.pid if self._process and self._process.is_alive() else None

    def start(self) -> None:
        """Start the child and wait until the model is loaded (done lazily by every call)."""
        with self._lock:
            self._ensure_started()

    def close(self) -> None:
        """Stop the child process."""
        with self._lock:
            self._stop()

    def count_tokens(self, text: str) -> int:
        """Number of tokens of `text`, counted by the model's tokenizer in the child."""
        with self._lock:
            self._ensure_started()
            self._send(("count_tokens", text, {}))
            return self._receive()[1]

    def generate(self, messages: list[dict], **options) -> str:
        """Answer a chat in one piece."""
        return "".join(self.stream(messages, **options))

    def stream(self, messages: list[dict], **options) -> Iterator[str]:
        """Yield the answer piece by piece as the child produces it."""
        with self._lock:
            self._ensure_started()
            self._send(("stream", messages, options))
            finished = False
            try:
                while True:
                    try:
                        kind, value = self._receive()
                    except LLMError:
                        finished = True  # the child reported the error and waits for more
                        raise
                    if kind == "end":
                        finished = True
                        return
                    yield value
            finally:
                if not finished and self._process is not None:
                    self._cancel()

    def _cancel(self) -> None:
        """The caller stopped reading: tell the child, then drain up to its end marker."""
        try:
            self._conn.send(("cancel", None, {}))
            while self._receive()[0] != "end":
                pass
        except LLMError:
            self._stop()

    def _ensure_started(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        self._stop()
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(
            target=_serve,
            args=(child, self.path, self.n_ctx, self.n_threads),
            name=f"llm-{self.name}",
            daemon=True,
        )
        process.start()
        # Only the child may hold its end, so that its death shows here as end-of-file.
        child.close()
        self._process, self._conn = process, parent
        self._finalizer = weakref.finalize(self, _terminate, process)
        kind, info = self._receive(timeout=LOAD_TIMEOUT)
        if kind != "ready":
            self._stop()
            raise LLMUnavailable(f"the model {self.name} could not be loaded: {info}")
        self.name, self.n_ctx = info["name"], info["n_ctx"]

    def _send(self, message) -> None:
        try:
            self._conn.send(message)
        except (BrokenPipeError, OSError) as exc:
            raise self._lost("could not be reached") from exc

    def _receive(self, timeout: float | None = None):
        """Next message from the child; a crash or a timeout becomes LLMUnavailable."""
        limit = timeout or self.timeout
        try:
            answered = self._conn.poll(limit)
            message = self._conn.recv() if answered else None
        except (EOFError, OSError) as exc:
            self._process.join(timeout=5)
            raise self._lost(_describe_exit(self._process.exitcode)) from exc
        if message is None:
            raise self._lost(f"did not answer within {limit:.0f} s")
        if message[0] == "error":
            raise LLMError(message[1])
        return message

    def _lost(self, what: str) -> LLMUnavailable:
        """Stop the child and describe why it is gone."""
        name = self.name
        self._stop()
        return LLMUnavailable(
            f"the model process ({name}) {what}; it will be restarted on the next request"
        )

    def _stop(self) -> None:
        if self._finalizer is not None:
            self._finalizer()
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = self._finalizer = None


def _terminate(process) -> None:
    if process.is_alive():
        process.terminate()
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
    process.join(timeout=1)
