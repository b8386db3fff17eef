"""Open data: every practice as JSON and CSV, the newest as an Atom feed, and JSON-LD.

All exports are derived from the model's fields, so a new field is exported without
touching this module. Output is deterministic: the same practices give the same bytes.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from .model import FIELDS, LIST, OBJECT, Practice
from .schema import EXPORT_SCHEMA_FILE

if TYPE_CHECKING:
    from .catalog import Catalog

SCHEMA_VERSION = 1
FEED_SIZE = 30
LIST_SEPARATOR = "; "  # between the values of a list in one CSV cell
ATOM = "http://www.w3.org/2005/Atom"


def _plain(value: Any) -> Any:
    """A field value as JSON has it (dates as ISO text)."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def absolute(site_url: str | None, url: str) -> str:
    return urljoin(site_url.rstrip("/") + "/", url) if site_url else url


def practice_record(catalog: "Catalog", practice: Practice, site_url: str | None) -> dict[str, Any]:
    record: dict[str, Any] = {"slug": practice.slug, "url": absolute(site_url, catalog.practice_url(practice))}
    for f in FIELDS:
        if f.name in practice.data:
            record[f.name] = _plain(practice.data[f.name])
    record["body"] = practice.body
    return record


def practices_json(catalog: "Catalog", site_url: str | None) -> str:
    """``/practices.json``: every practice with all its fields, its slug and URL."""
    data = {
        "schema_version": SCHEMA_VERSION,
        "schema": absolute(site_url, f"schema/{EXPORT_SCHEMA_FILE}"),
        "count": len(catalog.practices),
        "practices": [practice_record(catalog, p, site_url) for p in catalog.practices],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def csv_columns() -> list[str]:
    """The columns of ``/practices.csv``: an object's fields get one each (``contact.email``)."""
    columns = ["slug", "url"]
    for f in FIELDS:
        if f.type == OBJECT:
            columns += [f"{f.name}.{sub.name}" for sub in f.fields]
        else:
            columns.append(f.name)
    return columns + ["body"]  # the description, as Markdown: the sheet holds the whole practice


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(_cell(v) for v in value)
    if isinstance(value, dict):  # a document: "title <url>", "title <url> [fr]"
        text = f"{value.get('title', '')} <{value.get('url', '')}>"
        return text + (f" [{value['language']}]" if value.get("language") else "")
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(_plain(value))


def practices_csv(catalog: "Catalog", site_url: str | None) -> str:
    """``/practices.csv``: one row per practice, lists joined with "; ", the body as Markdown
    (UTF-8 with BOM, for Excel); ``site-gen import`` reads it back."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    columns = csv_columns()
    writer.writerow(columns)
    for practice in catalog.practices:
        row = {"slug": practice.slug, "url": absolute(site_url, catalog.practice_url(practice))}
        for f in FIELDS:
            value = practice.data.get(f.name)
            if f.type == OBJECT:
                for sub in f.fields:
                    row[f"{f.name}.{sub.name}"] = _cell((value or {}).get(sub.name))
            elif f.type == LIST and value and isinstance(value[0], dict):
                row[f.name] = _cell(value)
            else:
                row[f.name] = _cell(value)
        row["body"] = practice.body
        writer.writerow([row.get(c, "") for c in columns])
    return "\ufeff" + out.getvalue()


def _stamp(practice: Practice) -> str:
    """When a practice last changed, as Atom wants it (its `updated` date, else 1 January of its year)."""
    day = practice.updated or datetime.date(practice.year, 1, 1)
    return f"{day.isoformat()}T00:00:00Z"


def atom_feed(catalog: "Catalog", site_url: str | None, title: str) -> str:
    """``/feed.xml``: the newest practices as an Atom feed."""
    ET.register_namespace("", ATOM)
    newest = sorted(catalog.practices, key=lambda p: (_stamp(p), p.year, p.slug), reverse=True)[:FEED_SIZE]
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": catalog.lang})
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    home = absolute(site_url, "")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = home or "urn:site-gen:practices"
    ET.SubElement(feed, f"{{{ATOM}}}link", {"href": home or "./", "rel": "alternate"})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"href": absolute(site_url, "feed.xml"), "rel": "self"})
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = max((_stamp(p) for p in newest), default="1970-01-01T00:00:00Z")
    for practice in newest:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        url = absolute(site_url, catalog.practice_url(practice))
        ET.SubElement(entry, f"{{{ATOM}}}title").text = practice.title
        ET.SubElement(entry, f"{{{ATOM}}}id").text = url if site_url else f"urn:site-gen:practice:{practice.slug}"
        ET.SubElement(entry, f"{{{ATOM}}}link", {"href": url, "rel": "alternate", "hreflang": practice.language})
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(practice)
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = practice.summary
        author = ET.SubElement(entry, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = practice.organisation or ", ".join(practice.cities or []) or title
        for topic in practice.topics:
            ET.SubElement(entry, f"{{{ATOM}}}category", {"term": topic, "label": catalog.label("topics", topic)})
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def json_ld(catalog: "Catalog", practice: Practice, site_url: str | None, site_name: str,
            published: datetime.date | None = None, modified: datetime.date | None = None) -> str:
    """schema.org JSON-LD for a practice page, safe to put inside a <script> element:
    ``published`` and ``modified`` are when the record was first published and last changed."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": practice.title,
        "description": practice.summary,
        "inLanguage": practice.language,
        "dateCreated": str(practice.year),
        "url": absolute(site_url, catalog.practice_url(practice)),
        "keywords": [catalog.label("topics", t) for t in practice.topics],
        "about": [{"@type": "DefinedTerm", "name": catalog.label("topics", t), "termCode": t} for t in practice.topics],
        "spatialCoverage": [{"@type": "Place", "name": c} for c in practice.cities or []]
        + [{"@type": "Country", "name": catalog.label("countries", c), "identifier": c} for c in practice.countries],
        "author": {"@type": "Organization", "name": authored_by(catalog, practice)},
        "publisher": {"@type": "Organization", "name": site_name, **({"url": site_url} if site_url else {})},
    }
    modified = practice.updated or modified
    if published and modified:  # a record checked before it came here (migrated) was published by then
        published = min(published, modified)
    if published or modified:
        data["datePublished"] = (published or modified).isoformat()  # type: ignore[union-attr]
    if modified:
        data["dateModified"] = modified.isoformat()
    if practice.image:
        data["image"] = photo_address(catalog, practice, site_url)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def photo_address(catalog: "Catalog", practice: Practice, site_url: str | None) -> str:
    """The address of the practice's front-matter photo (absolute where the site has a URL)."""
    return absolute(site_url, catalog.photo_url(practice, practice.image["src"]))


def authored_by(catalog: "Catalog", practice: Practice) -> str:
    """Who the practice is by: its organisation, else its cities, else its first country."""
    return practice.organisation or ", ".join(practice.cities or []) or catalog.label("countries", practice.countries[0])


def citation(catalog: "Catalog", practice: Practice, site_url: str | None, site_name: str) -> str:
    """A stable "cite this practice" line: who, year, title, database, address."""
    who = authored_by(catalog, practice)
    return f"{who} ({practice.year}). {practice.title}. {site_name}. {absolute(site_url, catalog.practice_url(practice))}"
