/* The site's search: a lunr index cut in shards, fetched as far as a query needs.
 *
 * The twin of site_gen/search/twin.py, step for step: the same words (lowercase, no
 * accents), stop words, stems (Dutch, English and French), shards, matching rule and
 * ranking. Every data file is a script that calls sgSearch.add(key, data), so the same
 * files load over HTTP and from file://. Nothing is fetched until something searches:
 * the header search on opening, the finder on its own page.
 *
 * One set of files serves every UI language (data-search: where they are, from the root
 * of the default language's build); a search finds the hand-written pages of this
 * page's language only (data-lang).
 *
 * window.sgSearch: add, load, ready, search, cards, facets, snippet, highlight, number.
 */
(function () {
  "use strict";

  var here = document.currentScript;
  var base = new URL((here && here.getAttribute("data-base")) || ".", window.location.href).href.replace(/\/?$/, "/");
  var searchBase = new URL((here && here.getAttribute("data-search")) || base, window.location.href).href.replace(/\/?$/, "/");
  var uiLang = (here && here.getAttribute("data-lang")) || document.documentElement.lang;
  var LANGUAGES = ["nl", "en", "fr"];
  var PREFIX_BOOST = 0.5;
  var LUNR = ["lunr.js", "lunr.stemmer.support.js", "lunr.nl.js", "lunr.fr.js"];

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
      script(searchBase + "search/" + key + ".js").then(function () {
        if (!(key in store)) entry.reject(new Error("search/" + key + ".js registered nothing"));
      }, function (error) { delete waiting[key]; entry.reject(error); });
    }
    return waiting[key].promise;
  }

  var readyPromise = null, metaPromise = null;
  /* The meta file alone: what filtering needs (the finder without a query). */
  function metaReady() {
    if (!metaPromise) {
      metaPromise = load("meta").then(function (data) {
        meta = data;
        stopWords = new Set(meta.stopWords);
        return meta;
      });
      metaPromise.catch(function () { metaPromise = null; });
    }
    return metaPromise;
  }

  /* lunr.js, its stemmers and the meta file: what searching needs; resolves with the meta. */
  function ready() {
    if (!readyPromise) {
      var lunrReady = window.lunr && window.lunr.nl && window.lunr.fr ? Promise.resolve()
        : Promise.all(LUNR.map(function (name) { return script(base + "assets/sg/lunr/" + name); }));
      readyPromise = Promise.all([lunrReady, metaReady()]).then(function () {
        stemmers = { nl: lunr.nl.stemmer, en: lunr.stemmer, fr: lunr.fr.stemmer };
        return meta;
      });
      readyPromise.catch(function () { readyPromise = null; });
    }
    return readyPromise;
  }

  // --- analysis: the twin of site_gen/search/analysis.py ---------------------------------

  var meta, stopWords, stemmers, stemCache = new Map();

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

  function bisectLeft(list, value) {
    var low = 0, high = list.length;
    while (low < high) {
      var mid = (low + high) >> 1;
      if (list[mid] < value) low = mid + 1; else high = mid;
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

  // --- one lunr index of what a query touches (the twin of ShardedSearch.index) -------
  //
  // The twin makes one lunr index of the shards a query needs. Here that index is cut
  // down first to the documents that have every query word, the only ones kept anyway:
  // the same query vector (the same terms), the same document vectors, so the same
  // scores; lunr then scores a handful of documents instead of every posting of a
  // common word. The twin test compares the two on every result.

  var parsed = {};  // shard number -> {terms (sorted), byTerm: term -> {index, refs per field}, vectors}

  function parse(number) {
    if (parsed[number]) return parsed[number];
    var terms = [], byTerm = new Map(), vectors = new Map();
    store["t/" + number].forEach(function (entry) {
      var refs = meta.fields.map(function (field, f) {
        var flat = entry[2 + f], list = [], ref = 0;
        for (var i = 0; i < flat.length; i += 2) {
          ref += flat[i];
          list.push(ref);
          var key = field + "/" + ref;
          var elements = vectors.get(key);
          if (!elements) vectors.set(key, elements = []);
          elements.push(entry[1], flat[i + 1] / meta.scale);
        }
        return list;
      });
      terms.push(entry[0]);
      byTerm.set(entry[0], { index: entry[1], refs: refs });
    });
    return (parsed[number] = { terms: terms, byTerm: byTerm, vectors: vectors });
  }

  /* A document field's vector over these shards, made when lunr asks for it. */
  function lazyVectors(shards) {
    var made = {};
    return new Proxy(made, {
      get: function (target, ref) {
        if (typeof ref !== "string") return target[ref];
        if (!(ref in made)) {
          var elements = [];
          shards.forEach(function (shard) {
            var part = shard.vectors.get(ref);
            if (part) elements.push.apply(elements, part);
          });
          made[ref] = new lunr.Vector(elements);
        }
        return made[ref];
      }
    });
  }

  /* Per query word, the index terms it reaches in these shards: its stems, and for the
     word being typed every term it starts (as lunr's wildcard would expand it). */
  function reach(planned, shards, touched) {
    return planned.terms.map(function (word) {
      var found = new Map();
      queryStems(word).forEach(function (s) {
        shards.forEach(function (shard) { if (shard.byTerm.has(s)) found.set(s, shard.byTerm.get(s)); });
      });
      if (word === planned.prefix) {
        planned.expanded = expand(word, shards);
        planned.expanded.forEach(function (t) {
          shards.forEach(function (shard) { if (shard.byTerm.has(t)) found.set(t, shard.byTerm.get(t)); });
        });
      }
      found.forEach(function (entry, term) { touched.set(term, entry); });
      return found;
    });
  }

  /* The terms a word being typed stands for: of those it starts, the meta.prefixTerms
     most documents have, in sorted order (the twin's ShardedSearch.expand). */
  function expand(word, shards) {
    var started = [];
    shards.forEach(function (shard) {  // the terms it starts stand together, from the first >= word
      for (var i = bisectLeft(shard.terms, word); i < shard.terms.length && shard.terms[i].indexOf(word) === 0; i++) {
        var entry = shard.byTerm.get(shard.terms[i]);
        started.push([shard.terms[i], entry.refs.reduce(function (n, list) { return n + list.length; }, 0)]);
      }
    });
    started.sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0); });
    return started.slice(0, meta.prefixTerms).map(function (t) { return t[0]; }).sort();
  }

  function candidates(reached) {
    var kept = null;
    reached.forEach(function (found) {
      var docs = new Set();
      found.forEach(function (entry) {
        entry.refs.forEach(function (list) {
          for (var i = 0; i < list.length; i++) if (!kept || kept.has(list[i])) docs.add(list[i]);
        });
      });
      kept = docs;
    });
    return kept || new Set();
  }

  function indexOf(planned) {
    var shards = planned.shards.map(parse), touched = new Map();
    var kept = candidates(reach(planned, shards, touched));
    var inverted = {};
    touched.forEach(function (entry, term) {
      var posting = { _index: entry.index };
      meta.fields.forEach(function (field, f) {
        var docs = {}, list = entry.refs[f];
        for (var i = 0; i < list.length; i++) if (kept.has(list[i])) docs[list[i]] = {};
        posting[field] = docs;
      });
      inverted[term] = posting;
    });
    return new lunr.Index({
      invertedIndex: inverted,
      fieldVectors: lazyVectors(shards),
      tokenSet: lunr.TokenSet.fromArray(Array.from(touched.keys()).sort()),
      fields: meta.fields,
      pipeline: new lunr.Pipeline()
    });
  }

  function wordMatched(word, matched, asPrefix) {
    var stems = queryStems(word);
    return matched.some(function (t) { return stems.indexOf(t) >= 0 || (asPrefix && t.indexOf(word) === 0); });
  }

  /* Resolves with {terms, prefix, results: [{ref, score, matched, exact}]} best first, or null. */
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
    var index = indexOf(planned);
    var found = index.query(function (q) {
      planned.terms.forEach(function (word) {
        queryStems(word).forEach(function (s) { q.term(s, { usePipeline: false }); });
      });
      (planned.expanded || []).forEach(function (t) { q.term(t, { usePipeline: false, boost: PREFIX_BOOST }); });
    });
    var results = [];
    found.forEach(function (result) {
      var matched = Object.keys(result.matchData.metadata);
      var all = planned.terms.every(function (word) { return wordMatched(word, matched, word === planned.prefix); });
      // Practices with every word as written come before those found by a prefix.
      var exact = all && planned.terms.every(function (word) { return wordMatched(word, matched, false); });
      var ref = Number(result.ref);
      var ours = ref < meta.practices || meta.pageLanguages[ref - meta.practices] === uiLang;  // a page of this UI language
      if (all && ours) results.push({ ref: ref, score: result.score, matched: matched, exact: exact });
    });
    results.sort(function (a, b) { return (b.exact - a.exact) || b.score - a.score || a.ref - b.ref; });
    return results;
  }

  /* The cards of refs; withText: each with its text (x), which a snippet needs. */
  function cards(refs, withText) {
    return Promise.all(refs.map(function (ref) {
      if (!withText) return load("d/" + ref);
      return Promise.all([load("d/" + ref), load("x/" + ref)]).then(function (both) {
        both[0].x = both[1];
        return both[0];
      });
    }));
  }

  /* The finder's table of every practice's facet values; meta.facets: the facets with
   * their values' labels in this page's language. Filtering needs no lunr.js. */
  function facets() {
    return Promise.all([metaReady(), load("labels-" + uiLang)]).then(function (loaded) {
      meta.facets = loaded[1];
      return load("facets");
    });
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

  /* A count as this page's language writes it (10.000, 10,000, 10 000): as the build
   * writes it with Babel, from the same CLDR data. */
  function number(n) {
    return Number(n).toLocaleString(uiLang);
  }

  function url(card) {
    return card.s !== undefined ? base + meta.practiceUrl.replace("{slug}", card.s) : searchBase + card.u;
  }

  window.sgSearch = {
    base: base, add: add, load: load, ready: ready, search: search, cards: cards, facets: facets,
    plan: plan, words: words, stem: stem, queryStems: queryStems,
    snippet: snippet, highlight: highlight, render: render, url: url, number: number,
    meta: function () { return meta; }
  };
})();
