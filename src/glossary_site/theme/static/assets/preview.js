// Term previews: hovering or focusing a link to another term shows its title and summary.
// The summary is already in the link (its title attribute, which is also the no-JavaScript
// fallback), so a preview never costs a network request.
(function () {
  "use strict";
  var GAP = 6;
  var card = null;
  var owner = null;
  var leaving = null;
  var dismissed = null;  // the focused link whose card Escape closed

  function hide() {
    clearTimeout(leaving);
    if (card) { card.remove(); card = null; }
    if (owner) { owner.removeAttribute("aria-describedby"); owner = null; }
  }

  // A pointer on its way from the link to the card must not close it (WCAG 1.4.13: content
  // shown on hover stays while the pointer is over it). Content shown on focus stays while the
  // focus does, so a pointer passing over another link on its way gives the card back.
  function hideSoon() {
    clearTimeout(leaving);
    leaving = setTimeout(function () {
      hide();
      var focused = document.activeElement;
      if (focused && focused !== dismissed && focused.hasAttribute("data-summary")) { show(focused); }
    }, 300);
  }

  function place(link) {
    var box = link.getBoundingClientRect();
    var left = Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - card.offsetWidth - 8);
    card.style.left = Math.max(8, left) + "px";
    // below the link, or above it when the window has no room below and has room above
    var below = box.bottom + GAP + card.offsetHeight <= window.innerHeight || box.top - GAP - card.offsetHeight < 0;
    card.style.top = (below ? box.bottom + GAP : box.top - GAP - card.offsetHeight) + window.scrollY + "px";
  }

  function show(link) {
    clearTimeout(leaving);
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
    card.addEventListener("mouseenter", function () { clearTimeout(leaving); });
    card.addEventListener("mouseleave", hideSoon);
    // inside the page's main landmark, as all its content is, for screen readers' sake
    (document.querySelector("main") || document.body).appendChild(card);
    place(link);
    owner = link;
    link.setAttribute("aria-describedby", card.id);
  }

  var links = document.querySelectorAll("a.wikilink[title], a[data-preview][title]");
  Array.prototype.forEach.call(links, function (link) {
    link.setAttribute("data-summary", link.getAttribute("title"));
    link.removeAttribute("title");
    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("focus", function () { dismissed = null; show(link); });
    link.addEventListener("mouseleave", hideSoon);
    link.addEventListener("blur", hide);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { dismissed = document.activeElement; hide(); }
  });
}());
