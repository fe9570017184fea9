"""Output to a reader that stopped reading (`glossary check | head -1`) is dropped.

The reader has what it wanted, which is not an error of ours: the run goes on and exits with
the status it would have had, as with its output sent to /dev/null. A BrokenPipeError left to
rise would end it half-way, with status 1 however the run went.

Likewise a character the output's encoding lacks (a Russian title on a terminal set to ASCII)
is written as an escape, `\u0401`, not a traceback half-way; as JSON writes it (two escapes for
a character past U+FFFF), so `--format json` and `--graph -` stay JSON.
"""

from __future__ import annotations

import codecs
import io
import os
import sys

#: The error handler a stream of the command's own gets for what its encoding lacks.
ESCAPE = "glossary-json-escape"


class _Tolerant(io.TextIOWrapper):
    def write(self, text: str) -> int:
        try:
            return super().write(text)
        except BrokenPipeError:
            self._to_nowhere()
            return len(text)

    def flush(self) -> None:
        try:
            super().flush()
        except BrokenPipeError:
            self._to_nowhere()
            super().flush()  # what was held for the pipe goes to /dev/null

    def _to_nowhere(self) -> None:
        nowhere = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nowhere, self.fileno())
        os.close(nowhere)


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    escaped = []
    for character in error.object[error.start : error.end]:
        code = ord(character)
        if code > 0xFFFF:  # a surrogate pair, as JSON has no longer escape
            code -= 0x10000
            escaped.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escaped.append(f"\\u{code:04x}")
    return "".join(escaped), error.end


def tolerate() -> None:
    """For the `glossary` command's own process only: the streams are replaced, not wrapped."""
    codecs.register_error(ESCAPE, _json_escape)
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if not isinstance(stream, io.TextIOWrapper) or isinstance(stream, _Tolerant):
            continue
        errors = ESCAPE if stream.errors in ("strict", "backslashreplace") else stream.errors
        settings = {"encoding": stream.encoding, "errors": errors}
        line_buffering, write_through = stream.line_buffering, stream.write_through
        stream.flush()
        tolerant = _Tolerant(
            stream.detach(), **settings, line_buffering=line_buffering, write_through=write_through
        )
        setattr(sys, name, tolerant)
