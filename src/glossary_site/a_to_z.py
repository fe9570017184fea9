"""The one A to Z order of the site, and the letter each name is listed under.

The home page's letter sections, each term page's previous and next links, the category and
tag pages and every other list in title order all sort by `a_to_z_key`, so a reader walking
"next" from the first term meets the terms in the order the A to Z shows them: before, the
home page filed `3D printing` under '#' after Z while previous and next put it first, and
`Łódź` after `Lyon` yet before `Zebra` in one list and after `Zebra` in the other.

The order is the site's language's (site.yml `language`), as Hugo sorts by title with the
language's collation: a Swedish reader looks for `Ärende` after Z, not among the A's.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from glossary_site.slugs import slugify

#: Latin letters that Unicode does not split into a letter and an accent, as the one they are
#: read as in a list (slugs.py spells them so in addresses too): `Łódź` among the L's, not after z.
_LATIN_FOLDED = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "ð": "d",
     "þ": "th", "ŋ": "ng", "ĸ": "k"}
)  # fmt: skip
#: Katakana as the hiragana of the same sound (NFKD has made half-width ones full-width): a
#: Japanese list is in the order of the kana's sounds whichever of the two a word is written
#: in, so 'アクセス' (a) comes before 'いのうえ' (i), not after every hiragana word.
_KANA_FOLDED = str.maketrans({code: code - 0x60 for code in range(0x30A1, 0x30F7)})
#: '#' (digits, emoji, Chinese characters...) comes after every letter of every alphabet.
_LAST = chr(sys.maxunicode) + "#"

#: Kana under the head of its gojūon row, as a Japanese dictionary's or index's sections are
#: (the index letters CLDR gives Japanese, which a phone's contact list jumps through): あ か
#: さ た な は ま や ら わ. A name is looked at without its voicing marks and half-width forms (NFKD), so
#: `が` is under か, `パン` under は, `ｱ` under あ and `ゔ` under あ as the `う` it is written on;
#: small kana with their full one (`ゃ` under や), `ん` with わ as indexes file it. The katakana
#: phonetic extensions (Ainu `ㇰ`...) go with the kana they are small forms of. `ー`, `ゝ` only
#: carry on a sound, so a name starting with one is under '#'.
_KANA_ROWS = {
    "あ": "ぁあぃいぅうぇえぉおゔ",
    "か": "かがきぎくぐけげこごゕゖㇰ",
    "さ": "さざしじすずせぜそぞㇱㇲ",
    "た": "ただちぢっつづてでとどㇳ",
    "な": "なにぬねのㇴ",
    "は": "はばぱひびぴふぶぷへべぺほぼぽㇵㇶㇷㇸㇹ",
    "ま": "まみむめもㇺ",
    "や": "ゃやゅゆょよ",
    "ら": "らりるれろㇻㇼㇽㇾㇿ",
    "わ": "ゎわゐゑをん",
}
#: A Hangul syllable under its initial consonant, as the compatibility jamo a Korean index
#: heads its sections with: NFKD splits `한` into its jamo, the first its initial (the
#: arithmetic (code - 0xAC00) // 588 would give), and the 19 initials are U+1100 on in
#: dictionary order. The doubled initials ㄲ ㄸ ㅃ ㅆ ㅉ are filed with their plain one, as
#: CLDR's Korean index letters, a Korean book's 찾아보기 (index) and a phone's contact list
#: have them: 14 sections ㄱ to ㅎ, a bar short enough to jump through, and no order lost, since
#: every `까` sorts after every `기` as the dictionary has it, so ㄲ's words end ㄱ's section.
_HANGUL_INITIALS = "ㄱㄱㄴㄷㄷㄹㅁㅂㅂㅅㅅㅇㅈㅈㅊㅋㅌㅍㅎ"
#: An Ethiopic syllable (Amharic, Tigrinya...) under its consonant, as a dictionary's sections
#: are: the block is laid out in rows of 8, one consonant's seven vowels and a spare, so `ሱ` and
#: `ሲ` are under ሰ, the head of their row; a labialised row (`ቈ` qwa) is filed with its plain
#: consonant (ቀ), as dictionaries file it, after it in code point order.
_ETHIOPIC_LABIALISED = {
    0x1248: 0x1240,
    0x1258: 0x1250,
    0x1288: 0x1280,
    0x12B0: 0x12A8,
    0x12C0: 0x12B8,
    0x1310: 0x1308,
}
_ETHIOPIC_ROWS = {
    chr(code): chr(_ETHIOPIC_LABIALISED.get(code & ~7, code & ~7))
    for code in range(0x1200, 0x1358)
    if unicodedata.category(chr(code)) == "Lo"  # the block's gaps are unassigned
}
#: The section of a name starting with a kana (katakana as its hiragana: `アクセス` under あ like
#: `あさ`), an Ethiopic syllable or a Hangul initial, each after NFKD.
_SYLLABLE_LETTERS = (
    {kana: row for row, kanas in _KANA_ROWS.items() for kana in kanas}
    | _ETHIOPIC_ROWS
    | {chr(0x1100 + rank): initial for rank, initial in enumerate(_HANGUL_INITIALS)}
)
#: Where those sections stand: after every alphabet's letters (whatever their code points: an
#: SMP script's too), kana rows in gojūon order, then Ethiopic consonants and Hangul initials
#: in theirs (all in code point order: あ U+3042 ... わ U+308F, ለ U+1208 ... ፐ U+1350, ㄱ U+3131
#: ... ㅎ U+314E), then '#'.
_SYLLABLE_SECTIONS = {
    letter: chr(sys.maxunicode - (2 if letter in _KANA_ROWS else 1)) + letter
    for letter in _SYLLABLE_LETTERS.values()
}

#: Croatian's, Bosnian's and Serbian's in Latin letters, with the letters written with two: dž,
#: lj and nj.
_CROATIAN = (
    ("c", ("č", "ć")),
    ("d", ("dž", "đ")),
    ("l", ("lj",)),
    ("n", ("nj",)),
    ("s", ("š",)),
    ("z", ("ž",)),
)
#: The languages whose readers look for some letters elsewhere than under the plain letter
#: Unicode spells them with, or where its code points would put them (CLDR's collations, as
#: Hugo uses them): after each letter named, those letters, in their order; the spellings of
#: one string, separated by spaces, are filed and sorted alike (a Swede looks for `Æ` among
#: the `Ä`'s), a spelling of several letters (Czech `ch`) is a letter of its own wherever it
#: stands in a word, and a letter of A to Z named here moves there (Estonian `z` after `s`).
#: Every other language files an accented letter under the one it is spelled with.
_OWN_LETTERS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "sv": (("z", ("å", "ä æ", "ö ø")),),
    "fi": (("z", ("å", "ä æ", "ö ø")),),
    "da": (("z", ("æ ä", "ø ö", "å")),),
    "nb": (("z", ("æ ä", "ø ö", "å")),),
    "nn": (("z", ("æ ä", "ø ö", "å")),),
    "no": (("z", ("æ ä", "ø ö", "å")),),
    "es": (("n", ("ñ",)),),
    "gl": (("n", ("ñ",)),),
    "fil": (("n", ("ñ", "ng")),),
    "eo": (("c", ("ĉ",)), ("g", ("ĝ",)), ("h", ("ĥ",)), ("j", ("ĵ",)), ("s", ("ŝ",)), ("u", ("ŭ",))),
    "is": (
        ("a", ("á",)),
        ("d", ("ð",)),
        ("e", ("é",)),
        ("i", ("í",)),
        ("o", ("ó",)),
        ("u", ("ú",)),
        ("y", ("ý",)),
        ("z", ("þ", "æ ä", "ö ø", "å")),
    ),
    "cy": (
        ("c", ("ch",)),
        ("d", ("dd",)),
        ("f", ("ff",)),
        ("g", ("ng",)),
        ("l", ("ll",)),
        ("p", ("ph",)),
        ("r", ("rh",)),
        ("t", ("th",)),
    ),
    "sq": (
        ("c", ("ç",)),
        ("d", ("dh",)),
        ("e", ("ë",)),
        ("g", ("gj",)),
        ("l", ("ll",)),
        ("n", ("nj",)),
        ("r", ("rr",)),
        ("s", ("sh",)),
        ("t", ("th",)),
        ("x", ("xh",)),
        ("z", ("zh",)),
    ),
    # its tones (_TONES) aside
    "vi": (("a", ("ă", "â")), ("d", ("đ",)), ("e", ("ê",)), ("o", ("ô", "ơ")), ("u", ("ư",))),
    "pl": (
        ("a", ("ą",)),
        ("c", ("ć",)),
        ("e", ("ę",)),
        ("l", ("ł",)),
        ("n", ("ń",)),
        ("o", ("ó",)),
        ("s", ("ś",)),
        ("z", ("ź", "ż")),
    ),
    "cs": (("c", ("č",)), ("h", ("ch",)), ("r", ("ř",)), ("s", ("š",)), ("z", ("ž",))),
    "sk": (
        ("a", ("ä",)),
        ("c", ("č",)),
        ("h", ("ch",)),
        ("o", ("ô",)),
        ("r", ("ř",)),
        ("s", ("š",)),
        ("z", ("ž",)),
    ),
    "sl": (("c", ("č",)), ("s", ("š",)), ("z", ("ž",))),
    "et": (("s", ("š", "z", "ž")), ("w", ("õ", "ä", "ö", "ü"))),
    "lv": (
        ("c", ("č",)),
        ("g", ("ģ",)),
        ("k", ("ķ",)),
        ("l", ("ļ",)),
        ("n", ("ņ",)),
        ("r", ("ŗ",)),
        ("s", ("š",)),
        ("z", ("ž",)),
    ),
    "lt": (("c", ("č",)), ("s", ("š",)), ("z", ("ž",))),
    # a doubled one is the letter twice (_DOUBLED): `hosszú` sorts as `hoszszú`
    "hu": (
        ("c", ("cs",)),
        ("d", ("dz", "dzs")),
        ("g", ("gy",)),
        ("l", ("ly",)),
        ("n", ("ny",)),
        ("o", ("ö ő",)),
        ("s", ("sz",)),
        ("t", ("ty",)),
        ("u", ("ü ű",)),
        ("z", ("zs",)),
    ),
    # the dotless i (capital I, _DOTTED_I) is a letter of its own before i (capital İ)
    "tr": (("c", ("ç",)), ("g", ("ğ",)), ("h", ("ı",)), ("o", ("ö",)), ("s", ("ş",)), ("u", ("ü",))),
    "az": (
        ("c", ("ç",)),
        ("e", ("ə",)),
        ("g", ("ğ",)),
        ("h", ("x", "ı")),
        ("k", ("q",)),
        ("o", ("ö",)),
        ("s", ("ş",)),
        ("u", ("ü",)),
        ("z", ("w",)),
    ),
    # s and t with a comma below are the letters; the cedilla forms are how older fonts typed them
    "ro": (("a", ("ă", "â")), ("i", ("î",)), ("s", ("ș ş",)), ("t", ("ț ţ",))),
    "hr": _CROATIAN,
    "bs": _CROATIAN,
    "sr-latn": _CROATIAN,
    "ru": (("и", ("й",)),),
    "mr": (("ह", ("ळ", "क्ष", "ज्ञ")),),
    # Tamil's au, which NFKD splits into o and its length mark
    "ta": (("ஓ", ("ஔ",)), ("ஹ", ("க்ஷ",))),
    "si": (("ඥ", ("ඤ",)),),
    # Urdu's own letters, as Persian's, come after the Arabic ones in Unicode; heh goal, do-chashmi
    # heh, hamza, farsi yeh and yeh barree close its alphabet, after waw
    "ur": (
        ("ب", ("پ",)),
        ("ت", ("ٹ",)),
        ("ج", ("چ",)),
        ("د", ("ڈ",)),
        ("ر", ("ڑ",)),
        ("ز", ("ژ",)),
        ("ق", ("ک ك", "گ")),
        ("ن", ("ں",)),
        ("و", ("ہ ه", "ھ", "ء", "ی ي ى", "ے")),
    ),
    "bg": (("и", ("й",)),),
    # Unicode has these before a (and spells gje and kje with ghe and ka)
    "sr": (("д", ("ђ",)), ("и", ("ј",)), ("л", ("љ",)), ("н", ("њ",)), ("т", ("ћ",)), ("ч", ("џ",))),
    "mk": (
        ("д", ("ѓ",)),
        ("з", ("ѕ",)),
        ("и", ("ј",)),
        ("л", ("љ",)),
        ("н", ("њ",)),
        ("т", ("ќ",)),
        ("ч", ("џ",)),
    ),
    # Belarusian has no i but its own one, before short i; io and short u are letters of their own
    "be": (("е", ("ё",)), ("з", ("і", "й")), ("у", ("ў",))),
    # Unicode has ye and i before a, ghe with upturn after ya, and spells yi and short i with i
    "uk": (("г", ("ґ",)), ("е", ("є",)), ("и", ("і", "ї", "й"))),
    # Persian's own letters are code points after the Arabic ones, and waw comes before heh;
    # kaf and yeh are filed with their Arabic forms, which Arabic keyboards type
    "fa": (
        ("ب", ("پ",)),
        ("ج", ("چ",)),
        ("ز", ("ژ",)),
        ("ق", ("ک ك", "گ")),
        ("ن", ("و",)),
        ("ه", ("ی ي",)),
    ),
}
#: The languages written in another alphabet than the Latin one: the script (as Unicode names
#: its letters) and its letters in their order, without the ones of _OWN_LETTERS, as CLDR's
#: index letters have them (Russian files `Ёлка` with `Ель`, and no word starts with a hard
#: or soft sign). These are the jump bar's letters, and names in the script come before Latin
#: ones, as the language's collation (CLDR's, which Hugo uses) reorders them.
_HEBREW = ("HEBREW", "אבגדהוזחטיכלמנסעפצקרשת")
_DEVANAGARI = "अआइईउऊऋएऐओऔकखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसह"
_SCRIPTS: dict[str, tuple[str, str]] = {
    "ru": ("CYRILLIC", "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЫЭЮЯ"),
    "bg": ("CYRILLIC", "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЮЯ"),
    "sr": ("CYRILLIC", "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШ"),
    "mk": ("CYRILLIC", "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШ"),
    "be": ("CYRILLIC", "АБВГДЕЖЗКЛМНОПРСТУФХЦЧШЫЭЮЯ"),
    "uk": ("CYRILLIC", "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЮЯ"),
    "el": ("GREEK", "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ"),
    "he": _HEBREW,
    "iw": _HEBREW,  # Hebrew's old code
    "ar": ("ARABIC", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"),
    "fa": ("ARABIC", "ابتثجحخدذرزسشصضطظعغفقلمنه"),
    "ur": ("ARABIC", "ابتثجحخدذرزسشصضطظعغفقلمنو"),
    "hi": ("DEVANAGARI", _DEVANAGARI),
    "ne": ("DEVANAGARI", _DEVANAGARI),
    "mr": ("DEVANAGARI", _DEVANAGARI),
    "bn": ("BENGALI", "অআইঈউঊঋএঐওঔকখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ"),
    "gu": ("GUJARATI", "અઆઇઈઉઊઋએઐઓઔકખગઘઙચછજઝઞટઠડઢણતથદધનપફબભમયરલળવશષસહ"),
    "th": ("THAI", "กขคฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"),
    "ka": ("GEORGIAN", "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ"),
    "hy": ("ARMENIAN", "ԱԲԳԴԵԶԷԸԹԺԻԼԽԾԿՀՁՂՃՄՅՆՇՈՉՊՋՌՍՎՏՐՑՒՓՔՕՖ"),
    "ta": ("TAMIL", "அஆஇஈஉஊஎஏஐஒஓகஙசஜஞடணதநனபமயரறலளழவஶஷஸஹ"),
    "te": ("TELUGU", "అఆఇఈఉఊఋఎఏఐఒఓఔకఖగఘఙచఛజఝఞటఠడఢణతథదధనపఫబభమయరఱలళవశషసహ"),
    "kn": ("KANNADA", "ಅಆಇಈಉಊಋಎಏಐಒಓಔಕಖಗಘಙಚಛಜಝಞಟಠಡಢಣತಥದಧನಪಫಬಭಮಯರಲಳವಶಷಸಹ"),
    "ml": ("MALAYALAM", "അആഇഈഉഊഋഎഏഐഒഓഔകഖഗഘങചഛജഝഞടഠഡഢണതഥദധനപഫബഭമയരറലളഴവശഷസഹ"),
    "si": ("SINHALA", "අආඇඈඉඊඋඌඍඑඒඓඔඕඖකඛගඝඞඟචඡජඣඥටඨඩඪණඬතථදධනඳපඵබභමඹයරලවශෂසහළෆ"),
    "pa": ("GURMUKHI", "ਅਆਇਈਉਊਏਐਓਔਕਖਗਘਙਚਛਜਝਞਟਠਡਢਣਤਥਦਧਨਪਫਬਭਮਯਰਲਵਸਹੜ"),
    "lo": ("LAO", "ກຂຄງຈຊຍດຕຖທນບປຜຝພຟມຢຣລວສຫອຮ"),
}
#: Thai and Lao vowels written before the consonant they follow in speech, as a Thai dictionary
#: files a word under that consonant (and Unicode's collation reads it first): `เมฆ` under ม.
_PREVOWEL = re.compile("([\u0e40-\u0e44\u0ec0-\u0ec4])([\u0e01-\u0e2e\u0e81-\u0eae])")
#: Georgian capitals (Mtavruli, which str.upper gives) as the letters a Georgian index shows.
_MKHEDRULI = {0x1C90 + rank: 0x10D0 + rank for rank in range(0x30)}
#: Letters that a language files and sorts as another (Lithuanian and Latvian `y` as `i`): the
#: jump bar has no place of their own for them.
_FILED_AS = {"lt": {"y": "i"}, "lv": {"y": "i"}}
#: The languages whose i has a dot in capitals too (`İstanbul`) and whose capital I is the
#: dotless i's (`Isparta`): Unicode's special casing for Turkish and Azerbaijani, which
#: str.casefold and str.upper leave out.
_DOTTED_I = frozenset({"tr", "az"})
#: The languages that write a doubled letter of several (Hungarian `ssz`, `ggy`) with its
#: first letter twice only: it sorts as the letter twice, as CLDR's Hungarian collation has it.
_DOUBLED = frozenset({"hu"})
_DOTTED_LOWER = str.maketrans({"I": "ı", "İ": "i"})
_DOTTED_UPPER = str.maketrans({"i": "İ", "ı": "I"})
#: The languages whose letters carry tones a list files them without: Vietnamese `Ấn` is under
#: `Â` (its grave, acute, tilde, hook above and dot below aside), not under `A`.
_TONES = {"vi": dict.fromkeys((0x300, 0x301, 0x303, 0x309, 0x323))}
#: Before every other section: the letters of a language's own script (_SCRIPTS).
_FIRST = "\x00"
#: Most names hold no digit, and a one-character search says so in a third of the time of
#: the run-matching substitution's.
_DIGIT = re.compile("[0-9]")
_DIGITS = re.compile("[0-9]+")

_LATIN = tuple(chr(code) for code in range(ord("A"), ord("Z") + 1))


@dataclass(frozen=True)
class _Alphabet:
    """A language's letters of its own: how a name spells each (`spelled` for one character,
    `spelled_with` for several, and `several`, which finds them, for sort_name), the letter
    each capital spelling is filed under (`filed`), each letter's place among the sections
    (`sections`) and the whole jump bar (`letters`); `script`, for a language not written in
    Latin letters, is its alphabet's Unicode name. `lower` and `upper` are its own case
    mappings (_DOTTED_I), `tones` the marks it files its letters without (_TONES), and
    `in_ascii` says whether a name in ASCII letters may hold one of its own letters."""

    spelled: dict[int, str]
    spelled_with: dict[str, str]
    several: re.Pattern[str] | None
    filed: dict[str, str]
    sections: dict[str, str]
    letters: tuple[str, ...]
    script: str
    lower: dict[int, str]
    upper: dict[int, str]
    tones: dict[int, None]
    in_ascii: bool

    def written(self, text: str) -> str:
        """Text in the language's own letters (NFC), its own lower case and tones aside."""
        if self.tones:
            text = unicodedata.normalize("NFD", text).translate(self.tones)
        return unicodedata.normalize("NFC", text).translate(self.lower)


@functools.cache
def _alphabet(language: str) -> _Alphabet | None:
    """The language's letters of its own (by its primary subtag: `sv-FI` is Swedish, or with
    its script subtag for a language written in two: `sr-Latn`), or None."""
    primary, _, rest = language.casefold().partition("-")
    written = f"{primary}-{rest.partition('-')[0]}"
    if written in _OWN_LETTERS or written in _SCRIPTS:
        primary = written
    script, base = _SCRIPTS.get(primary, ("", "".join(_LATIN)))
    own = dict(_OWN_LETTERS.get(primary, ()))
    if not own and not script:
        return None
    lower, upper = (_DOTTED_LOWER, _DOTTED_UPPER) if primary in _DOTTED_I else ({}, {})
    filed_as = _FILED_AS.get(primary, {})
    moved = {spelling for groups in own.values() for group in groups for spelling in group.split()}
    moved.update(filed_as)
    spelled: dict[int, str] = {ord(letter): other for letter, other in filed_as.items()}
    spelled_with: dict[str, str] = {}
    filed = {letter.upper(): other.upper() for letter, other in filed_as.items()}
    sections: dict[str, str] = {}
    letters: list[str] = []
    for letter in base:
        shown = letter.lower().translate(upper).upper() if upper else letter
        if shown != letter:  # Turkish `İ`: where I is in A to Z, after its section's place
            filed[shown] = shown
            sections[shown] = letter + shown
        if letter.lower() not in moved:
            letters.append(shown)
        groups = own.get(letter.lower(), ())
        for rank, group in enumerate(groups):
            # the letter then one of the last code points (_PLACES), which no name holds: after
            # every word going on with it ("På" after "Pz", "Pzz"), before the next letter, in
            # the language's order
            place = letter.lower() + chr(sys.maxunicode - len(groups) + rank)
            spellings = group.split()
            shown = spellings[0].upper()
            for spelling in spellings:
                if len(spelling) == 1:
                    spelled[ord(spelling)] = place
                else:
                    spelled_with[spelling] = place
                    if primary in _DOUBLED:
                        spelled_with[spelling[0] + spelling] = place + place
                filed[spelling.upper()] = shown
            sections[shown] = place.upper() + shown
            letters.append(shown)
    ascii_own = [chr(code) for code in spelled if code < 128] + [s for s in spelled_with if s.isascii()]
    in_ascii = bool(upper or ascii_own)
    # the longest first, from the left, as a collation reads them: `dzs` is not `dz` then `s`
    longest = sorted(spelled_with, key=len, reverse=True)
    several = re.compile("|".join(map(re.escape, longest))) if longest else None
    tones = _TONES.get(primary, {})
    return _Alphabet(
        spelled, spelled_with, several, filed, sections, tuple(letters), script, lower, upper, tones, in_ascii
    )


#: The least code point of the places _alphabet gives a language's own letters.
_PLACES = chr(sys.maxunicode - max(len(groups) for own in _OWN_LETTERS.values() for _, groups in own))


def sort_name(name: str, language: str) -> str:
    """A name as readers look for it in a list, case and accents aside: Éclair between Eagle
    and Ezra, Łódź between Lisbon and Lyon, not after Zebra; katakana and hiragana alike; and
    numbers by their value, as file managers list them: GPT-3, GPT-4, GPT-10, not GPT-10 first.
    A letter of the language's own (`_OWN_LETTERS`) keeps its place: Swedish `På` after `Paz`."""
    alphabet = _alphabet(language)
    if alphabet is not None and (alphabet.lower or alphabet.tones):
        name = alphabet.written(name)
    folded = name.casefold()
    if alphabet is not None and (alphabet.in_ascii or not folded.isascii()):  # Czech `ch` is ASCII
        folded = unicodedata.normalize("NFC", folded)
        if alphabet.several is not None:
            places = alphabet.spelled_with
            folded = alphabet.several.sub(lambda spelling: places[spelling[0]], folded)
        folded = folded.translate(alphabet.spelled)
    if not folded.isascii():
        folded = _unaccented(folded)
        if _PREVOWEL.search(folded):
            folded = _PREVOWEL.sub(r"\2\1", folded)
    return _DIGITS.sub(_by_value, folded) if _DIGIT.search(folded) else folded


def folded_name(name: str) -> str:
    """A name case and accents aside, its digits as written: words to compare, not to sort."""
    folded = name.casefold()
    return folded if folded.isascii() else _unaccented(folded)  # ASCII, most: no accent to drop


def letter_parts(letter: str, filed: Iterable[str]) -> list[tuple[str, int]]:
    """A long letter's parts by the first two letters of each name as it is filed (folded_name:
    'Éclair' is in 'Ec'), in the list's own order, which it keeps: each part's label and how
    many names in a row it holds. A name whose second letter is not a to z ('S3', 'S-Bahn')
    or would go back ('Aö' after 'Az' in Swedish) stays in the part before it, so a jump bar of
    the labels goes forward and names each part once; the names before any part are under the
    letter alone."""
    parts: list[tuple[str, int]] = []
    head = letter[:1] + letter[1:].lower()  # Czech `CH` heads parts such as 'Cha'
    for name in filed:
        second = folded_name(name)[len(letter) : len(letter) + 1]
        label = head + second if "a" <= second <= "z" else letter
        if parts and label <= parts[-1][0]:
            parts[-1] = (parts[-1][0], parts[-1][1] + 1)
        else:
            parts.append((label, 1))
    return parts


def _unaccented(folded: str) -> str:
    decomposed = unicodedata.normalize("NFKD", folded)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return bare.translate(_LATIN_FOLDED).translate(_KANA_FOLDED)


def _by_value(run: re.Match[str]) -> str:
    """A run of digits as its count of digits (two of them) and the digits, leading zeros
    dropped: '10' is '0210', after '3' ('013'), and '007' is '017' like '7' (a_to_z_key's last
    part then puts "Agent 007" first). Still digits, so a number sorts where it did among
    letters and punctuation. A run of over 99 digits sorts as if of 99, then by its digits."""
    digits = run.group().lstrip("0")
    return f"{min(len(digits), 99):02d}{digits}"


def a_to_z_key(name: str, language: str) -> tuple[str, str, str]:
    """Where a name stands A to Z: its letter's section (the letters of the alphabet the
    language is written in if not Latin, A to Z with the language's letters of its own, then
    other alphabets' letters in Unicode order, then kana rows in gojūon order, then Hangul
    initials, then '#'), then its sort_name; the name itself settles the rest. A section ends
    with its letter (letter_of_key)."""
    return (_section(letter_of(name, language), language), sort_name(name, language), name.casefold())


def _section(letter: str, language: str) -> str:
    if letter == "#":
        return _LAST
    alphabet = _alphabet(language)
    section = None if alphabet is None else alphabet.sections.get(letter)
    if section is None and letter.isascii() and len(letter) == 1:
        return letter
    if section is None and letter in _SYLLABLE_SECTIONS:
        return _SYLLABLE_SECTIONS[letter]
    if alphabet is None:
        return letter
    section = section or letter
    if alphabet.script and unicodedata.name(letter[0], "").startswith(alphabet.script):
        return _FIRST + section
    return section


def filed_key(name: str, sort_as: str, language: str) -> tuple[str, str, str, str]:
    """Where a name stands A to Z when it is filed as `sort_as` (a term's `sort_as` field: the
    Chinese title `机器学习` as its pinyin `jiqi xuexi`, among the J's; `.NET` as `NET`), or as
    itself when that is empty. Two names filed alike (homophones) then go by the name."""
    return (*a_to_z_key(sort_as or name, language), name)


def letter_of_key(key: tuple[str, ...]) -> str:
    """The letter of the name whose a_to_z_key this is: the A to Z's 20,000 names at 10,000
    terms are looked at once, not once to sort and once more to file."""
    section = key[0].removeprefix(_FIRST)
    return section[2:] if len(section) > 2 and section[1] >= _PLACES else section[-1]


def jump_letters(present: Collection[str], language: str) -> list[str]:
    """The letters of a jump bar, in the order of a_to_z_key: the language's alphabet always
    (A to Z, with its letters of its own, or the alphabet it is written in), so a reader finds
    each where it always is, and the letters of other alphabets (Latin ones too, in a Russian
    or Arabic glossary), kana rows, Hangul initials and '#' that `present` holds."""
    alphabet = _alphabet(language)
    letters = _LATIN if alphabet is None else alphabet.letters
    others = [letter for letter in present if len(letter) == 1 and letter != "#" and letter not in letters]
    shown = sorted([*letters, *others], key=lambda letter: _section(letter, language))
    return [*shown, *(["#"] if "#" in present else [])]


#: The folder of a big glossary's letter pages (letter_pages.py): no other page or group is
#: written there, and `a-z/b/` reads as what it is, as a Hugo site's `tags/b/` does.
FOLDER = "a-z"
#: The id of the home page's A to Z section (index.html): the menu's A to Z and the section
#: addresses (redirects.py) lead there, not to the top of a page that opens with categories.
SECTION_ID = "home-az"


def letter_path(letter: str, language: str) -> str:
    """A letter's page: `a-z/a/index.html`; '#' is `other` (a '#' in an address starts its
    fragment), another alphabet's letter or a language's own is itself in lower case, as the
    language writes it (`a-z/λ/index.html`, Swedish `a-z/ä/index.html`, Turkish I's page is
    the dotless i's and İ's `a-z/i/`, a kana row's `a-z/か/index.html`)."""
    alphabet = _alphabet(language)
    lower = letter.lower() if alphabet is None else letter.translate(alphabet.lower).lower()
    return f"{FOLDER}/{'other' if letter == '#' else lower}/index.html"


def letter_of(title: str, language: str) -> str:
    """The A to Z section of a name: its first letter, an accented Latin one (`Éclair`,
    `Łódź`, `Øresund`) under the letter it is spelled with unless it is one of the language's
    own (Swedish `Ärende` under Ä, `Øresund` under Ö as a Swede files it); a letter of another
    alphabet (`אלגוריתם`, `تعلم`, `Λεξικό`) under itself without its marks, as a Hebrew or Arabic glossary
    needed: all its entries were under one '#'; kana under its gojūon row (`がくしゅう` under
    か) and Hangul under its initial (`한국어` under ㅎ), as Japanese and Korean indexes file
    them, in any language: all were under '#'; '#' for anything else (a digit, an emoji, a
    Chinese character, which has no short alphabet to jump through: its `sort_as` reading has)."""
    first = title[:1]
    alphabet = _alphabet(language)
    if alphabet is not None and (alphabet.in_ascii or not title[:2].isascii()):
        start = alphabet.written(title[:3]).translate(alphabet.upper).upper()
        for spelling in (start, start[:2], start[:1]) if alphabet.several else (start[:1],):
            if spelling in alphabet.filed:
                return alphabet.filed[spelling]
    if first.isascii():
        first = first.upper()
        return first if "A" <= first <= "Z" else "#"
    if unicodedata.name(first, "").startswith("LATIN"):
        first = slugify(first)[:1].upper()
        return first if "A" <= first <= "Z" else "#"
    if _PREVOWEL.match(title):
        first = title[1]
    base = unicodedata.normalize("NFKD", first)[:1].upper().translate(_MKHEDRULI)
    syllables = _SYLLABLE_LETTERS.get(base.translate(_KANA_FOLDED))
    if syllables is not None:
        return syllables
    return base if _alphabet_letter(base) else "#"


def _alphabet_letter(char: str) -> bool:
    name = unicodedata.name(char, "") if len(char) == 1 else ""
    thai = "\u0e01" <= char <= "\u0e2e"  # consonants, named THAI CHARACTER, not LETTER
    return thai or (" LETTER " in name and not name.startswith(_SYLLABARIES))


#: Scripts whose "letters" are syllables or ideographs by the hundred: no jump bar of each one
#: (kana and Hangul have their rows and initials, _SYLLABLE_LETTERS).
_SYLLABARIES = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "YI ", "BOPOMOFO")
