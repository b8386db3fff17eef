"""The practice model: the one definition of a practice's front matter.

The validator, the metadata panel, the field guide, the ``new`` template and the JSON
Schema are all derived from :data:`FIELDS`. Change a field here and they all follow.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import yamlfile

TEXT = "text"
INTEGER = "integer"
BOOLEAN = "boolean"
DATE = "date"
URL = "url"
EMAIL = "email"
TERM = "term"
LIST = "list"
OBJECT = "object"

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif")
ASSET_SUFFIXES = IMAGE_SUFFIXES + (".pdf",)


@dataclass(frozen=True)
class Field:
    """One front-matter field: its type, whether it is required, and its words.

    ``label`` names the field on the site and in the guide; ``help`` tells a
    contributor what to write. Both have nl, en and fr.
    """

    name: str
    type: str
    label: dict[str, str]
    help: dict[str, str] = field(default_factory=dict)
    required: bool = False
    vocabulary: str | None = None
    items: "Field | None" = None
    fields: tuple["Field", ...] = ()
    min_items: int = 0
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    example: Any = None

    def sub(self, name: str) -> "Field | None":
        return next((f for f in self.fields if f.name == name), None)


WORDS_FILE = Path(__file__).parent / "fields.yml"
_WORDS: dict[str, dict[str, dict[str, str]]] = yamlfile.load(WORDS_FILE)


def _field(path: str, type: str, **kw: Any) -> Field:
    """A field named by its dotted path (``contact.email``), its words from fields.yml."""
    words = _WORDS.get(path, {})
    return Field(path.rsplit(".", 1)[-1], type, words.get("label", {}), words.get("help", {}), **kw)


def _list(path: str, items: Field, **kw: Any) -> Field:
    return _field(path, LIST, items=items, **kw)


def _term(vocabulary: str) -> Field:
    return Field("", TERM, {}, vocabulary=vocabulary)


_ITEM_TEXT = Field("", TEXT, {}, max_length=300)
THIS_YEAR = datetime.date.today().year

FIELDS: tuple[Field, ...] = (
    _field("title", TEXT, required=True, max_length=200, example="Praktijktesten op de huurmarkt"),
    _field("summary", TEXT, required=True, max_length=400, example="De stad test of makelaars en verhuurders discrimineren."),
    _field("language", TERM, required=True, vocabulary="languages", example="nl"),
    _field("year", INTEGER, required=True, minimum=1945, maximum=THIS_YEAR + 1, example=THIS_YEAR),
    _list("countries", _term("countries"), required=True, min_items=1, example=["BE"]),
    _list("cities", _ITEM_TEXT, example=["Gent"]),
    _list("topics", _term("topics"), required=True, min_items=1, example=["anti-discrimination-and-equality"]),
    _list("beleidsdomeinen", _term("beleidsdomeinen"), example=["wonen"]),
    _field("categorie", TEXT, max_length=200),
    _list("doelen", _ITEM_TEXT),
    _list("doelgroep", _ITEM_TEXT),
    _list("partners", _ITEM_TEXT),
    _field("organisation", TEXT, max_length=200),
    _field(
        "contact",
        OBJECT,
        fields=(
            _field("contact.name", TEXT, max_length=200),
            _field("contact.role", TEXT, max_length=200),
            _field("contact.organisation", TEXT, max_length=200),
            _field("contact.email", EMAIL),
            _field("contact.phone", TEXT, max_length=50),
            _field("contact.url", URL),
        ),
    ),
    _list(
        "documents",
        Field(
            "",
            OBJECT,
            {},
            fields=(
                _field("documents.title", TEXT, required=True, max_length=300),
                _field("documents.url", URL, required=True),
                _field("documents.language", TERM, vocabulary="languages"),
            ),
        ),
    ),
    _field(
        "image",
        OBJECT,
        fields=(
            _field("image.src", TEXT, required=True, max_length=200),
            _field("image.alt", TEXT, required=True, max_length=300),
            _field("image.credit", TEXT, required=True, max_length=200),
            _field("image.consent", BOOLEAN, required=True),
        ),
    ),
    _field(
        "period",
        OBJECT,
        fields=(
            _field("period.start", INTEGER, required=True, minimum=1945, maximum=THIS_YEAR + 10),
            _field("period.end", INTEGER, minimum=1945, maximum=THIS_YEAR + 20),
        ),
    ),
    _field("status", TERM, vocabulary="status"),
    _field("source", OBJECT, fields=(_field("source.name", TEXT, required=True, max_length=200), _field("source.url", URL))),
    _field("updated", DATE),
)

FIELDS_BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}

# The sections of a practice's body, in its language: `site-gen new` and the web form
# start a description with these headings (the VVSG fiche's and ICC's parts).
BODY_SECTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "nl": (
        ("Beschrijving", "Wat doet de praktijk, voor wie, met wie en sinds wanneer?"),
        ("Succesfactoren", "Wat maakte het verschil? Wat zou een andere stad overnemen?"),
        ("Uitdagingen", "Waar liep het moeilijk, en hoe ging u daarmee om?"),
        ("Resultaten", "Wat heeft het opgeleverd? Is het geëvalueerd?"),
    ),
    "en": (
        ("Description", "What does the practice do, for whom, with whom and since when?"),
        ("Success factors", "What made the difference? What could another city take over?"),
        ("Challenges", "What was difficult, and how did you deal with it?"),
        ("Results", "What did it achieve? Was it evaluated?"),
    ),
    "fr": (
        ("Description", "Que fait la pratique, pour qui, avec qui et depuis quand ?"),
        ("Facteurs de réussite", "Qu'est-ce qui a fait la différence ? Que pourrait reprendre une autre ville ?"),
        ("Difficultés", "Qu'est-ce qui a été difficile, et comment y avez-vous fait face ?"),
        ("Résultats", "Qu'a-t-elle permis d'obtenir ? A-t-elle été évaluée ?"),
    ),
}
REQUIRED_FIELDS = tuple(f.name for f in FIELDS if f.required)


@dataclass
class Practice:
    """One validated practice: its slug, normalised front matter and Markdown body.

    Fields of the model are readable as attributes (``practice.year``); an optional
    field that the file leaves out reads as ``None``.
    """

    slug: str
    path: str
    data: dict[str, Any]
    body: str
    folder: Path | None = None
    assets: tuple[Path, ...] = ()
    file: Path | None = None  # the Markdown file it was read from

    def __getattr__(self, name: str) -> Any:
        if name in FIELDS_BY_NAME:
            return self.__dict__["data"].get(name)
        raise AttributeError(name)

    @property
    def sort_key(self) -> tuple[int, str, str]:
        """Newest first, then by title."""
        return (-self.data["year"], self.data["title"].casefold(), self.slug)
