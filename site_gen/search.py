"""Full-text search: one analysis for Dutch, English and French, a prebuilt lunr index.

Text is split into words, lowercased without accents, stripped of stop words and
stemmed in the practice's own language before it reaches lunr, so the index holds
stems and lunr's own pipeline is empty. A query word is stemmed in all three languages
(it may match a practice in any of them); a practice matches when every query word
matches one of its stems (the last word also as a prefix, for search as you type).

The browser does exactly this in ``finder.js`` with lunr.js 2.3.9 and the Snowball
stemmers of lunr-languages; :func:`search` is the Python twin the tests compare with.
The stemmers here produce the same stems as those scripts: Snowball's Dutch (Porter
variant) and French from PyStemmer, and lunr.js's own Porter stemmer.
"""

from __future__ import annotations

import functools
import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Iterable

import Stemmer  # PyStemmer: Snowball's C stemmers
from lunr.builder import Builder
from lunr.index import Index
from lunr.query import Query
from lunr.stemmer import PorterStemmer

from .lunr_assets import all_stop_words, stop_words
from .text import plain

LANGUAGES = ("nl", "en", "fr")
WORD_RE = re.compile(r"[^\W_]+")
# Two fields keep the index small: the title, and the rest (summary, cities and the most
# telling words of the body). lunr stores every field of every term and practice.
FIELDS = (("title", 10), ("text", 1))
PREFIX_BOOST = 0.5
# How many body words are indexed in all: spread over the practices, at least
# MIN_BODY_TERMS and at most MAX_BODY_TERMS each. This bounds the finder's download
# (about 400 KB gzipped at 1,000 practices) while small collections index nearly all.
BODY_TERM_BUDGET = 6_000
MIN_BODY_TERMS, MAX_BODY_TERMS = 5, 400
SCORE_DIGITS = 1


class LunrJsPorterStemmer(PorterStemmer):
    """lunr.js's Porter stemmer: it turns a final y into i only after a consonant."""

    def step1c(self) -> None:
        if self.k >= 2 and self.b[self.k] == "y" and self.b[self.k - 1] not in "aeiou":
            self.b = self.b[: self.k] + "i" + self.b[self.k + 1 :]


@functools.cache
def stemmer(lang: str) -> Callable[[str], str]:
    if lang == "en":
        return LunrJsPorterStemmer().stem
    algorithm = {"nl": "dutch_porter", "fr": "french"}[lang]
    return Stemmer.Stemmer(algorithm).stemWord


def words(text: str) -> list[str]:
    """Lowercase, accent-free words: "Médiateurs d'Amadora" -> ["mediateurs", "d", "amadora"]."""
    return WORD_RE.findall(plain(text))


# Per language: word -> stem. Words repeat a lot; each is stemmed once per build.
_STEMS: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}


def stem(word: str, lang: str) -> str:
    cache = _STEMS[lang]
    found = cache.get(word)
    if found is None:
        found = cache[word] = stemmer(lang)(word)
    return found


def analyze(text: str, lang: str) -> list[str]:
    """The index terms of ``text`` written in ``lang``: stems, without stop words."""
    stops, cache, stem_word = stop_words(lang), _STEMS[lang], stemmer(lang)
    found = []
    for word in words(text):
        if word in stops:
            continue
        term = cache.get(word)
        if term is None:
            term = cache[word] = stem_word(word)
        found.append(term)
    return found


def query_stems(word: str) -> list[str]:
    """What one query word may match: its stem in each language (and itself)."""
    found = [word]
    for lang in LANGUAGES:
        stemmed = stem(word, lang)
        if stemmed not in found:
            found.append(stemmed)
    return found


def query_words(query: str) -> list[str]:
    """The words of a query that count: stop words are dropped unless nothing else is left."""
    all_words = words(query)
    stops = all_stop_words(LANGUAGES)
    meaningful = [w for w in all_words if w not in stops]
    return meaningful or all_words


@dataclass(frozen=True)
class Document:
    """What is indexed of one practice; ``ref`` is its position in the document store."""

    ref: str
    lang: str
    title: str
    summary: str
    body: str
    extra: str = ""  # cities and the like, in the practice's language


def salient(terms_per_doc: list[list[str]], limit: int) -> list[list[str]]:
    """Each body reduced to its ``limit`` most telling terms (tf·idf), kept with their counts.

    Rare words — the ones people search for, like "praktijktesten" — score high; words
    every practice uses score low. This keeps the index small as the database grows.
    """
    df: Counter[str] = Counter()
    for terms in terms_per_doc:
        df.update(set(terms))
    n = len(terms_per_doc)
    reduced = []
    for terms in terms_per_doc:
        counts = Counter(terms)
        ranked = heapq.nsmallest(limit, counts, key=lambda t: (-counts[t] * math.log(1 + n / df[t]), t))
        reduced.append(sorted(ranked))
    return reduced


def body_terms_per_practice(count: int) -> int:
    """How many body words of each practice to index, for a collection of ``count``."""
    return max(MIN_BODY_TERMS, min(MAX_BODY_TERMS, BODY_TERM_BUDGET // max(count, 1)))


def build_index(documents: Iterable[Document], body_terms: int | None = None) -> dict[str, Any]:
    """A serialised lunr index of stems, as lunr.js 2.3.9's ``lunr.Index.load`` takes it.

    Scores in the field vectors are rounded to one decimal: a smaller download, the
    same ranking for all practical purposes. Search the result with :func:`load`.
    """
    documents = list(documents)
    if body_terms is None:
        body_terms = body_terms_per_practice(len(documents))
    builder = Builder()
    builder.pipeline.reset()
    builder.search_pipeline.reset()
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    bodies = salient([analyze(d.body, d.lang) for d in documents], body_terms)
    for document, body in zip(documents, bodies, strict=True):
        summary = analyze(document.summary, document.lang)
        text = summary * 2 + analyze(document.extra, document.lang) + body  # summary above body
        builder.add({"ref": document.ref, "title": " ".join(analyze(document.title, document.lang)), "text": " ".join(text)})
    serialized = builder.build().serialize()
    for _, vector in serialized["fieldVectors"]:
        vector[1::2] = [round(score, SCORE_DIGITS) for score in vector[1::2]]
    return serialized


def load(serialized: dict[str, Any]) -> Index:
    """The index as lunr.js sees it after ``lunr.Index.load``."""
    return Index.load(serialized)


def search(index: Index, query: str) -> list[tuple[str, float]] | None:
    """``(ref, score)`` best first, as the finder computes them; ``None`` for an empty query."""
    terms = query_words(query)
    if not terms:
        return None
    prefix = terms[-1] if not query.endswith((" ", "\t")) else None
    lunr_query = index.create_query()
    for word in terms:
        for stemmed in query_stems(word):
            lunr_query.term(stemmed, use_pipeline=False)
    if prefix:
        lunr_query.term(prefix, use_pipeline=False, wildcard=Query.WILDCARD_TRAILING, boost=PREFIX_BOOST)
    results = []
    for result in index.query(lunr_query):
        matched = set(result["match_data"].metadata)
        if all(_word_matched(w, matched, w == prefix) for w in terms):
            results.append((result["ref"], result["score"]))
    return results


def _word_matched(word: str, matched: set[str], as_prefix: bool) -> bool:
    stems = query_stems(word)
    return any(t in stems or (as_prefix and t.startswith(word)) for t in matched)
