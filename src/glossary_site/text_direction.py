"""Which way a site's pages run, from its language tag: `dir="rtl"` on `<html>` for a glossary
written in Arabic, Hebrew, Persian, Urdu and the like, as MkDocs Material and Hugo's themes do.

A browser never infers the direction from `lang`; without `dir` an Arabic site's navigation,
sidebar, bullets, table columns and previous/next arrows run left to right. Each block an
editor wrote still takes the direction of its own first letter (style.css), either way.
"""

from __future__ import annotations

from typing import Literal

Direction = Literal["ltr", "rtl"]
DIRECTIONS: tuple[Direction, ...] = ("ltr", "rtl")

#: Languages written right to left, by primary subtag (the first part of the tag), when no
#: script subtag says otherwise: Arabic, Aramaic, South Azerbaijani, Sorani Kurdish, Dhivehi,
#: Persian and Dari, Hebrew (and its old code iw), Kashmiri, Mazanderani, N'Ko, Western
#: Punjabi, Pashto, Sindhi, Syriac, Uyghur, Urdu, Yiddish (and its old code ji).
RTL_LANGUAGES = frozenset({
    "ar", "arc", "azb", "ckb", "dv", "fa", "he", "iw", "ks", "mzn", "nqo", "pnb", "prs", "ps", "sd",
    "syr", "ug", "ur", "yi", "ji",
})  # fmt: skip
#: Right-to-left scripts (ISO 15924): a tag that names one ('ha-Arab', 'pa-Arab') is right to
#: left whatever its language, and one naming another script ('ks-Deva', 'ug-Cyrl') is not.
RTL_SCRIPTS = frozenset({
    "adlm", "arab", "aran", "hebr", "mand", "mend", "nkoo", "rohg", "samr", "syrc", "thaa", "yezi",
})  # fmt: skip


def direction_of(language: str) -> Direction:
    """'rtl' for a tag such as 'ar', 'he-IL', 'fa-AF' or 'ha-Arab', else 'ltr'.

    A script subtag is the second part, of four letters (BCP 47); it decides when present, as
    the language alone does not say how it is written ('pa' is Gurmukhi, 'pa-Arab' Shahmukhi).
    """
    primary, *rest = language.lower().split("-")
    if rest and len(rest[0]) == 4 and rest[0].isalpha():
        return "rtl" if rest[0] in RTL_SCRIPTS else "ltr"
    return "rtl" if primary in RTL_LANGUAGES else "ltr"
