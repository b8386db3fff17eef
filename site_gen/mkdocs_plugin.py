"""The MkDocs adapter: the only module that imports MkDocs (or ProperDocs, see :mod:`.engine`).

It answers MkDocs' events and delegates: load and validate the practices (the build
fails on any problem), plan the pages (:class:`~site_gen.catalog.Catalog`), add them as
in-memory files, and hand each template its context. Nothing is written to the
watched folders.
"""

from __future__ import annotations

import datetime
import logging
import posixpath
import sys
from pathlib import Path
from typing import Any, NamedTuple

from . import engine  # noqa: F401  (before mkdocs: MkDocs or ProperDocs)

from mkdocs.commands.build import build
from mkdocs.config import base, load_config
from mkdocs.config import config_options as c
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from . import csp, discovery, exports, images, link_preview, published, theme_markup
from .bundle import Bundle, BundleError
from .catalog import DEFAULT_PER_PAGE, LISTING_FOLDER, Catalog, PageSpec
from .config import Settings
from .fieldref import expand_placeholders
from .incremental import BuildState, folders_digest
from .languages import Layout
from .mkdocs_files import drop_unused_theme_files, pages_for_search, use_translations
from .mkdocs_serve import Preview, restore
from .mkdocs_shared import LanguageBuilds, compile_templates, rendered, use_rendered, use_theme_parts
from .rendercache import CACHE_FOLDER, DiskCache, Rendered, fingerprint
from .messages import MessagesError
from .minify import fold_whitespace
from .problems import InvalidPractices
from .sanitize import sanitize_html
from .search import lunr_assets
from .search.build import SearchFiles
from .validate import load_valid_practices
from .vocab import VocabularyError

log = get_plugin_logger(__name__)
# One cache of rendered pages per settings, shared by the builds of one process (every
# UI language; each save in `mkdocs serve`) and by the forked builds of the other languages.
_RENDER_CACHES: dict[tuple[str, str | None], DiskCache] = {}
# A generated page without Markdown (a listing, the finder): MkDocs would start Python-Markdown for it.
NOTHING_RENDERED = Rendered("", (), None, frozenset())
# Generated pages are reached through listings, not the navigation: no "not in nav" notice.
NOT_IN_NAV = InclusionLevel.NOT_IN_NAV


class SiteGenConfig(base.Config):
    practices_dir = c.Type(str, default="practices")
    vocabularies_dir = c.Optional(c.Type(str))
    messages_file = c.Optional(c.Type(str))  # the deployment's own wording of the checks (as site_gen/messages.yml)
    per_page = c.Type(int, default=DEFAULT_PER_PAGE)
    facets = c.Optional(c.ListOfItems(c.Type(dict)))
    repository_url = c.Optional(c.Type(str))  # e.g. https://github.com/org/repo: the form's "propose" link
    repository_branch = c.Type(str, default="main")
    contact_email = c.Optional(c.Type(str))  # where the form's Download route sends files
    # The UI languages to build: theme.language's build at the root, each other under /<lang>/.
    languages = c.Optional(c.ListOfItems(c.Choice(("nl", "en", "fr"))))
    site_names = c.Type(dict, default={})  # the site's name in the other languages, e.g. {en: …, fr: …}
    # Rendered practice pages kept between builds (safe to delete; false: in memory only).
    cache_dir = c.Type(str, default=str(CACHE_FOLDER))
    cache = c.Type(bool, default=True)


class SiteGenPlugin(BasePlugin[SiteGenConfig]):
    """Practices in, practice pages and facet pages out."""

    bundle: Bundle | None = None  # set by build_site() for an offline bundle
    language: str | None = None  # set by build_site() for another UI language's build
    preview: Preview | None = None  # in `mkdocs serve`: what one build leaves the next
    # In a preview, for another language's build: its last site and the practices whose pages there still hold.
    kept: tuple[Path, set[str]] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having on_startup, this plugin lives on between the builds of `mkdocs serve`.
        self.preview = Preview() if command == "serve" else None

    def on_shutdown(self) -> None:
        if self.preview is not None:
            self.preview.before(None)

    def on_pre_build(self, *, config: Any) -> None:
        if self.preview is not None and self.language is None:
            self.preview.before(Path(config.site_dir))

    def on_config(self, config: Any) -> Any:
        root = Path(config.config_file_path or ".").resolve().parent
        default = config.theme.get("language") or "nl"
        # A bundle is a handout in one language (from disk, Material's language links would
        # try to fetch each language's sitemap, which browsers refuse on file://).
        languages = (default,) if self.bundle is not None else tuple(self.config.languages or (default,))
        if default not in languages:
            raise PluginError(f"languages: {', '.join(languages)} must include theme.language ({default})")
        self.layout = Layout(languages, default, self.language or default)
        self.site_url = config.site_url or None  # the default language's: the site's root
        if self.language is not None:
            config.theme["language"] = self.language  # Material's labels follow
            config.site_name = self.config.site_names.get(self.language, config.site_name)
            if config.site_url:
                config.site_url = config.site_url.rstrip("/") + f"/{self.language}/"
        self.settings = Settings.from_options(root, dict(self.config), self.layout.current)
        self.render_cache = self._render_cache(config, root)
        self.language_builds = LanguageBuilds()
        self._memo: dict[str, Any] = {}  # template parts made once per build (see use_theme_parts)
        try:
            self.settings.use_wording()
            self.vocabularies = self.settings.vocabularies()
        except (VocabularyError, MessagesError) as exc:
            raise PluginError(str(exc)) from exc
        self.specs: dict[str, PageSpec] = {}
        if self.bundle is not None:
            config.use_directory_urls = False  # from disk: links end in index.html
        return config

    def on_files(self, files: Files, *, config: Any) -> Files:
        # One search for every UI language, made by the default language's build.
        shared_search = self.layout.current == self.layout.default
        search_pages = pages_for_search(files, self.layout, self._expand) if shared_search else []
        use_translations(files, config, self.layout.current)
        drop_unused_theme_files(files)
        # Another language's build is a fork of the default one, which loaded, related and dated them a moment ago.
        inherited = _FROM_DEFAULT_BUILD.get(str(self.settings.practices_dir)) if self.language is not None else None
        self.catalog = self._catalog(config, inherited)
        self.dates = inherited.dates if inherited else discovery.Dates([self.settings.practices_dir, Path(config.docs_dir)])
        self.newest: datetime.date | None = None

        def add(src_uri: str, **source: str | bytes) -> None:
            files.append(File.generated(config, src_uri, inclusion=NOT_IN_NAV, **source))

        keep = self._pages_to_keep(config)
        if keep:  # a preview: the pages still right come back at once (MkDocs just emptied the folder)
            last = self.kept[0] if self.kept is not None else self.preview.stash if self.preview is not None else None
            if last is not None:
                restore(last, Path(config.site_dir), LISTING_FOLDER, keep)
        for spec in self.catalog.pages():
            if "practice" in spec.context and spec.context["practice"].slug in keep:
                continue  # a preview: its page from the last build is still right
            add(spec.src_uri, content=spec.source())
            self.specs[spec.src_uri] = spec
        for practice in self.catalog.practices:
            if practice.slug in keep:
                continue
            for asset in practice.assets:
                name = asset.relative_to(practice.folder)
                if self._shared_photo(practice, name):
                    continue  # the default language's build publishes it for all
                for variant, data in images.render(asset):
                    url = self.catalog.asset_url(practice, (name.parent / variant.name).as_posix())
                    add(url, abs_src_path=str(asset)) if data is None else add(url, content=data)
        # Made in a second process while the pages render (a large collection), written
        # into the built site; on_post_build waits for it.
        cache_folder = self.render_cache.folder
        lock = self.preview.lock(Path(config.site_dir)) if self.preview is not None else None
        search_args = (self.catalog, search_pages, Path(config.site_dir), self.layout.languages, cache_folder, lock)
        # In a preview after a save, the search is made once the pages are served (the last one answers meanwhile).
        later = self.preview is not None and self.preview.stash is not None
        self.search_files = SearchFiles(*search_args) if shared_search and not later else None
        self._later_search = search_args if shared_search and later else None
        for name, path in self._lunr_scripts():
            add(f"{lunr_assets.SCRIPT_FOLDER}/{name}", abs_src_path=str(path))
        for name, text in published.data_files(
                self.catalog, self.vocabularies, config.site_url or None, config.site_name,
                repository_url=self.config.repository_url, branch=self.config.repository_branch,
                contact_email=self.config.contact_email, at_root=shared_search, hosted=self.bundle is None):
            add(name, content=text)
        log.info("%d practices, %d generated pages", len(self.catalog.practices), len(self.specs))
        return files

    def _pages_to_keep(self, config: Any) -> set[str]:
        """In a preview after an edit, the practices whose last pages are still right."""
        if self.kept is not None:
            return self.kept[1]
        if self.preview is None or self.language is not None:
            return set()
        theme_dir = config.theme.custom_dir
        own = [Path(config.docs_dir), Path(theme_dir) if theme_dir else None, self.settings.vocabularies_dir,
               self.settings.messages_file, Path(config.config_file_path)]
        world = folders_digest(own, extra=self.render_cache.version + self.layout.current)
        return self.preview.choose(BuildState.of(world, self.catalog.practices, self.catalog.related))

    def _render_cache(self, config: Any, root: Path) -> DiskCache:
        shaping = {"extensions": config.markdown_extensions, "configs": config.mdx_configs, "directory_urls": config.use_directory_urls}
        version = fingerprint(shaping)
        folder = root / self.config.cache_dir if self.config.cache else None
        cache = _RENDER_CACHES.setdefault((version, str(folder)), DiskCache(folder, version, "pages"))
        if self.language is None:
            cache.begin()  # what this build uses is what the cache keeps
        return cache

    def _shared_photo(self, practice: Any, name: Path) -> bool:
        """Whether this build shows the default language's copies of this file: the
        front-matter photo, in another language's build, unless the body links to it."""
        if self.layout.current == self.layout.default or not practice.image:
            return False
        return name.as_posix() == practice.image["src"] and practice.image["src"] not in practice.body

    def _catalog(self, config: Any, inherited: "_Inherited | None") -> Catalog:
        """All practices (or a bundle's subset), validated; the build stops on any problem."""
        try:
            practices = inherited.practices if inherited is not None else load_valid_practices(
                self.settings.practices_dir, self.vocabularies, self.settings.root, self.settings.language)
        except InvalidPractices as exc:
            raise PluginError(str(exc)) from None
        chosen: dict = {}
        if self.bundle is not None and self.bundle.subset:
            try:
                chosen = self.bundle.subset.resolve(self.settings.facets, self.vocabularies)
            except BundleError as exc:
                raise PluginError(str(exc)) from None
            practices = self.bundle.subset.keep(practices, chosen)
            if not practices:
                asked = "; ".join(f"{f.param}: {', '.join(sorted(map(str, v)))}" for f, v in chosen.items())
                raise PluginError(f"no practice matches this subset ({asked}): leave out an option or choose other values")
        catalog = Catalog(
            practices, self.vocabularies, self.settings.facets, self.settings.language, self.settings.per_page, config.use_directory_urls,
            related=inherited.related if inherited is not None else None,
        )
        catalog.photo_root = self.layout.root_of(self.layout.default)
        if self.bundle is not None:
            self.bundle.description = [
                (catalog.facet_title(f), sorted(catalog.label(f.vocabulary, v) if f.vocabulary else str(v) for v in values))
                for f, values in chosen.items()
            ]
        return catalog

    def _expand(self, markdown: str) -> str:
        """A guide page with its placeholders filled in (tables, the README link)."""
        return expand_placeholders(markdown, self.vocabularies, self._readme_url())

    def _readme_url(self) -> str | None:
        """The README on the repository's site, for the guide's part for maintainers."""
        if not self.config.repository_url:
            return None
        return f"{self.config.repository_url.rstrip('/')}/blob/{self.config.repository_branch}/README.md"

    @staticmethod
    def _lunr_scripts() -> list[tuple[str, Path]]:
        try:
            return lunr_assets.script_paths()
        except lunr_assets.MissingLunrAssets as exc:
            raise PluginError(str(exc)) from None

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Files) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            page.meta = spec.page_meta()
        # The sitemap's lastmod: when the page's content changed, not when it was built.
        day = (discovery.generated_page_date(spec.context, self.dates) if spec is not None
               else self.dates.of_file(Path(page.file.abs_src_path)) if page.file.abs_src_path else None)
        if day is not None:
            page.update_date = day.isoformat()
            self.newest = max(self.newest or day, day)
        if spec is None and "site-gen:" in markdown:
            return self._expand(markdown)  # the contributor guide
        if spec is not None and not markdown:
            use_rendered(page, NOTHING_RENDERED)  # a listing: what Markdown would make of nothing
        if spec is not None and "practice" in spec.context:
            practice = spec.context["practice"]
            assets = ",".join(sorted(a.name for a in practice.assets))
            page.sg_key = DiskCache.key(markdown, page.file.url, assets)
            found = self.render_cache.get(page.sg_key)
            if found is not None:
                use_rendered(page, found)  # rendered by another language's build, or the last build
                page.sg_key = None
        return markdown

    def on_page_content(self, html: str, *, page: Any, config: Any, files: Files) -> str:
        key = getattr(page, "sg_key", False)
        if key is False:
            return html  # not a practice
        if key is None:
            return html  # from the cache: sanitised when it was rendered
        safe = sanitize_html(html)
        self.render_cache.put(key, rendered(page, safe))
        return safe

    def on_nav(self, nav: Any, *, config: Any, files: Files) -> Any:
        self.nav_pages = {p.file.src_uri for p in nav.pages}
        return nav

    def on_env(self, env: Any, *, config: Any, files: Files) -> Any:
        use_theme_parts(env, self._memo)
        # Every page of this build is rendered: the other languages' builds start beside it
        # (in a preview, once this one is served).
        if self.language is None and self.bundle is None and self.preview is None:
            if len(self.layout.languages) > 1:
                compile_templates(env, ["main.html", "404.html", *{spec.template for spec in self.specs.values()}])
            self._start_languages(config, None)
        return env

    def _start_languages(self, config: Any, preview: Preview | None) -> None:
        others = [lang for lang in self.layout.languages if lang != self.layout.default]
        config_file, site_dir = Path(config.config_file_path), Path(config.site_dir)
        last = preview.stash if preview is not None else None

        def build_one(lang: str) -> None:
            kept = (last / lang, preview.keep) if last is not None and preview is not None else None
            build_site(config_file, site_dir / lang, None, lang, kept)

        # Each language's build holds its pages in memory: side by side up to a few thousand
        # practices, one after the other beyond (one such process at a time, not two).
        side_by_side = len(self.catalog.practices) <= LANGUAGES_SIDE_BY_SIDE_UP_TO
        # The forked builds start with this build's practices, related practices and dates; this process forgets them at once.
        _FROM_DEFAULT_BUILD[str(self.settings.practices_dir)] = _Inherited(self.catalog.practices, self.catalog.related, self.dates)
        try:
            self.language_builds.start(others, build_one, side_by_side)
        finally:
            _FROM_DEFAULT_BUILD.clear()

    def on_page_context(self, context: dict[str, Any], *, page: Any, config: Any, nav: Any) -> dict[str, Any]:
        context["catalog"] = self.catalog
        context["bundle"] = self.bundle
        if len(self.layout.languages) > 1:
            context["sg_alternates"] = self.layout.alternates(context.get("base_url", "."), page.url, self.site_url)
        # The search's files and the exports: the default language's build holds them for every language.
        context["sg_shared_root"] = context.get("base_url", ".").rstrip("/") + "/" + self.layout.root_of(self.layout.default)
        spec = self.specs.get(page.file.src_uri)
        # Pages out of the navigation share its rendering: it is the same for all the pages
        # of one folder (its links are relative to the page, none of them is active).
        out_of_nav = spec is not None and page.file.src_uri not in self.nav_pages
        folder = posixpath.dirname(page.url.rstrip("/"))
        context["sg_nav_key"] = f"{self.layout.current}|{folder}|{context.get('base_url', '')}" if out_of_nav else ""
        if spec is not None:
            context.update(spec.context)
            practice = spec.context.get("practice")
            if practice is not None:
                site_url = config.site_url or None
                context["json_ld"] = exports.json_ld(self.catalog, practice, site_url, config.site_name,
                                                     self.dates.published(practice), self.dates.of_practice(practice))
                context["citation"] = exports.citation(self.catalog, practice, site_url, config.site_name)
        if self.bundle is None:  # what a shared link shows: the page's, or its practice's
            practice = spec.context.get("practice") if spec is not None else None
            title = config.site_name if page.is_homepage else page.title or config.site_name
            context["sg_preview_meta"] = (
                link_preview.practice_tags(self.catalog, practice, page.canonical_url, config.site_url or None, config.site_name)
                if practice is not None else
                link_preview.tags(title, page.meta.get("description") or config.site_description or "",
                                  page.canonical_url, self.layout.current, config.site_name))
        return context

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        return self._written(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: Any) -> str:
        if template_name == "sitemap.xml" and self._sitemap_index:
            # The default language's sitemap moves aside; sitemap.xml names every language's.
            site = (self.site_url or "").rstrip("/") + "/"
            Path(config.site_dir, f"sitemap-{self.layout.default}.xml").write_text(output_content, encoding="utf-8")
            names = [f"sitemap-{lang}.xml" if lang == self.layout.default else f"{lang}/sitemap.xml" for lang in self.layout.languages]
            return discovery.sitemap_index([(site + name, self.newest) for name in names])
        return self._written(output_content) if template_name.endswith(".html") else output_content

    @property
    def _sitemap_index(self) -> bool:
        """Whether this build publishes the sitemap index: the default language's, of a
        site in several languages with a URL (a sitemap's locations are absolute)."""
        return self.language is None and self.bundle is None and len(self.layout.languages) > 1 and bool(self.site_url)

    def _written(self, html: str) -> str:
        """A page as it is written: without indentation, with the security policy (from
        disk, a bundle, 'self' matches nothing: the policy is for the hosted site)."""
        kept: list[str] = []  # the elements folding left as they are: every script among them
        html = theme_markup.mend(fold_whitespace(html, kept))
        return html if self.bundle is not None else csp.with_policy(html, kept)

    def on_build_error(self, *, error: Exception) -> None:
        if getattr(self, "search_files", None) is not None:
            self.search_files.close()
        if getattr(self, "language_builds", None) is not None:
            self.language_builds.stop()

    def on_post_build(self, *, config: Any) -> None:
        if self.preview is not None and self.language is None:
            # A preview is served as soon as its default language is ready; the search
            # and the other languages follow, and the next save waits for them.
            if self.search_files is not None:
                self.search_files.write()  # the first build of the preview
            self.preview.after(Path(config.site_dir))
            if self._later_search is not None:
                search = SearchFiles(*self._later_search)
                if search.running():
                    self.preview.pending.append(search.write)  # takes the last one's place when made
                else:
                    search.write()  # a small collection: at once
            self._start_languages(config, self.preview)
            self.preview.pending += [self.language_builds.stop, self.render_cache.save]
            return
        if self.search_files is not None:
            self.search_files.write()
        failed = self.language_builds.wait()
        if failed:
            raise PluginError(f"the {', '.join(failed)} version(s) of the site were not built; the reason is above")
        if self.language is None:
            self.render_cache.save()


LANGUAGES_SIDE_BY_SIDE_UP_TO = 4000


class _Inherited(NamedTuple):
    """What the default build hands the other languages' builds it forks."""

    practices: list[Any]  # validated
    related: dict[str, list[Any]]
    dates: discovery.Dates


_FROM_DEFAULT_BUILD: dict[str, _Inherited] = {}


def build_site(config_file: Path, site_dir: Path, bundle: Bundle | None = None, language: str | None = None,
               kept: tuple[Path, set[str]] | None = None) -> None:
    """Build the site of ``config_file`` into ``site_dir`` (for disk when ``bundle`` is set;
    in another UI language than ``theme.language`` when ``language`` is set).

    Raises :class:`PluginError` (a sentence) when the practices or the request are invalid.
    """
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    plugin = next((p for p in config.plugins.values() if isinstance(p, SiteGenPlugin)), None)
    if plugin is None:
        raise PluginError(f"{config_file} does not use the site-gen plugin")
    plugin.bundle = bundle
    plugin.language = language
    plugin.kept = kept
    handler = logging.StreamHandler(sys.stderr)  # what `mkdocs build` would show
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logger = engine.logger()
    logger.addHandler(handler)
    try:
        build(config)
    except Abort as exc:
        raise PluginError(f"the site was not built ({exc}); the reason is above") from None
    finally:
        logger.removeHandler(handler)
