"""The web form's data: the schema, the body's sections and the form's words.

The form that replaces the fiche builds its fields from the same JSON Schema editors
use, which is generated from the model; published as a script for ``file://`` too.
"""

from __future__ import annotations

import json
from typing import Any

from .i18n import UiLabels
from .model import BODY_SECTIONS
from .schema import json_schema
from .vocab import Vocabularies

DATA_FILE = "assets/sg/form-data.js"
LABEL_PREFIXES = ("form_", "err_")


# GitHub refuses longer addresses (414); a new-file link carries the whole file.
URL_LIMIT = 8_000


def form_data(vocabularies: Vocabularies, ui: UiLabels, repository: str | None, branch: str,
              contact_email: str | None = None, slugs: list[str] | None = None) -> dict[str, Any]:
    return {
        "lang": ui.lang,
        "schema": json_schema(vocabularies),
        "sections": {lang: [heading for heading, _ in sections] for lang, sections in BODY_SECTIONS.items()},
        "labels": {key: ui.t(key) for key in ui.keys() if key.startswith(LABEL_PREFIXES)},
        "newFileUrl": f"{repository.rstrip('/')}/new/{branch}/practices" if repository else None,
        # For a file too long for a link: GitHub's upload page, which also opens a pull request.
        "uploadUrl": f"{repository.rstrip('/')}/upload/{branch}/practices" if repository else None,
        "urlLimit": URL_LIMIT,
        "contactEmail": contact_email,
        "slugs": sorted(slugs or []),  # file names already taken: the form refuses them
    }


def script(data: dict[str, Any]) -> str:
    # Keys keep the model's order: the form shows the fields in that order.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"window.sgFormData={text};\n"
