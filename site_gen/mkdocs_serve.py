"""``mkdocs serve`` that keeps up: after a save, only what the edit touched is made again.

MkDocs empties the site folder before every build and makes every page again. Within a
preview (the plugin lives on between builds: it has ``on_startup``) we do better:

- before MkDocs empties the folder, the last build is moved aside (one rename);
- :func:`site_gen.incremental.pages_to_keep` says which practice pages are still right;
  those are left out of the build, and their folders moved back at its end;
- the search index is made meanwhile in its own process and takes the place of the last
  one when it is ready (until then the last one answers);
- the other languages' builds run on after the default one has been served, and the
  next save stops any still running.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path
from typing import Any

from .incremental import BuildState, pages_to_keep
from .search.build import locked
from .search.shards import FOLDER as SEARCH_FOLDER


class Preview:
    """What one ``mkdocs serve`` keeps from build to build."""

    def __init__(self) -> None:
        self.previous: BuildState | None = None
        self.stash: Path | None = None
        self.keep: set[str] = set()
        self.pending: list[Any] = []  # the search files and language builds of the last build

    def lock(self, site_dir: Path) -> Path:
        return site_dir.with_name(site_dir.name + ".lock")

    def before(self, site_dir: Path | None) -> None:
        """Finish what the last build left running, and move its site aside (``None``:
        only finish, the preview ends)."""
        for job in self.pending:
            job()
        self.pending = []
        if self.stash is not None and self.stash.exists():  # the site before last: deleted meanwhile
            trash = self.stash.with_name(f"{self.stash.name}.{time.time_ns()}")
            os.rename(self.stash, trash)
            threading.Thread(target=shutil.rmtree, args=(trash,), kwargs={"ignore_errors": True}, daemon=True).start()
        self.stash = None
        if site_dir is not None and site_dir.is_dir() and any(site_dir.iterdir()):
            stash = site_dir.with_name(site_dir.name + ".previous")
            os.rename(site_dir, stash)
            site_dir.mkdir()
            self.stash = stash

    def choose(self, state: BuildState) -> set[str]:
        """The practices whose pages the last build made right (none without one)."""
        self.keep = pages_to_keep(self.previous, state) if self.stash is not None else set()
        self.previous = state
        return self.keep

    def after(self, site_dir: Path) -> None:
        """Move back the last search until the new one takes its place (the kept pages
        came back as the build began). The rest of the last site goes at the next save:
        the other languages' builds take their kept pages from it meanwhile."""
        stash = self.stash
        if stash is None:
            return
        if (stash / SEARCH_FOLDER).is_dir():
            with locked(self.lock(site_dir)):
                if not (site_dir / SEARCH_FOLDER).exists():
                    os.rename(stash / SEARCH_FOLDER, site_dir / SEARCH_FOLDER)


def restore(last_site: Path, site_dir: Path, practice_folder: str, slugs: set[str]) -> None:
    """Move the folders of these practices' pages from the last build into this one."""
    (site_dir / practice_folder).mkdir(parents=True, exist_ok=True)
    for slug in slugs:
        source = last_site / practice_folder / slug
        if source.is_dir():
            os.rename(source, site_dir / practice_folder / slug)
