/* The header search on every page: a dialog that searches every practice and page as
 * you type (assets/sg/search.js), practices first, then pages. Enter or "all results"
 * opens the finder with ?q=. The arrow keys move between the input and the results.
 * Nothing of the index is fetched before the dialog opens.
 */
(function () {
  "use strict";

  var dialog = document.querySelector("[data-sg-search]");
  var opener = document.querySelector("[data-sg-search-open]");
  if (!dialog || !opener || !window.sgSearch || typeof dialog.showModal !== "function") return;

  var SHOWN_PRACTICES = 8, SHOWN_PAGES = 3;
  var search = window.sgSearch;
  var labels = JSON.parse(dialog.querySelector(".sg-search__labels").textContent);
  var form = dialog.querySelector("form");
  var input = dialog.querySelector("input[type=search]");
  var status = dialog.querySelector(".sg-search__status");
  var results = dialog.querySelector(".sg-search__results");
  var lists = { practices: dialog.querySelector('[data-sg-list="practices"]'), pages: dialog.querySelector('[data-sg-list="pages"]') };
  var all = dialog.querySelector("[data-sg-search-all]");
  var finder = form.getAttribute("action");
  var asked = 0;  // the newest query's number: an older answer arriving late is dropped

  opener.setAttribute("role", "button");
  opener.setAttribute("aria-haspopup", "dialog");

  function open() {
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    search.ready().then(function (meta) {
      if (!meta.practices && !input.value.trim()) status.textContent = labels.empty;
    }, failed);
  }

  function failed() {
    status.textContent = labels.failed;
  }

  function count(n, what) {
    return n === 1 ? labels[what] : labels[what + "s"].replace("{n}", search.number(n));
  }

  function finderUrl(query) {
    return finder + (query.trim() ? "?q=" + encodeURIComponent(query.trim()) : "");
  }

  function element(tag, className) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    return node;
  }

  function item(card, result, prefix) {
    var li = element("li", "sg-search__item");
    var link = element("a", "sg-search__link");
    link.href = search.url(card);
    var title = element("span", "sg-search__name");
    title.lang = card.l;
    search.render(title, search.highlight(card.t, card.l, result.matched, prefix));
    link.appendChild(title);
    var parts = search.snippet(card.x, card.l, result.matched, prefix) ||
      (card.m ? search.snippet(card.m, card.l, result.matched, prefix) : null);
    var text = element("span", "sg-search__snippet");
    text.lang = card.l;
    search.render(text, parts || [[card.m || card.x.slice(0, 160), false]]);
    link.appendChild(text);
    li.appendChild(link);
    return li;
  }

  function show(query) {
    var number = ++asked;
    all.href = finderUrl(query);
    if (!query.trim()) {
      results.hidden = true;
      status.textContent = "";
      return;
    }
    search.search(query).then(function (found) {
      if (number !== asked) return null;
      var meta = search.meta();
      var hits = found ? found.results : [];
      var practices = hits.filter(function (r) { return r.ref < meta.practices; });
      var pages = hits.filter(function (r) { return r.ref >= meta.practices; });
      var shown = practices.slice(0, SHOWN_PRACTICES).concat(pages.slice(0, SHOWN_PAGES));
      return search.cards(shown.map(function (r) { return r.ref; }), true).then(function (cards) {
        if (number !== asked) return;
        lists.practices.replaceChildren();
        lists.pages.replaceChildren();
        shown.forEach(function (result, i) {
          var into = result.ref < meta.practices ? lists.practices : lists.pages;
          into.appendChild(item(cards[i], result, found.prefix));
        });
        lists.practices.hidden = lists.practices.previousElementSibling.hidden = !practices.length;
        lists.pages.hidden = lists.pages.previousElementSibling.hidden = !pages.length;
        results.hidden = !hits.length;
        var counted = count(practices.length, "practice") + " · " + count(pages.length, "page");
        if (!meta.practices) status.textContent = labels.empty + (pages.length ? " · " + count(pages.length, "page") : "");
        else status.textContent = hits.length ? counted : labels.none;
        window.sgHeaderSearch.shownAt = window.performance.now();
      });
    }).catch(failed);
  }

  // Every keystroke searches at once; an answer that a newer one overtook is dropped.
  input.addEventListener("input", function () { show(input.value); });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.location.href = finderUrl(input.value);
  });

  // Escape closes at once (in a search box it would first only clear the words).
  // Arrow keys: from the input into the results and back.
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      shut();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(results.querySelectorAll(".sg-search__link"));
    if (results.hidden || !links.length) return;
    var at = links.indexOf(document.activeElement);
    if (event.target === input && event.key === "ArrowDown") links[0].focus();
    else if (at >= 0 && event.key === "ArrowDown") (links[at + 1] || all).focus();
    else if (at > 0) links[at - 1].focus();
    else if (at === 0) input.focus();
    else if (document.activeElement === all && event.key === "ArrowUp") links[links.length - 1].focus();
    else return;
    event.preventDefault();
  });

  opener.addEventListener("click", function (event) {
    event.preventDefault();
    open();
  });
  // Focus goes back to the search button at once: the dialog's "close" event comes a
  // task later, and the browser would first put focus where it was before (the page).
  function shut() {
    dialog.close();
    opener.focus();
  }
  dialog.querySelector("[data-sg-search-close]").addEventListener("click", shut);
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) shut();  // a click on the backdrop
  });
  dialog.addEventListener("close", function () { opener.focus(); });

  // "/" opens the search from anywhere but a text field (Material's own shortcut key).
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName));
    if (typing || event.ctrlKey || event.metaKey || event.altKey || dialog.open) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      event.stopPropagation();
      open();
    }
  }, true);

  window.sgHeaderSearch = { open: open, shownAt: null };
})();
