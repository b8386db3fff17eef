/* The practice finder: full-text search in a prebuilt lunr index, combined with filters.
 *
 * Search mirrors site_gen/search.py word for word: the same words (lowercase, no
 * accents), stop words, stems (Dutch, English and French) and matching rule, so the
 * browser finds what the index was built for. The whole state lives in the query
 * string: ?q=&topic=&country=&year=&beleidsdomein=&language= (a parameter may repeat;
 * values of one facet combine with OR, facets with AND).
 */
(function () {
  "use strict";

  var data = window.sgFinderData;
  var root = document.querySelector("[data-sg-finder]");
  if (!data || !root || !window.lunr || !window.lunr.nl || !window.lunr.fr) return;

  // Material for MkDocs opens its own search box when the URL has ?q= as the page loads;
  // here q belongs to the finder. Hide it from Material until the page has loaded.
  var initialSearch = window.location.search;
  if (new URLSearchParams(initialSearch).has("q")) {
    try {
      window.history.replaceState(window.history.state, "", window.location.pathname + window.location.hash);
      window.addEventListener("load", function () {
        if (initialSearch && !window.location.search) {
          window.history.replaceState(window.history.state, "", window.location.pathname + initialSearch + window.location.hash);
        }
      });
    } catch (e) { /* file:// may refuse: Material then opens its search too, nothing breaks */ }
  }

  var LANGUAGES = ["nl", "en", "fr"];
  var PREFIX_BOOST = 0.5;
  var PAGE_SIZE = 50;

  // --- search: the twin of site_gen/search.py -------------------------------------

  var index = lunr.Index.load(data.index);
  var stopWords = new Set(data.stopWords);
  var stemmers = { nl: lunr.nl.stemmer, en: lunr.stemmer, fr: lunr.fr.stemmer };
  var stemCache = new Map();

  function plain(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function words(text) {
    return plain(text).match(/[\p{L}\p{N}]+/gu) || [];
  }

  function stem(word, lang) {
    var key = lang + ":" + word;
    if (!stemCache.has(key)) stemCache.set(key, stemmers[lang](new lunr.Token(word)).toString());
    return stemCache.get(key);
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

  /* [[document position, score], ...] best first, or null for an empty query. */
  function search(query) {
    var terms = queryWords(query);
    if (!terms.length) return null;
    var prefix = /[ \t]$/.test(query) ? null : terms[terms.length - 1];
    var results = index.query(function (q) {
      terms.forEach(function (word) {
        queryStems(word).forEach(function (s) { q.term(s, { usePipeline: false }); });
      });
      if (prefix) {
        q.term(prefix, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: PREFIX_BOOST });
      }
    });
    return results.filter(function (result) {
      var matched = Object.keys(result.matchData.metadata);
      return terms.every(function (word) {
        var stems = queryStems(word);
        return matched.some(function (t) {
          return stems.indexOf(t) >= 0 || (word === prefix && t.indexOf(word) === 0);
        });
      });
    }).map(function (result) { return [Number(result.ref), result.score]; });
  }

  // --- state: the query string ----------------------------------------------------------

  var facets = data.facets;

  function emptyState() {
    return { q: "", sel: facets.map(function () { return new Set(); }) };
  }

  function readUrl(search) {
    var params = new URLSearchParams(search);
    var state = emptyState();
    state.q = params.get("q") || "";
    facets.forEach(function (facet, i) {
      params.getAll(facet.param).forEach(function (raw) {
        var wanted = raw.trim().toLowerCase();  // country codes: BE and be alike
        facet.values.forEach(function (value, v) { if (value[0] === wanted) state.sel[i].add(v); });
      });
    });
    return state;
  }

  function writeUrl(state, push) {
    var params = new URLSearchParams();
    if (state.q.trim()) params.set("q", state.q.trim());
    facets.forEach(function (facet, i) {
      Array.from(state.sel[i]).sort(function (a, b) { return a - b; }).forEach(function (v) {
        params.append(facet.param, facet.values[v][0]);
      });
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "");
    if (url === window.location.pathname + window.location.search) return;
    initialSearch = null;  // the visitor moved on: nothing to restore after load
    try {
      window.history[push ? "pushState" : "replaceState"](null, "", url);
    } catch (e) {
      /* Some browsers refuse history changes on file://: the view still updates. */
    }
  }

  // --- results and counts ---------------------------------------------------------------

  function compute(state) {
    var ranked = search(state.q);
    var base = ranked ? ranked.map(function (r) { return r[0]; }) : data.docs.map(function (_, i) { return i; });
    function passes(d, skip) {
      var values = data.docs[d][4];
      for (var i = 0; i < facets.length; i++) {
        if (i === skip || !state.sel[i].size) continue;
        if (!values[i].some(function (v) { return state.sel[i].has(v); })) return false;
      }
      return true;
    }
    var shown = base.filter(function (d) { return passes(d, -1); });
    var counts = facets.map(function (facet, i) {
      var count = facet.values.map(function () { return 0; });
      base.forEach(function (d) {
        if (passes(d, i)) data.docs[d][4][i].forEach(function (v) { count[v] += 1; });
      });
      return count;
    });
    return { shown: shown, counts: counts };
  }

  // --- the page -------------------------------------------------------------------------

  var form = root.querySelector(".sg-finder__search");
  var filters = root.querySelector(".sg-finder__filters");
  var input = form.querySelector("input[type=search]");
  var status = root.querySelector(".sg-finder__status");
  var results = root.querySelector("[data-sg-results]");
  var base = (root.getAttribute("data-base") || ".").replace(/\/$/, "") + "/";
  var labels = data.labels;
  var boxes = facets.map(function (facet) {
    var byValue = {};
    root.querySelectorAll('input[name="' + facet.param + '"]').forEach(function (box) { byValue[box.value] = box; });
    return facet.values.map(function (value) { return byValue[value[0]]; });
  });
  var yearFacet = facets.findIndex(function (f) { return f.key === "years"; });
  var countryFacet = facets.findIndex(function (f) { return f.key === "countries"; });
  var state = readUrl(initialSearch);
  var shown = [];
  var typing = false;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function card(d) {
    var doc = data.docs[d];
    var item = element("li", "sg-card");
    var title = element("h2", "sg-card__title");
    title.lang = doc[3];
    var link = element("a", "", doc[1]);
    link.href = base + data.practiceUrl.replace("{slug}", doc[0]);
    title.appendChild(link);
    var summary = element("p", "sg-card__summary", doc[2]);
    summary.lang = doc[3];
    var meta = element("p", "sg-card__meta");
    if (yearFacet >= 0) doc[4][yearFacet].forEach(function (v) { meta.appendChild(element("span", "sg-card__year", facets[yearFacet].values[v][1])); });
    if (countryFacet >= 0) doc[4][countryFacet].forEach(function (v) { meta.appendChild(element("span", "sg-card__country", facets[countryFacet].values[v][1])); });
    item.appendChild(title);
    item.appendChild(summary);
    item.appendChild(meta);
    return item;
  }

  function drawCards(from) {
    var list = results.querySelector(".sg-cards");
    var end = Math.min(shown.length, from + PAGE_SIZE);
    for (var i = from; i < end; i++) list.appendChild(card(shown[i]));
    var more = results.querySelector(".sg-finder__more");
    more.hidden = end >= shown.length;
    return end;
  }

  function statusText(state, n) {
    if (n === 0) return labels.found_none;
    var text = n === 1 ? labels.found_one : labels.found_many.replace("{n}", n);
    return state.q.trim() ? text + " " + labels.for_query.replace("{q}", state.q.trim()) : text;
  }

  function render() {
    var computed = compute(state);
    shown = computed.shown;
    facets.forEach(function (facet, i) {
      boxes[i].forEach(function (box, v) {
        if (!box) return;
        box.checked = state.sel[i].has(v);
        box.parentNode.querySelector("[data-count]").textContent = computed.counts[i][v];
        box.closest("li").classList.toggle("sg-facet__value--none", computed.counts[i][v] === 0 && !box.checked);
      });
    });
    status.textContent = statusText(state, shown.length);
    results.querySelector(".sg-cards").replaceChildren();
    drawCards(0);
  }

  function commit(push) {
    writeUrl(state, push);
    render();
  }

  // Replace the page's static listing by the live one.
  results.replaceChildren(element("ul", "sg-cards"));
  var more = element("button", "md-button sg-finder__more", labels.show_more);
  more.type = "button";
  results.appendChild(more);
  more.addEventListener("click", function () {
    var from = results.querySelectorAll(".sg-cards > li").length;
    drawCards(from);
    var next = results.querySelectorAll(".sg-cards > li")[from];
    if (next) next.querySelector("a").focus();
  });

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      state.q = input.value;
      commit(!typing);  // the first keystroke makes a history entry, the rest update it
      typing = true;
    }, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    state.q = input.value;
    typing = false;
    commit(true);
  });
  filters.addEventListener("change", function (event) {
    var box = event.target;
    if (box.type !== "checkbox") return;
    var i = facets.findIndex(function (f) { return f.param === box.name; });
    var v = boxes[i].indexOf(box);
    if (box.checked) state.sel[i].add(v); else state.sel[i].delete(v);
    typing = false;
    commit(true);
  });
  form.addEventListener("reset", function (event) {
    event.preventDefault();
    state = emptyState();
    input.value = "";
    typing = false;
    commit(true);
    input.focus();
  });
  window.addEventListener("popstate", function () {
    state = readUrl(window.location.search);
    input.value = state.q;
    typing = false;
    render();
  });

  // The current result, as a file: the same fields for every practice.
  function exportRows() {
    return shown.map(function (d) {
      var doc = data.docs[d];
      var row = { slug: doc[0], url: new URL(base + data.practiceUrl.replace("{slug}", doc[0]), window.location.href).href, title: doc[1], summary: doc[2] };
      facets.forEach(function (facet, i) {
        row[facet.param] = doc[4][i].map(function (v) { return facet.values[v][0]; });
      });
      return row;
    });
  }

  function csvCell(value) {
    var text = Array.isArray(value) ? value.join("; ") : String(value);
    return /[",\r\n;]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function download(name, type, text) {
    var link = element("a");
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  root.querySelector(".sg-finder__export").addEventListener("click", function (event) {
    var kind = event.target.getAttribute("data-export");
    if (!kind) return;
    var rows = exportRows();
    if (kind === "json") {
      download("practices.json", "application/json", JSON.stringify({ query: window.location.search, count: rows.length, practices: rows }, null, 1));
    } else {
      var columns = ["slug", "url", "title", "summary"].concat(facets.map(function (f) { return f.param; }));
      var lines = [columns.join(",")].concat(rows.map(function (row) { return columns.map(function (c) { return csvCell(row[c]); }).join(","); }));
      download("practices.csv", "text/csv;charset=utf-8", "\ufeff" + lines.join("\r\n") + "\r\n");
    }
  });

  input.value = state.q;
  form.hidden = false;
  root.querySelector(".sg-finder__export").hidden = false;
  filters.hidden = false;
  if (window.matchMedia("(max-width: 59.9375em)").matches) filters.open = false;  // phones: results first
  render();

  // renderedAt: when the first results showed (ms after navigation), for the benchmark.
  window.sgFinder = { search: search, words: words, stem: stem, queryStems: queryStems, exportRows: exportRows, renderedAt: window.performance.now() };
})();
