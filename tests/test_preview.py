"""`mkdocs serve`: a saved practice is served again at once; what it did not touch stays."""

from __future__ import annotations

import re
import socket
import sys
import time
import urllib.request
from pathlib import Path

import yaml

from serving import mkdocs_serve, stop_serving
from site_gen.search.twin import ShardedSearch
from support import BUILD_ENV, create_project

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from synthetic import generate  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(check, timeout: float = 120) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if check():
            return time.monotonic() - start
        time.sleep(0.1)
    raise AssertionError("the preview did not show it in time")


def found(base: str, query: str) -> list[str]:
    """The slugs the served search finds (read over HTTP by the Python twin of search.js)."""
    try:
        search = ShardedSearch(lambda path: fetch(base + path) or "", "nl")
        return [search.card(ref).get("s", "") for ref, _ in search.search(query) or []]
    except ValueError:  # a file not there yet
        return []


def test_a_saved_practice_is_served_again_and_the_rest_is_kept(tmp_path):
    project = create_project(tmp_path / "p", {})
    paths = generate(project / "practices", 40, seed=11)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["watch"] = ["practices"]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = mkdocs_serve(project, port, BUILD_ENV, log)
    base = f"http://127.0.0.1:{port}/praktijken/"
    edited, other = paths[0], paths[1]
    try:
        wait_for(lambda: fetch(base + f"fr/practices/{other.stem}/") is not None)
        wait_for(lambda: fetch(base + "search/meta.js") is not None)
        text = edited.read_text(encoding="utf-8")
        edited.write_text(re.sub(r"^title: ", "title: Herschreven ", text, count=1, flags=re.M), encoding="utf-8")
        wait_for(lambda: "Herschreven" in (fetch(base + f"practices/{edited.stem}/") or ""))
        wait_for(lambda: "Herschreven" in (fetch(base + f"en/practices/{edited.stem}/") or ""))
        for lang in ("", "en/", "fr/"):  # the pages the edit did not touch are still there
            # (a save may start two rebuilds; while one runs, the other languages' folders wait)
            wait_for(lambda: fetch(base + f"{lang}practices/{other.stem}/") is not None, timeout=60)
        assert "Herschreven" in (fetch(base + "practices/") or "")  # the listing shows the new title
        wait_for(lambda: edited.stem in found(base, "herschreven"))  # and the search finds it, once made
    finally:
        stopped = stop_serving(server)
        log.close()
    output = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert "ERROR" not in output and "Traceback" not in output, output[-3000:]
    assert stopped, "mkdocs serve did not stop on Ctrl-C"

