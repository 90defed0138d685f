"""Turning a sentence-transformers model into an ONNX model, once, with torch.

The whole sentence-transformers pipeline (transformer, pooling, and normalization when the model
has it) is traced into one graph, so the pooling is exactly the model's own. The tokenizer is
saved beside it as the model's own fast tokenizer with sentence-transformers' truncation and
padding, so ONNX Runtime sees the same word pieces. w8 stores the fp32 graph's MatMul weights as
8-bit integers (ONNX Runtime's weight-only MatMulNBits); int8 is ONNX Runtime's dynamic
quantization of the fp32 graph. This is the only module that imports torch, and only while
exporting.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import warnings
from pathlib import Path
from typing import Any

PRECISIONS = ("fp32", "w8", "int8")
# Bumped whenever the export changes (opset, quantization, layout): older cached exports are
# redone. 2: weights in an external data file.
RECIPE = 2
OPSET = 17
MODEL_FILE = "model.onnx"
# The weights live beside the graph in one file that ONNX Runtime maps into memory instead of
# copying: only the pages a computation touches are resident, so the 47 MB word-embedding table
# costs the few rows a question uses. Measured on the fp32 MiniLM, one single-threaded session:
# peak RSS 192 -> 104 MB while loading and 178 -> 122 MB after a first query (imports 50 MB);
# the graph and the vectors are unchanged.
DATA_FILE = "model.onnx.data"
TOKENIZER_FILE = "tokenizer.json"
CONFIG_FILE = "embedder.json"


def file_sha256(*paths: Path) -> str:
    """One sha256 over the files' bytes, in order (the graph, then its weights)."""
    digest = hashlib.sha256()
    for path in paths:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def model_sha256(folder: Path) -> str:
    """The export's hash: its graph and, when it has one, its external weights file."""
    files = [folder / MODEL_FILE, folder / DATA_FILE]
    return file_sha256(*(f for f in files if f.is_file()))


def export_model(model_name: str, model_path: str, folder: Path, precision: str) -> None:
    """Write model.onnx, tokenizer.json and embedder.json into `folder` (made atomically)."""
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {PRECISIONS}, not {precision!r}")
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        # The tracer and the quantizer warn about things that do not apply to this graph.
        logging.disable(logging.WARNING)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            config = _export_into(model_name, model_path, staging, precision)
        (staging / CONFIG_FILE).write_text(json.dumps(config, indent=1))
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(staging, folder)
    finally:
        logging.disable(logging.NOTSET)
        # The quantizer calls logging.warning(), which gives the root logger a handler of its
        # own (logging.basicConfig): the application's logging setup must not change.
        root.handlers[:] = handlers
        root.setLevel(level)
        shutil.rmtree(staging, ignore_errors=True)


def _export_into(model_name: str, model_path: str, staging: Path, precision: str) -> dict[str, Any]:
    import torch
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(model_path, device="cpu").eval()
    tokenizer = model.tokenizer
    input_names = [
        name
        for name in ("input_ids", "attention_mask", "token_type_ids")
        if name in tokenizer.model_input_names
    ]
    sample = tokenizer(
        ["A sample sentence to trace.", "Another one."], padding=True, return_tensors="pt"
    )
    fp32_path = staging / (MODEL_FILE if precision == "fp32" else "model-fp32.onnx")
    dynamic = {name: {0: "batch", 1: "tokens"} for name in input_names}
    with torch.inference_mode():
        torch.onnx.export(
            _pipeline(model, input_names),
            tuple(sample[name] for name in input_names),
            str(fp32_path),
            input_names=input_names,
            output_names=["sentence_embedding"],
            dynamic_axes={**dynamic, "sentence_embedding": {0: "batch"}},
            opset_version=OPSET,
            dynamo=False,
        )
    if precision != "fp32":
        _quantize(fp32_path, staging / MODEL_FILE, precision)
        fp32_path.unlink()
    _weights_to_data_file(staging / MODEL_FILE)
    _save_tokenizer(model, staging / TOKENIZER_FILE)
    return _recipe(model, model_name, model_path, precision, input_names, staging)


def _recipe(
    model: Any, model_name: str, model_path: str, precision: str, inputs: list[str], staging: Path
) -> dict[str, Any]:
    """What the export was made from and how, written beside it."""
    first = model._first_module()
    return {
        "recipe": RECIPE,
        "model": model_name,
        "source": model_path,
        "precision": precision,
        "dim": int(_embedding_dim(model)),
        "max_seq_length": int(model.max_seq_length),
        "do_lower_case": bool(getattr(first, "do_lower_case", False)),
        "normalized_in_graph": any(type(m).__name__ == "Normalize" for m in model),
        "input_names": inputs,
        "onnx_sha256": model_sha256(staging),
    }


def _quantize(source: Path, target: Path, precision: str) -> None:
    """The fp32 graph at `source` quantized to `precision` ("w8" or "int8") into `target`."""
    if precision == "w8":
        _weights_to_int8_blocks(source, target)
        return
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # Per-channel int8 weights on the MatMuls only: cosine to fp32 0.9935 mean on the dev
    # questions, against 0.965 for the defaults (which also quantize the embedding table).
    quantize_dynamic(
        source,
        target,
        weight_type=QuantType.QInt8,
        per_channel=True,
        op_types_to_quantize=["MatMul"],
    )


def _weights_to_int8_blocks(source: Path, target: Path) -> None:
    """The fp32 graph with each MatMul's weights as 8-bit integers in blocks of 32 along the
    input axis, one fp32 scale per block (MatMulNBits, symmetric), multiplied by ONNX Runtime's
    int8 kernels (accuracy level 4: activations quantized per row and block, never across the
    batch, so a text's vector does not depend on what it is batched with). The word-embedding
    table, the layer norms and the pooling stay fp32.

    Measured against fp32 on 2 cores (163 dev questions, 310 note lines): cosine 0.9997 mean,
    0.9995 at worst (dynamic int8: 0.9935); CPU per query 6.1 ms against 9.8; the session's
    resident memory after a query 79 MB against 103 MB."""
    import onnx
    from onnxruntime.quantization.matmul_nbits_quantizer import MatMulNBitsQuantizer

    quantizer = MatMulNBitsQuantizer(
        onnx.load(str(source)), bits=8, block_size=32, is_symmetric=True, accuracy_level=4
    )
    quiet = logging.getLogger("onnxruntime.quantization.matmul_nbits_quantizer")
    level = quiet.level
    quiet.setLevel(logging.WARNING)  # one INFO line per node it skips
    try:
        quantizer.process()
    finally:
        quiet.setLevel(level)
    onnx.save_model(quantizer.model.model, str(target))


def _weights_to_data_file(path: Path) -> None:
    """Rewrite `path` with its weights in DATA_FILE beside it (see DATA_FILE)."""
    import onnx

    graph = onnx.load(str(path))
    path.unlink()
    onnx.save_model(
        graph,
        str(path),
        save_as_external_data=True,
        all_tensors_to_one_file=True,
        location=DATA_FILE,
        size_threshold=1024,
    )


def _embedding_dim(model: Any) -> int:
    get_dim = getattr(model, "get_embedding_dimension", None) or (
        model.get_sentence_embedding_dimension
    )
    return int(get_dim())


def _save_tokenizer(model: Any, path: Path) -> None:
    """The model's fast tokenizer, set to truncate and pad as sentence-transformers asks."""
    tokenizer = model.tokenizer
    backend = tokenizer.backend_tokenizer
    from tokenizers import Tokenizer

    copy = Tokenizer.from_str(backend.to_str())
    copy.enable_truncation(max_length=int(model.max_seq_length))
    copy.enable_padding(
        pad_id=int(tokenizer.pad_token_id), pad_token=str(tokenizer.pad_token), direction="right"
    )
    copy.save(str(path))


def _pipeline_class() -> type:
    import torch

    class Pipeline(torch.nn.Module):
        """The sentence-transformers forward pass with positional tensor inputs."""

        def __init__(self, model: Any, input_names: list[str]) -> None:
            super().__init__()
            self.model = model
            self.input_names = input_names

        def forward(self, *inputs: Any) -> Any:
            features = dict(zip(self.input_names, inputs, strict=True))
            return self.model(features)["sentence_embedding"]

    return Pipeline


def _pipeline(model: Any, input_names: list[str]) -> Any:
    return _pipeline_class()(model, input_names).eval()


def main() -> None:
    """`python -m retrieval.onnx_export [MODEL]`: export a model (the bundled one by default) at
    the default precision into the environment's install-time folder, once, so no first index
    pays for torch (about 20 s on two cores)."""
    import sys

    from retrieval.embed import DEFAULT_PRECISION, installed_models_dir, load_onnx_embedder

    model = sys.argv[1] if len(sys.argv) > 1 else "all-MiniLM-L6-v2"
    embedder = load_onnx_embedder(model, installed_models_dir(), DEFAULT_PRECISION)
    print(f"ONNX export of {model} ({embedder.precision}) in {embedder.folder}")


if __name__ == "__main__":
    main()
