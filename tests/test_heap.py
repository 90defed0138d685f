"""common/heap.py: start-up objects leave the collector's full passes, and a later settle (after
an index swap) still lets the old build's objects go."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from common import heap


class Build:
    """Stands in for a loaded index: an object in a reference cycle, so only the cyclic
    collector can free it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture(autouse=True)
def unfrozen_after() -> Iterator[None]:
    yield
    heap.unsettle()


def test_settled_objects_are_left_alone_by_full_collections() -> None:
    build = Build()
    alive = weakref.ref(build)
    assert heap.settle() >= 1
    del build
    gc.collect()
    assert alive() is not None  # frozen: a full pass did not walk it


def test_settling_again_lets_an_old_build_go() -> None:
    old = Build()
    gone = weakref.ref(old)
    heap.settle()
    del old  # the index was swapped: nothing refers to the old build any more
    heap.settle()
    assert gone() is None


def test_unsettle_returns_to_ordinary_collection() -> None:
    build = Build()
    alive = weakref.ref(build)
    heap.settle()
    heap.unsettle()
    assert gc.get_freeze_count() == 0
    del build
    gc.collect()
    assert alive() is None
