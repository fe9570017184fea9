"""What the file system can do to content/, static/ and templates/: each fault is a
path:line: message, exit 1, the previous site kept, and never a traceback; a named pipe is
never opened. And to the output and cache folders: nothing is written or deleted outside them."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from support import copy_site, run_glossary, tree_digest, write_files

TERM = "---\ntitle: Extra\nsummary: One more.\ndefinition: Extra text.\nrelated: [tensor, GPU]\n---\n"
UNREADABLE = (
    "folder cannot be read (permission denied), so its terms would be missing; "
    "make it readable (chmod u+rx) or move it out of content/terms"
)
NOT_READ = "a term file must be a plain text file, so it is not read"
#: The warning for any other file in content/, which the site would be without unexplained.
UNCOPIED = (
    "warning: not read or copied: of content/, only site.yml and the '.md' files in content/terms/ "
    "and content/tools/ are read; files for the site go in static/ (e.g. static/terms/<slug>/, where "
    "a term page's relative links find them)"
)


def reported(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The path:line: lines, warnings included, without the closing summary or cache notes."""
    ends = ("Build failed", "Check failed", "note: ")
    return [line for line in result.stderr.splitlines() if not line.startswith(ends)]


def without_privileges() -> list[str]:
    """A command prefix under which permission bits hold even for root, as tests run in CI.

    Root passes chmod 000 through the capabilities that override file permissions; the child
    runs without them (still as root, so it can reach the interpreter under /root and write
    its output). Anyone else is bound by the bits already.
    """
    if os.geteuid() != 0:
        return []
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}"]


def run_without_privileges(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    command = [*without_privileges(), sys.executable, "-m", "glossary_site", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


def built_site(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    site = copy_site("minimal", tmp_path)
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    return site, tree_digest(site / "_site")


def assert_both_commands_report(
    site: Path, before: dict[str, str], expected: Sequence[str], unprivileged: bool = False
) -> None:
    """`check` and `build` report exactly `expected`, fail, and leave the built site as it was.

    Unprivileged builds skip the cache here; the cached case has its own test below.
    """
    run = run_without_privileges if unprivileged else run_glossary
    build = ("build", "--no-cache") if unprivileged else ("build",)
    for command in (("check",), build):
        result = run(*command, cwd=site)
        assert "Traceback" not in result.stderr
        assert reported(result) == list(expected), command[0]
        assert result.returncode == 1, command[0]
    assert tree_digest(site / "_site") == before


@pytest.fixture()
def locked(tmp_path: Path) -> Iterator[list[Path]]:
    """Paths a test makes unreadable; made readable again so the tmp folder can be removed."""
    paths: list[Path] = []
    yield paths
    for path in paths:
        path.chmod(0o755)


def test_symbolic_link_loops_are_reported_and_never_followed(tmp_path: Path) -> None:
    site, before = built_site(tmp_path)
    terms = site / "content/terms"
    (terms / "itself.md").symlink_to("itself.md")
    (terms / "ping.md").symlink_to("pong.md")
    (terms / "pong.md").symlink_to("ping.md")
    (terms / "left").symlink_to("right", target_is_directory=True)
    (terms / "right").symlink_to("left", target_is_directory=True)
    (terms / "maths").mkdir()
    (terms / "tensor.md").rename(terms / "maths/tensor.md")
    (terms / "maths/all").symlink_to("..", target_is_directory=True)

    assert_both_commands_report(
        site,
        before,
        [
            "content/terms/itself.md:1: symbolic link is broken or loops; fix or remove it (it is not read)",
            "content/terms/left:1: symbolic link is broken or loops; fix or remove it (it is not read)",
            "content/terms/ping.md:1: symbolic link is broken or loops; fix or remove it (it is not read)",
            "content/terms/pong.md:1: symbolic link is broken or loops; fix or remove it (it is not read)",
            "content/terms/right:1: symbolic link is broken or loops; fix or remove it (it is not read)",
            "content/terms/maths/all:1: warning: linked folders are not followed; move the files here",
        ],
    )


def test_link_to_a_name_longer_than_the_file_system_allows_is_reported(tmp_path: Path) -> None:
    site, before = built_site(tmp_path)
    (site / "content/terms/long.md").symlink_to("n" * 300 + ".md")

    assert_both_commands_report(
        site,
        before,
        [
            "content/terms/long.md:1: symbolic link cannot be followed (File name too long); "
            "fix or remove it (it is not read)"
        ],
    )


def test_folder_that_cannot_be_listed_is_an_error_even_for_root(tmp_path: Path, locked: list[Path]) -> None:
    site, before = built_site(tmp_path)
    write_files(site, {"content/terms/private/extra.md": TERM})
    (site / "content/terms/private").chmod(0)
    locked.append(site / "content/terms/private")

    assert_both_commands_report(site, before, [f"content/terms/private:1: {UNREADABLE}"], unprivileged=True)


def test_cached_build_does_not_replay_past_a_folder_that_cannot_be_listed(
    tmp_path: Path, locked: list[Path]
) -> None:
    site, _ = built_site(tmp_path)
    write_files(site, {"content/terms/private/extra.md": TERM})
    (site / "content/terms/private").chmod(0)
    locked.append(site / "content/terms/private")

    result = run_without_privileges("build", cwd=site)

    assert reported(result) == [f"content/terms/private:1: {UNREADABLE}"]


def test_a_terms_folder_that_cannot_be_read_is_an_error_and_not_also_empty(
    tmp_path: Path, locked: list[Path]
) -> None:
    """Was: besides the error, a warning that there were no term files yet."""
    site, before = built_site(tmp_path)
    (site / "content/terms").chmod(0)
    locked.append(site / "content/terms")

    assert_both_commands_report(site, before, [f"content/terms:1: {UNREADABLE}"], unprivileged=True)


def test_site_settings_that_cannot_be_read_are_an_error_even_for_root(
    tmp_path: Path, locked: list[Path]
) -> None:
    site, before = built_site(tmp_path)
    (site / "content/site.yml").chmod(0)
    locked.append(site / "content/site.yml")

    assert_both_commands_report(
        site,
        before,
        ["content/site.yml:1: cannot read site settings (Permission denied); make the file readable"],
        unprivileged=True,
    )


def test_a_static_file_that_cannot_be_read_is_an_error_at_it_beside_the_others(
    tmp_path: Path, locked: list[Path]
) -> None:
    """Was: "the check stopped: Permission denied (static/x.css)", status 2, nothing else reported."""
    site, before = built_site(tmp_path)
    write_files(site, {"static/x.css": "p {}\n", "content/terms/odd.md": "---\ntitle: [\n---\n"})
    (site / "static/x.css").chmod(0)
    locked.append(site / "static/x.css")

    assert_both_commands_report(
        site,
        before,
        [
            "content/terms/odd.md:2: invalid YAML: the '[' list that starts on this line is never "
            "closed; end it with ']', or put the whole value in quotes if the '[' is part of the text",
            "static/x.css:1: cannot read file: Permission denied",
        ],
        unprivileged=True,
    )


def make_deep_folders(top: Path, name: str, depth: int, files: dict[int, str]) -> None:
    """`depth` nested folders called `name`, with a term file `files[n]` n folders down. Each is
    made relative to its parent, as the full paths are too long for the system to take."""
    handle = os.open(top, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for level in range(depth + 1):
            if level in files:
                written = os.open(files[level], os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=handle)
                os.write(written, TERM.encode())
                os.close(written)
            if level < depth:
                os.mkdir(name, dir_fd=handle)
                inner = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=handle)
                os.close(handle)
                handle = inner
    finally:
        os.close(handle)


def test_folders_nested_beyond_the_longest_path_are_reported(tmp_path: Path) -> None:
    site, before = built_site(tmp_path)
    name = "n" * 200  # content/terms/ and 20 of these fit in PATH_MAX (4096 bytes); 21 do not
    long_file = "f" * 100 + ".md"  # 20 folders down, its path is too long to open
    make_deep_folders(site / "content/terms", name, 24, {20: long_file, 24: "extra.md"})
    twenty = "/".join([name] * 20)

    try:
        assert_both_commands_report(
            site,
            before,
            [
                f"content/terms/{twenty}/{long_file}:1: cannot read file: File name too long",
                f"content/terms/{twenty}/{name}:1: folder path is too long to open; "
                "move its term files to a folder nearer content/terms",
            ],
        )
    finally:
        shutil.rmtree(site / "content/terms" / name)


def make_special_file(path: Path, kind: str) -> None:
    if kind == "a named pipe (FIFO)":
        os.mkfifo(path)
    elif kind == "a socket":
        os.mknod(path, stat.S_IFSOCK | 0o644)
    elif os.geteuid() == 0:  # making a device needs root; CI runs as root
        os.mknod(path, stat.S_IFCHR | 0o644, os.makedev(1, 3))
    else:
        pytest.skip("only root can make a device file")


@pytest.mark.parametrize("kind", ["a named pipe (FIFO)", "a socket", "a device"])
def test_special_file_named_like_a_term_is_reported_and_never_opened(tmp_path: Path, kind: str) -> None:
    site, before = built_site(tmp_path)
    make_special_file(site / "content/terms/special.md", kind)

    assert_both_commands_report(
        site, before, [f"content/terms/special.md:1: not a regular file but {kind}; {NOT_READ}"]
    )


def test_link_to_a_named_pipe_is_reported_and_never_opened(tmp_path: Path) -> None:
    site, before = built_site(tmp_path)
    os.mkfifo(site / "content/pipe")
    (site / "content/terms/piped.md").symlink_to("../pipe")

    assert_both_commands_report(
        site,
        before,
        [
            "content/terms/piped.md:1: symbolic link leads to a named pipe (FIFO), not a regular file; "
            "fix or remove it (it is not read)"
        ],
    )


def test_folder_named_like_a_term_is_a_warning_and_its_terms_are_read(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    terms = site / "content/terms"
    (terms / "maths.md").mkdir()
    (terms / "tensor.md").rename(terms / "maths.md/tensor.md")

    result = run_glossary("build", cwd=site)

    assert result.returncode == 0, result.stderr
    assert reported(result) == [
        "content/terms/maths.md:1: warning: a folder, not a term file; "
        "rename it without '.md' (the term files in it are read)"
    ]
    assert (site / "_site/terms/tensor/index.html").is_file()


def test_a_term_file_named_with_another_ending_is_an_error_and_references_to_it_are_not(
    tmp_path: Path,
) -> None:
    """Was a warning, below an error for each reference to the term ('unknown related term
    'gradient'') that did not say why; and 'optimizer.md.txt', as an editor that adds '.txt'
    saves a term file, was said to be a text file to write each term of as a file of its own."""
    site, before = built_site(tmp_path)
    terms = site / "content/terms"
    titles = {
        "gradient.MD": "Gradient descent",
        "loss.markdown": "Loss",
        "optimizer.md.txt": "Optimizer",
        "epoch.Md": "Epoch",
        "batch.mkd": "Batch",
        "layer.mdown": "Layer",
    }
    for name, title in titles.items():
        (terms / name).write_text(
            f"---\ntitle: {title}\nsummary: S.\ndefinition: D.\n---\n", encoding="utf-8"
        )
    write_files(
        site,
        {
            "content/terms/notes.md": "---\ntitle: Notes\nsummary: S.\ndefinition: D.\n"
            "related: [gradient, Loss, optimizers, epoch, batch, layer, tensor]\nupdated: 2025-01-01\n---\n\n"
            "See [[Gradient descent]], [[losses]] and [the loss](/terms/loss/).\n"
        },
    )

    said = "not read: term files end in '.md', not '{}'; rename it to '{}.md'"
    assert_both_commands_report(
        site,
        before,
        [
            f"content/terms/batch.mkd:1: {said.format('.mkd', 'batch')}",
            f"content/terms/epoch.Md:1: {said.format('.Md', 'epoch')}",
            f"content/terms/gradient.MD:1: {said.format('.MD', 'gradient')}",
            f"content/terms/layer.mdown:1: {said.format('.mdown', 'layer')}",
            f"content/terms/loss.markdown:1: {said.format('.markdown', 'loss')}",
            f"content/terms/optimizer.md.txt:1: {said.format('.md.txt', 'optimizer')}",
        ],
    )


def test_a_term_file_with_another_ending_beside_the_md_file_is_a_warning_as_an_old_copy(
    tmp_path: Path,
) -> None:
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    (tensor.parent / "tensor.md.txt").write_text(tensor.read_text(encoding="utf-8"), encoding="utf-8")

    result = run_glossary("build", cwd=site)

    assert result.returncode == 0, result.stderr
    assert [line for line in reported(result) if "not read" in line] == [
        "content/terms/tensor.md.txt:1: warning: not read: term files end in '.md', not '.md.txt', and "
        "content/terms/tensor.md is there already; delete this copy, or merge it into that file"
    ]


def test_markdown_elsewhere_in_content_is_a_warning_that_it_is_not_read(tmp_path: Path) -> None:
    """Was silent: a Hugo site's content/glossary/gpu.md and _index.md, copied over as they
    were, went missing from the site without a word. Hidden folders are not looked in."""
    site = copy_site("minimal", tmp_path)
    term = "---\ntitle: GPU\nsummary: S.\ndefinition: D.\n---\n"
    for name in ("glossary/gpu.md", "_index.md", ".git/README.md", "data/notes.json"):
        (site / "content" / name).parent.mkdir(parents=True, exist_ok=True)
        (site / "content" / name).write_text(term, encoding="utf-8")

    result = run_glossary("build", cwd=site)

    assert result.returncode == 0, result.stderr
    said = (
        "warning: not read: only the '.md' files in content/terms/ (terms) and content/tools/ (tools) "
        "are; move it into content/terms/ if it is a term, or delete it"
    )
    assert [line for line in reported(result) if "not read" in line] == [
        f"content/_index.md:1: {said}",
        f"content/data/notes.json:1: {UNCOPIED}",
        f"content/glossary/gpu.md:1: {said}",
    ]
    assert not (site / "_site/terms/gpu").exists()


def test_terms_in_a_misnamed_folder_are_one_error_and_the_built_site_is_kept(tmp_path: Path) -> None:
    """Was: content/terms renamed content/term passed, with a warning for each term file and one
    that there were no term files yet, and a build replaced the site with a glossary of none."""
    site, before = built_site(tmp_path)
    (site / "content/terms").rename(site / "content/term")

    assert_both_commands_report(
        site,
        before,
        [
            "content/term:1: no term files in content/terms/, where terms must be, but 3 Markdown files "
            "in content/term/; rename content/term to content/terms, or move the term files there"
        ],
    )


def test_terms_left_in_hugos_folders_are_one_error_naming_each_folder(tmp_path: Path) -> None:
    site, before = built_site(tmp_path)
    terms = site / "content/terms"
    (site / "content/glossary").mkdir()
    for term in terms.iterdir():
        term.rename(site / "content/glossary" / term.name)
    (site / "content/_index.md").write_text("---\ntitle: Glossary\n---\n", encoding="utf-8")

    assert_both_commands_report(
        site,
        before,
        [
            "content/glossary:1: no term files in content/terms/, where terms must be, but 3 Markdown "
            "files in content/glossary/ and 1 in content/; rename content/glossary to content/terms, or "
            "move the term files there"
        ],
    )


def test_another_generators_text_file_elsewhere_in_content_is_a_warning(tmp_path: Path) -> None:
    """Was silent: a Sphinx glossary.rst copied into content/ (not content/terms/) left all its
    terms out without a word, and an image or data file there was left out unexplained. Hidden
    folders are not looked in; site.yml is not warned of."""
    site = copy_site("minimal", tmp_path)
    for name in ("glossary.rst", "docs/notes.txt", "docs/x.adoc", ".git/y.org", "chart.png", "data.yml"):
        (site / "content" / name).parent.mkdir(parents=True, exist_ok=True)
        (site / "content" / name).write_text("API\n   An interface.\n", encoding="utf-8")

    result = run_glossary("build", cwd=site)

    assert result.returncode == 0, result.stderr
    said = (
        "warning: not read: this is {} file, and only the '.md' files in content/terms/ (terms) and "
        "content/tools/ (tools) are; write each term in it as a '.md' file of its own in content/terms/, "
        "or delete it"
    )
    assert [line for line in reported(result) if "not read" in line] == [
        f"content/chart.png:1: {UNCOPIED}",
        f"content/data.yml:1: {UNCOPIED}",
        f"content/docs/notes.txt:1: {said.format('a plain text')}",
        f"content/docs/x.adoc:1: {said.format('an AsciiDoc')}",
        f"content/glossary.rst:1: {said.format('a reStructuredText')}",
    ]
    assert not [line for line in reported(result) if line.startswith("content/site.yml")]


def test_another_generators_text_file_or_an_image_in_terms_is_a_warning(tmp_path: Path) -> None:
    """Was: an image beside its term file, as in a Hugo page bundle, was left out of the site
    without a word. Hidden files and editors' backups are still no one's input."""
    site = copy_site("minimal", tmp_path)
    terms = site / "content/terms"
    (terms / "sear").mkdir()
    named = (
        "glossary.rst",
        "api.txt",
        "x.adoc",
        "y.org",
        "z.mdx",
        "w.rst.txt",
        "chart.png",
        "sear/steak.png",
        "tensor.md.bak",
    )
    for name in (*named, ".DS_Store", "Thumbs.db", "tensor.md~", "#tensor.md#", "sear/.steak.png"):
        (terms / name).write_text("API\n   An interface.\n", encoding="utf-8")

    result = run_glossary("check", cwd=site)

    assert result.returncode == 0, result.stderr
    said = (
        "warning: not read: a term is one '.md' file that starts with front matter, and this is {} "
        "file; write each term in it as a file of its own, then delete it or move it out of content/terms/"
    )
    assert [line for line in reported(result) if "not read" in line] == [
        f"content/terms/api.txt:1: {said.format('a plain text')}",
        f"content/terms/chart.png:1: {UNCOPIED}",
        f"content/terms/glossary.rst:1: {said.format('a reStructuredText')}",
        f"content/terms/sear/steak.png:1: {UNCOPIED}",
        # Was: told to go in static/, which would publish a backup.
        "content/terms/tensor.md.bak:1: warning: not read or copied: a copy of a Markdown file, "
        "which no page shows; delete it or move it out of content/",
        f"content/terms/w.rst.txt:1: {said.format('a reStructuredText')}",
        f"content/terms/x.adoc:1: {said.format('an AsciiDoc')}",
        f"content/terms/y.org:1: {said.format('an Org')}",
        f"content/terms/z.mdx:1: {said.format('an MDX')}",
    ]


def test_the_name_suggested_for_a_term_file_with_another_extension_is_read_without_a_problem(
    tmp_path: Path,
) -> None:
    site = copy_site("minimal", tmp_path)
    (site / "content/terms/maths").mkdir()
    upper = site / "content/terms/maths/Loss Function.MD"
    upper.write_text("---\ntitle: Loss\nsummary: S.\ndefinition: D.\n---\n", encoding="utf-8")

    warned = reported(run_glossary("check", cwd=site))

    assert warned == [
        "content/terms/maths/Loss Function.MD:1: not read: term files end in '.md', not '.MD'; "
        "rename it to 'maths/loss-function.md'"
    ]
    upper.rename(site / "content/terms/maths/loss-function.md")
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert not [line for line in reported(result) if "slug" in line or "not read" in line]
    assert (site / "_site/terms/loss-function/index.html").is_file()


def test_terms_path_that_is_a_file_is_an_error(tmp_path: Path) -> None:
    site, before = built_site(tmp_path)
    shutil.rmtree(site / "content/terms")
    (site / "content/terms").write_text("tensor.md\n", encoding="utf-8")

    assert_both_commands_report(
        site, before, ["content/terms:1: not a folder; terms go in a folder named content/terms"]
    )


def test_static_or_templates_that_is_a_file_is_an_error(tmp_path: Path) -> None:
    """Was: "static file files go in…" for static, and nothing at all for templates (the
    theme's templates were used as if the site had none)."""
    site, before = built_site(tmp_path)
    shutil.rmtree(site / "static", ignore_errors=True)
    shutil.rmtree(site / "templates", ignore_errors=True)
    write_files(site, {"static": "style.css\n", "templates": "term.html\n"})

    assert_both_commands_report(
        site,
        before,
        [
            "static:1: not a folder; static files go in a folder named static",
            "templates:1: not a folder; templates go in a folder named templates",
        ],
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (Path.mkdir, "a folder, not a file; the site settings go in a file named content/site.yml"),
        (os.mkfifo, "not a regular file; the site settings must be a plain text file"),
    ],
)
def test_site_settings_that_are_not_a_file_are_an_error(
    tmp_path: Path, make: Callable[[Path], None], message: str
) -> None:
    site, before = built_site(tmp_path)
    (site / "content/site.yml").unlink()
    make(site / "content/site.yml")

    assert_both_commands_report(site, before, [f"content/site.yml:1: {message}"])


SETTINGS = """\
title: Mini Glossary
base_url: https://example.org:99999/docs/
cta:
  default: stack-builder
  blocks:
    stack-builder:
      heading: Build
      text: Pick tools.
      button: Go
      url: javascript:alert(1)
    nowhere:
      heading: Read
      text: Read more.
      button: Read
      url: "http:// example.org/"
    no-host:
      heading: Read
      text: Read more.
      button: Read
      url: https://:8080/papers/
    on-site:
      heading: Search
      text: Find a term.
      button: Search
      url: ../../search/
"""


def test_every_bad_url_in_the_settings_and_terms_is_reported_at_its_line(tmp_path: Path) -> None:
    site, before = built_site(tmp_path)
    tensor = site / "content/terms/tensor.md"
    inline = "---\ncta:\n  heading: H\n  text: T\n  button: B\n  url: https://example.org:abc/\n"
    tensor.write_text(inline + tensor.read_text(encoding="utf-8").removeprefix("---\n"), encoding="utf-8")
    write_files(site, {"content/site.yml": SETTINGS})

    assert_both_commands_report(
        site,
        before,
        [
            "content/site.yml:2: base_url 'https://example.org:99999/docs/' has port '99999'; "
            "a port is a number from 1 to 65535",
            "content/site.yml:10: cta url 'javascript:alert(1)' must be an http(s) address, "
            "a mailto: address or a path on this site like /pricing/",
            "content/site.yml:15: cta url 'http:// example.org/' must not contain spaces or "
            "control characters; write a space as %20",
            "content/site.yml:20: cta url 'https://:8080/papers/' has no host name; "
            "write it like https://example.com/",
            "content/terms/tensor.md:6: cta url 'https://example.org:abc/' has port 'abc'; "
            "a port is a number from 1 to 65535",
        ],
    )


def test_a_cache_folder_that_cannot_be_made_is_a_usage_error_and_nothing_is_written(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    write_files(site, {"notes.txt": "a file where the cache folder's parent should be\n"})

    result = run_glossary("build", "--cache-dir", str(site / "notes.txt" / "cache"), cwd=site)

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "for the build cache (Not a directory); choose another folder with --cache-dir" in result.stderr
    assert not (site / "_site").exists()
    assert run_glossary("build", "--no-cache", cwd=site).returncode == 0, "the way out it names works"


def test_names_that_are_not_utf8_are_reported_and_not_read(tmp_path: Path) -> None:
    site, before = built_site(tmp_path)
    (site / "content/terms" / os.fsdecode(b"\xff.md")).write_text(TERM, encoding="utf-8")
    write_files(site / "static", {os.fsdecode(b"\xfe.txt"): "hi\n"})
    (site / "templates" / os.fsdecode(b"\xfd")).mkdir(parents=True)
    expected = [
        "content/terms/\\udcff.md:1: the file name is not valid UTF-8; rename it",
        "static/\\udcfe.txt:1: the file name is not valid UTF-8; rename it",
        "templates/\\udcfd:1: the folder name is not valid UTF-8; rename it (nothing in it is read)",
    ]

    assert_both_commands_report(site, before, expected)
    report = json.loads(run_glossary("check", "--format", "json", cwd=site).stdout)
    assert [d["path"] for d in report["diagnostics"]] == [
        "content/terms/\\udcff.md",
        "static/\\udcfe.txt",
        "templates/\\udcfd",
    ]


def test_a_name_that_is_not_utf8_behind_a_linked_folder_in_templates_is_reported(tmp_path: Path) -> None:
    """A template is looked up through a linked folder in templates/, so a name there is
    reported as in any folder of templates/; a link to a folder that holds it is not entered
    again, and a linked folder in static/ is still not followed. Was: only "template
    'partials/note-été.html' not found", the file saved with a Latin-1 name never named."""
    site, before = built_site(tmp_path)
    write_files(site, {"common/" + os.fsdecode(b"note-\xe9t\xe9.html"): "<p>Note</p>\n"})
    (site / "templates").mkdir(exist_ok=True)
    (site / "templates/partials").symlink_to("../common")
    (site / "common/site").symlink_to("..")  # templates/partials/site: the site folder, a loop
    (site / "templates/itself").symlink_to(".")
    (site / "static").mkdir(exist_ok=True)
    (site / "static/linked").symlink_to("../common")
    expected = [
        "templates/partials/note-\\udce9t\\udce9.html:1: the file name is not valid UTF-8; rename it",
        "static/linked:1: warning: linked folders are not followed; move the files here",
    ]

    assert_both_commands_report(site, before, expected)


def test_a_site_in_a_folder_whose_name_is_not_utf8_gets_its_search_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "search indexing failed … is pagefind installed": Pagefind stopped at the path, and
    at PWD naming it when the build ran from inside the folder."""
    folder = tmp_path / os.fsdecode(b"gloss\xffary")
    folder.mkdir()
    site = copy_site("minimal", folder)
    monkeypatch.setenv("PWD", str(site))

    result = run_glossary("build", cwd=site)

    assert result.returncode == 0, result.stderr
    assert any((site / "_site/pagefind").rglob("pagefind.js"))


def test_named_pipe_in_static_is_reported_and_never_opened(tmp_path: Path) -> None:
    site, before = built_site(tmp_path)
    (site / "static").mkdir()
    os.mkfifo(site / "static/pipe.txt")

    assert_both_commands_report(
        site,
        before,
        [
            "static/pipe.txt:1: not a regular file but a named pipe (FIFO); "
            "a static file must be a plain file, so it is not published"
        ],
    )


def test_site_settings_named_site_yaml_are_told_to_be_renamed(tmp_path: Path) -> None:
    """Was: "no content/site.yml in … run `glossary init`", as if the folder held no site."""
    site = copy_site("minimal", tmp_path)
    (site / "content/site.yml").rename(site / "content/site.yaml")

    for where, options in ((site, ()), (site / "content/terms", ()), (tmp_path, ("--source", site.name))):
        result = run_glossary("check", *options, cwd=where)
        assert result.returncode == 2
        assert result.stderr.splitlines() == [
            "glossary: the site settings are read from content/site.yml; rename site.yaml to site.yml"
        ]


def test_a_current_folder_a_build_replaced_is_named_as_gone(tmp_path: Path) -> None:
    """A build run from inside its own _site replaces the folder it was run in. Was: the next
    command there ended in a FileNotFoundError traceback, status 1, even with --source."""
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", "--no-search", "-q", cwd=site).returncode == 0
    assert run_glossary("build", "--no-cache", "--no-search", "-q", cwd=site / "_site/terms").returncode == 0
    gone = tmp_path / "gone"
    script = 'cd "$0" && rmdir "$0" && exec "$@"'  # a current folder that is gone at the start
    launch = ["sh", "-c", script, str(gone), sys.executable, "-m", "glossary_site"]
    for options in (["build"], ["check", "--source", str(site)]):
        gone.mkdir()
        result = subprocess.run(
            [*launch, *options],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert (result.returncode, result.stderr.splitlines()) == (
            2,
            [
                "glossary: the current folder no longer exists (it was removed or replaced, e.g. by a "
                "build of the site it was in); cd to the site again"
            ],
        )


def test_site_settings_that_are_a_link_to_nothing_are_reported_as_one(tmp_path: Path) -> None:
    """Was: "no content/site.yml in … or a folder above it; run `glossary init`" (status 2), as
    if there were no site, from the site folder itself."""
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", "--no-search", "-q", cwd=site).returncode == 0
    before = tree_digest(site / "_site")
    (site / "content/site.yml").unlink()
    (site / "content/site.yml").symlink_to("nowhere.yml")

    for command in ("check", "build"):
        result = run_glossary(command, cwd=site / "content/terms")
        assert result.returncode == 1, result.stderr
        assert result.stderr.splitlines()[0] == (
            "content/site.yml:1: symbolic link is broken or loops; fix or remove it (it is not read)"
        )
        assert "1 error(s)" in result.stderr.splitlines()[-1]
    assert tree_digest(site / "_site") == before


def test_site_settings_linked_from_outside_content_are_not_read(tmp_path: Path) -> None:
    """Was: reported as "not followed", then read all the same, so each of its lines a build
    complains about (a token put there, say) was printed, as in a public CI log."""
    site = copy_site("minimal", tmp_path)
    outside = tmp_path / "elsewhere.yml"
    outside.write_text("GITHUB_TOKEN: ghp_not_to_be_printed\n", encoding="utf-8")
    (site / "content/site.yml").unlink()
    (site / "content/site.yml").symlink_to(outside)

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    assert "ghp_not_to_be_printed" not in result.stderr + result.stdout
    assert [line for line in result.stderr.splitlines() if line.startswith("content/site.yml")] == [
        "content/site.yml:1: symbolic link points outside content/; it is not followed"
    ]


def test_broken_link_in_static_is_reported_with_every_other_problem(tmp_path: Path) -> None:
    site, before = built_site(tmp_path)
    write_files(site, {"static/kept.txt": "kept\n"})
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text(encoding="utf-8").replace("[GPU,", "[GPX,"), encoding="utf-8")
    (site / "static/broken.txt").symlink_to("nowhere")
    (site / "static/linked").symlink_to(site / "content", target_is_directory=True)

    assert_both_commands_report(
        site,
        before,
        [
            "content/terms/tensor.md:7: unknown related term 'GPX'; did you mean 'GPU'?",
            "static/broken.txt:1: symbolic link is broken or loops; fix or remove it (it is not published)",
            "static/linked:1: warning: linked folders are not followed; move the files here",
        ],
    )


def test_incremental_build_never_writes_or_deletes_through_a_linked_folder(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    write_files(site, {"content/terms/extra.md": TERM})
    assert run_glossary("build", cwd=site).returncode == 0
    victim = tmp_path / "victim"
    (site / "_site/terms").rename(victim)
    (site / "_site/terms").symlink_to(victim, target_is_directory=True)
    before, kept = tree_digest(victim), tree_digest(site / "_site")
    (site / "content/terms/extra.md").unlink()

    result = run_glossary("build", cwd=site)

    assert result.returncode == 2
    link = (site / "_site").resolve() / "terms"
    assert f"glossary: {link} is a symbolic link, which no build makes;" in result.stderr
    assert tree_digest(victim) == before
    assert (victim / "extra/index.html").is_file()
    assert tree_digest(site / "_site") == kept
    shutil.rmtree(site / "_site")
    assert run_glossary("build", cwd=site).returncode == 0, "the way out it names works"
    assert tree_digest(victim) == before


def test_a_linked_search_folder_is_replaced_itself_and_its_target_left_alone(tmp_path: Path) -> None:
    site, _ = built_site(tmp_path)
    victim = tmp_path / "victim"
    (site / "_site/pagefind").rename(victim)
    (site / "_site/pagefind").symlink_to(victim, target_is_directory=True)
    before = tree_digest(victim)
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text(encoding="utf-8") + "\nOne more line to index.\n", encoding="utf-8")

    result = run_glossary("build", cwd=site)

    assert result.returncode == 0, result.stderr
    assert tree_digest(victim) == before
    assert not (site / "_site/pagefind").is_symlink()
    assert any((site / "_site/pagefind").rglob("pagefind.js"))
    assert sorted(path.name for path in site.iterdir() if path.name.startswith("._site")) == ["._site.lock"]


def test_a_linked_lock_file_is_replaced_itself_and_nothing_is_made_where_it_leads(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    victim = tmp_path / "victim" / "made-by-the-build"
    victim.parent.mkdir()
    (site / "._site.lock").symlink_to(victim)

    result = run_glossary("build", cwd=site)

    assert result.returncode == 0, result.stderr
    assert not victim.exists() and not victim.is_symlink()
    assert (site / "._site.lock").is_file() and not (site / "._site.lock").is_symlink()
    assert (site / "_site/index.html").is_file()


def test_links_in_a_planted_cache_folder_are_removed_and_nothing_is_written_or_deleted_where_they_lead(
    tmp_path: Path,
) -> None:
    site = copy_site("minimal", tmp_path)
    victim = tmp_path / "victim"
    write_files(victim, {"30.pickle": "not the cache's\n", "0-1.pack": "nor this\n"})
    before = tree_digest(victim)
    for name in ("index", "packs", "pages"):
        (site / ".glossary-cache" / name).parent.mkdir(exist_ok=True)
        (site / ".glossary-cache" / name).symlink_to(victim, target_is_directory=True)

    result = run_glossary("build", cwd=site)

    assert result.returncode == 0, result.stderr
    assert tree_digest(victim) == before
    assert not any(path.is_symlink() for path in (site / ".glossary-cache").iterdir())
    assert any((site / ".glossary-cache/index").glob("*.pickle")), "the cache is made in its own folder"


@pytest.mark.parametrize(
    "cache", ["_site", "_site/cache", "content", "content/terms", "templates", "static", "."]
)
def test_a_cache_folder_in_the_output_or_the_sources_is_refused(tmp_path: Path, cache: str) -> None:
    site, before = built_site(tmp_path)
    sources = {name: tree_digest(site / name) for name in ("content", "templates", "static")}

    for command in ("check", "build"):
        result = run_glossary(command, "--cache-dir", cache, cwd=site)

        assert result.returncode == 2, command
        assert "Traceback" not in result.stderr
        assert f"glossary: cache folder {(site / cache).resolve()} " in result.stderr
    assert tree_digest(site / "_site") == before
    assert {name: tree_digest(site / name) for name in sources} == sources
    assert not (site / "state.json").exists()


def test_an_output_folder_inside_the_cache_folder_is_refused(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)

    result = run_glossary("build", "--out", ".glossary-cache/site", cwd=site)

    assert result.returncode == 2
    cache = (site / ".glossary-cache").resolve()
    assert f"glossary: output folder {cache / 'site'} is inside the cache folder {cache};" in result.stderr
    assert not cache.exists()


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_relative_xdg_cache_home_puts_nothing_in_the_folder_the_command_runs_in(
    tmp_path: Path, command: str
) -> None:
    """The XDG specification says to ignore a relative XDG_CACHE_HOME. Was: `check` run in
    content/terms/ wrote the cache's signing key and compiled templates into
    content/terms/rel/glossary-site/, from where they could be committed, and warned of them
    at the next run."""
    site = copy_site("minimal", tmp_path / "site")
    home = tmp_path / "home"
    terms = site / "content/terms"
    before = tree_digest(site / "content")

    result = run_glossary(
        command,
        "--no-search" if command == "build" else "-q",
        cwd=terms,
        env={"XDG_CACHE_HOME": "rel", "HOME": str(home)},
    )

    assert result.returncode == 0, result.stderr
    assert tree_digest(site / "content") == before
    assert (home / ".cache/glossary-site/cache-key").is_file()
