"""Python's cycle collector during a build: fewer runs while a build makes millions of
small objects, and none over what a forked process shares with this one.

The collector runs each time 700 more objects exist than it last saw, and then walks
them; a build that keeps its pages, search terms and postings alive until the end pays
for that again and again (half the search index's time at 1,000 practices). What a
build makes is almost never cyclic garbage, so a collection every 100,000 objects frees
as much.
"""

from __future__ import annotations

import contextlib
import gc
from typing import Iterator

THRESHOLD = (100_000, 50, 50)


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Within the block, the collector runs once per ``THRESHOLD[0]`` new objects."""
    before = gc.get_threshold()
    gc.set_threshold(*THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)


class SharedWithForks:
    """What a process forked from this one shares with it stays shared: from ``hold()``
    (just before forking) the objects made so far are left out of the collector's runs,
    in this process and in the child, which would otherwise write into every one of them
    and so give each process its own copy of every memory page (hundreds of MB at 10,000
    practices). They are collected again once every holder has let go."""

    holders = 0

    def __init__(self) -> None:
        self.held = False

    def hold(self) -> None:
        gc.freeze()  # also the objects made since another holder's hold()
        if not self.held:
            self.held = True
            SharedWithForks.holders += 1

    def release(self) -> None:
        if self.held:
            self.held = False
            SharedWithForks.holders -= 1
            if SharedWithForks.holders == 0:
                gc.unfreeze()
