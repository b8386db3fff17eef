"""Related practices: those sharing the most topics and beleidsdomeinen."""

from __future__ import annotations

import heapq
from collections import defaultdict

from .model import Practice

RELATED_FIELDS = ("topics", "beleidsdomeinen")


def related_practices(practices: list[Practice], limit: int = 4) -> dict[str, list[Practice]]:
    """For each slug, up to ``limit`` others ranked by shared values, then newest first.

    An inverted index (value -> practices) keeps this near-linear: a practice is only
    compared with practices it shares something with.
    """
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, practice in enumerate(practices):
        for name in RELATED_FIELDS:
            for value in practice.data.get(name) or ():
                index[(name, value)].append(i)
    result: dict[str, list[Practice]] = {}
    for i, practice in enumerate(practices):
        shared: dict[int, int] = defaultdict(int)
        for name in RELATED_FIELDS:
            for value in practice.data.get(name) or ():
                for j in index[(name, value)]:
                    if j != i:
                        shared[j] += 1
        best = heapq.nsmallest(limit, shared, key=lambda j: (-shared[j], practices[j].sort_key))
        result[practice.slug] = [practices[j] for j in best]
    return result
