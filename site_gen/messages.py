"""What the checks say, in the contributor's language: messages are data (messages.yml).

The language is set once around a whole check (``with language("nl"): …``) rather than
passed through every function that may find a problem; it defaults to English. A
deployment may reword any message in its own file (the plugin's ``messages_file``), in
the same shape as messages.yml; :func:`reword` checks it and puts it over the table.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import string
from pathlib import Path
from typing import Iterator

import yaml

from . import yamlfile
from .text import UI_LANGUAGES

MESSAGES_FILE = Path(__file__).parent / "messages.yml"
_LANGUAGE: contextvars.ContextVar[str] = contextvars.ContextVar("site_gen_messages_language", default="en")
_REWORDED: dict[tuple[str, ...], str] = {}  # (key, "what"|"fix", lang) or (key, lang) -> text


class MessagesError(ValueError):
    """A deployment's messages file that cannot be used, with every reason."""


@functools.cache
def table(path: Path = MESSAGES_FILE) -> dict:
    return yamlfile.load(path)


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


def _texts(entry: dict, key: str) -> dict[tuple[str, ...], str]:
    """Every text of one entry: a word ``{nl, en, fr}`` or a problem ``{what, fix}``."""
    if "what" in entry or "fix" in entry:
        return {(key, part, lang): text for part in ("what", "fix") for lang, text in (entry.get(part) or {}).items()}
    return {(key, lang): text for lang, text in entry.items()}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def reword(path: Path | None) -> None:
    """Use the wording in ``path`` (a deployment's messages file) over the packaged one;
    ``None``: the packaged wording only. Raises :class:`MessagesError` with every problem."""
    _REWORDED.clear()
    if path is None:
        return
    try:
        own = yamlfile.load(path) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise MessagesError(f"{path}: cannot read the messages: {exc}") from None
    if not isinstance(own, dict):
        raise MessagesError(f"{path}: the messages are a mapping of keys, as in site_gen/messages.yml")
    known = {t: text for key, entry in table().items() for t, text in _texts(entry, key).items()}
    found, problems = {}, []
    for key, entry in own.items():
        if key not in table():
            problems.append(f"{key}: no such message (see site_gen/messages.yml for the keys)")
            continue
        for where, text in _texts(entry if isinstance(entry, dict) else {}, key).items():
            name = ".".join(where)
            if where not in known:
                problems.append(f"{name}: no such text; a message has what/fix, each in {', '.join(UI_LANGUAGES)}")
            elif not isinstance(text, str) or _placeholders(text) != _placeholders(known[where]):
                wanted = ", ".join("{" + p + "}" for p in sorted(_placeholders(known[where]))) or "no {…}"
                problems.append(f"{name}: the text must use {wanted}, as the original does")
            else:
                found[where] = text
    if problems:
        raise MessagesError(f"{path}: " + "; ".join(problems))
    _REWORDED.update(found)


def _text(*where: str) -> str:
    if where in _REWORDED:
        return _REWORDED[where]
    entry = table()[where[0]]
    for part in where[1:]:
        entry = entry[part]
    return entry


def word(key: str, **values: object) -> str:
    """A single text of the table (``noun_topics``, ``summary_valid``, …) in the current language."""
    return _text(key, _LANGUAGE.get()).format(**values)


def say(key: str, **values: object) -> tuple[str, str]:
    """``(what is wrong, how to fix it)`` of a problem, in the current language."""
    lang = _LANGUAGE.get()
    return _text(key, "what", lang).format(**values), _text(key, "fix", lang).format(**values)
