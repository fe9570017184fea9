// The search page: queries the Pagefind index the build wrote to pagefind/.
(function () {
  "use strict";
  var form = document.querySelector(".search-page-form");
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !list || !status) { return; }
  var bundle = form.getAttribute("data-pagefind");
  var engine = null;
  var latest = 0;

  function load() {
    if (!engine) {
      // resolved against the page: import() alone would resolve it against this script
      engine = import(new URL(bundle, document.baseURI).href).then(function (pagefind) {
        return pagefind.options({ excerptLength: 24 }).then(function () { return pagefind; });
      });
    }
    return engine;
  }

  function normal(text) {
    return text.toLowerCase().replace(/\s+/g, " ").trim();
  }

  // Pagefind ranks "Tokenizer" above "Token" for the query "token" (prefix matches and
  // longer pages score well), so a term whose title or alias is exactly the query goes first.
  function exactFirst(query, results) {
    var wanted = normal(query);
    function isExact(data) {
      var names = [data.meta.title || ""].concat((data.meta.aliases || "").split(", "));
      return names.some(function (name) { return normal(name) === wanted; });
    }
    return results.filter(isExact).concat(results.filter(function (data) { return !isExact(data); }));
  }

  function show(query, results) {
    list.textContent = "";
    status.textContent = results.length + (results.length === 1 ? " term" : " terms") +
      " found for \u201c" + query + "\u201d";
    results.forEach(function (data) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = data.url;  // Pagefind prefixes the path it was loaded from: right under a sub-path too
      link.textContent = data.meta.title || data.url;
      var summary = document.createElement("p");
      summary.textContent = data.meta.summary || "";
      item.appendChild(link);
      item.appendChild(summary);
      list.appendChild(item);
    });
  }

  function run(query) {
    var ticket = ++latest;
    query = query.trim();
    if (!query) { list.textContent = ""; status.textContent = ""; return; }
    status.textContent = "Searching\u2026";
    load().then(function (pagefind) {
      return pagefind.search(query);
    }).then(function (found) {
      return Promise.all(found.results.slice(0, 20).map(function (r) { return r.data(); }));
    }).then(function (results) {
      if (ticket === latest) { show(query, exactFirst(query, results)); }
    }).catch(function () {
      status.textContent = "Search is unavailable here. It works when the site is served over http(s); " +
        "browse the A\u2013Z index instead.";
    });
  }

  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  if (initial) { run(initial); }
  input.addEventListener("input", function () { run(input.value); });
  form.addEventListener("submit", function (event) { event.preventDefault(); run(input.value); });
}());
