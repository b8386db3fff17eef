"""Controlled vocabularies: ids with labels in nl, en and fr.

Topics, beleidsdomeinen and status are YAML data files (a deployment can replace them
without touching Python). Countries and languages come from Babel's CLDR data.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from babel import Locale

from . import yamlfile
from .text import UI_LANGUAGES, close_matches, fold, slugify

PACKAGE_VOCABULARIES = Path(__file__).parent / "vocabularies"
FILE_VOCABULARIES = ("topics", "beleidsdomeinen", "status")
CONTENT_LANGUAGES = ("nl", "en", "fr")

# CLDR knows these two-letter territory codes, but they are not ISO 3166-1 countries:
# groupings (EU, EZ, UN, QO, ZZ), pseudo-locales (XA, XB) and exceptionally reserved
# codes (AC, CP, CQ, DG, EA, IC, TA). XK (Kosovo) is kept: it is in common use.
NOT_COUNTRIES = frozenset("EU EZ UN QO ZZ XA XB AC CP CQ DG EA IC TA".split())


class VocabularyError(Exception):
    """A vocabulary file that cannot be used; the message names the file and entry."""


@dataclass(frozen=True)
class Term:
    id: str
    labels: dict[str, str]

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.id


@dataclass
class Vocabulary:
    """An ordered set of terms, looked up by id or, forgivingly, by a label."""

    name: str
    terms: dict[str, Term]
    _by_key: dict[str, set[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for term in self.terms.values():
            keys = {fold(term.id), slugify(term.id)}
            for label in term.labels.values():
                keys.update({fold(label), slugify(label)})
            for key in keys:
                self._by_key.setdefault(key, set()).add(term.id)

    def __contains__(self, term_id: object) -> bool:
        return term_id in self.terms

    def label(self, term_id: str, lang: str) -> str:
        term = self.terms.get(term_id)
        return term.label(lang) if term else str(term_id)

    def resolve(self, value: str) -> tuple[str | None, list[str]]:
        """The id ``value`` stands for, else ``None`` and the ids it is close to.

        An exact id wins; then an id or a label in any language, compared without case
        or accents, when exactly one term has it. An ambiguous label is not guessed.
        """
        if value in self.terms:
            return value, []
        ids = self._by_key.get(fold(value)) or self._by_key.get(slugify(value)) or set()
        if len(ids) == 1:
            return next(iter(ids)), []
        if len(ids) > 1:
            return None, sorted(ids)
        single = slugify(value)
        if "-" not in single and single in self._by_word:  # "médiation": a word of a label
            return None, sorted(self._by_word[single])
        candidates = list(self.terms)
        candidates += [lab for t in self.terms.values() for lab in t.labels.values()]
        near = []
        for hit in close_matches(value, candidates):
            for term_id in self._by_key.get(fold(hit), ()):
                if term_id not in near:
                    near.append(term_id)
        if not near:  # "housng": close to a word of an id or label ("housing"), not to the whole
            words = self._by_word
            for hit in close_matches(value, list(words), n=3):
                near += [t for t in sorted(words[hit]) if t not in near]
        return None, near

    @functools.cached_property
    def _by_word(self) -> dict[str, set[str]]:
        """Every word of every id and label (three letters or more), with its terms."""
        found: dict[str, set[str]] = {}
        for term in self.terms.values():
            for text in (term.id.replace("-", " "), *term.labels.values()):
                for word in slugify(text).split("-"):
                    if len(word) >= 3:
                        found.setdefault(word, set()).add(term.id)
        return found


def load_yaml_vocabulary(path: Path) -> Vocabulary:
    """Read one vocabulary file: a list of ``{id, labels: {nl, en, fr}}``."""
    try:
        entries = yamlfile.load(path)
    except (OSError, yaml.YAMLError) as exc:
        raise VocabularyError(f"{path}: cannot read vocabulary: {exc}") from exc
    if not isinstance(entries, list):
        raise VocabularyError(f"{path}: a vocabulary is a list of entries with id and labels")
    terms: dict[str, Term] = {}
    for number, entry in enumerate(entries, 1):
        where = f"{path}: entry {number}"
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise VocabularyError(f"{where}: needs an 'id' (text)")
        term_id = entry["id"]
        if term_id != slugify(term_id) or term_id in terms:
            raise VocabularyError(f"{where}: id {term_id!r} must be a unique slug (a-z, 0-9, -)")
        labels = entry.get("labels")
        if not isinstance(labels, dict) or any(
            not isinstance(labels.get(lang), str) for lang in UI_LANGUAGES
        ):
            raise VocabularyError(f"{where} ({term_id}): needs labels nl, en and fr")
        terms[term_id] = Term(term_id, {lang: labels[lang] for lang in UI_LANGUAGES})
    return Vocabulary(path.stem, terms)


def countries_vocabulary() -> Vocabulary:
    """ISO 3166-1 alpha-2 codes, named in nl, en and fr by Babel (CLDR)."""
    names = {lang: Locale(lang).territories for lang in UI_LANGUAGES}
    codes = sorted(
        code
        for code in names["en"]
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES
    )
    terms = {code: Term(code, {lang: names[lang][code] for lang in UI_LANGUAGES}) for code in codes}
    return Vocabulary("countries", terms)


def languages_vocabulary() -> Vocabulary:
    """The languages a practice can be written in, named by Babel."""
    terms = {
        code: Term(code, {lang: Locale(lang).languages[code] for lang in UI_LANGUAGES})
        for code in CONTENT_LANGUAGES
    }
    return Vocabulary("languages", terms)


@dataclass
class Vocabularies:
    """All vocabularies of a deployment, by name."""

    by_name: dict[str, Vocabulary]

    def __getitem__(self, name: str) -> Vocabulary:
        return self.by_name[name]

    @classmethod
    def load(cls, directory: Path | None = None) -> "Vocabularies":
        """YAML vocabularies from ``directory`` (falling back to the packaged ones)."""
        paths = {p.stem: p for p in sorted(PACKAGE_VOCABULARIES.glob("*.yml"))}
        if directory is not None:
            paths.update({p.stem: p for p in sorted(Path(directory).glob("*.yml"))})
        missing = [name for name in FILE_VOCABULARIES if name not in paths]
        if missing:
            raise VocabularyError(f"missing vocabulary file(s): {', '.join(missing)}")
        found = {name: load_yaml_vocabulary(path) for name, path in sorted(paths.items())}
        found["countries"] = countries_vocabulary()
        found["languages"] = languages_vocabulary()
        return cls(found)
