// The page at a renamed term's former address, or at terms/ or a-z/ (redirect.html). Its meta
// refresh goes to the term's page (or the home page's A-Z) but drops the #section of the
// address the reader opened (a link to one of the old page's sections), so the reader would
// land at the top; with a section, this goes on to that section instead, before the refresh,
// which waits for the page to finish loading.
(function () {
  "use strict";

  var link = document.querySelector("main a[href]");
  if (link && window.location.hash.length > 1) {
    window.location.replace(link.href.split("#")[0] + window.location.hash);
  }
})();
