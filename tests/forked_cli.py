"""`python -m glossary_site` without paying for its start-up each time.

The suite runs the CLI about a thousand times, and a new interpreter spends a quarter of a
second importing the generator before it does anything: minutes of a CI run. A helper process
(one per test process) imports the generator once and forks a child for each run, which takes
the caller's working folder, environment, arguments and file-size limit and runs the package's
`__main__` as `-m` does, with its output in files the caller reads. Each run is still a process
of its own, exiting with its own status; what it cannot reproduce is what an interpreter fixes
at start-up (the hash seed, the locale's encodings, `PYTHON*` variables), so a run that changes
any of those starts a real interpreter instead, as does a run made while another is going.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

#: What an interpreter reads only when it starts: a run setting these differently needs a new one.
STARTUP_VARIABLES = ("LANG", "LANGUAGE", "TZ")
STARTUP_PREFIXES = ("PYTHON", "LC_")

_HELPER = r"""
import json, os, resource, runpy, signal, sys, traceback
import glossary_site.cli  # what every run would import again

requests = os.fdopen(int(sys.argv[1]), "r")
replies = os.fdopen(int(sys.argv[2]), "w", buffering=1)
for line in requests:
    run = json.loads(line)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            requests.close()
            replies.close()
            os.chdir(run["cwd"])
            os.environ.clear()
            os.environ.update(run["env"])
            if run["largest_file"] is not None:
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (run["largest_file"], run["largest_file"]))
            os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
            os.dup2(os.open(run["stdout"], os.O_WRONLY), 1)
            os.dup2(os.open(run["stderr"], os.O_WRONLY), 2)
            sys.path[0] = os.getcwd()
            sys.argv = ["-m", *run["args"]]
            try:
                runpy.run_module("glossary_site", run_name="__main__", alter_sys=True)
                code = 0
            except SystemExit as exit:
                if exit.code is None or isinstance(exit.code, int):
                    code = exit.code or 0
                else:
                    print(exit.code, file=sys.stderr)
            except BaseException:
                traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    replies.write(f"{pid}\n")
    replies.write(f"{os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])}\n")
"""


class _Helper:
    def __init__(self, environment: dict[str, str]) -> None:
        requests_read, self._requests = os.pipe()
        self._replies, replies_write = os.pipe()
        self.startup = _startup_part(environment)
        self.process = subprocess.Popen(
            [sys.executable, "-c", _HELPER, str(requests_read), str(replies_write)],
            env=environment,
            pass_fds=(requests_read, replies_write),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
        )
        os.close(requests_read)
        os.close(replies_write)
        self.busy = threading.Lock()

    def run(
        self,
        args: list[str],
        cwd: Path,
        environment: dict[str, str],
        largest_file: int | None,
        timeout: float,
    ) -> subprocess.CompletedProcess[str]:
        with tempfile.TemporaryDirectory(prefix="glossary-run-") as folder:
            out, err = Path(folder, "stdout"), Path(folder, "stderr")
            out.touch()
            err.touch()
            request = {
                "args": args,
                "cwd": str(cwd),
                "env": environment,
                "largest_file": largest_file,
                "stdout": str(out),
                "stderr": str(err),
            }
            os.write(self._requests, (json.dumps(request) + "\n").encode())
            pid = int(self._reply(timeout))
            try:
                code = int(self._reply(timeout))
            except subprocess.TimeoutExpired:
                os.kill(pid, signal.SIGKILL)
                self._reply(timeout)
                raise subprocess.TimeoutExpired(args, timeout) from None
            return subprocess.CompletedProcess(
                [sys.executable, "-m", "glossary_site", *args],
                code,
                out.read_text(),  # decoded as run(text=True) decodes: the locale's encoding
                err.read_text(),
            )

    def _reply(self, timeout: float) -> str:
        line = b""
        while not line.endswith(b"\n"):
            if not select.select([self._replies], [], [], timeout)[0]:
                raise subprocess.TimeoutExpired("glossary", timeout)
            chunk = os.read(self._replies, 1)
            if not chunk:
                raise RuntimeError("the forking helper of tests/forked_cli.py died")
            line += chunk
        return line.decode()

    def close(self) -> None:
        os.close(self._requests)
        self.process.wait(timeout=10)
        os.close(self._replies)


def _startup_part(environment: dict[str, str]) -> dict[str, str]:
    return {
        name: value
        for name, value in environment.items()
        if name in STARTUP_VARIABLES or name.startswith(STARTUP_PREFIXES)
    }


_helpers: dict[int, _Helper] = {}


def run(
    args: list[str], cwd: Path, environment: dict[str, str], largest_file: int | None, timeout: float
) -> subprocess.CompletedProcess[str] | None:
    """The run, forked from this process's helper; None when it needs an interpreter of its own."""
    if sys.platform != "linux":
        return None
    helper = _helpers.get(os.getpid())
    if helper is None:
        helper = _helpers[os.getpid()] = _Helper(environment)
        atexit.register(helper.close)
    if _startup_part(environment) != helper.startup or not helper.busy.acquire(blocking=False):
        return None
    try:
        return helper.run(args, cwd, environment, largest_file, timeout)
    finally:
        helper.busy.release()
