"""The finder's data: a document store, facet values and the prebuilt lunr index.

Published as a ``.js`` file that assigns ``window.sgFinderData``, so the finder also
works from ``file://`` where browsers refuse to fetch JSON.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .lunr_assets import stop_words
from .search import LANGUAGES, Document, build_index

if TYPE_CHECKING:
    from .catalog import Catalog

DATA_FILE = "assets/sg/finder-data.js"
SCRIPT_FOLDER = "assets/sg/lunr"
SUMMARY_CHARS = 150  # cards in the finder show the summary up to here
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
        "stopWords": sorted(frozenset().union(*(stop_words(lang) for lang in LANGUAGES))),
        "labels": {key: catalog.ui.t(key) for key in SCRIPT_LABELS},
    }


def script(data: dict[str, Any]) -> str:
    """The data as a script that assigns a global (deterministic: keys sorted)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"window.sgFinderData={text};\n"
