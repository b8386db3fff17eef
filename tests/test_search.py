"""Search: one analysis for three languages, lunr's scores, shards, and the Python twin."""

from __future__ import annotations

import json
import string
import sys

import pytest
from lunr.builder import Builder

from site_gen.catalog import Catalog
from site_gen.facets import DEFAULT_FACETS
from site_gen.search import shards
from site_gen.search.analysis import analyze, query_stems, words
from site_gen.search.build import search_files
from site_gen.search.documents import Page, markdown_text, practice_entries, FacetCodes
from site_gen.search.index import FIELDS, SCALE, build, terms_of
from site_gen.search.twin import ShardedSearch, read_script
from site_gen.validate import load_practices
from site_gen.vocab import Vocabularies
from support import ROOT, base_fields, practice_text, write_practices

sys.path.insert(0, str(ROOT / "scripts"))
from synthetic import generate  # noqa: E402


def catalog_of(folder, lang: str = "nl") -> Catalog:
    vocabularies = Vocabularies.load()
    practices, problems = load_practices(folder, vocabularies, folder.parent)
    assert not problems
    return Catalog(practices, vocabularies, DEFAULT_FACETS, lang)


def searcher(files: dict[str, str]) -> ShardedSearch:
    return ShardedSearch(lambda path: files[path])


@pytest.fixture(scope="module")
def sample() -> tuple[Catalog, ShardedSearch]:
    catalog = catalog_of(ROOT / "practices")
    pages = [Page("accessibility/", (ROOT / "docs/accessibility.md").read_text(encoding="utf-8"))]
    return catalog, searcher(search_files(catalog, pages))


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Catalog:
    folder = tmp_path_factory.mktemp("synthetic") / "practices"
    generate(folder, 120, seed=7)
    return catalog_of(folder)


def slugs(catalog: Catalog, results) -> list[str]:
    return [catalog.practices[ref].slug for ref, _ in results if ref < len(catalog.practices)]


# --- analysis --------------------------------------------------------------------------------

def test_words_are_lowercase_without_accents():
    assert words("Médiateurs d’Amadora, ÉGALITÉ & co-creatie") == ["mediateurs", "d", "amadora", "egalite", "co", "creatie"]
    assert words("Gent 𝐀𝐁 stad") == ["gent", "stad"]  # beyond the BMP: sorted differently in JavaScript


@pytest.mark.parametrize(
    ("lang", "forms"),
    [
        ("nl", ["praktijktest", "praktijktesten"]),
        ("en", ["indicator", "indicators"]),
        ("fr", ["médiateur", "médiateurs", "mediateurs"]),
        ("en", ["equality", "Equality"]),
    ],
)
def test_inflected_forms_share_a_stem(lang, forms):
    stems = {tuple(analyze(f, lang)) for f in forms}
    assert len(stems) == 1, stems
    assert all(analyze(forms[0], lang)[0] in query_stems(words(f)[0]) for f in forms)


def test_stop_words_are_not_indexed():
    assert analyze("de stad en het plan", "nl") == ["stad", "plan"]
    assert analyze("le plan de la ville", "fr") == ["plan", "vill"]


def test_markdown_becomes_the_text_a_reader_sees():
    text = markdown_text(
        "## Beschrijving\n\nDe **stad** werkt met [partners](https://example.org/x) en ![een foto](foto.png).[^1]\n\n"
        "| a | b |\n|---|---|\n| één | twee |\n\n- punt <span>in html</span>\n\n[^1]: Een voetnoot.\n"
    )
    assert text == "Beschrijving De stad werkt met partners en een foto. a b één twee punt in html Een voetnoot."


# --- the index: lunr's own scores --------------------------------------------------------------

def test_scores_are_those_of_lunr_builder(synthetic):
    """Our compact counting gives exactly lunr.Builder's scores (rounded to hundredths)."""
    entries = list(practice_entries(synthetic, FacetCodes(synthetic.finder_facets, synthetic.practices)))
    documents = [d for d, _ in entries]
    ours = build(documents)
    builder = Builder()
    builder.pipeline.reset()
    builder.search_pipeline.reset()
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for ref, document in enumerate(documents):
        fields = terms_of(document)
        builder.add({"ref": str(ref), **{name: " ".join(terms) for (name, _), terms in zip(FIELDS, fields)}})
    lunr_index = builder.build()
    assert ours.terms == sorted(lunr_index.inverted_index)
    for term, postings in zip(ours.terms, ours.postings):
        number = lunr_index.inverted_index[term]["_index"]
        for f, (name, _) in enumerate(FIELDS):
            expected = {}
            for ref in lunr_index.inverted_index[term][name]:
                vector = lunr_index.field_vectors[f"{name}/{ref}"].elements
                score = dict(zip(vector[::2], vector[1::2]))[number]
                expected[int(ref)] = max(1, round(score * SCALE))
            assert dict(zip(postings.refs[f], postings.scores[f])) == expected, (term, name)


# --- shards -------------------------------------------------------------------------------------

def test_every_term_is_in_the_shard_meta_names_and_prefixes_span_their_terms(synthetic):
    entries = list(practice_entries(synthetic, FacetCodes(synthetic.finder_facets, synthetic.practices)))
    index = build(d for d, _ in entries)
    cut = list(shards.cut(index, limit=3_000))
    assert len(cut) > 20
    meta = shards.Meta([first for first, _ in cut], len(entries), len(entries))
    where = {json.loads(entry)[0]: n for n, (_, shard) in enumerate(cut) for entry in shard}
    assert all(meta.shards_for(term) == [n] for term, n in where.items())
    for prefix in [a + b for a in string.ascii_lowercase for b in "aeiou"]:
        spanned = meta.shards_for(prefix, prefix=True)
        holding = {n for term, n in where.items() if term.startswith(prefix)}
        start = meta.shards_for(prefix)[0]  # from where the prefix would stand, at most PREFIX_SHARDS
        assert spanned == list(range(start, start + len(spanned))) and len(spanned) <= shards.PREFIX_SHARDS
        assert holding & set(range(start, start + shards.PREFIX_SHARDS)) <= set(spanned)


def test_sharding_never_changes_a_result(synthetic, monkeypatch):
    """Many small shards or one large one: the same results, scores and ranks (for
    finished words: a word being typed matches as a prefix within a few shards)."""
    one = searcher(search_files(synthetic, []))
    monkeypatch.setattr(shards, "SHARD_CHARS", 2_000)
    many = searcher(search_files(synthetic, []))
    assert len(many.meta.firsts) > 50 and len(one.meta.firsts) < len(many.meta.firsts)
    body_words = [w for p in synthetic.practices[:30] for w in words(p.body)[40:42]]
    queries = body_words + [f"{a} {b}" for a, b in zip(body_words, body_words[1:])] + ["pro", "de", "stad 2021"]
    for query in (q + " " for q in queries):
        assert many.search(query) == one.search(query), query


def test_the_files_are_scripts_that_register_their_data(sample):
    catalog, search = sample
    meta = search.meta_data
    assert meta["practices"] == len(catalog.practices) and meta["documents"] == len(catalog.practices) + 1
    assert meta["pageLanguages"] == ["nl"]
    labels = search.load("labels-nl")
    assert [f["param"] for f in labels] == ["topic", "country", "year", "beleidsdomein", "language"]
    assert ["be", "België", "BE"] in labels[1]["values"]  # lowercase codes, as in URLs; the id as the open data writes it
    # the finder's result export: each facet's column and value as in /practices.csv and /practices.json
    assert [(f["field"], f["list"]) for f in labels] == [
        ("topics", True), ("countries", True), ("year", False), ("beleidsdomeinen", True), ("language", False)]
    assert sorted(labels, key=lambda f: f["column"])[0]["field"] == "language"
    assert isinstance(labels[2]["values"][0][2], int)
    card = search.card(0)
    assert card["s"] == catalog.practices[0].slug and card["t"] == catalog.practices[0].title
    assert read_script('sgSearch.add("x",{"a":[1]});\n') == ("x", {"a": [1]})


def test_one_set_of_files_serves_every_ui_language():
    nl, en = catalog_of(ROOT / "practices", "nl"), catalog_of(ROOT / "practices", "en")
    languages = ("nl", "en", "fr")
    files_nl, files_en = search_files(nl, [], languages), search_files(en, [], languages)
    assert files_nl == files_en  # facet numbers and labels do not depend on the building language
    assert ["be", "Belgique", "BE"] in read_script(files_nl[shards.path_of("labels-fr")])[1][1]["values"]
    guide = {lang: Page(f"{prefix}accessibility/", (ROOT / f"docs/accessibility{suffix}.md").read_text(encoding="utf-8"), lang=lang)
             for lang, prefix, suffix in (("nl", "", ""), ("en", "en/", ".en"), ("fr", "fr/", ".fr"))}
    files = search_files(nl, list(guide.values()), languages)
    for lang in languages:  # each language finds its own page only
        search = ShardedSearch(lambda path: files[path], lang)
        pages = [ref for ref, _ in search.search("toegankelijkheid accessibility accessibilité".split()[languages.index(lang)])
                 if ref >= len(nl.practices)]
        assert [search.card(ref)["u"] for ref in pages] == [guide[lang].url]


# --- finding things ------------------------------------------------------------------------------

RELEVANCE = [
    ("praktijktesten", "gent-praktijktesten-huurmarkt"),
    ("praktijktest huurmarkt", "gent-praktijktesten-huurmarkt"),
    ("discriminatie melden", "sint-niklaas-meldingsbereidheid-discriminatie"),
    ("adviesraad Genk", "genk-forum-samenleven-in-diversiteit"),
    ("equality data", "belgium-equality-data-hub"),
    ("integration indicators", "urban-integration-indicators-working-group"),
    ("anti-rumour", "botkyrka-anti-rumour-network"),
    ("Roma mediators", "amadora-roma-intercultural-mediators"),
    ("library language", "bergen-library-language-friends"),
    ("médiateurs interculturels", "montreal-mediateurs-interculturels-habitation"),
    ("mediateurs logement", "montreal-mediateurs-interculturels-habitation"),
    ("vote des étrangers", "neuchatel-campagne-vote-etrangers"),
    ("interprétariat", "liege-mediation-interculturelle-services-communaux"),
]


@pytest.mark.parametrize(("query", "expected"), RELEVANCE)
def test_the_expected_practice_is_in_the_top_three(sample, query, expected):
    catalog, search = sample
    assert expected in slugs(catalog, search.search(query))[:3]


def test_every_query_word_must_match(sample):
    catalog, search = sample
    both = set(slugs(catalog, search.search("racisme onderwijs")))
    assert both and both <= set(slugs(catalog, search.search("racisme"))) & set(slugs(catalog, search.search("onderwijs")))
    assert search.search("praktijktesten zzzqqq") == []
    assert search.search("   ") is None


def test_the_last_word_matches_as_a_prefix_while_typing(sample):
    catalog, search = sample
    assert "gent-praktijktesten-huurmarkt" in slugs(catalog, search.search("praktijkt"))
    assert search.search("praktijkt ") == []  # a finished word must match a whole stem


def test_a_word_deep_in_the_body_finds_its_practice(sample):
    catalog, search = sample
    bruges = next(p for p in catalog.practices if p.slug == "bruges-eccar-plan-2021-2025")
    deep = words(markdown_text(bruges.body))[-40:]
    rare = next(w for w in deep if len(w) > 7 and len(search.search(w + " ")) <= 3)
    assert "bruges-eccar-plan-2021-2025" in slugs(catalog, search.search(rare + " "))


def test_a_french_query_finds_a_dutch_practice_through_its_topic_label(tmp_path):
    folder = tmp_path / "practices"
    write_practices(folder, {
        "gent-buren.md": practice_text(base_fields(title="Buren helpen buren", summary="Een buurtwerking in Gent.",
                                                   topics=["mediation-and-conflict-resolution"]), "## Beschrijving\n\nBuren praten.\n"),
        "gent-werk.md": practice_text(base_fields(title="Werk voor iedereen", summary="Jobs in Gent.", topics=["business-and-employment"])),
    })
    catalog = catalog_of(folder)
    search = searcher(search_files(catalog, []))
    assert slugs(catalog, search.search("médiation")) == ["gent-buren"]
    assert slugs(catalog, search.search("Belgique")) and sorted(slugs(catalog, search.search("2021 "))) == sorted(p.slug for p in catalog.practices)


def test_hand_written_pages_come_after_the_practices(sample):
    catalog, search = sample
    found = search.search("toegankelijkheidsverklaring")
    assert [ref for ref, _ in found] == [len(catalog.practices)]
    assert search.card(len(catalog.practices))["u"] == "accessibility/"


def test_an_empty_database_has_a_search_that_finds_nothing(tmp_path):
    (tmp_path / "practices").mkdir()
    catalog = catalog_of(tmp_path / "practices")
    files = search_files(catalog, [])
    search = searcher(files)
    assert search.meta_data["practices"] == 0 and search.meta_data["shards"] == []
    assert search.search("stad") == []
    assert read_script(files[shards.path_of("facets")]) == ("facets", [])


# --- made in a second process ---------------------------------------------------------------

def test_a_forked_process_writes_the_same_files_as_the_build_itself(synthetic, tmp_path):
    from site_gen.search.build import SearchFiles

    here, forked = tmp_path / "here", tmp_path / "forked"
    assert SearchFiles(synthetic, [], here, parallel_from=10_000).write() > 100
    beside = SearchFiles(synthetic, [], forked, parallel_from=1)
    assert beside.running() or (forked / "search").exists()
    assert beside.write() == len(list((here / "search").rglob("*.js")))
    assert {p.relative_to(here): p.read_bytes() for p in here.rglob("*.js")} == {
        p.relative_to(forked): p.read_bytes() for p in forked.rglob("*.js")}


def test_a_failure_in_the_forked_process_fails_the_build_with_its_reason(synthetic, tmp_path):
    from site_gen.search.build import SearchFiles

    (tmp_path / "site").write_text("a file where the site's folder should be", encoding="utf-8")
    with pytest.raises(OSError) as failed:
        SearchFiles(synthetic, [], tmp_path / "site", parallel_from=1).write()
    assert "site" in str(failed.value)
