"""Structured data for search engines: schema.org JSON-LD, safe inside a <script> element.

Front-matter text ends up here, so the JSON is written with <, > and & escaped: a summary
holding "</script>" cannot end the element early.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any

from glossary_site.config import SiteConfig
from glossary_site.model import Body, TermSource, ToolSource, distinct_aliases
from glossary_site.plaintext import plain_text
from glossary_site.urls import absolute, absolute_link, group_path, term_path, tool_path


def script_json(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def web_page(url: str, updated: dt.date) -> dict[str, Any]:
    """The page that is about the term or tool, with the day it last changed: schema.org's
    dateModified belongs to a CreativeWork, which a DefinedTerm is not, and on the
    SoftwareApplication it would date the tool itself rather than what the page says of it.
    Given by its url, not its @id, which the term or tool already has (the same address)."""
    return {"@type": "WebPage", "url": url, "dateModified": updated.isoformat()}


def term_blocks(
    config: SiteConfig, term: TermSource, body: Body, category: tuple[str, str] | None
) -> list[str]:
    """`category` is the name and slug of the term's category page: the name as that page and
    the visible breadcrumb spell it, which may not be the term's own spelling."""
    url = absolute(config, term_path(term.slug))
    # the set is a CreativeWork, which says its language; a DefinedTerm cannot
    term_set = {
        "@type": "DefinedTermSet",
        "name": config.title,
        "url": config.base_url,
        "inLanguage": config.language,
    }
    defined = {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "@id": url,
        "name": term.title,
        "description": plain_text(body.definition) or term.summary,
        "url": url,
        "inDefinedTermSet": term_set,
    }
    if aliases := distinct_aliases(term.title, term.aliases):
        defined["alternateName"] = list(aliases)
    if term.updated:
        defined["mainEntityOfPage"] = web_page(url, term.updated)
    crumbs = [(config.labels["glossary"], config.base_url)]
    if category:
        name, slug = category
        crumbs.append((name, absolute(config, group_path("categories", slug))))
    crumbs.append((term.title, url))
    breadcrumb = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": item}
            for n, (name, item) in enumerate(crumbs, start=1)
        ],
    }
    blocks = [script_json(defined), script_json(breadcrumb)]
    if term.faq:
        faq = {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": plain_text(question),
                    # read as HTML (Google shows its links and lists): the answer's text must stay text
                    "acceptedAnswer": {
                        "@type": "Answer",
                        "text": html.escape(plain_text(answer), quote=False),
                    },
                }
                for question, answer in zip(body.faq_questions, body.faq_answers, strict=True)
            ],
        }
        blocks.append(script_json(faq))
    return blocks


def tool_block(config: SiteConfig, tool: ToolSource, url: str) -> str:
    """schema.org's SoftwareApplication: its page here, and where the tool itself lives."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "SoftwareApplication",
        "@id": url,
        "name": tool.title,
        "description": tool.summary,
        "url": absolute_link(config, tool_path(tool.slug), tool.url),
        "mainEntityOfPage": web_page(url, tool.updated) if tool.updated else url,
    }
    if tool.category:
        data["applicationCategory"] = tool.category
    if aliases := distinct_aliases(tool.title, tool.aliases):
        data["alternateName"] = list(aliases)
    return script_json(data)
