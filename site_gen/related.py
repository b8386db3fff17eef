"""Related practices: those sharing the most topics and beleidsdomeinen, newest first.

Counting shared values against every other practice grows with the square of the
collection (10,000 practices: 13 s). Instead, each practice is indexed under every
combination of up to three of its values. A practice's best matches share the most
values, so they are found under the largest combinations of its own values first, and
only as many as are needed are taken from the smaller ones, newest first.
"""

from __future__ import annotations

import heapq
import itertools
from collections import defaultdict
from typing import Iterator

from .model import Practice

RELATED_FIELDS = ("topics", "beleidsdomeinen")
MAX_COMBINATION = 3


def _keys(practice: Practice) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((name, value) for name in RELATED_FIELDS for value in practice.data.get(name) or ()))


def related_practices(practices: list[Practice], limit: int = 4) -> dict[str, list[Practice]]:
    """For each slug, up to ``limit`` others ranked by shared values, then newest first.

    ``practices`` come sorted newest first, so a position is also the tie-break.
    """
    keys = [_keys(p) for p in practices]
    bits = {key: 1 << n for n, key in enumerate(sorted({k for ks in keys for k in ks}))}
    masks = [sum(bits[k] for k in ks) for ks in keys]
    index: dict[tuple, list[int]] = defaultdict(list)  # combination of values -> positions, in order
    for position, mine in enumerate(keys):
        for size in range(1, min(len(mine), MAX_COMBINATION) + 1):
            for combination in itertools.combinations(mine, size):
                index[combination].append(position)
    return {
        practice.slug: [practices[j] for j in _best(i, keys[i], masks, index, limit)]
        for i, practice in enumerate(practices)
    }


def _best(i: int, mine: tuple, masks: list[int], index: dict[tuple, list[int]], limit: int) -> list[int]:
    found: list[int] = []
    seen = {i}
    top = min(len(mine), MAX_COMBINATION)
    for size in range(top, 0, -1):
        lists = [index[c] for c in itertools.combinations(mine, size)]
        if size == top < len(mine):
            # Sharing at least `top` values, possibly more: rank these by the exact count.
            candidates = set(itertools.chain.from_iterable(lists)) - seen
            ranked = heapq.nsmallest(limit - len(found), candidates, key=lambda j: (-(masks[i] & masks[j]).bit_count(), j))
            found += ranked
            seen.update(candidates)
        else:
            # Everyone new here shares exactly `size` values: take the newest.
            for j in _unseen(heapq.merge(*lists), seen):
                found.append(j)
                if len(found) == limit:
                    break
        if len(found) >= limit:
            break
    return found[:limit]


def _unseen(positions: Iterator[int], seen: set[int]) -> Iterator[int]:
    for j in positions:
        if j not in seen:
            seen.add(j)
            yield j
