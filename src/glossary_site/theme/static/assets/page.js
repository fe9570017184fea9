// Reading aids for term pages: "On this page" follows the reader, wide tables say that they
// scroll sideways, section headings get a button that copies a link to them, and printing
// opens every practice question; on the graph page a node reached by keyboard is shown whole,
// on a phone the header's nav shows the current section's entry, and End on a long A-Z
// reaches its last entries.
// Each one only adds to the page: without JavaScript the headings keep their "#" permalinks,
// the tables still scroll and the answers still open.
(function () {
  "use strict";

  var forEach = Array.prototype.forEach;

  // --- On this page -----------------------------------------------------------------

  // The toc's entries whose targets exist, in page order: [{link, heading}].
  function tocEntries() {
    var entries = [];
    forEach.call(document.querySelectorAll(".toc a[href^='#']"), function (link) {
      var heading = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (heading) { entries.push({ link: link, heading: heading }); }
    });
    return entries;
  }

  function followReading() {
    var entries = tocEntries();
    if (!entries.length || !("IntersectionObserver" in window)) { return; }
    var current = null;

    function mark(link) {
      if (link === current) { return; }
      if (current) { current.removeAttribute("aria-current"); }
      if (link) { link.setAttribute("aria-current", "true"); }
      current = link;
    }

    // A section the reader jumped to (a link here, a link with its #hash) is marked while its
    // heading stays where the jump left it. A jump puts the heading at the top of the window,
    // where the rule below could pick a short next section, or at the foot of the page, where
    // it could pick the last one; the reader asked for this one.
    var pinned = null;

    function inPlace(heading, atEnd) {
      var top = heading.getBoundingClientRect().top;
      var margin = parseFloat(window.getComputedStyle(heading).scrollMarginTop) || 0;
      return Math.abs(top - margin) < 2 || (atEnd && top > margin && top < window.innerHeight);
    }

    function pinTo(hash) {
      pinned = null;
      try { hash = decodeURIComponent(hash); } catch (malformed) { return; } // "#100%"
      entries.forEach(function (entry) {
        if ("#" + entry.heading.id === hash) { pinned = entry; }
      });
    }

    // The section being read is the last one whose heading has passed a line a third of the
    // way down the window. At the foot of the page the last sections can never reach that
    // line, so there the last heading in view wins.
    function update() {
      var line = window.innerHeight / 3;
      var root = document.documentElement;
      var atEnd = window.innerHeight + window.scrollY >= root.scrollHeight - 2;
      if (pinned && inPlace(pinned.heading, atEnd)) {
        mark(pinned.link);
        return;
      }
      pinned = null;
      var found = null;
      // A heading in a content tab not shown has no box (its top reads 0): it is not passed.
      var shown = entries.filter(function (entry) { return entry.heading.getClientRects().length; });
      shown.forEach(function (entry) {
        var top = entry.heading.getBoundingClientRect().top;
        if (top < line || (atEnd && top < window.innerHeight)) { found = entry.link; }
      });
      if (!found && shown.length && shown[0].heading.getBoundingClientRect().top < window.innerHeight) {
        found = shown[0].link;
      }
      mark(found);
    }

    // The observer's box reaches far above the window and ends at that line, so a heading
    // enters or leaves it exactly when it crosses the line, whether the reader scrolls or
    // jumps. It only says when to look again; update() works out the section.
    var headings = new IntersectionObserver(update, { rootMargin: "1000% 0px -67% 0px" });
    entries.forEach(function (entry) { headings.observe(entry.heading); });
    // Reaching the very bottom crosses no heading, but the site footer comes fully into view.
    var footer = document.querySelector(".site-footer");
    if (footer) { new IntersectionObserver(update, { threshold: [0, 1] }).observe(footer); }

    // A click comes before its jump, hashchange after it, and the browser makes the jump to the
    // address's #hash before load; any scroll of the reader's own ends the pin.
    forEach.call(document.querySelectorAll(".toc a[href^='#']"), function (link) {
      link.addEventListener("click", function () { pinTo(link.getAttribute("href")); });
    });
    window.addEventListener("hashchange", function () { pinTo(window.location.hash); update(); });
    window.addEventListener("load", function () { pinTo(window.location.hash); update(); });
    window.addEventListener("scroll", function () { if (pinned) { update(); } }, { passive: true });
  }

  // --- Wide tables ---------------------------------------------------------------------

  // A box that scrolls sideways is focusable, so a keyboard can scroll it, only while it is
  // wider than its frame: one that fits would be a Tab stop for nothing. `show(wide)`, if
  // given, updates what goes with it. The window, a font or the column can change the widths after load.
  function focusableWhileWide(box, show) {
    function check() {
      var wide = box.scrollWidth > box.clientWidth + 1;
      if (wide) { box.setAttribute("tabindex", "0"); } else { box.removeAttribute("tabindex"); }
      if (show) { show(wide); }
    }
    check();
    if ("ResizeObserver" in window) {
      var watcher = new ResizeObserver(check);
      watcher.observe(box);
      if (box.firstElementChild) { watcher.observe(box.firstElementChild); }
    } else {
      window.addEventListener("resize", check);
    }
  }

  // A front-matter table's frame, and a table, displayed formula or code block written in
  // Markdown, each its own scrolling box, which the build makes focusable for pages read
  // without this script. WRITTEN: the boxes that show what an editor wrote in Markdown.
  var WRITTEN = ":is(.prose, .definition, .answer, .table-intro, .intro) ";
  var SCROLLERS = ".table-scroll, " + WRITTEN + ":is(table, div.formula, pre)[tabindex]";

  // "Scroll sideways for more", over a box that does. aria-hidden: the hint is about what the
  // eye sees; the box is focusable and read in order, so a screen reader has nothing to scroll.
  function scrollHint() {
    var hint = document.createElement("p");
    hint.className = "scroll-hint";
    hint.setAttribute("aria-hidden", "true");
    // The arrow is drawn by style.css, which knows the page's direction; a site's own label
    // written with one, as the theme's once was, shows it once.
    hint.textContent = window.glossarySay("scroll_sideways_hint").replace(/\s*[\u2190\u2192]\s*$/, "");
    return hint;
  }

  function showScrollHints() {
    forEach.call(document.querySelectorAll(SCROLLERS), function (box) {
      var hint = scrollHint();
      // A code block's hint goes above its highlighted frame, on the page's colours, and
      // above its title, which stays joined to the block.
      var above = box.parentNode.classList.contains("highlight") ? box.parentNode : box;
      var title = above.previousElementSibling;
      if (title && title.classList.contains("code-title")) { above = title; }
      above.parentNode.insertBefore(hint, above);
      // Focusable, it is a region named by the table's title, as a screen reader needs to say
      // what the Tab stop is; while the table fits it is no Tab stop and no landmark, and the
      // title is said once, by the table.
      var name = box.getAttribute("aria-labelledby");
      focusableWhileWide(box, function (wide) {
        box.classList.toggle("is-scrollable", wide);
        hint.hidden = !wide;
        if (wide && name) {
          box.setAttribute("role", "region");
          box.setAttribute("aria-labelledby", name);
        } else {
          box.removeAttribute("role");
          box.removeAttribute("aria-labelledby");
        }
      });
    });
  }

  // A formula in a line of text scrolls in its own box too (style.css), where it is wider
  // than the column: only those are Tab stops, with no hint, which would break the line.
  function scrollLongFormulas() {
    forEach.call(document.querySelectorAll(WRITTEN + "math[display='inline']"), function (formula) {
      focusableWhileWide(formula, function (wide) { formula.classList.toggle("is-scrollable", wide); });
    });
  }

  // An abbreviation's expansion (Markdown's `*[GPU]: Graphics processing unit`) is its title,
  // which only a mouse shows, on hover: a tap, or a click, shows it in the line (style.css),
  // and another hides it. The keyboard reaches the first of each in each part of the page that
  // may be hidden (a tab's text, a folded box) and in the rest, which shows it while focused:
  // one Tab stop for every "GPU" of a page would be a long way to the next link. One in a link
  // is the link's, which is the Tab stop there; one in a tab's title is in the tab's button.
  function expandAbbreviationsOnTap() {
    document.addEventListener("click", function (event) {
      var abbr = event.target.closest && event.target.closest("abbr[title]");
      if (abbr) { abbr.toggleAttribute("data-expanded"); }
    });
    var seen = new Map();
    forEach.call(document.querySelectorAll("abbr[title]"), function (abbr) {
      if (abbr.hasAttribute("tabindex") || abbr.closest("a, button, summary, .tabbed-title")) { return; }
      var part = abbr.closest("details, .tabbed-block") || document.body;
      var keys = seen.get(part) || new Set();
      var key = abbr.textContent + "\n" + abbr.title;
      if (!keys.has(key)) { abbr.tabIndex = 0; }
      seen.set(part, keys.add(key));
    });
  }

  // --- Copy a link to a section -------------------------------------------------------

  var SVG = "http://www.w3.org/2000/svg";

  // An icon of stroked paths; built here because the theme has no icon font and CSP allows
  // no data: images.
  function icon(paths) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "icon");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    paths.forEach(function (d) {
      var path = document.createElementNS(SVG, "path");
      path.setAttribute("d", d);
      svg.appendChild(path);
    });
    return svg;
  }

  // A chain link.
  function linkIcon() {
    return icon(["M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71",
      "M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71"]);
  }

  // One polite live region for the page, so each copy is announced once.
  var status = null;
  function announce(message) {
    if (!status) {
      status = document.createElement("div");
      status.className = "visually-hidden";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      document.body.appendChild(status);
    }
    // Emptying first makes the same message ("Link copied" twice) be read again.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  // The Clipboard API needs a secure context (https or localhost); elsewhere the older
  // execCommand("copy") on a selected, invisible textarea still works in most browsers.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      area.remove();
      if (copied) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  // A button that copies what `text()` gives, shows "Copied" on itself for two seconds and
  // announces the label `copied`; where the browser refuses, `refused()` offers another way
  // and gives the label to announce. It keeps the focus, so a keyboard can press it again.
  function copyButton(options) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = options.className;
    button.setAttribute("aria-label", options.name);
    button.title = options.title;
    var done = document.createElement("span");
    done.className = "copy-status";
    done.setAttribute("aria-hidden", "true");
    button.appendChild(options.icon);
    button.appendChild(done);
    var timer = null;
    button.addEventListener("click", function () {
      copyText(options.text()).then(function () {
        done.textContent = window.glossarySay("copied");
        announce(window.glossarySay(options.copied));
      }, function () {
        done.textContent = "";
        announce(window.glossarySay(options.refused()));
      }).then(function () {
        button.focus();
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { done.textContent = ""; }, 2000);
      });
    });
    return button;
  }

  // The heading's own words, without the "#" of its permalink.
  function headingText(heading) {
    var copy = heading.cloneNode(true);
    forEach.call(copy.querySelectorAll(".headerlink"), function (link) { link.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function addCopyButton(heading) {
    var name = headingText(heading);
    // The button sits beside the heading, not inside it, so the heading's accessible name
    // stays its own text; the row takes over the heading's margins (style.css).
    var row = document.createElement("div");
    row.className = "heading-row";
    heading.parentNode.insertBefore(row, heading);
    row.appendChild(heading);

    row.appendChild(copyButton({
      className: "copy-link",
      name: window.glossarySay("copy_link_to_section", { section: name }),
      title: window.glossarySay("copy_link_to_this_section"),
      icon: linkIcon(),
      text: function () { return window.location.href.split("#")[0] + "#" + heading.id; },
      copied: "link_copied",
      refused: function () {
        // Nothing was copied: put the link in the address bar, where it can be copied by hand.
        window.history.replaceState(null, "", "#" + heading.id);
        return "link_not_copied";
      }
    }));
  }

  function addCopyButtons() {
    var article = document.querySelector("article.term");
    if (!article) { return; }
    forEach.call(article.querySelectorAll("h2[id]"), addCopyButton);
  }

  // --- Copy a code block ----------------------------------------------------------------

  // A clipboard (two sheets).
  function clipboardIcon() {
    return icon(["M9 9h11v11H9z", "M5 15H4V4h11v1"]);
  }

  // The button goes in a bar on the block's top, its title's when it has one, never over the
  // code: a block scrolls sideways under anything laid on it, and on a phone its first line
  // would be hidden. Without this script there is no button, and no empty bar.
  function addCodeCopyButton(pre) {
    var block = pre.parentNode.classList.contains("highlight") ? pre.parentNode : pre;
    var bar = block.previousElementSibling;
    var title = "";
    if (bar && bar.classList.contains("code-title")) {
      title = bar.textContent.trim();
    } else {
      bar = document.createElement("div");
      bar.className = "code-title";
      block.parentNode.insertBefore(bar, block);
    }
    var code = pre.querySelector("code") || pre;
    bar.appendChild(copyButton({
      className: "copy-code",
      name: title ? window.glossarySay("copy_named_code", { title: title }) : window.glossarySay("copy_code"),
      title: window.glossarySay("copy_code"),
      icon: clipboardIcon(),
      // The engine ends every block with a line break, which a pasted command would run.
      text: function () { return code.textContent.replace(/\n$/, ""); },
      copied: "code_copied",
      refused: function () {
        // Nothing was copied: select the code, for the reader's own copy.
        var range = document.createRange();
        range.selectNodeContents(code);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
        return "code_not_copied";
      }
    }));
  }

  function addCodeCopyButtons() {
    forEach.call(document.querySelectorAll(WRITTEN + "pre"), addCodeCopyButton);
  }

  // --- Content tabs ---------------------------------------------------------------------

  // A set of tabs (`=== "Title"` in Markdown) is built as each tab's text under its title, as a
  // page read without this script or printed shows it; here it becomes a list of tabs that
  // shows one tab's text at a time, as WAI-ARIA's tabs pattern has it: the arrow keys, Home and
  // End move between the tabs and show each, Tab goes on to the text shown.
  var tabSets = 0;

  function makeTabs(set) {
    var blocks = [].filter.call(set.children, function (child) { return child.classList.contains("tabbed-block"); });
    var list = document.createElement("div");
    list.className = "tabbed-tabs";
    list.setAttribute("role", "tablist");
    tabSets += 1;
    var tabs = blocks.map(function (block, index) {
      var title = block.querySelector(":scope > .tabbed-title");
      var tab = document.createElement("button");
      tab.type = "button";
      tab.className = "tabbed-tab";
      tab.setAttribute("role", "tab");
      tab.id = "tabbed-" + tabSets + "-" + (index + 1);
      tab.textContent = title ? title.textContent : String(index + 1);
      block.id = tab.id + "-text";
      block.setAttribute("role", "tabpanel");
      block.setAttribute("aria-labelledby", tab.id);
      block.setAttribute("tabindex", "0");
      tab.setAttribute("aria-controls", block.id);
      list.appendChild(tab);
      return tab;
    });

    function show(chosen) {
      tabs.forEach(function (tab, index) {
        var shown = tab === chosen;
        tab.setAttribute("aria-selected", shown ? "true" : "false");
        tab.tabIndex = shown ? 0 : -1;
        blocks[index].hidden = !shown;
      });
    }

    list.addEventListener("click", function (event) {
      var tab = event.target.closest("[role=tab]");
      if (tab) { show(tab); }
    });
    list.addEventListener("keydown", function (event) {
      var at = tabs.indexOf(document.activeElement);
      if (at < 0) { return; }
      var forward = getComputedStyle(list).direction === "rtl" ? "ArrowLeft" : "ArrowRight";
      var to = { Home: 0, End: tabs.length - 1 }[event.key];
      if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
        to = (at + (event.key === forward ? 1 : -1) + tabs.length) % tabs.length;
      }
      if (to === undefined) { return; }
      event.preventDefault();
      show(tabs[to]);
      tabs[to].focus();
    });
    set.insertBefore(list, set.firstChild);
    set.classList.add("is-tabbed");
    var first = blocks.filter(function (block) { return block.classList.contains("tabbed-first"); })[0];
    show(tabs[first ? blocks.indexOf(first) : 0]);
  }

  // A place in a tab not shown (`#id` in the address, from a link or an "On this page" entry)
  // shows its tab, and the tabs of any sets around it, then comes into view.
  function showTabsOf(target) {
    var block = target.closest(".tabbed-block[hidden]");
    if (!block) { return; }
    for (; block; block = block.parentElement.closest(".tabbed-block[hidden]")) {
      document.getElementById(block.getAttribute("aria-labelledby")).click();
    }
    target.scrollIntoView();
  }

  function makeTabSets() {
    forEach.call(document.querySelectorAll(WRITTEN + ".tabbed-set"), makeTabs);
    function showTarget() {
      var id;
      try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (error) { return; }
      var target = id && document.getElementById(id);
      if (target) { showTabsOf(target); }
    }
    window.addEventListener("hashchange", showTarget);
    showTarget();
  }

  // --- The graph's frame ---------------------------------------------------------------

  // On a narrow screen the graph page's picture scrolls inside its frame. Chromium leaves a
  // node that is focused with Tab where it is as long as a pixel of it shows, so the node
  // reached by keyboard could be mostly out of sight; it is brought fully into the frame.
  // The frame is a Tab stop, as a wide table is, only while it scrolls, and has the same hint.
  function revealFocusedNodes() {
    forEach.call(document.querySelectorAll(".graph-scroll"), function (frame) {
      var scrolling = frame.getAttribute("aria-label"), fitting = frame.dataset.labelWhenFits;
      var hint = scrollHint();
      frame.parentNode.insertBefore(hint, frame);
      focusableWhileWide(frame, function (wide) {
        hint.hidden = !wide;
        frame.setAttribute("aria-label", wide || !fitting ? scrolling : fitting);
      });
      frame.addEventListener("focusin", function (event) {
        var node = event.target.closest(".graph-node");
        if (node) { node.scrollIntoView({ block: "nearest", inline: "nearest" }); }
      });
    });
  }

  // --- Boxes that scroll sideways -----------------------------------------------------

  // Chromium leaves an element focused with Tab where it is as long as a pixel of it shows, so
  // in a box that scrolls sideways the one reached by keyboard could be mostly out of sight.
  // reveal() brings `target` wholly into `box` with `room` px to spare on each side (for its
  // focus ring). Setting scrollLeft, unlike scrollIntoView, never moves the page from an
  // #anchor it opened at.
  function reveal(box, target, room) {
    var frame = box.getBoundingClientRect();
    var edges = target.getBoundingClientRect();
    if (edges.right + room > frame.right) {
      box.scrollLeft += edges.right + room - frame.right;
    } else if (edges.left - room < frame.left) {
      box.scrollLeft -= frame.left - edges.left + room;
    }
  }

  // A table wider than its box (on a phone): a link in a cell past its edge, reached with Tab,
  // showed a few letters ("GitH" of "GitHub Copilot"); it is shown whole with its ring.
  function revealFocusInTables() {
    var boxes = ".table-scroll, :is(.prose, .definition, .answer, .table-intro, .intro) table";
    forEach.call(document.querySelectorAll(boxes), function (box) {
      box.addEventListener("focusin", function (event) {
        if (event.target === box) { return; }
        var ring = getComputedStyle(event.target);
        reveal(box, event.target, parseFloat(ring.outlineWidth) + Math.max(0, parseFloat(ring.outlineOffset)));
      });
    });
  }

  // On a phone the nav is one line that scrolls sideways (style.css): a link focused with Tab
  // is brought wholly into sight, and so is the current section's entry (Search, the last, is
  // past the edge at 360 px). The nav's padding is its links' focus rings' room.
  function fitNav() {
    var nav = document.querySelector(".site-nav");
    if (!nav) { return; }
    var room = function () { return parseFloat(getComputedStyle(nav).paddingLeft); };
    nav.addEventListener("focusin", function (event) { reveal(nav, event.target, room()); });
    // After theme.js, which listened first: the control it shows beside the nav narrows it.
    document.addEventListener("DOMContentLoaded", function () {
      var current = nav.querySelector("a[aria-current='page']");
      if (current) { reveal(nav, current, room()); }
    });
  }

  // --- A-Z -----------------------------------------------------------------------------

  // The home page (and a long category or tag page) lays out a run of entries only as the
  // reader comes near it (style.css: content-visibility), at its real height rather than the
  // estimated one. End scrolls to the bottom the page had when it was pressed, so the runs laid
  // out on the way can leave it short of the last entries; until its scroll ends at the real
  // bottom, it is taken there.
  function endReachesTheEnd() {
    if (!document.querySelector(".term-run")) { return; }
    var until = 0;
    window.addEventListener("keydown", function (event) {
      var typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
      until = event.key === "End" && !typing ? Date.now() + 2000 : 0;
    });
    ["wheel", "pointerdown", "touchstart"].forEach(function (kind) {
      window.addEventListener(kind, function () { until = 0; }, { passive: true });
    });
    window.addEventListener("scrollend", function () {
      var bottom = document.documentElement.scrollHeight - window.innerHeight;
      if (Date.now() < until && window.scrollY < bottom - 1) {
        window.scrollTo({ top: bottom, behavior: "instant" });
      }
    });
  }

  // --- Print ---------------------------------------------------------------------------

  // style.css shows closed answers and collapsible boxes (`??? note` in Markdown) in print
  // through ::details-content; browsers without it get them opened for the printout and
  // closed again afterwards.
  function openAnswersForPrint() {
    var opened = [];
    window.addEventListener("beforeprint", function () {
      forEach.call(document.querySelectorAll(":is(.faq details, details.admonition):not([open])"), function (details) {
        details.open = true;
        opened.push(details);
      });
    });
    window.addEventListener("afterprint", function () {
      opened.forEach(function (details) { details.open = false; });
      opened = [];
    });
  }

  addCopyButtons();
  addCodeCopyButtons();
  makeTabSets();
  showScrollHints();
  scrollLongFormulas();
  expandAbbreviationsOnTap();
  followReading();
  revealFocusedNodes();
  revealFocusInTables();
  fitNav();
  endReachesTheEnd();
  openAnswersForPrint();
}());
