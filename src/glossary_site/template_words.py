"""The theme's words as templates use them: `labels.name` shows one, `t(...)` fills one's
placeholders. A misspelt name or a placeholder left without its value is the template's
error said in words (no label 'serch_button'; did you mean 'search_button'?), where Jinja
and Python would say `'types.SimpleNamespace object' has no attribute` or `KeyError: 'count'`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jinja2
import markupsafe

from glossary_site import labels as theme_labels
from glossary_site.diagnostics import did_you_mean


class Labels:
    """`labels.name`: each label escaped once, here. Jinja asks for an item when there is no
    such attribute, and is answered with an undefined value that says which label was meant,
    so `labels.name is defined` and `labels.name | default(...)` work as for any variable."""

    def __init__(self, labels: Mapping[str, str]) -> None:
        self.__dict__.update({key: markupsafe.escape(text) for key, text in labels.items()})

    def __getitem__(self, name: object) -> Any:
        if isinstance(name, str) and name in self.__dict__:
            return self.__dict__[name]
        return jinja2.StrictUndefined(hint=_no_label(str(name), self.__dict__))


def fill(labels: Mapping[str, str], key: str, count: int | None = None, **values: Any) -> markupsafe.Markup:
    """`{{ t("updated_on", date=...) }}`: a theme word with its placeholders filled, its text
    escaped, and each value too unless it is markup already (a <time> element)."""
    if key not in labels:
        raise jinja2.TemplateRuntimeError(f"t(): {_no_label(key, labels)}")
    if count is not None:
        values["count"] = theme_labels.number(labels, count)
    text = markupsafe.escape(theme_labels.form(labels, key, count))
    missing = sorted(set(theme_labels.PLACEHOLDER_RE.findall(text)) - set(values))
    if missing:
        needed = ", ".join(f"{name}=..." for name in missing)
        raise jinja2.TemplateRuntimeError(f"t({key!r}) needs {needed}, as the label has {{{missing[0]}}}")
    return markupsafe.Markup(
        theme_labels.fill(text, {name: markupsafe.escape(v) for name, v in values.items()})
    )


def _no_label(name: str, labels: Mapping[str, object]) -> str:
    return f"no label {name!r}{did_you_mean(name, labels)}"
