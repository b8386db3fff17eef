"""The JSON Schema of a practice's front matter, generated from the model.

Editors use it to autocomplete and underline mistakes; the web form builds its fields
from it. Vocabulary fields list their ids (with the labels in nl/en/fr as
``x-labels``), so the schema follows a deployment's vocabularies.
"""

from __future__ import annotations

import json
from typing import Any

from .model import BOOLEAN, DATE, EMAIL, FIELDS, INTEGER, LIST, OBJECT, TERM, TEXT, URL, Field
from .text import SLUG_PATTERN
from .vocab import Vocabularies

SCHEMA_ID = "https://example.org/schema/practice.schema.json"
SCHEMA_FILE = "practice.schema.json"
EXPORT_SCHEMA_FILE = "practices-export.schema.json"  # of /practices.json
# What the exports add to a practice's own fields.
ADDED_FIELDS = {
    "slug": "The practice's name in its URL and file.",
    "url": "Its page on the site.",
    "body": "The description, as Markdown.",
}


def _field_schema(f: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    schema: dict[str, Any] = {}
    if f.label:
        schema["title"] = f.label["en"]
        schema["x-labels"] = f.label
    if f.help:
        schema["description"] = f.help["en"]
        schema["x-help"] = f.help
    if f.type == TEXT:
        schema["type"] = "string"
        schema["minLength"] = 1
        if f.max_length:
            schema["maxLength"] = f.max_length
    elif f.type == INTEGER:
        schema["type"] = "integer"
        if f.minimum is not None:
            schema["minimum"] = f.minimum
        if f.maximum is not None:
            schema["maximum"] = f.maximum
    elif f.type == BOOLEAN:
        schema["type"] = "boolean"
    elif f.type == DATE:
        schema["type"] = "string"
        schema["format"] = "date"
    elif f.type == URL:
        schema["type"] = "string"
        schema["format"] = "uri"
        schema["pattern"] = "^https?://"
    elif f.type == EMAIL:
        schema["type"] = "string"
        schema["format"] = "email"
    elif f.type == TERM:
        assert f.vocabulary is not None
        vocabulary = vocabularies[f.vocabulary]
        schema["type"] = "string"
        schema["enum"] = list(vocabulary.terms)
        schema["x-vocabulary"] = f.vocabulary
        schema["x-enum-labels"] = {term_id: term.labels for term_id, term in vocabulary.terms.items()}
    elif f.type == LIST:
        assert f.items is not None
        schema["type"] = "array"
        schema["items"] = _field_schema(f.items, vocabularies)
        schema["uniqueItems"] = True
        if f.min_items:
            schema["minItems"] = f.min_items
    elif f.type == OBJECT:
        schema.update(_object_schema(f.fields, vocabularies))
    if f.name == "image":
        schema["properties"]["consent"]["const"] = True
    return schema


def _object_schema(fields: tuple[Field, ...], vocabularies: Vocabularies) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {f.name: _field_schema(f, vocabularies) for f in fields},
        "required": [f.name for f in fields if f.required],
        "additionalProperties": False,
    }


def json_schema(vocabularies: Vocabularies) -> dict[str, Any]:
    """The schema of a practice's front matter (JSON Schema 2020-12)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Practice",
        "description": "The front matter of one practice file in practices/.",
        **_object_schema(FIELDS, vocabularies),
    }


def schema_text(vocabularies: Vocabularies) -> str:
    """The schema as the file in the repository and on the site holds it."""
    return json.dumps(json_schema(vocabularies), ensure_ascii=False, indent=2) + "\n"


def export_schema(vocabularies: Vocabularies, schema_version: int) -> dict[str, Any]:
    """The schema of ``/practices.json``: each practice's fields as in the source file
    (dates as ``YYYY-MM-DD`` text), with its slug, address and body."""
    item = _object_schema(FIELDS, vocabularies)
    item["properties"] = {
        "slug": {"type": "string", "pattern": f"^{SLUG_PATTERN}$", "description": ADDED_FIELDS["slug"]},
        "url": {"type": "string", "format": "uri-reference", "description": ADDED_FIELDS["url"]},
        **item["properties"],
        "body": {"type": "string", "description": ADDED_FIELDS["body"]},
    }
    item["required"] = ["slug", "url", *item["required"], "body"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Practices export",
        "description": "/practices.json: every practice of the database, newest first.",
        "type": "object",
        "properties": {
            "schema_version": {"const": schema_version},
            "schema": {"type": "string", "format": "uri-reference", "description": "This schema's address."},
            "count": {"type": "integer", "minimum": 0},
            "practices": {"type": "array", "items": item},
        },
        "required": ["schema_version", "schema", "count", "practices"],
        "additionalProperties": False,
    }


def export_schema_text(vocabularies: Vocabularies, schema_version: int) -> str:
    return json.dumps(export_schema(vocabularies, schema_version), ensure_ascii=False, indent=2) + "\n"
