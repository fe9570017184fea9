"""The pages at a renamed term's or tool's former addresses: `former_slugs: [genai]` in
generative-ai.md makes terms/genai/index.html a small page that sends readers on to
terms/generative-ai/, and in a tool file, tools/<former>/ one to the tool's page.

Links from elsewhere on the web name a term's address, which a rename (its file or `slug`)
changes; the field that keeps them working cannot be `aliases`, which are other names of the
term. Like Hugo's `aliases` pages, each is a meta refresh with a canonical link to the term's
page and a visible link for readers without refresh, marked noindex. It is no page of the
glossary: not in the sitemap, search, the feed, terms.json, tools.json or the A to Z.

A redirect page is a record page like a tool page: its key is the digest of its Redirect
record (the address, and the folder, slug and title of the page it leads to) with its
template and the site's settings, so a build, term_edits.py and serve's warm preview (which
makes every page but the term pages again when a title changes) remake it exactly when what
it shows changes.
A draft's former slugs follow the draft: no page unless drafts are built.

The same pages stand at the addresses a reader shortens a term's or a letter page's to,
/terms/ and /a-z/ (SECTIONS): Hugo lists a section there, and without a page each is the 404
page. Both lead to the home page's A to Z, which lists every term, or above 1,000 entries is
the jump bar to the letter pages. a-z/index.html is written at any size, so no save that
crosses that count has a page to add or remove, and /a-z/ of a small glossary is its A to Z.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any, NamedTuple, Protocol

from glossary_site import a_to_z
from glossary_site.config import SiteConfig
from glossary_site.diagnostics import Diagnostics
from glossary_site.graph import Named
from glossary_site.model import PageJob, name_key
from glossary_site.render import TEMPLATES
from glossary_site.search import UNINDEXED
from glossary_site.urls import absolute

#: The folders of pages that have no list of their own at their address (terms/<slug>/ and
#: a_to_z.FOLDER's letter pages).
SECTIONS = ("terms", a_to_z.FOLDER)


class Redirect(NamedTuple):
    """The inputs of one redirect page; every field is part of its key."""

    #: The former slug: the page is <folder>/<former>/index.html.
    former: str
    slug: str
    title: str
    #: "terms" or "tools": the key holds it, as two pages alike but for it differ in canonical.
    folder: str


class Jobs(Protocol):
    """What makes page jobs (pages.SitePages)."""

    def record_job(
        self, template: str, path: str, record: object, view: Callable[[], dict[str, Any]]
    ) -> PageJob: ...


def check_former_slugs(
    published: Mapping[str, Named],
    drafts: frozenset[str],
    what: str,
    diagnostics: Diagnostics,
    names: Mapping[str, str],
) -> None:
    """A former slug may not be the slug of a term (or, among tools, a tool) the site publishes
    (its page is there), nor a former slug of two of them (its page could send readers to one
    only): each is reported at every line that claims the address. Drafts left out of the build
    claim nothing, but the slug of one is warned of: publishing it would make the line an error,
    and the editor could then only drop the former slug, which the feed's entry id may be.
    One that is another's name (`names`, by model.name_key) is warned of too: `[[headword]]`
    would lead there and /terms/headword/ here. `what` is "term" or "tool"."""
    claims: dict[str, list[tuple[Named, int]]] = defaultdict(list)
    for item in published.values():
        for ref in item.former_slugs:
            claims[ref.text].append((item, ref.line))
    for former, claimants in claims.items():
        owner = published.get(former)
        for item, line in claimants:
            if item is owner:  # its own slug, listed first as where it was first published
                continue
            if owner is None and former in drafts:
                message = (
                    f"former slug '{former}' is the slug of a draft {what}, whose page will be at "
                    "that address once it is published, and this line an error: give one of them "
                    "another slug"
                )
                diagnostics.warning(item.path, line, message)
            if owner is not None:
                message = (
                    f"former slug '{former}' is the slug of '{owner.title}' ({owner.path}), "
                    "whose page is at that address; remove it"
                )
                diagnostics.error(item.path, line, message)
            elif (named := names.get(name_key(former), item.slug)) != item.slug and named in published:
                other = published[named]
                message = (
                    f"former slug '{former}' is also a name of '{other.title}' ({other.path}): "
                    f"[[{former}]] leads there, the address /{what}s/{former}/ here; remove one of them"
                )
                diagnostics.warning(item.path, line, message)
            if owner is None and len(claimants) > 1:
                others = ", ".join(f"'{o.title}' ({o.path}:{n})" for o, n in claimants if o is not item)
                message = (
                    f"former slug '{former}' is also a former slug of {others}; "
                    f"one address can lead to one {what} only: keep it in one file"
                )
                diagnostics.error(item.path, line, message)


def redirect_jobs(
    jobs: Jobs, config: SiteConfig, folder: str, published: Mapping[str, Named]
) -> list[PageJob]:
    """A page for each former slug of each published term (folder "terms") or tool ("tools");
    never one in a page's place (that is an error of check_former_slugs), and one per address
    (two claims are one too)."""
    found: dict[str, PageJob] = {}
    for item in published.values():
        for ref in item.former_slugs:
            path = f"{folder}/{ref.text}/index.html"
            if ref.text in published or path in found:
                continue
            record = Redirect(ref.text, item.slug, item.title, folder)
            job = jobs.record_job(TEMPLATES["redirect"], path, record, partial(redirect_view, record, config))
            # a page under terms/ or tools/ with no article: its key keeps it out of the search index
            found[path] = PageJob(path, UNINDEXED + job.key, job.produce)
    return list(found.values())


def redirect_view(record: Redirect, config: SiteConfig) -> dict[str, Any]:
    """What redirect.html receives: the page is one folder beside the term's or tool's."""
    return {
        "title": record.title,
        "description": "",
        "sentence": "page_moved",
        "target": f"../{record.slug}/index.html",
        "canonical": absolute(config, f"{record.folder}/{record.slug}/index.html"),
    }


def section_jobs(jobs: Jobs, config: SiteConfig) -> list[PageJob]:
    """terms/index.html and a-z/index.html: all they show is site settings (labels, base_url),
    part of every key already, so each one's record is its address."""
    paths = [f"{folder}/index.html" for folder in SECTIONS]
    return [
        jobs.record_job(TEMPLATES["redirect"], path, path, partial(section_view, config)) for path in paths
    ]


def section_view(config: SiteConfig) -> dict[str, Any]:
    """What redirect.html receives at a section's address, one folder below the home page."""
    return {
        "title": config.labels["az_index"],
        "description": "",
        "sentence": "terms_listed_in",
        "target": f"../index.html#{a_to_z.SECTION_ID}",
        "canonical": absolute(config, "index.html"),
    }
