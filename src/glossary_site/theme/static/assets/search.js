// The search page: queries the Pagefind index the build wrote to pagefind/ (loaded by
// search-engine.js), says how many pages (terms and tools) match and lists every one of them,
// twenty at a time. The query is kept in the address, so Back, Reload and a shared link show
// the same results, and in the page's title.
(function () {
  "use strict";
  var PAGE = 20;
  var TITLE_QUERY = 60;
  // Exact title or alias matches go first. Among the first page of results they are told apart
  // by their data, which Pagefind fetches a page's fragment for (data()); beyond it,
  // glossarySearch.named names them without any fragment. So a query fetches only the fragments
  // of the page it shows, where checking a broad query's first hundred results would cost 100
  // requests and 300 to 700 kB at 10,000 terms before the first one showed, at each pause in
  // typing. Later results keep Pagefind's order and load a page at a time.
  var form = document.querySelector(".search-page-form");
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  if (!form || !input || !list || !status || !more) { return; }
  var bundle = form.getAttribute("data-pagefind");
  var latest = 0;
  var timer = null;
  var again = null;  // the next try of a query whose index is being built
  var typed = 0;  // when the reader last typed in the field
  var telling = null;
  var unshown = [];  // loaders of the results not listed yet, in display order
  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", "#39": "'", "#x27": "'" };
  var pageTitle = document.title;  // "Search · AI Glossary", or whatever an override makes it

  var FROM_DISK = window.location.protocol === "file:";

  function load() {
    return window.glossarySearch(bundle);  // search-engine.js
  }

  // Every result as a loader of its data, in the order they are listed. A page the query names
  // that Pagefind ranks past the first page (glossarySearch.named) is listed with them, so
  // its own place further down loads as null and is skipped. When Pagefind found nothing, or
  // its first page holds only its stand-ins for words it has not indexed
  // (glossarySearch.matched), the pages the query names are all that is found ("oeuvre" names
  // Œuvre, a word Pagefind does not find under "oeuvre"). With them, how many there are. The
  // pages only a part of the query names (the Transformer of "what is a transformer?") are
  // listed when every result is loaded, so that the count, the list's length, stays exact.
  function rank(query, results, named) {
    var head = results.slice(0, PAGE);
    var parted = window.glossarySearch.parted(named, results.length <= PAGE);
    return Promise.all(head.map(function (result) { return result.data(); })).then(function (data) {
      var count = results.length;
      if (!window.glossarySearch.matched(query, data)) {
        data = [];
        results = [];
        count = named.length;
      } else {
        named = parted.named;
      }
      var ranked = window.glossarySearch.exactFirst(query, data, named);
      count = parted.counted && data.length ? ranked.length : count;
      var added = {};
      ranked.forEach(function (item) {
        if (data.indexOf(item) < 0) { added[item.url] = true; }
      });
      var loaders = ranked.map(function (item) { return function () { return item; }; }).concat(results.slice(PAGE).map(function (result) {
        return function () {
          return result.data().then(function (item) { return added[new URL(item.url, document.baseURI).href] ? null : item; });
        };
      }));
      return { loaders: loaders, count: count };
    });
  }

  // Pagefind's excerpt is page text with <mark> around the matched words and < > written as
  // entities. It becomes text nodes and <mark> elements, so none of it is ever parsed as HTML.
  function excerpt(text) {
    var paragraph = document.createElement("p");
    paragraph.className = "search-excerpt";
    var marked = false;
    text.split(/(<\/?mark>)/).forEach(function (part) {
      if (part === "<mark>" || part === "</mark>") { marked = part === "<mark>"; return; }
      if (!part) { return; }
      var node = document.createTextNode(part.replace(/&(amp|lt|gt|quot|#39|#x27);/g, function (entity, name) {
        return ENTITIES[name];
      }));
      if (marked) {
        var mark = document.createElement("mark");
        mark.appendChild(node);
        node = mark;
      }
      paragraph.appendChild(node);
    });
    return paragraph;
  }

  function entry(data) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;  // Pagefind prefixes the path it was loaded from: right under a sub-path too
    link.textContent = data.meta.title || data.url;
    var summary = document.createElement("p");
    summary.className = "search-summary";
    summary.textContent = data.meta.summary || "";
    item.appendChild(link);
    item.appendChild(summary);
    var text = passage(data);
    if (text) { item.appendChild(excerpt(text)); }
    return item;
  }

  // Pagefind lists the sections of a page (headings with an id) that match, each with its own
  // excerpt; the page's top, if it matched, comes first without an id. A page whose title,
  // summary or alias matched has its excerpt there, repeating the title and summary listed just
  // above it: a section below that matches too shows more of the page.
  function passage(data) {
    var sections = data.sub_results || [];
    var below = sections.filter(function (section) { return section.url.indexOf("#") >= 0 && section.excerpt; });
    return sections.length && sections[0].url.indexOf("#") < 0 && below.length ? below[0].excerpt : data.excerpt;
  }

  // An empty list is hidden (search.html starts it so): a screen reader would say "list,
  // 0 items" before a search and after one that found nothing.
  function empty() {
    list.textContent = "";
    list.hidden = true;
  }

  // Lists the next page of results; `focus` moves keyboard focus to the first new one, so a
  // reader who pressed "Show more results" carries on reading where the new ones start.
  function showMore(focus) {
    var ticket = latest;
    var batch = unshown.splice(0, PAGE);
    more.disabled = true;
    return Promise.all(batch.map(function (loader) { return loader(); })).then(function (results) {
      if (ticket !== latest) { return; }
      var items = results.filter(Boolean).map(entry);
      items.forEach(function (item) { list.appendChild(item); });
      list.hidden = !list.firstChild;
      more.disabled = false;
      more.hidden = unshown.length === 0;
      if (focus && items.length) { items[0].querySelector("a").focus(); }
    });
  }

  // The status is a live region: written at every pause in typing, a screen reader would say
  // "Searching…" and a count for each letter. So what it says waits until the reader has
  // stopped typing for a second (it is blank meanwhile), and only the last of it is said.
  function tell(write) {
    clearTimeout(telling);
    var wait = typed + 1000 - Date.now();
    if (wait > 0) { telling = setTimeout(write, wait); } else { write(); }
  }

  function found(query, count) {
    return window.glossarySay("results_found_for_query", { count: count, query: query });
  }

  // The label `key` in `parent`, after what is there: its text, with the nodes `nodes` (links)
  // where their {placeholders} are, so a translation may put them anywhere in its sentence.
  function sayInto(parent, key, values, nodes) {
    var filled = {};
    var names = Object.keys(nodes);
    Object.keys(values).forEach(function (name) { filled[name] = values[name]; });
    names.forEach(function (name, index) { filled[name] = "\ue000" + index + "\ue000"; });
    window.glossarySay(key, filled).split(/\ue000(\d+)\ue000/).forEach(function (part, index) {
      if (index % 2) { parent.appendChild(nodes[names[Number(part)]]); } else if (part) {
        parent.appendChild(document.createTextNode(part));
      }
    });
  }

  // The query is in the address and, before the page's own title, in the tab and the history
  // ("diffusion model · Search · AI Glossary"), so searches open side by side or visited one
  // after another can be told apart.
  function remember(query) {
    var shown = Array.from(query);  // a tab or a history list shows a title's start: a long query's will do
    shown = shown.length > TITLE_QUERY ? shown.slice(0, TITLE_QUERY - 1).join("") + "\u2026" : query;
    document.title = query ? window.glossarySay("search_title_with_query", { query: shown, title: pageTitle }) : pageTitle;
    if ((new URLSearchParams(window.location.search).get("q") || "") === query) { return; }
    try {
      // written as the header's form submits it (?q=diffusion+model)
      window.history.replaceState(null, "", query ? "?" + new URLSearchParams({ q: query }) : window.location.pathname);
    } catch (error) {
      // a page opened from disk may not change its address; the results are shown anyway
    }
  }

  // Nothing found: what the query may have meant (search-engine.js) is offered as links, in the
  // status, said once it is known: the query with its misspelt words corrected, a link to this
  // page searching it ("No results found for “probabilstic”. Did you mean “probabilistic”?"),
  // or else the closest titles and aliases ("… Did you mean: Transformer?"). Without either
  // (nothing close enough, or the names' file unreadable) it says no more.
  function nothing(query, ticket) {
    return window.glossarySearch.meant(bundle, query).catch(function () {
      return { query: null, names: [] };
    }).then(function (meant) {
      if (ticket === latest) { tell(function () { sayMeant(query, meant); }); }
    });
  }

  function sayMeant(query, meant) {
    status.textContent = "";
    if (meant.query) {
      var search = document.createElement("a");
      var address = new URL(window.location.href);
      address.search = "?" + new URLSearchParams({ q: meant.query });  // as the form submits it
      address.hash = "";
      search.href = address.href;
      search.textContent = meant.query;
      sayInto(status, "search_page_did_you_mean_query", { query: query }, { meant: search });
      return;
    }
    if (!meant.names.length) { sayInto(status, "search_page_no_results", { query: query }, {}); return; }
    var links = document.createDocumentFragment();
    meant.names.forEach(function (name, index) {
      if (index) { links.appendChild(document.createTextNode(window.glossarySay("list_separator"))); }
      var link = document.createElement("a");
      link.href = name.url;
      link.textContent = name.name;
      links.appendChild(link);
    });
    sayInto(status, "search_page_did_you_mean", { query: query }, { names: links });
  }

  // `glossary serve` indexes in the background once it has built: until the index is in
  // place the query is tried again, as often as serve asks, and the results then show up.
  function building() {
    status.textContent = window.glossarySay("search_page_index_being_built");
  }

  // Opened from disk, the browser refuses to load the index; served, it is missing (a build
  // with --no-search). Either way the A to Z index is a link away.
  function unavailable() {
    var home = document.createElement("a");
    home.href = status.getAttribute("data-home");
    home.textContent = window.glossarySay("search_unavailable_index_link");
    status.textContent = "";
    sayInto(status, window.location.protocol === "file:" ? "search_unavailable_from_disk" : "search_unavailable_without_index",
      {}, { index: home });
  }

  function run(query) {
    var ticket = ++latest;
    clearTimeout(again);
    query = query.trim();
    remember(query);
    if (!query) {
      clearTimeout(telling);
      empty();
      more.hidden = true;
      if (FROM_DISK) { unavailable(); } else { status.textContent = ""; }
      return;
    }
    tell(function () { status.textContent = window.glossarySay("searching"); });
    unshown = [];  // "Show more results" must not add the previous query's results meanwhile
    look(query, ticket);
  }

  function look(query, ticket) {
    var count = 0;
    load().then(function (pagefind) {
      return Promise.all([pagefind.search(query), window.glossarySearch.named(bundle, query)]);
    }).then(function (both) {
      return rank(query, both[0].results, both[1]);
    }).then(function (ranked) {
      if (ticket !== latest) { return; }
      var loaders = ranked.loaders;
      count = ranked.count;
      empty();
      unshown = loaders;
      if (!loaders.length) { more.hidden = true; return nothing(query, ticket); }
      tell(function () { status.textContent = found(query, count); });
      return showMore(false).then(function () { return restore(ticket); });
    }).catch(function (error) {
      if (ticket !== latest) { return; }
      more.hidden = true;
      if (error && error.building) {
        tell(building);
        again = setTimeout(function () { look(query, ticket); }, error.retry * 1000);
        return;
      }
      tell(unavailable);
    });
  }

  // The results a reader had listed and the place they were at, kept in the history entry
  // (keep) when they left for a result: listed again, once, on coming back.
  var returned = window.history.state || {};
  if ("scrollRestoration" in window.history && returned.y) { window.history.scrollRestoration = "manual"; }
  function restore(ticket) {
    var pages = Math.ceil(returned.pages || 1);
    var y = returned.y;
    returned = {};
    function next() {
      if (ticket !== latest) { return null; }
      if (list.children.length < pages * PAGE && unshown.length) { return showMore(false).then(next); }
      if (y) { window.scrollTo(0, y); }
      return null;
    }
    return next();
  }

  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  // Opened from disk, the page says at once that search needs the site served, rather than
  // after the reader's first query; served without its index, or while serve builds it, too.
  if (initial || FROM_DISK) { run(initial); } else { probe(); }

  function probe() {
    if (latest) { return; }  // the reader's query says it now
    load().then(function () {
      if (!latest) { status.textContent = ""; }
    }, function (error) {
      if (latest) { return; }
      if (error && error.building) {
        building();
        again = setTimeout(probe, error.retry * 1000);
        return;
      }
      unavailable();
    });
  }
  // Arriving with a query (from another page's header box, or a link), the reader carries on in
  // the field that holds it, as focus stays in the box of a combobox and of Material's search
  // view: a screen reader says the field and the query, then the count, and Tab goes on to the
  // results, where from <body> it would start again at the skip link. Back, Forward and Reload
  // keep the place the browser gives.
  if (initial && arrived()) { input.focus(); }

  function arrived() {
    var entry = window.performance.getEntriesByType ? window.performance.getEntriesByType("navigation")[0] : null;
    return !entry || entry.type === "navigate";
  }
  // a short pause while typing spares a search (and its fragment fetches) per keystroke
  input.addEventListener("input", function () {
    typed = Date.now();
    clearTimeout(telling);
    if (status.firstChild) { status.textContent = ""; }
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 100);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value);
  });
  more.addEventListener("click", function () {
    showMore(true).then(function () { keep({ pages: list.children.length / PAGE }); });
  });
  // Leaving for a result, the reader comes back (Back) to as many results as were listed and
  // where they were read: the results come after the browser would restore the place itself.
  window.addEventListener("pagehide", function () { keep({ y: window.scrollY }); });

  function keep(state) {
    try {
      window.history.replaceState(Object.assign({}, window.history.state, state), "");
    } catch (error) {
      // a page opened from disk may not change its history; nothing is kept then
    }
  }
}());
