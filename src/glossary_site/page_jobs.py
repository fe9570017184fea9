"""What every page job shares: the site's settings, templates and navigation, and a key made
from the record a page is made from.

SitePages (pages.py) builds on it for the whole site; term_edits.py uses it alone, with a
term page's saved record, to remake that page without loading the rest of the glossary.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from glossary_site import views
from glossary_site.config import SiteConfig, open_graph_locale
from glossary_site.fingerprint import digest, record_text
from glossary_site.model import Face, PageJob
from glossary_site.render import Templates
from glossary_site.urls import absolute, absolute_link, root_of

#: A record page's template digest, record and key, by output path.
RecordKeys = dict[str, tuple[str, object, str]]


class PageMaker:
    """Makes page jobs for one site; `earlier`, the record keys of the last build in this
    process (serve), spares digesting a record that is unchanged."""

    def __init__(
        self,
        config: SiteConfig,
        nav_shows: dict[str, bool],
        earlier: PageMaker | None = None,
        template_digests: dict[str, str] | None = None,
        templates: Templates | None = None,
    ) -> None:
        self.config = config
        self.templates = templates or Templates(config.root, template_digests)
        self.templates.env.speak(config.labels)
        self.site = {
            "title": config.title,
            "description": config.description,
            "language": config.language,
            "og_locale": open_graph_locale(config.language),
            "direction": config.direction,
            "base_url": config.base_url,
            "image": absolute_link(config, "index.html", "/" + config.image) if config.image else "",
            "image_alt": config.image_alt,
        }
        #: Which of its optional entries the navigation shows: on every page, so part of every key.
        self.nav_shows = nav_shows
        self.site_key = repr((dataclasses.replace(config, root=Path(".")), nav_shows))
        #: Texts that stand for values many records hold (see fingerprint.record_text).
        self.known: Mapping[object, str] = MappingProxyType({})
        #: Each record page's template digest, record and key, for the next build in this
        #: process (serve): a key follows from those and the site settings alone, and comparing
        #: records is far quicker than writing each out to digest it.
        self.record_keys: RecordKeys = {}
        same_site = earlier is not None and earlier.site_key == self.site_key
        self._earlier_keys = earlier.record_keys if earlier is not None and same_site else {}

    def nav(self, path: str) -> list[dict[str, Any]]:
        return views.nav(path, self.config.labels, **self.nav_shows)

    def record_job(
        self,
        template: str,
        path: str,
        record: object,
        view: Callable[[], dict[str, Any]],
        known: Mapping[object, str] | None = None,
    ) -> PageJob:
        """A page made from a record: its key is the record's digest; the view is made only if
        the page is rendered."""

        def produce() -> bytes:
            context = {"site": self.site, "root": root_of(path), "canonical": absolute(self.config, path)}
            return self.templates.render(template, {**context, "nav": self.nav(path), **view()})

        source = self.templates.digest(template)
        key = self._known_key(path, source, record) or self.key(
            template, record_text(record, self.known if known is None else known)
        )
        self.record_keys[path] = (source, record, key)
        return PageJob(path, key, produce)

    def data_job(self, path: str, record: object, produce: Callable[[], bytes]) -> PageJob:
        """A data file (terms.json, tools.json): its key is its record and the site settings."""
        key = self._known_key(path, "", record) or digest(f"{self.site_key}\n{record_text(record)}".encode())
        self.record_keys[path] = ("", record, key)
        return PageJob(path, key, produce)

    def _known_key(self, path: str, source: str, record: object) -> str | None:
        earlier = self._earlier_keys.get(path)
        return earlier[2] if earlier is not None and earlier[:2] == (source, record) else None

    def key(self, template: str, record: str) -> str:
        return digest(f"{self.templates.digest(template)}\n{self.site_key}\n{record}".encode())

    def page_job(self, template: str, path: str, root: str | None = None, **view: Any) -> PageJob:
        """A listing page: its whole view is its record."""
        context = {
            "site": self.site,
            "root": root if root is not None else root_of(path),
            "canonical": absolute(self.config, path),
            "nav": self.nav(path),
            **view,
        }
        key = self.key(template, repr(sorted(context.items())))
        return PageJob(path, key, lambda: self.templates.render(template, context))

    def template_job(self, template: str, view: dict[str, Any], path: str | None = None) -> PageJob:
        """A file named as its template (feed.xml), unless `path` says otherwise."""
        context = {"site": self.site, **view}
        key = self.key(template, repr(sorted(context.items())))
        return PageJob(path or template, key, lambda: self.templates.render(template, context))


def face_texts(faces: Iterable[Face | None]) -> dict[object, str]:
    """In page keys a face stands as its digest, which keeps each page's key text short."""
    known: dict[object, str] = {None: record_text(None)}
    known.update((face, digest(record_text(face).encode())) for face in faces if face is not None)
    return known
