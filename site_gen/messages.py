"""What the checks say, in the contributor's language: messages are data (messages.yml).

The language is set once around a whole check (``with language("nl"): …``) rather than
passed through every function that may find a problem; it defaults to English.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
from pathlib import Path
from typing import Iterator

import yaml

from .text import UI_LANGUAGES

MESSAGES_FILE = Path(__file__).parent / "messages.yml"
_LANGUAGE: contextvars.ContextVar[str] = contextvars.ContextVar("site_gen_messages_language", default="en")


@functools.cache
def table(path: Path = MESSAGES_FILE) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@contextlib.contextmanager
def language(lang: str | None) -> Iterator[None]:
    """Messages inside the block are in ``lang`` (one of nl, en, fr; ``None``: unchanged)."""
    if lang is not None and lang not in UI_LANGUAGES:
        raise ValueError(f"no messages in {lang!r}; use one of {', '.join(UI_LANGUAGES)}")
    token = _LANGUAGE.set(lang or _LANGUAGE.get())
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def word(key: str, **values: object) -> str:
    """A single text of the table (``noun_topics``, ``summary_valid``, …) in the current language."""
    return table()[key][_LANGUAGE.get()].format(**values)


def say(key: str, **values: object) -> tuple[str, str]:
    """``(what is wrong, how to fix it)`` of a problem, in the current language."""
    entry = table()[key]
    lang = _LANGUAGE.get()
    return entry["what"][lang].format(**values), entry["fix"][lang].format(**values)
