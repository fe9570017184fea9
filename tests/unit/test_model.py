"""model: the key every name of a term is known by."""

from __future__ import annotations

import unicodedata

import pytest

from glossary_site.model import distinct_aliases, name_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Caf\u00e9", "Cafe\u0301"),  # é as one letter, and as e with a combining accent
        ("CAFE\u0301", "caf\u00e9"),
        ("Stra\u00dfe", "STRA\u1e9eE"),  # the capital sharp s
        ("\u01f0", "J\u030c"),  # ǰ: folding takes it apart, as j and a caron
        ("\u1e69", "s\u0323\u0307"),  # ṩ: two accents, in either order
        ("\u1e69", "s\u0307\u0323"),
        ("\uac00", "\u1100\u1161"),  # 가 as one syllable and as its two letters
        ("GPU", "gpu"),
        ("L\u2019\u0153uvre", "l'\u0153uvre"),  # the apostrophe of a French keyboard, and '
        ("L\u02bcx", "L\u2018X"),
        ("\u0130stanbul Bo\u011faz\u0131", "istanbul bo\u011faz\u0131"),  # Turkish İ, the capital of i
        ("\u0130ZM\u0130R", "izmir"),
    ],
)
def test_names_alike_but_for_case_unicode_form_or_apostrophe_have_one_key(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Caf\u00e9", "Cafe"),
        ("x\u00b2", "x2"),
        ("\uff2c\uff2c\uff2d", "LLM"),
        # was one name, as casefold spells ß "ss": two German words, measures and mass
        ("Ma\u00dfe", "Masse"),
        ("Stra\u00dfe", "STRASSE"),
    ],
)
def test_different_letters_and_compatibility_forms_stay_different_names(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)


@pytest.mark.parametrize("name", ["Cafe\u0301", "Caf\u00e9", "\u01f0", "gpu", "\u1100\u1161", "\u0130zmir"])
def test_a_key_is_composed_and_its_own_key(name: str) -> None:
    key = name_key(name)
    assert unicodedata.is_normalized("NFC", key)
    assert name_key(key) == key


def test_an_alias_differing_from_the_title_or_another_in_unicode_form_alone_is_left_out() -> None:
    aliases = ["Cafe\u0301", "Cr\u00e8me", "Cre\u0300me", "Bar"]
    assert distinct_aliases("Caf\u00e9", aliases) == ("Cr\u00e8me", "Bar")
