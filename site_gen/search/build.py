"""The search's files for one build: documents, index, shards, cards and facet table.

Building them is independent of rendering pages, and machines have more than one core:
a large collection's files are made in a second process (started fresh, not forked)
while the pages render, a small one's right away, where a process would cost more than
it saves. They are written into the built site (never into a watched folder) as they are
made, and ``write`` waits for them once the pages are.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from . import shards
from .documents import FacetCodes, Page, page_entry, practice_entries
from .index import build

if TYPE_CHECKING:
    from ..catalog import Catalog

# From this many practices the files are made in a second process while the pages render.
PARALLEL_FROM = 300


def facet_table(catalog: "Catalog", codes: FacetCodes) -> list[dict[str, Any]]:
    """Each finder facet with its values (in the language-neutral order) and their labels."""
    found = []
    for facet, values in zip(codes.facets, codes.values):
        labels = [catalog.label(facet.vocabulary, v) if facet.vocabulary else str(v) for v in values]
        found.append({"key": facet.key, "param": facet.param, "title": catalog.facet_title(facet),
                      "values": [[facet.slug(v), label] for v, label in zip(values, labels)]})
    return found


def search_files(catalog: "Catalog", pages: list[Page]) -> dict[str, str]:
    """Every file of the search, ``{path from the site's root: text}``."""
    return dict(iter_files(catalog, pages))


def iter_files(catalog: "Catalog", pages: list[Page]) -> Iterator[tuple[str, str]]:
    """Every file of the search, ``(path from the site's root, text)``, one at a time."""
    codes = FacetCodes(catalog.finder_facets, catalog.practices)
    entries = list(practice_entries(catalog, codes))
    entries += [e for e in (page_entry(p, catalog.lang) for p in pages) if e is not None]
    index = build(document for document, _ in entries)
    cards = [card for _, card in entries]
    return shards.files(index, cards, len(catalog.practices), facet_table(catalog, codes), catalog.practice_url_pattern())


def write_files(files: Iterable[tuple[str, str]], site_dir: Path) -> int:
    """Write the files under ``site_dir``; returns how many."""
    folders: set[Path] = set()
    written = 0
    for name, text in files:
        path = site_dir / name
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        path.write_text(text, encoding="utf-8")
        written += 1
    return written


def make_and_write(catalog: "Catalog", pages: list[Page], site_dir: Path) -> int:
    return write_files(iter_files(catalog, pages), site_dir)


class SearchFiles:
    """The search's files, made beside the pages when the collection is large."""

    def __init__(self, catalog: "Catalog", pages: list[Page], site_dir: Path, parallel_from: int = PARALLEL_FROM):
        self._pool: ProcessPoolExecutor | None = None
        self._future: Future[int] | None = None
        self._args = (catalog, pages, site_dir)
        if len(catalog.practices) >= parallel_from:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            self._future = self._pool.submit(make_and_write, *self._args)

    def write(self) -> int:
        """Wait for the files (or make them now) and write them; returns how many."""
        try:
            if self._future is not None:
                return self._future.result()
            return make_and_write(*self._args)
        finally:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
