"""A Content-Security-Policy for every page, as a <meta> element (static hosts set no headers).

Scripts may come only from the site itself; the theme's few inline scripts are allowed
by their hash, computed from each page as it is written, so nothing injected runs.
"""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<code>.*?)</script>", re.S | re.I)
NOT_CODE = re.compile(r"""\btype\s*=\s*["']?(application/(ld\+)?json|text/template)""", re.I)
HEAD = re.compile(r"<head[^>]*>(\s*<meta charset=[^>]*>)?", re.I)

POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
    "frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)


def script_hashes(html: str) -> list[str]:
    """CSP hash sources of the inline scripts that run (not JSON data blocks)."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.I) or NOT_CODE.search(attrs):
            continue
        digest = hashlib.sha256(match.group("code").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode()}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def with_policy(html: str) -> str:
    """``html`` with a Content-Security-Policy <meta> at the start of its <head>."""
    head = HEAD.search(html)
    if head is None:
        return html
    policy = POLICY.format(hashes=" ".join(script_hashes(html))).replace("  ", " ")
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html[: head.end()] + meta + html[head.end() :]
