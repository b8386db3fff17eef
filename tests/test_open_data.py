"""Open data and safety in the built site: exports match the practices; policy; languages."""

from __future__ import annotations

import csv
import html as html_lib
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from site_gen.csp import script_hashes, with_policy
from site_gen.validate import load_practices
from site_gen.vocab import Vocabularies
from support import ROOT, mkdocs_build


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The repository's own site, in its three languages."""
    out = tmp_path_factory.mktemp("open") / "site"
    result = mkdocs_build(ROOT, site=out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def practices():
    found, problems = load_practices(ROOT / "practices", Vocabularies.load())
    assert not problems
    return {p.slug: p for p in found}


def test_practices_json_has_every_practice_with_all_fields(site, practices):
    data = json.loads((site / "practices.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == 1 and data["count"] == len(practices)
    assert sorted(r["slug"] for r in data["practices"]) == sorted(practices)
    for record in data["practices"]:
        practice = practices[record["slug"]]
        assert record["url"] == f"https://example.org/praktijken/practices/{practice.slug}/"
        assert record["title"] == practice.title and record["topics"] == practice.topics
        assert record["body"] == practice.body
    mechelen = next(r for r in data["practices"] if r["slug"] == "mechelen-dag-tegen-discriminatie")
    assert mechelen["image"]["consent"] is True and mechelen["updated"] == "2024-03-01"


def test_practices_csv_has_one_row_per_practice(site, practices):
    text = (site / "practices.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(r["slug"] for r in rows) == sorted(practices)
    gent = next(r for r in rows if r["slug"] == "gent-praktijktesten-huurmarkt")
    assert gent["topics"] == "; ".join(practices["gent-praktijktesten-huurmarkt"].topics)
    assert gent["countries"] == "BE" and "contact.email" in rows[0]


def test_the_atom_feed_is_valid_and_lists_the_newest(site, practices):
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.fromstring((site / "feed.xml").read_bytes())
    entries = feed.findall("a:entry", ns)
    assert len(entries) == min(30, len(practices))
    ids = [e.find("a:id", ns).text for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("https://example.org/praktijken/practices/") for i in ids)
    assert feed.find("a:updated", ns).text == max(e.find("a:updated", ns).text for e in entries)
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in html


def test_each_practice_page_has_json_ld_and_a_citation(site, practices):
    for slug, practice in practices.items():
        html = (site / "practices" / slug / "index.html").read_text(encoding="utf-8")
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
        data = json.loads(block)
        assert data["@type"] == "CreativeWork" and data["name"] == practice.title and data["inLanguage"] == practice.language
        assert f"({practice.year}). " in html and f"https://example.org/praktijken/practices/{slug}/" in html
        assert data["author"]["name"] and data["publisher"] == {
            "@type": "Organization", "name": "Samenleven in diversiteit", "url": "https://example.org/praktijken/"}
        assert [t["termCode"] for t in data["about"]] == practice.topics
        assert {c["identifier"] for c in data["spatialCoverage"] if c["@type"] == "Country"} == set(practice.countries)
        assert data["datePublished"] <= data["dateModified"]  # ISO dates: as strings in order
        if practice.updated:
            assert data["dateModified"] == practice.updated.isoformat()


def meta_tags(html: str) -> dict[str, str]:
    return {key: html_lib.unescape(value) for key, value in
            re.findall(r'<meta (?:property|name)="((?:og|twitter):[^"]+)" content="([^"]*)">', html)}


def test_each_page_has_link_preview_tags_and_a_practice_its_photo(site, practices):
    for slug, practice in practices.items():
        for root in ("", "en/"):
            tags = meta_tags((site / root / "practices" / slug / "index.html").read_text(encoding="utf-8"))
            assert tags["og:title"] == practice.title
            assert tags["og:description"] == practice.summary and tags["og:type"] == "article"
            assert tags["og:url"] == f"https://example.org/praktijken/{root}practices/{slug}/"
            assert tags["og:locale"].split("_")[0] == practice.language
            assert tags["twitter:card"] == ("summary_large_image" if practice.image else "summary")
            if practice.image:
                assert tags["og:image"].startswith("https://example.org/praktijken/practices/")
                assert (site / tags["og:image"].removeprefix("https://example.org/praktijken/")).is_file()
                assert tags["og:image:alt"] == practice.image["alt"]
    assert any(p.image for p in practices.values())
    home = meta_tags((site / "fr" / "index.html").read_text(encoding="utf-8"))
    assert home["og:url"] == "https://example.org/praktijken/fr/" and home["og:locale"] == "fr_FR"
    assert home["og:type"] == "website" and home["og:title"] and home["og:description"]


def test_contact_addresses_are_not_in_pages_as_mailto(site):
    html = (site / "practices/mechelen-dag-tegen-discriminatie/index.html").read_text(encoding="utf-8")
    assert "mailto:" not in html and "@example" not in html
    assert 'data-u="tietisrevid"' in html


def test_every_page_carries_a_content_security_policy(site):
    pages = [p for p in site.rglob("*.html")]
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert policy, page
        assert "script-src 'self'" in policy.group(1) and "object-src 'none'" in policy.group(1)
        for source in script_hashes(html):
            assert source in policy.group(1)
        assert "'unsafe-inline'" not in policy.group(1).split("script-src")[1].split(";")[0]


def test_the_policy_hashes_only_code():
    html = "<html><head><meta charset=utf-8><script>a()</script><script type=application/ld+json>{}</script><script src=x.js></script></head></html>"
    out = with_policy(html)
    assert out.index("Content-Security-Policy") < out.index("<script>")
    assert script_hashes(html) == ["'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='"]  # openssl dgst -sha256 -binary | base64 of "a()"


@pytest.mark.parametrize(
    ("lang", "words"),
    [("", ["Alle praktijken", "Thema's", "Zoeken"]), ("en/", ["All practices", "Topics", "Search"]), ("fr/", ["Toutes les pratiques", "Thèmes", "Rechercher"])],
)
def test_every_kind_of_page_exists_in_each_language_with_a_switcher(site, lang, words):
    kinds = ["", "practices/", "practices/gent-praktijktesten-huurmarkt/", "topics/", "topics/refugees/", "countries/be/", "years/", "beleidsdomeinen/wonen/", "contribute/", "contribute/form/", "accessibility/"]
    for kind in kinds:
        html = (site / lang / kind / "index.html").read_text(encoding="utf-8")
        links = dict(re.findall(r'<a href="([^"]*)" hreflang="(nl|en|fr)" lang="\2" class="md-select__link"', html))
        targets = {v: k for k, v in links.items()}
        assert set(targets) == {"nl", "en", "fr"}, kind
        for other, href in targets.items():
            target = (site / lang / kind / href).resolve()
            expected = (site / ("" if other == "nl" else other + "/") / kind).resolve()
            assert target == expected, (kind, other, href)
    listing = (site / lang / "practices/index.html").read_text(encoding="utf-8")
    name = {"": "Samenleven in diversiteit", "en/": "Living together in diversity", "fr/": "Vivre ensemble dans la diversité"}[lang]
    assert f" - {name}</title>" in listing
    for word in words:
        assert word in listing


def test_practices_json_passes_the_schema_it_declares(site):
    import jsonschema

    data = json.loads((site / "practices.json").read_text(encoding="utf-8"))
    declared = data["schema"]
    assert declared == "https://example.org/praktijken/schema/practices-export.schema.json"
    schema = json.loads((site / declared.removeprefix("https://example.org/praktijken/")).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [e.message for e in validator.iter_errors(data)] == []
    assert data["count"] == len(data["practices"]) == 17
    broken = {**data, "practices": [{k: v for k, v in data["practices"][0].items() if k != "body"}]}
    assert any("'body' is a required property" in e.message for e in validator.iter_errors(broken))


def test_practices_csv_passes_its_table_schema_in_frictionless(site, tmp_path):
    """/datapackage.json describes /practices.csv (Frictionless, a checker that is not ours);
    the same file with wrong cells fails it, naming row and column."""
    from frictionless import validate

    package = json.loads((site / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = package["resources"]
    assert resource["path"] == "practices.csv"
    columns = next(csv.reader(io.StringIO((site / "practices.csv").read_text(encoding="utf-8-sig"))))
    assert [f["name"] for f in resource["schema"]["fields"]] == columns
    report = validate(str(site / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.tasks[0].stats["rows"] == 17

    rows = list(csv.DictReader(io.StringIO((site / "practices.csv").read_text(encoding="utf-8-sig"))))
    rows[0]["topics"] += "; not-a-topic"
    rows[1]["year"] = "twintig"
    rows[2]["title"] = ""
    rows[3]["slug"] = rows[4]["slug"]
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    (tmp_path / "practices.csv").write_text("\ufeff" + out.getvalue(), encoding="utf-8")
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = validate(str(tmp_path / "datapackage.json"))
    found = {(row, field, kind) for row, field, kind in report.flatten(["rowNumber", "fieldName", "type"])}
    assert {(2, "topics", "constraint-error"), (3, "year", "type-error"), (4, "title", "constraint-error")} <= found
    assert any(kind == "primary-key" for _, _, kind in found), found
