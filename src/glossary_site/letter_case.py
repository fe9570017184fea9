"""A static file or folder named as a generated page, a theme file or a folder of them, but
in another letter case (`static/assets/Style.css`, `static/Assets/`). Where case does not
count (macOS, Windows) it takes that path, and elsewhere it stands beside it, so the site
would differ with the machine that builds it: an override written `Style.css` works on a Mac
and not in the Linux CI that publishes it, and a folder `Assets/` linked as `assets/` the
other way round."""

from __future__ import annotations

from collections.abc import Iterable

from glossary_site.diagnostics import Diagnostic

#: What a name is, by its case-folded form: its own spelling, "folder" or "file", and whose
#: it is ("generated" or "theme's").
Taken = dict[str, tuple[str, str, str]]


def taken_by(
    folders: tuple[Iterable[str], Iterable[str]], files: tuple[Iterable[str], Iterable[str]]
) -> Taken:
    """`folders` and `files`: each the generated ones, then the theme's."""
    taken: Taken = {}
    for kind, (generated, theme) in (("folder", folders), ("file", files)):
        for names, whose in ((generated, "generated"), (theme, "theme's")):
            taken.update({name.casefold(): (name, kind, whose) for name in names})
    return taken


def clash(path: str, where: str, taken: Taken, seen: set[str]) -> list[Diagnostic]:
    """The problem with the static file at `path` (shown as `where`), or with the outermost
    folder it lies in that is named so; a folder is reported once, as `seen` records."""
    parts = path.split("/")
    for folder in ("/".join(parts[:end]) for end in range(1, len(parts))):
        name, kind, whose = taken.get(folder.casefold(), (folder, "", ""))
        if name == folder or kind != "folder":
            continue
        if folder in seen:
            return []
        seen.add(folder)
        advice = f"rename it, or name it static/{name}" if whose == "theme's" else "rename it"
        message = (
            f"static folder differs from the {whose} {name}/ only in letter case, so its files go into"
            f" that folder on macOS and Windows but not elsewhere; {advice}"
        )
        return [Diagnostic(f"static/{folder}", 1, message)]
    name, kind, whose = taken.get(path.casefold(), (path, "", ""))
    if name == path or kind != "file":
        return []
    if whose == "theme's":
        message = (
            f"static file differs from the theme's {name} only in letter case, so it replaces it"
            f" on macOS and Windows but not elsewhere; to replace it, name it static/{name}"
        )
    else:
        message = (
            f"static file differs from the generated {name} only in letter case, so it would"
            " replace it on macOS and Windows; rename it"
        )
    return [Diagnostic(where, 1, message)]
