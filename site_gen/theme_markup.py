"""Mends to the theme's markup that no template block reaches, made on each written page.

- Material's ``base.html`` marks its two hidden toggles (the drawer and the search) with
  ``autocomplete="off"``, which HTML allows on text-like inputs only (the Nu HTML Checker
  reports it on every page); it is there to stop Firefox restoring a toggle's state after
  going back (at worst, the menu is open again after Back, and one tap closes it).
- The search toggle has no label on our pages (our header's search replaced the theme's),
  and the navigation's ``#__toc`` toggle has none on a page without a table of contents:
  an unnamed checkbox to pa11y's HTML_CodeSniffer. They are never shown (``display: none``)
  and only hold the theme's state, so they are marked ``aria-hidden``.

They are outside any block, so they are mended here, on the exact markup: should the
theme change it, :func:`mend` leaves the page alone and a test says so.
"""

from __future__ import annotations

TOGGLES = (
    ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
     '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'),
    ('<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
     '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" aria-hidden="true">'),
)
TOC_TOGGLE = ('<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">',
              '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc" aria-hidden="true">')
TOC_LABEL = 'for="__toc"'


def mend(html: str) -> str:
    """``html`` with the theme's invalid or unnamed markup mended (the first of each, near the top)."""
    for theirs, ours in TOGGLES:
        html = html.replace(theirs, ours, 1)
    if TOC_LABEL not in html:
        html = html.replace(*TOC_TOGGLE, 1)
    return html
