"""Markdown written for other generators, which the engine here would show as written.

Editors coming from MkDocs Material, GitHub, Hugo or Sphinx write syntax this site does not
convert: `:material-github:`, `{.class}`, `:term:`API``, MyST's
```{note}. Left alone, the page shows the raw marks with no word from the build, and a tag
the sanitiser drops (`<iframe>`, or `<String>` in `Vec<String>`) leaves no trace at all. Each
is a warning at its line, naming what to write instead. Code (fenced, indented or in
backticks) is shown as written on purpose and is not looked at, but for a fence that opens a
MyST directive (myst.py): no one writes ```{note} to show code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import chain, takewhile

import nh3

from glossary_site import obsidian_comments
from glossary_site.content_tabs import TAB_RE
from glossary_site.custom_ids import around, heading_attributes
from glossary_site.diagnostics import clipped
from glossary_site.emoji_shortcodes import SHORTCODE_RE, emoji_of, unknown_message
from glossary_site.fences import (
    diagram_fences,
    directive_fences,
    dropped_attributes,
    unclosed_fences,
    unclosed_message,
)
from glossary_site.formulas import DISPLAY_LINE_RE, MATHML_TAGS, without_formulas
from glossary_site.indentation import indentation_problems, outside_all_code
from glossary_site.link_attributes import LIST_RE, read_list
from glossary_site.model import Breaks
from glossary_site.myst import DIRECTIVE_RE, directive_message
from glossary_site.slugs import SLUG_RE
from glossary_site.url_checks import schemeless_address
from glossary_site.yaml_lines import lines_down

#: The elements raw HTML keeps (sanitise.py); any other is removed with its tags.
KEPT_TAGS = (frozenset(nh3.ALLOWED_TAGS) - {"center", "strike", "tt", "acronym", "map", "area"}) | MATHML_TAGS

#: Whether a text may hold any of it at all: most texts do not, and are not looked at further.
#: Every branch starts with a fixed character, and none with `^`, so the search skips ahead to
#: those characters: several times quicker over a 10,000-term glossary's text. The line-start
#: syntax is matched anywhere here; the line's own check below looks at where it stands.
_ANY_RE = re.compile(
    r"==|>[ \t]*\[!|-8<-|:[\w+-]+:|\[\^|!\[\[|\^\["
    r"|\{(?:\{[<%]|:?[ \t]*(?:[#.]|[A-Za-z][\w-]*=|data-)|[a-z][\w:.-]*\}`)|<[A-Za-z]|\$|```[ \t]*\{"
    r"|~~~[ \t]*\{|:::[ \t]*\{|\\[(\[]"
)
#: A footnote's note, `[^1]: text`, at the start of a line, and a reference to one, `[^1]`.
_NOTE_RE = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:", re.MULTILINE)
_NOTE_REFERENCE_RE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_SHORTCODE_LINE_RE = re.compile(r"[ ]{0,3}\{\{(?:<.*>|%.*%)\}\}[ \t]*$")
_TAG_RE = re.compile(r"</?([A-Za-z][\w-]*)(?=[\s/>])")
#: CommonMark's `<scheme:address>` autolink: Python-Markdown links only http(s) and ftp(s) so,
#: and reads any other as a tag, which the sanitiser then removes with no trace on the page.
_SCHEME_TAG_RE = re.compile(r"<(?!(?:https?|ftps?)://)[A-Za-z][\w+.-]*:[^<>@ \t]*>", re.IGNORECASE)
#: `<www.example.org>`, `<example.org/x>`: an address in angle brackets without its scheme,
#: which Python-Markdown reads as a tag too; url_checks tells an address from a dotted word.
_HOST_TAG_RE = re.compile(r"<([a-z][a-z0-9-]*\.[^<>\s@]*)>")

Message = Callable[[re.Match[str]], str]


#: Attributes at a line's end, as attr_list reads them; a heading's id, classes and
#: data-toc-label are read (heading_attributes.py).
_ATTRIBUTE_LIST_RE = re.compile(r"(?:^|[ \t])(\{:?[ \t]*(?:[#.]|[A-Za-z][\w-]*=)[^{}\n]*\})[ \t]*$")
#: One that starts with a bare `data-` key, which attr_list sets to itself, after a heading:
#: MkDocs Material's `{ data-search-exclude }`.
_HEADING_KEY_LIST_RE = re.compile(
    r"^[ ]{0,3}#{1,6}[ \t].*?[ \t](\{:?[ \t]*data-[\w-]*(?=[ \t}])[^{}\n]*\})[ \t]*$"
)


def _attribute_list_message(found: re.Match[str]) -> str:
    return (
        f"'{found.group(1)}' is an attribute list, which is not read here and is shown as written; "
        "remove it: only a heading's id, classes and words in the page's contents are read, "
        "written after its words as '## Words { #id .class data-toc-label=\"Short words\" }', and "
        "classes or a size right after a link or picture ('![Chart](c.png){ width=\"300\" }')"
    )


#: An attribute list right after a link or a picture.
_AFTER_LINK_RE = re.compile(r"(?<=[)\]])\{:?[ \t]*(?:[#.]|[A-Za-z][\w-]*=)[^{}\n]*\}")
#: A picture, and a link (whose words may hold a picture), ending where an attribute list starts.
_PICTURE_RE = re.compile(r"!\[[^\]\n]*\](?:\([^()\n]*\)|\[[^\]\n]*\])\Z")
_LINK_RE = re.compile(r"\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\](?:\([^()\n]*\)|\[[^\]\n]*\])\Z")
#: A line that starts as a content tab's does, its title quoted or not (`=== Python`, a few
#: words, not a sentence such as "=== is the strict equality operator."), at the margin or in
#: a box, an item or a tab; one TAB_RE reads is one (content_tabs.py).
_TAB_LIKE_RE = re.compile(r"^[ ]*(===[+!]*[ \t]+(?:\"[^\"\n]*\"?|[^\s=\"][^\n.!?:;]{0,30}))[ \t]*$")
#: Syntax that starts a line (or ends one, for an attribute list): one of each a line.
_LINE_PATTERNS: tuple[tuple[re.Pattern[str], Message], ...] = (
    (
        _TAB_LIKE_RE,
        lambda m: (
            f"'{m.group(1)}' is shown as written, not as a content tab: a tab's first line is "
            "=== and its title in double quotes, '=== \"Title\"', with its text indented by 4 spaces"
        ),
    ),
    (
        # `#Title` or `#tag`: a heading to Python-Markdown, text to CommonMark, tags to Obsidian
        re.compile(r"^[ ]{0,3}(#{1,6}[^\s#][^\n]*)"),
        lambda m: (
            f"'{clipped(m.group(1))}' is a heading here, as '#' with no space after it is to "
            "Python-Markdown, but text on GitHub and in Hugo, and tags in Obsidian: for a heading, "
            "write a space after the '#'; for tags, list them in the front matter's 'tags'"
        ),
    ),
    (
        # GitHub's own five kinds, alone or with a title, are boxes (github_alerts.py); Obsidian's
        # other kinds and folding callouts are not
        re.compile(
            r"^[ ]{0,3}>[ \t]*\[!(?!(?i:note|tip|important|warning|caution)\](?:[ \t]|$))(\w+)\]"
            r"([-+]?)[ \t]*(.*?)[ \t]*$",
            re.ASCII,
        ),
        lambda m: _callout_message(m.group(1), m.group(2), m.group(3)),
    ),
    (
        re.compile(r"^[ ]{0,3}(-+8<-+(?:[ \t]*(?:\"[^\"\n]*\"|'[^'\n]*'))?)"),
        lambda m: (
            f"'{m.group(1)}' is a snippet include of MkDocs "
            "(pymdownx.snippets), which is not read here and is shown as written; paste the "
            "snippet's text in its place"
        ),
    ),
    (
        re.compile(r"^[ ]{0,3}(:{3,})" + DIRECTIVE_RE.pattern),
        lambda m: directive_message(
            m.group(1), m.group(2), m.group(3).strip(), "the page shows it and its text as written"
        ),
    ),
    (_ATTRIBUTE_LIST_RE, _attribute_list_message),
    (_HEADING_KEY_LIST_RE, _attribute_list_message),
    (
        re.compile(r"^[ ]{0,3}(\\\[)[ \t]*$"),
        lambda m: (
            "'\\[' opens a displayed formula as arithmatex writes it, which is not read here: the page "
            "shows '[' and the TeX as text; write a line of $$ in its place, and in place of '\\]'"
        ),
    ),
)
#: Syntax anywhere in a line.
_INLINE_PATTERNS: tuple[tuple[re.Pattern[str], Message], ...] = (
    (  # right after a link or image, as MkDocs (attr_list) writes them; link_attributes.py reads some
        _AFTER_LINK_RE,
        lambda m: (
            f"'{m.group(0)}' is an attribute list, which is not read here and is shown as written; "
            "remove it: right after a link written [text](address) or a picture, only classes "
            "('{ .md-button }') and a picture's size ('{ width=\"300\" }', in pixels) are read"
        ),
    ),
    (  # arithmatex's delimiters, which Markdown reads as escaped brackets; TeX inside, not '\[sic\]'
        re.compile(
            r"\\([(\[])(?=[^\\\n^_{}=+<>]*+(?:\\(?![()\[\]])|[\^_{}=+<>]))"
            r"((?:[^\\\n]|\\(?![()\[\]]))++)\\([)\]])"
        ),
        lambda m: (
            f"'{m.group(0)}' is a formula as arithmatex writes it, which is not read here: the page "
            f"shows '{m.group(1)}{m.group(2)}{m.group(3)}'; formulas here are written $…$ within the text "
            "and $$ … $$ on a line of their own"
        ),
    ),
    (  # Obsidian's embed of a note or a file: no page holds another's text, a picture is ![]()
        re.compile(r"!\[\[([^\]\n|#]*)(?:#[^\]\n|]*)?(?:\|([^\]\n]*))?\]\]"),
        lambda m: _embed_message(m.group(0), m.group(1).strip(), (m.group(2) or "").strip()),
    ),
    (  # Obsidian's (and Pandoc's) inline footnote
        re.compile(r"\^\[[^\]\n]*\]"),
        lambda m: (
            f"'{clipped(m.group(0))}' is an inline footnote as Obsidian and Pandoc write one, which is "
            "shown as written here; write [^1] there and its note, '[^1]: …', on a line of its own below"
        ),
    ),
    (  # Obsidian's block id at the end of a paragraph's line
        re.compile(r"(?<=[ \t])\^[A-Za-z0-9-]+(?=[ \t]*$)"),
        lambda m: (
            f"'{m.group(0)}' is an Obsidian block id, which is shown as written here; remove it "
            "(a link can lead to a heading's section instead)"
        ),
    ),
    (  # what is left once the formulas are blanked out: dollars around TeX that is no formula
        re.compile(r"(?<![\\$\w])(\$\$?)(?!\{\{)(?=[^$\n]*?[\\^_{])([^$\n]+?)(?<!\\)\1(?![\w$])"),
        lambda m: (
            f"'{m.group(0)}' looks like a formula but is shown as written: write $ right before and "
            "after an inline formula, with no space ($x^2$), and $$ on lines of their own around a "
            "displayed one; \\$ is a dollar sign"
        ),
    ),
)
#: A Sphinx role (`:term:`API``, `:py:func:`len``) or MyST's spelling of one (`{term}`API``),
#: looked for in the line as written: the prose has its code spans, the role's text, blanked out.
_ROLE_RE = re.compile(r"(?<![\w:/`])(?::((?:[a-z][\w.-]*:)?[a-z][\w.-]*):|\{([a-z][\w:.-]*)\})`([^`\n]+)`")
#: A role's text with a target of its own, `source files <source directory>`.
_ROLE_TARGET_RE = re.compile(r"(.*?)\s*<([^<>]+)>")
_SHORTCODE_RE = re.compile(r"(?<!\]\()(?<!\]\(<)\{\{([<%])[ \t]*+(\w*+)[^{}\n]*?[>%]\}\}")
#: A Markdown link's '](' before a shortcode, spaces between (looked for in the few characters
#: before it): a Hugo ref there is the link's address, which the check of links reports. In a
#: reference (`[id]: {{< ref … >}}`) or a tag's `href="…"` it is no address the engine reads,
#: and is shown as written.
_LINK_BEFORE_RE = re.compile(r"\]\([ \t]*<?$")
#: Hugo's {{< ref "glossary/gpu.md#history" >}}: the file it names, and the section.
REF_RE = re.compile(r"\{\{[<%][ \t]*(?:rel)?ref[ \t]+\"([^\"#]*)(#[^\"]*)?\"")
#: Hugo's code highlighting, opened (with its language, if any) or closed.
_HIGHLIGHT_RE = re.compile(r"[ ]{0,3}\{\{[<%][ \t]*(/?)highlight\b(?:[ \t]+\"?([\w#.+-]+))?")


def highlight_advice(shortcode: str) -> tuple[str, str] | None:
    """What Hugo's `{{< highlight go >}}` … `{{< /highlight >}}` is, and what to write for it: a
    fenced code block, highlighted here too. None for any other shortcode."""
    found = _HIGHLIGHT_RE.match(shortcode)
    if found is None:
        return None
    if found.group(1):
        return "ends Hugo's code highlighting", "write ``` in its place, to end a fenced code block"
    return "is Hugo's code highlighting", (
        f"write a fenced code block instead: ```{found.group(2) or ''} in its place, and ``` in "
        "place of '{{< /highlight >}}'"
    )


def ref_target(shortcode: str) -> tuple[str, str] | None:
    """The slug of the term a Hugo ref (or relref) names, and its section ('#history'), when the
    name of the file it gives can be a slug: gpu.md, /glossary/gpu.md, gpu/index.md, gpu#history."""
    ref = REF_RE.match(shortcode)
    parts = [part for part in (ref.group(1) if ref else "").split("/") if part]
    if parts and parts[-1] in ("index.md", "_index.md"):
        parts.pop()
    stem = parts[-1].removesuffix(".md") if parts else ""
    if ref is None or not SLUG_RE.match(stem):
        return None
    return stem, ref.group(2) or ""


def _ref_in_text_advice(shortcode: str, wikilinks: bool) -> str:
    """What to write for a Hugo ref in running text, where Hugo wrote the page's address: a
    wiki-link, which has no section, so a section's link is a Markdown one; in a text that
    has no wiki-links (site.yml's), a Markdown link."""
    target = ref_target(shortcode)
    if target is None:
        return (
            "link a term with [[its title]]"
            if wikilinks
            else "link the term's page: [Its title](/terms/<its slug>/)"
        )
    stem, fragment = target
    if not wikilinks:
        return f"link the term's page: [its words](/terms/{stem}/{fragment})"
    section = f", or its section as [its words](/terms/{stem}/{fragment})" if fragment else ""
    return f"link the term as [[{stem}]]{section}"


#: Marks _ANY_RE leaves out, as one that may start at any space or line would keep its search
#: from skipping ahead to the characters its other marks start with (ten times slower): an
#: Obsidian block id at a line's end, a '#' with no space after it at a line's start.
_BLOCK_ID_RE = re.compile(r"[ \t]\^[\w-]+(?:\n|$)")
_BARE_HASH_RE = re.compile(r"[ ]{0,3}#{1,6}[^\s#]")  # matched at the start, then after "\n"s
_BARE_HASH_LINE_RE = re.compile(r"\n" + _BARE_HASH_RE.pattern)


def marked(text: str) -> bool:
    """Whether `text` holds a mark of another generator's syntax, a tag, a dollar or more `[[`
    than `]]`: without one, neither this module nor formulas.py has anything to say of it, and
    where its lines are in the file need not be worked out. (Most texts hold wiki-links: those
    closed, counted at C speed, need no look.)"""
    return (
        _ANY_RE.search(text) is not None
        or ("[[" in text and text.count("[[") > text.count("]]"))
        or ("^" in text and _BLOCK_ID_RE.search(text) is not None)
        or ("#" in text and (_BARE_HASH_RE.match(text) or _BARE_HASH_LINE_RE.search(text)) is not None)
    )


def foreign_syntax(text: str, markers: bool = False) -> Iterator[tuple[int, str]]:
    """(line index, message) for each piece of another generator's Markdown outside code, each
    fence that opens a MyST directive, and each HTML tag the sanitiser removes. With `markers`
    (a term's body), a shortcode on a line of its own is left to the table markers' check,
    which reports it."""
    return ((index, message) for index, _, message in _found(text, markers))


def _found(text: str, markers: bool, wikilinks: bool = True) -> Iterator[tuple[int, int, str]]:
    """foreign_syntax's problems, each with its column in its line: a line of a folded YAML
    text holds several of the file's lines, and the column tells which."""
    if not marked(text):
        return
    for index, fence, directive in directive_fences(text):
        name, argument = directive.groups()
        yield (
            index,
            0,
            directive_message(fence, name, argument.strip(), "the page shows its text as a code block"),
        )
    math = False
    prose = without_formulas(text)
    if "<!--" in text:  # what a comment holds is on no page, so nothing in it is shown or removed
        prose = _COMMENT_RE.sub(blanked, "\n".join(prose)).split("\n")
    if "%%" in text:  # nor what an Obsidian comment holds (obsidian_comments)
        prose = obsidian_comments.COMMENT_RE.sub(blanked, "\n".join(prose)).split("\n")
    notes = set(_NOTE_RE.findall(text)) if "[^" in text else set()
    referenced: set[str] = set()
    noted: dict[str, int] = {}  # each note's line, for one no reference leads to
    lines = text.split("\n")
    for index, line in outside_all_code(lines):
        if math or not line.strip():  # a formula's lines, which are TeX, end at its '$$' line
            math = math and bool(line.strip()) and not DISPLAY_LINE_RE.match(line)
            continue
        math = bool(DISPLAY_LINE_RE.match(line))
        roles, prose_left = _roles(line, prose[index])
        read = "{" in line and heading_attributes(prose_left, *around(lines, index)) is not None
        for column, message in chain(roles, _line_problems(prose_left, markers, read, wikilinks)):
            yield index, column, message
        if wikilinks and "[[" in prose_left:
            for column in _unclosed_wikilinks(prose, index, prose_left):
                yield index, column, _UNCLOSED_WIKILINK
        if "[^" not in prose_left:
            continue
        for reference in _NOTE_REFERENCE_RE.finditer(prose_left):
            referenced.add(reference.group(1))
            if reference.group(1) not in notes:
                yield index, reference.start(), _no_note(reference.group(0))
        if note := _NOTE_RE.match(prose_left):
            noted.setdefault(note.group(1), index)
    for label, index in noted.items():
        if label not in referenced:
            yield index, 0, _unreferenced(label)


def _no_note(reference: str) -> str:
    """Python-Markdown makes a footnote only of a reference whose note the same text has: the
    page shows any other as written, brackets and caret."""
    return (
        f"footnote '{reference}' has no note in this text, so the page shows it as written; "
        f"add its note on a line of its own below, '{reference}: the note', or remove it"
    )


_UNCLOSED_WIKILINK = (
    "this '[[' opens a wiki-link that no ']]' closes in its paragraph, so the page shows it as "
    "written; close it: [[Term]]"
)


def _unclosed_wikilinks(prose: list[str], index: int, line: str) -> Iterator[int]:
    """The column of each `[[` of `line` (prose[index]) that no `]]` closes before its
    paragraph ends: a wiki-link may go on over a line break, not past a blank line."""
    rest = "\n".join(takewhile(str.strip, prose[index + 1 :]))
    for found in re.finditer(r"(?<!\\)\[\[", line):  # `\[[` is the escape the docs give
        before = line[: found.start()]
        if before.count("<code") > before.count("</code>"):  # in HTML's code, shown as written
            continue
        after = line[found.end() :] + "\n" + rest
        closing, opening = after.find("]]"), after.find("[[")
        if closing < 0 or 0 <= opening < closing:
            yield found.start()


#: Callout kinds whose class a page may not carry (sanitise.py): the box they are meant as.
_KIND_FOR = {"faq": "question", "help": "question"}


def _callout_message(kind: str, fold: str, title: str) -> str:
    """What to write for a callout GitHub's alerts do not cover: a kind of Obsidian's (or
    Material's) own, or one that folds (`-` closed, `+` open), as the box it is meant as."""
    written = f"'> [!{kind}]{fold}'"
    what = "an Obsidian callout that folds" if fold else "a callout of a kind GitHub's alerts do not have"
    box = {"": "!!!", "-": "???", "+": "???+"}[fold]
    named = f' "{title}"' if title else ""
    return (
        f"{written} is {what}, which is shown here as a quotation that starts '[!{kind}]'; write "
        f"'{box} {_KIND_FOR.get(kind.lower(), kind.lower())}{named}' and indent its text by 4 spaces"
    )


#: The ends of a file's name that make an embed a picture's (or a file's) rather than a note's.
_FILE_RE = re.compile(r"\.[A-Za-z0-9]{2,5}$")


def _embed_message(written: str, target: str, size: str) -> str:
    if _FILE_RE.search(target):
        width = f'{{ width="{size}" }}' if size.isdigit() else ""
        return (
            f"'{clipped(written)}' is Obsidian's embed of a file, which is shown as written here; put "
            f"the file in static/ (static/images/, say) and write ![what it shows](/images/{target}){width}"
        )
    return (
        f"'{clipped(written)}' is Obsidian's embed of a note, which is shown as written here (no "
        f"page holds another's text); link it as [[{target}]]"
    )


def _unreferenced(label: str) -> str:
    """Python-Markdown lists every note, also one no reference leads to, with a link back to
    a reference that is not there."""
    return (
        f"footnote '[^{label}]' is referenced nowhere in this text, so its note is listed with no "
        f"place in the text to go back to; write [^{label}] where it belongs, or remove the note"
    )


def _roles(line: str, prose: str) -> tuple[list[tuple[int, str]], str]:
    """A message for each Sphinx or MyST role outside code in `line`, and `prose` with the roles'
    names blanked, so that `:term:` is not taken for an emoji shortcode as well."""
    messages = []
    for found in _ROLE_RE.finditer(line):
        start, end = found.start(), found.start(3) - 1
        if prose[start:end] != line[start:end]:  # inside a code span
            continue
        name, text = found.group(1) or found.group(2), found.group(3).strip()
        kind, shown = ("Sphinx", f":{name}:") if found.group(1) else ("MyST", f"{{{name}}}")
        if name.rpartition(":")[2] == "term":
            target = _ROLE_TARGET_RE.fullmatch(text)
            link = f"[[{target.group(2).strip()}|{target.group(1)}]]" if target else f"[[{text}]]"
            advice = f"link the term as {link}"
        else:
            advice = "write what it makes in Markdown (a link is [text](address))"
        messages.append(
            (
                start,
                f"'{found.group(0)}' is a {kind} role, which is not read here: the page shows '{shown}' "
                f"and its text as code; {advice}",
            )
        )
        prose = prose[:start] + " " * (end - start) + prose[end:]
    return messages, prose


#: An HTML comment, which the sanitiser leaves out of the page with all it holds.
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)


def blanked(found: re.Match[str]) -> str:
    """A piece of text as spaces, its line breaks kept, so lines and columns stay where they are."""
    return re.sub(r"[^\n]", " ", found.group(0))


def _line_problems(prose: str, markers: bool, read: bool, wikilinks: bool) -> Iterator[tuple[int, str]]:
    """(column, message) of each problem in a line of prose, whose heading reads the attribute
    list at its end if `read`, in a text that may hold wiki-links if `wikilinks`."""
    for pattern, message in _LINE_PATTERNS:
        found = pattern.search(prose)
        if found and not (
            (pattern is _ATTRIBUTE_LIST_RE and read) or (pattern is _TAB_LIKE_RE and TAB_RE.match(prose))
        ):
            yield found.start(1), message(found)
    for pattern, message in _INLINE_PATTERNS:
        for found in pattern.finditer(prose):
            if not (pattern is _AFTER_LINK_RE and _read_after_link(prose, found)):
                yield found.start(), message(found)
    if ":" in prose:
        for found in SHORTCODE_RE.finditer(prose):
            if emoji_of(found.group(1)) is None:
                yield found.start(), unknown_message(found.group(1))
    if "{{" in prose and not (markers and _SHORTCODE_LINE_RE.match(prose)):
        for found in _SHORTCODE_RE.finditer(prose):
            if found.group(2) in ("ref", "relref"):
                if _LINK_BEFORE_RE.search(prose, max(0, found.start() - 20), found.start()):
                    continue  # a link's address: the check of links reports it
                what, advice = "is a Hugo shortcode", _ref_in_text_advice(found.group(0), wikilinks)
            elif markers and found.group(2) == "table":  # a marker, where none is read
                what, advice = (
                    "is a table marker where none is read",
                    "a marker is read only on a line of its own at the margin, not in a quotation, "
                    "a list or a line of text; move it there (the table follows the body meanwhile)",
                )
            else:
                what, advice = highlight_advice(found.group(0)) or (
                    "is a Hugo shortcode",
                    "write what it makes in Markdown or HTML",
                )
            yield (
                found.start(),
                f"'{found.group(0)}' {what}, which is not read here and is shown as written; {advice}",
            )
    if "<" in prose:
        for found in _SCHEME_TAG_RE.finditer(prose):
            yield (
                found.start(),
                f"'{found.group(0)}' is read as an HTML tag and removed from the page, as only "
                "<https://…> and <name@example.com> become links here; write [text](address)",
            )
        for found in _HOST_TAG_RE.finditer(prose):
            meant = schemeless_address(found.group(1))
            if meant is not None:
                yield (
                    found.start(),
                    f"'{found.group(0)}' is read as an HTML tag and removed from the page, as only "
                    f"<https://…> and <name@example.com> become links here; write <{meant}>",
                )
        removed: dict[str, tuple[int, str]] = {}
        # a shortcode's '<' starts no tag (hugo_shortcodes): it is shown as written, said above
        tagged = _SHORTCODE_RE.sub(blanked, prose) if "{{" in prose else prose
        for found in reversed(list(_TAG_RE.finditer(tagged))):
            removed[found.group(1).lower()] = found.start(), found.group(1)
        for name in sorted(removed.keys() - KEPT_TAGS):
            column, written = removed[name]
            yield (
                column,
                f"'<{written}>' is read as an HTML tag and removed from the page, as only text and "
                "structure elements are kept; write it as code (in backticks) or as '&lt;', or "
                "link to what it shows",
            )


def _read_after_link(prose: str, found: re.Match[str]) -> bool:
    """Whether the attribute list `found` is one link_attributes.py reads: the element before it
    is looked for in the 2,000 characters before (a longer link keeps the warning)."""
    listed = LIST_RE.fullmatch(found.group(0))
    if listed is None:
        return False
    start = max(0, found.start() - 2000)
    picture = _PICTURE_RE.search(prose, start, found.start()) is not None
    if not picture and _LINK_RE.search(prose, start, found.start()) is None:
        return False
    return read_list(listed.group(1), picture) is not None


def foreign_problems(
    text: str,
    first_line: int,
    breaks: Breaks | None = None,
    markers: bool = False,
    inline: bool = False,
    wikilinks: bool = True,
) -> Iterator[tuple[int, str]]:
    """(file line, message) for each problem of foreign_syntax in a Markdown text whose first
    line is `first_line` of its file and whose file lines begin at `breaks` (yaml_lines.Located),
    and each fence it leaves unclosed, unless it is `inline` Markdown (a cell), which has none.
    Without `wikilinks` (site.yml's texts), its advice is a Markdown link where it would be one."""
    starts: list[int] = []
    fences = () if inline else unclosed_fences(text)
    unclosed = ((index, 0, unclosed_message(mark)) for index, mark in fences)
    indented = () if inline else ((index, 0, message) for index, message in indentation_problems(text))
    dropped = () if inline else ((index, 0, message) for index, message in dropped_attributes(text))
    diagrams = () if inline else ((index, 0, message) for index, message in diagram_fences(text))
    found = _found(text, markers, wikilinks)
    for index, column, message in chain(found, unclosed, indented, dropped, diagrams):
        if not starts:
            starts = [0]
            for line in text.split("\n"):
                starts.append(starts[-1] + len(line) + 1)
        yield first_line + lines_down(text, starts[index] + column, breaks), message
