"""Related practices: the fast index gives exactly what counting every pair gives."""

from __future__ import annotations

import random
import sys

from site_gen.related import RELATED_FIELDS, related_practices
from site_gen.validate import load_practices
from site_gen.vocab import Vocabularies
from support import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from synthetic import generate  # noqa: E402


def brute_force(practices, limit=4):
    keys = [{(n, v) for n in RELATED_FIELDS for v in p.data.get(n) or ()} for p in practices]
    result = {}
    for i, p in enumerate(practices):
        scored = [(-len(keys[i] & keys[j]), j) for j in range(len(practices)) if j != i and keys[i] & keys[j]]
        result[p.slug] = [practices[j].slug for _, j in sorted(scored)[:limit]]
    return result


def check(practices):
    practices = sorted(practices, key=lambda p: p.sort_key)
    fast = {slug: [p.slug for p in found] for slug, found in related_practices(practices).items()}
    assert fast == brute_force(practices)


def test_the_sample_practices():
    practices, _ = load_practices(ROOT / "practices", Vocabularies.load())
    check(practices)


def test_a_synthetic_collection(tmp_path):
    generate(tmp_path / "p", 400, seed=7)
    practices, problems = load_practices(tmp_path / "p", Vocabularies.load())
    assert not problems
    check(practices)
    # and with many values per practice (more than the combinations indexed)
    rng = random.Random(3)
    for p in practices[:150]:
        p.data["beleidsdomeinen"] = sorted(rng.sample(["wonen", "werk", "onderwijs", "welzijn", "sport", "jeugd", "cultuur"], 5))
    check(practices)
