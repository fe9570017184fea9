"""`glossary serve` forks worker processes only for its first build, before it starts any
thread: a process forked while other threads hold locks can hang for ever."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from glossary_site import pipeline, server


def test_only_the_first_preview_build_uses_worker_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []

    def build(options: pipeline.BuildOptions, warm: object = None) -> pipeline.BuildResult:
        seen.append(options.jobs)
        return pipeline.BuildResult()

    monkeypatch.setattr(pipeline, "build", build)
    monkeypatch.setattr(server.Site, "follow_base_url", lambda self: None)
    options = pipeline.BuildOptions(root=tmp_path, out=tmp_path / "out", jobs=4)
    site = server.Site(options, server.Preview(tmp_path / "out"), lambda d: None, tmp_path, "http://x")

    def two_saves() -> None:
        site.rebuild()
        site.rebuild()

    site.rebuild()
    watcher = threading.Thread(target=two_saves)
    watcher.start()
    watcher.join()

    assert seen == [4, 1, 1], "saves rebuild in the server's process, from its watcher thread"
