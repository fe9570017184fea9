"""Emoji shortcodes (`:tada:`, `:+1:`), shown as the emoji, as GitHub, Hugo (`enableEmoji`) and
MkDocs Material (`pymdownx.emoji`) show them.

Python-Markdown shows them as written. `EmojiShortcodes` puts the emoji in place of each name
the `emoji` package knows (GitHub's names among them); any other, such as MkDocs Material's
icons (`:material-github:`), stays as written, and foreign_markdown warns of it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.inlinepatterns import InlineProcessor

#: A shortcode as GitHub writes one, not inside a word, a time (10:30:00) or an address.
SHORTCODE_RE = re.compile(r"(?<![\w:/]):([a-z0-9_+-]*[a-z][a-z0-9_+-]*|[+-]1):(?![\w:/])")


def emoji_of(name: str) -> str | None:
    """The emoji a shortcode's name stands for, or None."""
    import emoji  # here, not above: it takes 20 ms to import, and few pages have a shortcode

    code = f":{name}:"
    found = emoji.emojize(code, language="alias")
    return None if found == code else found


def unknown_message(name: str) -> str:
    return (
        f"':{name}:' is no emoji's shortcode, so it is shown as written; write the emoji itself "
        "(or its shortcode, such as :tada:), or leave it out"
    )


class EmojiShortcodes(InlineProcessor):
    """A known shortcode's emoji, as text; any other match is left as it is."""

    def handleMatch(  # type: ignore[override]  # the stub's return type has no str
        self, m: re.Match[str], data: str
    ) -> tuple[str | etree.Element | None, int | None, int | None]:
        found = emoji_of(m.group(1))
        return (found, m.start(0), m.end(0)) if found else (None, None, None)


class EmojiShortcodesExtension(markdown.Extension):
    """After code spans, links and HTML are set aside (inside them a shortcode is left alone),
    before emphasis, whose underscores a name such as :white_check_mark: holds."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.inlinePatterns.register(EmojiShortcodes(SHORTCODE_RE.pattern, md), "glossary-emoji", 65)
