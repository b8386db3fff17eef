"""The model and validation: every problem, with file, line and field, in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import PNG, base_fields, practice_text, write_practices
from site_gen.problems import InvalidPractices
from site_gen.validate import load_practices, load_valid_practices
from site_gen.vocab import Vocabularies


@pytest.fixture(scope="module")
def vocabularies() -> Vocabularies:
    return Vocabularies.load()


def check(tmp_path: Path, vocabularies: Vocabularies, files: dict[str, str | bytes]):
    folder = tmp_path / "practices"
    folder.mkdir(exist_ok=True)
    write_practices(folder, files)
    practices, problems = load_practices(folder, vocabularies, tmp_path)
    return practices, [p.format() for p in problems]


def test_a_complete_practice_is_loaded_with_all_fields(tmp_path, vocabularies):
    fields = base_fields(
        cities=["Gent"],
        beleidsdomeinen=["wonen", "werk"],
        categorie="Antidiscriminatie",
        doelen=["Discriminatie meten"],
        doelgroep=["Verhuurders"],
        partners=["Unia"],
        organisation="Stad Gent",
        contact={"name": "Dienst Gelijke Kansen", "email": "gelijkekansen@example.be", "url": "https://example.be"},
        documents=[{"title": "Rapport", "url": "https://example.org/r.pdf", "language": "nl"}],
        image={"src": "photo.png", "alt": "Een huis", "credit": "Stad Gent", "consent": True},
        period={"start": 2021, "end": 2025},
        status="ongoing",
        source={"name": "VVSG", "url": "https://example.org"},
        updated="2024-03-01",
    )
    practices, problems = check(tmp_path, vocabularies, {"gent/index.md": practice_text(fields), "gent/photo.png": PNG})
    assert problems == []
    [p] = practices
    assert (p.slug, p.year, p.countries, p.beleidsdomeinen) == ("gent", 2021, ["BE"], ["wonen", "werk"])
    assert p.contact["email"] == "gelijkekansen@example.be"
    assert p.period == {"start": 2021, "end": 2025}
    assert str(p.updated) == "2024-03-01"
    assert [a.name for a in p.assets] == ["photo.png"]
    assert p.body.startswith("## Beschrijving")


def test_every_problem_in_every_file_is_reported_with_line_and_field(tmp_path, vocabularies):
    bad = (
        "---\n"
        "title: Test\n"
        "summary: Een samenvatting.\n"
        "language: nl\n"
        "year: 20x1\n"
        "countries: [BE, XX]\n"
        "topics: [educaton]\n"
        "topic: [education]\n"
        "---\n"
        "Tekst.\n"
    )
    missing = "---\ntitle: Alleen een titel\n---\nTekst.\n"
    _, problems = check(tmp_path, vocabularies, {"a.md": bad, "b.md": missing, "c.md": practice_text(base_fields())})
    assert problems == [
        'practices/a.md:5: year: "20x1" is not a year — write a whole number like 2021',
        'practices/a.md:6: countries[2]: "XX" is not a known country code — use a two-letter ISO 3166 code, e.g. BE, NL, FR, DE',
        'practices/a.md:7: topics: "educaton" is not a known topic — did you mean "education"?',
        'practices/a.md:8: topic: unknown field — did you mean "topics"?',
        "practices/b.md:2: countries: is required but missing — add a line countries: [BE]",
        "practices/b.md:2: language: is required but missing — add a line language: nl",
        "practices/b.md:2: summary: is required but missing — add a line summary: De stad test of makelaars en verhuurders discrimineren.",
        "practices/b.md:2: topics: is required but missing — add a line topics: [anti-discrimination-and-equality]",
        "practices/b.md:2: year: is required but missing — add a line year: " + str(__import__("datetime").date.today().year),
    ]


def test_a_build_never_gets_a_partial_set(tmp_path, vocabularies):
    write_practices(tmp_path / "practices", {"good.md": practice_text(base_fields()), "bad.md": "no front matter\n"})
    with pytest.raises(InvalidPractices) as caught:
        load_valid_practices(tmp_path / "practices", vocabularies, tmp_path)
    assert "1 problem(s) in 1 practice file(s)" in str(caught.value)
    assert "practices/bad.md:1: the file does not start with front matter" in str(caught.value)


@pytest.mark.parametrize(
    ("field", "written", "stored"),
    [
        ("topics", ["Onderwijs"], ["education"]),  # a Dutch label
        ("topics", ["Éducation"], ["education"]),  # a French label
        ("topics", ["Anti rumour"], ["anti-rumour"]),  # the English label, loosely written
        ("countries", ["Belgique", "nl"], ["BE", "NL"]),  # a name, a lowercase code
        ("countries", "BE", ["BE"]),  # one value where a list is expected
        ("beleidsdomeinen", ["Vrije tijd"], ["vrije-tijd"]),
        ("language", "English", "en"),
    ],
)
def test_labels_in_any_language_are_normalised_to_ids(tmp_path, vocabularies, field, written, stored):
    practices, problems = check(tmp_path, vocabularies, {"p.md": practice_text(base_fields(**{field: written}))})
    assert problems == []
    assert practices[0].data[field] == stored


def test_norway_is_not_false(tmp_path, vocabularies):
    text = practice_text(base_fields()).replace("- BE", "- NO")
    practices, problems = check(tmp_path, vocabularies, {"p.md": text})
    assert problems == [] and practices[0].countries == ["NO"]


def test_text_is_read_as_written(tmp_path, vocabularies):
    text = practice_text(base_fields()).replace("title: Praktijktesten op de huurmarkt", "title: 1984")
    practices, _ = check(tmp_path, vocabularies, {"p.md": text})
    assert practices[0].title == "1984"


def test_an_ambiguous_label_is_not_guessed(tmp_path, vocabularies):
    # "Communication" is the English label of a beleidsdomein and close to a topic: within
    # one vocabulary a label that belongs to two ids must not be guessed. Build such a case.
    from site_gen.vocab import Term, Vocabulary

    vocab = Vocabulary("topics", {"a": Term("a", {"nl": "Zelfde", "en": "A", "fr": "A"}), "b": Term("b", {"nl": "Zelfde", "en": "B", "fr": "B"})})
    assert vocab.resolve("zelfde") == (None, ["a", "b"])
    assert vocab.resolve("A") == ("a", [])


def test_bom_crlf_and_decomposed_unicode_are_accepted_and_stored_nfc(tmp_path, vocabularies):
    text = practice_text(base_fields(title="Cafe\u0301 des langues")).replace("\n", "\r\n")
    practices, problems = check(tmp_path, vocabularies, {"p.md": b"\xef\xbb\xbf" + text.encode()})
    assert problems == []
    assert practices[0].title == "Caf\u00e9 des langues"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "practices/p.md:1: the file is empty — start from the template: site-gen new"),
        (b"Just text\n", 'practices/p.md:1: the file does not start with front matter — the first line must be "---", then the fields, then "---" again'),
        (b"---\ntitle: x\n", 'practices/p.md:1: the front matter is not closed — add a line "---" after the last field'),
        (b"---\ntitle: caf\xe9\n---\n", "practices/p.md:2: the file is not UTF-8 text (byte 0xe9) — save it as UTF-8 in your editor"),
        (b"---\ntitle: [oops\n---\nx\n", "practices/p.md:2: the front matter is not valid YAML (did not find expected ',' or ']') — check indentation, and put quotes around text that contains a colon"),
        (b"---\n- a list\n---\nx\n", "practices/p.md:2: the front matter must be fields, one per line (name: value) — start from the template: site-gen new"),
    ],
)
def test_broken_files_get_a_clear_error(tmp_path, vocabularies, content, expected):
    _, problems = check(tmp_path, vocabularies, {"p.md": content})
    assert problems == [expected]


def test_a_yaml_tag_never_constructs_an_object(tmp_path, vocabularies):
    marker = tmp_path / "pwned"
    text = practice_text(base_fields()).replace(
        "title: Praktijktesten op de huurmarkt", f'title: !!python/object/apply:os.system ["touch {marker}"]'
    )
    _, problems = check(tmp_path, vocabularies, {"p.md": text})
    assert problems == ["practices/p.md:2: title: YAML tags like !!python/object/apply:os.system are not allowed — remove the tag and write a plain value"]
    assert not marker.exists()


def test_yaml_aliases_are_refused(tmp_path, vocabularies):
    text = practice_text(base_fields(cities=["Gent"])).replace("cities:\n- Gent", "cities: &c\n- Gent\npartners: *c")
    _, problems = check(tmp_path, vocabularies, {"p.md": text})
    assert problems == ["practices/p.md:10: YAML anchors and aliases (& and *) are not allowed — write every value out in full"]


def test_file_names_and_folders_are_checked(tmp_path, vocabularies):
    good = practice_text(base_fields())
    _, problems = check(tmp_path, vocabularies, {"Gent_Plan.md": good, "dup.md": good, "dup/index.md": good, "empty-folder/notes.txt": "x", "page.md": good})
    assert problems == [
        'practices/Gent_Plan.md: "Gent_Plan" cannot be used as a file name — use lowercase letters a-z, digits and single hyphens, e.g. gent-praktijktesten-huurmarkt',
        'practices/dup.md: the slug "dup" is used twice — rename this file or practices/dup/index.md',
        "practices/empty-folder: this folder has no index.md — a practice folder holds index.md and its images",
        'practices/page.md: "page" cannot be used as a file name — "page" is reserved for a page of the site: choose another name',
    ]


@pytest.mark.parametrize(
    ("image", "files", "expected"),
    [
        ({"src": "../x.png", "alt": "a", "credit": "c", "consent": True}, {}, "image.src: \"../x.png\" is outside the practice's folder — write just the file name of an image beside index.md"),
        ({"src": "missing.png", "alt": "a", "credit": "c", "consent": True}, {}, 'image.src: "missing.png" was not found beside index.md — check the file name, including upper and lower case'),
        ({"src": "photo.svg", "alt": "a", "credit": "c", "consent": True}, {"p/photo.svg": b"<svg/>"}, 'image.src: "photo.svg" is not a supported image — use .jpg, .jpeg, .png, .webp, .gif, .avif'),
        ({"src": "photo.png", "credit": "c", "consent": True}, {"p/photo.png": PNG}, "image.alt: is required but missing — add a line alt: … under image:"),
        ({"src": "photo.png", "alt": "a", "credit": "c", "consent": False}, {"p/photo.png": PNG}, "image.consent: is false: an image without consent cannot be published — get consent of the people shown, or remove the image"),
    ],
)
def test_image_rules(tmp_path, vocabularies, image, files, expected):
    _, problems = check(tmp_path, vocabularies, {"p/index.md": practice_text(base_fields(image=image)), **files})
    assert [p.split(": ", 1)[1] for p in problems] == [expected]


def test_period_and_contact_are_checked(tmp_path, vocabularies):
    fields = base_fields(period={"start": 2022, "end": 2020}, contact={"email": "nope", "url": "www.example.org"}, status="done")
    _, problems = check(tmp_path, vocabularies, {"p.md": practice_text(fields)})
    assert problems == [
        "practices/p.md:12: period.end: ends (2020) before it starts (2022) — swap start and end",
        'practices/p.md:14: contact.email: "nope" is not an e-mail address — write it like diversiteit@stad.be',
        'practices/p.md:15: contact.url: "www.example.org" is not a web address — write the full address, starting with https://',
        'practices/p.md:16: status: "done" is not a known status — valid: planned, ongoing, completed',
    ]


def test_a_practice_needs_a_description(tmp_path, vocabularies):
    _, problems = check(tmp_path, vocabularies, {"p.md": practice_text(base_fields(), body="\n")})
    assert problems == ["practices/p.md:11: the practice has no description — write the description below the closing ---"]


def test_the_sample_practices_are_valid(vocabularies):
    root = Path(__file__).resolve().parents[1]
    practices, problems = load_practices(root / "practices", vocabularies, root)
    assert [p.format() for p in problems] == []
    assert len(practices) >= 12
    assert {p.language for p in practices} == {"nl", "en", "fr"}
    assert any(p.image for p in practices)


def test_two_unknown_topics_are_named_once_each_and_nothing_is_said_missing(tmp_path, vocabularies):
    _, problems = check(tmp_path, vocabularies, {"p.md": practice_text(base_fields(topics=["educaton", "housng"]))})
    assert problems == [
        'practices/p.md:9: topics[1]: "educaton" is not a known topic — did you mean "education"?',
        'practices/p.md:10: topics[2]: "housng" is not a known topic — did you mean "housing-and-urban-planning"?',
    ]


def test_a_long_vocabulary_is_pointed_to_not_cut(tmp_path, vocabularies):
    _, problems = check(tmp_path, vocabularies, {"p.md": practice_text(base_fields(topics=["zzzzqqq"]))})
    assert problems == ['practices/p.md:9: topics: "zzzzqqq" is not a known topic — the 22 values of topics are listed in the contributor guide on the site (/contribute/)']


HEAD = "---\ntitle: {title}\nsummary: Kort.\nlanguage: nl\nyear: 2021\ncountries:\n{countries}\ntopics: [education]\n---\nTekst.\n"


@pytest.mark.parametrize(
    ("title", "countries", "expected"),
    [
        ("Samen", "\t- BE", "practices/p.md:7: a tab is used to indent a line; YAML needs spaces — replace the tab at the start of the line by two spaces"),
        ("Gent: een stad", "  - BE", 'practices/p.md:2: title: the value contains a colon followed by a space — put the whole value in double quotes: title: "…"'),
        ("“Samen tegen racisme”", "  - BE", 'practices/p.md:2: title: is wrapped in curly quotes (“…”), as a word processor writes them — remove them, or use straight quotes: title: "Samen tegen racisme"'),
    ],
    ids=["tab", "colon", "curly quotes"],
)
def test_what_people_paste_gets_a_message_that_names_it(tmp_path, vocabularies, title, countries, expected):
    _, problems = check(tmp_path, vocabularies, {"p.md": HEAD.format(title=title, countries=countries)})
    assert problems == [expected]


def test_quotes_inside_a_title_are_fine(tmp_path, vocabularies):
    practices, problems = check(tmp_path, vocabularies, {"p.md": practice_text(base_fields(title="De “warme” stad"))})
    assert problems == [] and practices[0].title == "De “warme” stad"


def test_a_slug_used_twice_is_refused(tmp_path, vocabularies):
    _, problems = check(tmp_path, vocabularies, {"gent.md": practice_text(base_fields()), "gent/index.md": practice_text(base_fields())})
    assert len(problems) == 1 and 'the slug "gent" is used twice' in problems[0]


def test_a_heading_made_of_bold_text_gets_a_warning_and_is_published(tmp_path, vocabularies):
    """As a word processor makes headings (pasted from Word): said, with the line, but not refused."""
    body = ("## Beschrijving\n\nDe stad test verhuurders.\n\n**Resultaten**\n\nVeel.\n\n*Wat we leerden*\n\n"
            "**Lead:** de dienst Wonen. Een gewone zin.\n\n**Dit is een zin.**\n\n```\n**in code**\n```\n")
    practices, problems = check(tmp_path, vocabularies, {"p.md": practice_text(base_fields(), body=body)})
    assert len(practices) == 1
    assert problems == [
        "practices/p.md:15: warning: “Resultaten” is a line of its own in bold or italics: is it a heading? — "
        "write it as a heading, ## Resultaten, so that screen readers and the page's contents see it",
        "practices/p.md:19: warning: “Wat we leerden” is a line of its own in bold or italics: is it a heading? — "
        "write it as a heading, ## Wat we leerden, so that screen readers and the page's contents see it",
    ]
