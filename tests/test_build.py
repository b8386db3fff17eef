"""Real `mkdocs build` runs of a small corpus: every practice page, every facet page."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import pytest
from PIL import Image

from support import PNG, base_fields, card_links, create_project, mkdocs_build, practice_text, slug_of

# The corpus, as plain data: expected pages are computed from this, not from site_gen.
CORPUS = {
    "gent-huur": dict(year=2021, countries=["BE"], topics=["anti-discrimination-and-equality", "housing-and-urban-planning"], beleidsdomeinen=["wonen"], language="nl"),
    "brugge-plan": dict(year=2021, countries=["BE"], topics=["anti-discrimination-and-equality", "leadership-and-political-commitment"], beleidsdomeinen=["algemeen-beleid", "wonen"], language="en"),
    "lyon-mediation": dict(year=2019, countries=["FR"], topics=["mediation-and-conflict-resolution"], language="fr"),
    "oslo-library": dict(year=2019, countries=["NO"], topics=["refugees", "multilingualism"], beleidsdomeinen=["cultuur"], language="en"),
    "mechelen-dag": dict(year=2023, countries=["BE", "NL"], topics=["communication-and-public-awareness", "anti-discrimination-and-equality"], beleidsdomeinen=["communicatie"], language="nl"),
    "hostile": dict(year=2020, countries=["DE"], topics=["education"], beleidsdomeinen=["onderwijs"], language="en"),
}
for n in range(1, 6):
    CORPUS[f"extra-{n}"] = dict(year=2015 + n, countries=["AT"], topics=["anti-discrimination-and-equality"], language="en")

FACETS = {"topics": "topics", "countries": "countries", "years": "year", "beleidsdomeinen": "beleidsdomeinen"}
HOSTILE_TITLE = "<script>alert('title')</script> Tom & Jerry"
HOSTILE_BODY = """## Description

<script>alert('body')</script>
<img src="x.png" onerror="alert('img')">
<a href="javascript:alert('link')">click</a>
<iframe src="https://example.org"></iframe>
<div style="position:fixed;inset:0">overlay</div>
"""


def corpus_files() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    for slug, facts in CORPUS.items():
        fields = base_fields(title=title_of(slug), summary=f"Summary of {slug}.", **facts)
        body = HOSTILE_BODY if slug == "hostile" else f"## Beschrijving\n\nBody of {slug}.\n"
        if slug == "mechelen-dag":
            fields["image"] = {"src": "photo.png", "alt": "A square in Mechelen", "credit": "Stad Mechelen", "consent": True}
            fields["contact"] = {"name": "Diversiteitsdienst", "url": "https://example.be/diversiteit"}
            fields["documents"] = [{"title": "Actieplan", "url": "https://example.org/plan.pdf", "language": "nl"}]
            files[f"{slug}/index.md"] = practice_text(fields, body)
            files[f"{slug}/photo.png"] = PNG
        else:
            files[f"{slug}.md"] = practice_text(fields, body)
    return files


def title_of(slug: str) -> str:
    return HOSTILE_TITLE if slug == "hostile" else f"Practice {slug}"


def newest_first() -> list[str]:
    return sorted(CORPUS, key=lambda s: (-CORPUS[s]["year"], title_of(s).casefold(), s))


def expected_values(facet_field: str) -> dict[str, list[str]]:
    """value slug -> practice slugs with that value, newest first then by title."""
    found: dict[str, list[str]] = {}
    for slug in newest_first():
        value = CORPUS[slug].get(facet_field) or []
        for v in value if isinstance(value, list) else [value]:
            found.setdefault(str(v).lower(), []).append(slug)
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = create_project(tmp_path_factory.mktemp("build") / "project", corpus_files(), per_page=3)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def all_cards(site: Path, url: str) -> list[str]:
    """Slugs on a listing and on all its further pages."""
    html = read(site, url)
    slugs = [slug_of(link) for link in card_links(html)]
    pages = sorted({int(n) for n in re.findall(r'href="page/(\d+)/"', html)})
    for n in pages:
        slugs += [slug_of(link) for link in card_links(read(site, f"{url}page/{n}/"))]
    return slugs


def test_every_practice_has_its_page(site):
    for slug in CORPUS:
        html = read(site, f"practices/{slug}/")
        assert "Summary of" in html
        if slug != "hostile":
            assert f"<h1 lang=\"{CORPUS[slug]['language']}\">Practice {slug}</h1>" in html
            assert f"Body of {slug}." in html


def test_the_panel_links_each_value_to_its_filter_page(site):
    html = read(site, "practices/mechelen-dag/")
    panel = html[html.index('class="sg-panel"') : html.index("</aside>")]
    for href in ("../../topics/communication-and-public-awareness/", "../../countries/be/", "../../countries/nl/", "../../years/2023/", "../../beleidsdomeinen/communicatie/"):
        assert f'href="{href}"' in panel
    assert "Nederland" in panel and "België" in panel  # country names from CLDR, in the UI language
    assert '<img src="photo.png" alt="A square in Mechelen"' in html
    with Image.open(site / "practices/mechelen-dag/photo.png") as photo:  # re-encoded, camera metadata dropped
        assert photo.size == (1, 1)
    assert "Stad Mechelen" in html and "Actieplan" in html


@pytest.mark.parametrize("facet", FACETS)
def test_every_facet_page_lists_exactly_its_practices_newest_first(site, facet):
    expected = expected_values(FACETS[facet])
    index = read(site, f"{facet}/")
    for value, slugs in expected.items():
        assert all_cards(site, f"{facet}/{value}/") == slugs, f"{facet}/{value}"
        assert re.search(rf'href="{value}/">.*?<span class="sg-count">{len(slugs)}<', index), f"count of {facet}/{value}"
    values_list = index[index.index('class="sg-values"') : index.index("</ul>", index.index('class="sg-values"'))]
    listed = re.findall(r'<li><a href="([^"/]+)/">', values_list)
    assert sorted(listed) == sorted(expected)


def test_long_listings_are_paginated(site):
    # 8 practices about anti-discrimination, 3 a page: pages 1, 2 and 3.
    first = read(site, "topics/anti-discrimination-and-equality/")
    assert "Pagina 1 van 3" in first and 'rel="next" href="page/2/"' in first
    last = read(site, "topics/anti-discrimination-and-equality/page/3/")
    assert len(card_links(last)) == 2 and 'rel="prev" href="../2/"' in last


def test_the_listing_of_all_practices_and_the_home_page(site):
    assert sorted(all_cards(site, "practices/")) == sorted(CORPUS)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert [slug_of(link) for link in card_links(home)] == newest_first()[:6]
    assert "Alle 11 praktijken bekijken" in home
    for facet in FACETS:
        assert f'href="{facet}/"' in home


def test_contributed_markup_cannot_run_script(site):
    html = read(site, "practices/hostile/")
    assert "<script>alert" not in html
    assert "onerror" not in html and "javascript:" not in html and "<iframe" not in html
    assert "position:fixed" not in html
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Tom &amp; Jerry" in html
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<" not in title


def test_no_request_leaves_the_site(site):
    offenders = []
    for path in site.rglob("*"):
        if path.suffix in (".html", ".css"):
            text = path.read_text(encoding="utf-8", errors="replace")
            offenders += [
                (path.name, m)
                for m in re.findall(r'<(?:script|link|img|iframe|source)[^>]+(?:src|href)="(?:https?:)?//[^"]+"', text)
                if 'rel="canonical"' not in m and 'rel=" alternate" hreflang=' not in m  # named, never fetched
            ]
            offenders += [(path.name, m) for m in re.findall(r"@import\s+url\(['\"]?https?://[^)]+\)", text)]
    assert offenders == []


def test_two_builds_are_byte_identical(site, tmp_path):
    project = site.parent
    again = tmp_path / "again"
    assert mkdocs_build(project, site=again).returncode == 0
    comparison = filecmp.dircmp(site, again, ignore=["sitemap.xml.gz"])

    def differences(c: filecmp.dircmp) -> list[str]:
        found = c.left_only + c.right_only + c.diff_files
        for sub in c.subdirs.values():
            found += differences(sub)
        return found

    assert differences(comparison) == []


def test_an_invalid_practice_fails_the_build_naming_every_problem(make_project):
    files = corpus_files()
    files["broken.md"] = practice_text(base_fields(topics=["educaton"], year="twenty"))
    files["worse.md"] = "no front matter\n"
    result = mkdocs_build(make_project(files))
    assert result.returncode != 0
    assert "De site is niet gebouwd: 3 probleem/problemen in 2 bestand(en) van praktijken:" in result.stderr
    # in the site's language (theme.language: nl)
    assert 'practices/broken.md:5: year: "twenty" is geen jaartal — schrijf een jaartal zoals 2021' in result.stderr
    assert 'practices/broken.md:9: topics: "educaton" is geen bekend thema — bedoelt u "education"?' in result.stderr
    assert "practices/worse.md:1: het bestand begint niet met de velden (front matter)" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["All practices", "Topics", "Anti-discrimination and Equality", "Belgium", "Search"]),
        ("fr", ["Toutes les pratiques", "Thèmes", "Lutte contre les discriminations et égalité", "Belgique", "Rechercher"]),
    ],
)
def test_the_ui_language_follows_the_configuration(make_project, language, words):
    project = make_project(corpus_files(), language=language)
    assert mkdocs_build(project).returncode == 0
    html = (project / "site/practices/gent-huur/index.html").read_text(encoding="utf-8")
    for word in words:
        assert word in html, word


GOLDEN = Path(__file__).parent / "golden" / "practice-mechelen-dag.html"


def test_a_rendered_practice_page_matches_the_golden_copy(site):
    """What visitors see of one practice, compared with the reviewed copy.

    After an intended change, regenerate with ``UPDATE_GOLDEN=1 pytest tests/test_build.py``
    and review the diff of the golden file.
    """
    html = read(site, "practices/mechelen-dag/")
    article = html[html.index('<article class="sg-practice">') : html.index("</article>") + len("</article>")]
    article = "\n".join(line.rstrip() for line in article.splitlines() if line.strip()) + "\n"
    if __import__("os").environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(article, encoding="utf-8")
    assert article == GOLDEN.read_text(encoding="utf-8")


def test_written_pages_lose_their_indentation_but_not_preformatted_text_or_code():
    from site_gen.minify import fold_whitespace

    html = (
        "<ul>\n    <li>a</li>\n\n    <li>b  c</li>\n</ul>\n<pre>  x\n    y</pre>\n  "
        "<textarea>\n  keep</textarea>\n <script>\n  var a = `\n  b`;</script>\n  <p>end</p>"
    )
    assert fold_whitespace(html) == (
        "<ul>\n<li>a</li>\n<li>b  c</li>\n</ul>\n<pre>  x\n    y</pre>\n"
        "<textarea>\n  keep</textarea>\n<script>\n  var a = `\n  b`;</script>\n<p>end</p>"
    )


def test_folding_a_part_first_changes_nothing_in_the_written_page():
    """Parts made once per build (sg_memo) are folded when made; the page folded again
    must be what folding it whole gives, wherever the part starts and ends."""
    import random

    from site_gen.minify import fold_whitespace

    rng = random.Random(7)
    pieces = ["\n", " ", "  ", "\t", "a", "<b>", "</b>", "<pre> x\n  y</pre>", "\n\n   ", "\u00a0"]
    for _ in range(2000):
        chosen = [rng.choice(pieces) for _ in range(rng.randrange(1, 14))]
        a, b = sorted(rng.sample(range(len(chosen) + 1), 2))  # a part is whole pieces: never half an element
        before, part, after = "".join(chosen[:a]), "".join(chosen[a:b]), "".join(chosen[b:])
        text = before + part + after
        assert fold_whitespace(before + fold_whitespace(part) + after) == fold_whitespace(text), (before, part, after)


def test_built_pages_are_written_without_indentation(site):
    for url in ("", "practices/mechelen-dag/", "topics/", "en/contribute/form/"):
        html = read(site, url)
        outside_code = re.sub(r"<(pre|textarea|script|style)\b.*?</\1>", "", html, flags=re.S)
        assert "\n " not in outside_code, (url, repr(outside_code[outside_code.find("\n ") - 100 :][:300]))


def test_the_contributor_guide_shows_the_generated_field_and_vocabulary_tables(site):
    guide = read(site, "contribute/")
    assert "<code>beleidsdomeinen</code>" in guide and "De beleidsdomeinen van het lokaal bestuur die betrokken zijn." in guide
    assert "<code>anti-rumour</code></td>\n<td>Anti-geruchten</td>" in guide
    english = read(site, "en/contribute/")
    assert "The local government's policy domains involved." in english and "<td>Anti-rumour</td>" in english
    assert "site-gen:" not in guide + english
    form = read(site, "contribute/form/")
    assert "assets/sg/form-data.js" in form
    data = (site / "assets/sg/form-data.js").read_text(encoding="utf-8")
    assert data.startswith("window.sgFormData={") and '"newFileUrl":"https://github.com/example/praktijkendatabank/new/main/practices"' in data


def test_the_json_schema_is_published_on_the_site(site):
    published = (site / "schema/practice.schema.json").read_text(encoding="utf-8")
    assert published == (Path(__file__).resolve().parents[1] / "practices/practice.schema.json").read_text(encoding="utf-8")


def test_a_long_pagination_links_the_ends_and_the_pages_around_this_one():
    from site_gen.catalog import Listing

    def numbers(number: int, count: int) -> list[int | None]:
        listing = Listing([], number, count, count * 50, [f"page/{n}/" for n in range(1, count + 1)])
        shown = listing.shown
        assert all(item is None or item[1] == f"page/{item[0]}/" for item in shown)
        return [item and item[0] for item in shown]

    assert numbers(1, 1) == [1]
    assert numbers(3, 7) == [1, 2, 3, 4, 5, 6, 7]  # a gap of one page shows that page
    assert numbers(1, 200) == [1, 2, 3, None, 200]
    assert numbers(57, 200) == [1, None, 55, 56, 57, 58, 59, None, 200]
    assert numbers(200, 200) == [1, None, 198, 199, 200]
    assert numbers(5, 200) == [1, 2, 3, 4, 5, 6, 7, None, 200]


def test_a_listing_page_links_the_ends_and_its_neighbours_only(make_project):
    project = make_project(corpus_files(), per_page=1)  # 11 practices: 11 pages
    assert mkdocs_build(project).returncode == 0
    middle = (project / "site/practices/page/6/index.html").read_text(encoding="utf-8")
    nav = middle[middle.index('<nav class="sg-pagination"') : middle.index("</nav>", middle.index('<nav class="sg-pagination"'))]
    assert re.findall(r">(\d+|…)</(?:a|span|li)>", nav) == ["1", "…", "4", "5", "6", "7", "8", "…", "11"]
    assert 'aria-label="Pagina 11 van 11"' in nav and "page/2/" not in nav


def test_counts_are_written_the_way_the_ui_language_writes_them():
    from site_gen.i18n import UiLabels

    assert UiLabels("nl").t("see_all", n=10000) == "Alle 10.000 praktijken bekijken"
    assert UiLabels("en").count(1234) == "1,234 practices"
    assert UiLabels("fr").t("page_of", n=3, total=1200) == "Page 3 sur 1\u202f200"
    assert UiLabels("nl").number(2024) == "2.024"  # a count; years are labels, never passed as numbers
