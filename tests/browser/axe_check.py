"""The accessibility check every browser test of a page kind runs (axe, in the page as shown)."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]  # no stubs or py.typed
from playwright.sync_api import Page

AXE = Axe()
ONLY_VIOLATIONS = {"resultTypes": ["violations"]}


def assert_axe_finds_nothing_above_minor(page: Page, where: str) -> None:
    """axe's violations of moderate impact or worse (a duplicate landmark, content outside the
    landmarks, contrast...), with where they are, so a failure says what to fix. Only
    violations are gathered: every node of each is still listed, while the passes, which no
    test reads, are summed up to one node (half of axe's time on a term page)."""
    violations = AXE.run(page, options=ONLY_VIOLATIONS).response["violations"]
    found = [v for v in violations if v["impact"] != "minor"]
    report = "\n".join(
        f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:5]}\n"
        + "\n".join(f"  {n.get('failureSummary', '')}" for n in v["nodes"][:3])
        for v in found
    )
    assert not found, f"{where}:\n{report}"


def assert_axe_finds_nothing_above_minor_in_either_scheme(page: Page, where: str) -> None:
    """The page as the test left it, with the system in light and then in dark. Only colours
    differ between the two (the stylesheet's prefers-color-scheme rules: no script reads the
    scheme as a page loads, and nothing fades between colours), so switching the one page
    checks what a load in each scheme would, without opening it and repeating the steps
    that led to it twice. A scheme chosen with the theme control would hide the switch."""
    assert page.evaluate("document.documentElement.dataset.theme") is None, "a scheme is chosen"
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        assert page.evaluate(f"matchMedia('(prefers-color-scheme: {scheme})').matches")
        assert_axe_finds_nothing_above_minor(page, f"{where} ({scheme})")
