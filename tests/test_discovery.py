"""What crawlers and link previews read: robots.txt, the sitemap index and one sitemap
per UI language, each page's lastmod from its content (not the build), and hreflang
links that are absolute and lead to the same page in each language, with x-default."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import xml.etree.ElementTree as ET

from support import base_fields, mkdocs_build, practice_text

SITE = "https://example.org/praktijken/"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def lastmods(sitemap) -> dict[str, str]:
    root = ET.parse(sitemap).getroot()
    assert root.tag == "{%s}urlset" % NS["s"]
    return {u.findtext("s:loc", namespaces=NS): u.findtext("s:lastmod", namespaces=NS) for u in root.findall("s:url", NS)}


def test_sitemaps_robots_lastmod_and_hreflang(make_project):
    project = make_project({
        "checked.md": practice_text(base_fields(title="Nagekeken", updated="2024-02-03")),
        "committed.md": practice_text(base_fields(title="Ingediend", year=2019)),
    })
    git = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_COMMITTER_DATE": "2021-06-07T10:00:00", "GIT_AUTHOR_DATE": "2021-06-07T10:00:00"}
    for command in (["git", "init", "-q"], ["git", "add", "practices"], ["git", "commit", "-qm", "practices"]):
        subprocess.run(command, cwd=project, env=git, check=True)
    for guide in (project / "docs").glob("accessibility*.md"):  # not committed: each translation's file's date
        os.utime(guide, (datetime.datetime(2022, 1, 2, 12).timestamp(),) * 2)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"

    robots = (site / "robots.txt").read_text()
    assert "User-agent: *" in robots and f"Sitemap: {SITE}sitemap.xml" in robots
    index = ET.parse(site / "sitemap.xml").getroot()
    assert index.tag == "{%s}sitemapindex" % NS["s"]
    named = [s.findtext("s:loc", namespaces=NS) for s in index.findall("s:sitemap", NS)]
    assert named == [f"{SITE}sitemap-nl.xml", f"{SITE}en/sitemap.xml", f"{SITE}fr/sitemap.xml"]
    per_language = {lang: lastmods(site / url[len(SITE):]) for lang, url in zip(("nl", "en", "fr"), named)}
    for lang, found in per_language.items():
        root = SITE if lang == "nl" else f"{SITE}{lang}/"
        assert all(loc.startswith(root) for loc in found), lang
        assert len(found) == len(per_language["nl"])
        assert found[f"{root}practices/checked/"] == "2024-02-03"  # its `updated` field
        assert found[f"{root}practices/committed/"] == "2021-06-07"  # its file's last commit
        assert found[f"{root}years/2019/"] == "2021-06-07"  # a listing: its newest practice
        assert found[f"{root}accessibility/"] == "2022-01-02"  # a hand-written page: its file
    assert {s.findtext("s:lastmod", namespaces=NS) for s in index.findall("s:sitemap", NS)} == {
        max(d for d in per_language["nl"].values())}

    page = (site / "en" / "practices" / "checked" / "index.html").read_text()
    links = dict(re.findall(r'<link rel=" ?alternate" hreflang="([^"]+)" href="([^"]+)">', page))
    assert links == {"nl": f"{SITE}practices/checked/", "en": f"{SITE}en/practices/checked/",
                     "fr": f"{SITE}fr/practices/checked/", "x-default": f"{SITE}practices/checked/"}
