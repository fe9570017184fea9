"""The accessibility check every browser test of a page kind runs (axe, in the page as shown)."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]  # no stubs or py.typed
from playwright.sync_api import Page

AXE = Axe()


def assert_axe_finds_nothing_above_minor(page: Page, where: str) -> None:
    """axe's violations of moderate impact or worse (a duplicate landmark, content outside the
    landmarks, contrast...), with where they are, so a failure says what to fix."""
    violations = AXE.run(page).response["violations"]
    found = [v for v in violations if v["impact"] != "minor"]
    report = "\n".join(
        f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:5]}\n"
        + "\n".join(f"  {n.get('failureSummary', '')}" for n in v["nodes"][:3])
        for v in found
    )
    assert not found, f"{where}:\n{report}"
