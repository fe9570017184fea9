"""a_to_z: the one order of every list of names on the site, numbers in it by their value."""

from __future__ import annotations

import random
import unicodedata

import pytest

from glossary_site.a_to_z import (
    a_to_z_key,
    jump_letters,
    letter_of,
    letter_of_key,
    letter_parts,
    letter_path,
)
from glossary_site.a_to_z import sort_name as sort_name_in


def a_to_z(names: list[str], language: str = "en") -> list[str]:
    shuffled = names[:]
    random.Random(141).shuffle(shuffled)
    return sorted(shuffled, key=lambda name: a_to_z_key(name, language))


def sort_name(name: str) -> str:
    return sort_name_in(name, "en")


def letters(names: list[str], language: str) -> dict[str, list[str]]:
    """Each letter's names as the A to Z lists them, letters in jump-bar order."""
    filed: dict[str, list[str]] = {}
    for name in a_to_z(names, language):
        filed.setdefault(letter_of(name, language), []).append(name)
        assert letter_of_key(a_to_z_key(name, language)) == letter_of(name, language)
    return {letter: filed[letter] for letter in jump_letters(filed, language) if letter in filed}


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
    assert {letter_of(name, "en") for name in names} == {"#"}


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


SWEDISH = ["Öppen", "Zebra", "Ärende", "Paz", "Åtgärd", "På", "Apa", "Ørsted", "Oslo", "A\u030angest"]


def test_swedish_files_a_ring_a_umlaut_and_o_umlaut_after_z_as_swedish_readers_look_for_them() -> None:
    """Was: under A and O, as in German; a Swede looks for `Ärende` after Z, in the order Å Ä Ö,
    and `Ø` (Danish) among the Ö's. Inside a word too: `Paz` before `På`. Any region alike."""
    filed = letters(SWEDISH, "sv")
    assert filed == {
        "A": ["Apa"],
        "O": ["Oslo"],
        "P": ["Paz", "På"],
        "Z": ["Zebra"],
        "Å": ["A\u030angest", "Åtgärd"],
        "Ä": ["Ärende"],
        "Ö": ["Öppen", "Ørsted"],
    }
    assert letters(SWEDISH, "sv-FI") == letters(SWEDISH, "fi") == filed
    assert jump_letters({"#", "Λ"}, "sv")[-6:] == ["Z", "Å", "Ä", "Ö", "Λ", "#"]
    assert letter_path("Ä", "sv") == "a-z/ä/index.html"


def test_danish_and_norwegian_file_ae_o_slash_and_a_ring_after_z() -> None:
    names = ["Ål", "Øl", "Ære", "Zulu", "Ägypten", "Aber"]
    expected = {"A": ["Aber"], "Z": ["Zulu"], "Æ": ["Ägypten", "Ære"], "Ø": ["Øl"], "Å": ["Ål"]}
    for language in ("da", "nb", "nn", "no", "nb-NO"):
        assert letters(names, language) == expected, language
    assert jump_letters({}, "da")[-4:] == ["Z", "Æ", "Ø", "Å"]


def test_spanish_n_tilde_is_a_letter_of_its_own_between_n_and_o() -> None:
    words = ["ñandú", "oso", "nutria", "capa", "caña", "nube", "cana", "Ñu"]
    assert a_to_z(words, "es") == ["cana", "caña", "capa", "nube", "nutria", "ñandú", "Ñu", "oso"]
    assert list(letters(words, "es-MX")) == ["C", "N", "Ñ", "O"]
    assert jump_letters({}, "es")[13:16] == ["N", "Ñ", "O"]


def test_russian_files_short_i_as_a_letter_of_its_own_and_its_alphabet_before_latin() -> None:
    """Was: `Йога` among the И's (NFKD splits Й into И and a breve), `GPU` before `Агент`, and
    a jump bar of 26 Latin letters, most of them empty, before the few Cyrillic ones present."""
    names = ["Кот", "GPU", "Йога", "Ель", "Изюм", "Ёлка", "Агент", "Яблоко", "3D", "Λάμδα"]
    assert letters(names, "ru") == {
        "А": ["Агент"],
        "Е": ["Ёлка", "Ель"],  # with its dots or without, as Russian indexes file it
        "И": ["Изюм"],
        "Й": ["Йога"],
        "К": ["Кот"],
        "Я": ["Яблоко"],
        "G": ["GPU"],
        "Λ": ["Λάμδα"],
        "#": ["3D"],
    }
    cyrillic = [*"АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЫЭЮЯ"]
    assert jump_letters({"G", "Λ", "#"}, "ru-RU") == [*cyrillic, "G", "Λ", "#"]
    assert jump_letters({}, "bg") == [letter for letter in cyrillic if letter not in "ЫЭ"]
    assert letter_path("Й", "ru") == "a-z/й/index.html"


def test_ukrainian_files_its_letters_in_its_alphabets_order() -> None:
    """Was: `Єва` and `Ірис` before `Агент` (their code points come first), `Ґанок` after
    `Яр`, `Їжак` filed with `Ірис` and `Йод` with `Ива`."""
    names = ["Яр", "Їжак", "Ґанок", "Йод", "Ірис", "Єва", "Гора", "Агент", "Ель", "Ива", "Кіт", "GPU"]
    ordered = ["Агент", "Гора", "Ґанок", "Ель", "Єва", "Ива", "Ірис", "Їжак", "Йод", "Кіт", "Яр", "GPU"]
    assert a_to_z(names, "uk") == ordered
    assert [letter_of(name, "uk-UA") for name in ordered] == [*"АГҐЕЄИІЇЙКЯ", "G"]
    assert jump_letters({"G"}, "uk") == [*"АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЮЯ", "G"]
    assert sort_name_in("Кіт", "uk") > sort_name_in("Кит", "uk") > sort_name_in("Кир", "uk")


def test_persian_files_its_own_letters_in_its_order_and_arabic_kaf_and_yeh_with_its_own() -> None:
    """Was: pe, che, zhe, gaf and Persian kaf after every Arabic letter (their code points), heh
    before waw, and the Arabic forms of kaf and yeh sections of their own."""
    words = ["یک", "ویژه", "هوش", "گربه", "کتاب", "ژرف", "زبان", "چشم", "جهان", "پدر", "بازی", "نهال"]
    words += ["قلم", "نوروز", "\u0643\u062a\u0627\u0628", "\u064a\u06a9"]  # Arabic kaf, Arabic yeh
    ordered = a_to_z(words, "fa")
    assert [letter_of(word, "fa") for word in ordered] == [*"بپجچزژقککگننوهیی"]
    assert ordered.index("نوروز") < ordered.index("نهال"), "waw before heh inside a word too"
    assert jump_letters({"A"}, "fa-IR") == [*"ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی", "A"]


@pytest.mark.parametrize(
    ("languages", "ordered", "alphabet"),
    [
        (
            ("pl", "pl-PL"),
            "Ala Ąb Cel Ćma Dom Ela Ęk Lato Łódź Mama Nos Ńa Oko Ósemka Pies Sok Śnieg Tak Zebra Źródło Żaba",
            "A Ą B C Ć D E Ę F G H I J K L Ł M N Ń O Ó P Q R S Ś T U V W X Y Z Ź Ż",
        ),
        (
            ("cs",),
            "Cesta Čas Dům hrad Hus chata Chrám ivan Ryba Řeka Slon Šum Zima Žena",
            "A B C Č D E F G H CH I J K L M N O P Q R Ř S Š T U V W X Y Z Ž",
        ),
        (
            (
                "sk",
            ),  # d, l, t, n with a caron are filed with their base letters, as Slovak's collation has them
            "Auto Ärgerný Ceruza Čaj Ďateľ Dub Hrad chlieb Oko Ôsmy Ryba Řeka Sova Šálka Zima Žaba",
            "A Ä B C Č D E F G H CH I J K L M N O Ô P Q R Ř S Š T U V W X Y Z Ž",
        ),
        (
            ("sl",),
            "Cesta Čebela Sonce Šola Zima Žaba",
            "A B C Č D E F G H I J K L M N O P Q R S Š T U V W X Y Z Ž",
        ),
        (
            ("ro",),  # s and t with a cedilla, as older fonts typed them, filed with the comma forms
            "Apa Ăla Âna Iarna Înger Stea Şir Știință Tată Ţară",
            "A Ă Â B C D E F G H I Î J K L M N O P Q R S Ș T Ț U V W X Y Z",
        ),
        (
            ("hr", "bs", "sr-Latn", "sr-latn-RS"),
            "Cvijet Čaj Ćup Dan Džep Đak Lav Lug Ljubav Nos Njiva Sunce Šuma Zec Žaba",
            "A B C Č Ć D DŽ Đ E F G H I J K L LJ M N NJ O P Q R S Š T U V W X Y Z Ž",
        ),
        (
            ("sr", "sr-Cyrl", "sr-RS"),
            "Алфа Дан Ђак Иван Јабука Лав Љубав Нос Њива Тата Ћуп Чај Џеп Шума GPU",
            "А Б В Г Д Ђ Е Ж З И Ј К Л Љ М Н Њ О П Р С Т Ћ У Ф Х Ц Ч Џ Ш",
        ),
        (
            ("mk",),
            "Гора Дом Ѓубре Зима Ѕвезда Иван Јас Тато Ќебе GPU",
            "А Б В Г Д Ѓ Е Ж З Ѕ И Ј К Л Љ М Н Њ О П Р С Т Ќ У Ф Х Ц Ч Џ Ш",
        ),
        (
            ("be",),
            "Агент Ель Ёлка Зіма Іней Йод Кот Улей Ўзор Фота GPU",
            "А Б В Г Д Е Ё Ж З І Й К Л М Н О П Р С Т У Ў Ф Х Ц Ч Ш Ы Э Ю Я",
        ),
    ],
)
def test_a_language_files_the_letters_of_its_alphabet_in_its_order(
    languages: tuple[str, ...], ordered: str, alphabet: str
) -> None:
    """As CLDR's collation and index letters have them (which Hugo sorts by). Was: Polish,
    Czech, Slovak, Slovenian, Romanian and Croatian letters with marks filed with their base
    letter, Czech `ch` under C and Croatian `dž`, `lj`, `nj` under D, L, N; Serbian and Belarusian letters
    Unicode has before the Russian alphabet (dje, je, dzhe, the Belarusian i, short u) before
    its a and the whole Latin alphabet; Macedonian gje and kje with ghe and ka, Belarusian io
    with ie, and its short i under an i it does not have."""
    names, letters_in_order = ordered.split(), alphabet.split()
    for language in languages:
        assert a_to_z(names, language) == names, language
        expected = [
            letter
            for letter in letters_in_order
            if any(letter_of(name, language) == letter for name in names)
        ]
        assert [
            letter for letter in letters(names, language) if letter != "G" or "G" in letters_in_order
        ] == expected
        assert jump_letters({"G"}, language) == [
            *letters_in_order,
            *([] if "G" in letters_in_order else ["G"]),
        ], language
    first_letters = {letter_of(name, languages[0]) for name in names}
    assert first_letters - {"G"} <= set(letters_in_order), "each name is under one of the alphabet's letters"


def test_czech_ch_is_a_letter_inside_words_too_and_heads_its_own_parts_and_page() -> None:
    names = ["Chata", "Chrám", "Hudba", "Cena", "Čaj", "Ichtyolog", "Ihla", "Ihned", "Icon"]
    assert a_to_z(names, "cs") == [
        "Cena",
        "Čaj",
        "Hudba",
        "Chata",
        "Chrám",
        "Icon",
        "Ihla",
        "Ihned",
        "Ichtyolog",
    ]
    assert letter_parts("CH", ["Chata", "Chrám"]) == [("Cha", 1), ("Chr", 1)]
    assert letter_path("CH", "cs") == "a-z/ch/index.html"
    assert letter_path(letter_of("Džungla", "hr"), "hr") == "a-z/dž/index.html"
    assert letter_of("Chata", "en") == "C", "other languages keep it under C"


def test_turkish_files_dotless_i_before_i_each_by_its_own_capital() -> None:
    """Was: `Isparta` (its capital I is the dotless i's) filed with `istanbul`, and the dotless
    and dotted i's among one I by their base letter, since str.casefold and str.upper know only
    the i of other languages; `Çay` with `Cam`."""
    names = ["İzmir", "istanbul", "Isparta", "ılık", "Hatay", "Jale", "Çay", "Cam", "Dede", "Öykü"]
    filed = {
        "C": ["Cam"],
        "Ç": ["Çay"],
        "D": ["Dede"],
        "H": ["Hatay"],
        "I": ["ılık", "Isparta"],
        "İ": ["istanbul", "İzmir"],
        "J": ["Jale"],
        "Ö": ["Öykü"],
    }
    assert letters(names, "tr") == letters(names, "tr-TR") == filed
    assert jump_letters({}, "tr")[7:12] == ["G", "Ğ", "H", "I", "İ"]
    assert letter_path("I", "tr") == "a-z/ı/index.html"
    assert letter_path("İ", "tr") == "a-z/i/index.html"
    assert letter_of("I\u0307zmir", "tr") == "İ", "a capital I and a combining dot are İ"
    assert letters(["ılık", "istanbul"], "en") == {"I": ["ılık", "istanbul"]}


def test_azerbaijani_has_its_own_letters_and_moves_x_q_and_w() -> None:
    names = ["Xəzər", "Hava", "Işıq", "İnsan", "Qala", "Kənd", "Əli", "Fars", "Web", "Zəng", "Lalə"]
    ordered = ["Əli", "Fars", "Hava", "Xəzər", "Işıq", "İnsan", "Kənd", "Qala", "Lalə", "Zəng", "Web"]
    assert a_to_z(names, "az") == ordered
    bar = jump_letters({}, "az")
    assert "".join(bar) == "ABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZW"
    assert letter_of("xəzər", "az") == "X" and letter_of("Xerox", "en") == "X"


def test_hungarian_letters_of_two_and_three_are_letters_and_a_doubled_one_counts_twice() -> None:
    """CLDR's Hungarian collation: cs after c, dz and dzs after d (`Dzsungel` under DZS, not DZ),
    gy, ly, ny, sz, ty, zs after g, l, n, s, t, z; ö and ő after o, ü and ű after u; `ssz` is
    sz twice, so `hossz` comes after `hosz`, where s then sz would put it before."""
    names = ["Dzsungel", "Dzéta", "Dél", "Csak", "Cukor", "Szia", "Sas", "Zsák", "Zebra", "Ősz", "Óra"]
    assert letters(names, "hu") == {
        "C": ["Cukor"],
        "CS": ["Csak"],
        "D": ["Dél"],
        "DZ": ["Dzéta"],
        "DZS": ["Dzsungel"],
        "O": ["Óra"],
        "Ö": ["Ősz"],
        "S": ["Sas"],
        "SZ": ["Szia"],
        "Z": ["Zebra"],
        "ZS": ["Zsák"],
    }
    assert a_to_z(["hosszú", "hoszt", "hosz", "hossz"], "hu") == ["hosz", "hossz", "hosszú", "hoszt"]
    assert a_to_z(["meggy", "megy", "megz"], "hu") == ["megz", "megy", "meggy"]
    bar = jump_letters({}, "hu")
    assert bar[2:7] == ["C", "CS", "D", "DZ", "DZS"] and bar[-2:] == ["Z", "ZS"]
    assert letter_path("DZS", "hu") == "a-z/dzs/index.html"
    assert letter_of("Dzsungel", "en") == "D"


def test_vietnamese_files_its_letters_after_their_base_letter_whatever_their_tone() -> None:
    """Vietnamese has ă and â after a, đ after d, ê after e, ô and ơ after o, ư after u, each
    with any of its five tones: `Ấn` (â with an acute) under Â, `Ánh` under A."""
    names = ["Ấn", "Ánh", "Âm", "Ăn", "Bạn", "Đẹp", "Dạy", "Ơn", "Ông", "Ổn", "Ở", "Ước", "Uống"]
    assert letters(names, "vi") == {
        "A": ["Ánh"],
        "Ă": ["Ăn"],
        "Â": ["Âm", "Ấn"],
        "B": ["Bạn"],
        "D": ["Dạy"],
        "Đ": ["Đẹp"],
        "Ô": ["Ổn", "Ông"],
        "Ơ": ["Ở", "Ơn"],
        "U": ["Uống"],
        "Ư": ["Ước"],
    }
    assert letter_of("A\u0302\u0301n", "vi") == "Â", "written decomposed too"
    assert "".join(jump_letters({}, "vi")[:6]) == "AĂÂBCD"


def test_welsh_albanian_and_filipino_letters_of_two_are_letters() -> None:
    welsh = ["Ngwyn", "Llan", "Lafant", "Gwyn", "Dafydd", "Ddraig", "Hen", "Thomas", "Tŷ"]
    assert a_to_z(welsh, "cy") == [
        "Dafydd",
        "Ddraig",
        "Gwyn",
        "Ngwyn",
        "Hen",
        "Lafant",
        "Llan",
        "Tŷ",
        "Thomas",
    ]
    assert letter_of("Ngwyn", "cy") == "NG" and letter_of("Ngwyn", "en") == "N"
    albanian = ["Shqipëri", "Sot", "Ëndërr", "Ekip", "Xhami", "Xixë", "Zog", "Zhurmë"]
    assert a_to_z(albanian, "sq") == ["Ekip", "Ëndërr", "Sot", "Shqipëri", "Xixë", "Xhami", "Zog", "Zhurmë"]
    assert a_to_z(["Ngayon", "Niyog", "Ñora", "Oo"], "fil") == ["Niyog", "Ñora", "Ngayon", "Oo"]


def test_icelandic_and_esperanto_letters_with_accents_are_letters_of_their_own() -> None:
    icelandic = ["Þing", "Ás", "Bók", "Æfing", "Ör", "Zeta", "Dalur", "Ðe", "Ýsa", "Ylur", "Afi"]
    assert letters(icelandic, "is") == {
        "A": ["Afi"],
        "Á": ["Ás"],
        "B": ["Bók"],
        "D": ["Dalur"],
        "Ð": ["Ðe"],
        "Y": ["Ylur"],
        "Ý": ["Ýsa"],
        "Z": ["Zeta"],
        "Þ": ["Þing"],
        "Æ": ["Æfing"],
        "Ö": ["Ör"],
    }
    assert a_to_z(["ĉefo", "celo", "dato", "ŝipo", "suno", "tago"], "eo") == [
        "celo",
        "ĉefo",
        "dato",
        "suno",
        "ŝipo",
        "tago",
    ]


def test_baltic_languages_file_their_letters_where_their_alphabets_have_them() -> None:
    """Estonian has z and ž after š, and õ, ä, ö, ü after w; Latvian ģ, ķ, ļ, ņ after g, k, l, n
    (ā, ē, ī, ū with their base letters); both Lithuanian and Latvian file y as i (and
    Lithuanian į), as CLDR's collations have them."""
    estonian = ["Zooloogia", "Tee", "Šokolaad", "Saar", "Žürii", "Õun", "Ülikool", "Äri", "Xylofon", "Wiki"]
    assert a_to_z(estonian, "et") == [
        "Saar",
        "Šokolaad",
        "Zooloogia",
        "Žürii",
        "Tee",
        "Wiki",
        "Õun",
        "Äri",
        "Ülikool",
        "Xylofon",
    ]
    assert "".join(jump_letters({}, "et")) == "ABCDEFGHIJKLMNOPQRSŠZŽTUVWÕÄÖÜXY"
    for language in ("lt", "lv"):
        assert letters(["Yra", "Ilgis", "Ivo", "Jūra", "Įvadas"], language) == {
            "I": ["Ilgis", "Yra", "Įvadas", "Ivo"],  # ilgis, ira, ivadas, ivo
            "J": ["Jūra"],
        }
        assert "Y" not in jump_letters({}, language)
    assert a_to_z(["Ķirsis", "Kaza", "Ābols", "Lapa", "Ļoti", "Ģimene", "Gads"], "lv") == [
        "Ābols",
        "Gads",
        "Ģimene",
        "Kaza",
        "Ķirsis",
        "Lapa",
        "Ļoti",
    ]


@pytest.mark.parametrize(
    ("language", "alphabet", "names"),
    [
        ("ar", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي", ["تعلم", "Attention", "آلة", "بيانات"]),
        ("he", "אבגדהוזחטיכלמנסעפצקרשת", ["רשת", "Attention", "אלגוריתם", "בינה"]),
        ("el", "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ", ["Δίκτυο", "Attention", "Άλγεβρα", "Βάση"]),
    ],
)
def test_a_glossary_in_another_alphabet_jumps_through_it_and_lists_its_names_first(
    language: str, alphabet: str, names: list[str]
) -> None:
    """As the language's collation has it (CLDR's, which Hugo sorts by): Latin names after, and
    in the jump bar only the Latin letters names start with."""
    ordered = a_to_z(names, language)
    assert ordered[-1] == "Attention"
    assert [letter_of(name, language) for name in ordered[:3]] == sorted(
        {letter_of(name, language) for name in ordered[:3]}, key=alphabet.index
    )
    assert jump_letters({"A"}, language) == [*alphabet, "A"]
    assert list(alphabet) == sorted(alphabet), "the script's letters are in its order in Unicode too"


@pytest.mark.parametrize(
    ("language", "script", "names"),
    [
        ("hi", "DEVANAGARI", ["मशीन", "अनुवाद", "क़ानून", "कंप्यूटर", "Attention", "आवाज़"]),
        ("ne", "DEVANAGARI", ["नेपाल", "अनुवाद", "Attention", "कम्प्युटर"]),
        ("bn", "BENGALI", ["যন্ত্র", "অনুবাদ", "Attention", "কম্পিউটার"]),
        ("gu", "GUJARATI", ["મશીન", "અનુવાદ", "Attention", "કમ્પ્યુટર"]),
        ("ka", "GEORGIAN", ["ხელოვნური", "ალგორითმი", "Attention", "ბაზა"]),
        ("hy", "ARMENIAN", ["Տվյալ", "Ալգորիթմ", "Attention", "Բառ"]),
        ("th", "THAI", ["ลม", "กา", "Attention", "ขา"]),
        ("te", "TELUGU", ["కంప్యూటర్", "అనువాదం", "Attention", "డేటా"]),
        ("kn", "KANNADA", ["ಕಂಪ್ಯೂಟರ್", "ಅನುವಾದ", "Attention", "ದತ್ತಾಂಶ"]),
        ("ml", "MALAYALAM", ["കമ്പ്യൂട്ടർ", "അറിവ്", "Attention", "ഡാറ്റ"]),
        ("pa", "GURMUKHI", ["ਕੰਪਿਊਟਰ", "ਅਨੁਵਾਦ", "Attention", "ਡਾਟਾ"]),
        ("lo", "LAO", ["ຄອມພິວເຕີ", "ການແປ", "Attention", "ຂໍ້ມູນ"]),
    ],
)
def test_glossaries_in_indic_lao_thai_georgian_and_armenian_letters_jump_through_their_alphabet(
    language: str, script: str, names: list[str]
) -> None:
    """Was: a jump bar of 26 empty Latin letters before the letters present, Latin names first,
    and every Thai name under '#' (Unicode names Thai consonants CHARACTER, not LETTER)."""
    ordered = a_to_z(names, language)
    assert ordered[-1] == "Attention"
    bar = jump_letters({"A"}, language)
    assert bar[-1] == "A" and bar[:-1] == sorted(bar[:-1]), "the alphabet in Unicode's order, as collated"
    assert len(bar) > 25
    assert {letter_of(name, language) for name in ordered[:-1]} <= set(bar)
    assert all(script in unicodedata.name(letter[0]) for letter in bar[:-1])


def test_urdu_files_its_letters_in_its_alphabets_order() -> None:
    """Was: Urdu's own letters (pe, tte, kaf, gaf, heh goal, farsi yeh...), which Unicode has
    after every Arabic letter, all after waw, each under a letter of its own."""
    names = ["یاد", "ہوا", "وقت", "گھر", "کتاب", "لفظ", "قلم", "ٹیکنالوجی", "تصویر", "پانی", "بات", "GPU"]
    ordered = ["بات", "پانی", "تصویر", "ٹیکنالوجی", "قلم", "کتاب", "گھر", "لفظ", "وقت", "ہوا", "یاد", "GPU"]
    assert a_to_z(names, "ur") == ordered
    assert [letter_of(name, "ur") for name in ordered] == [*"بپتٹقکگلوہی", "G"]
    assert letter_of("كتاب", "ur") == "ک" and letter_of("يقين", "ur") == "ی", "Arabic kaf and yeh too"
    assert jump_letters({}, "ur")[-5:] == [*"ہھءیے"]


def test_marathi_has_its_letters_after_ha_in_its_order() -> None:
    """CLDR's Marathi collation: ळ, then क्ष and ज्ञ (each written with three characters) after ह."""
    names = ["क्षमता", "कमळ", "हवा", "ळ", "ज्ञान", "जल"]
    assert a_to_z(names, "mr") == ["कमळ", "जल", "हवा", "ळ", "क्षमता", "ज्ञान"]
    assert [letter_of(name, "mr") for name in ("क्षमता", "ज्ञान", "कमळ")] == ["क्ष", "ज्ञ", "क"]
    assert jump_letters({}, "mr")[-4:] == ["ह", "ळ", "क्ष", "ज्ञ"]
    assert letter_of("क्षमता", "hi") == "क"


def test_tamil_and_sinhala_letters_out_of_unicodes_order_are_in_their_alphabets() -> None:
    """CLDR's collations: Tamil au (which NFKD splits into o and its length mark) after o and ksha
    after ha; Sinhala nya (U+0DA4) after its jnya (U+0DA5), not before."""
    tamil = ["ஔவை", "ஓடம்", "க்ஷேத்திரம்", "ஹரி", "கணினி", "அறிவியல்"]
    assert a_to_z(tamil, "ta") == ["அறிவியல்", "ஓடம்", "ஔவை", "கணினி", "ஹரி", "க்ஷேத்திரம்"]
    assert [letter_of(name, "ta") for name in ("ஔவை", "க்ஷேத்திரம்")] == ["ஔ", "க்ஷ"]
    assert jump_letters({}, "ta")[10:13] == ["ஓ", "ஔ", "க"] and jump_letters({}, "ta")[-1] == "க்ஷ"
    bar = jump_letters({}, "si")
    assert bar.index("ඥ") + 1 == bar.index("ඤ")
    assert a_to_z(["ඤාණ", "ඥාති"], "si") == ["ඥාති", "ඤාණ"]


def test_thai_words_with_a_vowel_written_first_are_under_their_consonant_in_any_language() -> None:
    """`เมฆ` (cloud) is read me-k, its vowel written before the ม it follows: a Thai dictionary
    lists it under ม, after `มด`, as Unicode's collation does in any language."""
    names = ["เมฆ", "มด", "ไก่", "กา", "ขา", "โลก", "ลม"]
    for language in ("th", "en"):
        assert a_to_z(names, language) == ["กา", "ไก่", "ขา", "มด", "เมฆ", "ลม", "โลก"]
        assert [letter_of(name, language) for name in ("เมฆ", "ไก่", "โลก")] == ["ม", "ก", "ล"]


def test_georgian_is_filed_under_its_everyday_letters_not_the_capitals_str_upper_gives() -> None:
    """Python's str.upper turns Georgian letters into Mtavruli, the capitals of headings only:
    a name was filed under `Ა`, and a glossary in Georgian jumped through letters it never used."""
    for language in ("ka", "en"):
        assert letter_of("ალგორითმი", language) == letter_of("Ალფა", language) == "ა"
    assert jump_letters({}, "ka")[:3] == ["ა", "ბ", "გ"]


def test_other_languages_keep_accented_letters_with_their_base_letter() -> None:
    """German, English and every language not in a_to_z's table file `Ä` with `A`, as before."""
    for language in ("de", "en", "fr", ""):
        assert letters(SWEDISH, language) == {
            "A": ["A\u030angest", "Apa", "Ärende", "Åtgärd"],
            "O": ["Öppen", "Ørsted", "Oslo"],
            "P": ["På", "Paz"],
            "Z": ["Zebra"],
        }
        assert a_to_z(["nube", "ñandú", "nutria"], language) == ["ñandú", "nube", "nutria"]
        assert jump_letters({"Λ"}, language) == [chr(c) for c in range(ord("A"), ord("Z") + 1)] + ["Λ"]


def test_kana_are_filed_under_their_gojuon_row_and_hangul_under_its_initial_in_any_language() -> None:
    """Was: every kana and Hangul name under one '#', so a Japanese or Korean glossary had no
    jump bar to speak of; a Japanese index files `が` under か and `パン` under は, a Korean
    one `한국어` under ㅎ and `까치` with `가나` under ㄱ, after its ㄱ words."""
    names = ["アクセス", "がくしゅう", "パン", "かさ", "ｶﾒﾗ", "きゃく", "ゃ", "ん", "わに", "한국어", "가나"]
    names += ["까치", "각", "나무", "Λεξικό", "Zebra", "学習", "3D", "ー"]
    expected = {
        "Z": ["Zebra"],
        "Λ": ["Λεξικό"],
        "あ": ["アクセス"],
        "か": ["がくしゅう", "かさ", "ｶﾒﾗ", "きゃく"],
        "は": ["パン"],
        "や": ["ゃ"],
        "わ": ["わに", "ん"],
        "ㄱ": ["가나", "각", "까치"],
        "ㄴ": ["나무"],
        "ㅎ": ["한국어"],
        "#": ["3D", "ー", "学習"],
    }
    for language in ("ja", "ko", "en", "sv"):
        assert letters(names, language) == expected, language
    present = {"#", "ㅎ", "あ", "ㄱ", "は", "Λ", "𐌰"}
    assert jump_letters(present, "ja")[26:] == ["Λ", "𐌰", "あ", "は", "ㄱ", "ㅎ", "#"]
    assert letter_path("か", "ja") == "a-z/か/index.html"


def test_ethiopic_syllables_are_filed_under_their_consonant_in_any_language() -> None:
    """Was: every Amharic name under one '#'. An Amharic dictionary's sections are its
    consonants, each the first syllable of its row (`ሱ`, `ሲ` under ሰ), a labialised syllable
    (`ቈ` qwa) with its plain consonant, after it."""
    names = ["ሰላም", "ሱቅ", "ሲኒ", "ለምለም", "ቈጠረ", "ቀን", "ቂጣ", "አማርኛ", "ፈረስ", "GPU"]
    expected = {
        "G": ["GPU"],
        "ለ": ["ለምለም"],
        "ሰ": ["ሰላም", "ሱቅ", "ሲኒ"],
        "ቀ": ["ቀን", "ቂጣ", "ቈጠረ"],
        "አ": ["አማርኛ"],
        "ፈ": ["ፈረስ"],
    }
    for language in ("am", "ti", "en"):
        assert letters(names, language) == expected, language
    assert jump_letters({*expected, "ㄱ", "か"}, "am")[26:] == ["か", "ለ", "ሰ", "ቀ", "አ", "ፈ", "ㄱ"]
    assert letter_path("ሰ", "am") == "a-z/ሰ/index.html"


def test_a_letters_parts_go_by_the_first_two_letters_of_each_name_in_the_lists_order() -> None:
    names = a_to_z(["Sabre", "Scale", "sable", "Search", "Shard", "Sea", "Schema", "Syntax"])
    assert letter_parts("S", names) == [("Sa", 2), ("Sc", 2), ("Se", 2), ("Sh", 1), ("Sy", 1)]


def test_a_name_is_in_the_part_of_the_name_it_is_filed_under_case_and_accents_aside() -> None:
    """'Éclair' is read as 'eclair'; 'Æther' as 'aether'; a term's sort_as is what is given."""
    assert letter_parts("E", ["Eagle", "ÉCLAIR", "Ecology", "Ezra"]) == [("Ea", 1), ("Ec", 2), ("Ez", 1)]
    assert letter_parts("A", ["Æther", "Aft"]) == [("Ae", 1), ("Af", 1)]
    assert letter_parts("L", ["Lisbon", "Łódź", "Lyon"]) == [("Li", 1), ("Lo", 1), ("Ly", 1)]


def test_names_with_no_second_letter_first_are_under_the_letter_alone_later_in_the_part_before() -> None:
    names = a_to_z(["S", "S-Bahn", "S3", "Sabre", "Sa 2", "Sx", "Sx-1"])
    assert names == ["S", "S-Bahn", "S3", "Sa 2", "Sabre", "Sx", "Sx-1"]
    assert letter_parts("S", names) == [("S", 3), ("Sa", 2), ("Sx", 2)]
    assert letter_parts("S", ["Sa", "S.", "S4"]) == [("Sa", 3)]


def test_a_part_whose_label_would_go_back_keeps_its_names_in_the_part_before() -> None:
    """Swedish files 'Aö' after 'Az': its label 'Ao' would come twice, or out of order."""
    names = a_to_z(["Aorta", "Azur", "Aöl", "Ark"], "sv")
    assert names == ["Aorta", "Ark", "Azur", "Aöl"]
    assert letter_parts("A", names) == [("Ao", 1), ("Ar", 1), ("Az", 2)]
    assert letter_parts("A", ["Abba", "Ard", "Aöl"]) == [("Ab", 1), ("Ar", 2)]


def test_every_name_is_in_one_part_and_none_when_there_are_none() -> None:
    names = a_to_z([f"T{chr(97 + i % 26)}{i}" for i in range(300)])
    parts = letter_parts("T", names)
    assert sum(count for _, count in parts) == 300
    assert [label for label, _ in parts] == sorted({label for label, _ in parts})
    assert letter_parts("T", []) == []
