"""MkDocs Material's content tabs: `=== "Python"`, then the tab's Markdown indented by 4 spaces;
tabs that follow each other are one set, `===+` marks the tab shown first and `===!` starts a
new set.

Python-Markdown showed the lines as written (a warning said to give each tab a heading), so a
page copied from MkDocs lost its tabs. indentation.MarkedLines writes each tab's first line
as an admonition's with a marker kind, so its text and nesting are read as every admonition's are;
`TabSets` then wraps each run of marked boxes in a `div.tabbed-set`, each tab a
`div.tabbed-block` headed by its `p.tabbed-title`. Built so, a page read without scripts or
printed shows every tab's text under its title; page.js makes each set a list of tabs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown

from glossary_site.indentation import MarkedBoxes, MarkedLines

#: A tab's first line: `===`, `+` (shown first) and `!` (a new set) in either order, its title.
TAB_RE = re.compile(r'([ ]*)===([+!]{0,2})[ \t]+"([^"\n]*)"[ \t]*$')
#: The kinds the marked boxes take until TabSets takes them off again.
TAB, FIRST, NEW_SET = "glossary-tab", "glossary-tab-first", "glossary-tab-new-set"


def _as_admonition(found: re.Match[str]) -> str:
    indent, flags, title = found.groups()
    kinds = [TAB, *([FIRST] if "+" in flags else []), *([NEW_SET] if "!" in flags else [])]
    return f'{indent}!!! {" ".join(kinds)} "{title}"'


class TabSets(MarkedBoxes):
    """Each run of marked boxes next to each other (a new set where `===!` says) as a set."""

    def rebuild(self, root: etree.Element) -> None:
        for parent in [element for element in root.iter() if any(_kinds(child) for child in element)]:
            runs: list[list[etree.Element]] = []
            previous: etree.Element | None = None
            for child in parent:
                kinds = _kinds(child)
                if not kinds:
                    previous = None
                    continue
                if previous is None or NEW_SET in kinds:
                    runs.append([])
                runs[-1].append(child)
                previous = child
            for run in runs:
                _wrap(parent, run)


def _kinds(element: etree.Element) -> list[str]:
    classes = (element.get("class") or "").split() if element.tag == "div" else []
    return classes if TAB in classes else []


def _wrap(parent: etree.Element, tabs: list[etree.Element]) -> None:
    tab_set = etree.Element("div", {"class": "tabbed-set"})
    parent.insert(list(parent).index(tabs[0]), tab_set)
    for tab in tabs:
        first = FIRST in _kinds(tab)
        parent.remove(tab)
        tab.set("class", "tabbed-block tabbed-first" if first else "tabbed-block")
        if len(tab) and tab[0].get("class") == "admonition-title":
            tab[0].set("class", "tabbed-title")
        tab_set.append(tab)


class ContentTabsExtension(markdown.Extension):
    """Lines before the GitHub alerts (29.5) and lists (29) are read; sets before the inline
    stage (20)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        lines = MarkedLines(md, "===", TAB_RE, _as_admonition)
        md.preprocessors.register(lines, "glossary-tab-lines", 29.7)
        md.treeprocessors.register(TabSets(md, lines), "glossary-tab-sets", 21.5)
