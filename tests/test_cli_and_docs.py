"""The command line, and docs kept honest by tests."""

from __future__ import annotations

import re

from support import ROOT, base_fields, practice_text, site_gen, write_practices
from site_gen.fieldref import field_reference



def test_validate_passes_on_good_files(tmp_path):
    write_practices(tmp_path / "practices", {"a.md": practice_text(base_fields())})
    result = site_gen("validate", "--language", "en", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.strip() == "All 1 practices are valid."


def test_validate_lists_every_problem_and_fails(tmp_path):
    write_practices(tmp_path / "practices", {"a.md": practice_text(base_fields(topics=["educaton"])), "b.md": "x\n"})
    result = site_gen("validate", "--language", "en", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        'practices/a.md:9: topics: "educaton" is not a known topic — did you mean "education"?',
        'practices/b.md:1: the file does not start with front matter — the first line must be "---", then the fields, then "---" again',
    ]
    assert "2 problem(s) in 2 file(s); 0 practice(s) are valid." in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_can_annotate_a_pull_request(tmp_path):
    write_practices(tmp_path / "practices", {"a.md": practice_text(base_fields(topics=["educaton"]))})
    result = site_gen("validate", "--format", "github", "--language", "en", cwd=tmp_path)
    assert result.stdout.splitlines() == [
        '::error file=practices/a.md,line=9::topics: "educaton" is not a known topic — did you mean "education"?'
    ]


def test_a_duplicate_title_is_a_warning_that_does_not_fail(tmp_path):
    same = practice_text(base_fields(title="Samen tegen racisme"))
    write_practices(tmp_path / "practices", {"a.md": same, "b.md": same})
    result = site_gen("validate", "--language", "en", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "practices/b.md:2: warning: title: is the same as the title of practices/a.md — give each practice a title of its own, e.g. with the city's name"
    ]
    assert "1 warning(s); all 2 practices are valid." in result.stderr
    github = site_gen("validate", "--format", "github", "--language", "en", cwd=tmp_path)
    assert github.stdout.startswith("::warning file=practices/b.md,line=2::title: is the same as the title of practices/a.md")


def test_validate_speaks_the_contributors_language(tmp_path):
    write_practices(tmp_path / "practices", {"a.md": practice_text(base_fields(topics=["educaton"], year="twintig"))})
    dutch = site_gen("validate", "--language", "nl", cwd=tmp_path)
    assert dutch.stdout.splitlines() == [
        'practices/a.md:5: year: "twintig" is geen jaartal — schrijf een jaartal zoals 2021',
        'practices/a.md:9: topics: "educaton" is geen bekend thema — bedoelt u "education"?',
    ]
    assert "2 probleem/problemen in 1 bestand(en); 0 praktijk(en) in orde." in dutch.stderr
    french = site_gen("validate", "--language", "fr", "--format", "github", cwd=tmp_path)
    assert french.stdout.splitlines()[0] == '::error file=practices/a.md,line=5::year: "twintig" n\'est pas une année — écrivez un nombre entier comme 2021'
    # without --language: the site's theme.language (nl when mkdocs.yml does not say)
    assert site_gen("validate", cwd=tmp_path).stdout == dutch.stdout


def test_every_message_exists_in_every_language_with_the_same_placeholders():
    import string

    from site_gen.messages import table

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, entry in table().items():
        for part in (entry.values() if "en" not in entry else [entry]):
            assert set(part) == {"nl", "en", "fr"}, key
            assert fields(part["nl"]) == fields(part["en"]) == fields(part["fr"]), key


def test_a_deployment_rewords_a_message_and_a_wrong_rewording_is_refused(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("theme:\n  language: nl\nplugins:\n  - site-gen:\n      messages_file: wording.yml\n")
    fields = base_fields()
    del fields["summary"]
    write_practices(tmp_path / "practices", {"a.md": practice_text(fields)})
    (tmp_path / "wording.yml").write_text(
        'required:\n  fix: {nl: "vul {name} in, bv. {name}: {example} (vragen? praktijken@example.org)"}\n', encoding="utf-8")
    result = site_gen("validate", cwd=tmp_path)
    assert result.returncode == 1
    assert "summary: is verplicht maar ontbreekt — vul summary in, bv. summary: " in result.stdout
    assert "(vragen? praktijken@example.org)" in result.stdout
    (tmp_path / "wording.yml").write_text('required:\n  fix: {nl: "vul het veld in"}\nrequird: {nl: x}\n', encoding="utf-8")
    result = site_gen("validate", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "required.fix.nl: the text must use {example}, {name}" in result.stderr
    assert "requird: no such message" in result.stderr


def test_validate_reads_the_practices_folder_from_mkdocs_yml(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("plugins:\n  - site-gen:\n      practices_dir: content\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n")
    write_practices(tmp_path / "content", {"a.md": practice_text(base_fields())})
    assert site_gen("validate", cwd=tmp_path).returncode == 0


def test_readme_field_table_is_the_generated_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- fields:start -->\n(.*?)<!-- fields:end -->", readme, re.S).group(1)
    assert table == field_reference("en")


def test_every_plugin_option_is_documented():
    from site_gen.mkdocs_plugin import SiteGenConfig

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, _ in SiteGenConfig._schema:
        assert f"{name}:" in readme, name
