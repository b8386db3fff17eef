"""Search: one analysis for three languages, relevance, and the index format."""

from __future__ import annotations

import json

import pytest

from site_gen.catalog import Catalog
from site_gen.facets import DEFAULT_FACETS
from site_gen.finder import documents, payload, script, short
from site_gen.search import analyze, body_terms_per_practice, load, query_stems, search, words
from site_gen.validate import load_practices
from site_gen.vocab import Vocabularies
from support import ROOT


@pytest.fixture(scope="module")
def sample() -> tuple[Catalog, dict]:
    vocabularies = Vocabularies.load()
    practices, problems = load_practices(ROOT / "practices", vocabularies, ROOT)
    assert not problems
    catalog = Catalog(practices, vocabularies, DEFAULT_FACETS, "nl")
    return catalog, payload(catalog)


def slugs(catalog: Catalog, results) -> list[str]:
    return [catalog.practices[int(ref)].slug for ref, _ in results]


def test_words_are_lowercase_without_accents():
    assert words("Médiateurs d’Amadora, ÉGALITÉ & co-creatie") == ["mediateurs", "d", "amadora", "egalite", "co", "creatie"]


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
    # and a query word, stemmed in every language, meets that stem
    assert all(analyze(forms[0], lang)[0] in query_stems(words(f)[0]) for f in forms)


def test_stop_words_are_not_indexed():
    assert analyze("de stad en het plan", "nl") == ["stad", "plan"]
    assert analyze("le plan de la ville", "fr") == ["plan", "vill"]


# A query per language and the practice a visitor expects among the first three.
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
    catalog, data = sample
    results = search(load(data["index"]), query)
    assert expected in slugs(catalog, results)[:3], slugs(catalog, results)


def test_every_query_word_must_match(sample):
    catalog, data = sample
    index = load(data["index"])
    both = set(slugs(catalog, search(index, "racisme onderwijs")))
    assert both and both <= set(slugs(catalog, search(index, "racisme"))) & set(slugs(catalog, search(index, "onderwijs")))
    assert search(index, "praktijktesten zzzqqq") == []
    assert search(index, "   ") is None


def test_the_last_word_matches_as_a_prefix_while_typing(sample):
    catalog, data = sample
    index = load(data["index"])
    assert "gent-praktijktesten-huurmarkt" in slugs(catalog, search(index, "praktijkt"))
    assert search(index, "praktijkt ") == []  # a finished word must match a whole stem


def test_the_payload_is_a_script_assigning_a_global(sample):
    catalog, data = sample
    text = script(data)
    assert text.startswith("window.sgFinderData={") and text.endswith("};\n")
    assert json.loads(text[len("window.sgFinderData=") : -2]) == json.loads(json.dumps(data))
    assert [d[0] for d in data["docs"]] == [p.slug for p in catalog.practices]
    assert [f["param"] for f in data["facets"]] == ["topic", "country", "year", "beleidsdomein", "language"]
    countries = data["facets"][1]["values"]
    assert ["be", "België"] in countries  # lowercase codes, as in URLs
    assert data["index"]["pipeline"] == [] and data["index"]["version"] == "2.3.9"


def test_small_collections_index_nearly_every_body_word_and_large_ones_the_most_telling():
    assert body_terms_per_practice(17) == 352
    assert body_terms_per_practice(1000) == 6
    assert body_terms_per_practice(100_000) == 5


def test_summaries_in_the_store_are_cut_at_a_word():
    assert short("kort") == "kort"
    cut = short("woord " * 60)
    assert cut.endswith("woord…") and len(cut) <= 150


def test_documents_follow_the_store_order(sample):
    catalog, _ = sample
    docs = documents(catalog)
    assert [d.ref for d in docs] == [str(i) for i in range(len(catalog.practices))]
    assert docs[0].lang == catalog.practices[0].language
