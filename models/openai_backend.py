"""OpenAI-compatible chat completions over HTTP (llama.cpp server, vLLM) for a model on
another host."""

from __future__ import annotations

import json
import math
import urllib.error
import urllib.request
from collections.abc import Iterator

from models.llm import LLMError, LLMUnavailable

# Without the server's tokenizer, assume a pessimistic 3 characters per token so that
# map-reduce chunks never overflow the context.
CHARS_PER_TOKEN = 3.0


class OpenAIBackend:
    """A chat model behind `POST {base_url}/chat/completions`."""

    def __init__(
        self, base_url: str, *, model: str | None = None, n_ctx: int = 4096, timeout: float = 120
    ):
        self.base_url = base_url.rstrip("/")
        self.model = model or "default"
        self.name = f"openai:{self.model}"
        self.n_ctx = n_ctx
        self.timeout = timeout

    def count_tokens(self, text: str) -> int:
        """Tokens of `text` by the server's `/tokenize` (llama.cpp), else an estimate."""
        root = self.base_url.removesuffix("/v1")
        try:
            reply = self._post(f"{root}/tokenize", {"content": text}, timeout=10)
            return len(json.load(reply)["tokens"])
        except (LLMError, KeyError, ValueError):
            return math.ceil(len(text) / CHARS_PER_TOKEN)

    def generate(self, messages: list[dict], **options) -> str:
        """Answer a chat in one piece."""
        reply = self._post(self.base_url + "/chat/completions", self._body(messages, **options))
        try:
            return json.load(reply)["choices"][0]["message"]["content"] or ""
        except (KeyError, IndexError, ValueError) as exc:
            raise LLMError(f"unexpected answer from {self.base_url}: {exc}") from exc

    def stream(self, messages: list[dict], **options) -> Iterator[str]:
        """Yield the answer as the server streams it (server-sent events)."""
        body = self._body(messages, stream=True, **options)
        reply = self._post(self.base_url + "/chat/completions", body)
        with reply:
            for raw in reply:
                line = raw.decode("utf-8").strip()
                if not line.startswith("data:"):
                    continue
                data = line[len("data:") :].strip()
                if data == "[DONE]":
                    return
                try:
                    delta = json.loads(data)["choices"][0].get("delta", {})
                except (KeyError, IndexError, ValueError) as exc:
                    raise LLMError(f"unexpected event from {self.base_url}: {data!r}") from exc
                if delta.get("content"):
                    yield delta["content"]

    def _body(
        self,
        messages: list[dict],
        *,
        max_tokens: int = 256,
        temperature: float = 0.2,
        json_schema: dict | None = None,
        stop: list[str] | None = None,
        stream: bool = False,
    ) -> dict:
        body = {
            "model": self.model,
            "messages": messages,
            "max_tokens": max_tokens,
            "temperature": temperature,
            "stream": stream,
        }
        if stop:
            body["stop"] = stop
        if json_schema:
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "answer", "schema": json_schema, "strict": True},
            }
        return body

    def _post(self, url: str, body: dict, timeout: float | None = None):
        request = urllib.request.Request(
            url,
            data=json.dumps(body).encode("utf-8"),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            return urllib.request.urlopen(request, timeout=timeout or self.timeout)
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:300]
            raise LLMError(f"{url} answered {exc.code}: {detail}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise LLMUnavailable(f"cannot reach the model server {url}: {exc}") from exc
