"""What `glossary` prints for a command line it cannot run: the command's own usage and one line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from glossary_site import cli


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    with pytest.raises(SystemExit) as stopped:
        cli.main(list(argv))
    assert stopped.value.code == 2
    return capsys.readouterr().err.strip().splitlines()


@pytest.mark.parametrize(
    ("argv", "last"),
    [
        (["build", "--bogus"], "glossary build: error: unrecognized arguments: --bogus"),
        (["check", "--bogus"], "glossary check: error: unrecognized arguments: --bogus"),
        (["new", "Term", "extra"], "glossary new: error: unrecognized arguments: extra"),
    ],
)
def test_an_unknown_option_is_named_under_the_usage_of_its_command(
    capsys: pytest.CaptureFixture[str], argv: list[str], last: str
) -> None:
    lines = usage_error(capsys, *argv)
    assert lines[0].startswith(f"usage: glossary {argv[0]} ")
    assert lines[-1] == last


def test_options_before_the_command_are_said_to_go_after_it(capsys: pytest.CaptureFixture[str]) -> None:
    """Was: build's usage and "unrecognized arguments: -q", an option build has."""
    lines = usage_error(capsys, "-q", "--strict", "build", "--out", "my site")
    assert lines == ["glossary: options go after the command: glossary build -q --strict --out 'my site'"]
    # an option's value before the command was read as the command: "invalid choice: '.'"
    lines = usage_error(capsys, "--source", ".", "-j", "1", "check", "--strict")
    assert lines == ["glossary: options go after the command: glossary check --source . -j 1 --strict"]


def test_verbose_and_quiet_are_refused_together(capsys: pytest.CaptureFixture[str]) -> None:
    lines = usage_error(capsys, "build", "--verbose", "--quiet")
    assert lines[-1] == "glossary build: error: argument -q/--quiet: not allowed with argument -v/--verbose"


def test_a_terminal_that_cannot_redraw_a_line_gets_no_progress_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Was: TERM=dumb showed the codes that clear the line, "\\r\\033[K", stage after stage."""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    args = cli.parse(["build", "--source", str(tmp_path)])
    monkeypatch.setenv("TERM", "xterm")
    assert cli.options_from(args).progress is not None
    monkeypatch.setenv("TERM", "dumb")
    assert cli.options_from(args).progress is None


def test_a_port_that_is_not_a_number_is_said_as_for_jobs(capsys: pytest.CaptureFixture[str]) -> None:
    lines = usage_error(capsys, "serve", "-p", "abc")
    assert lines[-1] == "glossary serve: error: argument -p/--port: expected a whole number, not 'abc'"


def test_new_names_its_title_as_the_command_line_page_does(capsys: pytest.CaptureFixture[str]) -> None:
    lines = usage_error(capsys, "new")
    assert lines[-1] == "glossary new: error: the following arguments are required: TITLE"


def test_serve_quiet_help_says_the_address_is_still_printed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["serve", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "-q, --quiet print only problems, the address and when they are fixed" in help_text
