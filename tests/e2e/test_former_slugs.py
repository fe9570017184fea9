"""A renamed term or tool keeps its old address: `former_slugs` makes terms/<old>/ (tools/<old>/)
a page that sends readers on to the term (tool), and that page is no page of the glossary
(sitemap, search, feed, terms.json, tools.json, A to Z)."""

from __future__ import annotations

import gzip
import json
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from support import (
    assert_nu_checker_passes,
    attribute,
    copy_site,
    needs_nu_checker,
    parse_html,
    present,
    run_glossary,
    write_files,
)

ATOM = "{http://www.w3.org/2005/Atom}"
GPU = "content/terms/graphics-processing-unit.md"
TENSOR = "content/terms/tensor.md"
OLLAMA = "content/tools/ollama.md"
#: A tool renamed from local-runner; its line 3 is its former_slugs.
RENAMED_TOOL = (
    "---\ntitle: Ollama\nformer_slugs: [local-runner]\nsummary: Runs models on your machine.\n"
    "url: https://ollama.com/\n---\n\nServes a [[tensor]] model locally.\n"
)


def add_line(site: Path, path: str, after: str, line: str) -> int:
    """Put `line` after the line `after` of the file; returns its line number."""
    file = site / path
    lines = file.read_text(encoding="utf-8").split("\n")
    at = lines.index(after) + 1
    lines.insert(at, line)
    file.write_text("\n".join(lines), encoding="utf-8")
    return at + 1


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal site after its GPU term was renamed twice: it was gpu-chip, then graphics-card;
    it has a stylesheet of its own, linked from its head partial, and a tool renamed from
    local-runner to ollama."""
    site = copy_site("minimal", tmp_path_factory.mktemp("renamed"))
    write_files(
        site,
        {
            "templates/partials/head.html": '<link rel="stylesheet" href="{{ root }}assets/site.css">\n',
            "static/assets/site.css": ":root[data-theme='dark'] { --bg: #0d1b0d; }\n",
            OLLAMA: RENAMED_TOOL,
        },
    )
    add_line(site, GPU, "title: Graphics processing unit", "former_slugs: [gpu-chip, graphics-card]")
    result = run_glossary("build", "--strict", cwd=site)
    assert result.returncode == 0, result.stderr
    return site / "_site"


#: Each former address of the renamed site, with the page it leads to and that page's title.
FORMER = [
    ("terms/gpu-chip", "terms/graphics-processing-unit", "Graphics processing unit"),
    ("terms/graphics-card", "terms/graphics-processing-unit", "Graphics processing unit"),
    ("tools/local-runner", "tools/ollama", "Ollama"),
]


def test_a_former_address_sends_readers_to_the_page(renamed: Path) -> None:
    for former, page, title in FORMER:
        soup = parse_html(renamed / former / "index.html")
        refresh = attribute(present(soup.select_one('meta[http-equiv="refresh"]')), "content")
        delay, _, url = refresh.partition(";")
        assert delay == "0" and url.strip().startswith("url=")
        target = url.strip().removeprefix("url=")
        assert target == f"../{page.split('/')[1]}/index.html"
        assert (renamed / former / target).resolve() == (renamed / page / "index.html")
        canonical = attribute(present(soup.select_one('link[rel="canonical"]')), "href")
        assert canonical == f"https://example.org/docs/{page}/"
        assert attribute(present(soup.select_one('meta[name="robots"]')), "content") == "noindex"
        link = present(soup.select_one("main a"))
        assert " ".join(present(link.parent).get_text().split()) == f"This page has moved to {title}."
        assert attribute(link, "href") == target


def test_a_former_address_is_no_page_of_the_glossary(renamed: Path) -> None:
    formers = ("terms/gpu-chip/", "terms/graphics-card/", "tools/local-runner/", "local-runner")
    assert "tools/ollama/" in (renamed / "sitemap.xml").read_text(encoding="utf-8")
    for name in ("sitemap.xml", "index.html", "terms.json", "tools.json", "tools/index.html"):
        text = (renamed / name).read_text(encoding="utf-8")
        assert not any(former in text for former in formers), name
    entries = ET.parse(renamed / "feed.xml").getroot().findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Model training",
        "Tensor",
        "Graphics processing unit",
    ]
    links = [link.get("href", "") for e in entries for link in e.iter(f"{ATOM}link")]
    contents = [e.findtext(f"{ATOM}content") or "" for e in entries]
    assert not any(former in text for former in formers for text in links + contents)
    slugs = {term["slug"] for term in json.loads((renamed / "terms.json").read_text(encoding="utf-8"))}
    assert slugs == {"graphics-processing-unit", "model-training", "tensor"}
    a_to_z = [attribute(a, "href") for a in parse_html(renamed / "index.html").select("main a")]
    assert not [href for href in a_to_z if "gpu-chip" in href or "graphics-card" in href]
    indexed = set()
    for fragment in (renamed / "pagefind").glob("*/fragment/*"):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        indexed.add(urllib.parse.unquote(json.loads(data)["url"]))
    assert indexed == {
        "/terms/graphics-processing-unit/",
        "/terms/model-training/",
        "/terms/tensor/",
        "/tools/ollama/",
    }


def test_a_renamed_terms_feed_entry_keeps_the_id_of_its_first_address(renamed: Path) -> None:
    """Atom ids never change (RFC 4287, 4.2.6): was the new address, so a feed reader showed
    the renamed term as a new entry beside the one it had. Its link is the new address."""
    entries = ET.parse(renamed / "feed.xml").getroot().findall(f"{ATOM}entry")
    ids = {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}id") for e in entries}
    assert ids == {
        "Graphics processing unit": "https://example.org/docs/terms/gpu-chip/",
        "Model training": "https://example.org/docs/terms/model-training/",
        "Tensor": "https://example.org/docs/terms/tensor/",
    }
    gpu = next(e for e in entries if e.findtext(f"{ATOM}title") == "Graphics processing unit")
    address = "https://example.org/docs/terms/graphics-processing-unit/"
    assert [link.get("href") for link in gpu.iter(f"{ATOM}link")] == [address]
    xml_base = "{http://www.w3.org/XML/1998/namespace}base"
    assert [content.get(xml_base) for content in gpu.iter(f"{ATOM}content")] == [address]


def test_a_redirect_page_follows_the_readers_colour_scheme(renamed: Path) -> None:
    """Was: no colour scheme, so a reader in dark mode saw a white page flash before the term's."""
    soup = parse_html(renamed / "terms/gpu-chip/index.html")
    schemes = attribute(present(soup.select_one('meta[name="color-scheme"]')), "content").split()
    assert sorted(schemes) == ["dark", "light"]


def test_a_redirect_page_has_the_sites_own_head_tags_so_its_own_colours_too(renamed: Path) -> None:
    """Was: only the theme's stylesheet, so on a site with colours of its own the page flashed
    the theme's before the term page showed the site's."""
    soup = parse_html(renamed / "terms/gpu-chip/index.html")
    sheets = [attribute(link, "href") for link in soup.select('head link[rel="stylesheet"]')]
    assert sheets == ["../../assets/style.css", "../../assets/site.css"]


@needs_nu_checker
def test_a_redirect_page_passes_the_nu_html_checker(renamed: Path) -> None:
    assert_nu_checker_passes(renamed / "terms/gpu-chip")


def test_renaming_a_term_or_tool_file_keeps_its_old_address_working(tmp_path: Path) -> None:
    """The page of the term (tool) under its old name is replaced by one that sends readers to
    the new, in a build from the cache of the last."""
    site = write_files(copy_site("minimal", tmp_path), {OLLAMA: RENAMED_TOOL})
    assert run_glossary("build", cwd=site).returncode == 0
    (site / TENSOR).rename(site / "content/terms/tensors.md")
    add_line(site, "content/terms/tensors.md", "title: Tensor", "former_slugs: tensor")
    (site / OLLAMA).rename(site / "content/tools/ollama-app.md")
    add_line(site, "content/tools/ollama-app.md", "title: Ollama", "slug: local-ollama")
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    soup = parse_html(site / "_site/terms/tensor/index.html")
    assert present(soup.select_one("main a")).get_text() == "Tensor"
    assert attribute(present(soup.select_one("main a")), "href") == "../tensors/index.html"
    assert (site / "_site/terms/tensors/index.html").is_file()
    assert not (site / "_site/tools/ollama").exists(), "not a former slug of the tool"
    link = present(parse_html(site / "_site/tools/local-runner/index.html").select_one("main a"))
    assert attribute(link, "href") == "../local-ollama/index.html"
    add_line(site, "content/tools/ollama-app.md", "slug: local-ollama", "former_slugs: [ollama]")
    (site / "content/tools/ollama-app.md").write_text(
        (site / "content/tools/ollama-app.md")
        .read_text(encoding="utf-8")
        .replace("former_slugs: [local-runner]\n", ""),
        encoding="utf-8",
    )
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert not (site / "_site/tools/local-runner").exists(), "its page goes with the former slug"
    link = present(parse_html(site / "_site/tools/ollama/index.html").select_one("main a"))
    assert attribute(link, "href") == "../local-ollama/index.html"


def test_former_slug_problems_are_reported_at_their_lines_in_one_run(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    first = add_line(
        site,
        TENSOR,
        "title: Tensor",
        "former_slugs:\n  - Old Tensor\n  - tensor\n  - model-training\n  - gpu-chip\n  - nd-array",
    )
    gpu = add_line(site, GPU, "title: Graphics processing unit", "former_slugs: [gpu-chip]")
    box = "content/tools/llama-box.md"
    write_files(
        site,
        {
            OLLAMA: "---\ntitle: Ollama\nformer_slugs:\n  - Bad Slug\n  - ollama\n  - llama-box\n"
            "  - runner\n  - tensor\nsummary: Runs models.\nurl: https://ollama.com/\n---\n",
            box: "---\ntitle: Llama box\nformer_slugs: runner\nsummary: Boxes.\nurl: https://x.org/\n---\n",
        },
    )
    result = run_glossary("check", cwd=site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    found = [line for line in result.stderr.splitlines() if "former slug" in line]
    assert found == [
        f"{GPU}:{gpu}: former slug 'gpu-chip' is also a former slug of 'Tensor' ({TENSOR}:{first + 4}); "
        "one address can lead to one term only: keep it in one file",
        f"{TENSOR}:{first + 1}: former slug 'Old Tensor' must be lowercase letters, digits and "
        "single hyphens; write 'old-tensor'",
        f"{TENSOR}:{first + 2}: former slug 'tensor' is this term's own slug; remove it (or, if it is "
        "the address the term was first published at, list it first)",
        f"{TENSOR}:{first + 3}: former slug 'model-training' is the slug of 'Model training' "
        "(content/terms/model-training.md), whose page is at that address; remove it",
        f"{TENSOR}:{first + 4}: former slug 'gpu-chip' is also a former slug of 'Graphics processing unit' "
        f"({GPU}:{gpu}); one address can lead to one term only: keep it in one file",
        f"{box}:3: former slug 'runner' is also a former slug of 'Ollama' ({OLLAMA}:7); "
        "one address can lead to one tool only: keep it in one file",
        f"{OLLAMA}:4: former slug 'Bad Slug' must be lowercase letters, digits and single hyphens; "
        "write 'bad-slug'",
        f"{OLLAMA}:5: former slug 'ollama' is this tool's own slug; remove it (or, if it is "
        "the address the tool was first published at, list it first)",
        f"{OLLAMA}:6: former slug 'llama-box' is the slug of 'Llama box' ({box}), "
        "whose page is at that address; remove it",
        f"{OLLAMA}:7: former slug 'runner' is also a former slug of 'Llama box' ({box}:3); "
        "one address can lead to one tool only: keep it in one file",
    ]
    assert "Check failed: 10 error(s)" in result.stderr, "a term's slug is no tool's address"


def test_a_term_renamed_back_or_merged_lists_its_own_slug_first_and_keeps_its_feed_id(
    tmp_path: Path,
) -> None:
    """Was: its own slug could not be listed, so a term renamed back to its first slug, or one
    that took in another's address, had the next former slug as its feed id: feed readers
    showed it as a new entry. Its own slug listed later is still an error."""
    site = copy_site("minimal", tmp_path)
    add_line(
        site, GPU, "title: Graphics processing unit", "former_slugs: [graphics-processing-unit, gpu-chip]"
    )

    result = run_glossary("build", "--strict", cwd=site)

    assert result.returncode == 0, result.stderr
    entries = ET.parse(site / "_site/feed.xml").getroot().findall(f"{ATOM}entry")
    ids = {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}id") for e in entries}
    assert ids["Graphics processing unit"] == "https://example.org/docs/terms/graphics-processing-unit/"
    link = present(parse_html(site / "_site/terms/gpu-chip/index.html").select_one("main a"))
    assert attribute(link, "href") == "../graphics-processing-unit/index.html"
    page = parse_html(site / "_site/terms/graphics-processing-unit/index.html")
    assert present(page.select_one("h1")).get_text(strip=True) == "Graphics processing unit"

    (site / GPU).write_text(
        (site / GPU)
        .read_text(encoding="utf-8")
        .replace("[graphics-processing-unit, gpu-chip]", "[gpu-chip, graphics-processing-unit]"),
        encoding="utf-8",
    )
    later = run_glossary("check", cwd=site)
    assert later.returncode == 1
    assert (
        f"{GPU}:3: former slug 'graphics-processing-unit' is this term's own slug; remove it (or, if it "
        in (later.stderr)
    )


def test_a_former_slug_that_is_another_terms_name_is_a_warning(tmp_path: Path) -> None:
    """Was silent: [[gpu]] led to one term and /terms/gpu/ to another. One that is the term's
    own alias (a merged term's slug kept as both) says nothing."""
    site = copy_site("minimal", tmp_path)
    line = add_line(site, TENSOR, "title: Tensor", "former_slugs: [nd-array, gpu]")
    add_line(site, TENSOR, "title: Tensor", "aliases: [ND array, nd-array]")

    result = run_glossary("check", cwd=site)

    assert result.returncode == 0, result.stderr
    assert [problem for problem in result.stderr.splitlines() if "former slug" in problem] == [
        f"{TENSOR}:{line + 1}: warning: former slug 'gpu' is also a name of 'Graphics processing unit' "
        f"({GPU}): [[gpu]] leads there, the address /terms/gpu/ here; remove one of them"
    ]


def test_a_former_address_written_as_a_path_file_or_url_is_told_its_slug(tmp_path: Path) -> None:
    """Was "write 'terms-gen-ai'", "'gen-ai-md'", "'https-x-org-terms-old-one'": the whole value
    made into a slug; and "write 'tensor'" in tensor.md, the term's own slug, an error again."""
    site = copy_site("minimal", tmp_path)
    first = add_line(
        site,
        TENSOR,
        "title: Tensor",
        'former_slugs:\n  - /terms/nd-array/\n  - arrays.md\n  - "https://x.org/terms/old-one/"\n  - Tensor',
    )
    add_line(site, GPU, "title: Graphics processing unit", "former_slugs: [/terms/graphics-processing-unit/]")

    result = run_glossary("check", cwd=site)

    rule = "must be lowercase letters, digits and single hyphens"
    assert [line for line in result.stderr.splitlines() if "former slug" in line] == [
        # its own address first: where it was first published, which may be listed so
        f"{GPU}:3: former slug '/terms/graphics-processing-unit/' {rule}; write 'graphics-processing-unit'",
        f"{TENSOR}:{first + 1}: former slug '/terms/nd-array/' {rule}; write 'nd-array'",
        f"{TENSOR}:{first + 2}: former slug 'arrays.md' {rule}; write 'arrays'",
        f"{TENSOR}:{first + 3}: former slug 'https://x.org/terms/old-one/' {rule}; write 'old-one'",
        f"{TENSOR}:{first + 4}: former slug 'Tensor' {rule}",
    ]


def test_a_drafts_former_slugs_follow_the_draft(tmp_path: Path) -> None:
    """No page for the address of a term (tool) not yet published; with --drafts there is one,
    and it claims the address against the other terms (tools) as a published one does."""
    site = write_files(
        copy_site("minimal", tmp_path), {OLLAMA: RENAMED_TOOL.replace("---\n\n", "draft: true\n---\n\n")}
    )
    (site / "content/terms/dropout.md").write_text(
        "---\ntitle: Dropout\nsummary: Switching units off at random.\n"
        'definition: "**Dropout** zeroes random units."\nrelated: [tensor, GPU]\n'
        "former_slugs: [drop-out]\ndraft: true\nupdated: 2025-05-02\n---\n\nSoon.\n",
        encoding="utf-8",
    )
    assert run_glossary("build", cwd=site).returncode == 0
    assert not (site / "_site/terms/drop-out").exists()
    assert not (site / "_site/tools/local-runner").exists()
    drafts = run_glossary("build", "--drafts", cwd=site)
    assert drafts.returncode == 0, drafts.stderr
    link = present(parse_html(site / "_site/terms/drop-out/index.html").select_one("main a"))
    assert attribute(link, "href") == "../dropout/index.html"
    link = present(parse_html(site / "_site/tools/local-runner/index.html").select_one("main a"))
    assert attribute(link, "href") == "../ollama/index.html"
    add_line(site, GPU, "title: Graphics processing unit", "former_slugs: [drop-out, dropout]")
    write_files(site, {"content/tools/box.md": RENAMED_TOOL.replace("Ollama", "Box")})
    claimed = run_glossary("build", cwd=site)
    assert claimed.returncode == 0, "the drafts claim nothing"
    # but publishing the draft would make the address its page's, and the former slug an error
    assert f"{GPU}:3: warning: former slug 'dropout' is the slug of a draft term" in claimed.stderr
    clash = run_glossary("check", "--drafts", cwd=site)
    assert clash.returncode == 1
    assert "content/terms/dropout.md:6: former slug 'drop-out' is also a former slug of" in clash.stderr
    assert f"{OLLAMA}:3: former slug 'local-runner' is also a former slug of 'Box'" in clash.stderr


def test_a_link_to_a_former_address_is_a_warning_that_names_the_page(tmp_path: Path) -> None:
    """Was silent: the link worked, through a page that only sends readers on."""
    site = write_files(copy_site("minimal", tmp_path), {OLLAMA: RENAMED_TOOL})
    add_line(site, GPU, "title: Graphics processing unit", "former_slugs: [gpu-chip]")
    tensor = site / TENSOR
    text = (
        tensor.read_text(encoding="utf-8")
        + "\nSee [the chip](/terms/gpu-chip/), [it](../gpu-chip/index.html) "
        + "and [a tool](/tools/local-runner/).\n"
    )
    tensor.write_text(text, encoding="utf-8")
    line = len(text.rstrip("\n").split("\n"))

    result = run_glossary("check", cwd=site)

    warned = [problem for problem in result.stderr.splitlines() if "former address" in problem]
    assert sorted(warned) == [
        *(
            f"{TENSOR}:{line}: warning: link '{url}' leads to the former address of "
            "'Graphics processing unit', which only sends readers on; "
            "link to '/terms/graphics-processing-unit/'"
            for url in ("../gpu-chip/index.html", "/terms/gpu-chip/")
        ),
        f"{TENSOR}:{line}: warning: link '/tools/local-runner/' leads to the former address of 'Ollama', "
        "which only sends readers on; link to '/tools/ollama/'",
    ]
    assert result.returncode == 0


def test_a_reference_by_a_renamed_term_or_tools_old_slug_names_the_new_one(tmp_path: Path) -> None:
    """Was "unknown related term 'model-training'" with a "did you mean" for the closest
    spelling: the editor who renamed the file was not told the old slug was the reason."""
    site = write_files(copy_site("minimal", tmp_path), {OLLAMA: RENAMED_TOOL})
    (site / "content/terms/model-training.md").rename(site / "content/terms/training.md")
    add_line(site, "content/terms/training.md", "title: Model training", "former_slugs: [model-training]")
    tensor = site / TENSOR
    text = tensor.read_text(encoding="utf-8") + "\nSee [[model-training]] and [[tool:local-runner]].\n"
    tensor.write_text(text, encoding="utf-8")
    result = run_glossary("check", cwd=site)
    assert result.returncode == 1
    renamed = "it is a former slug of content/terms/training.md, renamed; write its slug now, 'training'"
    assert [line for line in result.stderr.splitlines() if "unknown" in line] == [
        f"{TENSOR}:7: unknown related term 'model-training': {renamed}",
        f"{TENSOR}:30: unknown tool link 'local-runner': it is a former slug of {OLLAMA}, renamed; "
        "write its slug now, 'ollama'",
        f"{TENSOR}:30: unknown wiki-link target 'model-training': {renamed}",
    ]
