"""Full-text search for the whole site, downloaded only as far as a visitor searches.

The data flow, one module a step:

- ``analysis``: words, stop words and stems in nl, en and fr (the browser's twin);
- ``documents``: what is indexed of each practice and page, and the card it shows;
- ``index``: every term's postings, scored as ``lunr.Builder`` scores them;
- ``shards``: the index cut in sorted ranges, cards and the facet table, as scripts;
- ``build``: all of it for one build, in a second process for a large collection;
- ``twin``: the browser's search in Python, over the published files;
- ``lunr_assets``: lunr.js and lunr-languages, taken from the installed mkdocs.
"""
