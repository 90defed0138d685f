"""Shared bench helpers: percentiles, timing, loading the evaluation sets, a built index."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q)) if values else float("nan")


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def heading_matches(source: str, heading_path: tuple[str, ...], file: str, heading: str) -> bool:
    """A passage is the expected one when it is in that file and under that (deepest) heading."""
    return Path(source).name == Path(file).name and any(
        h.strip().lower() == heading.strip().lower() for h in heading_path
    )
