"""Helpers shared by the tests: small practice corpora and real `mkdocs build` runs."""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from io import BytesIO
from pathlib import Path
from typing import Any

import yaml
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
# A 1×1 transparent PNG: a real image file for practices with a picture.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6300010000050001"
    "0d0a2db40000000049454e44ae426082"
)
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def practice_text(fields: dict[str, Any], body: str = "## Beschrijving\n\nDe praktijk in het kort.\n") -> str:
    """A practice file: YAML front matter and a Markdown body."""
    front = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n{body}"


def base_fields(**overrides: Any) -> dict[str, Any]:
    fields = {
        "title": "Praktijktesten op de huurmarkt",
        "summary": "De stad test of verhuurders discrimineren.",
        "language": "nl",
        "year": 2021,
        "countries": ["BE"],
        "topics": ["anti-discrimination-and-equality"],
    }
    fields.update(overrides)
    return fields


def write_practices(folder: Path, practices: dict[str, str | bytes]) -> None:
    """Write ``{"slug.md": text, "slug/index.md": text, "slug/photo.png": bytes}``."""
    for name, content in practices.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def create_project(project: Path, practices: dict[str, str | bytes], per_page: int = 20, language: str = "nl") -> Path:
    """A site project like the repository's (its docs, templates, settings) with these practices."""
    (project / "practices").mkdir(parents=True)
    shutil.copytree(ROOT / "docs", project / "docs")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["theme"]["language"] = language
    config.pop("watch", None)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "site-gen" in plugin:
            plugin["site-gen"]["per_page"] = per_page
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    write_practices(project / "practices", practices)
    return project


def samples_project(project: Path, per_page: int = 20) -> Path:
    """The repository's site with its own sample practices (photos and all), in ``project``:
    with a small ``per_page``, the listings are cut in pages as a real database's are."""
    create_project(project, {}, per_page=per_page)
    shutil.rmtree(project / "practices")
    shutil.copytree(ROOT / "practices", project / "practices")
    return project


def site_gen(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The ``site-gen`` command line, run in ``cwd``; returns the finished process."""
    return subprocess.run([sys.executable, "-m", "site_gen.cli", *args], cwd=cwd, input=stdin, env=BUILD_ENV,
                          capture_output=True, text=True, timeout=300)


def mkdocs_build(project: Path, *args: str, site: Path | None = None) -> subprocess.CompletedProcess[str]:
    """A real ``mkdocs build`` of ``project``; returns the finished process."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", *args]
    if site is not None:
        command += ["--site-dir", str(site)]
    return subprocess.run(command, cwd=project, env=BUILD_ENV, capture_output=True, text=True, timeout=600)


def card_links(html: str) -> list[str]:
    """The practice URLs of the cards on a listing page, in order."""
    return re.findall(r'class="sg-card__title"[^>]*><a href="([^"]+)"', html)


def slug_of(link: str) -> str:
    return link.rstrip("/").split("/")[-1]


def camera_photo(width: int = 4800, height: int = 3600) -> bytes:
    """A large noisy JPEG, as a phone camera makes them (several MB), with EXIF."""
    rng = random.Random(3)
    small = Image.frombytes("RGB", (width // 8, height // 8), bytes(rng.getrandbits(8) for _ in range(width // 8 * height // 8 * 3)))
    image = small.resize((width, height), Image.Resampling.NEAREST)
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # the camera's make: metadata that must not be published
    out = BytesIO()
    image.save(out, "JPEG", quality=98, exif=exif)
    return out.getvalue()
