"""llama-cpp-python backend: a GGUF model in this process (the only module importing llama_cpp)."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import llama_cpp
from llama_cpp import llama_chat_format
from llama_cpp.llama_grammar import LlamaGrammar

from models.llm import LLMError

# SmolLM2 and most instruction GGUFs ship a ChatML template; used only when the file has none.
CHATML = (
    "{% for message in messages %}<|im_start|>{{ message['role'] }}\n"
    "{{ message['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
_load_lock = threading.Lock()


@contextlib.contextmanager
def _without_extra_buffer_types():
    """Load weights without repacking into extra buffer types.

    On CPUs with AMX, llama.cpp's repacked AMX buffers segfault on the first decode; the
    `Llama` constructor exposes no switch for it, so the default params are patched while
    the model loads.
    """
    original = llama_cpp.llama_cpp.llama_model_default_params

    def patched():
        params = original()
        if hasattr(params, "use_extra_bufts"):
            params.use_extra_bufts = False
        return params

    with _load_lock:
        llama_cpp.llama_cpp.llama_model_default_params = patched
        try:
            yield
        finally:
            llama_cpp.llama_cpp.llama_model_default_params = original


class LlamaBackend:
    """A GGUF model run by llama.cpp; one call at a time (a llama.cpp context is not
    thread-safe)."""

    def __init__(self, path: str, *, n_ctx: int = 4096, n_threads: int = 1):
        with _without_extra_buffer_types():
            try:
                self._llama = llama_cpp.Llama(
                    model_path=path,
                    n_ctx=n_ctx,
                    n_batch=512,
                    n_threads=n_threads,
                    n_threads_batch=n_threads,
                    verbose=False,
                )
            except (ValueError, RuntimeError) as exc:
                raise LLMError(f"could not load {path}: {exc}") from exc
        self.name = Path(path).stem
        self.n_ctx = self._llama.n_ctx()
        self._lock = threading.Lock()
        self._grammars: dict[str, LlamaGrammar] = {}
        meta = self._llama.metadata
        model = self._llama._model
        eos_id, bos_id = self._llama.token_eos(), self._llama.token_bos()
        self._eos = model.token_get_text(eos_id) if eos_id != -1 else ""
        self._bos = model.token_get_text(bos_id) if bos_id != -1 else ""
        self._formatter = llama_chat_format.Jinja2ChatFormatter(
            template=meta.get("tokenizer.chat_template") or CHATML,
            eos_token=self._eos,
            bos_token=self._bos,
        )

    def prompt_tokens(self, messages: list[dict]) -> list[int]:
        """The chat rendered by the GGUF's own template, tokenised as the model will read it."""
        prompt = self._formatter(messages=messages).prompt
        add_bos = bool(self._bos) and not prompt.startswith(self._bos)
        return self._llama.tokenize(prompt.encode("utf-8"), add_bos=add_bos, special=True)

    def count_tokens(self, text: str) -> int:
        """Number of tokens of `text` alone (no template, no BOS)."""
        return len(self._llama.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def generate(self, messages: list[dict], **options) -> str:
        """Answer a chat in one piece."""
        return "".join(self.stream(messages, **options))

    def stream(
        self,
        messages: list[dict],
        *,
        max_tokens: int = 256,
        temperature: float = 0.2,
        json_schema: dict | None = None,
        stop: list[str] | None = None,
    ) -> Iterator[str]:
        """Yield the answer piece by piece; the system message goes first so that the
        KV cache of an unchanged prefix is reused by the next call."""
        with self._lock:
            tokens = self.prompt_tokens(messages)
            if len(tokens) + max_tokens > self.n_ctx:
                raise LLMError(
                    f"prompt of {len(tokens)} tokens plus {max_tokens} to generate does not "
                    f"fit the {self.n_ctx}-token context"
                )
            chunks = self._llama.create_completion(
                tokens,
                max_tokens=max_tokens,
                temperature=temperature,
                stop=[s for s in [self._eos, *(stop or [])] if s],
                grammar=self._grammar(json_schema) if json_schema else None,
                stream=True,
            )
            for chunk in chunks:
                text = chunk["choices"][0]["text"]
                if text:
                    yield text

    def _grammar(self, schema: dict) -> LlamaGrammar:
        key = json.dumps(schema, sort_keys=True)
        if key not in self._grammars:
            self._grammars[key] = LlamaGrammar.from_json_schema(key, verbose=False)
        return self._grammars[key]
