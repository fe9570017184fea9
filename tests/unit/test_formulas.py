"""Formulas: TeX between dollars is shown as MathML, and everything else stays as it was."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from support import present, stops_within

from glossary_site import markup
from glossary_site.formulas import formula_html, formula_problems
from glossary_site.model import RawBody, Table, TermSource


def term(body: str = "", definition: str = "A definition.", tables: tuple[Table, ...] = ()) -> RawBody:
    source = TermSource("t.md", "t", "T", "s", definition, 4, body, 6, tables=tables)
    quick = markup.Converter(fast=True).convert_term(source)
    assert quick == markup.Converter(fast=False).convert_term(source)
    return quick


def page(fragment: str) -> BeautifulSoup:
    return BeautifulSoup(fragment, "html.parser")


def test_an_inline_formula_is_mathml_with_its_tex_as_text_and_no_dollar_left() -> None:
    shown = page(term("The softmax $p_i = e^{z_i} / \\sum_j e^{z_j}$ sums to one.").body)

    formula = shown.find("math")
    assert formula is not None and formula["display"] == "inline"
    assert formula["alttext"] == "p_i = e^{z_i} / \\sum_j e^{z_j}"
    assert present(formula.find("msub")).get_text() == "pi"
    assert "$" not in shown.get_text()
    assert shown.find("em") is None  # the underscores are TeX, not emphasis


def test_a_displayed_formula_has_a_box_of_its_own_with_block_math() -> None:
    body = "Given scores:\n$$\nx_1 * y_2 [[Token]] <https://e.org>\n$$\nafter."
    shown = page(term(body).body)

    box = shown.find("div", class_="formula")
    assert box is not None and box["tabindex"] == "0"
    assert present(box.find("math"))["display"] == "block"
    assert [p.get_text() for p in shown.find_all("p")] == ["Given scores:", "after."]
    assert shown.find("a") is None and shown.find("em") is None
    assert "$" not in shown.get_text()


def test_a_displayed_formula_on_one_line_too() -> None:
    shown = page(term("$$ E = mc^2 $$").body)

    assert present(shown.find("math"))["display"] == "block"


@pytest.mark.parametrize(
    "text",
    [
        "It costs $5 and $10.",
        "From $5 to $x$10 dollars.",
        "A $ lone sign and $ another.",
        "Not $ spaced$ nor $spaced $.",
    ],
)
def test_dollars_in_prose_stay_text(text: str) -> None:
    shown = page(term(text).body)

    assert shown.find("math") is None
    assert shown.get_text() == text


def test_an_escaped_dollar_is_a_dollar_and_opens_no_formula() -> None:
    shown = page(term("Pay \\$x_1\\$ now, and $\\$5$ is a formula.").body)

    assert shown.get_text().startswith("Pay $x_1$ now")
    assert [m["alttext"] for m in shown.find_all("math")] == ["\\$5"]


def test_code_is_never_a_formula() -> None:
    shown = page(term("In `$x_1$` code.\n\n```\n$$\na_b\n$$\n```\n\n    $y^2$").body)

    assert shown.find("math") is None
    assert [code.get_text() for code in shown.find_all("code")] == ["$x_1$", "$$\na_b\n$$\n", "$y^2$\n"]


def test_backticks_in_a_formula_are_its_tex_and_a_code_span_opened_first_stays_code() -> None:
    """Python-Markdown's placeholder for a code span (control characters and 'klzzwxh') was
    converted as the formula's TeX."""
    body = "`$x$` and $c = `n` + 1$, \\\\`$y$`, $5 or `$z$`."
    table = Table("t1", ("a",), (("$`a`$",),), 20)
    raw = term(body, definition="**Spam** is $P(\\text{`spam' or `ham'})$ here.", tables=(table,))
    shown = page(raw.body)

    assert present(page(raw.definition).find("math"))["alttext"] == "P(\\text{`spam' or `ham'})"
    assert present(page(raw.definition).find("mtext")).get_text().replace("\xa0", " ") == "`spam' or `ham'"
    assert [m["alttext"] for m in shown.find_all("math")] == ["c = `n` + 1"]
    assert [code.get_text() for code in shown.find_all("code")] == ["$x$", "$y$", "$z$"]
    intro = markup.site_markdown("A $\\text{`a'}$ b.", "")
    assert present(page(intro).find("math"))["alttext"] == "\\text{`a'}"
    cell = raw.table_cells[0][0][0]
    assert present(page(cell).find("math"))["alttext"] == "`a`"
    written = raw.definition + raw.body + cell + intro
    assert "\x02" not in written and "\x03" not in written and "klzzwxh" not in written
    assert formula_html("\x02wzxhzdk:0\x03", display=False) is None  # another stage's placeholder
    found = list(formula_problems("`$\\frac{$` and $\\frac{`a`}{$", 3))
    assert [(line, message.split(" cannot")[0]) for line, message in found] == [
        (3, "the formula '\\frac{`a`}{'")
    ]


def test_formulas_in_tables_cells_and_the_definition() -> None:
    table = Table("t1", ("a", "b"), (("$x$", "$y_1$"),), 20)
    raw = term("| m | n |\n|---|---|\n| $a_1$ | b |", definition="It is $d^2$.", tables=(table,))

    assert present(page(raw.definition).find("math"))["alttext"] == "d^2"
    assert present(present(page(raw.body).find("td")).find("math"))["alttext"] == "a_1"
    assert [present(page(cell).find("math"))["alttext"] for cell in raw.table_cells[0][0]] == ["x", "y_1"]


def test_a_formula_in_site_yml_intro_too() -> None:
    assert present(page(markup.site_markdown("Welcome, $x^2$.", "")).find("math"))["alttext"] == "x^2"


def test_a_formula_can_carry_no_script_no_link_and_no_style() -> None:
    body = (
        "$\\text{<script>alert(1)</script><img src=x onerror=alert(1)>}$ "
        "$\\href{javascript:alert(1)}{x}$ $\\style{color:red}{y}$ $\\color{red}{z}$"
    )
    fragment = term(body).body
    shown = page(fragment)

    assert len(shown.find_all("math")) == 4
    assert shown.find_all(["script", "img", "a"]) == []
    assert [el for el in shown.find_all(True) if el.has_attr("href") or el.has_attr("style")] == []
    assert "mathcolor" not in fragment
    texts = [text.get_text().replace("\xa0", " ") for text in shown.find_all("mtext")]
    assert texts == ["<script>alert(1)</script><img src=x onerror=alert(1)>"]  # as text, not HTML


def test_each_formula_that_cannot_be_converted_is_named_at_its_line() -> None:
    text = "Fine $x$.\n\nBroken $\\frac{a}{$ here, and $a_1_2$.\n\n$$\n\\left( x\n$$\n\n$$\nx\n\n"
    text += "Text $\\foo$."
    found = list(formula_problems(text, 10))

    assert [line for line, _ in found] == [12, 12, 14, 18, 21]
    assert "'\\frac{a}{' cannot be shown: it ends too early" in found[0][1]
    assert "two subscripts" in found[1][1]
    assert "\\left has no \\right" in found[2][1]
    assert "no '$$' line closes" in found[3][1]
    assert "'\\foo' is not a command" in found[4][1]
    # A folded (`>`) YAML text, 'A folded line' (line 5) and 'then $x^$ here.' (line 6) in one
    # line of the value: at line 6, where the formula is. Was: line 5.
    assert [line for line, _ in formula_problems("A folded line then $x^$ here.", 5, (14,))] == [6]


def test_formulas_in_code_are_not_checked() -> None:
    assert list(formula_problems("`$\\frac{$`\n\n```\n$$\n\\frac{\n$$\n```", 1)) == []


def test_a_very_long_line_of_dollars_does_not_hang_the_check_or_the_page() -> None:
    with stops_within(60):
        list(formula_problems("$a " * 100_000, 1))
        term("$a " * 100_000)


# A formula wrapped over lines, and one alone in its paragraph

WRAPPED = "The loss over a batch is $L = \\frac{1}{N}\n\\sum_i \\ell_i$ when averaged."


def test_an_inline_formula_goes_on_past_a_line_break_in_every_field() -> None:
    raw = term(WRAPPED, definition=WRAPPED)
    intro = markup.site_markdown(WRAPPED, "")

    for fragment in (raw.body, raw.definition, intro):
        shown = page(fragment)
        assert [m["alttext"] for m in shown.find_all("math")] == ["L = \\frac{1}{N} \\sum_i \\ell_i"]
        assert "$" not in shown.get_text() and shown.get_text().endswith(" when averaged.")
    listed = page(term("- item $a +\n  b$ too\n\n> quoted $c +\n> d$ too").body)
    assert [m["alttext"] for m in listed.find_all("math")] == ["a + b", "c + d"]


@pytest.mark.parametrize(
    "text",
    [
        "It costs $5 and\n$10, or $3 to\n$5 for US$25.",
        "A sum $a +\n\nb$ is two paragraphs.",
        "- $a +\n- b$ two items",
        "Heading next $a\n# b$",
    ],
)
def test_a_formula_does_not_go_past_a_paragraph_nor_take_prices(text: str) -> None:
    shown = page(term(text).body)

    assert shown.find("math") is None
    assert list(formula_problems(text, 1)) == []


def test_a_wrapped_formula_that_cannot_be_converted_is_named_at_its_first_line() -> None:
    text = "Fine\nand $\\frac{a}\n{b} + \\frac{c}{$\nhere, $x$ and $a_1\n_2$."

    found = list(formula_problems(text, 10))

    assert [line for line, _ in found] == [11, 13]
    assert "'\\frac{a} {b} + \\frac{c}{' cannot be shown" in found[0][1]
    assert "'a_1 _2' cannot be shown: a letter has two subscripts" in found[1][1]


def test_a_paragraph_of_only_a_formula_is_a_paragraph() -> None:
    shown = page(term("Before.\n\n$x^2$\n\n$$\ny^2\n$$\n\nAfter.").body)

    paragraphs = shown.find_all("p", recursive=False)
    assert [p.get_text() for p in paragraphs] == ["Before.", "x2", "After."]
    assert present(paragraphs[1].find("math"))["alttext"] == "x^2"
    assert [child.name for child in shown.find_all(True, recursive=False)] == ["p", "p", "div", "p"]
    assert present(present(shown.find("div", class_="formula")).find("math"))["display"] == "block"
    assert present(page(markup.site_markdown("$x^2$", "")).find("p")).find("math") is not None


@pytest.mark.parametrize("text", ["($x$), $y$, $z$'s and $w$.", "$x$; $y$: $z$!"])
def test_a_formula_next_to_punctuation_is_a_formula(text: str) -> None:
    shown = page(term(text).body)

    assert len(shown.find_all("math")) == 3 + text.startswith("(")
    assert "$" not in shown.get_text()


def test_what_the_converter_drew_wrongly_reads_as_written() -> None:
    """Was: an empty operator for \\mathop{E} (the page showed '[X]'), every '&' of `aligned`
    as text on one line, a backslash before \\Big's braces ('\\{ x \\}'), an italic
    \\mathrm{E}, and an unknown command for \\Big\\langle."""
    body = (
        "$\\mathop{E}[X]$ $\\Big\\{ x \\Big\\}$ $\\bigl\\langle x \\bigr\\rangle$ "
        "$\\mathrm{E}[X] + \\mathrm{d}x$\n\n"
        "$$\n\\begin{aligned}\na &= b + c \\\\\n  &= d\n\\end{aligned}\n$$\n"
    )
    operator, braces, angles, upright, aligned = page(term(body).body).find_all("math")

    assert [mo.get_text() for mo in operator.find_all("mo")] == ["E", "[", "]"]
    assert [mo.get_text() for mo in braces.find_all("mo")] == ["{", "}"]
    assert [mo.get_text() for mo in angles.find_all("mo")] == ["\u27e8", "\u27e9"]
    arrows = page(term("$\\big\\uparrow x \\Big\\Downarrow$").body).find_all("mo")
    assert [mo.get_text() for mo in arrows] == ["\u2191", "\u21d3"]  # was an unknown command
    assert [(mi.get_text(), mi.get("mathvariant")) for mi in upright.find_all("mi")] == [
        ("E", "normal"),
        ("X", None),
        ("d", "normal"),
        ("x", None),
    ]
    rows = present(aligned.find("mtable")).find_all("mtr")
    assert [[cell.get_text() for cell in row.find_all("mtd")] for row in rows] == [["a", "=b+c"], ["", "=d"]]
    assert "&" not in aligned.get_text()
    assert str(aligned["alttext"]).startswith("\\begin{aligned}")


def test_a_middle_outside_left_and_right_is_named_so() -> None:
    """Was: "a \\left has no \\right to close it", of a formula with no \\left."""
    [(_, said)] = formula_problems("A $a \\middle| b$.", 3)
    assert "a \\middle is outside a \\left \u2026 \\right pair" in said


def test_a_formula_indented_under_a_list_item_stays_in_it() -> None:
    """Was: with no blank line above it, taken out of the list, which then began again after it."""
    shown = page(term("- First\n- Second\n  $$\n  z^2\n  $$\n- Third\n").body)

    [items] = shown.find_all("ul")
    assert [li.get_text(" ", strip=True) for li in items.find_all("li")] == ["First", "Second z 2", "Third"]
    assert present(items.find_all("li")[1].find("math"))["display"] == "block"
