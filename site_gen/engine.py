"""Which engine builds the site: MkDocs 1.x or ProperDocs, its maintained drop-in fork.

The MkDocs adapter imports the engine as ``mkdocs.*``. ProperDocs answers to those names
once ``properdocs.replacement`` is imported, which its own command does first. When the
``site-gen`` commands run and MkDocs itself is not installed, this module imports it, so
the adapter works with either. Import this module before any ``mkdocs`` import.
"""

from __future__ import annotations

import importlib.util
import logging
import sys


def _choose() -> str:
    running = sys.modules.get("properdocs")
    if running is not None and sys.modules.get("mkdocs") is running:
        return "properdocs"  # the `properdocs` command, which aliased mkdocs.* itself
    if importlib.util.find_spec("mkdocs") is not None:
        return "mkdocs"
    if importlib.util.find_spec("properdocs") is not None:
        import properdocs.replacement  # noqa: F401  (mkdocs.* now means properdocs.*)

        return "properdocs"
    raise ImportError(
        "site-gen needs MkDocs or ProperDocs to build the site: "
        'pip install "mkdocs<2" (or properdocs), or run scripts/setup'
    )


NAME = _choose()


def logger() -> logging.Logger:
    """The engine's top logger, which every message of a build reaches.

    Under ProperDocs, the ``mkdocs`` logger (which Material and older plugins still use)
    is made a child of ``properdocs``, as the ``properdocs`` command does.
    """
    top = logging.getLogger(NAME)
    if NAME != "mkdocs":
        legacy = logging.getLogger("mkdocs")
        legacy.parent = top
        legacy.propagate = True
    return top
