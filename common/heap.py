"""The long-running processes' heap: what was loaded at start-up is kept out of the cyclic
garbage collector's full passes.

A serving process holds some 150,000 container objects once the index, model session, bank and
Slack app are loaded, and they live as long as it does. Python's full (generation 2) collection
walks every one of them: a stop-the-world pause of 100-250 ms on these machines, which landed on
whatever Slack requests were in flight (bench/slack_load.py: ack p99 190-320 ms with it, 60 ms
without). `settle()` collects once, then freezes the survivors so later collections only walk
what was made since; a full collection happens as before for newer objects.
"""

from __future__ import annotations

import gc


def settle() -> int:
    """Collect, then freeze everything alive now; returns how many objects were frozen. Call it
    when start-up is done (and again after swapping in a new index: it unfreezes first, so the
    old build's objects can be collected)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def unsettle() -> None:
    """Back to ordinary collection of everything (for a test or bench that changes designs)."""
    gc.unfreeze()
