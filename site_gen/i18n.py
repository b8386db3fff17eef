"""The site's own UI labels in nl, en and fr (Material translates its own)."""

from __future__ import annotations

from pathlib import Path

from babel.numbers import format_decimal

from . import yamlfile
from .text import UI_LANGUAGES

UI_FILE = Path(__file__).parent / "ui.yml"


class UiLabels:
    """``ui.t("key", n=3)``: the label in the site's language, placeholders filled in."""

    def __init__(self, lang: str, path: Path = UI_FILE):
        if lang not in UI_LANGUAGES:
            raise ValueError(f"UI language {lang!r} is not supported; use one of {', '.join(UI_LANGUAGES)}")
        self.lang = lang
        self._labels: dict[str, dict[str, str]] = yamlfile.load(path)

    def t(self, key: str, **values: object) -> str:
        """Numbers among ``values`` are written the language's way (10.000, 10,000, 10 000)."""
        text = self._labels[key][self.lang]
        if not values:
            return text
        numbers = {k: self.number(v) for k, v in values.items() if isinstance(v, int) and not isinstance(v, bool)}
        return text.format(**{**values, **numbers})

    def number(self, n: int) -> str:
        """A count as the language writes it (CLDR, through Babel; the browser's
        ``toLocaleString`` writes the same)."""
        return format_decimal(n, locale=self.lang)

    def keys(self) -> list[str]:
        return sorted(self._labels)

    def __contains__(self, key: object) -> bool:
        return key in self._labels

    def count(self, n: int) -> str:
        """"1 praktijk", "12 praktijken"."""
        return self.t("practice_count_one") if n == 1 else self.t("practices_count", n=n)
