"""ONNX Runtime encoder for a local sentence-transformers model (offline export, optional int8)."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)


def _default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "companion" / "onnx"


def _model_key(path: Path) -> str:
    """Key the export by the weights file, so replaced weights are exported again."""
    weights = next(
        p for p in (path / "model.safetensors", path / "pytorch_model.bin") if p.exists()
    )
    stat = weights.stat()
    raw = f"{path.resolve()}|{stat.st_size}|{int(stat.st_mtime)}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def export_onnx(path: Path, out: Path) -> None:
    """Export the transformer of a local model to ONNX (torch's exporter, no network)."""
    import torch
    from transformers import AutoModel

    class _Hidden(torch.nn.Module):
        # Keyword call: positional order of forward() differs across transformers versions.
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            out = self.inner(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )
            return out.last_hidden_state

    inner = AutoModel.from_pretrained(str(path), local_files_only=True, attn_implementation="eager")
    model = _Hidden(inner.eval()).eval()
    ids = torch.ones((2, 16), dtype=torch.long)
    inputs = (ids, torch.ones_like(ids), torch.zeros_like(ids))
    axes = {0: "batch", 1: "tokens"}
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with torch.no_grad():
        torch.onnx.export(
            model,
            inputs,
            str(tmp),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={
                "input_ids": axes,
                "attention_mask": axes,
                "token_type_ids": axes,
                "last_hidden_state": axes,
            },
            opset_version=17,
            dynamo=False,
        )
    os.replace(tmp, out)


def quantize(src: Path, out: Path) -> None:
    """Write a dynamically int8-quantised copy of an ONNX model."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tmp = out.with_name(out.name + ".tmp.onnx")
    # Per-channel weights keep MiniLM's embeddings much closer to fp32 than per-tensor ones.
    quantize_dynamic(str(src), str(tmp), weight_type=QuantType.QInt8, per_channel=True)
    os.replace(tmp, out)


class OnnxEncoder:
    """Tokenise with the model's tokenizer.json, run ONNX Runtime, pool and normalise."""

    def __init__(
        self, session, tokenizer, dim: int, max_seq_length: int, pooling: str, pad_id: int = 0
    ):
        self.session = session
        self.tokenizer = tokenizer
        self.pad_id = pad_id
        self.dim = dim
        self.max_seq_length = max_seq_length
        self.pooling = pooling
        self._inputs = {i.name for i in session.get_inputs()}

    @classmethod
    def load(cls, path: Path, quantized: bool, threads: int = 2, cache_dir=None) -> OnnxEncoder:
        """Load (exporting on first use) the ONNX form of the model at path."""
        import onnxruntime as ort
        from tokenizers import Tokenizer

        folder = Path(cache_dir or _default_cache()) / _model_key(path)
        fp32 = folder / "model.onnx"
        if not fp32.exists():
            log.info("exporting %s to ONNX in %s", path, folder)
            export_onnx(path, fp32)
        chosen = fp32
        if quantized:
            chosen = folder / "model-int8.onnx"
            if not chosen.exists():
                quantize(fp32, chosen)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        # Spinning threads steal the cores other processes need on a small shared machine.
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        session = ort.InferenceSession(str(chosen), opts, providers=["CPUExecutionProvider"])
        st_conf = _read_json(path / "sentence_bert_config.json")
        max_len = int(st_conf.get("max_seq_length", 256))
        tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        tokenizer.enable_truncation(max_len)
        tokenizer.enable_padding()
        pad_id = int(tokenizer.padding["pad_id"])
        # Texts are tokenised once unpadded, then padded per batch of similar token counts.
        tokenizer.no_padding()
        pool = _read_json(path / "1_Pooling" / "config.json")
        pooling = "cls" if pool.get("pooling_mode_cls_token") else "mean"
        dim = int(_read_json(path / "config.json")["hidden_size"])
        return cls(session, tokenizer, dim, max_len, pooling, pad_id)

    def get_embedding_dimension(self) -> int:
        """Return the embedding dimension."""
        return self.dim

    def _run(self, rows: list[list[int]]) -> np.ndarray:
        width = max(len(r) for r in rows)
        ids = np.full((len(rows), width), self.pad_id, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for n, row in enumerate(rows):
            ids[n, : len(row)] = row
            mask[n, : len(row)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run(None, feeds)[0]
        if self.pooling == "cls":
            return hidden[:, 0]
        weights = mask[..., None].astype(np.float32)
        return (hidden * weights).sum(1) / np.maximum(weights.sum(1), 1e-9)

    def encode(self, texts: list[str], batch_size: int = 64, normalize_embeddings=True, **_):
        """Return embeddings for texts, batched by token count so that little is padding
        (sorting by characters left a quarter of short phrases' tokens as padding)."""
        rows = [e.ids for e in self.tokenizer.encode_batch(list(texts))]
        lengths = [len(r) for r in rows]
        order = np.argsort([-n for n in lengths], kind="stable")
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for idx in _batches(order, lengths, batch_size):
            out[idx] = self._run([rows[i] for i in idx])
        if normalize_embeddings:
            out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out


# Tokens per batch: long passages go in small batches (better cache use), short phrases in
# full ones.
BATCH_TOKENS = 1024


def _batches(order: np.ndarray, lengths: list[int], max_items: int) -> list[np.ndarray]:
    """Split indices (longest first) into batches of at most `max_items` and ~BATCH_TOKENS."""
    batches, start = [], 0
    while start < len(order):
        longest = max(lengths[order[start]], 1)
        size = max(1, min(max_items, BATCH_TOKENS // longest))
        batches.append(order[start : start + size])
        start += size
    return batches


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
