"""The files a build publishes besides its pages, as ``(path, text)``: the form's data and
the feed in each UI language; once, at the site's root, the open-data exports with their
schemas and, for a hosted site, ``robots.txt``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import datapackage, discovery, exports, form, schema
from .vocab import Vocabularies

if TYPE_CHECKING:
    from .catalog import Catalog


def data_files(catalog: "Catalog", vocabularies: Vocabularies, site_url: str | None, site_name: str, *,
               repository_url: str | None, branch: str, contact_email: str | None,
               at_root: bool, hosted: bool) -> list[tuple[str, str]]:
    """What one language's build writes: ``at_root`` for the default language's build,
    which publishes what is the same in every language; ``hosted`` unless a bundle."""
    form_data = form.form_data(vocabularies, catalog.ui, repository_url, branch, contact_email,
                               [p.slug for p in catalog.practices])
    made = [
        (form.DATA_FILE, form.script(form_data)),
        ("feed.xml", exports.atom_feed(catalog, site_url, site_name)),  # titled in the UI language
    ]
    if not at_root:
        return made
    made += [
        ("practices.json", exports.practices_json(catalog, site_url)),
        ("practices.csv", exports.practices_csv(catalog, site_url)),
        (datapackage.FILE, datapackage.datapackage_text(vocabularies, site_url, site_name)),  # the CSV's schema
        (f"schema/{schema.SCHEMA_FILE}", schema.schema_text(vocabularies)),  # for editors and tools
        (f"schema/{schema.EXPORT_SCHEMA_FILE}", schema.export_schema_text(vocabularies, exports.SCHEMA_VERSION)),
    ]
    if hosted:  # what crawlers read first
        made.append(("robots.txt", discovery.robots_txt(f"{site_url.rstrip('/')}/sitemap.xml" if site_url else None)))
    return made
