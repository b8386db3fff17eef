"""What the UI-language builds of one site share, on MkDocs' side of the adapter.

- Practice pages are rendered once (:mod:`site_gen.rendercache`): a page whose HTML is
  known gets it in place of MkDocs' Markdown rendering, with the same table of contents,
  title and anchors.
- The other languages are built side by side with the default one: once every page of
  the default build is rendered (MkDocs' ``on_env``), each other language's build runs
  in a forked process, which starts with everything rendered so far in memory; the
  default build waits for them at its end.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Callable, Iterable

from . import engine  # noqa: F401  (before mkdocs: MkDocs or ProperDocs)

from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.toc import AnchorLink, get_toc

from .collector import SharedWithForks
from .rendercache import Rendered

log = get_plugin_logger(__name__)


def toc_tokens(items: list[AnchorLink]) -> tuple[dict[str, Any], ...]:
    """A page's table of contents as the tokens MkDocs makes it from."""
    return tuple({"name": i.title, "id": i.id, "level": i.level, "children": list(toc_tokens(i.children))} for i in items)


def rendered(page: Any, html: str) -> Rendered:
    """What MkDocs' rendering (and our sanitising: ``html``) made of ``page``."""
    return Rendered(html, toc_tokens(list(page.toc)), page._title_from_render, frozenset(page.present_anchor_ids or ()))


def use_rendered(page: Any, found: Rendered) -> None:
    """``page`` takes ``found`` when MkDocs renders it, instead of converting Markdown."""

    def render(config: Any, files: Any) -> None:
        page.content = found.html
        page.toc = get_toc(list(found.toc))
        page._title_from_render = found.title
        page.present_anchor_ids = set(found.anchors)
        page.links_to_anchors = {}

    page.render = render


def use_theme_parts(env: Any, memo: dict[str, Any]) -> None:
    """Templates for a build that renders thousands of pages with them.

    The theme's own templates are also reachable as ``material/…``, so an override can
    wrap the original; ``sg_memo(key, when)`` (a ``{% call %}`` block) renders its body once
    per key and build (every time when ``when`` is false). Templates do not change during a build: Jinja need not check their
    files before each include.
    """
    import material
    from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader
    from markupsafe import Markup

    from .minify import fold_whitespace

    theme = Path(material.__file__).parent / "templates"
    env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(str(theme))})])
    env.auto_reload = False

    def sg_memo(key: str, when: Any = True, caller: Callable[[], Any] = None) -> Any:  # type: ignore[assignment]
        if not when:
            return caller()
        if key not in memo:
            # folded as the written page will be (the same result: folding is idempotent and
            # acts on each run of whitespace alone), so that it is not folded again on every page
            memo[key] = Markup(fold_whitespace(caller()))
        return memo[key]

    env.globals["sg_memo"] = sg_memo
    env.bytecode_cache = COMPILED


class _CompiledTemplates(BytecodeCache):
    """Templates compiled by this process, in memory: the language builds forked from it
    start with them instead of compiling each template again (Jinja checks each one's
    source against the checksum kept with it)."""

    def __init__(self) -> None:
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.codes.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


COMPILED = _CompiledTemplates()


def compile_templates(env: Any, names: Iterable[str]) -> None:
    """Compile ``names`` and every template they name (``extends``, ``include``,
    ``import``; names made at render time are left to then), before the language
    builds are forked."""
    from jinja2 import TemplateNotFound, meta

    todo, seen = list(names), set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            source, _, _ = env.loader.get_source(env, name)
        except TemplateNotFound:
            continue  # a page template the theme lacks fails where it is used, with MkDocs' message
        env.get_template(name)
        todo.extend(n for n in meta.find_referenced_templates(env.parse(source)) if n is not None)


STOPPED = 130  # a build's exit code when it was interrupted


class LanguageBuilds:
    """Other languages' builds, each in a forked process; ``wait`` says which failed."""

    def __init__(self) -> None:
        self.running: dict[str, int] = {}
        self.shared = SharedWithForks()

    def start(self, languages: list[str], build: Callable[[str], None], side_by_side: bool = True) -> None:
        """Each language's build in a process of its own, all at once; or, not
        ``side_by_side`` (a large collection, within the memory budget), one process
        that builds them one after the other."""
        if languages:
            self.shared.hold()  # until the builds are done
        if not side_by_side and languages:
            self._fork(",".join(languages), lambda _: [build(lang) for lang in languages])
            return
        for lang in languages:
            self._fork(lang, build)

    def _fork(self, lang: str, build: Callable[[str], Any]) -> None:
        """One process that runs ``build(lang)`` and exits with how it went."""
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: build, say how it went, and leave without cleaning up the parent's state
            code = 1
            try:
                build(lang)
                code = 0
            except KeyboardInterrupt:  # the preview ends (Ctrl-C reaches every process)
                code = STOPPED
            except BaseException as exc:  # every failure is the child's exit code
                log.error("the %s version was not built: %s", lang, exc)
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        self.running[lang] = pid

    def wait(self) -> list[str]:
        """Wait for every build; the languages whose build failed."""
        failed = []
        for lang, pid in self.running.items():
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                failed.append(lang)
        self.running = {}
        self.shared.release()
        return failed

    def stop(self) -> None:
        """Stop the builds still running (a failed default build, or a newer save); a
        finished one that failed says so."""
        for lang, pid in self.running.items():
            try:
                done, status = os.waitpid(pid, os.WNOHANG)
                if done and os.waitstatus_to_exitcode(status) not in (0, STOPPED, -15):
                    log.error("the %s version was not built", lang)
                elif not done:
                    os.kill(pid, 15)
                    os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        self.running = {}
        self.shared.release()
