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
import itertools
import math
from array import array
from collections import Counter, defaultdict, deque
from dataclasses import dataclass
from operator import add, mul, truediv
from typing import Any, Iterable, Iterator

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
    """Terms in sorted order with their postings, and how many documents there are.

    Per field, the postings of every term lie end to end, in the terms' order: term
    ``i``'s are ``refs[f][starts[f][i]:starts[f][i + 1]]`` (and the same of ``scores``).
    """

    def __init__(self, terms: list[str], refs: list[array], scores: list[array], starts: list[array], count: int):
        self.terms = terms
        self.refs, self.scores, self.starts = refs, scores, starts
        self.count = count

    def postings_of(self, number: int) -> Postings:
        spans = [(starts[number], starts[number + 1]) for starts in self.starts]
        return Postings(tuple(r[a:b] for r, (a, b) in zip(self.refs, spans)),
                        tuple(s[a:b] for s, (a, b) in zip(self.scores, spans)))

    @property
    def postings(self) -> Iterator[Postings]:
        return map(self.postings_of, range(len(self.terms)))


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
    (a :class:`site_gen.rendercache.DiskCache`) keeps each document's terms for the next build.

    Millions of postings pass through here, so no Python line runs once per posting:
    each field numbers its own terms and keeps, per term, the documents and frequencies in
    arrays that ``map`` appends to; scores are computed by ``map`` over all of a field's
    postings at once, in the order of lunr's formula (the same floats).
    """
    fields, count = _counted(documents, cache)
    terms = sorted(set().union(*(field.numbers for field in fields)))
    rows = [_in_order(field, terms) for field in fields]
    counts = [list(map(len, refs)) for refs, _ in rows]  # per field and term: how many documents
    # lunr's idf counts a term's documents over every field
    idfs = list(map(idf, map(sum, zip(*counts)), itertools.repeat(count)))
    scored = [_scored(field.lengths, *rows[f], counts[f], idfs, boost, count)
              for f, (field, (_, boost)) in enumerate(zip(fields, FIELDS))]
    return IndexData(terms, [r for r, _, _ in scored], [s for _, s, _ in scored], [t for _, _, t in scored], count)


@dataclass
class _Field:
    """One field while documents are counted: per term number, its documents (ascending)
    and how often the term occurs in each; and each document's length."""

    numbers: defaultdict[str, int]
    refs: list[array]
    tfs: list[array]
    lengths: array


def _counted(documents: Iterable[Document], cache: Any) -> tuple[list[_Field], int]:
    fields = [_Field(defaultdict(itertools.count().__next__), [], [], array("I")) for _ in FIELDS]
    count = 0
    for ref, document in enumerate(documents):
        count += 1
        found = cache.get(document_key(document)) if cache is not None else None
        if found is None:
            found = [counted_terms(terms) for terms in terms_of(document)]
            if cache is not None:
                cache.put(document_key(document), found)
        for field, (length, joined, frequencies) in zip(fields, found):
            field.lengths.append(length)
            if not joined:
                continue
            term_numbers = list(map(field.numbers.__getitem__, joined.split(" ")))
            for _ in range(len(field.numbers) - len(field.refs)):  # terms new to this field
                field.refs.append(array("I"))
                field.tfs.append(array("I"))
            deque(map(array.append, map(field.refs.__getitem__, term_numbers), itertools.repeat(ref)), 0)
            deque(map(array.append, map(field.tfs.__getitem__, term_numbers), frequencies), 0)
    return fields, count


def _in_order(field: _Field, terms: list[str]) -> tuple[list[array], list[array]]:
    """The field's documents and frequencies of each term, in ``terms``' order (empty
    where the field lacks the term); the field lets go of them."""
    none = len(field.refs)
    field.refs.append(array("I"))
    field.tfs.append(array("I"))
    order = list(map(field.numbers.get, terms, itertools.repeat(none)))
    found = list(map(field.refs.__getitem__, order)), list(map(field.tfs.__getitem__, order))
    field.numbers.clear()
    field.refs, field.tfs = [], []
    return found


def _joined(rows: list[array]) -> array:
    """Arrays of unsigned ints end to end (copied as bytes: no Python line per row)."""
    joined = array("I")
    joined.frombytes(b"".join(map(array.tobytes, rows)))
    return joined


def _scored(lengths: array, ref_rows: list[array], tf_rows: list[array], counts: list[int], idfs: list[float],
            boost: int, count: int) -> tuple[array, array, array]:
    """A field's postings end to end in the terms' order: documents, scores, and where
    each term's start. The rows are let go once copied (at 10,000 practices they are a
    few hundred MB)."""
    refs, tfs = _joined(ref_rows), _joined(tf_rows)
    ref_rows.clear()
    tf_rows.clear()
    term_idfs = array("d", itertools.chain.from_iterable(map(itertools.repeat, idfs, counts)))
    starts = array("I", [0])
    starts.extend(itertools.accumulate(counts))
    # lunr's length normalisation per document: k1 * (1 - b + b * length / average)
    average = sum(lengths) / count if count else 0.0
    norms = [K1 * (1 - B + B * (length / average)) if average else 0.0 for length in lengths]
    k = K1 + 1
    # idf * (k * tf) / (norm + tf) * boost, rounded to thousandths as lunr does, then to whole hundredths
    raw = map(mul, map(truediv, map(mul, term_idfs, map(mul, itertools.repeat(k), tfs)),
                            map(add, map(norms.__getitem__, refs), tfs)), itertools.repeat(boost))
    scaled = map(round, map(mul, map(round, raw, itertools.repeat(3)), itertools.repeat(SCALE)))
    return refs, array("I", map(max, itertools.repeat(1), scaled)), starts
