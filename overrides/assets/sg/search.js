/* The site's search: a lunr index cut in shards, fetched as far as a query needs.
 *
 * The twin of site_gen/search/twin.py, step for step: the same words (lowercase, no
 * accents), stop words, stems (Dutch, English and French), shards, matching rule and
 * ranking. Every data file is a script that calls sgSearch.add(key, data), so the same
 * files load over HTTP and from file://. Nothing is fetched until something searches:
 * the header search on opening, the finder on its own page.
 *
 * window.sgSearch: add, load, ready, search, cards, facets, snippet, highlight.
 */
(function () {
  "use strict";

  var here = document.currentScript;
  var base = new URL((here && here.getAttribute("data-base")) || ".", window.location.href).href.replace(/\/?$/, "/");
  var LANGUAGES = ["nl", "en", "fr"];
  var PREFIX_BOOST = 0.5;
  var LUNR = ["lunr.js", "lunr.stemmer.support.js", "lunr.nl.js", "lunr.fr.js"];
  var INDEX_CACHE = 6;  // lunr indexes of shard combinations kept for the next keystrokes

  // --- loading: each file a script that registers its data ------------------------------

  var store = {};    // key -> data
  var waiting = {};  // key -> {promise, resolve, reject}

  function add(key, data) {
    store[key] = data;
    if (waiting[key]) waiting[key].resolve(data);
  }

  function script(src) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = src;
      tag.async = false;  // lunr's files run in order
      tag.onload = function () { resolve(); };
      tag.onerror = function () { tag.remove(); reject(new Error("could not load " + src)); };
      document.head.appendChild(tag);
    });
  }

  function load(key) {
    if (key in store) return Promise.resolve(store[key]);
    if (!waiting[key]) {
      var entry = waiting[key] = {};
      entry.promise = new Promise(function (resolve, reject) { entry.resolve = resolve; entry.reject = reject; });
      script(base + "search/" + key + ".js").then(function () {
        if (!(key in store)) entry.reject(new Error("search/" + key + ".js registered nothing"));
      }, function (error) { delete waiting[key]; entry.reject(error); });
    }
    return waiting[key].promise;
  }

  var readyPromise = null;
  /* lunr.js, its stemmers and the meta file; resolves with the meta. */
  function ready() {
    if (!readyPromise) {
      var lunrReady = window.lunr && window.lunr.nl && window.lunr.fr ? Promise.resolve()
        : Promise.all(LUNR.map(function (name) { return script(base + "assets/sg/lunr/" + name); }));
      readyPromise = Promise.all([lunrReady, load("meta")]).then(function (loaded) { return setUp(loaded[1]); });
      readyPromise.catch(function () { readyPromise = null; });
    }
    return readyPromise;
  }

  // --- analysis: the twin of site_gen/search/analysis.py ---------------------------------

  var meta, stopWords, stemmers, stemCache = new Map();

  function setUp(data) {
    meta = data;
    stopWords = new Set(meta.stopWords);
    stemmers = { nl: lunr.nl.stemmer, en: lunr.stemmer, fr: lunr.fr.stemmer };
    return meta;
  }

  function plain(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function words(text) {
    return (plain(text).match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) { return !/[\uD800-\uDFFF]/.test(w); });
  }

  function stem(word, lang) {
    var key = lang + ":" + word;
    var found = stemCache.get(key);
    if (found === undefined) {
      found = stemmers[lang](new lunr.Token(word)).toString();
      stemCache.set(key, found);
    }
    return found;
  }

  function queryStems(word) {
    var found = [word];
    LANGUAGES.forEach(function (lang) {
      var stemmed = stem(word, lang);
      if (found.indexOf(stemmed) < 0) found.push(stemmed);
    });
    return found;
  }

  function queryWords(query) {
    var all = words(query);
    var meaningful = all.filter(function (w) { return !stopWords.has(w); });
    return meaningful.length ? meaningful : all;
  }

  function prefixWord(query, terms) {
    if (!terms.length || /[ \t]$/.test(query) || terms[terms.length - 1].length < meta.minPrefix) return null;
    return terms[terms.length - 1];
  }

  // --- shards: the twin of site_gen/search/shards.py (Meta.shards_for) -------------------

  function bisectRight(list, value) {
    var low = 0, high = list.length;
    while (low < high) {
      var mid = (low + high) >> 1;
      if (value < list[mid]) high = mid; else low = mid + 1;
    }
    return low;
  }

  function shardsFor(term, prefix) {
    var firsts = meta.shards;
    if (!firsts.length) return [];
    var low = Math.max(0, bisectRight(firsts, term) - 1);
    if (!prefix) return [low];
    var high = Math.min(Math.max(0, bisectRight(firsts, term + "\uffff") - 1), low + meta.prefixShards - 1);
    var found = [];
    for (var i = low; i <= high; i++) found.push(i);
    return found;
  }

  /* The query's words, prefix word and the shards it needs; null without words. */
  function plan(query) {
    var terms = queryWords(query);
    if (!terms.length) return null;
    var prefix = prefixWord(query, terms);
    var needed = new Set();
    terms.forEach(function (word) {
      queryStems(word).forEach(function (s) { shardsFor(s, false).forEach(function (n) { needed.add(n); }); });
    });
    if (prefix) shardsFor(prefix, true).forEach(function (n) { needed.add(n); });
    return { terms: terms, prefix: prefix, shards: Array.from(needed).sort(function (a, b) { return a - b; }) };
  }

  // --- one lunr index of the shards a query needs (the twin of ShardedSearch.index) ------

  var parsed = {};  // shard number -> {postings: [[term, posting]], vectors: [[fieldRef, elements]]}

  function parse(number) {
    if (parsed[number]) return parsed[number];
    var postings = [], vectors = new Map();
    store["t/" + number].forEach(function (entry) {
      var posting = { _index: entry[1] };
      meta.fields.forEach(function (field, f) {
        var flat = entry[2 + f], refs = {}, ref = 0;
        for (var i = 0; i < flat.length; i += 2) {
          ref += flat[i];
          refs[ref] = {};
          var key = field + "/" + ref;
          var elements = vectors.get(key);
          if (!elements) vectors.set(key, elements = []);
          elements.push(entry[1], flat[i + 1] / meta.scale);
        }
        posting[field] = refs;
      });
      postings.push([entry[0], posting]);
    });
    return (parsed[number] = { postings: postings, vectors: vectors });
  }

  var indexes = new Map();  // "1,4,5" -> lunr.Index, most recent last

  function indexOf(numbers) {
    var key = numbers.join(",");
    var found = indexes.get(key);
    if (found) {
      indexes.delete(key);
      indexes.set(key, found);
      return found;
    }
    var inverted = {}, terms = [], vectors = {};
    numbers.forEach(function (number) {
      var shard = parse(number);
      shard.postings.forEach(function (pair) { inverted[pair[0]] = pair[1]; terms.push(pair[0]); });
      shard.vectors.forEach(function (elements, ref) {
        var into = vectors[ref];
        if (into) into.push.apply(into, elements); else vectors[ref] = elements.slice();
      });
    });
    var fieldVectors = {};
    Object.keys(vectors).forEach(function (ref) { fieldVectors[ref] = new lunr.Vector(vectors[ref]); });
    found = new lunr.Index({
      invertedIndex: inverted,
      fieldVectors: fieldVectors,
      tokenSet: lunr.TokenSet.fromArray(terms),
      fields: meta.fields,
      pipeline: new lunr.Pipeline()
    });
    indexes.set(key, found);
    if (indexes.size > INDEX_CACHE) indexes.delete(indexes.keys().next().value);
    return found;
  }

  function wordMatched(word, matched, asPrefix) {
    var stems = queryStems(word);
    return matched.some(function (t) { return stems.indexOf(t) >= 0 || (asPrefix && t.indexOf(word) === 0); });
  }

  /* Resolves with {terms, prefix, results: [{ref, score, matched}]} best first, or null. */
  function search(query) {
    return ready().then(function () {
      var planned = plan(query);
      if (!planned) return null;
      return Promise.all(planned.shards.map(function (n) { return load("t/" + n); })).then(function () {
        return { terms: planned.terms, prefix: planned.prefix, results: run(planned) };
      });
    });
  }

  function run(planned) {
    var index = indexOf(planned.shards);
    var found = index.query(function (q) {
      planned.terms.forEach(function (word) {
        queryStems(word).forEach(function (s) { q.term(s, { usePipeline: false }); });
      });
      if (planned.prefix) {
        q.term(planned.prefix, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: PREFIX_BOOST });
      }
    });
    var results = [];
    found.forEach(function (result) {
      var matched = Object.keys(result.matchData.metadata);
      var all = planned.terms.every(function (word) { return wordMatched(word, matched, word === planned.prefix); });
      // Practices with every word as written come before those found by a prefix.
      var exact = all && planned.terms.every(function (word) { return wordMatched(word, matched, false); });
      if (all) results.push({ ref: Number(result.ref), score: result.score, matched: matched, exact: exact });
    });
    results.sort(function (a, b) { return (b.exact - a.exact) || b.score - a.score || a.ref - b.ref; });
    return results;
  }

  function cards(refs) {
    return Promise.all(refs.map(function (ref) { return load("d/" + ref); }));
  }

  function facets() {
    return ready().then(function () { return load("facets"); });
  }

  // --- snippets: where the matched words stand, marked ----------------------------------

  var SNIPPET_WORDS = 28;

  /* The words of text with, for each, whether it matches: [[start, end, hit], ...]. */
  function hits(text, lang, matched, prefix) {
    var wanted = new Set(matched), heads = new Set();
    matched.forEach(function (t) { heads.add(t.slice(0, 3)); });
    if (prefix) heads.add(prefix.slice(0, 3));
    var found = [], re = /[\p{L}\p{N}\p{M}]+/gu, m;
    while ((m = re.exec(text))) {
      var word = plain(m[0]), hit = false;
      if (heads.has(word.slice(0, 3)) && !stopWords.has(word)) {
        hit = wanted.has(word) || (prefix && word.indexOf(prefix) === 0) || (stemmers[lang] && wanted.has(stem(word, lang)));
      }
      found.push([m.index, m.index + m[0].length, hit]);
    }
    return found;
  }

  /* [[text, marked], ...] of the part of text where most matched words are; null if none. */
  function snippet(text, lang, matched, prefix) {
    var list = hits(text, lang, matched, prefix);
    var best = -1, bestCount = 0, count = 0;
    for (var i = 0; i < list.length; i++) {
      if (list[i][2]) count++;
      if (i >= SNIPPET_WORDS && list[i - SNIPPET_WORDS][2]) count--;
      if (count > bestCount) { bestCount = count; best = i; }
    }
    if (best < 0) return null;
    var first = Math.max(0, best - SNIPPET_WORDS + 1);
    while (first < best && !list[first][2] && best - first > SNIPPET_WORDS / 2) first++;  // start near the first hit
    first = Math.max(0, first - 4);
    var last = Math.min(list.length - 1, first + SNIPPET_WORDS - 1);
    var parts = [], at = list[first][0];
    if (first > 0) parts.push(["… ", false]);
    for (var j = first; j <= last; j++) {
      if (!list[j][2]) continue;
      if (list[j][0] > at) parts.push([text.slice(at, list[j][0]), false]);
      parts.push([text.slice(list[j][0], list[j][1]), true]);
      at = list[j][1];
    }
    parts.push([text.slice(at, list[last][1]), false]);
    if (last < list.length - 1) parts.push([" …", false]);
    return parts;
  }

  /* The whole of a short text (a title) with its matched words marked. */
  function highlight(text, lang, matched, prefix) {
    var parts = [], at = 0;
    hits(text, lang, matched, prefix).forEach(function (h) {
      if (!h[2]) return;
      if (h[0] > at) parts.push([text.slice(at, h[0]), false]);
      parts.push([text.slice(h[0], h[1]), true]);
      at = h[1];
    });
    parts.push([text.slice(at), false]);
    return parts;
  }

  /* Fill a node with parts, each marked word in a <mark>; text only, never HTML. */
  function render(node, parts) {
    node.replaceChildren();
    parts.forEach(function (part) {
      if (!part[0]) return;
      if (part[1]) {
        var mark = document.createElement("mark");
        mark.textContent = part[0];
        node.appendChild(mark);
      } else {
        node.appendChild(document.createTextNode(part[0]));
      }
    });
    return node;
  }

  function url(card) {
    return base + (card.s !== undefined ? meta.practiceUrl.replace("{slug}", card.s) : card.u);
  }

  window.sgSearch = {
    base: base, add: add, load: load, ready: ready, search: search, cards: cards, facets: facets,
    plan: function (q) { return plan(q); }, words: words, stem: stem, queryStems: queryStems,
    snippet: snippet, highlight: highlight, render: render, url: url,
    meta: function () { return meta; }
  };
})();
