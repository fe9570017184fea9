// Term previews: hovering or focusing a link to another term shows its title and summary.
// The summary is already in the link (its title attribute, which is also the no-JavaScript
// fallback), so a preview never costs a network request.
(function () {
  "use strict";
  var card = null;
  var owner = null;

  function hide() {
    if (card) { card.remove(); card = null; }
    if (owner) { owner.removeAttribute("aria-describedby"); owner = null; }
  }

  function show(link) {
    if (owner === link) { return; }
    hide();
    var summary = link.getAttribute("data-summary");
    if (!summary) { return; }
    card = document.createElement("div");
    card.className = "term-preview";
    card.id = "term-preview";
    card.setAttribute("role", "tooltip");
    var title = document.createElement("strong");
    title.textContent = link.getAttribute("data-title") || link.textContent;
    var text = document.createElement("span");
    text.textContent = summary;
    card.appendChild(title);
    card.appendChild(text);
    document.body.appendChild(card);
    var box = link.getBoundingClientRect();
    var left = Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - card.offsetWidth - 8);
    card.style.left = Math.max(8, left) + "px";
    card.style.top = (box.bottom + window.scrollY + 6) + "px";
    owner = link;
    link.setAttribute("aria-describedby", card.id);
  }

  var links = document.querySelectorAll("a.wikilink[title], a[data-preview][title]");
  Array.prototype.forEach.call(links, function (link) {
    link.setAttribute("data-summary", link.getAttribute("title"));
    link.removeAttribute("title");
    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("mouseleave", hide);
    link.addEventListener("blur", hide);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hide(); }
  });
}());
