"""The index cut into files that a browser fetches only when, and as far as, it searches.

Like Pagefind's: terms sorted and cut into shards of about the same size; a small
``meta`` file lists each shard's first term, so a query fetches the meta and one shard
per word (a prefix: the shards its range spans). Each result's card is a file of its
own, fetched only when shown, and so is its text, fetched only when a query needs its
snippet (a list filtered without a query shows cards without snippets); the finder's
facet table is one more file, fetched only by the finder. Every file is a script that
registers its data (``sgSearch.add(key, data)``), so the same files work over HTTP and
from ``file://``, where browsers refuse to fetch JSON.

A shard holds, per term, its number and per field the documents and scores; lunr.js
turns the shards a query needs into one ``lunr.Index`` (``assets/sg/search.js``), and
:mod:`site_gen.search.twin` does the same in Python.
"""

from __future__ import annotations

import bisect
import json
import operator
from array import array
from dataclasses import dataclass
from typing import Any, Iterator

from .analysis import LANGUAGES, MIN_PREFIX
from .documents import Card
from .index import FIELDS, SCALE, IndexData
from .lunr_assets import all_stop_words

FOLDER = "search"
FORMAT = 1
# A shard is cut once it holds this many characters (about 15 KB gzipped); a term whose
# postings alone are larger gets a shard of its own.
SHARD_CHARS = 40_000
# While a word is being typed it also matches as a prefix, within the shards from where
# it would stand, at most this many: "pro" spans a tenth of a large index, and a visitor
# typing it should not wait for all of it. One letter more narrows the range.
PREFIX_SHARDS = 2
# ... and it stands for at most this many of the terms it starts, those most documents
# have: "aan" starts a thousand terms, and scoring all their postings on each keystroke
# would make typing wait.
PREFIX_TERMS = 50


def script(key: str, data: Any) -> str:
    """A file that registers ``data`` under ``key`` with the search script."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"sgSearch.add({json.dumps(key)},{text});\n"


def shard_name(number: int) -> str:
    return f"t/{number}"


def card_name(ref: int) -> str:
    return f"d/{ref}"


def text_name(ref: int) -> str:
    """A card's text, for snippets: fetched only when a query needs them."""
    return f"x/{ref}"


def path_of(key: str) -> str:
    """Where the file of ``key`` lives, from the site's root."""
    return f"{FOLDER}/{key}.js"


def term_entries(index: IndexData) -> Iterator[str]:
    """Each term as ``[term, number, [ref gap, score, …] per field]`` (JSON), in order:
    refs as gaps from the previous one. Gaps are taken over a whole field at once, as
    the index holds it (every term's postings end to end): this runs for every posting."""
    fields = []
    for refs, scores, starts in zip(index.refs, index.scores, index.starts):
        previous = array("I", [0]) + refs[:-1]
        for start in starts[:-1]:
            if start < len(refs):
                previous[start] = 0  # a term's first document: its gap is its number
        fields.append((array("I", map(operator.sub, refs, previous)), scores, starts))
    pair = "%d,%d".__mod__
    for number, term in enumerate(index.terms):
        postings = []
        for gaps, scores, starts in fields:
            a, b = starts[number], starts[number + 1]
            postings.append("[" + ",".join(map(pair, zip(gaps[a:b], scores[a:b]))) + "]")
        # A term is made of word characters (analysis.WORD_RE): JSON quotes it as it is.
        yield f'["{term}",{number},{",".join(postings)}]'


def cut(index: IndexData, limit: int) -> Iterator[tuple[str, list[str]]]:
    """The index's terms, in order, as shards of about ``limit`` characters:
    ``(first term, [term entry, …])``, one at a time (all at once, their text is 150 MB
    at 10,000 practices)."""
    current: list[str] = []
    first, size = "", 0
    for term, entry in zip(index.terms, term_entries(index)):
        if not current:
            first = term
        current.append(entry)
        size += len(entry) + 1
        if size >= limit:
            yield first, current
            current, size = [], 0
    if current:
        yield first, current


@dataclass
class Meta:
    """What a browser reads first: the shards' first terms and how to read the rest."""

    firsts: list[str]
    practices: int
    documents: int

    def shards_for(self, term: str, prefix: bool = False) -> list[int]:
        """The shards that hold ``term`` (or, as a prefix, the terms it starts, in at
        most :data:`PREFIX_SHARDS` shards)."""
        if not self.firsts:
            return []
        low = max(0, bisect.bisect_right(self.firsts, term) - 1)
        if not prefix:
            return [low]
        high = max(0, bisect.bisect_right(self.firsts, term + "\uffff") - 1)
        return list(range(low, min(high, low + PREFIX_SHARDS - 1) + 1))


def labels_name(lang: str) -> str:
    return f"labels-{lang}"


def meta_data(meta: Meta, page_languages: list[str], practice_url: str) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "fields": [name for name, _ in FIELDS],
        "scale": SCALE,
        "shards": meta.firsts,
        "practices": meta.practices,
        "documents": meta.documents,
        "minPrefix": MIN_PREFIX,
        "prefixShards": PREFIX_SHARDS,
        "prefixTerms": PREFIX_TERMS,
        "stopWords": sorted(all_stop_words(LANGUAGES)),
        "practiceUrl": practice_url,
        "pageLanguages": page_languages,  # of the documents after the practices: a UI language shows its own
    }


def files(index: IndexData, cards: list[Card], practices: int, labels: dict[str, list[dict[str, Any]]],
          page_languages: list[str], practice_url: str) -> Iterator[tuple[str, str]]:
    """Every file of the search, as ``(path from the site's root, text)``, one at a time
    (at 10,000 practices they add up to a few hundred MB): one set for every UI language,
    with the finder's facet labels in each (``labels``: language -> facet table)."""
    firsts = []
    for number, (first, entries) in enumerate(cut(index, SHARD_CHARS)):
        key = shard_name(number)
        yield path_of(key), f"sgSearch.add({json.dumps(key)},[{','.join(entries)}]);\n"
        firsts.append(first)
    meta = Meta(firsts, practices, index.count)  # once every shard's first term is known
    yield path_of("meta"), script("meta", meta_data(meta, page_languages, practice_url))
    for lang, table in labels.items():
        yield path_of(labels_name(lang)), script(labels_name(lang), table)
    for ref, card in enumerate(cards):
        yield path_of(card_name(ref)), script(card_name(ref), card.data())
        yield path_of(text_name(ref)), script(text_name(ref), card.text)
    table = [[list(v) for v in card.facets] for card in cards[:practices]]
    yield path_of("facets"), script("facets", table)
