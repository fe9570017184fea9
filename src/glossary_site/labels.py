"""The theme's own words (Definition, Search, "Updated 2 April 2025", "12 terms"): English as
the theme's label files give them, then the theme's translation into the site's `language` when it
ships one (theme/translations/<tag>.yml), then site.yml's `labels`, so that a glossary in any
language reads in that language throughout, and one in a shipped language without writing a word.

A label is one line of text; `{name}` in it is filled in where it is shown (a count, a date, a
title). A label for a count, such as `terms_count` ("{count} terms"), may have twins for the
other forms of the plural its language has, named by their CLDR categories: `_one` ("{count}
term"), and `_zero`, `_two`, `_few`, `_many` (Russian "{count} термина" for 2, 3, 4, 22…); the label
itself is the category `other`. Templates show labels as `labels.name` and fill them with
`t(...)`, scripts read them from the generated assets/labels.js, Python's page views use `say`.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import yaml

from glossary_site import yaml_lines
from glossary_site.diagnostics import Diagnostics, clipped, meant_by, suggesting
from glossary_site.template_files import THEME

FOLDER = THEME / "labels"
#: One file per language, named by its tag (de.yml, pt-BR.yml): every label, flat as in FOLDER.
TRANSLATIONS = THEME / "translations"
PLACEHOLDER_RE = re.compile(r"\{([a-z_]+)\}")
#: What every page loads before its scripts, from the labels a build uses.
SCRIPT_PATH = "assets/labels.js"


@functools.cache
def defaults() -> Mapping[str, str]:
    """Every label in English, from the theme's label files (each key in one file only)."""
    found: dict[str, str] = {}
    for file in sorted(FOLDER.glob("*.yml")):
        found.update(yaml.safe_load(file.read_text(encoding="utf-8")) or {})
    return found


@functools.cache
def translations() -> Mapping[str, Path]:
    """Each shipped translation's file by its tag in lower case: tags ignore case (`pt-br` is
    `pt-BR`), so a site.yml's spelling of one must not decide whether it is found."""
    return {file.stem.lower(): file for file in sorted(TRANSLATIONS.glob("*.yml"))}


@functools.cache
def _translation(file: Path) -> Mapping[str, str]:
    return yaml.safe_load(file.read_text(encoding="utf-8")) or {}


#: The script a language's tag without a script subtag is written in, by its region: Chinese is
#: Traditional in Taiwan, Hong Kong and Macau and Simplified elsewhere (and with no region).
IMPLIED_SCRIPTS: Mapping[str, tuple[str, Mapping[str, str]]] = {
    "zh": ("hans", {"tw": "hant", "hk": "hant", "mo": "hant"}),
}
#: A language tag that names a group of written standards, read as the one most sites write:
#: `no` (Norwegian) as Bokmål, which is also what `no` meant before `nb` and `nn` had codes.
WRITTEN_AS: Mapping[str, str] = {"no": "nb"}


def translation_of(language: str) -> Mapping[str, str]:
    """The shipped translation for a language tag: the tag's own (`pt-BR`) when it has one, else
    its language and script's (`zh-Hant` for `zh-Hant-TW`), else, for a tag without a script,
    the script its region implies (`zh-TW` reads `zh-Hant`, `zh` and `zh-CN` `zh-Hans`), else its
    language's (`de` for `de-AT` and `de-CH`), or the written standard a group's tag is read as
    (Bokmål's `nb` for Norwegian `no`); none for a language the theme does not ship."""
    shipped = translations()
    for tag in _fallbacks(language.lower()):
        if tag in shipped:
            return _translation(shipped[tag])
    return {}


def _fallbacks(tag: str) -> list[str]:
    """The tags to try for `tag` (lower case), most specific first."""
    language, *rest = tag.split("-")
    if rest and len(rest[0]) == 4:
        script = rest[0]
    else:
        default, by_region = IMPLIED_SCRIPTS.get(language, ("", {}))
        script = by_region.get(rest[0] if rest else "", default)
    written = WRITTEN_AS.get(language)
    return [tag, *([f"{language}-{script}"] if script else []), language, *([written] if written else [])]


def _one_if_1(count: int) -> str:
    return "one" if count == 1 else "other"


def _one_if_0_or_1(count: int) -> str:
    return "one" if count in (0, 1) else "other"


def _other_only(count: int) -> str:
    return "other"


def _few_or_many(count: int) -> str:
    """Past `one`, Russian, Ukrainian and Polish: 2-4, 22-24 few; the rest, 11-14 too, many."""
    return "few" if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14) else "many"


def _few_if_2_to_4(count: int) -> str:
    """Russian and Ukrainian: 1, 21, 101 one."""
    return "one" if count % 10 == 1 and count % 100 != 11 else _few_or_many(count)


def _polish(count: int) -> str:
    """As Russian but 1 alone is one: 21 terminów, like 25."""
    return "one" if count == 1 else _few_or_many(count)


def _arabic(count: int) -> str:
    """0 zero, 1 one, 2 two, 3-10 few and 11-99 many (past each hundred too), the rest other."""
    if count in (0, 1, 2):
        return ("zero", "one", "two")[count]
    return "few" if 3 <= count % 100 <= 10 else "many" if count % 100 >= 11 else "other"


def _hebrew(count: int) -> str:
    return "one" if count == 1 else "two" if count == 2 else "other"


def _czech(count: int) -> str:
    """1 one, 2-4 few, the rest other (CLDR's `many` is for fractions, which counts never are)."""
    return "one" if count == 1 else "few" if count in (2, 3, 4) else "other"


#: Which form of the plural a count takes, by language (lower-case tag, found as translations
#: are): CLDR's cardinal rules for whole numbers, which is what Intl.PluralRules in the browser
#: applies too (tests/browser/test_theme_words.py compares them). CLDR's `many` for a million in
#: French, Spanish, Italian and Portuguese is left out: it is for the word ("un million de
#: termes"), and the theme writes digits. A language not here counts as English does.
PLURAL_RULES: Mapping[str, Callable[[int], str]] = {
    **dict.fromkeys(("en", "de", "nl", "sv", "da", "nb", "fi", "es", "it", "pt-pt"), _one_if_1),
    **dict.fromkeys(("fr", "pt"), _one_if_0_or_1),
    **dict.fromkeys(("ja", "ko", "zh"), _other_only),
    **dict.fromkeys(("ru", "uk"), _few_if_2_to_4),
    "pl": _polish,
    "cs": _czech,
    "ar": _arabic,
    "he": _hebrew,
}
#: The categories a count label may have a twin for; the label itself is `other`.
TWINS = ("zero", "one", "two", "few", "many")
#: Not a label: the PLURAL_RULES tag a build counts by, kept with its labels so that every place
#: that fills a count (and assets/labels.js, for the scripts) counts in the site's language.
PLURALS = "plural_rules"


def plural_rules(language: str) -> str:
    """The PLURAL_RULES tag `language` counts by: its own, its language's (`pt-BR` counts as
    `pt`, `pt-PT` as itself), or English's."""
    return next((tag for tag in _fallbacks(language.lower()) if tag in PLURAL_RULES), "en")


def plural_form(language: str, count: int) -> str:
    """`one`, `two`, `few`, `many` or `other`: the form of the plural `count` takes in `language`."""
    return PLURAL_RULES[plural_rules(language)](count)


@functools.cache
def plural_forms(language: str) -> tuple[str, ...]:
    """The twins a count label has in `language`, in TWINS order. Every rule repeats within
    100, so 0 to 199 meet every form."""
    taken = {plural_form(language, count) for count in range(200)}
    return tuple(twin for twin in TWINS if twin in taken)


@functools.cache
def count_labels() -> frozenset[str]:
    """The labels that say a count, and so may have twins: those with a `_one` twin in English."""
    return frozenset(key for key in defaults() if f"{key}_one" in defaults())


def for_language(language: str) -> dict[str, str]:
    """Every label as a site in `language` gets it before its own `labels`: English, with the
    shipped translation's words over it, without the English twins of forms the language does
    not have (Japanese "1 term")."""
    found = {**defaults(), **translation_of(language), PLURALS: plural_rules(language)}
    unused = set(TWINS) - set(plural_forms(language))
    return {key: text for key, text in found.items() if not _twin_of(key, unused)}


def _twin_of(key: str, forms: set[str]) -> bool:
    base, _, form = key.rpartition("_")
    return form in forms and base in count_labels()


def form(labels: Mapping[str, str], key: str, count: int | None = None) -> str:
    """The text of label `key`; for a count, its twin for the form the count takes in the
    labels' language (`terms_count_few` for 3 in Russian) when it has one."""
    if count is None:
        return labels[key]
    category = PLURAL_RULES[labels.get(PLURALS, "en")](count)
    return labels.get(f"{key}_{category}", labels[key]) if category != "other" else labels[key]


def fill(text: str, values: Mapping[str, object]) -> str:
    return PLACEHOLDER_RE.sub(lambda found: str(values[found.group(1)]), text)


def say(labels: Mapping[str, str], key: str, count: int | None = None, **values: object) -> str:
    """The label `key` with its placeholders filled; `count` fills {count}, digits grouped."""
    if count is not None:
        values["count"] = number(labels, count)
    return fill(form(labels, key, count), values)


def long_date(labels: Mapping[str, str], day: dt.date) -> str:
    """'2 April 2025', in the words and order of the labels `date` and `month_1`...`month_12`;
    the first of a month as `date_first_day` says, for the languages that write it as an
    ordinal ("1er avril 2025")."""
    number = fill(labels["date_first_day"], {"day": 1}) if day.day == 1 else day.day
    return say(labels, "date", day=number, month=labels[f"month_{day.month}"], year=day.year)


def number(labels: Mapping[str, str], value: int) -> str:
    """12,345: digits in groups of three, parted by the label `thousands_separator`."""
    return f"{value:,}".replace(",", labels["thousands_separator"])


def as_json(labels: Mapping[str, str]) -> str:
    """The labels for assets/labels.js, which the theme's scripts read."""
    return json.dumps(dict(labels), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def parse(
    value: Any, located: yaml_lines.Located, path: str, diagnostics: Diagnostics, language: str = "en"
) -> dict[str, str]:
    """site.yml's `labels`, laid over the `language`'s (for_language); each problem reported at
    its line.

    A label must keep the placeholders of the English one, and no other: a count or date a
    translation drops would vanish from every page, and one it adds cannot be filled. A label
    given without its twins stands for their counts too: "1 Begriffe" is nearer the site's
    language than the English "1 term". A twin of a form the language's counts never take is
    warned of and left out, so that the scripts, whose Intl.PluralRules may know a form this
    module's rules leave out, cannot show it either."""
    labels = for_language(language)
    if value is None:
        return labels
    if not isinstance(value, dict):
        message = "'labels' must map each theme word's name to its text, e.g. search_button: Suchen"
        diagnostics.error(path, located.line("labels"), message)
        return labels
    forms = plural_forms(language)
    for key, text in value.items():
        line = located.line("labels", key)
        base, _, twin = str(key).rpartition("_")
        if str(key) not in defaults() and (problem := _not_a_twin(str(key))):
            diagnostics.error(path, line, problem)
            continue
        english = defaults().get(str(key)) or defaults()[base]
        if base in count_labels() and twin in TWINS and twin not in forms:
            diagnostics.warning(path, line, _unused_twin(str(key), base, twin, language, forms))
            continue
        # spaces around a word are dropped, but a label of spaces alone is kept: a space or a
        # narrow no-break space is how many languages group digits (thousands_separator); and a
        # separator whose English has them keeps its own (list_separator: ", ")
        shown = _trimmed(text, english) if isinstance(text, str) else ""
        if not shown or shown.splitlines() != [shown]:
            diagnostics.error(path, line, f"label '{key}' must be one line of text")
            continue
        wanted, written = set(PLACEHOLDER_RE.findall(english)), set(PLACEHOLDER_RE.findall(text))
        if wanted != written and not (_one_count(str(key), language) and written == wanted - {"count"}):
            diagnostics.error(path, line, _placeholder_problem(str(key), text, english, wanted, written))
            continue
        labels[str(key)] = shown
        for other in forms if key in count_labels() else ():
            if f"{key}_{other}" in labels and f"{key}_{other}" not in value:
                labels[f"{key}_{other}"] = shown
    return labels


def _one_count(key: str, language: str) -> bool:
    """Whether `key` is a count label's twin that a single count takes in `language` (English
    `_one`, Arabic `_zero`, `_one` and `_two`): it may say its count in words ("مصطلح واحد",
    "مصطلحان") rather than with {count}."""
    base, _, twin = key.rpartition("_")
    return base in count_labels() and sum(plural_form(language, n) == twin for n in range(200)) == 1


def _not_a_twin(key: str) -> str:
    """What is wrong with a label name the theme does not have, read as a count label's twin."""
    base, _, twin = key.rpartition("_")
    if base in count_labels():
        if twin in TWINS:
            return ""
        forms = ", ".join(f"{base}_{name}" for name in TWINS)
        return f"unknown label '{clipped(key)}': the forms of '{base}' are {forms}"
    if base in defaults() and twin in TWINS:
        return f"label '{base}' says no count, so it has no '{twin}' form '{clipped(key)}'"
    if twin in TWINS:
        return f"unknown label '{clipped(key)}'{suggesting(meant_by(key, _twin_names(twin)))}"
    return f"unknown label '{clipped(key)}'{suggesting(meant_by(key, defaults()))}"


def _twin_names(twin: str) -> list[str]:
    return [f"{key}_{twin}" for key in sorted(count_labels())]


def _unused_twin(key: str, base: str, twin: str, language: str, forms: tuple[str, ...]) -> str:
    if forms:
        given = ", ".join(f"{base}_{name}" for name in forms)
        return f"label '{key}' is never used: counts in '{language}' take {given} or {base}, never '{twin}'"
    return f"label '{key}' is never used: counts in '{language}' all take {base}"


def _trimmed(text: str, english: str) -> str:
    return text if english != english.strip() else (text.strip() or text)


def _placeholder_problem(key: str, text: str, english: str, wanted: set[str], written: set[str]) -> str:
    """Says what is wrong before what is right: `{datum}` for `{date}` is a slip to see at
    once, and a `{zeit}` added beside `{date}` is not a `{date}` missing."""
    needed = ", ".join(f"{{{name}}}" for name in sorted(wanted)) or "no {...}"
    said = ", ".join(f"{{{name}}}" for name in sorted(written - wanted))
    lacking = ", ".join(f"{{{name}}}" for name in sorted(wanted - written))
    if said:
        what = f"has {said}, which nothing fills in" + (f", and lacks {lacking}" if lacking else "")
    elif "{" in (rest := PLACEHOLDER_RE.sub("", text)) or "}" in rest:
        what = f"lacks {lacking}: a '{{' or '}}' there has no pair, or holds other than a-z and _"
    else:
        what = f"lacks {lacking}"
    return f"label '{key}' {what}; it must have {needed}, as in '{english}'"
