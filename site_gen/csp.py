"""A Content-Security-Policy for every page, as a <meta> element (static hosts set no headers).

Scripts may come only from the site itself; the theme's few inline scripts are allowed
by their hash, computed from each page as it is written, so nothing injected runs.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from typing import Iterable

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<code>.*?)</script>", re.S | re.I)
NOT_CODE = re.compile(r"""\btype\s*=\s*["']?(application/(ld\+)?json|text/template)""", re.I)
HEAD = re.compile(r"<head[^>]*>(\s*<meta charset=[^>]*>)?", re.I)

POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
    "frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)


def script_hashes(html: str, parts: Iterable[str] | None = None) -> list[str]:
    """CSP hash sources of the inline scripts that run (not JSON data blocks), of
    ``html`` or, where the caller has them, of the ``parts`` of it that hold every script."""
    hashes = []
    for part in (html,) if parts is None else parts:
        for match in INLINE_SCRIPT.finditer(part):
            attrs = match.group("attrs")
            if re.search(r"\bsrc\s*=", attrs, re.I) or NOT_CODE.search(attrs):
                continue
            source = _hash_source(match.group("code"))
            if source not in hashes:
                hashes.append(source)
    return hashes


@functools.lru_cache(maxsize=256)
def _hash_source(code: str) -> str:
    """The hash source of a script: pages of a build have the same few scripts."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def with_policy(html: str, scripts: Iterable[str] | None = None) -> str:
    """``html`` with a Content-Security-Policy <meta> at the start of its <head>;
    ``scripts``: the parts of it that hold every script, where known."""
    head = HEAD.search(html)
    if head is None:
        return html
    policy = POLICY.format(hashes=" ".join(script_hashes(html, scripts))).replace("  ", " ")
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html[: head.end()] + meta + html[head.end() :]
