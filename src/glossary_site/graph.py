"""The term graph: names, related terms, backlinks, categories and tags, checked across files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Protocol, TypeVar

from glossary_site.a_to_z import a_to_z_key
from glossary_site.config import CONFIG_PATH, SiteConfig
from glossary_site.diagnostics import (
    QUOTED,
    Diagnostic,
    Diagnostics,
    Severity,
    clipped,
    closest,
    did_you_mean,
    listed_again,
    listed_names,
    meant_by,
    wiki_bracketed,
)
from glossary_site.model import Glossary, Group, Ref, TermSource, name_key, title_key
from glossary_site.slugs import APOSTROPHES, MAX_SLUG, SLUG_RE, group_slug, slug_of_file, slugify


def resolve(names: Mapping[str, str], text: str) -> str | None:
    """Slug for a reference: by slug, title or alias, ignoring case and Unicode form (model.name_key),
    then as a plural of one."""
    key = name_key(text.strip())
    if key in names:
        return names[key]
    singular = as_plural(names, key)
    return None if singular is None else names[singular]


def as_plural(names: Mapping[str, str], key: str) -> str | None:
    """The name (its key) that a key reads as a plural of, in resolve's order, or None."""
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", "")):
        if key.endswith(suffix) and (singular := key[: -len(suffix)] + replacement) in names:
            return singular
    return None


def unknown_reference(spellings: Iterable[str], text: str, what: str, terms: Iterable[Named] = ()) -> str:
    """A term's (or tool's) old slug, still written after its rename, would otherwise get a "did
    you mean" for whatever name is spelt closest, not the one it was renamed to."""
    key = name_key(text.strip())
    moved = next((t for t in terms if any(ref.text == key for ref in t.former_slugs)), None)
    if moved is not None:
        return (
            f"unknown {what} '{text}': it is a former slug of {moved.path}, renamed; "
            f"write its slug now, '{moved.slug}'"
        )
    return f"unknown {what} '{text}'{did_you_mean(text, spellings)}"


def unknown_listed(
    names: Mapping[str, str],
    spellings: Iterable[str],
    text: str,
    what: str,
    several: str,
    terms: Iterable[Named] = (),
) -> str:
    """`related: gpu, tensor` is one text, a list of one, to YAML; its editor meant two terms
    (and `tools: Chroma, Cursor` two tools), and with `"[[gpu]], tensor"` wiki-links too, which
    the list does not take. A text whose closest name has a comma of its own ('Smith, John')
    was meant as that one name."""
    parts = listed_names(text)
    bracketed = wiki_bracketed(text)
    if not all(parts) or not (bracketed or len(parts) > 1):
        return unknown_reference(spellings, text, what, terms)
    if not bracketed and "," in (meant_by(text, spellings) or ""):
        return unknown_reference(spellings, text, what, terms)
    unknown = [part for part in parts if resolve(names, part) is None]
    meant = meant_by(unknown[0], spellings) if len(unknown) == 1 else None
    if len(parts) == 1:
        aside = f" (did you mean '{meant}'?)" if meant is not None else ""
        return f"unknown {what} '{text}'; write the name alone, without '[[ ]]': {parts[0]}{aside}"
    aside = f" (and for '{unknown[0]}', did you mean '{meant}'?)" if meant is not None else ""
    without = ", without '[[ ]]'" if bracketed else ""
    listed = f"[{', '.join(parts)}]"
    return f"unknown {what} '{text}'; to list several {several}, write a list{without}: {listed}{aside}"


def may_name_unreadable(unreadable: frozenset[str], text: str) -> bool:
    """A reference that could mean a file that failed to load (by its file name, or a title
    that slugifies to it) is not reported: that file's own error is the one problem."""
    return bool(unreadable) and resolve({slug: slug for slug in unreadable}, slugify(text)) is not None


def build_glossary(
    sources: Iterable[TermSource],
    config: SiteConfig | None,
    diagnostics: Diagnostics,
    include_drafts: bool = False,
    unreadable: frozenset[str] = frozenset(),
) -> Glossary:
    """Index every term by its names, then resolve the edges between them.

    `config` is None when site.yml cannot be read: the terms are still checked, all but their
    `cta`, which names blocks of site.yml (nor is it checked while the `cta` setting is flawed).
    `unreadable` holds the slugs of files that failed to load; the glossary's also those of
    files that lost their slug to another file.
    """
    everything = sorted(sources, key=lambda t: t.path)
    names, spellings, owners = index_names(everything, diagnostics)
    diagnostics.items += plural_takeovers(owners.values(), names)
    unreadable |= lost_slug_names(everything, owners)
    drafts = frozenset(t.slug for t in everything if t.draft and not include_drafts)
    terms = {t.slug: t for t in everything if t.slug not in drafts and owners.get(t.slug) is t}
    related = {
        slug: resolve_related(term, names, spellings, drafts, unreadable, diagnostics, terms.values())
        for slug, term in terms.items()
    }
    for term in terms.values():
        diagnostics.items += alias_repeats(term) + date_warnings(term)
        if config is not None and "cta" not in config.flawed:
            _check_cta(term, config, diagnostics)
    language = config.language if config is not None else ""
    by_title = sorted(terms, key=lambda s: title_key(terms[s], language))
    if config is not None:
        check_described_categories(everything, config, diagnostics)
    ordered = {slug: terms[slug] for slug in by_title}
    described = config.category_lines if config is not None else {}
    categories, tags = groups_of(ordered, diagnostics, language, described)
    return Glossary(
        terms=ordered,
        related=related,
        backlinks={slug: () for slug in by_title},
        categories=categories,
        tags=tags,
        names=names,
        spellings=spellings,
        drafts=drafts,
        unreadable=unreadable,
    )


def check_described_categories(
    terms: Iterable[TermSource], config: SiteConfig, diagnostics: Diagnostics
) -> None:
    """A described category no term is in is most likely a typo in site.yml or in the terms; so
    is a term's category that site.yml does not describe, close to one it does that other terms
    are in (a category free of terms is reported at site.yml alone, naming the close one); and,
    described or not, so is a category one term alone is in, close to one that others share:
    the starter site describes none, and a slip would make a category card of its own.
    Spellings of one name (same_name) are one category, as on its page."""
    used = {t.category for t in terms if t.category}
    in_use = {same_name(name) for name in used}
    for name, line in config.category_lines.items():
        if same_name(name) not in in_use:
            message = f"no term is in category '{name}'{did_you_mean(name, used)}"
            diagnostics.warning(CONFIG_PATH, line, message)
    described = {same_name(name): name for name in config.category_lines}
    busy = {key: name for key, name in described.items() if key in in_use}
    warned: set[str] = set()
    told: set[str] = set()
    members: dict[str, list[TermSource]] = defaultdict(list)
    for term in sorted(terms, key=lambda t: t.path):
        key = same_name(term.category or "")
        if key:
            members[key].append(term)
        if not key or key in described or key in warned:
            continue
        warned.add(key)
        meant = closest(key, busy, cutoff=0.8)
        if meant is not None:
            told.add(key)
            message = (
                f"category '{term.category}' has no description in site.yml; did you mean "
                f"'{busy[meant]}'? (for a new category, describe it under categories in {CONFIG_PATH})"
            )
            diagnostics.warning(term.path, term.key_lines.get("category", 1), message)
    shared = {key: len(held) for key, held in members.items() if len(held) > 1}
    for key, held in members.items():
        if len(held) > 1 or key in described or key in told:  # a described one is meant
            continue
        meant = closest(key, shared, cutoff=0.8)
        if meant is not None:
            term = held[0]
            message = (
                f"category '{term.category}' is used by no other term; did you mean "
                f"'{described.get(meant, members[meant][0].category)}' ({shared[meant]} terms)?"
            )
            diagnostics.warning(term.path, term.key_lines.get("category", 1), message)


class Named(Protocol):
    """What names a term or a tool."""

    @property
    def path(self) -> str: ...
    @property
    def slug(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...
    @property
    def alias_lines(self) -> tuple[int, ...]: ...
    @property
    def key_lines(self) -> dict[str, int]: ...
    @property
    def former_slugs(self) -> tuple[Ref, ...]: ...


N = TypeVar("N", bound=Named)


def index_names(
    terms: list[N], diagnostics: Diagnostics
) -> tuple[dict[str, str], tuple[str, ...], dict[str, N]]:
    """Map every slug, title and alias (by model.name_key) to its term (or tool); a clash is an error.

    Slugs and titles are claimed before any alias, so an alias that collides is the one
    reported, whatever order the files sort in; likewise a slug named by its file is claimed
    before one set with 'slug:', so the file that set it is the one reported.
    """
    owners: dict[str, N] = {}
    for term in sorted(terms, key=lambda t: "slug" in t.key_lines):
        if term.slug in owners:
            diagnostics.error(
                term.path,
                term.key_lines.get("slug", 1),
                f"slug '{term.slug}' is already used by {owners[term.slug].path}; "
                "rename the file or set 'slug:'",
            )
        else:
            owners[term.slug] = term
    names: dict[str, str] = {}
    where: dict[str, str] = {}
    claims = [(t, t.slug, "slug", t.key_lines.get("slug", 0)) for t in owners.values()]
    claims += [(t, t.title, "title", t.key_lines.get("title", 1)) for t in owners.values()]
    claims += [(t, alias, "alias", line) for t in owners.values() for alias, line in _alias_lines(t)]
    for term, name, kind, line in claims:
        key = name_key(name)
        if not key or names.get(key) == term.slug:
            continue
        if key in names:
            diagnostics.error(
                term.path,
                line or 1,
                f"{kind} '{name}' is already a name of '{names[key]}' ({where[key]}); "
                "titles, slugs and aliases must be unique",
            )
        else:
            names[key] = term.slug
            where[key] = _claimed_at(term, key, line)
    return names, tuple(sorted({c[1] for c in claims if c[1]})), owners


def _claimed_at(term: Named, key: str, line: int) -> str:
    """Where a name is written, for the error of another term that gives it too: a slug taken
    from the file's name is on no line, but the title it was made from usually is."""
    if line:
        return f"{term.path}:{line}"
    if name_key(term.title) == key:
        return f"{term.path}:{term.key_lines.get('title', 1)}"
    return f"the slug of {term.path}, from its file name"


def plural_takeovers(terms: Iterable[TermSource], names: Mapping[str, str]) -> list[Diagnostic]:
    """An alias that is also a plural of another term's name takes that term's links without
    an error: a reference tries plurals only when no name matches it whole, so once Sear has
    the alias 'Stocks', [[stocks]] written for Stock leads to Sear. A title is left alone: two
    terms may well be named so on purpose (Statistic, Statistics), and a warning no edit but a
    new title could silence would fail every strict build. Each alias is weighed against the
    names that own their key (`names`), as `glossary new` weighs a name it is given, so the same
    terms give the same warnings whatever the file order."""
    owners = {term.slug: term for term in terms}
    found: list[Diagnostic] = []
    for term in owners.values():
        seen: set[str] = set()
        for name, line in _alias_lines(term):
            key = name_key(name)
            if key in seen or names.get(key) != term.slug:
                continue  # a name given twice, or another term's (a clash, an error of its own)
            seen.add(key)
            singular = as_plural(names, key)
            other = owners.get(names[singular]) if singular is not None else None
            if singular is not None and other is not None and other is not term:
                message = _takeover(name, _spelling(other, singular), other.path)
                found.append(Diagnostic(term.path, line, message, Severity.WARNING))
    return found


def _spelling(term: TermSource, key: str) -> str:
    """The term's name with this key, as its file writes it."""
    return next(name for name in (term.title, *term.aliases, term.slug) if name_key(name) == key)


def _takeover(name: str, other_name: str, other_path: str) -> str:
    return (
        f"alias '{name}' is also a plural of '{other_name}' ({other_path}), so [[{name}]] and "
        f"related entries naming '{name}' lead to this term, not to that one; remove the alias"
    )


def lost_slug_names(everything: Iterable[N], owners: Mapping[str, N]) -> frozenset[str]:
    """The names, as slugs, of each file that lost its slug to another, which claims none of
    them: that is one error, and references meant for the file by any of them are not more."""
    return frozenset(
        slug
        for item in everything
        if owners.get(item.slug) is not item
        for name in (item.slug, slug_of_file(item.path), item.title, *item.aliases)
        if (slug := slugify(name))
    )


def _alias_lines(term: Named) -> list[tuple[str, int]]:
    lines = term.alias_lines
    if len(lines) != len(term.aliases):
        lines = (term.key_lines.get("aliases", 1),) * len(term.aliases)
    return list(zip(term.aliases, lines, strict=True))


def list_warnings(term: TermSource, glossary: Glossary, language: str) -> list[Diagnostic]:
    """What the build warns about the term's own lists: a name an earlier entry of the same list
    names (an alias ignoring case, a related term by any of its names, a tag by its page; pages
    and data files give it once, so only a warning tells of the slip) or a related draft. For serve,
    which must tell whether a save brings or removes one; the build finds them as it goes."""
    found = Diagnostics(alias_repeats(term))
    resolve_related(term, glossary.names, (), glossary.drafts, glossary.unreadable, found)
    groups_of({term.slug: term}, found, language, ())
    return found.warnings


def alias_repeats(term: Named) -> list[Diagnostic]:
    """Also an alias written as an address (`/old/path/`): in Hugo, `aliases` are old addresses
    that redirect, and such a list copied over would silently list paths as the term's names."""
    found, first = Diagnostics(), dict[str, int]()
    for alias, line in _alias_lines(term):
        key = name_key(alias)
        if alias.startswith("/"):
            found.warning(term.path, line, _address_alias(alias, term))
        elif _looks_like_address(alias, term):
            found.warning(
                term.path,
                line,
                f"alias '{clipped(alias)}' looks like an address, but an alias is another name of the "
                "term; remove it (a term's old slug goes in 'former_slugs', and another old address "
                "is kept by a page in static/ that sends readers on)",
            )
        elif key == name_key(term.title):
            found.warning(term.path, line, f"alias '{alias}' is the title itself; remove it")
        elif key in first:
            found.warning(term.path, line, listed_again(f"alias '{alias}'", first[key], line))
        first.setdefault(key, line)
    return found.items


#: A folder or file name of an old address that a file in static/ can have.
_PATH_PART_RE = re.compile(r"(?!\.\.?$)[\w.~+-]+")


def _looks_like_address(alias: str, term: Named) -> bool:
    """Whether an alias is an old address written without its first '/', as Hugo reads one
    too ('gpus/', 'old/gpu', 'graphics-card.html'), rather than a name with a '/' in it ('TCP/IP',
    'I/O', 'km/h', 'input/output'): it has no space, and ends in '/' after lowercase slug-like
    segments, ends in '.html' or '.htm', or has two or more such segments of which one has a
    hyphen or the last is the slug of one of the term's names. A name that only may be one is
    left alone: the warning cannot be silenced but by renaming it."""
    parts = alias.split("/")
    if alias.lower().endswith((".html", ".htm")):
        return all(map(_PATH_PART_RE.fullmatch, parts)) and "." in parts[-1][1:]
    if len(parts) < 2 or "" in parts[:-1] or not all(map(SLUG_RE.match, filter(None, parts))):
        return False
    if parts[-1] == "" or any("-" in part for part in parts):
        return True
    return parts[-1] in {term.slug, *map(slugify, (term.title, *term.aliases))}


def _address_alias(alias: str, term: Named) -> str:
    """The way to keep a Hugo alias's address: a term's old address under terms/ (a tool's
    under tools/) is a former slug, and any other (Hugo's /glossary/gpu/) a page of the site's
    own in static/, which sends readers on as a former slug's page does; either is needed, or
    the address is lost."""
    folder = "tools" if term.path.startswith("content/tools/") else "terms"
    what = folder.removesuffix("s")
    said = f"alias '{clipped(alias)}' is an address, but an alias is another name of the {what}; remove it"
    parts = [part for part in alias.split("/") if part]
    if len(parts) == 2 and parts[0] == folder and SLUG_RE.match(parts[1]):
        return f"{said}, and keep the address with 'former_slugs: [{parts[1]}]'"
    if (
        len(alias) > QUOTED
        or alias.startswith("//")
        or not parts
        or not all(map(_PATH_PART_RE.fullmatch, parts))
    ):
        return f"{said} (a term's old slug goes in 'former_slugs')"
    page = "/".join(parts) if parts[-1].endswith((".html", ".htm")) else "/".join([*parts, "index.html"])
    back = "../" * page.count("/")
    file = term.path.split("/")
    # A Hugo page bundle's index.md, which its own warning says to rename after its folder.
    slug = slugify(file[-2]) or term.slug if term.slug == "index" and len(file) > 3 else term.slug
    return (
        f"{said}, and to keep the address write static/{page} holding "
        f'<meta http-equiv="refresh" content="0; url={back}{folder}/{slug}/index.html">'
    )


class Dated(Protocol):
    """What dates a term or a tool."""

    @property
    def path(self) -> str: ...
    @property
    def updated(self) -> dt.date | None: ...
    @property
    def key_lines(self) -> dict[str, int]: ...


#: How far past the building machine's today an `updated` date may be without a warning: an
#: editor a time zone ahead of it may already be on the next day.
DATE_GRACE = dt.timedelta(days=1)
#: How the warning about such a date ends, so a report kept from an earlier day is known by it.
FUTURE_DATE = "is in the future; write the day of the last change"


def is_date_warning(diagnostic: Diagnostic) -> bool:
    """Whether it is a warning `date_warnings` gives, which a later day may no longer give."""
    return diagnostic.message.endswith(FUTURE_DATE)


def date_warnings(item: Dated, today: dt.date | None = None) -> list[Diagnostic]:
    """A date still to come: the page, the sitemap and (for a term) the feed would give it as
    the day of the last change, and a term would head the feed until long after newer ones.
    Checked on every build, never kept with the file's other problems, as it turns true with time."""
    if item.updated is None or item.updated <= (today or dt.date.today()) + DATE_GRACE:
        return []
    message = f"'updated' date {item.updated.isoformat()} {FUTURE_DATE}"
    return [Diagnostic(item.path, item.key_lines.get("updated", 1), message, Severity.WARNING)]


def resolve_related(
    term: TermSource,
    names: Mapping[str, str],
    spellings: Iterable[str],
    drafts: frozenset[str],
    unreadable: frozenset[str],
    diagnostics: Diagnostics,
    terms: Iterable[TermSource] = (),
) -> tuple[str, ...]:
    found: dict[str, int] = {}
    for ref in term.related:
        slug = resolve(names, ref.text)
        if slug is None and may_name_unreadable(unreadable, ref.text):
            continue
        if slug is None:
            problem = unknown_listed(names, spellings, ref.text, "related term", "terms", terms)
            diagnostics.error(term.path, ref.line, problem)
        elif slug == term.slug:
            diagnostics.error(
                term.path, ref.line, f"'{ref.text}' is this term itself; remove it from related"
            )
        elif slug in drafts:
            diagnostics.warning(
                term.path,
                ref.line,
                f"related term '{ref.text}' is a draft and is left out; build with --drafts",
            )
        elif slug in found:
            diagnostics.warning(
                term.path, ref.line, listed_again(f"related term '{ref.text}'", found[slug], ref.line)
            )
        else:
            found[slug] = ref.line
    return tuple(found)


def _check_cta(term: TermSource, config: SiteConfig, diagnostics: Diagnostics) -> None:
    if isinstance(term.cta, str) and term.cta not in config.cta_blocks:
        hint = did_you_mean(term.cta, config.cta_blocks)
        diagnostics.error(
            term.path, term.cta_line, f"cta '{term.cta}' is not a block in content/site.yml{hint}"
        )


def groups_of(
    terms: Mapping[str, TermSource], diagnostics: Diagnostics, language: str, described: Iterable[str]
) -> tuple[tuple[Group, ...], tuple[Group, ...]]:
    """The categories and tags of `terms` (in title order) as pages, A to Z in the site's
    `language`; `described` holds the categories site.yml describes, whose spelling there is
    the one shown. Serve regroups them when a save changes one term's (warm.py)."""
    by_title = list(terms)
    preferred: dict[str, str] = {}
    for name in described:
        preferred.setdefault(same_name(name), name)
    categories = _groups(
        terms,
        by_title,
        ("category", "categories"),
        lambda t: [(t.category, t.key_lines.get("category", 1))] if t.category else [],
        diagnostics,
        language,
        preferred,
    )
    tags = _groups(terms, by_title, ("tag", "tags"), _tags_of, diagnostics, language, {})
    return categories, tags


def _tags_of(term: TermSource) -> list[tuple[str, int]]:
    lines = term.tag_lines if len(term.tag_lines) == len(term.tags) else None
    return [(tag, lines[i] if lines else term.key_lines.get("tags", 1)) for i, tag in enumerate(term.tags)]


def _shown_spellings(
    terms: Mapping[str, TermSource],
    by_title: list[str],
    names_of: Callable[[TermSource], list[tuple[str, int]]],
    preferred: Mapping[str, str],
) -> dict[str, tuple[str, str]]:
    """Each name's spelling on its pages (same_name → spelling, and why it is that one).

    One odd spelling must not rename a group everywhere, as the first in title order would:
    site.yml's spelling wins, else the one most terms write, ties going to the first."""
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    for slug in by_title:
        for name in dict.fromkeys(name for name, _ in names_of(terms[slug])):
            tally[same_name(name)][name] += 1
    shown: dict[str, tuple[str, str]] = {}
    for key, counts in tally.items():
        if key in preferred:
            shown[key] = (preferred[key], f"as {CONFIG_PATH} spells it")
        else:
            best = max(counts, key=counts.__getitem__)  # the first of the most written
            most, total = counts[best], sum(counts.values())
            tie = sum(count == most for count in counts.values()) > 1
            why = f"as {most} of {total} terms spell it"
            shown[key] = (
                best,
                f"as the first term A to Z spells it (a tie at {most} of {total} terms)" if tie else why,
            )
    return shown


def _groups(
    terms: Mapping[str, TermSource],
    by_title: list[str],
    kind: tuple[str, str],
    names_of: Callable[[TermSource], list[tuple[str, int]]],
    diagnostics: Diagnostics,
    language: str,
    preferred: Mapping[str, str],
) -> tuple[Group, ...]:
    """The groups of one kind (its word, and its folder), each shown with its name's spelling
    (_shown_spellings).

    Names that slug to one address share one page under the first name: 'C', 'C++' and 'C#'
    are all `tags/c/`. Each other name than the first at an address is a warning, once, where
    the first term in title order gives it, as slugs stay what they were (addresses must not
    move); spellings of the same name (letter case, Unicode form, spacing) are one name, and
    each other spelling than the shown one is a warning where it is written."""
    word, folder = kind
    shown = _shown_spellings(terms, by_title, names_of, preferred)
    members: dict[str, dict[str, None]] = defaultdict(dict)
    display: dict[str, str] = {}
    holders: dict[str, tuple[str, str]] = {}  # address → the first name's key and file
    warned: set[tuple[str, str]] = set()
    known: dict[str, tuple[str, str]] = {}  # thousands of terms share a dozen names
    for slug in by_title:
        term = terms[slug]
        first: dict[tuple[str, str], int] = {}
        for name, line in names_of(term):
            if name not in known:
                known[name] = (group_slug(name), same_name(name))
            address, key = known[name]
            problem = group_name_problem(name, address)
            if problem is not None:
                diagnostics.error(term.path, line, problem)
                continue
            holder = holders.setdefault(address, (key, term.path))
            display.setdefault(address, shown[key][0])
            if (address, key) in first:  # a tag: a term has one category
                diagnostics.warning(
                    term.path, line, listed_again(f"{word} '{name}'", first[address, key], line)
                )
            elif key != holder[0] and (address, key) not in warned:
                warned.add((address, key))
                message = (
                    f"{word} '{name}' shares its page {folder}/{address}/ with {word} '{display[address]}' "
                    f"({holder[1]}); write both alike, or rename one so each has its own page"
                )
                diagnostics.warning(term.path, line, message)
            elif name != shown[key][0]:
                spelling, why = shown[key]
                message = f"{word} '{name}' is shown as '{spelling}', {why}; write it so"
                diagnostics.warning(term.path, line, message)
            first.setdefault((address, key), line)
            members[address][slug] = None
    ordered = sorted(members, key=lambda g: (a_to_z_key(display[g], language), g))
    return tuple(Group(display[g], g, tuple(members[g])) for g in ordered)


def same_name(name: str) -> str:
    """What two spellings of one category or tag name share: they differ in letter case,
    Unicode form (composed or not, full-width or not), spacing or apostrophe (U+2019 or ') alone."""
    return " ".join(unicodedata.normalize("NFKC", name).translate(APOSTROPHES).casefold().split())


def group_name_problem(name: str, address: str) -> str | None:
    """Why a category or tag of this name, whose slug is `address` (slugs.group_slug), can have
    no page, or None. A folder's name must fit in 255 bytes, and a Chinese letter takes 3."""
    if not address:
        return f"'{name}' has no letter or digit for its page's address"
    size = len(address.encode())
    if size > MAX_SLUG:
        unit = "characters" if address.isascii() else "bytes in UTF-8"
        return f"'{clipped(name)}' would make a page address of {size} {unit}; at most {MAX_SLUG}"
    return None


def add_backlinks(
    glossary: Glossary, links: Mapping[str, Iterable[str]], diagnostics: Diagnostics
) -> Glossary:
    """Backlinks need every body's links, so they come after Markdown, as in Zola."""
    incoming: dict[str, set[str]] = defaultdict(set)
    for slug in glossary.terms:
        for target in (*glossary.related[slug], *links.get(slug, ())):
            if target != slug and target in glossary.terms:
                incoming[target].add(slug)
    rank = {slug: index for index, slug in enumerate(glossary.terms)}  # terms are in title order
    backlinks = {slug: tuple(sorted(incoming[slug], key=rank.__getitem__)) for slug in glossary.terms}
    linked = dataclasses.replace(glossary, backlinks=backlinks)
    diagnostics.items += backlink_warnings(linked)
    return linked


def backlink_warnings(glossary: Glossary) -> list[Diagnostic]:
    """The warnings about terms no other term links to (not while a term file cannot be read:
    it may be the one that links), and (checked in the same pass) about terms without a date."""
    found = Diagnostics()
    for slug, term in glossary.terms.items():
        if not glossary.backlinks[slug] and len(glossary.terms) > 1 and not glossary.unreadable:
            found.warning(
                term.path,
                1,
                "no other term links to this one; add it to a related list or [[link]] it",
            )
        if term.updated is None and "updated" not in term.key_lines:  # a bad date is an error already
            found.warning(term.path, 1, "no 'updated' date; add one so feeds and sitemaps can use it")
    return found.items
