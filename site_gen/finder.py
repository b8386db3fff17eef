"""The finder's data: a document store, facet values and the prebuilt lunr index.

Published as a ``.js`` file that assigns ``window.sgFinderData``, so the finder also
works from ``file://`` where browsers refuse to fetch JSON.
"""

from __future__ import annotations

import json
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

from .lunr_assets import all_stop_words
from .search import LANGUAGES, Document, build_index

if TYPE_CHECKING:
    from .catalog import Catalog

DATA_FILE = "assets/sg/finder-data.js"
SCRIPT_FOLDER = "assets/sg/lunr"
SUMMARY_CHARS = 150  # cards in the finder show the summary up to here
# From this many practices the index is built in a second process while the pages render.
PARALLEL_FROM = 300
# Labels the script needs, in the UI language.
SCRIPT_LABELS = ("found_one", "found_many", "found_none", "show_more", "for_query", "practice_count_one", "practices_count")


def documents(catalog: "Catalog") -> list[Document]:
    """What is indexed of each practice, in the document store's order."""
    docs = []
    for ref, practice in enumerate(catalog.practices):
        extra = " ".join(practice.data.get("cities") or ())
        docs.append(Document(str(ref), practice.language, practice.title, practice.summary, practice.body, extra))
    return docs


def short(text: str, limit: int = SUMMARY_CHARS) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with "…"."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def payload(catalog: "Catalog", body_terms: int | None = None) -> dict[str, Any]:
    """Everything the finder script needs, as plain JSON-able data."""
    facets = []
    position: dict[str, dict[Any, int]] = {}
    for facet in catalog.finder_facets:
        values = catalog.groups[facet.key]
        position[facet.key] = {v.value: i for i, v in enumerate(values)}
        facets.append(
            {
                "key": facet.key,
                "param": facet.param,
                "title": catalog.facet_title(facet),
                "values": [[v.slug, v.label] for v in values],
            }
        )
    store = []
    for practice in catalog.practices:
        store.append(
            [
                practice.slug,
                practice.title,
                short(practice.summary),
                practice.language,
                [sorted(position[f.key][v] for v in f.values_of(practice)) for f in catalog.finder_facets],
            ]
        )
    return {
        "version": 1,
        "practiceUrl": catalog.practice_url_pattern(),
        "facets": facets,
        "docs": store,
        "index": build_index(documents(catalog), body_terms),
        "stopWords": sorted(all_stop_words(LANGUAGES)),
        "labels": {key: catalog.ui.t(key) for key in SCRIPT_LABELS},
    }


def script(data: dict[str, Any]) -> str:
    """The data as a script that assigns a global (deterministic: keys sorted)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"window.sgFinderData={text};\n"


def build_script(catalog: "Catalog", body_terms: int | None = None) -> str:
    return script(payload(catalog, body_terms))


class FinderData:
    """The finder's data script, built beside the pages when the collection is large.

    Building the index is independent of rendering pages, and machines have more than
    one core: a large collection's index is built in a second process (started fresh,
    not forked), a small one's right away, where a process would cost more than it saves.
    """

    def __init__(self, catalog: "Catalog", body_terms: int | None = None, parallel_from: int = PARALLEL_FROM):
        self._text: str | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._future: Future[str] | None = None
        if len(catalog.practices) >= parallel_from:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            self._future = self._pool.submit(build_script, catalog, body_terms)
        else:
            self._text = build_script(catalog, body_terms)

    def text(self) -> str:
        if self._text is None:
            assert self._future is not None
            try:
                self._text = self._future.result()
            finally:
                self.close()
        return self._text

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
