/* The practice finder: full-text search (assets/sg/search.js) combined with filters.
 *
 * The whole state lives in the query string: ?q=&topic=&country=&year=&beleidsdomein=
 * &language= (a parameter may repeat; values of one facet combine with OR, facets with
 * AND) and a year range, year-from= and year-to=. The finder fetches the search's meta
 * and facet table when it opens, the shards a query needs, and the cards it shows.
 * Until the visitor asks for something, the page's own listing (newest first) stays.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-sg-finder]");
  var search = window.sgSearch;
  if (!root || !search) return;

  var PAGE_SIZE = 20;
  var labels = JSON.parse(root.querySelector(".sg-finder__labels").textContent);
  var form = root.querySelector(".sg-finder__search");
  var filters = root.querySelector(".sg-finder__filters");
  var input = form.querySelector("input[type=search]");
  var status = root.querySelector(".sg-finder__status");
  var results = root.querySelector("[data-sg-results]");
  var active = root.querySelector(".sg-active");
  var exporter = root.querySelector(".sg-finder__export");

  var meta, table, facets, yearFacet, countryFacet;
  var state, shown = [], lastSearch = null, typing = false, asked = 0;

  // --- state: the query string ------------------------------------------------------------

  function emptyState() {
    return { q: "", sel: facets.map(function () { return new Set(); }), from: "", to: "" };
  }

  function rangeParam(end) {
    return yearFacet >= 0 ? facets[yearFacet].param + "-" + end : null;
  }

  function readUrl(query) {
    var params = new URLSearchParams(query);
    var read = emptyState();
    read.q = params.get("q") || "";
    facets.forEach(function (facet, i) {
      params.getAll(facet.param).forEach(function (raw) {
        var wanted = raw.trim().toLowerCase();  // country codes: BE and be alike
        facet.values.forEach(function (value, v) { if (value[0] === wanted) read.sel[i].add(v); });
      });
    });
    if (yearFacet >= 0) {
      read.from = /^\d{4}$/.test(params.get(rangeParam("from")) || "") ? params.get(rangeParam("from")) : "";
      read.to = /^\d{4}$/.test(params.get(rangeParam("to")) || "") ? params.get(rangeParam("to")) : "";
    }
    return read;
  }

  function isEmpty(s) {
    return !s.q.trim() && !s.from && !s.to && s.sel.every(function (set) { return !set.size; });
  }

  function writeUrl(push) {
    var params = new URLSearchParams();
    if (state.q.trim()) params.set("q", state.q.trim());
    facets.forEach(function (facet, i) {
      Array.from(state.sel[i]).sort(function (a, b) { return a - b; }).forEach(function (v) {
        params.append(facet.param, facet.values[v][0]);
      });
    });
    if (state.from) params.set(rangeParam("from"), state.from);
    if (state.to) params.set(rangeParam("to"), state.to);
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "");
    if (url === window.location.pathname + window.location.search) return;
    try {
      window.history[push ? "pushState" : "replaceState"](null, "", url);
    } catch (e) { /* some browsers refuse history changes on file://: the view still updates */ }
  }

  // --- results and counts -----------------------------------------------------------------

  function inRange(d) {
    if (yearFacet < 0 || (!state.from && !state.to)) return true;
    return table[d][yearFacet].some(function (v) {
      var year = facets[yearFacet].values[v][0];
      return (!state.from || year >= state.from) && (!state.to || year <= state.to);
    });
  }

  function passes(d, skip) {
    if (!inRange(d)) return false;
    for (var i = 0; i < facets.length; i++) {
      if (i === skip || !state.sel[i].size) continue;
      var values = table[d][i], hit = false;
      for (var k = 0; k < values.length; k++) if (state.sel[i].has(values[k])) { hit = true; break; }
      if (!hit) return false;
    }
    return true;
  }

  function compute(found) {
    var ranked = found ? found.results.filter(function (r) { return r.ref < meta.practices; }) : null;
    var base = ranked ? ranked.map(function (r) { return r.ref; }) : table.map(function (_, d) { return d; });
    var byRef = new Map();
    if (ranked) ranked.forEach(function (r) { byRef.set(r.ref, r); });
    var counts = facets.map(function (facet, i) {
      var count = facet.values.map(function () { return 0; });
      base.forEach(function (d) {
        if (passes(d, i)) table[d][i].forEach(function (v) { count[v] += 1; });
      });
      return count;
    });
    return { shown: base.filter(function (d) { return passes(d, -1); }), counts: counts, byRef: byRef };
  }

  // --- the page ---------------------------------------------------------------------------

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  var boxes;  // per facet, per value number: its checkbox

  function findBoxes() {
    boxes = facets.map(function (facet) {
      var byValue = {};
      root.querySelectorAll('input[name="' + facet.param + '"]').forEach(function (box) { byValue[box.value] = box; });
      return facet.values.map(function (value) { return byValue[value[0]]; });
    });
  }

  function card(d, found) {
    var doc = found.cards[d], result = found.byRef.get(d), prefix = found.prefix;
    var item = element("li", "sg-card");
    var title = element("h2", "sg-card__title");
    title.lang = doc.l;
    var link = element("a");
    link.href = search.url(doc);
    if (result) search.render(link, search.highlight(doc.t, doc.l, result.matched, prefix)); else link.textContent = doc.t;
    title.appendChild(link);
    item.appendChild(title);
    var summary = element("p", "sg-card__summary", doc.m);
    summary.lang = doc.l;
    item.appendChild(summary);
    if (result) {
      var parts = search.snippet(doc.x, doc.l, result.matched, prefix);
      if (parts) {
        var snippet = element("p", "sg-card__snippet");
        snippet.lang = doc.l;
        item.appendChild(search.render(snippet, parts));
      } else {
        search.render(summary, search.highlight(doc.m, doc.l, result.matched, prefix));
      }
    }
    var line = element("p", "sg-card__meta");
    if (yearFacet >= 0) doc.f[yearFacet].forEach(function (v) { line.appendChild(element("span", "sg-card__year", facets[yearFacet].values[v][1])); });
    if (countryFacet >= 0) doc.f[countryFacet].forEach(function (v) { line.appendChild(element("span", "sg-card__country", facets[countryFacet].values[v][1])); });
    item.appendChild(line);
    return item;
  }

  var view = null;  // what is on screen: {shown, byRef, prefix, cards, snippets: a query's}

  function drawCards(from) {
    var refs = view.shown.slice(from, from + PAGE_SIZE);
    var current = view;
    return search.cards(refs, view.snippets).then(function (loaded) {
      if (current !== view) return;
      refs.forEach(function (d, i) { view.cards[d] = loaded[i]; });
      var list = results.querySelector(".sg-cards");
      refs.forEach(function (d) { list.appendChild(card(d, view)); });
      results.querySelector(".sg-finder__more").hidden = from + refs.length >= view.shown.length;
    });
  }

  function statusText(n) {
    if (!meta.practices) return labels.empty;
    if (n === 0) return labels.found_none;
    var text = n === 1 ? labels.found_one : labels.found_many.replace("{n}", search.number(n));
    return state.q.trim() ? text + " " + labels.for_query.replace("{q}", state.q.trim()) : text;
  }

  function chip(text, remove) {
    var li = element("li");
    var button = element("button", "sg-active__chip md-button");
    button.type = "button";
    button.appendChild(element("span", "", text));
    var x = element("span", "sg-active__x", "×");
    x.setAttribute("aria-hidden", "true");
    button.appendChild(x);
    button.setAttribute("aria-label", labels.remove.replace("{name}", text));
    button.addEventListener("click", function () {
      var next = li.nextElementSibling || li.previousElementSibling;
      remove();
      commit(true).then(function () {
        var buttons = active.querySelectorAll("button");
        if (next && buttons.length) (buttons[Array.prototype.indexOf.call(active.querySelectorAll("li"), next)] || buttons[0]).focus();
        else input.focus();
      });
    });
    li.appendChild(button);
    return li;
  }

  function drawActive() {
    var list = active.querySelector("ul");
    list.replaceChildren();
    if (state.q.trim()) list.appendChild(chip(labels.query.replace("{q}", state.q.trim()), function () { state.q = ""; input.value = ""; }));
    facets.forEach(function (facet, i) {
      Array.from(state.sel[i]).sort(function (a, b) { return a - b; }).forEach(function (v) {
        list.appendChild(chip(facet.title + ": " + facet.values[v][1], function () { state.sel[i].delete(v); }));
      });
    });
    if (state.from || state.to) {
      list.appendChild(chip(labels.range + ": " + (state.from || "…") + "–" + (state.to || "…"), function () { state.from = state.to = ""; }));
    }
    active.hidden = !list.children.length;
  }

  function drawFilters(counts) {
    facets.forEach(function (facet, i) {
      boxes[i].forEach(function (box, v) {
        if (!box) return;
        box.checked = state.sel[i].has(v);
        box.parentNode.querySelector("[data-count]").textContent = search.number(counts[i][v]);
        box.closest("li").classList.toggle("sg-facet__value--none", counts[i][v] === 0 && !box.checked);
      });
    });
    root.querySelectorAll("[data-range] select").forEach(function (select) {
      select.value = /-from$/.test(select.name) ? state.from : state.to;
    });
  }

  /* Search (if there is a query), then draw filters, status, chips and the first cards. */
  function render() {
    var number = ++asked;
    results.setAttribute("aria-busy", "true");
    var q = state.q;
    var searched = q.trim() ? (lastSearch && lastSearch.q === q ? Promise.resolve(lastSearch.found) : search.search(q)) : Promise.resolve(null);
    return searched.then(function (found) {
      if (number !== asked) return null;
      if (q.trim()) lastSearch = { q: q, found: found };
      var computed = compute(found);
      view = { shown: computed.shown, byRef: computed.byRef, prefix: found ? found.prefix : null, cards: {}, snippets: !!found };
      shown = computed.shown;
      drawFilters(computed.counts);
      drawActive();
      status.textContent = statusText(shown.length);
      results.querySelector(".sg-cards").replaceChildren();
      return drawCards(0);
    }).then(function () {
      if (number !== asked) return;
      results.setAttribute("aria-busy", "false");
      window.sgFinder.renderedAt = window.performance.now();
    }, function () {
      results.setAttribute("aria-busy", "false");
      status.textContent = labels.failed;
    });
  }

  var live = false;  // the page's own listing is replaced at the first change

  function goLive() {
    if (live) return;
    live = true;
    results.replaceChildren(element("ul", "sg-cards"));
    var more = element("button", "md-button sg-finder__more", labels.show_more);
    more.type = "button";
    more.hidden = true;
    results.appendChild(more);
    more.addEventListener("click", function () {
      var from = results.querySelectorAll(".sg-cards > li").length;
      drawCards(from).then(function () {
        var next = results.querySelectorAll(".sg-cards > li")[from];
        if (next) next.querySelector("a").focus();
      });
    });
  }

  function commit(push) {
    writeUrl(push);
    goLive();
    return render();
  }

  // --- exports: the current result as a file -----------------------------------------------

  // The columns and values are those of /practices.csv and /practices.json (each facet
  // names its field, its place among their columns, and each value's id as they write it),
  // so that a result reads like a part of the whole database (without the body text).
  function exportColumns() {
    var byColumn = facets.slice().sort(function (a, b) { return a.column - b.column; });
    return ["slug", "url", "title", "summary"].concat(byColumn.map(function (f) { return f.field; }));
  }

  function exportRows() {
    return search.cards(shown).then(function (loaded) {
      return loaded.map(function (doc, i) {
        var row = { slug: doc.s, url: new URL(search.url(doc), window.location.href).href, title: doc.t, summary: doc.m };
        facets.forEach(function (facet, f) {
          var ids = table[shown[i]][f].map(function (v) { return facet.values[v][2]; });
          row[facet.field] = facet.list ? ids : ids.length ? ids[0] : null;
        });
        return exportColumns().reduce(function (ordered, column) { ordered[column] = row[column]; return ordered; }, {});
      });
    });
  }

  function csvCell(value) {
    var text = Array.isArray(value) ? value.join("; ") : value == null ? "" : String(value);
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

  function exportResult(kind) {
    return exportRows().then(function (rows) {
      if (kind === "json") {
        download("practices.json", "application/json", JSON.stringify({ query: window.location.search, count: rows.length, practices: rows }, null, 1));
        return;
      }
      var columns = exportColumns();
      var lines = [columns.join(",")].concat(rows.map(function (row) { return columns.map(function (c) { return csvCell(row[c]); }).join(","); }));
      download("practices.csv", "text/csv;charset=utf-8", "\ufeff" + lines.join("\r\n") + "\r\n");
    });
  }

  // --- wiring --------------------------------------------------------------------------------

  function start(loaded) {
    meta = loaded[0];
    table = loaded[1];
    facets = meta.facets;
    yearFacet = facets.findIndex(function (f) { return f.key === "years"; });
    countryFacet = facets.findIndex(function (f) { return f.key === "countries"; });
    findBoxes();
    state = readUrl(window.location.search);
    shown = table.map(function (_, d) { return d; });

    // Every keystroke searches at once; an answer that a newer one overtook is dropped.
    input.addEventListener("input", function () {
      state.q = input.value;
      commit(!typing);  // the first keystroke makes a history entry, the rest update it
      typing = true;
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      state.q = input.value;
      typing = false;
      commit(true);
    });
    filters.addEventListener("change", function (event) {
      var target = event.target;
      typing = false;
      if (target.tagName === "SELECT") {
        if (/-from$/.test(target.name)) state.from = target.value; else state.to = target.value;
        commit(true);
        return;
      }
      if (target.type !== "checkbox") return;
      var i = facets.findIndex(function (f) { return f.param === target.name; });
      var v = boxes[i].indexOf(target);
      if (target.checked) state.sel[i].add(v); else state.sel[i].delete(v);
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
      goLive();
      render();
    });
    exporter.addEventListener("click", function (event) {
      var kind = event.target.closest("[data-export]");
      if (kind) exportResult(kind.getAttribute("data-export"));
    });

    input.value = state.q;
    exporter.hidden = !meta.practices;
    var drawn;
    if (!isEmpty(state)) {
      goLive();
      drawn = render();
    } else {
      results.setAttribute("aria-busy", "false");
      window.sgFinder.renderedAt = window.performance.now();
      drawn = Promise.resolve();
    }
    drawn.then(function () {  // the list the address asks for is in place (a search may take a while)
      document.documentElement.classList.remove("sg-finder-pending");
      warmUp();
    });
  }

  // The search box and the filters were shown (closed on a phone: results first) by the
  // page's own script as it was parsed (finder.html).
  window.sgFinder = { renderedAt: null, exportRows: function () { return exportRows(); } };
  // lunr.js is for a query: at once when the address has one, else once the list is drawn
  // (the filters need only the facet table; the first keystroke should not wait for it).
  var warmUp = function () { search.ready().catch(function () {}); };
  if ((new URLSearchParams(window.location.search).get("q") || "").trim()) warmUp();
  Promise.all([search.facets().then(function () { return search.meta(); }), search.load("facets")]).then(start, function () {
    document.documentElement.classList.remove("sg-finder-pending");  // the static list, then
    status.textContent = labels.failed;
  });
})();
