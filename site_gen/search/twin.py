"""The Python twin of the browser's search, reading the published files.

``assets/sg/search.js`` and this module do the same, step for step: split the query
into words (stop words dropped unless nothing else is left), find the shards that hold
each word's stems in nl, en and fr (and, for the last word while typing, the terms it
starts that most documents have), make one lunr index of those shards, query it, keep the documents that match
every word, and rank them: those with every word as written before those found through
a prefix, then by score, then by their order in the database. The tests run
both on the same files and compare every result and rank.
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable

from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.token_set import TokenSet
from lunr.vector import Vector

from .analysis import query_stems, query_words, prefix_word
from .shards import PREFIX_TERMS, Meta, card_name, path_of, shard_name, text_name

PREFIX_BOOST = 0.5
_SCRIPT = re.compile(r'\AsgSearch\.add\("([^"]+)",(.*)\);\n\Z', re.S)


def read_script(text: str) -> tuple[str, Any]:
    """``(key, data)`` of a file written by :func:`site_gen.search.shards.script`."""
    match = _SCRIPT.match(text)
    if match is None:
        raise ValueError("not a search data file")
    return match.group(1), json.loads(match.group(2))


class ShardedSearch:
    """Search over the published files; ``read(path)`` returns a file's text. The files
    serve every UI language: a search in ``lang`` finds the pages of that language only
    (``None``: every page)."""

    def __init__(self, read: Callable[[str], str], lang: str | None = None):
        self._read = read
        self.lang = lang
        self._cache: dict[str, Any] = {}
        self.meta_data = self.load("meta")
        self.meta = Meta(self.meta_data["shards"], self.meta_data["practices"], self.meta_data["documents"])
        self.fields: list[str] = self.meta_data["fields"]
        self.scale: int = self.meta_data["scale"]
        self.loaded_shards: set[int] = set()

    def load(self, key: str) -> Any:
        if key not in self._cache:
            found, data = read_script(self._read(path_of(key)))
            assert found == key, (found, key)
            self._cache[key] = data
        return self._cache[key]

    def card(self, ref: int, text: bool = True) -> dict[str, Any]:
        """A result's card; with ``text`` (for snippets, as ``x``), as the browser has it
        after loading both files."""
        card = dict(self.load(card_name(ref)))
        if text:
            card["x"] = self.load(text_name(ref))
        return card

    def plan(self, query: str) -> tuple[list[str], str | None, list[int]] | None:
        """The query's words, its prefix word, and the shards it needs; ``None`` if empty."""
        terms = query_words(query)
        if not terms:
            return None
        prefix = prefix_word(query, terms)
        needed = {s for word in terms for stem in query_stems(word) for s in self.meta.shards_for(stem)}
        if prefix:
            needed.update(self.meta.shards_for(prefix, prefix=True))
        return terms, prefix, sorted(needed)

    def index(self, shards: list[int]) -> Index:
        """One lunr index of these shards (in order, so every vector comes out sorted)."""
        inverted: dict[str, Any] = {}
        vectors: dict[str, list[float]] = {}
        for number in shards:
            self.loaded_shards.add(number)
            for term, term_number, *fields in self.load(shard_name(number)):
                posting: dict[str, Any] = {"_index": term_number}
                for name, flat in zip(self.fields, fields):
                    refs: dict[str, dict] = {}
                    ref = 0
                    for i in range(0, len(flat), 2):
                        ref += flat[i]
                        refs[str(ref)] = {}
                        vectors.setdefault(f"{name}/{ref}", []).extend((term_number, flat[i + 1] / self.scale))
                    posting[name] = refs
                inverted[term] = posting
        return Index(
            inverted_index=inverted,
            field_vectors={ref: Vector(elements) for ref, elements in vectors.items()},
            token_set=TokenSet.from_list(sorted(inverted)),
            fields=list(self.fields),
            pipeline=Pipeline(),
        )

    @staticmethod
    def expand(index: Index, prefix: str) -> list[str]:
        """The terms a word being typed stands for: of those it starts, the
        :data:`PREFIX_TERMS` most documents have (as lunr's wildcard would, capped)."""
        started = [t for t in index.inverted_index if t.startswith(prefix)]
        count = lambda t: sum(len(v) for k, v in index.inverted_index[t].items() if k != "_index")  # noqa: E731
        return sorted(sorted(started, key=lambda t: (-count(t), t))[:PREFIX_TERMS])

    def search(self, query: str) -> list[tuple[int, float]] | None:
        """``(ref, score)`` best first; ``None`` for a query with no words."""
        planned = self.plan(query)
        if planned is None:
            return None
        terms, prefix, shards = planned
        index = self.index(shards)
        lunr_query = index.create_query()
        for word in terms:
            for stemmed in query_stems(word):
                lunr_query.term(stemmed, use_pipeline=False)
        for term in self.expand(index, prefix) if prefix else ():
            lunr_query.term(term, use_pipeline=False, boost=PREFIX_BOOST)
        ranked = []
        for result in index.query(lunr_query):
            matched = set(result["match_data"].metadata)
            if all(_word_matched(w, matched, w == prefix) for w in terms):
                # Practices with every word as written come before those found by a prefix.
                exact = all(_word_matched(w, matched, False) for w in terms)
                ranked.append((not exact, -result["score"], int(result["ref"])))
        ranked.sort()
        practices, languages = self.meta.practices, self.meta_data["pageLanguages"]
        shown = [(ref, score) for _, score, ref in ranked if ref < practices or self.lang in (None, languages[ref - practices])]
        return [(ref, -score) for ref, score in shown]


def _word_matched(word: str, matched: set[str], as_prefix: bool) -> bool:
    stems = query_stems(word)
    return any(t in stems or (as_prefix and t.startswith(word)) for t in matched)
