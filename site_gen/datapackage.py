"""``/datapackage.json``: the CSV export described as a Frictionless Data Package.

Its Table Schema is derived from the model's fields, column for column as
:func:`site_gen.exports.practices_csv` writes them, so tools (Frictionless, open data
portals, spreadsheets with a Table Schema importer) know each column's type, which values
a vocabulary column allows, and which columns every row fills in.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .exports import LIST_SEPARATOR, absolute, csv_columns
from .model import BOOLEAN, DATE, EMAIL, FIELDS_BY_NAME, INTEGER, LIST, OBJECT, TERM, URL, Field
from .schema import ADDED_FIELDS
from .text import SLUG_PATTERN
from .vocab import Vocabularies

FILE = "datapackage.json"


def _field_of(column: str) -> Field | None:
    name, _, sub = column.partition(".")
    top = FIELDS_BY_NAME.get(name)
    if top is None or not sub:
        return top
    assert top.type == OBJECT
    return top.sub(sub)


def _terms(f: Field, vocabularies: Vocabularies) -> str:
    assert f.vocabulary is not None
    return "(" + "|".join(re.escape(term) for term in vocabularies[f.vocabulary].terms) + ")"


def _describe(column: str, f: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    spec: dict[str, Any] = {"name": column, "type": "string"}
    if f.label:
        spec["title"] = f.label["en"]
    if f.help:
        spec["description"] = f.help["en"]
    constraints: dict[str, Any] = {}
    if f.required and "." not in column:
        constraints["required"] = True
    if f.type == INTEGER:
        spec["type"] = "integer"
        constraints.update({k: v for k, v in (("minimum", f.minimum), ("maximum", f.maximum)) if v is not None})
    elif f.type == BOOLEAN:
        spec.update(type="boolean", trueValues=["true"], falseValues=["false"])
    elif f.type == DATE:
        spec["type"] = "date"
    elif f.type == URL:
        spec["format"] = "uri"
    elif f.type == EMAIL:
        spec["format"] = "email"
    elif f.type == TERM:
        assert f.vocabulary is not None
        constraints["enum"] = list(vocabularies[f.vocabulary].terms)
    elif f.type == LIST:
        assert f.items is not None
        together = f'Several values are separated by "{LIST_SEPARATOR}".'
        spec["description"] = f'{spec.get("description", "")} {together}'.strip()
        if f.items.type == TERM:
            one = _terms(f.items, vocabularies)
            constraints["pattern"] = f"{one}({re.escape(LIST_SEPARATOR)}{one})*"
    elif f.max_length:
        constraints["maxLength"] = f.max_length
    if constraints:
        spec["constraints"] = constraints
    return spec


def table_schema(vocabularies: Vocabularies) -> dict[str, Any]:
    """The Table Schema of ``/practices.csv``."""
    fields = []
    for column in csv_columns():
        if column == "slug":
            fields.append({"name": "slug", "type": "string", "description": ADDED_FIELDS["slug"],
                           "constraints": {"required": True, "unique": True, "pattern": SLUG_PATTERN}})
        elif column == "url":
            fields.append({"name": "url", "type": "string", "description": ADDED_FIELDS["url"],
                           "constraints": {"required": True}})
        elif column == "body":
            fields.append({"name": "body", "type": "string", "description": ADDED_FIELDS["body"]})
        else:
            f = _field_of(column)
            assert f is not None, column
            fields.append(_describe(column, f, vocabularies))
    return {"fields": fields, "primaryKey": ["slug"], "missingValues": [""]}


def datapackage(vocabularies: Vocabularies, site_url: str | None, title: str) -> dict[str, Any]:
    """The Data Package that lists ``/practices.csv`` with its Table Schema."""
    package: dict[str, Any] = {
        "name": "practices",
        "title": title,
        "resources": [{
            "name": "practices",
            "path": "practices.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True},
            "schema": table_schema(vocabularies),
        }],
    }
    if site_url:
        package["homepage"] = absolute(site_url, "")
    return package


def datapackage_text(vocabularies: Vocabularies, site_url: str | None, title: str) -> str:
    return json.dumps(datapackage(vocabularies, site_url, title), ensure_ascii=False, indent=1) + "\n"
