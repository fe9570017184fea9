"""`glossary serve`: build into a private folder, serve it, rebuild and reload on every save."""

from __future__ import annotations

import dataclasses
import signal
import tempfile
from collections.abc import Callable
from pathlib import Path

from glossary_site import pipeline
from glossary_site.diagnostics import Diagnostics


def serve(
    options: pipeline.BuildOptions,
    host: str,
    port: int,
    report: Callable[[Diagnostics], None],
) -> int:
    """Serve from a temporary folder so previewing never touches the deployable _site/."""
    signal.signal(signal.SIGTERM, _stop)
    with tempfile.TemporaryDirectory(prefix="glossary-serve-") as scratch:
        return _serve(dataclasses.replace(options, out=Path(scratch) / "site"), host, port, report)


def _stop(signum: int, frame: object) -> None:
    """Stopping with SIGTERM should clean up like Ctrl-C does."""
    raise KeyboardInterrupt


def _serve(
    options: pipeline.BuildOptions, host: str, port: int, report: Callable[[Diagnostics], None]
) -> int:
    from livereload import Server  # only `serve` needs it

    out = options.out

    def rebuild() -> None:
        result = pipeline.build(options)
        report(result.diagnostics)
        state = "rebuilt" if result.ok(options.strict) else "build failed; serving the last good site"
        print(f"glossary serve: {state}", flush=True)

    rebuild()
    server = Server()
    for name in ("content", "templates", "static"):
        folder = options.root / name
        if folder.exists():
            server.watch(str(folder), rebuild, delay=0.2)
    server.serve(host=host, port=port, root=str(out), open_url_delay=None, restart_delay=0)
    return 0
