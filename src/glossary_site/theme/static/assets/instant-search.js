// Instant results under the header search box on every page but the search page, as a WAI-ARIA
// combobox: the best matches appear in a listbox as the reader types, and Ctrl+K or ⌘K focuses the
// box (on the search page, which has no header box, that page's own field). Without JavaScript the
// form still submits to the search page. Pagefind loads on first focus only.
(function () {
  "use strict";
  // Exact title or alias matches go first (see search.js): the fragments of the results shown
  // are fetched, and a page the query names that Pagefind ranks lower is added by
  // glossarySearch.named.
  var SHOWN = 8;
  var WHOLE = 20;  // the search page's first page: glossarySearch.parted
  var CURSOR_KEYS = ["Home", "End", "ArrowLeft", "ArrowRight"];
  // On the search page the shortcut goes to the page's own field, the one whose results fill
  // the page. It needs Ctrl or ⌘ (either, on any system, as on Docusaurus sites): a shortcut of
  // one printable key, as "/" was, fires when speech input or a slip types that key, and
  // WCAG 2.1.4 asks for a way to turn such a shortcut off. With a modifier it is safe inside a
  // text field too.
  function listenForShortcut(field) {
    if (!field) { return; }
    if (input && field !== input) { input.removeAttribute("aria-keyshortcuts"); }
    field.setAttribute("aria-keyshortcuts", "Control+K Meta+K");
    document.addEventListener("keydown", function (event) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.defaultPrevented ||
          !isK(event)) { return; }
      event.preventDefault();
      field.focus();
      field.select();
    });
  }

  // The key is read as typed, so K is where the reader's layout has it (Dvorak too); on a
  // layout without Latin letters (Cyrillic, Greek, Hebrew...) Ctrl+K types another letter, and
  // the key where K is on a QWERTY keyboard counts instead.
  function isK(event) {
    var key = (event.key || "").toLowerCase();
    return key === "k" || (!/^[a-z]$/.test(key) && event.code === "KeyK");
  }

  var form = document.querySelector("form.search-box[data-pagefind]");
  var input = form && form.querySelector("input[name=q]");
  listenForShortcut(document.querySelector(".search-page-form input[name=q]") || input);
  if (!input) { return; }
  var list = document.createElement("div");
  var status = document.createElement("span");
  var latest = 0;
  var timer = null;
  var telling = null;
  var active = -1;
  var shownFor = null;  // the query the listed options answer

  function load() {
    return window.glossarySearch(form.getAttribute("data-pagefind"));  // search-engine.js
  }

  function searchPage(query) {
    var url = new URL(form.action);  // the form's own address, so it is right at any depth
    url.searchParams.set("q", query);
    return url.href;
  }

  // Options are links (tabindex -1: focus stays in the box), so a click or a middle click
  // behaves like any link.
  function option(href, title, detail) {
    var link = document.createElement("a");
    link.id = list.id + "-" + list.children.length;
    link.href = href;
    link.tabIndex = -1;
    link.setAttribute("role", "option");
    link.setAttribute("aria-selected", "false");
    var name = document.createElement("span");
    name.className = "search-suggestion-title";
    name.textContent = title;
    link.appendChild(name);
    if (detail) {
      var more = document.createElement("span");
      more.className = "search-suggestion-summary";
      more.textContent = detail;
      link.appendChild(more);
    }
    list.appendChild(link);
  }

  function select(index) {
    active = index;
    Array.prototype.forEach.call(list.children, function (item, i) {
      item.setAttribute("aria-selected", String(i === index));
    });
    if (index < 0) { input.removeAttribute("aria-activedescendant"); } else {
      input.setAttribute("aria-activedescendant", list.children[index].id);
      // Focus stays in the box, so the browser scrolls nothing: zoomed in or on a short window
      // the active option could sit below the fold, chosen but out of sight.
      list.children[index].scrollIntoView({ block: "nearest" });
    }
  }

  function open() {
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    select(-1);
  }

  // The results, then one option to the search page: `last` is its title and detail, `said`
  // what the status tells a screen reader.
  function show(query, results, last, said) {
    shownFor = query;
    list.textContent = "";
    results.forEach(function (data) { option(data.url, data.meta.title || data.url, data.meta.summary); });
    option(searchPage(query), last[0], last[1]);
    // said once the results stand still for a second, not for each letter typed
    clearTimeout(telling);
    telling = setTimeout(function () { status.textContent = said; }, 1000);
    select(-1);
    if (document.activeElement === input) { open(); }
  }

  function showFound(query, results, total) {
    var say = window.glossarySay;
    show(query, results, [total ? say("see_all_results", { count: total }) : say("no_results_for_query", { query: query })],
      say("results_found", { count: total }));
  }

  // Nothing found: what the query may have meant (search-engine.js) is offered before the last
  // option, the one to the search page, and the status says it: the query with its misspelt
  // words corrected, leading to the search page for it, or else the closest names, each leading
  // to its page.
  function showNothing(query, meant) {
    var say = window.glossarySay;
    var summary = say("did_you_mean_this");
    var said = meant.query ? say("no_results_did_you_mean_query", { query: meant.query })
      : meant.names.length ? say("no_results_did_you_mean", { names: meant.names.map(function (name) { return name.name; }).join(say("list_separator")) })
        : say("no_results_found");
    var offered = meant.query
      ? [{ url: searchPage(meant.query), meta: { title: say("search_for_query", { query: meant.query }), summary: summary } }]
      : meant.names.map(function (name) { return { url: name.url, meta: { title: name.name, summary: summary } }; });
    show(query, offered, [say("no_results_for_query", { query: query })], said);
  }

  function update() {
    var ticket = ++latest;
    var query = input.value.trim();
    // the status is emptied too: the next count it says is then news a screen reader announces
    if (!query) { clearTimeout(telling); list.textContent = ""; status.textContent = ""; shownFor = null; close(); return; }
    var folder = form.getAttribute("data-pagefind");
    var named = null;
    load().then(function (pagefind) {
      named = window.glossarySearch.named(folder, query);  // read while Pagefind searches
      return pagefind.search(query);
    }).then(function (found) {
      return named.then(function (names) {
        // pages a part of the query names are listed when every result is (see parted): all of
        // them, up to the search page's first page, are then loaded, to leave none out twice
        var parted = window.glossarySearch.parted(names, found.results.length <= WHOLE);
        var head = found.results.slice(0, parted.counted ? WHOLE : SHOWN);
        return Promise.all(head.map(function (result) { return result.data(); })).then(function (data) {
          // only Pagefind's stand-ins for words it has not indexed count as nothing found, unless
          // the query names pages (named/): then they are what is found
          var matched = window.glossarySearch.matched(query, data);
          if (!matched && !names.length) {
            return window.glossarySearch.meant(folder, query).catch(function () {
              return { query: null, names: [] };
            }).then(function (meant) {
              if (ticket === latest) { showNothing(query, meant); }
            });
          }
          var ranked = window.glossarySearch.exactFirst(query, matched ? data : [], matched ? parted.named : names);
          var total = !matched ? names.length : parted.counted ? ranked.length : found.results.length;
          if (ticket === latest) { showFound(query, ranked.slice(0, SHOWN), total); }
        });
      });
    }).catch(function (error) {
      if (ticket !== latest) { return; }
      // glossary serve is still writing its first index: say so and ask again, unless the
      // reader has typed something else meanwhile
      if (error && error.building) {
        var building = window.glossarySay("search_index_being_built");
        show(query, [], [building, window.glossarySay("results_show_in_a_moment")], building);
        setTimeout(function () { if (ticket === latest) { update(); } }, error.retry * 1000);
        return;
      }
      // no index (opened from disk, built with --no-search): the search page says why and
      // links the A to Z index
      var unavailable = window.glossarySay("search_unavailable");
      show(query, [], [unavailable, window.glossarySay("search_page_says_why")], unavailable);
    });
  }

  function move(step) {
    var count = list.children.length;
    if (list.hidden) {
      // the options listed may answer a query the reader has typed on from: search it afresh
      if (count && shownFor === input.value.trim()) { open(); } else if (input.value.trim()) { update(); }
      return;
    }
    select(active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count);
  }

  function onKey(event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter" && !list.hidden && active >= 0) {
      event.preventDefault();  // with no active option, Enter submits the form to the search page
      window.location.assign(list.children[active].href);
    } else if (event.key === "Escape" && !list.hidden) {
      // closes the list and keeps the query; a search still under way would open it again
      event.preventDefault();
      clearTimeout(timer);
      latest++;
      close();
    } else if (event.key === "Escape" && input.value) {
      input.value = "";  // with no list shown, Escape clears the box as a search field does
    } else if (CURSOR_KEYS.indexOf(event.key) >= 0 && active >= 0) {
      // As the ARIA combobox pattern has it: they move the cursor in the box (the default kept)
      // and so leave the option, and Enter searches the query as edited, not the option.
      select(-1);
    }
  }

  list.id = input.id + "-results";
  list.className = "search-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", window.glossarySay("matching_terms"));
  list.hidden = true;
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  form.appendChild(list);
  form.appendChild(status);
  // ARIA in HTML allows the combobox role on a text field, not on a search field (the Nu checker
  // rejects it); clearing on Escape stays (onKey).
  input.type = "text";
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  input.addEventListener("focus", function () {
    load().catch(function () {});  // errors are handled when a search needs it
    if (input.value.trim()) { update(); }
  });
  input.addEventListener("input", function () {
    select(-1);  // Enter now means this query, not an option listed for the last one
    // Blank while the reader types, as on the search page: it no longer tells the last query's
    // count, and the next count is news a screen reader says even when it is the same one.
    clearTimeout(telling);
    if (status.firstChild) { status.textContent = ""; }
    clearTimeout(timer);
    timer = setTimeout(update, 100);
  });
  input.addEventListener("keydown", onKey);
  // an empty box searches for nothing: the search page would open empty, with nothing to say
  form.addEventListener("submit", function (event) {
    if (!input.value.trim()) { event.preventDefault(); }
  });
  input.addEventListener("blur", close);
  // keeps focus in the box when an option is pressed, so the list is still there for the click
  list.addEventListener("mousedown", function (event) { event.preventDefault(); });
}());
