"""The Nu HTML checker on pages as the browser shows them, after a reader's clicks and typing.

The built files pass the checker (tests/e2e), but scripts add markup of their own: the header's
list of matches, the search page's results, a term's preview card, the Stack Builder's picks,
a copied link's button. Each state is saved as the browser serialises its document, and the
checker reads them all at the end."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page
from support import assert_nu_checker_passes


class ShownPages:
    """Pages saved as shown, under `folder`, each under a name that says the state it is in."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.names: list[str] = []

    def save(self, page: Page, state: str) -> None:
        name = re.sub(r"[^a-z0-9]+", "-", state.lower()).strip("-")
        assert name not in self.names, f"two states named {name}"
        self.names.append(name)
        (self.folder / f"{name}.html").write_text(page.content(), encoding="utf-8")

    def assert_nu_checker_passes(self) -> None:
        assert self.names, "no page saved"
        assert_nu_checker_passes(self.folder)
