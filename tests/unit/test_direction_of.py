"""text_direction.direction_of: which way a site's pages run, from its language tag."""

from __future__ import annotations

import pytest

from glossary_site.text_direction import direction_of

RTL = ["ar", "AR", "ar-EG", "arc", "he", "he-IL", "iw", "fa", "fa-AF", "ur", "ckb", "ps", "yi", "dv", "ug"]
#: A script subtag decides: Hausa and Punjabi in Arabic letters run right to left.
RTL += ["ha-Arab", "pa-Arab", "az-Arab-IR", "ks-Arab"]
LTR = ["en", "en-GB", "de", "pt-BR", "zh-Hant-TW", "sr-Latn", "x-klingon", "gsw", "ha", "pa"]
#: The language's usual direction gives way to a script written left to right; 'arn' is not 'ar'.
LTR += ["ks-Deva", "ug-Cyrl", "arn", "her", "fa-Latn"]


@pytest.mark.parametrize("tag", RTL)
def test_right_to_left_languages_and_scripts(tag: str) -> None:
    assert direction_of(tag) == "rtl"


@pytest.mark.parametrize("tag", LTR)
def test_every_other_tag_runs_left_to_right(tag: str) -> None:
    assert direction_of(tag) == "ltr"
