"""The OpenAI-compatible HTTP backend against a small local server speaking that protocol."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from models.llm import LLMError, LLMUnavailable, load_llm
from models.openai_backend import OpenAIBackend


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append((self.path, body))
        if self.path == "/tokenize":
            return self._json({"tokens": list(range(len(body["content"].split())))})
        if self.path != "/v1/chat/completions":
            return self._json({"error": "no such route"}, status=404)
        words = ["Ana", " will", " draft", " the", " plan."]
        if not body.get("stream"):
            return self._json({"choices": [{"message": {"content": "".join(words)}}]})
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        for word in words:
            event = {"choices": [{"delta": {"content": word}}]}
            self.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
        self.wfile.write(b"data: [DONE]\n\n")

    def _json(self, data, status=200):
        raw = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _url(server):
    return f"http://127.0.0.1:{server.server_address[1]}/v1"


MESSAGES = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Plan?"}]


def test_load_llm_parses_openai_spec(server):
    llm = load_llm(f"openai:{_url(server)}#qwen2.5-1.5b", n_ctx=8192)
    assert isinstance(llm, OpenAIBackend)
    assert llm.name == "openai:qwen2.5-1.5b"
    assert llm.n_ctx == 8192


def test_generate_sends_chat_and_schema(server):
    llm = load_llm(f"openai:{_url(server)}#m")
    schema = {"type": "object", "properties": {"x": {"type": "string"}}}
    assert llm.generate(MESSAGES, max_tokens=20, json_schema=schema) == "Ana will draft the plan."
    path, body = server.requests[-1]
    assert path == "/v1/chat/completions"
    assert body["messages"] == MESSAGES and body["max_tokens"] == 20 and body["model"] == "m"
    assert body["response_format"]["json_schema"]["schema"] == schema


def test_stream_yields_server_sent_pieces(server):
    llm = load_llm(f"openai:{_url(server)}#m")
    pieces = list(llm.stream(MESSAGES, stop=["\n"]))
    assert pieces == ["Ana", " will", " draft", " the", " plan."]
    assert server.requests[-1][1]["stop"] == ["\n"]


def test_count_tokens_uses_server_tokenizer(server):
    llm = load_llm(f"openai:{_url(server)}#m")
    assert llm.count_tokens("one two three four") == 4


def test_count_tokens_estimates_without_tokenize_route():
    llm = OpenAIBackend("http://127.0.0.1:9/v1", model="m")
    # Nothing listens on port 9: the estimate is pessimistic (3 characters per token).
    assert llm.count_tokens("x" * 300) == 100


def test_unreachable_server_is_unavailable():
    llm = OpenAIBackend("http://127.0.0.1:9/v1", model="m", timeout=2)
    with pytest.raises(LLMUnavailable, match="cannot reach"):
        llm.generate(MESSAGES)


def test_http_error_is_llm_error(server):
    llm = OpenAIBackend(f"http://127.0.0.1:{server.server_address[1]}/nope", model="m")
    with pytest.raises(LLMError, match="404"):
        llm.generate(MESSAGES)
