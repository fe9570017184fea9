"""site.yml → SiteConfig. Every key is declared; unknown keys and bad values are all reported."""

from __future__ import annotations

import functools
import re
import stat
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from glossary_site import labels as theme_labels
from glossary_site import yaml_lines
from glossary_site.diagnostics import Diagnostics, clipped, did_you_mean, meant_by, suggesting
from glossary_site.fences import fence_problems
from glossary_site.foreign_markdown import foreign_problems
from glossary_site.formulas import formula_problems
from glossary_site.front_matter import flag_value, kind
from glossary_site.markdown_limits import limit_problem
from glossary_site.model import CtaBlock
from glossary_site.plain_markup import EACH, Field, FieldPath, warn_of_markup
from glossary_site.text_direction import DIRECTIONS, Direction, direction_of
from glossary_site.tool_settings import (
    BUILDER_KEYS,
    TOOLS_KEYS,
    StackBuilderSettings,
    ToolSettings,
    parse_stack_builder,
    parse_tools,
)
from glossary_site.url_checks import (
    EDIT_PATH,
    PLACEHOLDER_URL,
    base_url_problem,
    edit_url_problem,
    link_url_problem,
    normal_base_url,
)

CONFIG_PATH = "content/site.yml"
KEYS = (
    "title", "description", "intro", "base_url", "language", "direction", "categories", "cta",
    "autolink", "tools", "stack_builder", "edit_url", "image", "image_alt", "labels",
)  # fmt: skip
#: The kinds of picture the sites and apps that show a link's preview all show (none shows SVG).
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
CTA_KEYS = ("heading", "text", "button", "url")
CTA_SETTINGS = ("default", "blocks")
#: The keys of the settings that are mappings of their own: one of them at the start of a line
#: is valid YAML, a setting of the file, so it is named as a key of its block that lost its
#: indent rather than as a misspelt setting ('layers', 'did you mean labels?').
NESTED = {"tools": TOOLS_KEYS, "stack_builder": BUILDER_KEYS, "cta": CTA_SETTINGS}
#: `cta` with no block at all (`blocks: []`, `cta: {}`): valid, but likely a block left unwritten.
NO_CTA_BLOCKS = (
    "'cta' has no blocks, so no term page shows a call to action; "
    "add a block under 'cta.blocks', or remove 'cta' to have none"
)
# BCP 47's shape: a two- or three-letter language, then subtags (script, region, variant), or a
# private-use tag ('x-...'); whether the language exists is left to the editor.
LANGUAGE_TAG_RE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*|[xX](?:-[A-Za-z0-9]{1,8})+")
_LINK_TERMS = (
    "and link the term's page from the intro with a Markdown link: [Transformer](/terms/transformer/)"
)
_BUILDER_LINK_TERMS = (
    "and link the term's page from the Stack Builder's intro with a Markdown link: "
    "[Transformer](/terms/transformer/)"
)
_IN_BUILDER = "the Stack Builder's intro"
_IN_TOOLS = "the tools' bodies"
_TOOL_LINK_TERMS = "and link the term from the body of a tool that has the value: [[Transformer]]"
#: How to link a term from a call to action, whose texts are plain.
CTA_LINK = "and point the button's url at the term's page: /terms/transformer/"
_IN_TERMS = "the terms' definitions and bodies"
_BLOCK = ("cta", "blocks", EACH)
_QUESTION = ("stack_builder", "questions", EACH)
#: The settings shown as written, where Markdown an editor writes reaches the page as marks.
PLAIN: dict[str | FieldPath, Field] = {
    "title": Field("the site's title", "the intro", _LINK_TERMS),
    "description": Field("the site's description", "the intro", _LINK_TERMS),
    "image_alt": Field("the image's description", "the intro", _LINK_TERMS),
    "categories": Field("a category's description", "the intro", _LINK_TERMS),
    (*_BLOCK, "heading"): Field("a call to action's heading", _IN_TERMS, CTA_LINK),
    (*_BLOCK, "text"): Field("a call to action's text", _IN_TERMS, CTA_LINK),
    (*_BLOCK, "button"): Field("a call to action's button", _IN_TERMS, CTA_LINK),
    ("tools", "categories"): Field("a tool category's description", "the intro", _LINK_TERMS),
    ("tools", "attributes", EACH): Field("a tool attribute's value or label", _IN_TOOLS, _TOOL_LINK_TERMS),
    ("stack_builder", "title"): Field("the Stack Builder's title", _IN_BUILDER, _BUILDER_LINK_TERMS),
    (*_QUESTION, "question"): Field("a Stack Builder question", _IN_BUILDER, _BUILDER_LINK_TERMS),
    (*_QUESTION, "answers", EACH, "label"): Field("an answer's label", _IN_BUILDER, _BUILDER_LINK_TERMS),
    ("stack_builder", "layers", EACH, "title"): Field("a layer's title", _IN_BUILDER, _BUILDER_LINK_TERMS),
}

_T = TypeVar("_T")
#: The repository the starter's site.yml and the messages' examples name in an edit_url.
STARTER_REPOSITORY = "OWNER/REPO"
#: Only a build says it: `check` runs on a new site in the editors' loop and in a CI job that
#: may have no --base-url (Pages not on yet), and serve's preview is local.
PLACEHOLDER_BASE_URL = (
    f"base_url is still the placeholder {PLACEHOLDER_URL} that glossary init wrote; set it to the "
    "address the site is published at (canonical links, the sitemap and feeds use it), or build "
    "with --base-url URL"
)


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    title: str
    base_url: str
    description: str = ""
    language: str = "en"
    #: Which way every page runs: `direction` in site.yml, else the language's (text_direction).
    direction: Direction = "ltr"
    cta_default: str | None = None
    cta_blocks: dict[str, CtaBlock] = field(default_factory=dict)
    #: The line of each block's url, for problems only known once every page is (a dead link).
    cta_url_lines: dict[str, int] = field(default_factory=dict)
    autolink: bool = False
    #: Where a term's or tool's file can be edited ("" for no edit links); see urls.edit_address.
    edit_url: str = ""
    #: The picture a link to any page shows where it is shared, as its path in static/ without
    #: a leading '/' ("" for
    #: none), its line in site.yml (its file is checked with the links) and its description.
    image: str = ""
    image_line: int = 1
    image_alt: str = ""
    #: Every theme word by name: English, the theme's translation into `language` over it, and
    #: site.yml's `labels` over both, with the plural rules `language` counts by (labels.py).
    labels: dict[str, str] = field(default_factory=lambda: dict(theme_labels.defaults()))
    #: Markdown shown at the top of the home page.
    intro: str = ""
    #: The line of `intro` and of the Stack Builder's, where a dead link in them is looked for.
    intro_lines: tuple[int, int] = (1, 1)
    #: A description per category name, shown on its page and the overview cards.
    categories: dict[str, str] = field(default_factory=dict)
    category_lines: dict[str, int] = field(default_factory=dict)
    tools: ToolSettings = field(default_factory=ToolSettings)
    #: With `stack_builder` in `flawed`, what of it could be read, for the checks only.
    stack_builder: StackBuilderSettings | None = None
    #: site.yml's own base_url when --base-url replaced it (a preview build), else "".
    published_url: str = ""
    #: The settings that have errors, reported and replaced by their defaults. Such a config
    #: serves only to check the rest of the site in the same run; nothing is built with it.
    flawed: frozenset[str] = frozenset()

    @property
    def addresses(self) -> tuple[str, ...]:
        """What a full address on this site may start with: base_url, and in a preview build the
        published site's too, as editors copy links from it; both are checked alike (plan.py)."""
        return (self.base_url, self.published_url) if self.published_url else (self.base_url,)

    @property
    def base_path(self) -> str:
        """The sub-path the site is served from, e.g. '/glossary/'; used by the 404 page."""
        return urllib.parse.urlsplit(self.base_url).path or "/"


def load(
    root: Path,
    diagnostics: Diagnostics,
    base_url: str | None = None,
    *,
    flawed: bool = False,
    deploying: bool = False,
) -> SiteConfig | None:
    """Read content/site.yml; returns None (with diagnostics) when it cannot be used.

    With `flawed`, settings with errors only in some values are still returned (see
    SiteConfig.flawed), so that the build's other checks run in the same pass. `deploying`
    (a build's output is what gets published) warns of a base_url left as the starter's."""
    text = _read(root / CONFIG_PATH, diagnostics)
    if text is None:
        return None
    try:
        located = yaml_lines.load(text)
    except yaml_lines.YamlProblem as problem:
        tabs = yaml_lines.tab_lines(text) if str(problem) == yaml_lines.TAB else ()
        for line in tabs or (problem.line,):
            diagnostics.error(CONFIG_PATH, line, str(problem))
        return None
    before = len(diagnostics.errors) + len(located.errors)  # the first value counts
    config = parse(root, located, diagnostics, base_url, deploying=deploying)
    return config if flawed or len(diagnostics.errors) == before else None


def _read(path: Path, diagnostics: Diagnostics) -> str | None:
    """The settings as text, or None with the reason reported.

    The file is looked at before it is opened: opening a named pipe would wait forever for a
    writer, and an OSError's own text names the absolute path rather than the one editors see.
    """
    try:
        if path.is_symlink() and path.parent.resolve() not in path.resolve().parents:
            return None  # reported with every link out of content/ as not followed: nor read here
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            diagnostics.error(CONFIG_PATH, 1, _not_a_file(mode))
            return None
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        if not path.is_symlink():  # a link to nothing is reported as any broken link in content/ is
            diagnostics.error(CONFIG_PATH, 1, "site settings not found; create content/site.yml")
        return None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        diagnostics.error(CONFIG_PATH, 1, f"cannot read site settings ({reason}); make the file readable")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        diagnostics.error(CONFIG_PATH, line, "site.yml is not valid UTF-8; save it as UTF-8")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")  # lines are counted by "\n"


def _not_a_file(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder, not a file; the site settings go in a file named content/site.yml"
    return "not a regular file; the site settings must be a plain text file"


def parse(
    root: Path,
    located: yaml_lines.Located,
    diagnostics: Diagnostics,
    base_url: str | None = None,
    *,
    deploying: bool = False,
) -> SiteConfig | None:
    """The settings, each that has errors (reported) replaced by its default and named in
    `flawed`; None when the file is not a mapping of settings."""
    data = located.data
    if data is None:  # nothing but blank lines and comments
        message = (
            "site.yml has no settings; write at least 'title:' and 'base_url:', each on a line of its own"
        )
        diagnostics.error(CONFIG_PATH, 1, message)
        return None
    if not isinstance(data, dict):
        diagnostics.error(CONFIG_PATH, 1, "site.yml must be a mapping of settings")
        return None
    for line, message in located.errors:
        diagnostics.error(CONFIG_PATH, line, message)
    flawed: set[str] = set()

    def checked(key: str, read: Callable[[], _T]) -> _T:
        before = len(diagnostics.errors)
        value = read()
        if len(diagnostics.errors) > before:
            flawed.add(key)
        return value

    misspelt: set[str | None] = set()  # what unknown keys seem meant for is not also missing
    for key in data:
        if key not in KEYS:
            flawed.add(str(key))
            block = next((name for name, keys in NESTED.items() if key in keys), None)
            misspelt.add(meant := None if block else meant_by(str(key), KEYS))
            if meant is not None:  # what it decides waits for the fix, as for a flawed setting
                flawed.add(meant)
            stray = None if meant or block else located.strays.get((str(key),))  # meant for an `intro: |`
            message = stray[1] if stray else f"unknown setting '{clipped(str(key))}'{suggesting(meant)}"
            if block is not None:
                message = f"unknown setting '{key}'; it is a key of {block}: indent it under '{block}:'"
            diagnostics.error(CONFIG_PATH, located.line(str(key)), message)
    warn_of_markup(CONFIG_PATH, located, PLAIN, diagnostics)
    title = checked("title", lambda: _text(data, "title", located, diagnostics, "title" not in misspelt))
    description = checked("description", lambda: _text(data, "description", located, diagnostics))
    intro = checked("intro", lambda: _intro(data, located, diagnostics))
    categories = checked("categories", lambda: _descriptions(data.get("categories"), located, diagnostics))
    tools = checked("tools", lambda: parse_tools(data.get("tools"), located, diagnostics))
    builder, builder_failed = parse_stack_builder(
        data.get("stack_builder"), located, diagnostics, None if "tools" in flawed else tools
    )
    if builder_failed or (builder is None and "stack_builder" in flawed):
        flawed.add("stack_builder")
        # the page exists once the settings are fixed (a misspelt key too), so links to it are
        # not dead: planned with what could be read, it is checked, never built
        builder = builder or StackBuilderSettings(None, "", (), ())
    language = checked(
        "language", lambda: _language(_text(data, "language", located, diagnostics), located, diagnostics)
    )
    direction = checked(
        "direction",
        lambda: _direction(_text(data, "direction", located, diagnostics), language, located, diagnostics),
    )
    url = checked(
        "base_url",
        lambda: _check_base_url(
            base_url
            if base_url is not None
            else _text(data, "base_url", located, diagnostics, "base_url" not in misspelt),
            located,
            diagnostics,
        ),
    )
    if deploying and base_url is None and url == PLACEHOLDER_URL:
        diagnostics.warning(CONFIG_PATH, located.line("base_url"), PLACEHOLDER_BASE_URL)
    published = data.get("base_url") if base_url is not None else None
    published_url = (
        normal_base_url(published) if isinstance(published, str) and not base_url_problem(published) else ""
    )
    default, blocks = checked("cta", lambda: _cta(data.get("cta"), located, diagnostics))
    autolink = checked("autolink", lambda: _autolink(data, located, diagnostics))
    edit_url = checked(
        "edit_url", lambda: _edit_url(_text(data, "edit_url", located, diagnostics), located, diagnostics)
    )
    image = checked("image", lambda: _image(_text(data, "image", located, diagnostics), located, diagnostics))
    image_alt = checked("image_alt", lambda: _text(data, "image_alt", located, diagnostics))
    if image_alt and data.get("image") is None:  # left out, or left empty (`image:` or `~`)
        message = "'image_alt' describes the preview picture, but there is no 'image'; add one or remove it"
        diagnostics.warning(CONFIG_PATH, located.line("image_alt"), message)
    labels = checked(
        "labels",
        lambda: theme_labels.parse(data.get("labels"), located, CONFIG_PATH, diagnostics, language),
    )
    return SiteConfig(
        root=root,
        title=title,
        base_url=url,
        published_url="" if published_url == url else published_url,
        description=description,
        language=language,
        direction=direction,
        cta_default=default,
        cta_blocks=blocks,
        cta_url_lines={name: located.line("cta", "blocks", name, "url") for name in blocks},
        autolink=autolink,
        edit_url=edit_url,
        image=image,
        image_line=located.line("image"),
        image_alt=image_alt,
        labels=labels,
        intro=intro,
        categories=categories,
        category_lines={name: located.line("categories", name) for name in categories},
        intro_lines=(located.line("intro"), located.line("stack_builder", "intro")),
        tools=tools or ToolSettings(),
        stack_builder=builder,
        flawed=frozenset(flawed),
    )


def _intro(data: dict[str, Any], located: yaml_lines.Located, diagnostics: Diagnostics) -> str:
    intro = _text(data, "intro", located, diagnostics)
    if (too_much := limit_problem(intro)) is not None:
        first, breaks = located.trimmed_start("intro")
        diagnostics.error(CONFIG_PATH, first + yaml_lines.lines_down(intro, too_much[0], breaks), too_much[1])
        return ""
    written = data["intro"] if intro else ""  # as written, so that its lines are the file's
    first, breaks = located.value_line("intro"), located.breaks_of("intro")
    for line, message in fence_problems(written, first, breaks):
        diagnostics.error(CONFIG_PATH, line, message)
    for line, message in formula_problems(written, first, breaks):
        diagnostics.error(CONFIG_PATH, line, message)
    for line, message in foreign_problems(written, first, breaks, wikilinks=False):
        diagnostics.warning(CONFIG_PATH, line, message)
    return intro


def _autolink(data: dict[str, Any], located: yaml_lines.Located, diagnostics: Diagnostics) -> bool:
    autolink = flag_value(data.get("autolink", False))
    if autolink is None:
        diagnostics.error(CONFIG_PATH, located.line("autolink"), "'autolink' must be true or false")
        return False
    return autolink


def _descriptions(value: Any, located: yaml_lines.Located, diagnostics: Diagnostics) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        message = "'categories' must map each category name to a one-line description"
        diagnostics.error(CONFIG_PATH, located.line("categories"), message)
        return {}
    found: dict[str, str] = {}
    for name, text in value.items():
        if text is None or (isinstance(text, str) and not text.strip()):  # as tools.categories says
            message = f"the description of category '{name}' must not be empty"
            diagnostics.error(CONFIG_PATH, located.line("categories", name), message)
        elif not isinstance(text, str) or "\n" in text.strip():
            message = f"the description of category '{name}' must be one line of text"
            diagnostics.error(CONFIG_PATH, located.line("categories", name), message)
        else:
            found[str(name)] = text.strip()
    return found


def _text(
    data: dict[str, Any],
    key: str,
    located: yaml_lines.Located,
    diagnostics: Diagnostics,
    required: bool = False,
) -> str:
    value = data.get(key)
    if value is None:
        if required and key in data:
            diagnostics.error(CONFIG_PATH, located.line(key), f"'{key}' must be non-empty text")
        elif required:
            diagnostics.error(CONFIG_PATH, 1, f"missing required setting '{key}'")
        return ""
    if not isinstance(value, str):
        diagnostics.error(CONFIG_PATH, located.line(key), f"'{key}' must be text, not {kind(value)}")
        return ""
    if not value.strip():
        diagnostics.error(CONFIG_PATH, located.line(key), f"'{key}' must be non-empty text")
        return ""
    return value.strip()


def open_graph_locale(tag: str) -> str:
    """Open Graph names a locale by its language and region alone, as `pt_BR`, where a language
    tag may also hold a script, variants and extensions (`zh-Hant-TW`, `de-CH-1996`) in any
    letter case; "" for a private-use tag, which names no locale."""
    language, *subtags = tag.split("-")
    if len(language) == 1:
        return ""
    for subtag in subtags:
        if len(subtag) == 1:  # an extension or private use: what follows is no region
            break
        if (len(subtag) == 2 and subtag.isalpha()) or (len(subtag) == 3 and subtag.isdigit()):
            return f"{language.lower()}_{subtag.upper()}"
    return language.lower()


def _language(tag: str, located: yaml_lines.Located, diagnostics: Diagnostics) -> str:
    """The `lang` of every page: a browser, a screen reader and Pagefind each read it, and none
    of them understands a locale name such as 'en_US' or a word such as 'English'."""
    if not tag:
        return "en"
    if not LANGUAGE_TAG_RE.fullmatch(tag):
        example = tag.replace("_", "-") if LANGUAGE_TAG_RE.fullmatch(tag.replace("_", "-")) else "en-US"
        message = f"language '{tag}' is not a language tag; write one like 'en', 'de' or '{example}'"
        diagnostics.error(CONFIG_PATH, located.line("language"), message)
    return tag


def _direction(
    written: str, language: str, located: yaml_lines.Located, diagnostics: Diagnostics
) -> Direction:
    """The pages' direction: as written, for a language the list in text_direction does not
    know (or a site that wants the other way), else the language's."""
    if not written:
        return direction_of(language)
    for direction in DIRECTIONS:
        if written.lower() == direction:
            return direction
    message = f"direction '{written}' must be 'ltr' or 'rtl'; leave it out for the language's own"
    diagnostics.error(CONFIG_PATH, located.line("direction"), message)
    return direction_of(language)


def _check_base_url(url: str, located: yaml_lines.Located, diagnostics: Diagnostics) -> str:
    if not url:
        return ""
    problem = base_url_problem(url)
    if problem is not None:
        diagnostics.error(CONFIG_PATH, located.line("base_url"), f"base_url '{url}' {problem}")
        return ""
    return normal_base_url(url)


def _edit_url(url: str, located: yaml_lines.Located, diagnostics: Diagnostics) -> str:
    if not url:
        return ""
    problem = edit_url_problem(url)
    if problem is not None:
        diagnostics.error(CONFIG_PATH, located.line("edit_url"), f"edit_url '{url}' {problem}")
        return ""
    if STARTER_REPOSITORY in url:  # the starter's example line, uncommented as it stands
        diagnostics.warning(
            CONFIG_PATH,
            located.line("edit_url"),
            f"edit_url '{url}' names the example repository {STARTER_REPOSITORY}; write your "
            "repository's owner and name, or every 'Edit this page' link leads nowhere",
        )
    return url if EDIT_PATH in url else url.removesuffix("/") + "/"


def _image(path: str, located: yaml_lines.Located, diagnostics: Diagnostics) -> str:
    """A file of the site's static/ folder, so that the build can check it is there; social
    sites fetch it by its full address (urls.absolute), which base_url makes."""
    if not path:
        return ""
    inside = path.removeprefix("/")
    parts = inside.split("/")
    problem = None
    if urllib.parse.urlsplit(path).scheme or path.startswith("//") or "\\" in path:
        problem = "must be the path of a file in the site's static/ folder, such as assets/card.png"
    elif any(part in ("", ".", "..") for part in parts):
        problem = "must be the path of a file in the site's static/ folder, without '.', '..' or '//'"
    elif parts[0] == "static" and len(parts) > 1:
        problem = f"is read from inside the static/ folder; write '{inside.removeprefix('static/')}'"
    elif not inside.lower().endswith(IMAGE_TYPES):
        problem = (
            "must be a PNG, JPEG, GIF or WebP file: the sites that show a link's picture show no other kind"
        )
    if problem is not None:
        diagnostics.error(CONFIG_PATH, located.line("image"), f"image '{path}' {problem}")
        return ""
    return inside


def _cta(
    value: Any, located: yaml_lines.Located, diagnostics: Diagnostics
) -> tuple[str | None, dict[str, CtaBlock]]:
    if value is None:
        return None, {}
    line = located.line("cta")
    if not isinstance(value, dict):
        diagnostics.error(CONFIG_PATH, line, "'cta' must be a mapping with 'default' and 'blocks'")
        return None, {}
    misspelt: set[str | None] = set()  # what unknown keys seem meant for is not also missing
    for key in value:
        if key not in CTA_SETTINGS:
            misspelt.add(meant := meant_by(str(key), CTA_SETTINGS))
            message = f"unknown cta setting '{clipped(str(key))}'{suggesting(meant)}"
            diagnostics.error(CONFIG_PATH, located.line("cta", key), message)
    blocks: dict[str, CtaBlock] = {}
    raw_blocks = value.get("blocks") or {}
    if not raw_blocks and value.get("default") is None and not misspelt:
        diagnostics.warning(CONFIG_PATH, located.line("cta", "blocks"), NO_CTA_BLOCKS)
    if not isinstance(raw_blocks, dict):
        diagnostics.error(CONFIG_PATH, located.line("cta", "blocks"), "'cta.blocks' must be a mapping")
        raw_blocks = {}
    for name, raw in raw_blocks.items():
        line_of = functools.partial(located.line, "cta", "blocks", name)
        block = cta_block(raw, CONFIG_PATH, line_of, diagnostics)
        if block is not None:
            blocks[str(name)] = block
    default = value.get("default")
    if default is not None and not isinstance(default, str):
        diagnostics.error(CONFIG_PATH, located.line("cta", "default"), "'cta.default' must be a block name")
        default = None
    blocks_misspelt = "blocks" in misspelt and "blocks" not in value
    if default is not None and default not in raw_blocks and not blocks_misspelt:
        diagnostics.error(
            CONFIG_PATH,
            located.line("cta", "default"),
            f"cta.default names unknown block '{default}'{did_you_mean(default, raw_blocks)}",
        )
    return default, blocks


def cta_block(raw: Any, path: str, line_of: Callable[..., int], diagnostics: Diagnostics) -> CtaBlock | None:
    """Validate one call-to-action block; site.yml and a term's inline `cta:` share the shape.

    `line_of(key)` is the line of one of the block's keys, or of the block when the key is not
    there, so each problem is reported where the editor has to change something.
    """
    if not isinstance(raw, dict):
        diagnostics.error(path, line_of(), f"a cta block needs the keys {', '.join(CTA_KEYS)}")
        return None
    ok = True
    misspelt: set[str | None] = set()  # what unknown keys seem meant for is not also missing
    for key in raw:
        if key not in CTA_KEYS:
            misspelt.add(meant := meant_by(str(key), CTA_KEYS))
            diagnostics.error(
                path, line_of(key), f"unknown cta block key '{clipped(str(key))}'{suggesting(meant)}"
            )
            ok = False
    for key in CTA_KEYS:
        if key not in raw and key in misspelt:
            continue
        if isinstance(raw.get(key), list | dict):
            message = (
                f"'{key}' of a cta block must be text, not {kind(raw[key])}; put the whole value in quotes"
            )
            diagnostics.error(path, line_of(key), message)
            ok = False
        elif not isinstance(raw.get(key), str) or not raw[key].strip():
            diagnostics.error(path, line_of(key), f"cta block is missing text for '{key}'")
            ok = False
    url = raw.get("url")
    if isinstance(url, str) and url.strip():
        ok = _check_cta_url(url.strip(), path, line_of("url"), diagnostics) and ok
    if not ok:
        return None
    return CtaBlock(**{key: raw[key].strip() for key in CTA_KEYS})


def _check_cta_url(url: str, path: str, line: int, diagnostics: Diagnostics) -> bool:
    problem = link_url_problem(url)
    if problem is not None:
        diagnostics.error(path, line, f"cta url '{url}' {problem}")
    return problem is None
