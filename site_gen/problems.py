"""Problems found in practice files, and the one exception that carries them.

Every check collects :class:`Problem` records instead of raising at the first one, so a
contributor sees everything that is wrong in every file at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, pointing at the line and the field."""

    path: str
    line: int
    field: str
    message: str
    hint: str = ""
    level: str = "error"  # or "warning": said, but the practice is published

    @property
    def is_error(self) -> bool:
        return self.level == "error"

    def format(self) -> str:
        """``file:line: field: what is wrong — what would be valid`` (warnings say so)."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        if not self.is_error:
            where += f": {self.level}"
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text

    def format_github(self) -> str:
        """A GitHub Actions workflow command that annotates the pull request's line."""
        text = f"{self.field}: {self.message}" if self.field else self.message
        if self.hint:
            text += f" — {self.hint}"
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        line = f",line={self.line}" if self.line else ""
        return f"::{self.level} file={self.path}{line}::{text}"


class InvalidPractices(Exception):
    """Raised once, after every file was checked, when any practice is invalid."""

    def __init__(self, problems: list[Problem], heading: str):
        self.problems = sorted(p for p in problems if p.is_error)
        super().__init__(heading + "\n" + "\n".join(p.format() for p in self.problems))


def display_path(path: Path, root: Path | None) -> str:
    """A path as the contributor knows it: relative to the repository when possible."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()
