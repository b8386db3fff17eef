"""Contributed Markdown is untrusted: its rendered HTML passes an allow-list sanitiser.

nh3 (the ammonia library) keeps the structure Markdown produces (headings, lists,
tables, footnotes, images, links) and drops anything that could run script, load a
frame, or restyle or overlay the page: script and style elements, event handlers,
``javascript:`` URLs, iframes, SVG, inline styles other than table alignment, and
classes or ids that could reach the theme's own elements.
"""

from __future__ import annotations

import re

import nh3

TAGS = {
    "a", "abbr", "blockquote", "br", "caption", "code", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "u", "ul",
}
ATTRIBUTES = {
    "*": {"id", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "style", "scope"},
    "abbr": set(),
}
CLASSES = {
    "a": {"headerlink", "footnote-ref", "footnote-backref"},
    "div": {"footnote", "admonition", "note", "tip", "info", "warning", "example", "quote"},
    "p": {"admonition-title"},
    "sup": set(),
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Ids the theme or its scripts use: a contribution must not shadow them.
THEME_ID = re.compile(r"^(__|md-|_)|^(search|header|footer|content|main)$", re.IGNORECASE)


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id" and THEME_ID.search(value):
        return None
    return value


def sanitize_html(html: str) -> str:
    """The same HTML with everything outside the allow-list removed."""
    return nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "svg", "math", "template", "noscript"},
        attributes=ATTRIBUTES,
        attribute_filter=_attribute_filter,
        allowed_classes=CLASSES,
        url_schemes=URL_SCHEMES,
        filter_style_properties={"text-align"},
        link_rel="noopener noreferrer",
    )
