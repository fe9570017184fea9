"""Faults: concurrent builds, a build killed part-way, links and hostile requests."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from support import PROJECT, copy_site, run_glossary, tree_digest

from glossary_site import cli, output


def test_a_second_build_into_the_same_output_is_refused_while_one_runs(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    with output.locked(site / "_site"):
        result = run_glossary("build", cwd=site)
    assert result.returncode == 2
    assert "another build is writing" in result.stderr
    assert not (site / "_site").exists()
    assert run_glossary("build", cwd=site).returncode == 0, "the lock is released afterwards"


def test_a_failed_first_build_leaves_no_folder_or_lock_file_behind(tmp_path: Path) -> None:
    """Was: --out new/deeper/site failing on content left new/deeper/ holding '.site.lock',
    and --out out left '.out.lock' beside the site."""
    site = copy_site("minimal", tmp_path / "source")
    bad = site / "content/terms/bad.md"
    bad.write_text("---\ntitle: Bad\n---\n", encoding="utf-8")
    before = sorted(tmp_path.iterdir())

    for out in (tmp_path / "new/deeper/site", tmp_path / "out"):
        result = run_glossary("build", "--out", out, cwd=site)
        assert result.returncode == 1, result.stderr
        assert sorted(tmp_path.iterdir()) == before

    bad.unlink()
    assert run_glossary("build", "--out", tmp_path / "out", cwd=site).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out", "source"]


def generated_site(tmp_path: Path, terms: int) -> Path:
    subprocess.run(
        [
            sys.executable,
            str(PROJECT / "bench/make_corpus.py"),
            "--terms",
            str(terms),
            "--out",
            str(tmp_path / "c"),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return tmp_path / "c/glossary"


def gone(group: int) -> None:
    """Until every process of a killed build's group has exited (10 s at most)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)


def test_a_build_killed_at_any_moment_leaves_a_complete_site_and_the_next_build_works(tmp_path: Path) -> None:
    """Builds killed one after another, each finding what the last left behind, then one that
    runs to the end."""
    site = generated_site(tmp_path, 300)
    assert run_glossary("build", "--no-cache", "--no-search", cwd=site).returncode == 0
    old = tree_digest(site / "_site")
    for path in sorted((site / "content/terms").glob("*.md")):
        path.write_text(path.read_text() + "\nOne more sentence.\n")
    clean = tmp_path / "clean"
    assert run_glossary("build", "--no-cache", "--no-search", "--out", clean, cwd=site).returncode == 0
    new = tree_digest(clean)
    for delay in (0.3, 0.8, 1.5, 2.5):
        process = subprocess.Popen(
            [sys.executable, "-m", "glossary_site", "build", "--no-cache", "--no-search", "-q"],
            cwd=site,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        gone(process.pid)  # a worker still exiting holds the output's lock: the next build would wait
        after = tree_digest(site / "_site") if (site / "_site").exists() else {}
        assert after in (old, new) or not after, f"killed after {delay} s: a mixed or partial site"
        if after == new:
            old = new
    assert run_glossary("build", "--no-cache", "--no-search", cwd=site).returncode == 0
    assert tree_digest(site / "_site") == new
    leftovers = [p.name for p in site.iterdir() if p.name.startswith("._site.") and p.is_dir()]
    assert leftovers == []


@pytest.mark.parametrize(
    ("stage", "stop", "options"),
    [
        ("converting", signal.SIGINT, ()),
        ("writing pages", signal.SIGINT, ()),
        ("converting", signal.SIGTERM, ("--no-cache",)),
    ],
)
def test_ctrl_c_or_sigterm_in_a_build_exits_130_quietly_and_keeps_the_previous_site(
    tmp_path: Path, stage: str, stop: signal.Signals, options: tuple[str, ...]
) -> None:
    """Ctrl-C reaches every process of the terminal's group, the workers too; SIGTERM (from a
    service manager, `kill`) the build's own process alone. The build stops whole, leaving
    nothing of its own behind. Was: SIGTERM left --no-cache's scratch folder in /tmp."""
    site = generated_site(tmp_path, 300)
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0
    old = tree_digest(site / "_site")
    shutil.rmtree(site / ".glossary-cache")
    for path in sorted((site / "content/terms").glob("*.md")):
        path.write_text(path.read_text() + "\nOne more sentence.\n")
    scratch = tmp_path / "tmp"
    scratch.mkdir()

    def started() -> bool:
        if stage == "converting":
            return any(scratch.glob("glossary-build-*/packs")) or (site / ".glossary-cache/packs").is_dir()
        return any(p.name.startswith(("._site.staging-", "._site.update-")) for p in site.iterdir())

    process = subprocess.Popen(
        [sys.executable, "-m", "glossary_site", "build", "--no-search", "-q", *options],
        cwd=site,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, "TMPDIR": str(scratch)},
    )
    deadline = time.monotonic() + 60
    while not started() and time.monotonic() < deadline:
        time.sleep(0.005)
    if stop == signal.SIGINT:
        os.killpg(process.pid, stop)
    else:
        os.kill(process.pid, stop)
    _, err = process.communicate(timeout=60)

    assert (process.returncode, err) == (130, "")
    assert tree_digest(site / "_site") == old
    hidden = sorted(p.name for p in site.iterdir() if p.name.startswith("."))
    assert hidden == ["._site.lock", *([] if options else [".glossary-cache"])], "no staging folder is left"
    assert list(scratch.iterdir()) == [], "no scratch folder is left"
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, 0)
        pytest.fail("a worker process outlived the interrupted build")


def test_dev_server_survives_malformed_and_concurrent_requests(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "glossary_site", "serve", "--port", str(port)],
        cwd=site,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(base + "/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.05)
        for garbage in (
            b"\x00\xff\r\n\r\n",
            b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n",
            b"BREW / HTCPCP/1.0\r\n\r\n",
        ):
            with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
                raw.sendall(garbage)
                with contextlib.suppress(OSError):
                    raw.recv(1024)
        statuses: list[int] = []

        def fetch() -> None:
            with urllib.request.urlopen(base + "/docs/terms/tensor/index.html", timeout=10) as response:
                statuses.append(response.status)

        threads = [threading.Thread(target=fetch) for _ in range(40)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert statuses == [200] * 40
        assert server.poll() is None, "the server is still running"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_dev_server_listens_on_loopback_only_by_default() -> None:
    from glossary_site.cli import parser

    assert parser().parse_args(["serve"]).host == "127.0.0.1"


def test_a_user_cache_folder_that_cannot_be_written_costs_the_cache_not_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache key and compiled templates live in the user's cache folder; a read-only or
    missing home (some CI containers) must not turn into a traceback."""
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    site = copy_site("minimal", tmp_path)
    first = run_glossary("build", "--no-search", cwd=site)
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr
    assert "the cache key cannot be kept" in first.stderr
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    clean = tmp_path / "clean"
    assert run_glossary("build", "--no-search", "--no-cache", "--out", clean, cwd=site).returncode == 0
    assert tree_digest(site / "_site") == tree_digest(clean)


def test_damaged_compiled_templates_are_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0
    compiled = sorted((tmp_path / "xdg/glossary-site/templates").iterdir())
    assert compiled, "the first build keeps its compiled templates"
    for path in compiled:
        path.write_bytes(path.read_bytes()[:40])  # cut short, as by a full disk
    again = run_glossary("build", "--no-search", "--out", tmp_path / "again", cwd=site)
    assert again.returncode == 0, again.stderr
    assert "Traceback" not in again.stderr
    assert tree_digest(tmp_path / "again") == tree_digest(site / "_site")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_disk_that_fills_up_mid_build_stops_it_in_one_line_and_keeps_the_site(
    tmp_path: Path, jobs: str
) -> None:
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0
    before = tree_digest(site / "_site")
    for term in (site / "content/terms").glob("*.md"):
        term.write_text(term.read_text() + "\nOne more sentence.\n")

    stopped = run_glossary("build", "--no-search", "--jobs", jobs, cwd=site, largest_file=2048)

    assert stopped.returncode == 2, stopped.stderr
    assert "glossary: the build stopped: File too large" in stopped.stderr
    assert "Traceback" not in stopped.stderr
    assert tree_digest(site / "_site") == before
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0, "and the next build works"
    assert tree_digest(site / "_site") != before


def test_a_check_that_cannot_write_its_scratch_files_says_so_in_one_line(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)

    stopped = run_glossary("check", "--no-cache", cwd=site, largest_file=512)

    assert stopped.returncode == 2, stopped.stderr
    assert "glossary: the check stopped: File too large" in stopped.stderr
    assert "Traceback" not in stopped.stderr


def test_a_user_without_a_home_folder_still_gets_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No HOME and no entry in the password database, as for some container users: no
    compiled templates kept and a key for this build only, but the same site."""

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", "--no-search", "--out", tmp_path / "usual", cwd=site).returncode == 0
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))

    code = cli.main(["build", "--no-search", "--source", str(site), "--jobs", "1"])

    assert code == 0
    assert "the cache key cannot be kept: no home folder" in capsys.readouterr().err
    assert tree_digest(site / "_site") == tree_digest(tmp_path / "usual")
