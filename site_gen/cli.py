"""``site-gen``: the command line for contributors and maintainers.

Commands speak in sentences and exit non-zero on problems; bad input never shows a
Python traceback.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import tempfile

import yaml
from pathlib import Path

from .config import settings_from_mkdocs_yml
from . import messages
from .bundle import Bundle, Subset, data_version, zip_site
from .fieldref import field_reference
from .i18n import UiLabels
from .new import NewPracticeError, interview, render_practice, resolve_list, target
from .problems import display_path
from .schema import SCHEMA_FILE, schema_text
from .text import slugify
from .validate import load_practices
from .vocab import VocabularyError


def _validate(args: argparse.Namespace) -> int:
    settings = settings_from_mkdocs_yml(Path(args.config))
    settings.use_wording()
    if args.practices:
        settings.practices_dir = Path(args.practices)
    try:
        vocabularies = settings.vocabularies()
    except VocabularyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    lang = args.language or settings.language
    practices, problems = load_practices(settings.practices_dir, vocabularies, Path.cwd(), lang)
    for problem in problems:
        print(problem.format_github() if args.format == "github" else problem.format())
    errors = [p for p in problems if p.is_error]
    with messages.language(lang):
        if errors:
            files = len({p.path for p in errors})
            print("\n" + messages.word("summary_problems", problems=len(errors), files=files, valid=len(practices)), file=sys.stderr)
            return 1
        if problems:
            print("\n" + messages.word("summary_warnings", warnings=len(problems), valid=len(practices)), file=sys.stderr)
        elif not practices:
            print(messages.word("summary_none", folder=display_path(settings.practices_dir, Path.cwd())), file=sys.stderr)
        else:
            print(messages.word("summary_valid", valid=len(practices)), file=sys.stderr)
    return 0


def _new(args: argparse.Namespace) -> int:
    settings = settings_from_mkdocs_yml(Path(args.config))
    vocabularies = settings.vocabularies()
    lang = args.language
    given = {"title": args.title, "summary": args.summary, "countries": args.countries, "topics": args.topics}
    try:
        if args.no_input or all(given.values()):
            missing = [f"--{name}" for name, value in given.items() if not value]
            if missing:
                raise NewPracticeError("missing " + ", ".join(missing) + " (or leave out --no-input to be asked)")
            values: dict = {
                "language": lang,
                "title": args.title,
                "summary": args.summary,
                "year": args.year,
                "countries": resolve_list(vocabularies, "countries", args.countries, lang),
                "cities": [c.strip() for c in (args.cities or "").split(",") if c.strip()],
                "topics": resolve_list(vocabularies, "topics", args.topics, lang),
                "beleidsdomeinen": resolve_list(vocabularies, "beleidsdomeinen", args.beleidsdomeinen or "", lang),
                "organisation": args.organisation,
                "slug": args.slug or slugify(args.title)[:60].strip("-"),
            }
        else:
            values = interview(vocabularies, lang, input, print)
        place = target(settings.practices_dir, values.pop("slug"), args.folder)
    except NewPracticeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (EOFError, KeyboardInterrupt):
        print("\nnothing written", file=sys.stderr)
        return 130
    place.path.parent.mkdir(parents=True, exist_ok=True)
    place.path.write_text(render_practice(values, lang, place.schema_path), encoding="utf-8")
    shown = display_path(place.path, Path.cwd())
    print(UiLabels(lang).t("new_written", path=shown))
    _, problems = load_practices(settings.practices_dir, vocabularies, Path.cwd(), lang)
    mine = [p for p in problems if p.path.startswith(shown)]
    for problem in mine:
        print(problem.format())
    return 1 if any(p.is_error for p in mine) else 0


def _schema(args: argparse.Namespace) -> int:
    settings = settings_from_mkdocs_yml(Path(args.config))
    text = schema_text(settings.vocabularies())
    if args.write:
        path = settings.practices_dir / SCHEMA_FILE
        path.write_text(text, encoding="utf-8")
        print(f"Written: {display_path(path, Path.cwd())}", file=sys.stderr)
    else:
        print(text, end="")
    return 0


def _bundle(args: argparse.Namespace) -> int:
    from .mkdocs_plugin import PluginError, build_site  # the build itself is MkDocs' job

    config_file = Path(args.config).resolve()
    settings = settings_from_mkdocs_yml(config_file)
    subset = Subset({"topic": args.topic, "country": args.country, "year": args.year, "beleidsdomein": args.beleidsdomein, "language": args.language})
    made = datetime.datetime.now(datetime.timezone.utc).replace(second=0, microsecond=0)
    bundle = Bundle(made, data_version(settings.root, settings.practices_dir), subset)
    with tempfile.TemporaryDirectory(prefix="site-gen-bundle-") as work:
        try:
            build_site(config_file, Path(work) / "site", bundle)
        except PluginError as exc:
            print(f"error: {exc}; no bundle was written", file=sys.stderr)
            return 1
        size = zip_site(Path(work) / "site", Path(args.output), made)
    print(f"Written: {args.output} ({size / 1_000_000:.1f} MB, {bundle.version}, made {bundle.made_text})", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    from .importer import import_sheet  # reads spreadsheets: only for this command

    settings = settings_from_mkdocs_yml(Path(args.config))
    settings.use_wording()
    lang = args.language or settings.language
    outcome = import_sheet(Path(args.file), settings.practices_dir, settings.vocabularies(), root=Path.cwd(), sheet=args.sheet,
                           mapping=Path(args.mapping) if args.mapping else None, update=args.update,
                           skip_invalid=args.skip_invalid, dry_run=args.dry_run, lang=lang)
    for problem in outcome.problems:
        print(problem.format())
    with messages.language(lang):
        if outcome.refused:
            errors = outcome.errors
            rows = {p.line for p in errors if p.line > 1}
            said = messages.word("import_refused", problems=len(errors), rows=len(rows)) if rows and all(p.line > 1 for p in errors) else messages.word("import_refused_sheet")
            print("\n" + said, file=sys.stderr)
            return 1
        if args.dry_run:
            for path in outcome.written:
                print(messages.word("import_would_write", path=display_path(path, Path.cwd())))
            for path in outcome.rewritten:
                print(messages.word("import_would_rewrite", path=display_path(path, Path.cwd())))
        if outcome.skipped:
            print(messages.word("import_skipped", rows=", ".join(map(str, outcome.skipped))), file=sys.stderr)
        key = "import_dry_run" if args.dry_run else "import_written"
        print(messages.word(key, new=len(outcome.written), rewritten=len(outcome.rewritten), folder=display_path(settings.practices_dir, Path.cwd())), file=sys.stderr)
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
    validate.add_argument("--language", choices=("nl", "en", "fr"),
                          help="the language of the messages (default: the site's theme.language)")
    validate.set_defaults(run=_validate)

    new = commands.add_parser("new", help="write a new practice file, asking for its fields (or from options)")
    new.add_argument("--language", choices=("nl", "en", "fr"), default="nl", help="the practice's language, also of the questions (default: %(default)s)")
    new.add_argument("--title")
    new.add_argument("--summary")
    new.add_argument("--year", type=int, default=datetime.date.today().year)
    new.add_argument("--countries", help="comma-separated codes or names, e.g. BE,NL")
    new.add_argument("--cities", help="comma-separated")
    new.add_argument("--topics", help="comma-separated topic ids or labels")
    new.add_argument("--beleidsdomeinen", help="comma-separated ids or labels")
    new.add_argument("--organisation")
    new.add_argument("--slug", help="the file name without .md (default: from the title)")
    new.add_argument("--folder", action="store_true", help="make practices/<slug>/index.md, for a practice with images")
    new.add_argument("--no-input", action="store_true", help="never ask: fail if a required option is missing")
    new.set_defaults(run=_new)

    schema = commands.add_parser("schema", help="print the JSON Schema of the front matter (or --write it to the practices folder)")
    schema.add_argument("--write", action="store_true", help=f"write practices/{SCHEMA_FILE}, which new files reference")
    schema.set_defaults(run=_schema)

    bundle = commands.add_parser("bundle", help="build the site for use from disk and zip it (optionally a subset)")
    bundle.add_argument("-o", "--output", required=True, help="the zip file to write, e.g. praktijken.zip")
    for name, what in (("topic", "topic id"), ("country", "country code"), ("year", "year"), ("beleidsdomein", "beleidsdomein id"), ("language", "language: nl, en or fr")):
        bundle.add_argument(f"--{name}", action="append", default=[], metavar="VALUE", help=f"only practices with this {what} (repeat for more: OR; several options: AND)")
    bundle.set_defaults(run=_bundle)

    sheet = commands.add_parser("import", help="write a practice file for each row of a sheet (CSV or .xlsx)")
    sheet.add_argument("file", help="the sheet: .csv (any delimiter; UTF-8 or Windows-1252) or .xlsx")
    sheet.add_argument("--sheet", help="the workbook's sheet to read (default: the first)")
    sheet.add_argument("--mapping", help="a YAML file: columns to fields, old values to ids, defaults (see the README)")
    sheet.add_argument("--update", action="store_true", help="rewrite a practice that exists already from its row")
    sheet.add_argument("--skip-invalid", action="store_true", help="write the rows without problems; list the others")
    sheet.add_argument("--dry-run", action="store_true", help="write nothing; say what would be written")
    sheet.add_argument("--language", choices=("nl", "en", "fr"), help="the language of the messages (default: the site's theme.language)")
    sheet.set_defaults(run=_import)

    fields = commands.add_parser("fields", help="print the reference of every front-matter field (Markdown)")
    fields.add_argument("--language", choices=("nl", "en", "fr"), default="en", help="language of the reference (default: %(default)s)")
    fields.set_defaults(run=_fields)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except (OSError, yaml.YAMLError, VocabularyError, messages.MessagesError) as exc:  # a sentence, never a traceback
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
