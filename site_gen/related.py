"""Related practices: those sharing the most topics and beleidsdomeinen."""

from __future__ import annotations

import heapq
import itertools
from collections import Counter, defaultdict

from .model import Practice

RELATED_FIELDS = ("topics", "beleidsdomeinen")


def related_practices(practices: list[Practice], limit: int = 4) -> dict[str, list[Practice]]:
    """For each slug, up to ``limit`` others ranked by shared values, then newest first.

    ``practices`` come sorted newest first, so a position is also the tie-break. An
    inverted index (value -> positions) means a practice is only compared with the
    practices it shares something with, and Counter does the counting in C.
    """
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    keys = []
    for i, practice in enumerate(practices):
        mine = [(name, value) for name in RELATED_FIELDS for value in practice.data.get(name) or ()]
        keys.append(mine)
        for key in mine:
            index[key].append(i)
    result: dict[str, list[Practice]] = {}
    for i, practice in enumerate(practices):
        shared = Counter(itertools.chain.from_iterable(index[key] for key in keys[i]))
        shared.pop(i, None)
        best = heapq.nsmallest(limit, shared.items(), key=lambda item: (-item[1], item[0]))
        result[practice.slug] = [practices[j] for j, _ in best]
    return result
