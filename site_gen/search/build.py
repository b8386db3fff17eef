"""The search's files for one build: documents, index, shards, cards and facet table.

Building them is independent of rendering pages, and machines have more than one core:
a large collection's files are made in a forked process while the pages render, a small
one's right away, where a process would cost more than it saves. They are written into
the built site (never into a watched folder) as they are made, and ``write`` waits for
them once the pages are.
"""

from __future__ import annotations

import contextlib
import fcntl
import multiprocessing
import pickle
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from ..catalog import facet_title
from ..exports import csv_columns
from ..model import FIELDS_BY_NAME, LIST
from ..collector import SharedWithForks, fewer_collections
from ..i18n import UiLabels
from ..rendercache import DiskCache, fingerprint
from . import shards
from .documents import FacetCodes, Page, page_entry, practice_entries
from .index import build

if TYPE_CHECKING:
    from ..catalog import Catalog

# From this many practices the files are made in a second process while the pages render.
PARALLEL_FROM = 300


def facet_table(catalog: "Catalog", codes: FacetCodes, lang: str) -> list[dict[str, Any]]:
    """Each finder facet with its values (in the language-neutral order): each value's
    form in an address, its label in ``lang`` and its id as the open data writes it. The
    finder's result export names each facet's field as ``/practices.csv`` does, in that
    column order (``column``), a list or a single value as ``/practices.json`` has it."""
    ui = UiLabels(lang)
    columns = csv_columns()
    found = []
    for facet, values in zip(codes.facets, codes.values):
        labels = [catalog.vocabularies[facet.vocabulary].label(v, lang) if facet.vocabulary else str(v) for v in values]
        found.append({"key": facet.key, "param": facet.param, "title": facet_title(facet, ui),
                      "field": facet.field, "column": columns.index(facet.field),
                      "list": FIELDS_BY_NAME[facet.field].type == LIST,
                      "values": [[facet.slug(v), label, v] for v, label in zip(values, labels)]})
    return found


def search_files(catalog: "Catalog", pages: list[Page], languages: tuple[str, ...] = ()) -> dict[str, str]:
    """Every file of the search, ``{path from the site's root: text}``."""
    return dict(iter_files(catalog, pages, languages))


def iter_files(catalog: "Catalog", pages: list[Page], languages: tuple[str, ...] = (), cache: Any = None) -> Iterator[tuple[str, str]]:
    """Every file of the search, ``(path from the site's root, text)``, one at a time: one
    index for every UI language (``languages``, default the catalog's), whose pages each
    name their language, and the finder's facet labels in each."""
    languages = languages or (catalog.lang,)
    codes = FacetCodes(catalog.finder_facets, catalog.practices)
    cards: list = []
    page_languages: list[str] = []

    def documents() -> Iterator:
        """Each document as the index takes it, which then forgets it (kept all at once,
        they would be 100 MB at 10,000 practices); its card is kept."""
        for document, card in practice_entries(catalog, codes):
            cards.append(card)
            yield document
        for page in pages:
            lang = page.lang or catalog.lang
            entry = page_entry(page, lang)
            if entry is not None:
                cards.append(entry[1])
                page_languages.append(lang)
                yield entry[0]

    index = build(documents(), cache)
    labels = {lang: facet_table(catalog, codes, lang) for lang in languages}
    return shards.files(index, cards, len(catalog.practices), labels, page_languages, catalog.practice_url_pattern())


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


def make_and_write(catalog: "Catalog", pages: list[Page], site_dir: Path, languages: tuple[str, ...] = (),
                   cache_folder: Path | None = None, swap_lock: Path | None = None) -> int:
    """Make and write the files; the analysis of each document is kept in ``cache_folder``.
    With ``swap_lock`` (a preview, whose visitors still use the last files) the new files
    are written aside and take the place of the old ones at once, under that lock."""
    cache = DiskCache(cache_folder, fingerprint("search terms"), "terms") if cache_folder is not None else None
    if cache is not None:
        cache.begin()
    target = site_dir if swap_lock is None else site_dir / ".sg-search-next"
    with fewer_collections():
        written = write_files(iter_files(catalog, pages, languages, cache), target)
    if swap_lock is not None:
        with locked(swap_lock):
            current, old = site_dir / shards.FOLDER, site_dir / ".sg-search-old"
            if current.exists():
                current.rename(old)
            (target / shards.FOLDER).rename(current)
        shutil.rmtree(old, ignore_errors=True)
        shutil.rmtree(target, ignore_errors=True)
    if cache is not None:
        cache.save()
    return written


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive lock on ``path`` (a file beside the site), between processes."""
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class SearchFiles:
    """The search's files, made beside the pages when the collection is large."""

    def __init__(self, catalog: "Catalog", pages: list[Page], site_dir: Path, languages: tuple[str, ...] = (),
                 cache_folder: Path | None = None, swap_lock: Path | None = None, parallel_from: int = PARALLEL_FROM):
        self._process: Any = None
        self._result: Any = None
        self._shared = SharedWithForks()
        self._args = (catalog, pages, site_dir, languages, cache_folder, swap_lock)
        if len(catalog.practices) >= parallel_from:
            # A forked process starts with the practices in memory (a fork hands over its
            # arguments as they are: sending them to a new interpreter took it a second at
            # 1,000 practices), and ends once the files are written, so its memory (800 MB
            # at 10,000 practices) is returned while the pages still render.
            context = multiprocessing.get_context("fork")
            self._result, sender = context.Pipe(duplex=False)
            self._shared.hold()  # until the files are made
            try:
                process = context.Process(target=_make_in_child, args=(sender, *self._args), name="site-gen search", daemon=True)
                process.start()
                self._process = process
            finally:
                sender.close()
                if self._process is None:  # it could not start: the build fails with the reason
                    self._shared.release()
                    self._result.close()

    def write(self) -> int:
        """Wait for the files (or make them now) and write them; returns how many."""
        try:
            if self._process is None:
                return make_and_write(*self._args)
            try:
                ok, value = self._result.recv()
            except EOFError:
                self._process.join()
                raise RuntimeError(f"the search index was not made (its process ended with code {self._process.exitcode})") from None
            if not ok:
                raise value
            return value
        finally:
            self.close()

    def running(self) -> bool:
        """Whether the files are still being made (in the second process)."""
        return self._process is not None and not self._result.poll()

    def close(self) -> None:
        if self._process is not None:
            if self._process.is_alive() and not self._result.poll():
                self._process.terminate()  # a failed build, or a newer save
            self._process.join()
            self._result.close()
            self._process = None
            self._shared.release()


def _make_in_child(sender: Any, *args: Any) -> None:
    """In the forked process: make and write the files, and send how it went."""
    try:
        result: tuple[bool, Any] = (True, make_and_write(*args))
    except BaseException as exc:  # every failure goes to the build, which reports it
        result = (False, exc if _picklable(exc) else RuntimeError(f"{type(exc).__name__}: {exc}"))
    sender.send(result)
    sender.close()


def _picklable(value: Any) -> bool:
    try:
        pickle.dumps(value)
        return True
    except Exception:
        return False
