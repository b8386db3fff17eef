"""The practice model: the one definition of a practice's front matter.

The validator, the metadata panel, the field guide, the ``new`` template and the JSON
Schema are all derived from :data:`FIELDS`. Change a field here and they all follow.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


def _text(name: str, label: dict[str, str], help: dict[str, str], **kw: Any) -> Field:
    return Field(name, TEXT, label, help, **kw)


def _list(name: str, items: Field, label: dict[str, str], help: dict[str, str], **kw: Any) -> Field:
    return Field(name, LIST, label, help, items=items, **kw)


def _term(vocabulary: str) -> Field:
    return Field("", TERM, {}, vocabulary=vocabulary)


_ITEM_TEXT = Field("", TEXT, {}, max_length=300)
THIS_YEAR = datetime.date.today().year

FIELDS: tuple[Field, ...] = (
    _text(
        "title",
        {"nl": "Titel", "en": "Title", "fr": "Titre"},
        {
            "nl": "De naam van de praktijk, zoals een bezoeker ze zoekt.",
            "en": "The name of the practice, as a visitor would look for it.",
            "fr": "Le nom de la pratique, tel qu'un visiteur le chercherait.",
        },
        required=True,
        max_length=200,
        example="Praktijktesten op de huurmarkt",
    ),
    _text(
        "summary",
        {"nl": "Samenvatting", "en": "Summary", "fr": "Résumé"},
        {
            "nl": "Eén of twee gewone zinnen voor overzichten en zoekresultaten.",
            "en": "One or two plain sentences for listings and search results.",
            "fr": "Une ou deux phrases simples pour les listes et les résultats de recherche.",
        },
        required=True,
        max_length=400,
        example="De stad test of makelaars en verhuurders discrimineren.",
    ),
    Field(
        "language",
        TERM,
        {"nl": "Taal", "en": "Language", "fr": "Langue"},
        {
            "nl": "De taal waarin de praktijk geschreven is: nl, en of fr.",
            "en": "The language the practice is written in: nl, en or fr.",
            "fr": "La langue dans laquelle la pratique est rédigée : nl, en ou fr.",
        },
        required=True,
        vocabulary="languages",
        example="nl",
    ),
    Field(
        "year",
        INTEGER,
        {"nl": "Jaar", "en": "Year", "fr": "Année"},
        {
            "nl": "Het jaar waarin de praktijk startte of beschreven werd, bv. 2021.",
            "en": "The year the practice started or was documented, e.g. 2021.",
            "fr": "L'année où la pratique a commencé ou a été documentée, p. ex. 2021.",
        },
        required=True,
        minimum=1945,
        maximum=THIS_YEAR + 1,
        example=THIS_YEAR,
    ),
    _list(
        "countries",
        _term("countries"),
        {"nl": "Landen", "en": "Countries", "fr": "Pays"},
        {
            "nl": "Eén of meer landcodes (ISO 3166-1), bv. [BE] of [BE, NL].",
            "en": "One or more country codes (ISO 3166-1), e.g. [BE] or [BE, NL].",
            "fr": "Un ou plusieurs codes pays (ISO 3166-1), p. ex. [BE] ou [BE, FR].",
        },
        required=True,
        min_items=1,
        example=["BE"],
    ),
    _list(
        "cities",
        _ITEM_TEXT,
        {"nl": "Steden en gemeenten", "en": "Cities", "fr": "Villes"},
        {
            "nl": "Waar de praktijk loopt.",
            "en": "Where the practice runs.",
            "fr": "Où la pratique est mise en œuvre.",
        },
        example=["Gent"],
    ),
    _list(
        "topics",
        _term("topics"),
        {"nl": "Thema's", "en": "Topics", "fr": "Thèmes"},
        {
            "nl": "Eén of meer thema's uit de lijst van thema's (de id's).",
            "en": "One or more topics from the topics list (their ids).",
            "fr": "Un ou plusieurs thèmes de la liste des thèmes (leurs identifiants).",
        },
        required=True,
        min_items=1,
        example=["anti-discrimination-and-equality"],
    ),
    _list(
        "beleidsdomeinen",
        _term("beleidsdomeinen"),
        {"nl": "Beleidsdomeinen", "en": "Policy domains", "fr": "Domaines politiques"},
        {
            "nl": "De beleidsdomeinen van het lokaal bestuur die betrokken zijn.",
            "en": "The local government's policy domains involved.",
            "fr": "Les domaines politiques de l'administration locale concernés.",
        },
        example=["wonen"],
    ),
    _text(
        "categorie",
        {"nl": "Categorie", "en": "Category", "fr": "Catégorie"},
        {
            "nl": "De categorie van de praktijk, bv. Antidiscriminatie en -racisme.",
            "en": "The practice's category, e.g. Anti-discrimination and anti-racism.",
            "fr": "La catégorie de la pratique, p. ex. Lutte contre le racisme.",
        },
        max_length=200,
    ),
    _list(
        "doelen",
        _ITEM_TEXT,
        {"nl": "Doelen", "en": "Goals", "fr": "Objectifs"},
        {
            "nl": "Wat de praktijk wil bereiken, in korte zinnen.",
            "en": "What the practice sets out to achieve, in short sentences.",
            "fr": "Ce que la pratique veut atteindre, en phrases courtes.",
        },
    ),
    _list(
        "doelgroep",
        _ITEM_TEXT,
        {"nl": "Doelgroep", "en": "Target groups", "fr": "Publics cibles"},
        {
            "nl": "Voor wie de praktijk bedoeld is.",
            "en": "Who the practice is for.",
            "fr": "À qui s'adresse la pratique.",
        },
    ),
    _list(
        "partners",
        _ITEM_TEXT,
        {"nl": "Partners", "en": "Partners", "fr": "Partenaires"},
        {
            "nl": "Organisaties die meewerken.",
            "en": "Organisations taking part.",
            "fr": "Les organisations partenaires.",
        },
    ),
    _text(
        "organisation",
        {"nl": "Organisatie", "en": "Organisation", "fr": "Organisation"},
        {
            "nl": "De organisatie die de praktijk trekt, bv. Stad Gent.",
            "en": "The organisation leading the practice, e.g. City of Ghent.",
            "fr": "L'organisation qui porte la pratique, p. ex. Ville de Liège.",
        },
        max_length=200,
    ),
    Field(
        "contact",
        OBJECT,
        {"nl": "Contact", "en": "Contact", "fr": "Contact"},
        {
            "nl": "Wie je kan contacteren: name, role, organisation, email, phone, url.",
            "en": "Who to contact: name, role, organisation, email, phone, url.",
            "fr": "Qui contacter : name, role, organisation, email, phone, url.",
        },
        fields=(
            _text("name", {"nl": "Naam", "en": "Name", "fr": "Nom"}, {}, max_length=200),
            _text("role", {"nl": "Functie", "en": "Role", "fr": "Fonction"}, {}, max_length=200),
            _text("organisation", {"nl": "Organisatie", "en": "Organisation", "fr": "Organisation"}, {}, max_length=200),
            Field("email", EMAIL, {"nl": "E-mail", "en": "E-mail", "fr": "Courriel"}),
            _text("phone", {"nl": "Telefoon", "en": "Phone", "fr": "Téléphone"}, {}, max_length=50),
            Field("url", URL, {"nl": "Website", "en": "Website", "fr": "Site web"}),
        ),
    ),
    _list(
        "documents",
        Field(
            "",
            OBJECT,
            {},
            fields=(
                _text("title", {"nl": "Titel", "en": "Title", "fr": "Titre"}, {}, required=True, max_length=300),
                Field("url", URL, {"nl": "Link", "en": "Link", "fr": "Lien"}, required=True),
                Field("language", TERM, {"nl": "Taal", "en": "Language", "fr": "Langue"}, vocabulary="languages"),
            ),
        ),
        {"nl": "Kerndocumenten", "en": "Key reference documents", "fr": "Documents de référence"},
        {
            "nl": "Rapporten, plannen of websites, elk met title en url (en eventueel language).",
            "en": "Reports, plans or web sites, each with title and url (and optionally language).",
            "fr": "Rapports, plans ou sites, chacun avec title et url (et éventuellement language).",
        },
    ),
    Field(
        "image",
        OBJECT,
        {"nl": "Afbeelding", "en": "Image", "fr": "Image"},
        {
            "nl": "Een foto naast index.md in de map van de praktijk: src, alt (wat je ziet), "
            "credit (wie ze maakte) en consent: true (toestemming van wie erop staat).",
            "en": "A picture beside index.md in the practice's folder: src, alt (what it shows), "
            "credit (who made it) and consent: true (the people shown agreed).",
            "fr": "Une image à côté d'index.md dans le dossier de la pratique : src, alt (ce qu'elle "
            "montre), credit (son auteur) et consent: true (accord des personnes représentées).",
        },
        fields=(
            _text("src", {"nl": "Bestand", "en": "File", "fr": "Fichier"}, {}, required=True, max_length=200),
            _text("alt", {"nl": "Alternatieve tekst", "en": "Alt text", "fr": "Texte alternatif"}, {}, required=True, max_length=300),
            _text("credit", {"nl": "Beeld", "en": "Credit", "fr": "Crédit"}, {}, required=True, max_length=200),
            Field("consent", BOOLEAN, {"nl": "Toestemming", "en": "Consent", "fr": "Consentement"}, required=True),
        ),
    ),
    Field(
        "period",
        OBJECT,
        {"nl": "Looptijd", "en": "Period", "fr": "Période"},
        {
            "nl": "Begin- en eindjaar, bv. {start: 2021, end: 2025}; laat end weg als ze nog loopt.",
            "en": "Start and end year, e.g. {start: 2021, end: 2025}; leave out end if open-ended.",
            "fr": "Années de début et de fin, p. ex. {start: 2021, end: 2025} ; sans end si elle continue.",
        },
        fields=(
            Field("start", INTEGER, {"nl": "Van", "en": "From", "fr": "De"}, required=True, minimum=1945, maximum=THIS_YEAR + 10),
            Field("end", INTEGER, {"nl": "Tot", "en": "To", "fr": "À"}, minimum=1945, maximum=THIS_YEAR + 20),
        ),
    ),
    Field(
        "status",
        TERM,
        {"nl": "Status", "en": "Status", "fr": "Statut"},
        {
            "nl": "planned, ongoing of completed.",
            "en": "planned, ongoing or completed.",
            "fr": "planned, ongoing ou completed.",
        },
        vocabulary="status",
    ),
    Field(
        "source",
        OBJECT,
        {"nl": "Bron", "en": "Source", "fr": "Source"},
        {
            "nl": "Waar deze beschrijving vandaan komt: name en eventueel url.",
            "en": "Where this record comes from: name and optionally url.",
            "fr": "D'où vient cette fiche : name et éventuellement url.",
        },
        fields=(
            _text("name", {"nl": "Naam", "en": "Name", "fr": "Nom"}, {}, required=True, max_length=200),
            Field("url", URL, {"nl": "Link", "en": "Link", "fr": "Lien"}),
        ),
    ),
    Field(
        "updated",
        DATE,
        {"nl": "Bijgewerkt", "en": "Updated", "fr": "Mis à jour"},
        {
            "nl": "Datum van de laatste controle, JJJJ-MM-DD.",
            "en": "Date the record was last checked, YYYY-MM-DD.",
            "fr": "Date de la dernière vérification, AAAA-MM-JJ.",
        },
    ),
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

    def __getattr__(self, name: str) -> Any:
        if name in FIELDS_BY_NAME:
            return self.__dict__["data"].get(name)
        raise AttributeError(name)

    @property
    def sort_key(self) -> tuple[int, str, str]:
        """Newest first, then by title."""
        return (-self.data["year"], self.data["title"].casefold(), self.slug)
