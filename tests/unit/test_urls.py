"""urls: where pages live, their public addresses, and editors' URLs turned into safe links."""

from __future__ import annotations

import dataclasses

import pytest

from glossary_site import urls
from glossary_site.config import SiteConfig


def test_term_and_group_pages_live_in_their_own_folders() -> None:
    assert urls.term_path("large-language-model") == "terms/large-language-model/index.html"
    assert urls.group_path("tags", "deep-learning") == "tags/deep-learning/index.html"


@pytest.mark.parametrize(
    ("path", "prefix"),
    [("index.html", ""), ("search/index.html", "../"), ("terms/gpu/index.html", "../../")],
)
def test_root_of_a_page_is_the_relative_way_back_to_the_site_root(path: str, prefix: str) -> None:
    assert urls.root_of(path) == prefix


@pytest.mark.parametrize(
    ("path", "url"),
    [
        ("index.html", "https://glossary.example.com/docs/"),
        ("terms/gpu/index.html", "https://glossary.example.com/docs/terms/gpu/"),
        ("categories/index.html", "https://glossary.example.com/docs/categories/"),
        ("feed.xml", "https://glossary.example.com/docs/feed.xml"),
        ("404.html", "https://glossary.example.com/docs/404.html"),
    ],
)
def test_absolute_url_of_a_page_is_pretty_and_under_the_base_url(
    site_config: SiteConfig, path: str, url: str
) -> None:
    assert urls.absolute(site_config, path) == url


def test_absolute_url_at_the_domain_root(site_config: SiteConfig) -> None:
    at_root = dataclasses.replace(site_config, base_url="https://glossary.example.com/")

    assert urls.absolute(at_root, "terms/gpu/index.html") == "https://glossary.example.com/terms/gpu/"


@pytest.mark.parametrize(
    ("url", "root", "link"),
    [
        ("/stack-builder/", "../../", "../../stack-builder/index.html"),
        ("/stack-builder/", "", "stack-builder/index.html"),
        ("/", "../../", "../../index.html"),
        ("/pricing.html?plan=pro#faq", "../", "../pricing.html?plan=pro#faq"),
        ("/tools/?q=1", "../../", "../../tools/index.html?q=1"),
    ],
)
def test_site_relative_url_becomes_relative_to_the_page(url: str, root: str, link: str) -> None:
    assert urls.link_url(url, root) == link


@pytest.mark.parametrize(
    "url",
    [
        "https://arxiv.org/abs/1706.03762",
        "http://example.com/a?b=c#d",
        "mailto:editor@example.com",
        "//cdn.example.com/lib.js",
        "notes/page.html",
        "#section",
    ],
)
def test_external_and_relative_urls_are_kept_as_written(url: str) -> None:
    assert urls.link_url(url, "../../") == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
    ],
)
def test_unsafe_urls_become_a_harmless_link(url: str) -> None:
    assert not urls.is_safe_url(url)
    assert urls.link_url(url, "../../") == "#"
