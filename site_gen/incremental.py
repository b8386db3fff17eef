"""Which practice pages a preview must make again after an edit, and which it may keep.

``mkdocs serve`` rebuilds the whole site on every save; at a thousand practices that is
far slower than the edit deserves. A practice page shows the practice itself and the
cards of its related practices; everything else on it (labels, the navigation, the
number of practices) comes from what is the same for every page. So when nothing but
the contents of practice files changed since the last build (no practice added or
removed, no template, vocabulary, setting, hand-written page or code), only the pages of
the practices that changed, and of those whose related practices changed, are made
again; the listings and facet pages, which are few, always are.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .model import Practice


def practice_digest(practice: Practice) -> str:
    """What a practice's page and card are made of: its fields, body and files."""
    files = [(p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in practice.assets]
    text = json.dumps([practice.slug, practice.data, practice.body, files], sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def folders_digest(paths: Iterable[Path | None], extra: str = "") -> str:
    """Every file under ``paths`` by name, size and time of change, and ``extra``."""
    digest = hashlib.sha256(extra.encode("utf-8"))
    for root in paths:
        if root is None or not root.exists():
            continue
        for path in sorted(root.rglob("*")) if root.is_dir() else [root]:
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8"))
    return digest.hexdigest()


@dataclass(frozen=True)
class BuildState:
    """What one build's practice pages were made of."""

    world: str  # everything but the practices (see folders_digest)
    practices: dict[str, str]  # slug -> practice_digest
    related: dict[str, tuple[str, ...]]  # slug -> related slugs, in order

    @classmethod
    def of(cls, world: str, practices: list[Practice], related: dict[str, list[Practice]]) -> "BuildState":
        return cls(world, {p.slug: practice_digest(p) for p in practices},
                   {slug: tuple(r.slug for r in found) for slug, found in related.items()})


def pages_to_keep(previous: BuildState | None, current: BuildState) -> set[str]:
    """The practices whose pages from the previous build are still right (none when
    anything but the contents of practices changed)."""
    if previous is None or previous.world != current.world or previous.practices.keys() != current.practices.keys():
        return set()
    changed = {slug for slug, digest in current.practices.items() if previous.practices[slug] != digest}
    return {
        slug for slug in current.practices
        if slug not in changed and previous.related.get(slug) == current.related.get(slug)
        and not changed.intersection(current.related.get(slug, ()))
    }
