"""The A to Z of a glossary written in another alphabet than the Latin one, in Chromium."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import OpenPage, serve
from playwright.sync_api import expect
from support import run_glossary, write_files

UKRAINIAN = "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЮЯ"
TITLES = ["Яр", "Їжак", "Ґанок", "Йод", "Ірис", "Єва", "Агент", "Ива", "GPU"]


def test_a_ukrainian_glossary_jumps_through_its_alphabet_and_lists_its_letters_in_its_order(
    open_page: OpenPage, tmp_path: Path
) -> None:
    """Was: A to Z first, then ye and i (their code points come first), the other Cyrillic
    letters present, and ghe with upturn last; yi and short i had no section of their own."""
    files = {"content/site.yml": "title: Глосарій\nbase_url: https://uk.example.com/\nlanguage: uk\n"}
    for number, title in enumerate(TITLES):
        front = f"title: {title}\nsummary: Про {title}.\ndefinition: {title}."
        files[f"content/terms/t{number}.md"] = f"---\n{front}\n---\n"
    site = write_files(tmp_path, files)
    built = run_glossary("build", "--no-search", "--out", site / "www", cwd=site)
    assert built.returncode == 0, built.stderr
    page = open_page()
    with serve(site / "www") as address:
        page.goto(f"{address}/index.html")
        bar = page.locator("nav.letters")  # named in Ukrainian, a language the theme speaks
        assert bar.locator("li").all_inner_texts() == [*UKRAINIAN, "G"]
        assert bar.get_by_role("link").all_inner_texts() == [*"АҐЄИІЇЙЯ", "G"]
        headings = page.locator("section.letter-group h3")
        expect(headings).to_have_text([*"АҐЄИІЇЙЯ", "G"])
        bar.get_by_role("link", name="Ґ", exact=True).click()
        expect(page).to_have_url(re.compile("#letter-%D2%90$|#letter-Ґ$"))
        expect(headings.nth(1)).to_be_in_viewport()
