"use strict";
// The theme's words for its scripts (site.yml's `labels`, else the theme's translation into the
// site's language, else English), with say(): a label with its {placeholders} filled, the `_one`
// form for a count of exactly 1, and the count's digits grouped as the built pages do (12,345).
window.glossaryLabels = {{ labels_json | markup }};
window.glossarySay = function (key, values) {
  const labels = window.glossaryLabels;
  const given = values || {};
  const one = given.count === 1 && labels[key + "_one"] !== undefined;
  return labels[one ? key + "_one" : key].replace(/\{([a-z_]+)\}/g, function (_, name) {
    const value = given[name];
    return name === "count" && typeof value === "number"
      ? String(value).replace(/\B(?=(\d{3})+$)/g, labels.thousands_separator)
      : String(value);
  });
};
