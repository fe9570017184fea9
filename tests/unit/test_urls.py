"""urls: where pages live, their public addresses, and editors' URLs turned into safe links."""

from __future__ import annotations

import dataclasses

import pytest

from glossary_site import url_checks, urls
from glossary_site.config import SiteConfig


def test_term_and_group_pages_live_in_their_own_folders() -> None:
    assert urls.term_path("large-language-model") == "terms/large-language-model/index.html"
    assert urls.group_path("tags", "deep-learning") == "tags/deep-learning/index.html"


def test_a_group_named_in_another_script_lives_in_a_folder_of_its_name_linked_percent_encoded(
    site_config: SiteConfig,
) -> None:
    assert urls.group_path("categories", "机器学习") == "categories/机器学习/index.html"
    encoded = "%E6%9C%BA%E5%99%A8%E5%AD%A6%E4%B9%A0"
    assert urls.group_url("categories", "机器学习", "../../") == f"../../categories/{encoded}/index.html"
    assert urls.absolute(site_config, "categories/机器学习/index.html") == (
        f"https://glossary.example.com/docs/categories/{encoded}/"
    )
    assert urls.group_url("tags", "deep-learning", "../") == "../tags/deep-learning/index.html"


def test_an_editors_site_path_is_not_encoded_again(site_config: SiteConfig) -> None:
    link = urls.absolute_link(site_config, "terms/gpu/index.html", "/tags/%D8%B1/")
    assert link == "https://glossary.example.com/docs/tags/%D8%B1/"


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
    ("url", "address"),
    [
        ("/pricing/", "https://glossary.example.com/docs/pricing/"),
        ("../../terms/gpu/", "https://glossary.example.com/docs/terms/gpu/"),
        ("#faq", "https://glossary.example.com/docs/tools/nail/#faq"),
        (
            "/categories/机器学习/",
            "https://glossary.example.com/docs/categories/%E6%9C%BA%E5%99%A8%E5%AD%A6%E4%B9%A0/",
        ),
        (
            "../../tags/وسم/?q=ü#ä",
            "https://glossary.example.com/docs/tags/%D9%88%D8%B3%D9%85/?q=%C3%BC#%C3%A4",
        ),
        ("/a%20b/(x)/?k=v&l=w", "https://glossary.example.com/docs/a%20b/(x)/?k=v&l=w"),
        ("HTTPS://Nail.example.org/Get", "https://Nail.example.org/Get"),
        ("HTTP://nail.example.org/", "http://nail.example.org/"),
        ("MAILTO:nail@example.org", "mailto:nail@example.org"),
    ],
)
def test_an_editors_link_as_an_absolute_address_leads_where_the_link_on_its_page_does(
    site_config: SiteConfig, url: str, address: str
) -> None:
    assert urls.absolute_link(site_config, "tools/nail/index.html", url) == address


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


SPACES = "must not contain spaces or control characters; write a space as %20"
PASSWORD = "must not contain a user name or password (the part before '@')"
QUERY = "must not have a query ('?...') or fragment ('#...'); page paths are added to it"
NO_HOST = "has no host name; write it like https://example.com/"
NOT_HTTP = "must be an absolute http(s) address, e.g. https://example.com/"


def bad_port(port: str) -> str:
    return f"has port '{port}'; a port is a number from 1 to 65535"


@pytest.mark.parametrize(
    "url",
    [
        "https://glossary.example.com/",
        "https://glossary.example.com/docs",
        "http://localhost:8000/",
        "https://127.0.0.1:65535/",
        "http://[::1]:8080/docs/",
        "https://bücher.example/",
        "https://xn--bcher-kva.example/",
        "https://glossary.example.com./",
        "HTTPS://GLOSSARY.EXAMPLE.COM/",
        "https://example.com/my%20glossary/",
        "https://example.com/v1.0/",
    ],
)
def test_plain_http_addresses_are_good_base_urls(url: str) -> None:
    assert url_checks.base_url_problem(url) is None


#: Was accepted: serve then redirected to a path browsers normalise to another, a 404.
DOTS = "has '.' or '..' in its path, which browsers resolve away; write the path it means"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://example.com:99999/", bad_port("99999")),
        ("https://example.com:abc/", bad_port("abc")),
        ("https://example.com:0/", bad_port("0")),
        ("https://example.com:-1/", bad_port("-1")),
        ("https://exa mple.com/", SPACES),
        ("https://example.com/\x00", SPACES),
        ("https://exa\u200bmple.com/", SPACES),
        ("https://example.com\\docs", "must not contain a backslash; write '/' instead"),
        ("https://editor:secret@example.com/", PASSWORD),
        # was: "names a page ...; write https://editor@example.com/", a fix that still failed
        ("https://editor@example.com/index.html", PASSWORD),
        ("https://example.com/?lang=en", QUERY),
        ("https://example.com/#top", QUERY),
        ("https://:8080/", NO_HOST),
        ("https://example..com/", "has an invalid host name 'example..com'"),
        ("https://-example.com/", "has an invalid host name '-example.com'"),
        ("https://exa%6dple.com/", "has an invalid host name 'exa%6dple.com'"),
        ("https://300.1.1.1/", "has an invalid host name '300.1.1.1'"),
        # was accepted: no DNS name has '_', so the feed and sitemap named a host that cannot exist
        (
            "http://bad_host/",
            "has an invalid host name 'bad_host': a host name cannot have '_'; use letters, digits and '-'",
        ),
        (
            "https://docs.bücher_shop.example:8443/",
            "has an invalid host name 'docs.bücher_shop.example': a host name cannot have '_'; use letters, "
            "digits and '-'",
        ),
        ("http://[::1/", "is not a valid address; check the brackets around its host"),
        ("http://", NOT_HTTP),
        ("ftp://example.com/", NOT_HTTP),
        ("example.com", NOT_HTTP),
        ("https://example.com/a/../b/", DOTS),
        ("https://example.com/./", DOTS),
        ("https://example.com/%2e%2E/", DOTS),  # was accepted: browsers read it as '..'
        ("https://example.com/%zz/", "has a '%' that is not followed by two hex digits; write it as %25"),
        ("https://example.com/100%/", "has a '%' that is not followed by two hex digits; write it as %25"),
        ("https://example.org//evil.example/", "has an empty segment ('//') in its path; write a single '/'"),
        (
            f"https://{'ü' * 60}.example/",
            f"has a host name '{'ü' * 60}.example' that cannot be written in ASCII (IDNA)",
        ),
    ],
)
def test_base_url_problems_say_what_is_wrong(url: str, reason: str) -> None:
    assert url_checks.base_url_problem(url) == reason


@pytest.mark.parametrize(
    ("url", "normal"),
    [
        ("https://bücher.example/", "https://xn--bcher-kva.example/"),
        # vowel signs are marks, not letters (was: "has an invalid host name")
        ("https://उदाहरण.भारत/", "https://xn--p1b6ci4b4b3a.xn--h2brj9c/"),
        ("https://ตัวอย่าง.ไทย/", "https://xn--72c1a1bt4awk9o.xn--o3cw4h/"),
        ("HTTPS://Glossary.EXAMPLE.com:/Docs", "https://glossary.example.com/Docs/"),
        ("https://example.org/glössar/", "https://example.org/gl%C3%B6ssar/"),
        ("https://example.org/my%20glossary/", "https://example.org/my%20glossary/"),
        ("https://example.org/a<b>/", "https://example.org/a%3Cb%3E/"),
        ("http://[::1]:8080/docs", "http://[::1]:8080/docs/"),
        # the default port left out, as browsers write the address (was kept in every URL)
        ("https://example.org:443/docs/", "https://example.org/docs/"),
        ("http://example.org:80/", "http://example.org/"),
        ("http://example.org:443/", "http://example.org:443/"),
        ("https://example.org:4430/", "https://example.org:4430/"),
    ],
)
def test_base_url_is_written_in_ascii_as_sitemaps_and_feed_readers_need(url: str, normal: str) -> None:
    assert url_checks.base_url_problem(url) is None
    assert url_checks.normal_base_url(url) == normal


@pytest.mark.parametrize(
    "url",
    [
        "/stack-builder/",
        "search/",
        "#faq",
        "/pricing.html?plan=pro#faq",
        "https://arxiv.org/list/cs.LG/recent?skip=0#top",
        "http://localhost:8000/",
        "mailto:editor@example.com",
        "mailto:editor@example.com?subject=Glossary",
        "https://उदाहरण.भारत/",
    ],
)
def test_site_paths_http_and_mailto_addresses_are_good_links(url: str) -> None:
    assert url_checks.link_url_problem(url) is None


ANY_SCHEME = "must be an http(s) address, a mailto: address or a path on this site like /pricing/"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("javascript:alert(1)", ANY_SCHEME),
        ("JavaScript:alert(1)", ANY_SCHEME),
        ("data:text/html,<script>alert(1)</script>", ANY_SCHEME),
        ("ftp://example.com/file", ANY_SCHEME),
        ("localhost:8000/tools/", ANY_SCHEME),
        ("java\tscript:alert(1)", SPACES),
        ("/stack builder/", SPACES),
        ("\\\\evil.example/", "must not contain a backslash; write '/' instead"),
        ("http://", NO_HOST),
        ("https:example.com", NO_HOST),
        ("https://example.com:99999/", bad_port("99999")),
        ("https://example.com@evil.example/", PASSWORD),
        (
            "//cdn.example.com/lib.js",
            "starts with '//'; write the scheme too, e.g. https://example.com/page/",
        ),
        ("mailto:", "needs an e-mail address, e.g. mailto:team@example.com"),
    ],
)
def test_link_problems_say_what_is_wrong(url: str, reason: str) -> None:
    assert url_checks.link_url_problem(url) == reason


@pytest.mark.parametrize(
    ("url", "meant"),
    [
        ("www.seriouseats.com/how-to-make-roux", "https://www.seriouseats.com/how-to-make-roux"),
        ("www.example", "https://www.example"),
        ("example.org/x?a=1#b", "https://example.org/x?a=1#b"),
        ("docs.python.org", "https://docs.python.org"),
        ("someone@example.com", "mailto:someone@example.com"),
        ("chart.png", None),
        ("notes.md", None),
        ("build.sh", None),
        ("v1.2/", None),
        ("System.IO", None),
        ("Example.com", None),
        ("terms/gpu/", None),
        ("../gpu/#use", None),
        ("gpu", None),
    ],
)
def test_another_sites_address_written_without_its_scheme_is_told_from_a_path(
    url: str, meant: str | None
) -> None:
    """Only a lowercase host that starts with 'www.' or ends in a known ending is taken for one:
    the file names a page links to end in many of the countries' two letters."""
    assert url_checks.schemeless_address(url) == meant


@pytest.mark.parametrize(
    ("edit_url", "file", "address"),
    [
        ("", "content/terms/gpu.md", ""),
        (
            "https://github.com/a/g/edit/main/",
            "content/terms/gpu.md",
            "https://github.com/a/g/edit/main/content/terms/gpu.md",
        ),
        (
            "https://github.com/a/g/edit/main/",
            "content/terms/sub dir/términ.md",
            "https://github.com/a/g/edit/main/content/terms/sub%20dir/t%C3%A9rmin.md",
        ),
        (
            "https://bitbucket.org/a/g/src/main/{path}?mode=edit",
            "content/tools/ollama.md",
            "https://bitbucket.org/a/g/src/main/content/tools/ollama.md?mode=edit",
        ),
        (
            "https://example.com/edit?file={path}",
            "content/terms/c#.md",
            "https://example.com/edit?file=content/terms/c%23.md",
        ),
    ],
)
def test_a_files_edit_address_has_its_path_encoded_at_the_end_or_where_edit_url_says(
    site_config: SiteConfig, edit_url: str, file: str, address: str
) -> None:
    config = dataclasses.replace(site_config, edit_url=edit_url)

    assert urls.edit_address(config, file) == address
