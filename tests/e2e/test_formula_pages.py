"""Formulas in a built site: MathML on the page, and a broken formula stops the build."""

from __future__ import annotations

import json
from pathlib import Path

from support import copy_site, parse_html, present, run_glossary, string_of, write_files

SOFTMAX = """---
title: Softmax
summary: Turns scores into probabilities.
definition: The softmax of $z$ is a probability distribution.
category: Concepts
tables:
  - title: Values
    columns: [Input, Output]
    rows:
      - ["$z_1 = 2$", "$p_1 = 0.7$"]
faq:
  - q: Does it sum to one?
    a: Yes, $\\sum_i p_i = 1$.
updated: 2025-02-01
---

It costs $5 and $10 to compute, `$not_math$` in code, and each score $z_i$ becomes:

$$
\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_{j=1}^{K} e^{z_j}}
$$
"""


def test_formulas_are_mathml_in_every_field_of_a_term(tmp_path: Path) -> None:
    site = write_files(copy_site("minimal", tmp_path), {"content/terms/softmax.md": SOFTMAX})

    result = run_glossary("build", cwd=site)

    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if "$" in line or "formula" in line] == []
    soup = parse_html(site / "_site/terms/softmax/index.html")
    shown = {m["alttext"]: m["display"] for m in soup.find_all("math")}
    assert shown == {
        "z": "inline",
        "z_1 = 2": "inline",
        "p_1 = 0.7": "inline",
        "\\sum_i p_i = 1": "inline",
        "z_i": "inline",
        "\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_{j=1}^{K} e^{z_j}}": "block",
    }
    box = present(soup.find("div", class_="formula"))
    assert present(box.find("math"))["display"] == "block"
    prose = present(soup.select_one(".prose"))
    assert "It costs $5 and $10 to compute" in prose.get_text()
    assert present(prose.find("code")).get_text() == "$not_math$"
    assert "$" not in prose.get_text().replace("$5 and $10", "").replace("$not_math$", "")
    blocks = [json.loads(string_of(block)) for block in soup.find_all("script", type="application/ld+json")]
    said = {block["@type"]: block for block in blocks}
    # a description says the formula as written, not the digits of its drawing ("z1=2")
    assert said["DefinedTerm"]["description"] == "The softmax of z is a probability distribution."
    assert said["FAQPage"]["mainEntity"][0]["acceptedAnswer"]["text"] == "Yes, \\sum_i p_i = 1."


def test_each_formula_that_cannot_be_shown_is_an_error_at_its_line(tmp_path: Path) -> None:
    broken = SOFTMAX.replace("$z$ is", "$\\frac{z}{$ is").replace("(z)_i =", "\\left( z =")
    site = write_files(copy_site("minimal", tmp_path), {"content/terms/softmax.md": broken})

    result = run_glossary("build", cwd=site)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if "formula" in line]
    assert errors == [
        "content/terms/softmax.md:4: the formula '\\frac{z}{' cannot be shown: it ends too early: "
        "a '{' is not closed, or a command lacks its argument",
        "content/terms/softmax.md:19: the formula '\\mathrm{softmax}\\left( z = "
        "\\frac{e^{z_i}}{\\sum_{j=1}^{K} e^{z_j}}' cannot be shown: a \\left has no \\right to close it",
    ]


WRAPPED = """---
title: Batch loss
summary: The loss of a batch.
definition: |
  The batch loss is the mean of the losses, $L = \\frac{1}{N}
  \\sum_i \\ell_i$ over a batch.
category: Concepts
updated: 2025-02-01
---

The loss over a batch is $L = \\frac{1}{N}
\\sum_i \\ell_i$ when averaged, at $5 and
$10 a run.

$N^2$

Broken, wrapped: $\\frac{a}
{$.
"""


def test_a_wrapped_formula_is_one_formula_and_one_alone_is_a_paragraph(tmp_path: Path) -> None:
    site = write_files(copy_site("minimal", tmp_path), {"content/terms/batch-loss.md": WRAPPED})

    result = run_glossary("build", cwd=site)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "formula" in line]
    assert errors == [
        "content/terms/batch-loss.md:17: the formula '\\frac{a} {' cannot be shown: it ends too early: "
        "a '{' is not closed, or a command lacks its argument"
    ]
    write_files(site, {"content/terms/batch-loss.md": WRAPPED.replace("{$.", "{b}$.")})

    result = run_glossary("build", cwd=site)

    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if "$" in line or "formula" in line] == []
    soup = parse_html(site / "_site/terms/batch-loss/index.html")
    prose = present(soup.select_one(".prose"))
    paragraphs = prose.find_all("p", recursive=False)
    assert [p.math["alttext"] for p in paragraphs if p.math] == [
        "L = \\frac{1}{N} \\sum_i \\ell_i",
        "N^2",
        "\\frac{a} {b}",
    ]
    assert [p.get_text() for p in paragraphs if p.math and p.math["alttext"] == "N^2"] == ["N2"]
    assert "at $5 and\n$10 a run." in prose.get_text()
    assert "$" not in prose.get_text().replace("$5 and\n$10", "")
    definition = present(soup.select_one("section.definition"))
    assert [m["alttext"] for m in definition.find_all("math")] == ["L = \\frac{1}{N} \\sum_i \\ell_i"]
