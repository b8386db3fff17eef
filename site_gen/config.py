"""Where a deployment's practices and vocabularies are, shared by the CLI and the plugin."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import messages
from .catalog import DEFAULT_PER_PAGE
from .facets import Facet, facets_from_config
from .vocab import Vocabularies

PLUGIN_NAME = "site-gen"


@dataclass
class Settings:
    root: Path
    practices_dir: Path
    vocabularies_dir: Path | None
    facets: tuple[Facet, ...]
    per_page: int = DEFAULT_PER_PAGE
    language: str = "nl"
    messages_file: Path | None = None  # the deployment's own wording of the checks

    def vocabularies(self) -> Vocabularies:
        return Vocabularies.load(self.vocabularies_dir)

    @classmethod
    def from_options(cls, root: Path, options: dict[str, Any], language: str) -> "Settings":
        vocab = options.get("vocabularies_dir")
        own_messages = options.get("messages_file")
        return cls(
            root=root,
            practices_dir=root / options.get("practices_dir", "practices"),
            vocabularies_dir=root / vocab if vocab else None,
            facets=facets_from_config(options.get("facets")),
            per_page=int(options.get("per_page", DEFAULT_PER_PAGE)),
            language=language,
            messages_file=root / own_messages if own_messages else None,
        )

    def use_wording(self) -> None:
        """The checks speak in the deployment's wording from here on (its messages_file)."""
        messages.reword(self.messages_file)


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (``!!python/name:...``, ``!ENV``)."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def settings_from_mkdocs_yml(path: Path) -> Settings:
    """The plugin's settings as written in ``mkdocs.yml``, for commands run outside MkDocs."""
    root = path.parent
    config: dict[str, Any] = {}
    if path.is_file():
        try:
            config = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f":{mark.line + 1}" if mark else ""
            raise yaml.YAMLError(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    options: dict[str, Any] = {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and PLUGIN_NAME in plugin:
            options = plugin[PLUGIN_NAME] or {}
    language = ((config.get("theme") or {}).get("language")) or "nl"
    return Settings.from_options(root, options, language)
