"""Photos: resized to the widths a page shows, never served as the camera's original."""

from __future__ import annotations

import json
import re
from io import BytesIO

from PIL import Image

from support import base_fields, camera_photo, create_project, mkdocs_build, practice_text
from site_gen import images
from site_gen.validate import load_practices
from site_gen.vocab import Vocabularies


def test_a_large_photo_is_served_resized_with_a_srcset_and_warned_about(tmp_path):
    photo = camera_photo()
    assert len(photo) > 5_000_000 > images.LARGE_BYTES
    fields = base_fields(image={"src": "foto.jpg", "alt": "Buren aan tafel", "credit": "Stad Gent", "consent": True})
    project = create_project(tmp_path / "p", {"buren/index.md": practice_text(fields), "buren/foto.jpg": photo})
    _, problems = load_practices(project / "practices", Vocabularies.load(), project)
    assert [p.level for p in problems] == ["warning"] and "MB" in problems[0].message
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    folder = project / "site" / "practices" / "buren"
    published = {p.name: p.read_bytes() for p in folder.iterdir() if p.suffix == ".jpg"}
    assert set(published) == {"foto-480w.jpg", "foto-960w.jpg", "foto.jpg"}
    assert max(len(b) for b in published.values()) < 1_000_000 and photo not in published.values()
    for name, width in (("foto-480w.jpg", 480), ("foto-960w.jpg", 960), ("foto.jpg", 1440)):
        with Image.open(BytesIO(published[name])) as image:
            assert image.size == (width, width * 3 // 4)
            assert 0x010F not in image.getexif()  # the camera's metadata is gone
    html = (folder / "index.html").read_text(encoding="utf-8")
    img = re.search(r"<img src=\"foto-960w\.jpg\"[^>]*>", html).group(0)
    assert 'srcset="foto-480w.jpg 480w, foto-960w.jpg 960w, foto.jpg 1440w"' in img
    assert 'width="1440" height="1080"' in img
    for lang in ("en", "fr"):  # one copy for every language: theirs show the root's
        other = project / "site" / lang / "practices" / "buren"
        assert [p.name for p in other.iterdir()] == ["index.html"]
        html = (other / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<img src="\.\./\.\./\.\./practices/buren/foto-960w\.jpg"[^>]*'
                         r'srcset="\.\./\.\./\.\./practices/buren/foto-480w\.jpg 480w,', html)
        image = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))["image"]
        assert image.endswith("/practices/buren/foto.jpg") and f"/{lang}/" not in image


def test_a_small_drawing_keeps_its_size(tmp_path):
    out = BytesIO()
    Image.new("RGB", (300, 200), "white").save(out, "PNG")
    path = tmp_path / "tekening.png"
    path.write_bytes(out.getvalue())
    [(variant, data)] = images.render(path)
    assert (variant.name, variant.width, variant.height) == ("tekening.png", 300, 200) and data
    assert images.render(path) == [(variant, data)]  # the same bytes every build
