// The reader's colour scheme: auto (the system's), light or dark, remembered in localStorage.
// Loaded in <head> without defer, so the choice is on <html> (data-theme) before the first
// paint and a dark page never flashes white. The header's control is hidden in the HTML and
// shown here, because without this script it could do nothing.
(function () {
  "use strict";

  var KEY = "glossary-theme";
  var root = document.documentElement;

  function stored() {
    try {
      var choice = window.localStorage.getItem(KEY);
      return choice === "light" || choice === "dark" ? choice : "auto";
    } catch (error) {
      return "auto"; // storage blocked (privacy settings): follow the system
    }
  }

  function save(choice) {
    try {
      if (choice === "auto") { window.localStorage.removeItem(KEY); } else { window.localStorage.setItem(KEY, choice); }
    } catch (error) {
      // Not remembered, but still applied to this page.
    }
  }

  // "auto" is the absence of the attribute, so the stylesheet's prefers-color-scheme rules apply.
  function apply(choice) {
    if (choice === "auto") { delete root.dataset.theme; } else { root.dataset.theme = choice; }
  }

  function systemIsDark() {
    return Boolean(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
  }

  // From auto, the first press always changes what the reader sees: to the scheme the system
  // is not using. Then the other one, then back to auto.
  function nextChoice(choice) {
    var opposite = systemIsDark() ? "light" : "dark";
    var same = opposite === "dark" ? "light" : "dark";
    if (choice === "auto") { return opposite; }
    return choice === opposite ? same : "auto";
  }

  function describe(button, choice) {
    var text = button.querySelector(".theme-toggle-text");
    (text || button).textContent = window.glossarySay("theme_" + choice);  // the labels theme_auto, theme_light, theme_dark
    button.setAttribute("data-choice", choice);
  }

  // A screen reader does not read a focused button again when its name changes, so the new
  // choice is also said in a polite status beside it. The control has three states (auto is
  // neither pressed nor unpressed), so aria-pressed would not fit. Made empty at load: a live
  // region is only watched once it exists.
  function statusFor(button) {
    var status = document.createElement("span");
    status.className = "visually-hidden theme-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    button.insertAdjacentElement("afterend", status);
    return status;
  }

  function wire() {
    var button = document.querySelector(".theme-toggle");
    if (!button) { return; }
    // Kept here as well as in storage, so the control still cycles when storage is blocked.
    var choice = stored();
    describe(button, choice);
    var status = statusFor(button);
    button.hidden = false;
    button.addEventListener("click", function () {
      choice = nextChoice(choice);
      save(choice);
      apply(choice);
      describe(button, choice);
      status.textContent = window.glossarySay("theme_" + choice);
    });
    // A choice made in another tab of the site applies here too.
    window.addEventListener("storage", function (event) {
      if (event.key !== KEY && event.key !== null) { return; }
      choice = stored();
      apply(choice);
      describe(button, choice);
    });
  }

  apply(stored());
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wire);
  } else {
    wire();
  }
}());
