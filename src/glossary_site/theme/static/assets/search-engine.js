// Loads the search index once per page, for the header box and the search page alike. The
// build indexes a big glossary in several Pagefind bundles, listed in bundles.json in the
// index folder; the first is loaded and the others are merged into it, so one query searches
// them all. Loading twice would merge every bundle twice, hence the single shared promise.
// Only a listing that could not be read is tried again on the next query (before any bundle
// is merged): `glossary serve` writes the index seconds after it starts serving, and a
// network blip passes. Until then serve answers 503 with Retry-After, where a site built
// without an index answers 404: the error then carries `building` and the seconds to wait.
(function () {
  "use strict";
  var OPTIONS = { excerptLength: 24 };
  var engine = null;
  var none = { search: function () { return Promise.resolve({ results: [] }); } };

  window.glossarySearch = function (folder) {
    if (!engine) {
      var base = new URL(folder, document.baseURI);  // the page's address, not this script's
      engine = fetch(new URL("bundles.json", base)).then(function (response) {
        if (!response.ok) {
          var error = new Error("no search index at " + base.href);
          if (response.status === 503) {
            error.building = true;
            error.retry = Number(response.headers.get("Retry-After")) || 1;
          }
          throw error;
        }
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
    return text.replace(/["\u201c\u201d]/g, "").replace(/\u2019/g, "'").toLowerCase().replace(/\s+/g, " ").trim();
  }

  // What else a reader may type for `text` (already normal): its plural or possessive ("LLMs",
  // "LLM's", "tokens", "families") or, for a plural, its singular, since a title may be either
  // ("Embeddings" asked for as "embedding"). Only the end changes, so "diffusion models" names
  // "Diffusion model". A few of these are not words ("typ" from "types"), so match no title.
  function otherForms(text) {
    var forms = [text + "s", text + "es", text + "'s"];
    if (/[^aeiou]y$/.test(text)) { forms.push(text.slice(0, -1) + "ies"); }
    ["s", "es", "'s"].forEach(function (ending) {
      if (text.length > ending.length && text.slice(-ending.length) === ending) {
        forms.push(text.slice(0, -ending.length));
      }
    });
    if (/.ies$/.test(text)) { forms.push(text.slice(0, -3) + "y"); }
    return forms;
  }

  // Pagefind ranks "Tokenizer" above "Token" for the query "token" (prefix matches and longer
  // pages score well), and every page holding a quoted phrase alike, so a page whose title or
  // alias is exactly the query, quotes aside, goes first. Its stemming finds "Token" for
  // "tokens" and "LLM" for "LLMs", but ranks it as any page that mentions tokens, so a title or
  // alias the query names in another form (otherForms) comes next, before Pagefind's order.
  // The aliases meta is the page's "A, B" text; looking for ", query, " in it keeps an alias
  // that holds a comma whole.
  window.glossarySearch.exactFirst = function (query, results) {
    var wanted = normal(query);
    var forms = wanted ? otherForms(wanted) : [];
    function names(data, texts) {
      var title = normal(data.meta.title || "");
      var aliases = ", " + normal(data.meta.aliases || "") + ", ";
      return texts.some(function (text) { return title === text || aliases.indexOf(", " + text + ", ") >= 0; });
    }
    var tiers = [[], [], []];
    results.forEach(function (data) {
      tiers[names(data, [wanted]) ? 0 : names(data, forms) ? 1 : 2].push(data);
    });
    return tiers[0].concat(tiers[1], tiers[2]);
  };
})();
