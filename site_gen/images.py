"""Photos that suit a phone: each raster image of a practice published at the widths a
page shows, never as the multi-megabyte original a camera makes.

An image keeps its own name at the largest width (so links in the body still work) and,
a photo (JPEG, WebP), smaller copies beside it (``photo-480w.jpg``) for ``srcset``. Every copy is
re-encoded, which also drops the camera's metadata (EXIF: place, time, device). GIF and
AVIF are published as they are. Deterministic: the same file makes the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

WIDTHS = (480, 960, 1440)  # a phone, a phone at 2×, a wide screen; the last is the largest served
RESIZABLE = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
LARGE_BYTES = 3_000_000  # an original above this gets a warning at validation
ENCODING = {"JPEG": {"quality": 82, "optimize": True, "progressive": True}, "PNG": {"optimize": True}, "WEBP": {"quality": 80, "method": 4}}


@dataclass(frozen=True)
class Variant:
    """One published copy: its file name beside index.md and its width in pixels."""

    name: str
    width: int
    height: int


def _name(path: Path, width: int, largest: int) -> str:
    return path.name if width == largest else f"{path.stem}-{width}w{path.suffix}"


def plan(path: Path) -> list[Variant]:
    """The copies of ``path`` that are published, smallest first (reads only the header)."""
    if path.suffix.lower() not in RESIZABLE:
        return [Variant(path.name, 0, 0)]
    with Image.open(path) as image:
        width, height = ImageOps.exif_transpose(image).size if _rotated(image) else image.size
    # A PNG is mostly a drawing: smaller copies of it, smoothed, come out larger in bytes.
    chosen = WIDTHS[-1:] if RESIZABLE[path.suffix.lower()] == "PNG" else WIDTHS
    widths = sorted({min(width, w) for w in chosen})
    return [Variant(_name(path, w, widths[-1]), w, round(height * w / width)) for w in widths]


def _rotated(image: Image.Image) -> bool:
    """Whether the camera marked the picture as turned (EXIF orientation 5 to 8)."""
    return image.getexif().get(0x0112, 1) in (5, 6, 7, 8)


def render(path: Path) -> list[tuple[Variant, bytes | None]]:
    """Every copy with its bytes (``None``: publish the file as it is)."""
    variants = plan(path)
    kind = RESIZABLE.get(path.suffix.lower())
    if kind is None:
        return [(variants[0], None)]
    found = []
    with Image.open(path) as original:
        image = ImageOps.exif_transpose(original)
        if kind == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        for variant in variants:
            copy = image if variant.width == image.width else image.resize((variant.width, variant.height), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            copy.save(out, kind, **ENCODING[kind])
            found.append((variant, out.getvalue()))
    return found
