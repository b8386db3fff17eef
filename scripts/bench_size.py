"""The size part of scripts/bench: where a built site's bytes go, per practice.

Every file of the site falls in one part, by its path: the practice pages (split into
the practice's own text, its related practices and the rest of the page: head, header,
navigation, panel, footer), the listing and facet pages, the search's data, the open
data, the theme's and our assets, and the rest (hand-written pages, sitemaps, images).
Bytes as they lie on disk, uncompressed: what a static host stores and counts.
"""

from __future__ import annotations

from pathlib import Path

from site_gen.catalog import LISTING_FOLDER
from site_gen.facets import DEFAULT_FACETS

LANGUAGES = ("nl", "en", "fr")
OPEN_DATA = ("practices.json", "practices.csv", "datapackage.json", "feed.xml", "schema")
LISTINGS = (LISTING_FOLDER, *(f.key for f in DEFAULT_FACETS))
# The parts, in the order the report shows them.
PARTS = {
    "text": "practice pages: the practice's text",
    "related": "practice pages: related practices",
    "page": "practice pages: the rest of the page",
    "listings": "listing and facet pages",
    "search": "search data",
    "open_data": "open data",
    "assets": "theme and site assets",
    "other": "other (hand-written pages, sitemaps, photos)",
}
# Where the practice's text starts, and what may follow it (the first one found ends it).
TEXT_START = '<div class="sg-body"'
TEXT_ENDS = ('<section class="sg-documents"', '<p class="sg-provenance"', '<section class="sg-cite"')
RELATED_START, RELATED_END = '<section class="sg-related"', "</article>"


def practice_page_parts(html: bytes) -> dict[str, int]:
    """A practice page's bytes: its text, its related practices, and the rest."""
    def cut(start: bytes, ends: tuple[bytes, ...]) -> int:
        begin = html.find(start)
        if begin < 0:
            return 0
        found = [i for i in (html.find(end, begin) for end in ends) if i >= 0]
        return (min(found) if found else len(html)) - begin

    text = cut(TEXT_START.encode(), tuple(e.encode() for e in TEXT_ENDS))
    related = cut(RELATED_START.encode(), (RELATED_END.encode(),))
    return {"text": text, "related": related, "page": len(html) - text - related}


def part_of(relative: tuple[str, ...], slugs: set[str]) -> str:
    """The part a file belongs to, from its path below the site's root."""
    if relative[0] in LANGUAGES:  # another UI language's site, under /en/, /fr/
        relative = relative[1:]
    if not relative:
        return "other"
    head = relative[0]
    if head == "search":
        return "search"
    if head in OPEN_DATA:
        return "open_data"
    if head == "assets":
        return "assets"
    if head in LISTINGS and relative[-1].endswith(".html"):
        practice_page = head == LISTING_FOLDER and len(relative) == 3 and relative[1] in slugs
        return "practice" if practice_page else "listings"
    return "other"


def site_bytes(site: Path, slugs: set[str]) -> dict[str, int]:
    """Bytes of every part of the site (see :data:`PARTS`)."""
    totals = dict.fromkeys(PARTS, 0)
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        part = part_of(path.relative_to(site).parts, slugs)
        if part == "practice":
            for name, size in practice_page_parts(path.read_bytes()).items():
                totals[name] += size
        else:
            totals[part] += path.stat().st_size
    return totals


def report(rows: list[dict]) -> list[str]:
    """A table of the parts, per practice, one column per corpus size."""
    kb = lambda b: f"{b / 1024:,.1f} KB"  # noqa: E731
    lines = ["| part | " + " | ".join(f"{r['size']:,} practices" for r in rows) + " |",
             "|---|" + "---|" * len(rows)]
    for key, label in PARTS.items():
        lines.append(f"| {label} | " + " | ".join(kb(r["site_parts"][key] / r["size"]) for r in rows) + " |")
    lines.append("| **the whole site** | " + " | ".join(f"**{kb(sum(r['site_parts'].values()) / r['size'])}**" for r in rows) + " |")
    return lines
