"""Output to a reader that stopped reading (`glossary check | head -1`) is dropped.

The reader has what it wanted, which is not an error of ours: the run goes on and exits with
the status it would have had, as with its output sent to /dev/null. A BrokenPipeError left to
rise would end it half-way, with status 1 however the run went.

Likewise a character the output's encoding lacks (a Russian title on a terminal set to ASCII)
is written as an escape, `\u0401`, as Python writes to stderr, not a traceback half-way.
"""

from __future__ import annotations

import io
import os
import sys


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


def tolerate() -> None:
    """For the `glossary` command's own process only: the streams are replaced, not wrapped."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if not isinstance(stream, io.TextIOWrapper) or isinstance(stream, _Tolerant):
            continue
        errors = "backslashreplace" if stream.errors == "strict" else stream.errors
        settings = {"encoding": stream.encoding, "errors": errors}
        line_buffering, write_through = stream.line_buffering, stream.write_through
        stream.flush()
        tolerant = _Tolerant(
            stream.detach(), **settings, line_buffering=line_buffering, write_through=write_through
        )
        setattr(sys, name, tolerant)
