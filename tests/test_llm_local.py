"""The bundled SmolLM2 GGUF through llama.cpp, in a child process and in-process."""

import json
import os
import signal

import pytest

from models.llm import LLM, LLMUnavailable, bundled_gguf_path, load_llm

MESSAGES = [
    {"role": "system", "content": "You are a concise assistant."},
    {"role": "user", "content": "Name three colours."},
]


def test_bundled_gguf_is_found():
    path = bundled_gguf_path()
    assert path.suffix == ".gguf" and path.stat().st_size > 10_000_000


def test_missing_model_file_is_unavailable(tmp_path):
    with pytest.raises(LLMUnavailable, match="not found"):
        load_llm(str(tmp_path / "absent.gguf"))


def test_environment_chooses_the_model(tmp_path, monkeypatch):
    monkeypatch.setenv("COMPANION_LLM_MODEL", str(tmp_path / "custom.gguf"))
    with pytest.raises(LLMUnavailable, match="custom.gguf"):
        load_llm()


@pytest.fixture(scope="module")
def isolated():
    llm = load_llm(None, n_ctx=2048)
    yield llm
    llm.close()


@pytest.mark.slow
def test_isolated_model_generates_streams_and_counts(isolated):
    assert isinstance(isolated, LLM)
    text = isolated.generate(MESSAGES, max_tokens=24, temperature=0.0)
    assert text.strip()
    pieces = list(isolated.stream(MESSAGES, max_tokens=24, temperature=0.0))
    assert len(pieces) > 1 and "".join(pieces) == text  # greedy: same answer both ways
    assert isolated.count_tokens("Ana will send the report by Friday.") > 5
    assert isolated.n_ctx == 2048


@pytest.mark.slow
def test_json_schema_constrains_the_answer(isolated):
    schema = {
        "type": "object",
        "properties": {"colours": {"type": "array", "items": {"type": "string"}, "maxItems": 3}},
        "required": ["colours"],
    }
    data = json.loads(isolated.generate(MESSAGES, max_tokens=60, json_schema=schema))
    assert isinstance(data["colours"], list) and len(data["colours"]) <= 3


@pytest.mark.slow
def test_stopping_a_stream_early_leaves_the_model_usable(isolated):
    stream = isolated.stream(MESSAGES, max_tokens=64)
    next(stream)
    stream.close()
    assert isolated.generate(MESSAGES, max_tokens=8, temperature=0.0).strip()


@pytest.mark.slow
def test_crash_in_child_is_unavailable_then_recovers(isolated):
    isolated.start()
    os.kill(isolated.pid, signal.SIGSEGV)
    with pytest.raises(LLMUnavailable, match="crashed"):
        isolated.generate(MESSAGES, max_tokens=8)
    assert isolated.pid is None
    assert isolated.generate(MESSAGES, max_tokens=8, temperature=0.0).strip()
    assert isolated.pid is not None


@pytest.mark.slow
def test_in_process_backend_uses_the_gguf_chat_template():
    from models.llama_backend import LlamaBackend

    llm = load_llm(None, isolated=False, n_ctx=1024)
    assert isinstance(llm, LlamaBackend)
    tokens = llm.prompt_tokens(MESSAGES)
    prompt = llm._llama.detokenize(tokens, special=True).decode()
    # SmolLM2's template (read from the GGUF metadata) is ChatML.
    assert "<|im_start|>system\nYou are a concise assistant.<|im_end|>" in prompt
    assert prompt.rstrip().endswith("<|im_start|>assistant")
    assert llm.generate(MESSAGES, max_tokens=8, temperature=0.0).strip()
