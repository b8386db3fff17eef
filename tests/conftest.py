"""Fixtures shared by the tests (helpers are in support.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from support import create_project


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Path]:
    """``make_project(practices, per_page=, language=)``: a project in tmp_path."""
    counter = iter(range(1000))
    return lambda practices, **kw: create_project(tmp_path / f"project{next(counter)}", practices, **kw)


