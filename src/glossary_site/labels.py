"""The theme's own words (Definition, Search, "Updated 2 April 2025", "12 terms"): English as
the theme's label files give them, then the theme's translation into the site's `language` when it
ships one (theme/translations/<tag>.yml), then site.yml's `labels`, so that a glossary in any
language reads in that language throughout, and one in a shipped language without writing a word.

A label is one line of text; `{name}` in it is filled in where it is shown (a count, a date, a
title). A label for a count, such as `terms_count` ("{count} terms"), may have a `_one` twin
("{count} term") used when the count is exactly 1. Templates show labels as `labels.name` and
fill them with `t(...)`, scripts read them from the generated assets/labels.js, Python's page
views use `say`.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Mapping
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


def for_language(language: str) -> dict[str, str]:
    """Every label as a site in `language` gets it before its own `labels`: English, with the
    shipped translation's words over it."""
    return {**defaults(), **translation_of(language)}


def form(labels: Mapping[str, str], key: str, count: int | None = None) -> str:
    """The text of label `key`; for a count of exactly 1, its `_one` twin when it has one."""
    return labels.get(f"{key}_one", labels[key]) if count == 1 else labels[key]


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
    given without its `_one` twin stands for a count of 1 too: "1 Begriffe" is nearer the
    site's language than the English "1 term"."""
    labels = for_language(language)
    if value is None:
        return labels
    if not isinstance(value, dict):
        message = "'labels' must map each theme word's name to its text, e.g. search_button: Suchen"
        diagnostics.error(path, located.line("labels"), message)
        return labels
    for key, text in value.items():
        line = located.line("labels", key)
        english = defaults().get(str(key))
        if english is None:
            diagnostics.error(
                path, line, f"unknown label '{clipped(str(key))}'{suggesting(meant_by(str(key), defaults()))}"
            )
            continue
        # spaces around a word are dropped, but a label of spaces alone is kept: a space or a
        # narrow no-break space is how many languages group digits (thousands_separator); and a
        # separator whose English has them keeps its own (list_separator: ", ")
        shown = _trimmed(text, english) if isinstance(text, str) else ""
        if not shown or shown.splitlines() != [shown]:
            diagnostics.error(path, line, f"label '{key}' must be one line of text")
            continue
        wanted, written = set(PLACEHOLDER_RE.findall(english)), set(PLACEHOLDER_RE.findall(text))
        if wanted != written:
            diagnostics.error(path, line, _placeholder_problem(str(key), text, english, wanted, written))
            continue
        labels[str(key)] = shown
        if f"{key}_one" in labels and f"{key}_one" not in value:
            labels[f"{key}_one"] = shown
    return labels


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
