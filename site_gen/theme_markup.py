"""Mends to the theme's markup that no template block reaches, made on each written page.

- Material's ``base.html`` marks its two hidden toggles (the drawer and the search) with
  ``autocomplete="off"``, which HTML allows on text-like inputs only (the Nu HTML Checker
  reports it on every page); it is there to stop Firefox restoring a toggle's state after
  going back (at worst, the menu is open again after Back, and one tap closes it).
- The search toggle has no label on our pages (our header's search replaced the theme's).
- The table of contents' toggle ``#__toc`` and its labels come in a pair only on a page
  in the navigation: the navigation writes the toggle, and on a page without a table of
  contents no label; the table of contents writes its title as a label, also on pages
  out of the navigation, where there is no toggle. An unnamed toggle (pa11y's
  HTML_CodeSniffer) is marked ``aria-hidden`` (never shown: it only holds the theme's
  state); a label for nothing (the Nu HTML Checker) becomes the plain title it shows.

They are outside any block, so they are mended here, on the exact markup: should the
theme change it, :func:`mend` leaves the page alone and a test says so.
"""

from __future__ import annotations

import re

TOGGLES = (
    ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
     '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'),
    ('<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
     '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" aria-hidden="true">'),
)
TOC_TOGGLE = ('<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">',
              '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc" aria-hidden="true">')
TOC_LABEL = 'for="__toc"'
# The table of contents' title (material/partials/toc.html), as a label; its icon is the
# drawer's "back" arrow, which a plain title does not have.
TOC_TITLE = re.compile(r'<label class="md-nav__title" for="__toc">\s*<span class="md-nav__icon md-icon"></span>\s*(.*?)\s*</label>')


def mend(html: str) -> str:
    """``html`` with the theme's invalid or unnamed markup mended (the first of each, near the top)."""
    for theirs, ours in TOGGLES:
        html = html.replace(theirs, ours, 1)
    if TOC_TOGGLE[0] not in html:  # out of the navigation: the title labels nothing
        html = TOC_TITLE.sub(r'<div class="md-nav__title">\1</div>', html, count=1)
    if TOC_LABEL not in html:
        html = html.replace(*TOC_TOGGLE, 1)
    return html
