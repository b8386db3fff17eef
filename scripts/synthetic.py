"""A synthetic corpus of practices in the project's file format, for benchmarks.

Realistic in the ways that matter for speed and size: bodies of 300–1,500 words in
Dutch, English and French with a Zipf-shaped vocabulary that keeps growing with the
corpus (as real text does), headings and lists, and facet values spread like a real
database (a few topics and Belgium dominate, recent years are more common).
Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
from pathlib import Path

import yaml

from site_gen.text import slugify

LANGS = ("nl", "en", "fr")
LANG_WEIGHTS = (0.5, 0.3, 0.2)
SEED_WORDS = {
    "nl": "de het een en van in op voor met door stad gemeente bewoners discriminatie racisme praktijktest "
    "praktijktesten huurmarkt wonen werk onderwijs diversiteit samenleven inburgering nieuwkomers buurt school "
    "vrijwilligers partners jongeren gelijke kansen beleid actieplan meldpunt campagne dienstverlening taal "
    "ontmoeting armoede gezondheid sport cultuur vertrouwen participatie adviesraad verhuurders werkgevers",
    "en": "the a and of in on for with by city council residents discrimination racism equality data indicator "
    "indicators housing employment education diversity integration newcomers neighbourhood school volunteers "
    "partners young people equal opportunities policy action plan reporting campaign services language meeting "
    "poverty health sport culture trust participation advisory board landlords employers refugees welcome",
    "fr": "le la les un une et de du des en pour avec par ville commune habitants discrimination racisme égalité "
    "médiateur médiateurs interculturel logement emploi éducation diversité intégration nouveaux arrivants "
    "quartier école bénévoles partenaires jeunes égalité des chances politique plan d'action signalement "
    "campagne services langue rencontre pauvreté santé sport culture confiance participation conseil",
}
SYLLABLES = {
    "nl": "ge ver be ont aan in uit over on wer king heid lijk baar ster sche tie pro jec buur taal woon".split(),
    "en": "re con de in pro com ex un dis ment tion ness able ing er ly al ive ous ship hood ward".split(),
    "fr": "re dé con pro in com ex mé dia tion ment eur ance ité ique ois elle ier age aire eux".split(),
}
TOPICS = [
    "anti-discrimination-and-equality", "welcoming-and-social-integration", "education",
    "communication-and-public-awareness", "political-and-public-participation", "neighbourhood",
    "public-and-community-services", "culture-leisure-and-heritage", "business-and-employment",
    "housing-and-urban-planning", "refugees", "leadership-and-political-commitment",
    "mediation-and-conflict-resolution", "multilingualism", "anti-rumour",
    "developing-a-culture-of-openness-and-interculturality", "gender-equality-and-intersectionality",
    "health-social-care-and-family-support", "religion-and-interfaith", "security-justice-and-safety",
    "international-outlook", "roma",
]
DOMAINS = [
    "wonen", "werk", "onderwijs", "communicatie", "welzijn", "participatie", "vrije-tijd", "veiligheid",
    "dienstverlening", "personeelsbeleid", "gezondheid", "cultuur", "jeugd", "sport", "armoedebestrijding",
    "inburgering-en-integratie", "algemeen-beleid", "economie", "mobiliteit", "ruimtelijke-ordening",
]
COUNTRIES = ["BE", "NL", "FR", "DE", "ES", "IT", "PT", "NO", "SE", "IE", "AT", "CH", "PL", "GR", "UA", "CA", "DK", "FI"]
HEADINGS = {
    "nl": ["Beschrijving", "Doelen", "Succesfactoren", "Uitdagingen", "Resultaten"],
    "en": ["Description", "Goals", "Success factors", "Challenges", "Results"],
    "fr": ["Description", "Objectifs", "Facteurs de réussite", "Difficultés", "Résultats"],
}


class Vocabulary:
    """A Zipf-distributed vocabulary: common seed words, then ever rarer made-up words."""

    def __init__(self, lang: str, rng: random.Random, size: int = 60_000):
        words = SEED_WORDS[lang].split()
        seen = set(words)
        syllables = SYLLABLES[lang]
        while len(words) < size:
            word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
            if word not in seen:
                seen.add(word)
                words.append(word)
        self.words = words
        self.cumulative = list(itertools.accumulate(1 / (rank + 1) ** 1.07 for rank in range(size)))

    def sample(self, rng: random.Random, n: int) -> list[str]:
        total = self.cumulative[-1]
        return [self.words[bisect.bisect(self.cumulative, rng.random() * total)] for _ in range(n)]


def _zipf_choice(rng: random.Random, items: list[str], k: int) -> list[str]:
    weights = [1 / (i + 1) for i in range(len(items))]
    chosen: list[str] = []
    while len(chosen) < k:
        item = rng.choices(items, weights)[0]
        if item not in chosen:
            chosen.append(item)
    return chosen


def _sentence(vocab: Vocabulary, rng: random.Random, n: int) -> str:
    text = " ".join(vocab.sample(rng, n))
    return text[:1].upper() + text[1:] + "."


def practice(n: int, rng: random.Random, vocabularies: dict[str, Vocabulary]) -> tuple[str, str]:
    """``(slug, file text)`` of practice number ``n``."""
    lang = rng.choices(LANGS, LANG_WEIGHTS)[0]
    vocab = vocabularies[lang]
    countries = ["BE"] if rng.random() < 0.45 else _zipf_choice(rng, COUNTRIES, rng.choice((1, 1, 1, 2, 3)))
    year = min(2025, max(2005, int(2025 - rng.expovariate(1 / 4))))
    front = {
        "title": _sentence(vocab, rng, rng.randint(4, 10))[:-1],
        "summary": _sentence(vocab, rng, rng.randint(18, 35)),
        "language": lang,
        "year": year,
        "countries": countries,
        "cities": [f"Stad {rng.randint(1, 400)}" for _ in range(rng.randint(1, 2))],
        "topics": _zipf_choice(rng, TOPICS, rng.randint(1, 4)),
        "beleidsdomeinen": _zipf_choice(rng, DOMAINS, rng.randint(0, 4)),
        "partners": [f"Partner {rng.randint(1, 900)}" for _ in range(rng.randint(0, 4))],
        "organisation": f"Organisatie {rng.randint(1, 600)}",
    }
    target = rng.randint(300, 1500)
    body, written = [], 0
    for heading in HEADINGS[lang]:
        body.append(f"## {heading}\n")
        share = target // len(HEADINGS[lang])
        while written < share * (len(body) // 2 + 1) and written < target:
            length = rng.randint(40, 110)
            if rng.random() < 0.2:
                items = [f"- {_sentence(vocab, rng, rng.randint(5, 12))}" for _ in range(3)]
                body.append("\n".join(items) + "\n")
                length = 27
            else:
                body.append(" ".join(_sentence(vocab, rng, rng.randint(8, 22)) for _ in range(length // 15 + 1)) + "\n")
            written += length
    slug = f"{slugify(' '.join(front['title'].split()[:4]))}-{n:05d}"
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + "\n".join(body)
    return slug, text


def generate(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """Write ``count`` practices into ``folder``; returns their paths."""
    rng = random.Random(seed)
    vocabularies = {lang: Vocabulary(lang, random.Random(f"{seed}-{lang}")) for lang in LANGS}
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        slug, text = practice(n, rng, vocabularies)
        path = folder / f"{slug}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.folder, args.count, args.seed)


if __name__ == "__main__":
    main()
