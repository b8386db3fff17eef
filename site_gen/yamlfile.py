"""The site's own YAML files (labels, messages, vocabularies): parsed by libyaml when
PyYAML has it, and once per process while a file is unchanged.

Every build reads them, and so does each UI language's build, forked from the default
one: they inherit what it read. Callers must not change what they get.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

# libyaml's parser when PyYAML has it (15× faster); the same safe loader either way.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(path: Path) -> Any:
    """The YAML document in ``path`` (raises ``OSError`` or ``yaml.YAMLError``)."""
    stat = path.stat()
    return _parsed(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=64)
def _parsed(path: str, mtime_ns: int, size: int) -> Any:
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=LOADER)
