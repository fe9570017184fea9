"""The spine: load → validate → graph → render → write. Orchestrates; each stage lives elsewhere.

Everything is gathered and checked before anything is written, so `check` is exactly
`build` without the final write, and a failed build leaves the previous site as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from glossary_site import config as site_config
from glossary_site import content, graph, markup, output
from glossary_site.diagnostics import Diagnostics
from glossary_site.model import Body, Glossary, OutputFile
from glossary_site.render import THEME, Renderer, TemplateProblem


@dataclass(frozen=True)
class BuildOptions:
    root: Path
    out: Path
    strict: bool = False
    drafts: bool = False
    base_url: str | None = None


@dataclass
class BuildResult:
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    files_written: int = 0
    refused: str | None = None

    def ok(self, strict: bool) -> bool:
        return self.refused is None and not self.diagnostics.failed(strict)


@dataclass(frozen=True)
class Loaded:
    renderer: Renderer
    static: dict[str, Path]


def load(options: BuildOptions, diagnostics: Diagnostics) -> Loaded | None:
    """Every validating stage, over everything that loaded; None when there are errors."""
    config = site_config.load(options.root, diagnostics, options.base_url)
    sources = content.load_terms(options.root, diagnostics)
    if config is None:
        return None
    glossary: Glossary = graph.build_glossary(sources, config, diagnostics, options.drafts)
    bodies: dict[str, Body] = markup.render_bodies(glossary, diagnostics)
    glossary = graph.add_backlinks(glossary, bodies, diagnostics)
    if diagnostics.failed(options.strict):
        return None
    static = output.static_files([THEME / "static", options.root / "static"])
    return Loaded(Renderer(config, glossary, bodies), static)


def check(options: BuildOptions) -> BuildResult:
    """Build without writing: renders every page too, so template errors are caught."""
    result = BuildResult()
    loaded = load(options, result.diagnostics)
    if loaded is not None:
        _drain(_guarded(loaded.renderer.pages(), result))
    return result


def build(options: BuildOptions) -> BuildResult:
    result = BuildResult()
    try:
        output.check_target(options.root, options.out)
    except output.OutputRefused as refusal:
        result.refused = str(refusal)
        return result
    loaded = load(options, result.diagnostics)
    if loaded is None:
        return result
    try:
        result.files_written = output.publish(
            _guarded(loaded.renderer.pages(), result), loaded.static, options.out
        )
    except _RenderFailed:
        pass
    except output.DuplicateOutput as clash:
        source = loaded.static.get(clash.path)
        where = source.relative_to(options.root).as_posix() if source else clash.path
        result.diagnostics.error(where, 1, f"{clash.path} would be written twice; rename the static file")
    except output.OutputRefused as refusal:
        result.refused = str(refusal)
    return result


class _RenderFailed(Exception):
    pass


def _guarded(pages: Iterator[OutputFile], result: BuildResult) -> Iterator[OutputFile]:
    """Turn a template failure into a diagnostic and stop; publish then discards its staging."""
    try:
        yield from pages
    except TemplateProblem as problem:
        result.diagnostics.add(problem.diagnostic)
        raise _RenderFailed from None


def _drain(pages: Iterator[OutputFile]) -> None:
    try:
        for _ in pages:
            pass
    except _RenderFailed:
        pass
