"""The synthetic corpus and the benchmark's plumbing, on a tiny size (not its timings)."""

from __future__ import annotations

import json
import subprocess
import sys

from support import ROOT
from site_gen.validate import load_practices
from site_gen.vocab import Vocabularies

sys.path.insert(0, str(ROOT / "scripts"))
from synthetic import generate  # noqa: E402


def test_the_synthetic_corpus_is_valid_varied_and_deterministic(tmp_path):
    paths = generate(tmp_path / "a", 40, seed=3)
    again = generate(tmp_path / "b", 40, seed=3)
    assert [p.read_text() for p in paths] == [p.read_text() for p in again]
    practices, problems = load_practices(tmp_path / "a", Vocabularies.load())
    assert problems == [] and len(practices) == 40
    assert {p.language for p in practices} == {"nl", "en", "fr"}
    lengths = [len(p.body.split()) for p in practices]
    assert min(lengths) >= 250 and max(lengths) <= 1800
    assert len({t for p in practices for t in p.topics}) > 10


def test_the_bench_builds_both_sites_and_prints_its_tables(tmp_path):
    out = tmp_path / "figures.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/bench"), "--sizes", "6", "--no-browser", "--json", str(out)],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "| practices | our build (every language) | plain Material (one language) | ratio |" in result.stdout
    assert "| practices | one language | ratio | rebuild" in result.stdout
    assert "| 6 | " in result.stdout
    [row] = json.loads(out.read_text())
    assert row["size"] == 6 and row["ours"]["wall"] > 0 and row["plain"]["wall"] > 0
    assert {"search index", "loading and validation", "Markdown (and sanitising)"} <= set(row["ours"]["phases"])
    assert row["search_bytes"] > 0 and row["search_files"] > 6
    # Every byte of the site is in one part, and the parts find what they name in real pages.
    parts = row["site_parts"]
    assert sum(parts.values()) == round(row["site_bytes_per_practice"] * 6)
    assert min(parts[p] for p in ("text", "page", "listings", "search", "open_data", "assets")) > 0
    assert parts["text"] > 6 * 3 * 1000  # 250 words or more per practice, in three languages
    assert "| practice pages: the practice's text |" in result.stdout
