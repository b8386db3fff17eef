"""Mends to the theme's markup that no template block reaches, made on each written page.

Material's ``base.html`` marks its two hidden toggles (the drawer and the search) with
``autocomplete="off"``, which HTML allows on text-like inputs only (the Nu HTML Checker
reports it on every page); it is there to stop Firefox restoring a toggle's state after
going back (at worst, the menu is open again after Back, and one tap closes it). They are outside
any block, so they are mended here, on the exact markup: should the theme change it,
:func:`mend` leaves the page alone and a test says so.
"""

from __future__ import annotations

TOGGLES = tuple(
    (f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">',
     f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}">')
    for name in ("drawer", "search")
)


def mend(html: str) -> str:
    """``html`` with the theme's invalid markup made valid (the first of each, near the top)."""
    for theirs, ours in TOGGLES:
        html = html.replace(theirs, ours, 1)
    return html
