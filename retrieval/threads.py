"""How many CPU threads one computation may use: the one place that decides it.

Serving computes each request on one thread (ONNX Runtime intra-op, FAISS OpenMP, torch when
loaded): four answer workers on two cores then share the cores instead of fighting over them
(measured: ask p50 324 ms with 2 threads each under load, 39 ms with one). An index build runs
inside `all_cores()` and uses every core it is allowed. The setting is per thread of the
process (a context variable), so a rebuild running in a serving process does not change the
thread count of the requests answered meanwhile.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

SERVE_THREADS = 1

_threads: ContextVar[int] = ContextVar("studybot_compute_threads", default=SERVE_THREADS)


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def compute_threads() -> int:
    """Threads the current computation may use: 1 when serving, every core in `all_cores()`."""
    return _threads.get()


def apply_faiss_threads() -> None:
    """Set FAISS's OpenMP thread count for the calling thread (OpenMP keeps it per thread)."""
    import faiss

    faiss.omp_set_num_threads(compute_threads())


def _apply_torch_threads(count: int) -> None:
    torch = sys.modules.get("torch")  # only when something already loaded it
    if torch is not None:
        torch.set_num_threads(count)


@contextmanager
def all_cores() -> Iterator[int]:
    """Within the block, computations in this thread use every available core."""
    count = available_cores()
    token = _threads.set(count)
    _apply_torch_threads(count)
    try:
        yield count
    finally:
        _threads.reset(token)
        _apply_torch_threads(compute_threads())
