"""Which files one language's MkDocs build publishes, besides the generated pages.

- A hand-written page ``x.md`` may have translations ``x.en.md``, ``x.fr.md``: each
  language's build uses its own in place of ``x.md`` and publishes none of them as such.
- The one search, made by the default language's build, indexes the hand-written pages
  of every language, with URLs from the default language's root ("en/contribute/").
- Material's own search (replaced by ours: its lunr.js builds and worker) and the
  theme's source maps are left out: nothing on a page loads them; 2 MB in each language.
"""

from __future__ import annotations

from typing import Any, Callable

from . import engine  # noqa: F401  (before mkdocs: MkDocs or ProperDocs)

from mkdocs.structure.files import File, Files

from .languages import Layout, translation_of
from .search.documents import Page

UNUSED_THEME_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/")


def pages_for_search(files: Files, layout: Layout, expand: Callable[[str], str]) -> list[Page]:
    """The hand-written pages of every UI language, for the one search (``expand``: the
    guide's placeholders filled in)."""
    found = {f.src_uri: f for f in files.documentation_pages()}
    from_default = Layout(layout.languages, layout.default, layout.default)
    pages = []
    for lang in layout.languages:
        for src_uri, file in found.items():
            if translation_of(src_uri) is not None:
                continue
            markdown = found.get(f"{src_uri[:-3]}.{lang}.md", file).content_string
            if "site-gen:" in markdown:
                markdown = expand(markdown)
            pages.append(Page(url=from_default.root_of(lang) + file.url, markdown=markdown, fallback_title=file.name, lang=lang))
    return pages


def use_translations(files: Files, config: Any, lang: str) -> None:
    """``lang``'s x.<lang>.md replaces x.md; no x.<lang>.md is published as such."""
    for file in list(files.documentation_pages()):
        found = translation_of(file.src_uri)
        if found is None:
            continue
        files.remove(file)
        base, file_lang = found
        if file_lang == lang and files.get_file_from_path(base) is not None:
            files.remove(files.get_file_from_path(base))
            files.append(File.generated(config, base, abs_src_path=file.abs_src_path))  # its date is its own


def drop_unused_theme_files(files: Files) -> None:
    for file in [f for f in files if unused_theme_file(f.src_uri)]:
        files.remove(file)


def unused_theme_file(src_uri: str) -> bool:
    return src_uri.startswith(UNUSED_THEME_FILES) or (src_uri.startswith("assets/") and src_uri.endswith(".map"))
