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
    if (window.location.protocol === "file:") {
      // the browser refuses every fetch from disk: asking would only log an error per query
      return Promise.reject(new Error("a site opened from disk has no search"));
    }
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

  // Accents aside, as Pagefind matches words: "elagage" (an AZERTY keyboard has no É) names
  // Élagage as "élagage" does. Decomposed, unaccented and composed again, so a Korean syllable or
  // a kana with its voicing mark stays one character, as name_lookup.py writes it; compatibility
  // forms are their plain ones, so "ＬＬＭ" or "ﾄｰｸﾝ", as a Japanese input method may type them,
  // names LLM or トークン. Œ, Æ and ß, which a keyboard without them spells "oe", "ae" and "ss"
  // ("oeuvre", "massstab"), are spelled so; a letter with a stroke or without its dot, which no
  // accent marks and NFD keeps whole, is its plain one, as a keyboard without it types it
  // ("zrodlo" for Źródło, "isik" for Işık).
  var SPELLED_OUT = { "\u0153": "oe", "\u00e6": "ae", "\u00df": "ss", "\u0142": "l", "\u0131": "i",
    "\u00f8": "o", "\u0111": "d", "\u0127": "h" };
  var SPELLED_RE = new RegExp("[" + Object.keys(SPELLED_OUT).join("") + "]", "g");
  function spelled(text) {
    return text.replace(SPELLED_RE, function (letter) { return SPELLED_OUT[letter]; });
  }

  // The right-to-left mark a right-to-left site's title may open with (bidi_marks.py) is no
  // letter a reader types.
  function normal(text) {
    return spelled(text.replace(/["\u201c\u201d\u200e\u200f]/g, "").replace(/\u2019/g, "'").toLowerCase())
      .normalize("NFKD").replace(/[\u0300-\u036f]/g, "").normalize("NFKC").replace(/\s+/g, " ").trim();
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
  // alias the query names in another form (otherForms) comes next, then a page whose title or
  // alias begins with the query, as a reader typing "trans" looks for Transformer (Pagefind put
  // Whisper, which mentions transcription, first), before Pagefind's order.
  // The aliases meta is the page's "A, B" text, its names parted by the label list_separator;
  // looking for ", query, " in it keeps an alias that holds a comma whole. Only the results
  // whose data the callers loaded can be told apart: `named` (from glossarySearch.named) adds
  // the pages the query names that are not among them, each in its tier after those that are.
  window.glossarySearch.exactFirst = function (query, results, named) {
    var wanted = normal(query);
    var forms = wanted ? otherForms(wanted) : [];
    var parted = normal("a" + window.glossarySay("list_separator") + "a").slice(1, -1);
    function names(data, texts) {
      var title = normal(data.meta.title || "");
      var aliases = parted + normal(data.meta.aliases || "") + parted;
      return texts.some(function (text) { return title === text || aliases.indexOf(parted + text + parted) >= 0; });
    }
    function begins(data) {
      var aliases = parted + normal(data.meta.aliases || "");
      return normal(data.meta.title || "").indexOf(wanted) === 0 || aliases.indexOf(parted + wanted) >= 0;
    }
    var tiers = [[], [], [], []];
    var listed = {};
    results.forEach(function (data) {
      if (data.url) { listed[new URL(data.url, document.baseURI).href] = true; }
      tiers[names(data, [wanted]) ? 0 : names(data, forms) ? 1 : wanted && begins(data) ? 2 : 3].push(data);
    });
    (named || []).forEach(function (page) {
      if (!listed[page.url]) { tiers[page.tier].push(page); }
    });
    return tiers[0].concat(tiers[1], tiers[2], tiers[3]);
  };

  // The pages a query names, by title or alias, exactly (tier 0) or in another form (tier 1),
  // each once, as results { url, meta: { title, summary }, tier }: Pagefind may rank such a
  // page past every result whose data is loaded (a 10,000-term glossary has dozens of titles
  // holding the words of "Weight Sampling"). named/<bucket>.json, in the index's folder, holds
  // every name whose key hashes to that bucket, as name_lookup.py writes them; a query and its
  // other forms share a key, so one small file answers it. Each file is read once a page;
  // one that could not be read counts as naming nothing, and is tried again next time.
  var BUCKETS = 256;
  var buckets = {};

  function bucket(text) {
    var bytes = new TextEncoder().encode(text.replace(/[se'iy]+$/, ""));
    var value = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { value = Math.imul(value ^ bytes[i], 0x01000193) >>> 0; }
    return ("0" + (value % BUCKETS).toString(16)).slice(-2);
  }

  function namedIn(folder, key) {
    if (!buckets[key]) {
      var file = new URL("named/" + key + ".json", new URL(folder, document.baseURI));
      buckets[key] = fetch(file).then(function (response) {
        if (!response.ok) { throw new Error("no names at " + file.href); }
        return response.json();
      }).catch(function () {
        delete buckets[key];
        return [];
      }).then(function (rows) {
        return rows.map(function (row) {
          return { name: row[0], url: new URL(row[1], file).href, meta: { title: row[2], summary: row[3] } };
        });
      });
    }
    return buckets[key];
  }

  // A query of a few words also names the pages named by the words it starts or ends with
  // (tier PART): a reader asking "what is a transformer?" names Transformer, which Pagefind, as
  // it wants every word, does not find (its page has no "what").
  var PART = 2;
  var PARTS_UP_TO = 6;
  function parts(wanted) {
    var words = wanted.replace(/[?!.]+$/, "").split(" ");
    var found = [];
    if (words.length < 2 || words.length > PARTS_UP_TO) { return found; }
    for (var i = 1; i < words.length; i++) { found.push(words.slice(i).join(" "), words.slice(0, i).join(" ")); }
    return found;
  }

  // Of the pages a query names, those to list beside Pagefind's results: the pages only a part
  // of it names only when every result is loaded (`whole`), as then the list is every page found
  // and its length the count (`counted`, when the query names any: one Pagefind did not find
  // is one more); else the count is Pagefind's and they are left out.
  window.glossarySearch.parted = function (named, whole) {
    return {
      named: whole ? named : named.filter(function (page) { return page.tier < PART; }),
      counted: whole && named.length > 0,
    };
  };
  window.glossarySearch.named = function (folder, query) {
    var wanted = normal(query);
    if (!wanted) { return Promise.resolve([]); }
    var asked = [[wanted, 0]].concat(parts(wanted).map(function (part) { return [part, PART]; }));
    return Promise.all(asked.map(function (one) {
      var text = one[0];
      var forms = otherForms(text);
      return namedIn(folder, bucket(text)).then(function (rows) {
        return rows.map(function (row) {
          var tier = row.name === text ? one[1] : forms.indexOf(row.name) >= 0 ? Math.max(one[1], 1) : -1;
          return { row: row, tier: tier };
        });
      });
    })).then(function (lists) {
      var found = {};
      var pages = [];
      lists.forEach(function (hits) {
        hits.forEach(function (hit) {
          if (hit.tier < 0) { return; }
          var kept = found[hit.row.url];
          if (!kept) {
            kept = found[hit.row.url] = { url: hit.row.url, meta: hit.row.meta, tier: hit.tier };
            pages.push(kept);
          }
          kept.tier = Math.min(kept.tier, hit.tier);
        });
      });
      return pages.sort(function (a, b) { return a.tier - b.tier; });
    });
  };

  // "Did you mean": Pagefind has no typo tolerance, and it answers a word it has not indexed
  // with the longest start of it that it has (since its PR #315, with no way to turn that off):
  // "at" for "atention", so that misspelling lists every page holding "at" (or "ATS", which
  // Pagefind's stemmer makes "at") and Attention is not among them. A start of 4 letters or
  // more is often the word meant ("embed" for "embeding", "fine" for "finetuning"); a shorter
  // one is chance, as the shortest words are the commonest, so a query whose marked words all
  // share no more than such a short start with its words (matched()) counts as finding
  // nothing, as "tranformer" does.
  // When a query finds nothing, the callers ask what it meant (meant()): the closest names, or
  // the query with its misspelt words corrected, from the names and their words. names.json, next
  // to bundles.json, lists every title and alias with its page's address (relative to the file).
  // It is loaded on the first query that finds nothing, once per page; one that could not be
  // read is tried again next time.
  var SUGGESTED = 3;
  var names = null;

  // Case, accents and punctuation aside: "Text-to-Image" and "text to image" are one name;
  // œ, ß, ł... are spelled as normal() spells them. Other marks are part of their letter (a
  // vowel sign of Devanagari: "भाषा" is one word of four characters, not "भ ष").
  function fold(text) {
    return spelled(text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase())
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, " ").trim();
  }

  // The words Pagefind marked in a result's data, as its excerpt marks them: `locations` index
  // the page's text split as Pagefind splits it (at zero-width spaces in a text segmented so).
  function marked(data) {
    var text = data.raw_content || data.content || "";
    var words = text.indexOf("\u200b") >= 0 ? text.split("\u200b") : text.split(/[\r\n\s]+/g);
    return (data.locations || []).map(function (at) { return fold(words[at] || ""); });
  }

  // How many letters `a` and `b` begin with in common.
  function shared(a, b) {
    var n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) { n += 1; }
    return n;
  }

  // Whether the results whose data the callers loaded found what `query` asks for, not only
  // Pagefind's stand-ins for words it has not indexed (see above). A part of a marked word
  // ("x" of "f(x)", "at" of "at-scale") is close to a query word when they share its first 4
  // letters, all of the query word, or all of it but an ending a stemmer drops (STEMMED: "gpu"
  // for "gpus"; not "pro" for "promt" nor "to" for "tokn", which were taken for matches). A
  // marked word is a stand-in when no part of it is close to any query word and a part shares
  // a start with one: "at" or "ats" for "atention", "x" for "xyzzy", "qwe" for "qwerty", "r"
  // for "rnn" (a short query word too), but not "fine" for "finetuning". One
  // marked word that is not a stand-in, or a result matched with no word of its text marked,
  // is enough: "self atention" still lists the pages holding "self…" and "at".
  var STEMMED = /^(?:e?s|e?d|ing)$/;
  window.glossarySearch.matched = function (query, results) {
    var asked = fold(query).split(" ").filter(Boolean);
    function close(part, word) {
      var n = shared(part, word);
      return n >= 4 || n === word.length || (n > 0 && STEMMED.test(word.slice(n)));
    }
    function standIn(word) {
      var parts = word.split(" ").filter(Boolean);
      return !parts.some(function (part) { return asked.some(function (w) { return close(part, w); }); }) &&
        parts.some(function (part) {
          return asked.some(function (w) { return shared(part, w) > 0; });
        });
    }
    return results.some(function (data) {
      var words = marked(data);
      return !words.length || !words.every(standIn);
    });
  };

  // How many typing mistakes a query may hold: none under 4 letters (too many names are that
  // close), one up to 5, two up to 11, three from 12.
  function allowed(text) {
    var letters = text.replace(/ /g, "").length;
    return letters < 4 ? -1 : letters < 6 ? 1 : letters < 12 ? 2 : 3;
  }

  // The optimal string alignment distance (a letter left out, added, changed, or two
  // neighbours swapped each count one) from `query` to the whole of `name` and to the closest
  // start of it ("tranfor" starts "transformer"), or null when both are over `limit`. Only the
  // name's first query.length + limit letters can be that close, so no more are compared.
  function distances(query, name, limit) {
    var width = Math.min(name.length, query.length + limit);
    var twoBack = null, last = [], row, i, j;
    for (j = 0; j <= width; j++) { last.push(j); }
    for (i = 1; i <= query.length; i++) {
      row = [i];
      var least = i;
      for (j = 1; j <= width; j++) {
        var step = Math.min(last[j] + 1, row[j - 1] + 1, last[j - 1] + (query[i - 1] === name[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && query[i - 1] === name[j - 2] && query[i - 2] === name[j - 1]) {
          step = Math.min(step, twoBack[j - 2] + 1);
        }
        row.push(step);
        least = Math.min(least, step);
      }
      if (least > limit) { return null; }
      twoBack = last;
      last = row;
    }
    return { whole: name.length <= width ? last[name.length] : Infinity, start: Math.min.apply(null, last) };
  }

  // The names, and every word of them (folded) with how many names hold it and how the first
  // name holding it spells it, in lower case (corrected() picks from these). A word offered is
  // spelled so: "źródło", not "zrodlo", for "zrodla" in a Polish glossary.
  function loadNames(folder) {
    if (!names) {
      var base = new URL(folder, document.baseURI);
      var file = new URL("names.json", base);
      names = fetch(file).then(function (response) {
        if (!response.ok) { throw new Error("no names at " + file.href); }
        return response.json();
      }).then(function (pairs) {
        var words = new Map();
        var spellings = new Map();
        var entries = pairs.map(function (pair) {
          var folded = fold(pair[0]);
          folded.split(" ").forEach(function (word) { if (word) { words.set(word, (words.get(word) || 0) + 1); } });
          pair[0].normalize("NFC").toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u).forEach(function (word) {
            var alike = fold(word);
            if (alike && alike.indexOf(" ") < 0 && !spellings.has(alike)) { spellings.set(alike, word); }
          });
          return { name: pair[0], folded: folded, url: new URL(pair[1], file).href };
        });
        return { entries: entries, words: words, spellings: spellings };
      }).catch(function (error) {
        names = null;
        throw error;
      });
    }
    return names;
  }

  // The names closest to `wanted` (folded), one per page, by the name of it that comes
  // closest, best first: those the whole query is fewest mistakes from, then those it starts
  // within as few, then A to Z. `whole` is the fewest mistakes from any whole name.
  function ranked(all, wanted, limit) {
    var best = {};
    var whole = Infinity;
    all.forEach(function (entry) {
      var found = distances(wanted, entry.folded, limit);
      if (!found) { return; }
      var isWhole = found.whole <= limit;
      if (!isWhole && found.start > limit) { return; }
      if (isWhole) { whole = Math.min(whole, found.whole); }
      var rank = { name: entry.name, folded: entry.folded, url: entry.url,
        score: isWhole ? found.whole * 2 : found.start * 2 + 1 };
      var kept = best[entry.url];
      if (!kept || before(rank, kept)) { best[entry.url] = rank; }
    });
    var ranks = Object.keys(best).map(function (url) { return best[url]; }).sort(function (a, b) {
      return before(a, b) ? -1 : before(b, a) ? 1 : 0;
    });
    return { names: ranks.slice(0, SUGGESTED).map(function (rank) { return { name: rank.name, url: rank.url }; }), whole: whole };
  }

  // `wanted` (folded) with each word of 4 letters or more that no name holds replaced by the
  // closest word a name holds, within that word's own allowance of mistakes: the one in most
  // names on a tie, then A to Z. `mistakes` counts the changes; null when a word stays one no
  // name holds (nothing close to it, or under 4 letters), as that query is still misspelt.
  // Its `text` has each word as the names spell it (loadNames).
  function corrected(words, spellings, wanted) {
    var mistakes = 0;
    var text = wanted.split(" ").map(function (word) {
      var limit = allowed(word);
      if (words.has(word) || limit < 0) { return word; }
      var best = null;
      words.forEach(function (count, candidate) {
        var found = distances(word, candidate, best ? Math.min(limit, best.mistakes) : limit);
        if (!found || found.whole > limit) { return; }
        if (!best || found.whole < best.mistakes ||
            (found.whole === best.mistakes && (count > best.count || (count === best.count && aToZ(candidate, best.word))))) {
          best = { word: candidate, count: count, mistakes: found.whole };
        }
      });
      if (!best) { return word; }
      mistakes += best.mistakes;
      return best.word;
    });
    var whole = text.every(function (word) { return words.has(word); });
    var written = text.map(function (word) { return spellings.get(word) || word; });
    return whole ? { text: written.join(" "), mistakes: mistakes } : null;
  }

  // What a query that found nothing may have meant: { query, names }. On a big glossary a
  // misspelt word ("probabilstic") starts hundreds of names alike, and the reader wants the
  // word searched, not three of them picked A to Z. So when no whole name is as few mistakes
  // from the query as the query with its words corrected (corrected()), and Pagefind finds
  // that, `query` is it and `names` is empty; otherwise `query` is null and `names` are the
  // closest names, as closest() gives them ("tranformer" is still one mistake from
  // "Transformer"). Nothing for a query of under 4 letters. A query whose words are all right
  // but spelled without a letter Pagefind does not match to its plain one (ł, ı...) is
  // corrected too: "lancuch", which Pagefind finds nothing for, means "łańcuch".
  window.glossarySearch.meant = function (folder, query) {
    var wanted = fold(query);
    var limit = allowed(wanted);
    if (limit < 0) { return Promise.resolve({ query: null, names: [] }); }
    return loadNames(folder).then(function (loaded) {
      var close = ranked(loaded.entries, wanted, limit);
      var fixed = corrected(loaded.words, loaded.spellings, wanted);
      var byNames = { query: null, names: close.names };
      if (!fixed || fixed.text === wanted || fixed.mistakes >= close.whole) { return byNames; }
      return window.glossarySearch(folder).then(function (pagefind) {
        return pagefind.search(fixed.text);
      }).then(function (found) {
        return found.results.length ? { query: fixed.text, names: [] } : byNames;
      });
    });
  };

  // The names closest to `query`, at most three, best first (see ranked()), each { name, url }.
  // None for a query of under 4 letters.
  window.glossarySearch.closest = function (folder, query) {
    var wanted = fold(query);
    var limit = allowed(wanted);
    if (limit < 0) { return Promise.resolve([]); }
    return loadNames(folder).then(function (loaded) { return ranked(loaded.entries, wanted, limit).names; });
  };

  function before(a, b) {
    if (a.score !== b.score) { return a.score < b.score; }
    if (a.folded !== b.folded) { return aToZ(a.folded, b.folded); }
    return a.name !== b.name ? a.name < b.name : a.url < b.url;
  }

  // Whether folded text `a` comes before `b` A to Z, numbers by their value as the site's A to
  // Z has them (a_to_z.py's sort_name), so "gpt 3" before "gpt 10"; "007" before "7".
  function aToZ(a, b) {
    var x = byValue(a);
    var y = byValue(b);
    return x !== y ? x < y : a < b;
  }

  // Each run of digits as its count of digits, two of them, then the digits without leading
  // zeros: "10" is "0210", after "3" ("013").
  function byValue(text) {
    return text.replace(/[0-9]+/g, function (run) {
      var digits = run.replace(/^0+/, "");
      var size = Math.min(digits.length, 99);
      return (size < 10 ? "0" : "") + size + digits;
    });
  }
})();
