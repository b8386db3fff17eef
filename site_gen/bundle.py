"""The offline bundle: the site built for disk, optionally a themed subset, in one zip.

What a bundle holds is decided here (which practices, what it says about itself); the
MkDocs adapter builds it (``mkdocs_plugin.build_site``) and this module zips the result.
"""

from __future__ import annotations

import datetime
import hashlib
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .facets import Facet, with_language
from .model import Practice
from .vocab import Vocabularies


class BundleError(Exception):
    """A bundle cannot be made as asked; the message says why."""


@dataclass
class Subset:
    """Which practices a themed bundle holds: per facet parameter, the values asked for.

    Values of one facet combine with OR, facets with AND, as in the finder.
    """

    wanted: dict[str, list[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return any(self.wanted.values())

    def resolve(self, facets: tuple[Facet, ...], vocabularies: Vocabularies) -> dict[Facet, set[Any]]:
        """The facet values meant, as ids; an unknown value is an error naming it."""
        by_param = {f.param: f for f in with_language(facets)}
        chosen: dict[Facet, set[Any]] = {}
        for param, raws in self.wanted.items():
            if not raws:
                continue
            facet = by_param.get(param)
            if facet is None:
                raise BundleError(f"cannot select by {param}: use one of {', '.join(by_param)}")
            values = set()
            for raw in raws:
                if facet.vocabulary is None:
                    if not raw.isdigit():
                        raise BundleError(f'{param}: "{raw}" is not a year')
                    values.add(int(raw))
                    continue
                found, near = vocabularies[facet.vocabulary].resolve(raw)
                if found is None:
                    hint = f' (did you mean "{near[0]}"?)' if near else ""
                    raise BundleError(f'{param}: "{raw}" is not known{hint}')
                values.add(found)
            chosen[facet] = values
        return chosen

    @staticmethod
    def keep(practices: list[Practice], chosen: dict[Facet, set[Any]]) -> list[Practice]:
        return [p for p in practices if all(set(f.values_of(p)) & values for f, values in chosen.items())]


@dataclass
class Bundle:
    """What an offline copy says about itself: when it was made, from which data, of what."""

    made: datetime.datetime
    version: str
    subset: Subset = field(default_factory=Subset)
    description: list[tuple[str, list[str]]] = field(default_factory=list)  # filled in by the build

    @property
    def made_text(self) -> str:
        return self.made.strftime("%Y-%m-%d %H:%M UTC")


def data_version(root: Path, practices_dir: Path) -> str:
    """The git commit of the data when it is clean; else a hash of the practice files."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root, capture_output=True, text=True, timeout=10)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", str(practices_dir)], cwd=root, capture_output=True, text=True, timeout=10)
        if commit.returncode == 0 and dirty.returncode == 0 and not dirty.stdout.strip():
            return f"git {commit.stdout.strip()}"
    except (OSError, subprocess.SubprocessError):
        pass
    digest = hashlib.sha256()
    for path in sorted(p for p in practices_dir.rglob("*") if p.is_file()):
        digest.update(path.relative_to(practices_dir).as_posix().encode() + b"\0" + path.read_bytes())
    return f"sha256 {digest.hexdigest()[:12]}"


def zip_site(site_dir: Path, out: Path, made: datetime.datetime) -> int:
    """Zip the site with index.html at the top; entries sorted and dated ``made``. Returns bytes."""
    stamp = made.timetuple()[:6]
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            name = path.relative_to(site_dir).as_posix()
            if name == "sitemap.xml.gz" or name.endswith(".map"):
                continue  # for search engines and developers' tools, not for disk
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return out.stat().st_size
