"""`site-gen import`: an existing database's sheet to practice files, every problem at once."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from site_gen.validate import load_practices
from site_gen.vocab import Vocabularies
from support import ROOT, create_project, mkdocs_build, site_gen

HEADER = ["Titel", "Samenvatting", "Taal", "Jaar", "Landen", "Steden en gemeenten", "Thema's", "Beleidsdomeinen",
          "Organisatie", "Contact e-mail", "Partners", "Beschrijving", "Succesfactoren", "Resultaten"]
ROWS = [
    ["Buurtbemiddeling in Leuven", "Vrijwilligers helpen buren hun conflict samen op te lossen.", "Nederlands", "2019",
     "België", "Leuven, Heverlee", "Bemiddeling en conflicthantering\nCultuur, vrije tijd en erfgoed", "Welzijn; Cultuur",
     "Stad Leuven", "bemiddeling@example.be", "• OCMW Leuven\n• Vrijwilligers: 12",
     "De stad leidt vrijwilligers op tot bemiddelaar.\n\nZe werken altijd met twee.", "Snel reageren.", ""],
    ["Médiation interculturelle à Liège", "Des médiateurs accompagnent les habitants dans les services communaux.", "Français",
     "12/03/2021", "BE", "Liège", "Médiation et résolution des conflits; Éducation", "", "Ville de Liège",
     "mailto:mediation@example.be", "", "La ville forme des médiateurs issus des quartiers.", "", "Plus de 300 accompagnements."],
]


def project(tmp_path: Path) -> Path:
    """A site like the repository's (Dutch at the root) with no practice yet."""
    return create_project(tmp_path / "site", {})


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ";", encoding: str = "utf-8-sig") -> Path:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_text(out.getvalue(), encoding=encoding, newline="")
    return path


def practices(root: Path) -> dict:
    found, problems = load_practices(root / "practices", Vocabularies.load(), root)
    assert [p.format() for p in problems if p.is_error] == []
    return {p.slug: p for p in found}


def test_a_semicolon_csv_with_a_bom_and_line_breaks_becomes_practices_that_validate_and_build(tmp_path):
    root = project(tmp_path)
    sheet = write_csv(root / "oud.csv", [HEADER, *ROWS])
    assert sheet.read_bytes().startswith(b"\xef\xbb\xbf")
    result = site_gen("import", "oud.csv", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 nieuwe en 0 herschreven praktijk(en) in practices" in result.stderr
    found = practices(root)
    assert sorted(found) == ["buurtbemiddeling-in-leuven", "mediation-interculturelle-a-liege"]
    leuven, liege = found["buurtbemiddeling-in-leuven"], found["mediation-interculturelle-a-liege"]
    assert leuven.language == "nl" and leuven.year == 2019 and leuven.countries == ["BE"]
    assert leuven.cities == ["Leuven", "Heverlee"]
    assert leuven.topics == ["mediation-and-conflict-resolution", "culture-leisure-and-heritage"]  # a label with a comma stays whole
    assert leuven.beleidsdomeinen == ["welzijn", "cultuur"] and leuven.partners == ["OCMW Leuven", "Vrijwilligers: 12"]
    assert leuven.data["contact"] == {"email": "bemiddeling@example.be"} and leuven.organisation == "Stad Leuven"
    assert leuven.body == ("## Beschrijving\n\nDe stad leidt vrijwilligers op tot bemiddelaar.\n\nZe werken altijd met twee.\n\n"
                           "## Succesfactoren\n\nSnel reageren.\n")
    assert liege.language == "fr" and liege.year == 2021 and liege.topics == ["mediation-and-conflict-resolution", "education"]
    assert liege.body.startswith("## Description\n\nLa ville forme") and "## Résultats\n\nPlus de 300" in liege.body  # headed in French
    text = (root / "practices" / "buurtbemiddeling-in-leuven.md").read_text(encoding="utf-8")
    assert text.startswith("---\n# yaml-language-server: $schema=practice.schema.json\ntitle: Buurtbemiddeling in Leuven\nsummary:")
    built = mkdocs_build(root)  # and it builds at once
    assert built.returncode == 0, built.stderr
    assert (root / "site" / "practices" / "buurtbemiddeling-in-leuven" / "index.html").is_file()
    guide = (root / "site" / "contribute" / "index.html").read_text(encoding="utf-8")  # the maintainers' part links the README
    assert 'href="https://github.com/example/praktijkendatabank/blob/main/README.md#moving-an-existing-database"' in guide


def test_an_xlsx_workbook_gives_the_same_files_and_a_windows_1252_csv_its_accents(tmp_path):
    from_csv, from_xlsx, from_ansi = project(tmp_path / "a"), project(tmp_path / "b"), project(tmp_path / "c")
    write_csv(from_csv / "oud.csv", [HEADER, *ROWS])
    book = Workbook()
    book.active.title = "Andere"
    sheet = book.create_sheet("Praktijken")
    for row in [HEADER, *ROWS]:
        sheet.append([int(v) if v == "2019" else v for v in row])  # a number, as Excel keeps it
    book.save(from_xlsx / "oud.xlsx")
    write_csv(from_ansi / "oud.csv", [HEADER, *ROWS], delimiter=",", encoding="cp1252")
    assert site_gen("import", "oud.csv", cwd=from_csv).returncode == 0
    refused = site_gen("import", "oud.xlsx", "--sheet", "Lijst", cwd=from_xlsx)
    assert refused.returncode == 1 and 'de werkmap heeft geen blad "Lijst" — kies een van: Andere, Praktijken' in refused.stdout
    assert site_gen("import", "oud.xlsx", "--sheet", "Praktijken", cwd=from_xlsx).returncode == 0
    assert site_gen("import", "oud.csv", cwd=from_ansi).returncode == 0
    for other in (from_xlsx, from_ansi):
        for path in (from_csv / "practices").iterdir():
            assert (other / "practices" / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), path.name


def test_html_cells_become_markdown_without_script_and_an_unknown_column_is_named(tmp_path):
    root = project(tmp_path)
    header = ["title", "summary", "language", "year", "countries", "Oude categorie", "Beschrijving", "Interne nota"]
    row = ["Taalcafé <b>Gent</b>", "<p>Samen Nederlands oefenen&nbsp;in de bib.</p>", "nl", "2020", "BE", "Samenleven",
           '<p>Elke <strong>dinsdag</strong> in de bib.</p><ul><li>gratis</li><li>zonder inschrijving</li></ul>'
           '<script>alert(1)</script><p onclick="steal()">Met <a href="https://example.org/cafe">meer info</a>.</p>', "geheim"]
    write_csv(root / "cms.csv", [header, row], delimiter=",")
    result = site_gen("import", "cms.csv", "--language", "en", cwd=root)
    assert result.returncode == 1  # no topics: "Oude categorie" is not a field
    assert 'cms.csv:1: warning: column "Oude categorie": is not a field of a practice: not imported' in result.stdout
    assert 'cms.csv:1: warning: column "Interne nota"' in result.stdout
    assert "cms.csv:1: no column holds topics, which every practice needs" in result.stdout
    assert list((root / "practices").iterdir()) == []
    (root / "mapping.yml").write_text(
        "columns:\n  Oude categorie: [categorie, topics]\n  Interne nota: ignore\n"
        "values:\n  topics:\n    Samenleven: developing-a-culture-of-openness-and-interculturality\n", encoding="utf-8")
    result = site_gen("import", "cms.csv", "--mapping", "mapping.yml", cwd=root)
    assert result.returncode == 0, result.stdout
    assert "warning" not in result.stdout
    [practice] = practices(root).values()
    assert practice.title == "Taalcafé Gent" and practice.summary == "Samen Nederlands oefenen in de bib."
    assert practice.categorie == "Samenleven" and practice.topics == ["developing-a-culture-of-openness-and-interculturality"]
    assert practice.body == ("## Beschrijving\n\nElke **dinsdag** in de bib.\n\n- gratis\n- zonder inschrijving\n\n"
                             "Met [meer info](https://example.org/cafe).\n")
    assert "alert" not in practice.body and "steal" not in practice.body


def test_every_problem_is_named_by_row_and_column_and_nothing_is_written(tmp_path):
    root = project(tmp_path)
    bad = [["Fout jaar", "Een samenvatting.", "nl", "ooit", "BE", "", "onderwijs", "", "", "geen-adres", "", "Tekst.", "", ""],
           ["Onbekend thema", "Een samenvatting.", "nl", "2020", "Atlantis", "", "educaton; housng", "", "", "", "", "Tekst.", "", ""]]
    write_csv(root / "oud.csv", [HEADER, ROWS[0], *bad])
    result = site_gen("import", "oud.csv", "--language", "en", cwd=root)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith('oud.csv:3: column "Jaar": "ooit" is not a year') for line in lines)
    assert any(line.startswith('oud.csv:3: column "Contact e-mail": "geen-adres"') for line in lines)
    assert any(line.startswith('oud.csv:4: column "Landen": "Atlantis"') for line in lines)
    assert any('oud.csv:4: column "Thema\'s": "educaton" is not a known topic' in line and '"education"' in line for line in lines)
    assert any('"housng"' in line and "housing-and-urban-planning" in line for line in lines)
    assert not any("missing" in line for line in lines)
    assert "problem(s) in 2 row(s): nothing was written" in result.stderr
    assert list((root / "practices").iterdir()) == []
    dutch = site_gen("import", "oud.csv", cwd=root)  # the site's language: nl
    assert 'oud.csv:3: column "Jaar": "ooit" is geen jaar' in dutch.stdout

    dry = site_gen("import", "oud.csv", "--skip-invalid", "--dry-run", "--language", "en", cwd=root)
    assert dry.returncode == 0 and "would write practices/buurtbemiddeling-in-leuven.md" in dry.stdout
    assert list((root / "practices").iterdir()) == []
    skipped = site_gen("import", "oud.csv", "--skip-invalid", "--language", "en", cwd=root)
    assert skipped.returncode == 0 and "Skipped, with problems: row(s) 3, 4." in skipped.stderr
    assert sorted(practices(root)) == ["buurtbemiddeling-in-leuven"]


def test_a_taken_slug_is_refused_and_rewritten_only_with_update(tmp_path):
    root = project(tmp_path)
    write_csv(root / "oud.csv", [HEADER, ROWS[0]])
    assert site_gen("import", "oud.csv", cwd=root).returncode == 0
    path = root / "practices" / "buurtbemiddeling-in-leuven.md"
    again = site_gen("import", "oud.csv", "--language", "en", cwd=root)
    assert again.returncode == 1 and 'oud.csv:2: a practice "buurtbemiddeling-in-leuven" exists already — import with --update' in again.stdout
    changed = [*ROWS[0]]
    changed[3] = "2020"
    write_csv(root / "oud.csv", [HEADER, changed, changed])  # twice the same title: the second gets -2
    updated = site_gen("import", "oud.csv", "--update", "--language", "en", cwd=root)
    assert updated.returncode == 0 and "1 new and 1 rewritten practice(s)" in updated.stderr
    assert "year: 2020" in path.read_text(encoding="utf-8")
    assert (root / "practices" / "buurtbemiddeling-in-leuven-2.md").is_file()


@pytest.fixture(scope="module")
def sample_csv(tmp_path_factory) -> Path:
    """The samples' own /practices.csv, from a real build."""
    project = create_project(tmp_path_factory.mktemp("samples") / "p", {})
    shutil.rmtree(project / "practices")
    shutil.copytree(ROOT / "practices", project / "practices")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site" / "practices.csv"


def test_the_sites_own_csv_imports_back_into_the_same_practices(tmp_path, sample_csv):
    root = project(tmp_path)
    result = site_gen("import", str(sample_csv), "--language", "en", cwd=root)
    assert result.returncode == 0, result.stdout
    assert 'warning: column "image.src": the photo "illustration.png" is not beside the sheet' in result.stdout  # the one photo
    originals, _ = load_practices(ROOT / "practices", Vocabularies.load(), ROOT)
    imported = practices(root)
    assert sorted(imported) == sorted(p.slug for p in originals)
    for original in originals:
        again = imported[original.slug]
        assert {k: v for k, v in again.data.items()} == {k: v for k, v in original.data.items() if k != "image"}, original.slug
        assert again.body.strip() == original.body.strip(), original.slug


def test_a_thousand_rows_import(tmp_path):
    root = project(tmp_path)
    rows = [HEADER]
    for n in range(1000):
        row = [*ROWS[n % 2]]
        row[0] = f"{row[0]} {n}"
        rows.append(row)
    write_csv(root / "groot.csv", rows)
    result = site_gen("import", "groot.csv", "--language", "en", cwd=root)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "1000 new and 0 rewritten" in result.stderr
    assert len(list((root / "practices").iterdir())) == 1000
