"""lunr.js and lunr-languages as shipped inside the installed ``mkdocs`` package.

They are copied into each build rather than committed here, and the stop-word lists the
browser uses are read from the same files, so both sides filter the same words.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

from ..text import plain

SCRIPT_FOLDER = "assets/sg/lunr"  # where the site serves them
SCRIPTS = (
    "templates/search/lunr.js",
    "lunr-language/lunr.stemmer.support.js",
    "lunr-language/lunr.nl.js",
    "lunr-language/lunr.fr.js",
)
_STOP_WORDS_RE = re.compile(r"stopWordFilter = lunr\.generateStopWordFilter\(\s*'([^']*)'")


class MissingLunrAssets(Exception):
    """The installed mkdocs package does not ship the lunr files we expect."""


@functools.cache
def search_folder() -> Path:
    """``mkdocs/contrib/search`` of the installed mkdocs (located without importing it)."""
    spec = importlib.util.find_spec("mkdocs")
    if spec is None or not spec.submodule_search_locations:
        raise MissingLunrAssets("mkdocs is not installed; lunr.js comes from its search plugin")
    folder = Path(next(iter(spec.submodule_search_locations))) / "contrib" / "search"
    missing = [name for name in SCRIPTS if not (folder / name).is_file()]
    if missing:
        raise MissingLunrAssets(f"{folder} lacks {', '.join(missing)}")
    return folder


def script_paths() -> list[tuple[str, Path]]:
    """``(file name, path)`` of each script the finder loads, in load order."""
    folder = search_folder()
    return [(Path(name).name, folder / name) for name in SCRIPTS]


@functools.cache
def stop_words(lang: str) -> frozenset[str]:
    """The stop words lunr uses for ``lang`` (nl, fr from lunr-languages; en from lunr)."""
    if lang == "en":
        from lunr.stop_word_filter import WORDS  # the list lunr.js 2.3.9 has built in

        return frozenset(plain(w) for w in WORDS)
    source = (search_folder() / f"lunr-language/lunr.{lang}.js").read_text(encoding="utf-8")
    match = _STOP_WORDS_RE.search(source)
    if match is None:
        raise MissingLunrAssets(f"no stop-word list found in lunr.{lang}.js")
    return frozenset(plain(w) for w in match.group(1).split() if w)


@functools.cache
def all_stop_words(languages: tuple[str, ...] = ("nl", "en", "fr")) -> frozenset[str]:
    """Stop words of any of the languages: a query word is dropped if it is one in any."""
    return frozenset().union(*(stop_words(lang) for lang in languages))
