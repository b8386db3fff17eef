"""site_gen: a database of good practices published as a static site.

The core (model, vocabularies, loading, validation, facets, pages) knows nothing of
MkDocs; ``site_gen.mkdocs_plugin`` adapts it to MkDocs' events.
"""

__version__ = "0.1.0"
