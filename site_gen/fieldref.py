"""The field reference for contributors, generated from the model (never written by hand)."""

from __future__ import annotations

import re

from .i18n import UiLabels
from .model import BOOLEAN, DATE, EMAIL, FIELDS, INTEGER, LIST, OBJECT, TERM, TEXT, URL, Field
from .vocab import Vocabularies

TYPE_WORDS = {
    "en": {TEXT: "text", INTEGER: "year", BOOLEAN: "true or false", DATE: "date YYYY-MM-DD", URL: "web address", EMAIL: "e-mail address", TERM: "id from {v}", OBJECT: "group: {f}", LIST: "list of {i}"},
    "nl": {TEXT: "tekst", INTEGER: "jaartal", BOOLEAN: "true of false", DATE: "datum JJJJ-MM-DD", URL: "webadres", EMAIL: "e-mailadres", TERM: "id uit {v}", OBJECT: "groep: {f}", LIST: "lijst van {i}"},
    "fr": {TEXT: "texte", INTEGER: "année", BOOLEAN: "true ou false", DATE: "date AAAA-MM-JJ", URL: "adresse web", EMAIL: "adresse électronique", TERM: "identifiant de {v}", OBJECT: "groupe : {f}", LIST: "liste de {i}"},
}
HEADINGS = {
    "en": ("Field", "Required", "What to write", "Type"),
    "nl": ("Veld", "Verplicht", "Wat schrijf je", "Soort"),
    "fr": ("Champ", "Obligatoire", "Quoi écrire", "Type"),
}
YES = {"en": "yes", "nl": "ja", "fr": "oui"}


def describe_type(f: Field, lang: str) -> str:
    """``list of id from topics``, ``group: src*, alt*, credit*, consent*``."""
    words = TYPE_WORDS[lang]
    if f.type == LIST and f.items is not None:
        return words[LIST].format(i=describe_type(f.items, lang))
    if f.type == OBJECT:
        return words[OBJECT].format(f=", ".join(s.name + ("*" if s.required else "") for s in f.fields))
    return words[f.type].format(v=f.vocabulary)


def field_reference(lang: str = "en") -> str:
    """A Markdown table of every front-matter field, in model order."""
    head = HEADINGS[lang]
    lines = [f"| {' | '.join(head)} |", "|" + "---|" * len(head)]
    for f in FIELDS:
        required = YES[lang] if f.required else ""
        help_text = f.help.get(lang, "").replace("|", "\\|")
        lines.append(f"| `{f.name}` | {required} | {help_text} | {describe_type(f, lang)} |")
    lines.append("")
    lines.append({"en": "In a group, * marks a required field.", "nl": "In een groep is een veld met * verplicht.", "fr": "Dans un groupe, * marque un champ obligatoire."}[lang])
    return "\n".join(lines) + "\n"


VOCABULARY_HEADINGS = {"en": ("Id", "Label"), "nl": ("Id", "Naam"), "fr": ("Identifiant", "Libellé")}
# In a hand-written page: <!-- site-gen:fields nl --> or <!-- site-gen:vocabulary topics nl -->
PLACEHOLDER = re.compile(r"<!--\s*site-gen:(fields|vocabulary|readme)\s+(?:([a-z-]+)\s+)?(nl|en|fr)\s*-->")


def vocabulary_table(vocabularies: Vocabularies, name: str, lang: str) -> str:
    """A Markdown table of a vocabulary's ids and their labels in ``lang``."""
    head = VOCABULARY_HEADINGS[lang]
    rows = [f"| `{term.id}` | {term.label(lang)} |" for term in vocabularies[name].terms.values()]
    return "\n".join([f"| {head[0]} | {head[1]} |", "|---|---|", *rows]) + "\n"


def expand_placeholders(markdown: str, vocabularies: Vocabularies, readme_url: str | None = None) -> str:
    """Replace the placeholders of a guide page by the generated field and vocabulary tables,
    and ``site-gen:readme <anchor> <lang>`` by a pointer to that section of the README
    (a link when the site knows its repository, ``readme_url``)."""

    def replace(match: re.Match[str]) -> str:
        kind, name, lang = match.groups()
        if kind == "fields":
            return field_reference(lang)
        if kind == "readme":
            ui = UiLabels(lang)
            return ui.t("guide_readme", url=f"{readme_url}#{name}") if readme_url else ui.t("guide_readme_plain")
        return vocabulary_table(vocabularies, name, lang)

    return PLACEHOLDER.sub(replace, markdown)
