"""a_to_z: the one order of every list of names on the site, numbers in it by their value."""

from __future__ import annotations

import random

from glossary_site.a_to_z import a_to_z_key, letter_of, sort_name


def a_to_z(names: list[str]) -> list[str]:
    shuffled = names[:]
    random.Random(141).shuffle(shuffled)
    return sorted(shuffled, key=a_to_z_key)


def test_numbers_in_names_sort_by_their_value_as_readers_expect() -> None:
    """Was: digits sorted as text, so 'GPT-10' came before 'GPT-3' and 'Model 10' before
    'Model 2', as no file manager or printed glossary lists them."""
    models = ["GPT-3", "GPT-3.5", "GPT-4", "GPT-4o", "GPT-10", "GPT-35"]
    assert a_to_z(models) == models
    numbered = ["Model 1", "Model 2", "Model 2b", "Model 10"]
    assert a_to_z(numbered[::-1]) == numbered
    assert a_to_z(["Œuvre 1019", "Œuvre 11", "Œuvre 101"]) == ["Œuvre 11", "Œuvre 101", "Œuvre 1019"]
    assert sort_name("Model 2") < sort_name("Model 10")


def test_names_filed_under_hash_sort_by_their_numbers_and_keep_their_letter() -> None:
    names = ["2001 model", "3D printing", "10x engineer", "计算"]
    assert a_to_z(names) == ["3D printing", "10x engineer", "2001 model", "计算"]
    assert {letter_of(name) for name in names} == {"#"}


def test_leading_zeros_count_for_nothing_but_settle_a_tie_the_same_way_every_time() -> None:
    assert sort_name("Agent 007") == sort_name("Agent 7")
    assert a_to_z(["Agent 8", "Agent 7", "Agent 007", "Agent 10", "Agent 07"]) == [
        "Agent 007",
        "Agent 07",
        "Agent 7",
        "Agent 8",
        "Agent 10",
    ]


def test_numbers_keep_their_place_among_letters_and_punctuation() -> None:
    """Only numbers against numbers change: 'Web 2.0' after 'Web' and before 'Web API', as before."""
    assert a_to_z(["Web API", "Web 2.0", "Web", "Web-10"]) == ["Web", "Web 2.0", "Web API", "Web-10"]
    assert sort_name("Éclair 2") < sort_name("Éclair 10") < sort_name("Eclairs")
    assert sort_name("Ｍodel １０") == sort_name("Model 10")
