"""template_nesting: a block left open is found where it opens, not only where Jinja gave up."""

from __future__ import annotations

import jinja2
import pytest

from glossary_site.template_nesting import unclosed_line

ENV = jinja2.Environment()


def opened(source: str) -> int | None:
    with pytest.raises(jinja2.TemplateSyntaxError) as caught:
        ENV.parse(source)
    return unclosed_line(ENV, source, caught.value)


def test_an_if_without_its_endif_is_found_where_it_opens_though_jinja_stops_lines_later() -> None:
    source = (
        "{% block main %}\n"
        "{% if faq %}\n"
        "{% for q in faq %}{{ q }}{% endfor %}\n"
        "{% set shown %}yes{% endset %}\n"
        "{% set count = 1 %}\n"
        "<p>{{ count }}</p>\n"
        "{% endblock %}\n"
    )
    assert opened(source) == 2


def test_the_innermost_open_block_of_the_kind_jinja_names_is_the_one_found() -> None:
    assert opened("{% if a %}\n{% if b %}\n{% for x in y %}\n{{ x }}\n{% endif %}\n{% endif %}\n") == 3
    assert opened("{% if a %}\n{% for x in y %}\n{{ x }}\n") == 2


def test_a_syntax_error_that_is_no_open_block_has_no_opening_line() -> None:
    assert opened("{% if a %}{{ x | }}{% endif %}\n") is None
    assert opened("{% endif %}\n") is None
