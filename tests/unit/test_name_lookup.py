"""The files search-engine.js looks a query up in: each name in the one file its key hashes
to, a name's other forms (plural, possessive, singular) in that same file."""

from __future__ import annotations

import json

from glossary_site.name_lookup import BUCKETS, Named, bucket, files, normal

TOKEN = Named("terms/token/", "Token", "A piece of text.", ("Token", "\u201cTok\u2019s\u201d", ""))
FAMILY = Named("tools/family/", "Model Family", "Related models.", ("Model  Family",))


def test_a_name_and_its_other_forms_share_a_file() -> None:
    for forms in (["token", "tokens", "token's"], ["model family", "model families"], ["cache", "caches"]):
        assert len({bucket(form) for form in forms}) == 1, forms


def test_every_file_is_written_and_holds_each_name_where_the_browser_looks() -> None:
    written = files([TOKEN, FAMILY])
    assert sorted(written) == [f"{index:02x}.json" for index in range(BUCKETS)]
    rows = [row for text in written.values() for row in json.loads(text)]
    assert sorted(rows) == [
        ["model family", "../../tools/family/", "Model Family", "Related models."],
        ["tok's", "../../terms/token/", "Token", "A piece of text."],
        ["token", "../../terms/token/", "Token", "A piece of text."],
    ]
    for row in rows:
        assert row in json.loads(written[f"{bucket(row[0])}.json"])
    assert files([FAMILY, TOKEN]) == written


def test_names_compare_as_the_browser_compares_queries() -> None:
    assert normal(' \u201cLarge\u00a0 Language\u201d Model\u2019s"  ') == "large language model's"


def test_a_name_is_found_with_its_accents_left_out_as_pagefind_finds_its_words() -> None:
    """Was: "elagage" (an AZERTY keyboard types no É) and "arbol" were other keys than
    "Élagage" and "Árbol", so search listed those terms wherever Pagefind ranked them."""
    for name, typed in (("Élagage", "elagage"), ("Árbol de decisión", "ARBOL DE DECISION"), ("Λέξη", "λεξη")):
        assert normal(name) == normal(typed)
        assert bucket(normal(name)) == bucket(normal(typed))
    assert normal("그래디언트 ガンマ") == "그래디언트 ガンマ"  # syllables and voiced kana stay whole


def test_a_full_or_half_width_name_is_found_as_typed_in_its_plain_form() -> None:
    """Was: "LLM" in full-width letters and "トークン" in half-width kana, as a Japanese input
    method may type them, were other keys than the names, so named/ did not name the term, and
    Pagefind finds nothing for them."""
    for name, typed in (
        ("LLM", "\uff2c\uff2c\uff2d"),
        ("トークン", "\uff84\uff70\uff78\uff9d"),
        ("ガウス", "\uff76\uff9e\uff73\uff7d"),
    ):
        assert normal(name) == normal(typed)
        assert bucket(normal(name)) == bucket(normal(typed))


def test_a_name_with_oe_ae_or_sz_is_found_as_a_keyboard_without_them_spells_it() -> None:
    """Was: "oeuvre" and "massstab", typed where a keyboard has no Œ or ß, were other keys than
    "Œuvre" and "Maßstab", as NFD keeps those letters whole, so named/ did not name the term."""
    spelled = (("Œuvre", "oeuvre"), ("Cœur", "COEUR"), ("Maßstab", "massstab"), ("MAẞSTAB", "Massstab"))
    for name, typed in spelled:
        assert normal(name) == normal(typed)
        assert bucket(normal(name)) == bucket(normal(typed))
    assert normal("Æsthetics") == "aesthetics"


def test_a_letter_with_a_stroke_or_without_its_dot_is_found_as_the_plain_letter() -> None:
    """Was: "zrodlo" and "isik", typed where a keyboard has no Ł or dotless i, were other keys
    than "Źródło" and the Turkish for light, as NFD keeps those letters whole, so named/ did not name
    the term."""
    dotless = "\u0131"
    spelled = (
        ("Źródło", "zrodlo"),
        (f"Iş{dotless}k", "ISIK"),
        (f"{dotless}l{dotless}k", "Ilik"),
        ("Ørsted", "orsted"),
    )
    for name, typed in spelled:
        assert normal(name) == normal(typed)
        assert bucket(normal(name)) == bucket(normal(typed))
