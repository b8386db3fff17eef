"""What a chat or social network shows of a shared link: Open Graph and Twitter card tags.

Every page gets its title, summary, address, language and the site's name; a practice
with a photo also the photo (with its description), shown large. Addresses are absolute,
so the tags are made only for a site with a URL (``site_url``).
"""

from __future__ import annotations

from typing import Any

from babel.core import get_global

from .exports import photo_address


def og_locale(lang: str) -> str:
    """Open Graph's ``language_TERRITORY`` for a language: its likeliest territory (Babel)."""
    likely = get_global("likely_subtags").get(lang, lang).split("_")
    return f"{likely[0]}_{likely[-1]}" if len(likely) > 1 else likely[0]


def tags(title: str, description: str, url: str | None, lang: str, site_name: str, kind: str = "website",
         image: str | None = None, image_alt: str | None = None) -> list[tuple[str, str, str]]:
    """``(attribute, key, content)`` of each ``<meta>`` (``property`` for Open Graph,
    ``name`` for X's card), those with content. Nothing without an absolute ``url``."""
    if not url:
        return []
    found = [
        ("property", "og:type", kind),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "og:locale", og_locale(lang)),
        ("property", "og:site_name", site_name),
        # X (Twitter) reads title, description and image from Open Graph: only the card's kind is its own.
        ("name", "twitter:card", "summary_large_image" if image else "summary"),
    ]
    if image:
        found += [("property", "og:image", image), ("property", "og:image:alt", image_alt or "")]
    return [(attribute, key, content) for attribute, key, content in found if content]


def practice_tags(catalog: Any, practice: Any, url: str | None, site_url: str | None,
                  site_name: str) -> list[tuple[str, str, str]]:
    """A practice's tags: its own title, summary and language, and its photo where it has
    one (by its absolute address: only for a site with a URL)."""
    photo = photo_address(catalog, practice, site_url) if practice.image and site_url else None
    return tags(practice.title, practice.summary, url, practice.language, site_name, "article",
                photo, (practice.image or {}).get("alt"))
