"""A term page that marks no article for the search index.

Pagefind indexes only what `data-pagefind-body` marks when a page has it, and the whole page
when none has; once any page has it, pages without it are left out. A copy of `term.html`
without the attribute so leaves every term out of search on a site with tools (the theme's
tool.html marks its article), and elsewhere puts the header, the navigation and the theme
control ("Skip to content Theme: auto ...") into every result's excerpt; neither the build nor
the search says so. Found in the templates, not the pages, so it costs
nothing per term: the attribute is written by a template, never by a term's Markdown.
"""

from __future__ import annotations

from jinja2 import nodes

from glossary_site import template_names
from glossary_site.diagnostics import Diagnostic, Severity
from glossary_site.render import TEMPLATES, Templates
from glossary_site.template_files import THEME_LABEL

MARK = "data-pagefind-body"
UNMARKED = (
    f"no term page is marked for search: neither this template nor one it extends, includes or "
    f"imports has {MARK}, so search leaves term pages out when any other page has it (as the "
    f"theme's tool.html does), or else indexes each whole page with its header and menu; "
    f"put {MARK} on the element that holds the term, as the theme's term.html does on its <article>"
)


def unmarked_term_pages(templates: Templates) -> list[Diagnostic]:
    """A warning at the site's term.html when nothing it reaches writes the mark; none when a
    template names another by a variable (it may reach any) or cannot be parsed (an error of
    its own), nor for the theme's, which has it."""
    term = TEMPLATES["term"]
    if templates.shown(term).startswith(THEME_LABEL) or (parsed := templates.parsed(term)) is None:
        return []
    reached = template_names.reached(templates.named, [term])
    if reached is None:
        return []
    for name in reached:
        tree = templates.parsed(name)
        if tree is None or _writes_mark(tree[1]):
            return []
    return [Diagnostic(parsed[0], 1, UNMARKED, Severity.WARNING)]


def _writes_mark(tree: nodes.Template) -> bool:
    """Whether the mark is in the template's HTML or in a string it outputs."""
    texts = [node.data for node in tree.find_all(nodes.TemplateData)]
    texts += [node.value for node in tree.find_all(nodes.Const) if isinstance(node.value, str)]
    return any(MARK in text for text in texts)
