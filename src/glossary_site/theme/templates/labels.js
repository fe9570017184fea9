"use strict";
// The theme's words for its scripts (site.yml's `labels`, else the theme's translation into the
// site's language, else English), with say(): a label with its {placeholders} filled, for a
// count its twin for the form of the plural the count takes (`_zero`, `_one`, `_two`, `_few`, `_many`;
// the label itself is the rest), and the count's digits grouped as the built pages do (12,345).
// The form is Intl.PluralRules's for the language labels.py counts by (`plural_rules`), whose
// CLDR rules it follows; a twin a build does not have reads the label itself, as in Python.
window.glossaryLabels = {{ labels_json | markup }};
window.glossarySay = function (key, values) {
  const labels = window.glossaryLabels;
  const given = values || {};
  const form = typeof given.count === "number"
    ? new Intl.PluralRules(labels.plural_rules || "en").select(given.count)
    : "other";
  const twin = form !== "other" && labels[key + "_" + form] !== undefined;
  return labels[twin ? key + "_" + form : key].replace(/\{([a-z_]+)\}/g, function (_, name) {
    const value = given[name];
    return name === "count" && typeof value === "number"
      ? String(value).replace(/\B(?=(\d{3})+$)/g, labels.thousands_separator)
      : String(value);
  });
};
