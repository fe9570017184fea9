"""Would another Markdown engine make builds faster? Each engine converts the same term bodies.

The bodies are the generated corpus's (bench/make_corpus.py), with each wiki-link written as
an ordinary Markdown link so that every engine reads the same text, and every engine
highlights code with Pygments as ours does. Engines:

- `ours`: the engine a build uses (`markup.Converter`: Python-Markdown with the stages of
  `quick_markdown.py`), wiki-links and sanitising left out;
- `python-markdown`: the same extensions with Python-Markdown's and Pygments' stock code;
- `markdown-it-py` and `mistune`, when installed (`pip install -r bench/requirements.txt`):
  their CommonMark and table rules, which differ from Python-Markdown's in places, so their
  HTML is not the same; only their speed is compared;
- `cmark-gfm` (cmarkgfm, GitHub's C engine) and `pulldown-cmark` (pyromark, a Rust one), with
  tables and footnotes, also when installed: compiled engines, to show what converting would
  cost if the site's Markdown were CommonMark. Their code blocks are highlighted with Pygments
  after conversion, as they have no hook for it.

It prints CPU milliseconds per body, the least of `--rounds` rounds in which the engines take
turns (this machine's speed drifts; the least is the steadiest figure), and each engine's time
against ours.

    python bench/engines.py [--terms 2000] [--rounds 5] [--work /dev/shm/glossary-bench]
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import re
import time
from collections.abc import Callable
from pathlib import Path

from options import at_least
from serve_latency import corpus

WIKI_LINK = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")
CODE_BLOCK = re.compile(r'<pre><code(?: class="language-([^"]*)")?>(.*?)</code></pre>', re.DOTALL)


def bodies(site: Path) -> list[str]:
    texts = []
    for path in sorted((site / "content/terms").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        texts.append(WIKI_LINK.sub(lambda m: f"[{m.group(2) or m.group(1)}]({m.group(1)}/)", body))
    return texts


def highlighted(code: str, language: str) -> str:
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import get_lexer_by_name

    return str(highlight(code, get_lexer_by_name(language or "text"), HtmlFormatter(cssclass="highlight")))


def highlighting_after(convert: Callable[[str], str]) -> Callable[[str], str]:
    def converted(text: str) -> str:
        return CODE_BLOCK.sub(
            lambda block: highlighted(html.unescape(block.group(2)), block.group(1) or ""), convert(text)
        )

    return converted


def engines() -> dict[str, Callable[[str], str] | None]:
    from glossary_site import markup

    def python_markdown(fast: bool) -> Callable[[str], str]:
        md = markup.Converter(fast=fast).md
        return lambda text: md.reset().convert(text)

    found: dict[str, Callable[[str], str] | None] = {
        "ours": python_markdown(True),
        "python-markdown": python_markdown(False),
        "markdown-it-py": None,
        "mistune": None,
        "cmark-gfm": None,
        "pulldown-cmark": None,
    }
    if importlib.util.find_spec("markdown_it"):
        from markdown_it import MarkdownIt

        found["markdown-it-py"] = (
            MarkdownIt("commonmark", {"highlight": lambda code, lang, _: highlighted(code, lang)})
            .enable("table")
            .render
        )
    if importlib.util.find_spec("mistune"):
        import mistune

        class Highlighting(mistune.HTMLRenderer):
            def block_code(self, code: str, info: str | None = None) -> str:
                return highlighted(code, (info or "").split(" ")[0])

        convert = mistune.create_markdown(renderer=Highlighting(), plugins=["table"])
        found["mistune"] = lambda text: str(convert(text))
    if importlib.util.find_spec("cmarkgfm"):
        import cmarkgfm
        from cmarkgfm.cmark import Options

        options = Options.CMARK_OPT_FOOTNOTES | Options.CMARK_OPT_UNSAFE
        found["cmark-gfm"] = highlighting_after(
            lambda text: cmarkgfm.markdown_to_html_with_extensions(text, options, extensions=["table"])
        )
    if importlib.util.find_spec("pyromark"):
        import pyromark

        flags = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_FOOTNOTES
        found["pulldown-cmark"] = highlighting_after(lambda text: pyromark.html(text, options=flags))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--terms", type=at_least(2), default=2000)
    parser.add_argument("--rounds", type=at_least(1), default=5)
    parser.add_argument("--work", type=Path, default=Path("/dev/shm/glossary-bench"))
    args = parser.parse_args()
    texts = bodies(corpus(args.work, args.terms))
    found = engines()
    for name, convert in found.items():
        if convert is None:
            print(f"{name:16} not installed")
        else:
            for text in texts[:20]:  # first use compiles lexers and patterns
                convert(text)
    running = {name: convert for name, convert in found.items() if convert is not None}
    best = dict.fromkeys(running, float("inf"))
    for _ in range(args.rounds):  # engines take turns, so the machine's drift hits all alike
        for name, convert in running.items():
            started = time.process_time()
            for text in texts:
                convert(text)
            best[name] = min(best[name], time.process_time() - started)
    for name, seconds in best.items():
        each = 1000 * seconds / len(texts)
        print(f"{name:16} {each:6.3f} ms per body   {seconds / best['ours']:5.2f}× ours")
    print(f"({len(texts):,} bodies of the {args.terms:,}-term corpus; least of {args.rounds} rounds)")


if __name__ == "__main__":
    main()
