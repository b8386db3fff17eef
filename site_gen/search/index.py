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

import hashlib
import math
from array import array
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable

from .analysis import stems, unstemmed
from .documents import Document

WORDS_BOOST = 2
# lunr's fields: the title weighs ten times the text (summary, body, labels, cities, …);
# "words" holds the text's words as written, unstemmed, so that a practice with the very
# word a visitor typed ranks above those with only another word of the same stem.
FIELDS = (("title", 10), ("text", 1), ("words", WORDS_BOOST))
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
    seen: dict[tuple[str, str], tuple[list[str], list[str]]] = {}

    def analysed(part: tuple[str, str]) -> tuple[list[str], list[str]]:
        """(words, stems) of a part; the body is in two fields, the summary twice."""
        if part not in seen:
            found = unstemmed(*part)
            seen[part] = (found, stems(found, part[1]))
        return seen[part]

    return [
        [t for part in document.title for t in analysed(part)[1]],
        [t for part in document.text for t in analysed(part)[1]],
        [w for part in document.words for w in analysed(part)[0]],
    ]


def idf(documents_with_term: int, count: int) -> float:
    """lunr's inverse document frequency (``lunr.idf``): the count sums over fields."""
    x = (count - documents_with_term + 0.5) / (documents_with_term + 0.5)
    return math.log(1 + abs(x))


def document_key(document: Document) -> str:
    digest = hashlib.sha256()
    for field in (document.title, document.text, document.words):
        for text, lang in field:
            digest.update(f"{lang}\0{text}\0".encode("utf-8"))
        digest.update(b"\1")
    return digest.hexdigest()


def counted_terms(terms: list[str]) -> tuple[int, str, array]:
    """A field's terms as (how many, the distinct ones joined by spaces, how often each
    occurs): a tenth of the memory of a dictionary per document, which the cache keeps for
    every document of the build (600 MB at 10,000 practices as dictionaries). Terms are
    made of word characters, so never hold a space."""
    counted = Counter(terms)
    return len(terms), " ".join(counted), array("I", counted.values())


def build(documents: Iterable[Document], cache: Any = None) -> IndexData:
    """Count every term of every document, then score them as lunr does. ``cache``
    (a :class:`site_gen.rendercache.DiskCache`) keeps each document's terms for the next build."""
    nfields = len(FIELDS)
    numbers: dict[str, int] = {}
    # Per field: per term number, the documents (ascending) and term frequencies.
    refs: list[list[array | None]] = [[] for _ in range(nfields)]
    tfs: list[list[array | None]] = [[] for _ in range(nfields)]
    lengths: list[list[int]] = [[] for _ in range(nfields)]
    count = 0
    for ref, document in enumerate(documents):
        count += 1
        found = cache.get(document_key(document)) if cache is not None else None
        if found is None:
            found = [counted_terms(terms) for terms in terms_of(document)]
            if cache is not None:
                cache.put(document_key(document), found)
        for f, (length, joined, frequencies) in enumerate(found):
            lengths[f].append(length)
            refs_f, tfs_f = refs[f], tfs[f]
            for term, tf in zip(joined.split(" ") if joined else (), frequencies):
                n = numbers.get(term)
                if n is None:
                    n = numbers[term] = len(numbers)
                    for g in range(nfields):
                        refs[g].append(None)
                        tfs[g].append(None)
                row = refs_f[n]
                if row is None:
                    row, refs_f[n], tfs_f[n] = array("I"), array("I"), array("I")
                    row = refs_f[n]
                row.append(ref)
                tfs_f[n].append(tf)  # type: ignore[union-attr]
    terms = sorted(numbers)
    # lunr's length normalisation per document and field: k1 * (1 - b + b * length / average)
    norms = []
    for f in range(nfields):
        average = sum(lengths[f]) / count if count else 0.0
        norms.append([K1 * (1 - B + B * (length / average)) if average else 0.0 for length in lengths[f]])
    k = K1 + 1
    empty = array("I")
    postings = []
    for term in terms:
        n = numbers[term]
        rows = [refs[f][n] or empty for f in range(nfields)]
        term_idf = idf(sum(len(r) for r in rows), count)
        scores = []
        for f, (_, boost) in enumerate(FIELDS):
            norm, frequencies = norms[f], tfs[f][n] or empty
            tfs[f][n] = None  # scored: the frequencies give way to the scores
            scores.append(array("I", [max(1, round(round(term_idf * (k * tf) / (norm[ref] + tf) * boost, 3) * SCALE))
                                      for ref, tf in zip(rows[f], frequencies)]))
        postings.append(Postings(tuple(rows), tuple(scores)))
    return IndexData(terms, postings, count)
