"""The full-text index: every term of every document with its lunr score per field.

Scores are exactly what the ``lunr`` package's ``Builder`` computes (BM25 with lunr's
idf, k1 = 1.2, b = 0.75, field boosts, rounded to three decimals); a test builds the
same documents with ``lunr.Builder`` and compares. We count terms ourselves because
``lunr.Builder`` keeps a dictionary per term, field and document: 300 MB at 1,000
practices, beyond this machine's memory at 10,000. Here postings are compact arrays.

Terms are numbered in sorted order, so a range of terms (a shard) is a range of term
numbers and the vectors lunr.js builds from shards come out sorted.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from .analysis import analyze
from .documents import Document

# lunr's fields: the title weighs ten times the rest (summary, body, labels, cities, …).
FIELDS = (("title", 10), ("text", 1))
K1, B = 1.2, 0.75  # lunr.Builder's defaults
# Scores are published as whole hundredths: a third smaller than lunr's own
# thousandths, the same ranking for all practical purposes.
SCALE = 100


@dataclass
class Postings:
    """One term: per field, the documents that have it (ascending) and their scores."""

    refs: tuple[array, ...]
    scores: tuple[array, ...]


class IndexData:
    """Terms in sorted order with their postings, and how many documents there are."""

    def __init__(self, terms: list[str], postings: list[Postings], count: int):
        self.terms = terms
        self.postings = postings
        self.count = count


def terms_of(document: Document) -> list[list[str]]:
    """Per field, the analysed terms of the document (stems, no stop words)."""
    fields = (document.title, document.text)
    return [[t for text, lang in parts for t in analyze(text, lang)] for parts in fields]


def idf(documents_with_term: int, count: int) -> float:
    """lunr's inverse document frequency (``lunr.idf``): the count sums over fields."""
    x = (count - documents_with_term + 0.5) / (documents_with_term + 0.5)
    return math.log(1 + abs(x))


def build(documents: Iterable[Document]) -> IndexData:
    """Count every term of every document, then score them as lunr does."""
    nfields = len(FIELDS)
    numbers: dict[str, int] = {}
    # Per field: per term number, the documents (ascending) and term frequencies.
    refs: list[list[array]] = [[] for _ in range(nfields)]
    tfs: list[list[array]] = [[] for _ in range(nfields)]
    lengths: list[array] = [array("I") for _ in range(nfields)]
    count = 0
    for ref, document in enumerate(documents):
        count += 1
        for f, terms in enumerate(terms_of(document)):
            lengths[f].append(len(terms))
            for term, tf in Counter(terms).items():
                n = numbers.get(term)
                if n is None:
                    n = numbers[term] = len(numbers)
                    for g in range(nfields):
                        refs[g].append(array("I"))
                        tfs[g].append(array("I"))
                refs[f][n].append(ref)
                tfs[f][n].append(tf)
    terms = sorted(numbers)
    average = [sum(lengths[f]) / count if count else 0.0 for f in range(nfields)]
    postings = []
    for term in terms:
        n = numbers[term]
        term_idf = idf(sum(len(refs[f][n]) for f in range(nfields)), count)
        scores = []
        for f, (_, boost) in enumerate(FIELDS):
            field_lengths, avg = lengths[f], average[f]
            row = array("I")
            for ref, tf in zip(refs[f][n], tfs[f][n]):
                score = term_idf * ((K1 + 1) * tf) / (K1 * (1 - B + B * (field_lengths[ref] / avg)) + tf)
                score *= boost
                row.append(max(1, round(round(score, 3) * SCALE)))
            scores.append(row)
        postings.append(Postings(tuple(refs[f][n] for f in range(nfields)), tuple(scores)))
    return IndexData(terms, postings, count)
