"""The site in several UI languages: which pages each language build uses, and where
the same page lives in the other languages.

The default language (``theme.language``) keeps the URLs of the root; every other
language is a build of its own under ``/<lang>/``. A hand-written page ``x.md`` may have
translations ``x.en.md``, ``x.fr.md``: a language's build uses its translation in place
of ``x.md``, and no build publishes the ``x.<lang>.md`` files themselves.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from babel import Locale

TRANSLATION = re.compile(r"^(?P<base>.+)\.(?P<lang>nl|en|fr)\.md$")


def translation_of(src_uri: str) -> tuple[str, str] | None:
    """``("contribute/index.md", "en")`` for ``contribute/index.en.md``, else ``None``."""
    match = TRANSLATION.match(src_uri)
    return (match.group("base") + ".md", match.group("lang")) if match else None


@functools.cache
def language_name(lang: str) -> str:
    """The language's own name for itself: Nederlands, English, Français."""
    name = Locale(lang).languages[lang]
    return name[:1].upper() + name[1:]


@dataclass(frozen=True)
class Layout:
    """Where each UI language's build lives, seen from one of them."""

    languages: tuple[str, ...]
    default: str
    current: str

    def folder_of(self, lang: str) -> str:
        """``lang``'s root from the site's root ("" for the default language, "en/")."""
        return "" if lang == self.default else f"{lang}/"

    def root_of(self, lang: str) -> str:
        """The path from the current build's root to ``lang``'s root ("", "en/", "../", "../fr/")."""
        return ("" if self.current == self.default else "../") + self.folder_of(lang)

    def alternates(self, base_url: str, page_url: str, site_url: str | None = None) -> list[dict[str, str]]:
        """The same page in every language: ``href`` relative to the page (base_url: to its
        root), ``url`` absolute where the site has a URL (``site_url``), else the same."""
        base = base_url.rstrip("/") + "/" if base_url not in ("", ".") else ""
        site = site_url.rstrip("/") + "/" if site_url else None
        found = []
        for lang in self.languages:
            href = (base + self.root_of(lang) + page_url) or "./"
            url = site + self.folder_of(lang) + page_url if site else href
            found.append({"lang": lang, "name": language_name(lang), "href": href, "url": url, "current": lang == self.current,
                          "default": lang == self.default})
        return found
