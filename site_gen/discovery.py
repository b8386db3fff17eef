"""What search engines read besides the pages: when each page last changed, one sitemap
per UI language under a sitemap index, and ``robots.txt`` naming it.

A page's date is when its content last changed, never the build's: a practice's
``updated`` field, else the last commit of its file (else, outside a git checkout, the
file's modification time); a listing's is the newest of the practices it lists; a
hand-written page's, its file's.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Iterable
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from .model import Practice


def commit_dates(folder: Path) -> tuple[dict[Path, datetime.date], dict[Path, datetime.date]]:
    """The days of the last and of the first commit of each file under ``folder`` (empty
    outside git; a shallow clone knows its own history only)."""
    try:
        out = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--relative", "--no-renames", "--", "."],
            cwd=folder, capture_output=True, text=True, timeout=120, check=True,
        ).stdout  # paths from ``folder`` (--relative), newest commit first
    except (OSError, subprocess.SubprocessError):
        return {}, {}
    last: dict[Path, datetime.date] = {}
    first: dict[Path, datetime.date] = {}
    day = None
    folder = folder.resolve()
    for line in out.splitlines():
        if line.startswith("\0"):
            day = datetime.date.fromisoformat(line[1:])
        elif line and day is not None:
            path = folder / line
            last.setdefault(path, day)  # the first seen is the last commit
            first[path] = day  # ... and the last seen the first
    return last, first


def absolute(path: Path) -> Path:
    """``path`` from the file system's root, as git's paths are keyed (no disk access: a
    build asks for thousands)."""
    return Path(os.path.abspath(path))


class Dates:
    """When each source file last changed, from git where it knows, else from the disk."""

    def __init__(self, folders: Iterable[Path]):
        self._known: dict[Path, datetime.date] = {}
        self._first: dict[Path, datetime.date] = {}
        self._practices: dict[str, datetime.date | None] = {}  # by slug: listings ask again and again
        for folder in folders:
            if folder.is_dir():
                last, first = commit_dates(folder)
                self._known.update(last)
                self._first.update(first)

    def of_file(self, path: Path) -> datetime.date | None:
        path = absolute(path)
        if path in self._known:
            return self._known[path]
        try:
            return datetime.date.fromtimestamp(path.stat().st_mtime)
        except OSError:
            return None

    def of_practice(self, practice: "Practice") -> datetime.date | None:
        """Its ``updated`` field, else when its file last changed."""
        if practice.slug not in self._practices:
            found = self.of_file(practice.file) if practice.file is not None else None
            self._practices[practice.slug] = practice.updated or found
        return self._practices[practice.slug]

    def published(self, practice: "Practice") -> datetime.date | None:
        """When the practice was first published: its file's first commit, else (outside
        git) its last change."""
        first = self._first.get(absolute(practice.file)) if practice.file is not None else None
        return first or self.of_practice(practice)

    def newest(self, practices: Iterable["Practice"]) -> datetime.date | None:
        return max((d for d in map(self.of_practice, practices) if d is not None), default=None)


def generated_page_date(context: dict, dates: Dates) -> datetime.date | None:
    """A generated page's date from what it shows (its :class:`~site_gen.catalog.PageSpec`
    context): a practice's own, a listing's newest practice, a facet index's newest."""
    if "practice" in context:
        return dates.of_practice(context["practice"])
    if "listing" in context:
        return dates.newest(context["listing"].items)
    if "facet_values" in context:
        return dates.newest(p for value in context["facet_values"] for p in value.practices)
    return None


def sitemap_index(sitemaps: list[tuple[str, datetime.date | None]]) -> str:
    """A sitemap index naming each ``(absolute URL, last change)``."""
    entries = "".join(
        f"<sitemap><loc>{escape(url)}</loc>" + (f"<lastmod>{day.isoformat()}</lastmod>" if day else "") + "</sitemap>\n"
        for url, day in sitemaps
    )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + entries + "</sitemapindex>\n")


def robots_txt(sitemap_url: str | None) -> str:
    """Every page may be crawled; the sitemap index is named where the site has a URL."""
    text = "User-agent: *\nAllow: /\n"
    return text + (f"\nSitemap: {sitemap_url}\n" if sitemap_url else "")
