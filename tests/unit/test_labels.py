"""labels: the theme's words, English unless site.yml's `labels` says otherwise."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from glossary_site import labels
from glossary_site.config import LANGUAGE_TAG_RE
from glossary_site.diagnostics import Diagnostics
from glossary_site.render import Templates
from glossary_site.yaml_lines import load


def parsed(text: str, language: str = "en") -> tuple[dict[str, str], list[str]]:
    located = load(text)
    diagnostics = Diagnostics()
    found = labels.parse(located.data["labels"], located, "content/site.yml", diagnostics, language)
    return found, [str(d) for d in diagnostics.sorted()]


def test_each_label_is_named_in_one_label_file_only() -> None:
    seen: dict[str, str] = {}
    for file in sorted(labels.FOLDER.glob("*.yml")):
        for key in yaml.safe_load(file.read_text(encoding="utf-8")) or {}:
            assert key not in seen, f"{key} is in {seen.get(key)} and {file.name}"
            seen[key] = file.name
    assert seen.keys() == labels.defaults().keys()


def test_every_shipped_translation_gives_every_label_with_the_english_placeholders() -> None:
    """A shipped language is complete: a label it lacked would show English in the middle of
    German pages, and one with a `{...}` of its own could not be filled. A count label has a
    twin for each form its language's counts take (Russian `_one`, `_few`, `_many`, Japanese
    none), and none for a form they never take."""
    english = labels.defaults()
    files = sorted(labels.TRANSLATIONS.glob("*.yml"))
    assert [file.name for file in files if file.stem == "de"] == ["de.yml"]
    assert labels.plural_forms("ru") == ("one", "few", "many")
    for file in files:
        assert LANGUAGE_TAG_RE.fullmatch(file.stem), f"{file.name} is not named by a language tag"
        translated = yaml.safe_load(file.read_text(encoding="utf-8"))
        assert isinstance(translated, dict), f"{file.name} must map each label to its text"
        forms = labels.plural_forms(file.stem)
        twins = {f"{key}_{form}" for key in labels.count_labels() for form in forms}
        wanted = english.keys() - {f"{key}_one" for key in labels.count_labels()} | twins
        assert translated.keys() - wanted == set(), f"{file.name}: not labels, or twins of forms it has not"
        assert wanted - translated.keys() == set(), f"{file.name}: labels missing"
        for key, text in translated.items():
            where = f"{file.name}: {key}"
            # a label of spaces alone is kept: French groups digits with a narrow no-break space
            assert isinstance(text, str) and (text.strip() or text), f"{where} must be text"
            assert text.splitlines() == [text], f"{where} must be one line"
            placeholders = labels.PLACEHOLDER_RE.findall
            english_text = english.get(key) or english[key.rpartition("_")[0]]
            assert sorted(placeholders(text)) == sorted(placeholders(english_text)), where


def test_a_site_gets_the_shipped_translation_of_its_language_and_its_own_labels_over_it() -> None:
    """`de-AT` and `de-CH` read German as `de` does; a language with no translation stays English."""
    for language in ("de", "de-AT", "DE-ch"):
        found, problems = parsed("labels:\n  search_button: Los\n", language)

        assert problems == []
        assert found["definition"] == "Definition"
        assert found["practice_questions"] == "Übungsfragen"
        assert labels.long_date(found, dt.date(2025, 4, 2)) == "2. April 2025"
        assert labels.say(found, "terms_count", count=12345) == "12.345 Begriffe"
        assert labels.say(found, "terms_count", count=1) == "1 Begriff"
        assert found["search_button"] == "Los", "the site's own label wins"
    for language in ("en", "en-GB", "x-klingon"):
        assert parsed("labels:\n", language)[0] == {**labels.defaults(), labels.PLURALS: "en"}


def test_a_chinese_tag_reads_the_script_it_names_or_its_region_implies() -> None:
    """zh.yml is not shipped: Chinese is written in Simplified characters on the mainland and in
    Singapore, in Traditional ones in Taiwan, Hong Kong and Macau, so a tag without a script
    reads the one its region implies. Other languages still fall back to the language alone."""
    simplified, traditional = labels.translations()["zh-hans"], labels.translations()["zh-hant"]
    for language in ("zh", "zh-CN", "zh-SG", "zh-Hans", "zh-Hans-CN", "zh-hans-tw"):
        found = labels.for_language(language)
        assert found["search_button"] == "搜索", language
        assert labels.translation_of(language) == yaml.safe_load(simplified.read_text(encoding="utf-8"))
    for language in ("zh-TW", "zh-HK", "zh-MO", "zh-Hant", "zh-Hant-TW", "ZH-tw"):
        found = labels.for_language(language)
        assert found["search_button"] == "搜尋", language
        assert labels.translation_of(language) == yaml.safe_load(traditional.read_text(encoding="utf-8"))
    words = labels.for_language("zh-TW")
    assert labels.long_date(words, dt.date(2025, 4, 2)) == "2025年4月2日"
    assert labels.say(words, "terms_count", count=12345) == "12,345個術語"
    assert labels.for_language("de-AT")["search_button"] == "Suchen"
    assert labels.for_language("pt-BR")["search_button"] == "Pesquisar"
    assert labels.translation_of("en") == {}


def test_norwegian_without_a_written_standard_reads_bokmal() -> None:
    """`no` names Norwegian as a whole; most Norwegian sites write Bokmål, nb.yml."""
    bokmal = labels.translation_of("nb")
    assert bokmal
    for language in ("no", "no-NO", "NO"):
        assert labels.translation_of(language) == bokmal, language
    assert labels.translation_of("nn") == {}, "Nynorsk is not Bokmål"


def test_a_translation_for_the_whole_tag_comes_before_its_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Swiss German writes no ß: a de-CH.yml, were it shipped, is what `de-CH` gets, not de.yml."""
    swiss = tmp_path / "de-CH.yml"
    swiss.write_text("search_button: Suchen (CH)\n", encoding="utf-8")
    shipped = {"de": labels.TRANSLATIONS / "de.yml", "de-ch": swiss}
    monkeypatch.setattr(labels, "translations", lambda: shipped)

    assert labels.for_language("de-CH")["search_button"] == "Suchen (CH)"
    assert labels.for_language("de-AT")["search_button"] == "Suchen"
    assert labels.for_language("pt-BR")["search_button"] == "Search"


def test_a_label_given_in_site_yml_replaces_the_english_one_and_the_rest_stay() -> None:
    found, problems = parsed(
        'labels:\n  search_button: Suchen\n  date: "{day}. {month} {year}"\n  month_4: April\n'
    )

    assert problems == []
    assert found["search_button"] == "Suchen"
    assert labels.long_date(found, dt.date(2025, 4, 2)) == "2. April 2025"
    assert found["atom_feed"] == labels.defaults()["atom_feed"]


def test_a_count_uses_the_one_form_for_exactly_one_and_groups_its_digits() -> None:
    words = {
        **labels.defaults(),
        "thousands_separator": ".",
        "n": "{count} Begriffe",
        "n_one": "{count} Begriff",
    }

    assert [labels.say(words, "n", count=n) for n in (0, 1, 2, 12345)] == [
        "0 Begriffe",
        "1 Begriff",
        "2 Begriffe",
        "12.345 Begriffe",
    ]


def test_a_label_given_without_its_one_form_is_used_for_one_too() -> None:
    """Half a translation must not show English for a count of 1."""
    found, problems = parsed(
        'labels:\n  terms_count: "{count} Begriffe"\n  links_count: "{count} Links"\n'
        '  links_count_one: "{count} Link"\n'
    )

    assert problems == []
    assert [labels.say(found, "terms_count", count=n) for n in (1, 2)] == ["1 Begriffe", "2 Begriffe"]
    assert [labels.say(found, "links_count", count=n) for n in (1, 2)] == ["1 Link", "2 Links"]
    assert labels.say(found, "categories_count", count=1) == "1 category", "English stays English"


def test_a_space_or_a_narrow_no_break_space_groups_digits() -> None:
    """French writes 12 345 and 12\u202f345: a label of spaces alone is the label, not an empty one.
    A separator whose English has spaces at its ends keeps the site's: " / " is not "/"."""
    for space in (" ", "\u202f"):
        found, problems = parsed(
            f'labels:\n  thousands_separator: "{space}"\n  search_button: " Chercher "\n'
            '  list_separator: " / "\n'
        )

        assert problems == []
        assert labels.say(found, "terms_count", count=12345) == f"12{space}345 terms"
        assert found["search_button"] == "Chercher"
        assert found["list_separator"] == " / "


def test_a_number_written_in_a_template_follows_the_separator_of_each_build(tmp_path: Path) -> None:
    """The template is compiled once and its code kept between builds; the separator is not."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates/robots.txt").write_text("{{ 12345|number }}\n", encoding="utf-8")
    for separator in (",", "."):
        templates = Templates(tmp_path)
        templates.env.speak({**labels.defaults(), "thousands_separator": separator})

        assert templates.render("robots.txt", {}) == f"12{separator}345\n".encode()


def test_a_long_unknown_label_is_quoted_cut_short_and_still_gets_its_did_you_mean() -> None:
    _, problems = parsed("labels:\n  search_unavailable_without_index_misspelt: Nicht da\n")

    assert problems == [
        "content/site.yml:2: unknown label 'search_unavailable_without_index_misspel…'; "
        "did you mean 'search_unavailable_without_index'?"
    ]


def test_every_problem_in_labels_is_reported_at_its_line() -> None:
    _, problems = parsed(
        "labels:\n"
        "  serch_button: Suchen\n"
        '  date: "{day} {month}"\n'
        "  atom_feed: [Atom]\n"
        '  terms_as_json: ""\n'
        '  skip_to_content: "Zum Inhalt {page}"\n'
        '  breadcrumb: "\\n"\n'
    )

    assert problems == [
        "content/site.yml:2: unknown label 'serch_button'; did you mean 'search_button'?",
        "content/site.yml:3: label 'date' lacks {year};"
        " it must have {day}, {month}, {year}, as in '{day} {month} {year}'",
        "content/site.yml:4: label 'atom_feed' must be one line of text",
        "content/site.yml:5: label 'terms_as_json' must be one line of text",
        "content/site.yml:6: label 'skip_to_content' has {page}, which nothing fills in;"
        " it must have no {...}, as in 'Skip to content'",
        "content/site.yml:7: label 'breadcrumb' must be one line of text",
    ]


def test_a_placeholder_misspelt_added_or_unclosed_is_named_in_the_error() -> None:
    """Was "must have {date}" for all three, though the second has {date}: what is wrong was
    left to find."""
    _, problems = parsed(
        "labels:\n"
        '  updated_on: "Aktualisiert am {datum}"\n'
        '  terms_count_one: "{count} Begriff {zeit}"\n'
        '  terms_count: "{count Begriffe"\n'
    )

    assert problems == [
        "content/site.yml:2: label 'updated_on' has {datum}, which nothing fills in, and lacks {date};"
        " it must have {date}, as in 'Updated {date}'",
        "content/site.yml:3: label 'terms_count_one' has {zeit}, which nothing fills in;"
        " it must have {count}, as in '{count} term'",
        "content/site.yml:4: label 'terms_count' lacks {count}: a '{' or '}' there has no pair,"
        " or holds other than a-z and _; it must have {count}, as in '{count} terms'",
    ]


def test_labels_that_are_not_a_mapping_are_an_error() -> None:
    found, problems = parsed("labels: [Suchen]\n")

    assert problems == [
        "content/site.yml:1: 'labels' must map each theme word's name to its text, e.g. search_button: Suchen"
    ]
    assert found == {**labels.defaults(), labels.PLURALS: "en"}


def test_the_first_of_a_month_is_written_as_the_language_writes_it() -> None:
    """French dates say "1er avril", Italian "1º aprile"; every other day, and English, a plain number."""
    french, english = labels.for_language("fr"), labels.for_language("en")
    assert labels.long_date(french, dt.date(2025, 4, 1)) == "1er avril 2025"
    assert labels.long_date(french, dt.date(2025, 4, 2)) == "2 avril 2025"
    assert labels.long_date(labels.for_language("it"), dt.date(2025, 1, 1)) == "1º gennaio 2025"
    assert labels.long_date(english, dt.date(2025, 4, 1)) == "1 April 2025"
    assert labels.long_date(labels.for_language("uk"), dt.date(2025, 4, 2)) == "2 квітня 2025 р."
    assert labels.long_date(labels.for_language("cs"), dt.date(2025, 4, 1)) == "1. dubna 2025"


def test_a_count_takes_the_form_of_the_plural_its_language_gives_it() -> None:
    """CLDR's rules: Russian and Polish have three forms, and 0 is singular in French. Was: the
    `_one` form for 1 alone in every language ("0 termes", "22 terminów")."""
    expected = {
        "ru": {1: "one", 2: "few", 5: "many", 11: "many", 21: "one", 22: "few", 112: "many"},
        "pl": {1: "one", 2: "few", 5: "many", 22: "few", 12: "many", 0: "many", 21: "many"},
        "uk": {1: "one", 2: "few", 5: "many", 11: "many", 21: "one", 22: "few", 112: "many"},
        "cs": {1: "one", 2: "few", 4: "few", 5: "other", 0: "other", 22: "other"},
        "fr": {0: "one", 1: "one", 2: "other"},
        "pt-BR": {0: "one", 1: "one", 2: "other"},
        "pt-PT": {0: "other", 1: "one"},
        "en": {0: "other", 1: "one", 21: "other"},
        "ja": {1: "other"},
        "x-klingon": {0: "other", 1: "one", 2: "other"},
    }
    for language, forms in expected.items():
        assert {n: labels.plural_form(language, n) for n in forms} == forms, language
    russian = labels.for_language("ru-RU")
    said = [labels.say(russian, "terms_count", count=n) for n in (1, 3, 5, 11, 21, 1234)]
    assert said == ["1 термин", "3 термина", "5 терминов", "11 терминов", "21 термин", "1\u00a0234 термина"]
    polish = labels.for_language("pl")
    assert [labels.say(polish, "terms_count", count=n) for n in (1, 2, 12, 22)] == [
        "1 termin",
        "2 terminy",
        "12 terminów",
        "22 terminy",
    ]
    ukrainian = labels.for_language("uk-UA")
    said = [labels.say(ukrainian, "terms_count", count=n) for n in (1, 3, 5, 11, 21, 1234)]
    assert said == ["1 термін", "3 терміни", "5 термінів", "11 термінів", "21 термін", "1\u00a0234 терміни"]
    czech = labels.for_language("cs")
    assert [labels.say(czech, "terms_count", count=n) for n in (0, 1, 2, 4, 5, 22, 12345)] == [
        "0 pojmů",
        "1 pojem",
        "2 pojmy",
        "4 pojmy",
        "5 pojmů",
        "22 pojmů",
        "12\u00a0345 pojmů",
    ]
    assert labels.say(labels.for_language("fr"), "terms_count", count=0) == "0 terme"
    assert "terms_count_one" not in labels.for_language("ja"), "Japanese counts have one form"


def test_a_twin_for_a_form_of_the_plural_is_checked_as_its_label_is() -> None:
    """A Ukrainian site gives its own three forms over the shipped ones, and one twin alone
    (links_count_many) leaves the shipped others; a form that is no label's twin is an error at
    its line, and one the language never takes a warning."""
    found, problems = parsed(
        "labels:\n"
        '  terms_count: "{count} термінів"\n'
        '  terms_count_one: "{count} термін"\n'
        '  terms_count_few: "{count} терміни"\n'
        '  links_count_many: "{count} посилань"\n'
        '  terms_count_several: "{count} термінів"\n'
        '  search_button_few: "Пошук"\n'
        '  terms_cuont_few: "{count}"\n'
        '  terms_count_two: "{count} терміни"\n'
        '  links_count_few: "{count} посилання {page}"\n',
        "uk",
    )

    assert problems == [
        "content/site.yml:6: unknown label 'terms_count_several': the forms of 'terms_count' are"
        " terms_count_zero, terms_count_one, terms_count_two, terms_count_few, terms_count_many",
        "content/site.yml:7: label 'search_button' says no count,"
        " so it has no 'few' form 'search_button_few'",
        "content/site.yml:8: unknown label 'terms_cuont_few'; did you mean 'terms_count_few'?",
        "content/site.yml:9: warning: label 'terms_count_two' is never used:"
        " counts in 'uk' take terms_count_one, terms_count_few, terms_count_many or terms_count, never 'two'",
        "content/site.yml:10: label 'links_count_few' has {page}, which nothing fills in;"
        " it must have {count}, as in '{count} links'",
    ]
    said = [labels.say(found, "terms_count", count=n) for n in (1, 2, 5)]
    assert said == ["1 термін", "2 терміни", "5 термінів"]
    linked = [labels.say(found, "links_count", count=n) for n in (1, 2, 5)]
    assert linked == ["1 зв’язок", "2 зв’язки", "5 посилань"]
    _, problems = parsed('labels:\n  terms_count_one: "{count}件"\n', "ja")
    assert problems == [
        "content/site.yml:2: warning: label 'terms_count_one' is never used:"
        " counts in 'ja' all take terms_count"
    ]


def test_an_arabic_site_counts_in_six_forms_and_may_say_a_single_count_in_words() -> None:
    """Was: Arabic counted as English (one, other), so "2 مصطلحات" for مصطلحان and "12 مصطلحات"
    for "12 مصطلحًا"; its `_two`, `_few`, `_many` twins were warned of as never used, `_zero`
    was no name, and "مصطلح واحد" (one term, in words) was refused for lacking {count}."""
    found, problems = parsed(
        "labels:\n"
        '  terms_count: "{count} مصطلح"\n'
        '  terms_count_zero: "لا مصطلحات"\n'
        '  terms_count_one: "مصطلح واحد"\n'
        '  terms_count_two: "مصطلحان"\n'
        '  terms_count_few: "{count} مصطلحات"\n'
        '  terms_count_many: "{count} مصطلحًا"\n'
        '  links_count_few: "روابط"\n',
        "ar",
    )

    assert problems == [  # 'few' is 3-10, 103-110...: its count must be written
        "content/site.yml:8: label 'links_count_few' lacks {count};"
        " it must have {count}, as in '{count} links'"
    ]
    said = [labels.say(found, "terms_count", count=n) for n in (0, 1, 2, 3, 11, 100, 102)]
    assert said == ["لا مصطلحات", "مصطلح واحد", "مصطلحان", "3 مصطلحات", "11 مصطلحًا", "100 مصطلح", "102 مصطلح"]
