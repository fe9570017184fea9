"""The command line: parse arguments, run a pipeline step, print diagnostics, set the exit code.

Longer than most modules: one parser for five commands with their help texts, and a small
runner for each; splitting the parser from the runners would put every command in two files.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from glossary_site import (
    __version__,
    closed_pipes,
    collector,
    interrupts,
    link_graph,
    output,
    pipeline,
    scaffold,
)
from glossary_site.config import CONFIG_PATH
from glossary_site.diagnostics import Diagnostics, Severity, as_json, github_annotation, printable
from glossary_site.url_checks import base_url_problem
from glossary_site.workers import default_jobs

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

DESCRIPTION = """\
Build a cross-linked glossary website from one Markdown file per term.

A site folder holds content/site.yml, content/terms/*.md, and optionally templates/
and static/ to override the built-in theme. Start one with `glossary init`. The other
commands work on the site folder they are run in, or the nearest folder above it that
holds content/site.yml (or the one --source names). Problems are printed as
path:line: message."""

EPILOG = """\
examples:
  glossary init mysite                  start a new glossary in the folder mysite
  glossary new "Large Language Model"   write content/terms/large-language-model.md
  glossary check --strict               validate everything; for CI
  glossary build                        write the site to _site/
  glossary serve                        preview on http://127.0.0.1:8000/ with live reload

exit status: 0 success, 1 content errors or a failed search indexing, 2 wrong usage,
  130 stopped with Ctrl-C or SIGTERM (serve exits 0)"""


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="glossary",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"glossary-site {__version__}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def common(cmd: argparse.ArgumentParser) -> None:
        cmd.add_argument(
            "--source",
            type=path,
            default=None,
            metavar="DIR",
            help="the site folder holding content/site.yml "
            "(default: the current folder or the nearest one above it that holds it)",
        )

    def content_flags(
        cmd: argparse.ArgumentParser, quiet: str = "print only problems and notes"
    ) -> argparse._MutuallyExclusiveGroup:
        cmd.add_argument("--strict", action="store_true", help="treat warnings as errors")
        cmd.add_argument("--drafts", action="store_true", help="include terms marked draft: true")
        cmd.add_argument(
            "-j",
            "--jobs",
            type=positive,
            default=default_jobs(),
            metavar="N",
            help=f"worker processes (default: all cores, here {default_jobs()})",
        )
        loudness = cmd.add_mutually_exclusive_group()
        loudness.add_argument("-q", "--quiet", action="store_true", help=quiet)
        return loudness

    build = commands.add_parser(
        "build",
        help="build the site into _site/",
        description="Validate all content and write the site. "
        "The previous output is replaced only if the build succeeds.",
    )
    common(build)
    content_flags(build).add_argument(
        "-v", "--verbose", action="store_true", help="also print how long each stage took"
    )
    build.add_argument(
        "--out",
        type=path,
        default=None,
        metavar="DIR",
        help="output folder (default: _site in the site folder)",
    )
    base_url_option(build)
    build.add_argument(
        "--no-cache", action="store_true", help="ignore and do not update the build cache; render every page"
    )
    cache_dir(build, "where to keep the build cache")
    build.add_argument(
        "--no-search", action="store_true", help="skip the search index (quicker local builds)"
    )

    check = commands.add_parser(
        "check",
        help="validate all content without writing the site",
        description="Run every check a build runs, without writing the site or the build cache; "
        "--graph writes its FILE (or, given -, prints the graph) and nothing else.",
    )
    common(check)
    content_flags(check)
    check.add_argument(
        "--no-cache", action="store_true", help="convert every term file, ignoring the build cache"
    )
    cache_dir(check, "the build cache to read terms converted earlier from; check never writes it")
    base_url_option(check)
    check.add_argument(
        "--format",
        choices=("text", "github", "json"),
        default="text",
        help="text: path:line: message (default); github: Actions annotations; json: a report",
    )
    check.add_argument(
        "--graph",
        type=graph_file,
        metavar="FILE",
        help="also write the term graph to FILE: GraphML if it ends in .graphml (Gephi), else JSON "
        "(networkx node-link); - prints the JSON, and the check's own lines go to standard error",
    )

    init = commands.add_parser(
        "init",
        help="start a new glossary: settings, three example terms, CI workflow",
        description="Write a ready site into DIR (created if needed). Never overwrites: a folder "
        "that already holds a site, or any of the files, is refused and left as it was, and so "
        "is one inside another site's content/, templates/, static/, _site/ or .glossary-cache/.",
    )
    init.add_argument("folder", nargs="?", type=path, default=Path("."), metavar="DIR", help="default: .")
    init.add_argument(
        "--title", type=words, default="My Glossary", help='the site\'s title (default: "My Glossary")'
    )

    new = commands.add_parser(
        "new",
        help="write a new term file with every field stubbed",
        description="Create content/terms/<slug>.md; never overwrites.",
    )
    common(new)
    new.add_argument("--category", type=words, default=None, metavar="C", help="the term's category")
    new.add_argument(
        "--related",
        type=words,
        action="append",
        default=[],
        metavar="TERM",
        help="a related term (slug, title or alias); repeat for more",
    )
    new.add_argument(
        "--alias",
        type=words,
        action="append",
        default=[],
        metavar="NAME",
        help="another name for the term; repeat for more",
    )
    new.add_argument(
        "--slug",
        type=words,
        default=None,
        metavar="SLUG",
        help="the file name (and page address) without .md, e.g. glossary; default: made from the title",
    )
    new.add_argument(
        "title", type=words, metavar="TITLE", help='the term\'s title, e.g. "Large Language Model"'
    )

    serve = commands.add_parser(
        "serve",
        help="preview with live reload",
        description="Build, serve on localhost and rebuild on every save.",
    )
    common(serve)
    content_flags(serve, quiet="print only problems, the address and when they are fixed")
    serve.add_argument(
        "-p", "--port", type=whole_number, default=8000, help="port to serve on (default: 8000)"
    )
    serve.add_argument(
        "--host",
        type=words,
        default="127.0.0.1",
        metavar="ADDR",
        help="address to bind (default: 127.0.0.1, this computer only; 0.0.0.0 opens it to your network)",
    )
    for command in commands.choices.values():
        command.set_defaults(usage_of=command)
    return top


def words(text: str) -> str:
    """Python takes an argument's bytes that are not UTF-8 (a Latin-1 terminal's 'é') as
    stand-ins no file, page or address can hold; a path may keep them, a text may not."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(
            f"{text!r} holds bytes that are not UTF-8 text; set the terminal to UTF-8 and type it again"
        ) from None
    return text


def base_url(text: str) -> str:
    problem = base_url_problem(words(text))
    if problem is not None:
        raise argparse.ArgumentTypeError(f"{text!r} {problem}")
    return text


def path(text: str) -> Path:
    """Path("") is the current folder: an empty argument, as an unset shell variable gives,
    must not quietly mean it (`glossary init ""` wrote a site there)."""
    if not text:
        raise argparse.ArgumentTypeError("must not be empty; give a path")
    return Path(text)


#: `check --graph -`: the graph on standard output, as `-` means to most commands.
STDOUT = "-"


def graph_file(text: str) -> Path | str:
    """The literal `-` is standard output; `./-` still names a file called that. A name ending
    in '/' is a folder's, as to the shell (Path drops the '/')."""
    if text.endswith(("/", os.sep)) and text != STDOUT:
        raise argparse.ArgumentTypeError(f"{text!r} names a folder; name a file")
    return STDOUT if text == STDOUT else path(text)


def whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None


def positive(text: str) -> int:
    value = whole_number(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """argparse reports an option it does not know after a command with the top-level usage,
    which lists no option of that command; the command's own usage says which ones there are."""
    words = list(sys.argv[1:] if argv is None else argv)
    top = parser()
    moved = options_moved(words, top)
    if moved is not None:
        print(f"glossary: options go after the command: {moved}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)
    args, unknown = top.parse_known_args(words)
    if unknown:
        args.usage_of.error(f"unrecognized arguments: {' '.join(unknown)}")
    return args


def options_moved(words: list[str], top: argparse.ArgumentParser) -> str | None:
    """The line to type for options put before the command, as git takes some (`glossary -q
    build`, `glossary --source . build`): here they are the command's. Without it, a value
    before the command was read as the command ("invalid choice: '.'")."""
    if not words or not words[0].startswith("-") or words[0] in ("-h", "--help", "--version"):
        return None
    commands = next(a.choices for a in top._actions if isinstance(a, argparse._SubParsersAction))
    at = next((i for i, word in enumerate(words) if word in commands), None)
    if at is None:
        return None
    return shlex.join(["glossary", words[at], *words[:at], *words[at + 1 :]])


def run(argv: Sequence[str] | None = None) -> NoReturn:
    """The `glossary` command: `main`, then an exit that leaves freeing memory to the system.

    Python frees a build's objects one by one, hundreds of thousands of them, after every file
    is written and closed: when the last reference to the build's result goes (0.09 s at 10,000
    terms) and at its own exit (0.05 s), for nothing. So the result is kept to the end.
    """
    kept: list[object] = []
    closed_pipes.tolerate()
    code = main(argv, kept.append)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except KeyboardInterrupt:  # Ctrl-C as the run ends
        code = EXIT_INTERRUPTED
    os._exit(code)


def main(argv: Sequence[str] | None = None, keep: Callable[[object], None] = lambda _: None) -> int:
    """`keep` is handed what a build leaves, for a caller that exits without freeing it."""
    args = parse(argv)
    try:
        os.getcwd()
    except FileNotFoundError:  # every command reads paths from here, the site's own included
        print(
            "glossary: the current folder no longer exists (it was removed or replaced, e.g. by a "
            "build of the site it was in); cd to the site again",
            file=sys.stderr,
        )
        return EXIT_USAGE
    collector.tune_for_building()
    try:
        with interrupts.stopping_once():
            return _run_command(args, keep)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def _run_command(args: argparse.Namespace, keep: Callable[[object], None]) -> int:
    if args.command == "init":
        return run_init(args)
    if args.source is not None and args.source.exists() and not args.source.is_dir():
        print(
            f"glossary: --source {printable(args.source)} is a file; "
            f"give the site folder (holding {CONFIG_PATH})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    root = site_root(args.source)
    if root is None:
        where = args.source or Path.cwd()
        looked = [where] if args.source else [where, *where.parents]
        if any((folder / CONFIG_PATH).with_suffix(".yaml").is_file() for folder in looked):
            print(
                f"glossary: the site settings are read from {CONFIG_PATH}; rename site.yaml to site.yml",
                file=sys.stderr,
            )
            return EXIT_USAGE
        print(
            f"glossary: no {CONFIG_PATH} in {printable(where)}"
            f"{'' if args.source else ' or a folder above it'}; "
            "run `glossary init` to start a glossary, or pass --source DIR",
            file=sys.stderr,
        )
        return EXIT_USAGE
    args.source = root
    if args.command == "build":
        return run_build(args, keep)
    if args.command == "check":
        return run_check(args)
    if args.command == "new":
        return run_new(args)
    return run_serve(args)


def site_root(source: Path | None) -> Path | None:
    """The site folder: the one named, else the nearest holding content/site.yml, as git finds .git."""
    if source is not None:
        return source if os.path.lexists(source / CONFIG_PATH) else None
    here = Path.cwd()
    for folder in (here, *here.parents):
        if os.path.lexists(folder / CONFIG_PATH):  # a link to nothing too: the build says so
            return folder if folder != here else Path(".")
    return None


def source_option(root: Path) -> str:
    """` --source DIR` for a command suggested to be run from here, quoted so that the line can
    be pasted as it is; empty when the command would find the site from here anyway."""
    found_here = site_root(None)
    if found_here is not None and found_here.resolve() == Path(root).resolve():
        return ""
    return f" --source {shlex.quote(Path(root).as_posix())}"


def cache_dir(command: argparse.ArgumentParser, what: str) -> None:
    command.add_argument(
        "--cache-dir",
        type=path,
        default=None,
        metavar="DIR",
        help=f"{what} (default: .glossary-cache in the site folder)",
    )


def base_url_option(command: argparse.ArgumentParser) -> None:
    """One definition for build and check, so that CI's check judges links written as full
    addresses against the same base URL as its deploy build."""
    command.add_argument(
        "--base-url",
        type=base_url,
        default=None,
        metavar="URL",
        help="override base_url from site.yml, e.g. for a preview deployment",
    )


def options_from(args: argparse.Namespace) -> pipeline.BuildOptions:
    root = args.source
    out = getattr(args, "out", None) or root / "_site"
    return pipeline.BuildOptions(
        root=root,
        out=out,
        strict=args.strict,
        drafts=args.drafts,
        base_url=getattr(args, "base_url", None),
        jobs=args.jobs,
        cache_dir=getattr(args, "cache_dir", None),
        use_cache=not getattr(args, "no_cache", False),
        search=not getattr(args, "no_search", False),
        source_option=source_option(root),
        deploying=args.command == "build",
        progress=show_stage if draws_progress() and not args.quiet else None,
    )


def draws_progress() -> bool:
    """A terminal that can redraw a line: TERM=dumb (Emacs' shell, some CI logs) cannot, and
    would show the codes that clear it."""
    return sys.stderr.isatty() and os.environ.get("TERM") != "dumb"


def show_stage(stage: str) -> None:
    """On a terminal, show which stage a long build is in; the line is overwritten."""
    print(f"\r\033[K{stage}…", end="", file=sys.stderr, flush=True)


def report(diagnostics: Diagnostics) -> None:
    for diagnostic in diagnostics.errors_first():
        print(diagnostic, file=sys.stderr)


def summary(diagnostics: Diagnostics) -> str:
    """Counts what is printed: the same problem found twice is one line and one count."""
    shown = diagnostics.sorted()
    errors = sum(d.severity is Severity.ERROR for d in shown)
    return f"{errors} error(s), {len(shown) - errors} warning(s)"


def run_build(args: argparse.Namespace, keep: Callable[[object], None] = lambda _: None) -> int:
    options = options_from(args)
    started = time.perf_counter()
    result = pipeline.build(options)
    keep(result)
    if options.progress is not None:
        print("\r\033[K", end="", file=sys.stderr, flush=True)
    report(result.diagnostics)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    if result.refused:
        print(f"glossary: {printable(result.refused)}", file=sys.stderr)
        return EXIT_USAGE
    seconds = time.perf_counter() - started
    if not result.ok(options.strict):
        kept = "left unchanged" if os.path.lexists(options.out) else "not written"
        print(
            f"Build failed: {summary(result.diagnostics)}; {printable(options.out)} {kept}.", file=sys.stderr
        )
        return EXIT_CONTENT
    if args.verbose and result.timings:
        print("  ".join(f"{stage} {seconds:.2f} s" for stage, seconds in result.timings.items()))
        print("term files converted earlier, from the cache: {} of {}".format(*result.from_cache))
    if not args.quiet:
        print(
            f"Built {printable(options.out)}: {result.written} written, {result.reused} unchanged, "
            f"{result.deleted} removed{' and the search index' if result.index_removed else ''}; "
            f"{summary(result.diagnostics)}; {seconds:.2f} s."
        )
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    options = options_from(args)
    if args.graph == STDOUT and args.format != "text":
        print(
            f"glossary: --graph - prints the graph where --format {args.format} prints its report; "
            "give --graph a file name",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if isinstance(args.graph, Path):
        try:
            caches = (pipeline.cache_folder(options), options.root / pipeline.CACHE_DIR)
            output.check_export(options.root, args.graph, caches)
        except output.OutputRefused as refusal:
            print(f"glossary: --graph {printable(refusal)}", file=sys.stderr)
            return EXIT_USAGE
    result = pipeline.check(options)
    for note in result.notes:  # such as a restored cache discarded: a slower check says why
        print(f"note: {note}", file=sys.stderr)
    if result.refused:
        print(f"glossary: {printable(result.refused)}", file=sys.stderr)
        return EXIT_USAGE
    unwritten = write_graph(args.graph, result) if args.graph is not None else None
    code = show_check(args, result, options.strict)
    if unwritten:
        print(f"glossary: cannot write {printable(args.graph)}: {unwritten}", file=sys.stderr)
        return EXIT_USAGE
    return code


def write_graph(path: Path | str, result: pipeline.BuildResult) -> str | None:
    """Why the graph could not be written, if it could not: said after the check's problems,
    which a failure the refusal before the check could not foresee (a full disk) must not hide."""
    if result.graph is None:
        return None
    if path == STDOUT:
        sys.stdout.write(link_graph.export(*result.graph, graphml=False))
        return None
    assert isinstance(path, Path)
    try:
        path.write_text(link_graph.export(*result.graph, path.suffix.lower() == ".graphml"), "utf-8")
    except OSError as exc:
        return str(exc.strerror or exc)
    return None


def show_check(args: argparse.Namespace, result: pipeline.BuildResult, strict: bool) -> int:
    ok = result.ok(strict)
    shape = link_graph.summary(*result.graph) if result.graph else None
    if args.format == "json":
        print(as_json(result.diagnostics, ok, {"graph": shape} if shape else {}))
        return EXIT_OK if ok else EXIT_CONTENT
    if args.format == "github":
        for diagnostic in result.diagnostics.errors_first():
            print(github_annotation(diagnostic))
    else:
        report(result.diagnostics)
    said = sys.stderr if args.graph == STDOUT else sys.stdout  # keeps a printed graph whole
    if not ok:
        print(f"Check failed: {summary(result.diagnostics)}.", file=sys.stderr)
        return EXIT_CONTENT
    if not args.quiet:
        if shape is not None:
            print(printable(link_graph.summary_line(shape)), file=said)
        if result.from_cache[0]:
            message = "Term files converted earlier, from the build cache: {} of {}"
            print(message.format(*result.from_cache), file=said)
        print(f"Check passed: {summary(result.diagnostics)}.", file=said)
    return EXIT_OK


def run_init(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    try:
        written = scaffold.init_site(folder, args.title)
    except scaffold.ScaffoldRefused as refusal:
        print(f"glossary: {printable(refusal)}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # a name too long, a folder that cannot be examined
        print(
            f"glossary: cannot use {printable(folder)}: {exc.strerror or exc}; nothing was changed",
            file=sys.stderr,
        )
        return EXIT_USAGE
    for path in written:
        print(f"  wrote {(folder / path).as_posix()}")
    here = folder == Path(".")
    # Quoted as a shell needs it, so the line can be pasted as it is ("cd 'my site'").
    steps = [] if here else [f"cd {shlex.quote(folder.as_posix())}"]
    steps += [
        "glossary serve      # preview with live reload",
        "glossary build      # write the site to _site/",
    ]
    where = "this folder" if here else folder.as_posix()
    print(f"A new glossary is ready in {where}. Next:\n" + "\n".join(f"  {s}" for s in steps))
    print(f"Before you push: {scaffold.REQUIREMENTS} says which glossary-site CI installs; check it.")
    return EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    try:
        path = scaffold.new_term(
            args.source,
            args.title,
            category=args.category,
            related=args.related,
            aliases=args.alias,
            slug=args.slug,
        )
    except scaffold.ScaffoldRefused as refusal:
        print(f"glossary: {printable(refusal)}", file=sys.stderr)
        return EXIT_USAGE
    option = source_option(args.source)
    # under the --source given: relative to here, it can climb to /
    shown = path.as_posix() if option else os.path.relpath(path)
    print(f"Wrote {printable(shown)}; replace the TODO text, then run: glossary check{option}")
    note = None if args.slug else scaffold.slug_note(args.title, path.stem)
    if note:
        print(f"note: {note}", file=sys.stderr)
    return EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    from glossary_site import server

    try:
        server.serve(options_from(args), host=args.host, port=args.port, report=report, quiet=args.quiet)
    except server.AddressUnusable as problem:
        print(f"glossary: {printable(problem)}", file=sys.stderr)
        return EXIT_USAGE
    except server.Unwatched as problem:
        print(f"glossary serve: {printable(problem)}", file=sys.stderr)
        return EXIT_CONTENT
    return EXIT_OK
