"""Work done once: practice pages' HTML (and the search's analysis of each document),
kept for the other UI languages and the next build.

A practice's Markdown turns into the same sanitised HTML in every UI language (its page
has the same URL under each language's root), so the first build that renders it keeps
the result, under a key made of the page's Markdown and everything else that shapes the
HTML (the Markdown extensions and their settings, the versions of the packages that
render and sanitise, this package's code). Later builds in the same process (the other
languages, each save in ``mkdocs serve``) and, through a file in the cache folder, the
next build read it instead of rendering again. The folder is safe to delete: what is
missing is rendered again, and a warm cache never changes the output (a test compares).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CACHE_FOLDER = Path(".cache") / "site-gen"
PACKAGES = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material", "nh3", "pygments")


@dataclass(frozen=True)
class Rendered:
    """What rendering a page's Markdown gives: HTML, the table of contents (as MkDocs'
    ``toc_tokens``: name, id, level, children), the title found in it and its anchors."""

    html: str
    toc: tuple[dict[str, Any], ...]
    title: str | None
    anchors: frozenset[str]


def _code_version() -> str:
    """A digest of this package's own code: a change to it renders everything again."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*")):
        if path.suffix in (".py", ".yml") and path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _stable(value: Any) -> str:
    """A setting that is no JSON (a function named in mkdocs.yml with !!python/name) by
    its name, not its address in memory, which changes with every process."""
    name = getattr(value, "__qualname__", None)
    return f"{getattr(value, '__module__', '')}.{name}" if name else repr(value)


def fingerprint(settings: Any) -> str:
    """What, besides a page's own Markdown, decides its HTML."""
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    text = json.dumps({"versions": versions, "code": _code_version(), "settings": settings}, sort_keys=True, default=_stable)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class DiskCache:
    """Values by key, in memory and in a file of ``folder`` (``None``: memory only), named
    after what they are (``name``) and the ``version`` of what makes them."""

    folder: Path | None
    version: str
    name: str = "pages"
    _found: dict[str, Any] = field(default_factory=dict)
    _used: set[str] = field(default_factory=set)
    _loaded: bool = False
    _changed: bool = False

    @staticmethod
    def key(markdown: str, *context: str) -> str:
        digest = hashlib.sha256(markdown.encode("utf-8"))
        for part in context:
            digest.update(b"\0" + part.encode("utf-8"))
        return digest.hexdigest()

    @property
    def path(self) -> Path | None:
        return self.folder / f"{self.name}-{self.version[:20]}.pickle" if self.folder is not None else None

    def _load(self) -> None:
        self._loaded = True
        path = self.path
        if path is None or not path.is_file():
            return
        try:
            with path.open("rb") as handle:
                found = pickle.load(handle)
        except Exception:  # a damaged or foreign file: start afresh (it is only a cache)
            return
        if isinstance(found, dict):
            self._found.update(found)

    def begin(self) -> None:
        """A new build starts: the cache will keep what it uses."""
        self._used = set()

    def get(self, key: str) -> Any:
        if not self._loaded:
            self._load()
        found = self._found.get(key)
        if found is not None:
            self._used.add(key)
        return found

    def put(self, key: str, value: Any) -> None:
        self._found[key] = value
        self._used.add(key)
        self._changed = True

    def save(self) -> None:
        """Keep what this build used (nothing older), written whole or not at all."""
        path = self.path
        if path is None or not (self._changed or set(self._found) - self._used):
            return
        kept = {k: v for k, v in self._found.items() if k in self._used}
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(f"{self.name}-*.pickle"):  # made by another version
            if old != path:
                old.unlink(missing_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{self.name}-")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(kept, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        self._found, self._changed = kept, False

