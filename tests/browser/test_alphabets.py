"""The A to Z of a glossary written in another alphabet than the Latin one, in Chromium."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import OpenPage, serve
from playwright.sync_api import expect
from support import run_glossary, write_files


@pytest.mark.parametrize(
    ("language", "alphabet", "titles", "linked"),
    [
        (
            "uk",
            "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЮЯ",
            ["Яр", "Їжак", "Ґанок", "Йод", "Ірис", "Єва", "Агент", "Ива", "GPU"],
            "АҐЄИІЇЙЯG",
        ),
        (
            "sr",
            "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ",
            ["Џеп", "Ђак", "Шума", "Јабука", "Алфа", "Иван", "GPU"],
            "АЂИЈЏШG",
        ),
        (
            "cs",
            "A B C Č D E F G H CH I J K L M N O P Q R Ř S Š T U V W X Y Z Ž",
            ["Chata", "Čaj", "Hrad", "Cena", "Ámos"],
            "A C Č H CH",
        ),
        (
            "tr",
            "A B C Ç D E F G Ğ H I İ J K L M N O Ö P Q R S Ş T U Ü V W X Y Z",
            ["İzmir", "Isparta", "ılık", "Çay", "Hatay", "Zeytin"],
            "Ç H I İ Z",
        ),
        (
            "th",
            "กขคฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ",
            ["เมฆ", "มด", "ไก่", "GPU"],
            "กมG",
        ),
        (
            "am",
            " ".join([*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "ለ", "ሰ", "ቀ", "አ"]),
            ["ሰላም", "ቈጠረ", "ሱቅ", "አማርኛ", "ለምለም", "ቀን", "GPU"],
            "G ለ ሰ ቀ አ",
        ),
        (
            "fa",
            "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی",
            ["یادگیری", "هوش", "ویژگی", "گراف", "پردازش", "مدل", "GPU"],
            "پگموهیG",
        ),
    ],
)
def test_a_glossary_in_another_alphabet_jumps_through_it_and_lists_its_letters_in_its_order(
    open_page: OpenPage, tmp_path: Path, language: str, alphabet: str, titles: list[str], linked: str
) -> None:
    """Was: A to Z first, then the letters present by code point: in Ukrainian ye and i before
    a and ghe with upturn last, yi and short i without a section; in Serbian dje, je and dzhe
    before a; in Czech ch under c; in Turkish the dotless and dotted i's under one I; in Persian
    pe, gaf and yeh after every Arabic letter, and heh before waw; in Thai everything under '#'."""
    files = {"content/site.yml": f"title: Glossary\nbase_url: https://x.example.com/\nlanguage: {language}\n"}
    for number, title in enumerate(titles):
        front = f"title: {title}\nsummary: {title}.\ndefinition: {title}."
        files[f"content/terms/t{number}.md"] = f"---\n{front}\n---\n"
    site = write_files(tmp_path, files)
    built = run_glossary("build", "--no-search", "--out", site / "www", cwd=site)
    assert built.returncode == 0, built.stderr
    page = open_page()
    with serve(site / "www") as address:
        page.goto(f"{address}/index.html")
        bar = page.locator("nav.letters")  # named in the site's language, where the theme speaks it
        letters = alphabet.split() if " " in alphabet else [*alphabet, "G"]
        assert bar.locator("li").all_inner_texts() == letters
        shown = linked.split() if " " in linked else [*linked]
        assert bar.get_by_role("link").all_inner_texts() == shown
        headings = page.locator("section.letter-group h3")
        expect(headings).to_have_text(shown)
        bar.get_by_role("link", name=shown[-1], exact=True).click()
        expect(page).to_have_url(
            re.compile(f"#letter-{re.escape(quote(shown[-1]))}$")
        )  # as the address holds it
        expect(headings.nth(len(shown) - 1)).to_be_in_viewport()
