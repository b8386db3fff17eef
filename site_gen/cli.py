"""``site-gen``: the command line for contributors and maintainers.

Commands speak in sentences and exit non-zero on problems; bad input never shows a
Python traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import settings_from_mkdocs_yml
from .fieldref import field_reference
from .validate import load_practices
from .vocab import VocabularyError


def _validate(args: argparse.Namespace) -> int:
    settings = settings_from_mkdocs_yml(Path(args.config))
    if args.practices:
        settings.practices_dir = Path(args.practices)
    try:
        vocabularies = settings.vocabularies()
    except VocabularyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    practices, problems = load_practices(settings.practices_dir, vocabularies, Path.cwd())
    for problem in problems:
        print(problem.format_github() if args.format == "github" else problem.format())
    files = len({p.path for p in problems})
    if problems:
        print(f"\n{len(problems)} problem(s) in {files} file(s); {len(practices)} practice(s) are valid.", file=sys.stderr)
        return 1
    print(f"All {len(practices)} practices are valid.", file=sys.stderr)
    return 0


def _fields(args: argparse.Namespace) -> int:
    print(field_reference(args.language), end="")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="site-gen",
        description="Good-practices database: check practice files and build the site's extras.",
    )
    parser.add_argument("--config", default="mkdocs.yml", help="the site's mkdocs.yml (default: %(default)s)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check every practice file and report every problem")
    validate.add_argument("practices", nargs="?", help="the practices folder (default: from mkdocs.yml, else practices/)")
    validate.add_argument("--format", choices=("text", "github"), default="text",
                          help="text: file:line: field: problem — fix; github: annotations for a pull request")
    validate.set_defaults(run=_validate)

    fields = commands.add_parser("fields", help="print the reference of every front-matter field (Markdown)")
    fields.add_argument("--language", choices=("nl", "en", "fr"), default="en", help="language of the reference (default: %(default)s)")
    fields.set_defaults(run=_fields)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
