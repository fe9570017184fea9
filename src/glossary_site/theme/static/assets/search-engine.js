// Loads the search index once per page, for the header box and the search page alike. The
// build indexes a big glossary in several Pagefind bundles, listed in bundles.json in the
// index folder; the first is loaded and the others are merged into it, so one query searches
// them all. Loading twice would merge every bundle twice, hence the single shared promise.
// Only a listing that could not be read is tried again on the next query (before any bundle
// is merged): `glossary serve` writes the index seconds after it starts serving, and a
// network blip passes.
(function () {
  "use strict";
  var OPTIONS = { excerptLength: 24 };
  var engine = null;
  var none = { search: function () { return Promise.resolve({ results: [] }); } };

  window.glossarySearch = function (folder) {
    if (!engine) {
      var base = new URL(folder, document.baseURI);  // the page's address, not this script's
      engine = fetch(new URL("bundles.json", base)).then(function (response) {
        if (!response.ok) { throw new Error("no search index at " + base.href); }
        return response.json();
      }).catch(function (error) {
        engine = null;
        throw error;  // the callers say search is unavailable
      }).then(function (names) {
        if (!names.length) { return none; }  // a glossary with no terms yet
        return import(new URL(names[0] + "/pagefind.js", base).href).then(function (pagefind) {
          var merged = names.slice(1).map(function (name) {
            return pagefind.mergeIndex(new URL(name + "/", base).href, OPTIONS);
          });
          return Promise.all([pagefind.options(OPTIONS)].concat(merged)).then(function () { return pagefind; });
        });
      });
    }
    return engine;
  };

  function normal(text) {
    return text.replace(/["\u201c\u201d]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  // Pagefind ranks "Tokenizer" above "Token" for the query "token" (prefix matches and longer
  // pages score well), and every page holding a quoted phrase alike, so a page whose title or
  // alias is exactly the query, quotes aside, goes first. The aliases meta is the page's "A, B"
  // text; looking for ", query, " in it keeps an alias that holds a comma whole.
  window.glossarySearch.exactFirst = function (query, results) {
    var wanted = normal(query);
    function isExact(data) {
      return normal(data.meta.title || "") === wanted ||
        (", " + normal(data.meta.aliases || "") + ", ").indexOf(", " + wanted + ", ") >= 0;
    }
    return results.filter(isExact).concat(results.filter(function (data) { return !isExact(data); }));
  };
})();
