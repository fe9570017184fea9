// Client-side search over window.GLOSSARY_SEARCH (written by the build as search/index.js).
(function () {
  "use strict";
  var records = window.GLOSSARY_SEARCH || [];
  var form = document.querySelector(".search-page-form");
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !list || !status) { return; }
  var root = "../";

  function normalise(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }
  function score(record, words) {
    var title = normalise(record.t);
    var aliases = normalise(record.a.join(" | "));
    var summary = normalise(record.s);
    var definition = normalise(record.d);
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      var s = 0;
      if (title === w || record.a.some(function (a) { return normalise(a) === w; })) { s = 100; }
      else if (title.indexOf(w) === 0) { s = 40; }
      else if (title.indexOf(w) >= 0 || aliases.indexOf(w) >= 0) { s = 25; }
      else if (summary.indexOf(w) >= 0) { s = 8; }
      else if (definition.indexOf(w) >= 0) { s = 3; }
      if (!s) { return 0; }
      total += s;
    }
    return total;
  }
  function run(query) {
    var q = normalise(query.trim());
    list.textContent = "";
    if (!q) { status.textContent = ""; return; }
    var words = q.split(/\s+/);
    var hits = [];
    records.forEach(function (r) {
      var s = score(r, words) + (normalise(r.t) === q ? 200 : 0);
      if (s) { hits.push({ r: r, s: s }); }
    });
    hits.sort(function (a, b) { return b.s - a.s || a.r.t.localeCompare(b.r.t); });
    status.textContent = hits.length + (hits.length === 1 ? " term" : " terms") + " found for \u201c" + query.trim() + "\u201d";
    hits.slice(0, 50).forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + hit.r.u;
      a.textContent = hit.r.t;
      var p = document.createElement("p");
      p.textContent = hit.r.s;
      li.appendChild(a);
      li.appendChild(p);
      list.appendChild(li);
    });
  }
  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  run(initial);
  input.addEventListener("input", function () { run(input.value); });
  form.addEventListener("submit", function (event) { event.preventDefault(); run(input.value); });
}());
