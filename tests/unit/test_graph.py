"""graph: names resolve across files, clashes and unknown references are reported with lines."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import random
from collections.abc import Mapping

import pytest

from glossary_site import content, graph, tools, views
from glossary_site.config import SiteConfig
from glossary_site.diagnostics import Diagnostics, closest
from glossary_site.model import Glossary, Group, TermSource


def term_file(title: str, extra: str = "") -> str:
    """A valid term file; `extra` front matter starts on line 5."""
    return f"---\ntitle: {title}\nsummary: About {title}.\ndefinition: {title} is a thing.\n{extra}---\n"


def sources(files: Mapping[str, str]) -> list[TermSource]:
    diagnostics = Diagnostics()
    terms = [content.parse_term(f"content/terms/{name}", text, diagnostics) for name, text in files.items()]
    assert [str(d) for d in diagnostics.items] == []
    return terms


def build(
    files: Mapping[str, str], site_config: SiteConfig, include_drafts: bool = False
) -> tuple[Glossary, list[str]]:
    diagnostics = Diagnostics()
    glossary = graph.build_glossary(sources(files), site_config, diagnostics, include_drafts)
    return glossary, [str(d) for d in diagnostics.sorted()]


def with_backlinks(glossary: Glossary, links: Mapping[str, tuple[str, ...]]) -> tuple[Glossary, list[str]]:
    """Backlinks as computed after Markdown, with the wiki-links each body was found to contain."""
    diagnostics = Diagnostics()
    linked = graph.add_backlinks(glossary, links, diagnostics)
    return linked, [str(d) for d in diagnostics.sorted()]


DATED = "updated: 2025-03-01\n"
NAMED = {
    "gpu.md": term_file("Graphics Processing Unit", "aliases: [GPU, graphics card]\n"),
    "policy.md": term_file("Policy"),
    "batch.md": term_file("Batch"),
    "mixture-of-experts.md": term_file("Mixture of Experts", "aliases: [MoE]\n"),
}


# Resolving references


@pytest.mark.parametrize(
    ("reference", "slug"),
    [
        ("gpu", "gpu"),
        ("Graphics Processing Unit", "gpu"),
        ("graphics card", "gpu"),
        ("GRAPHICS processing UNIT", "gpu"),
        ("  MoE ", "mixture-of-experts"),
        ("GPUs", "gpu"),
        ("graphics cards", "gpu"),
        ("Policies", "policy"),
        ("batches", "batch"),
        ("MoEs", "mixture-of-experts"),
    ],
)
def test_reference_resolves_by_slug_title_alias_ignoring_case_and_plurals(
    site_config: SiteConfig, reference: str, slug: str
) -> None:
    glossary, _ = build(NAMED, site_config)

    assert graph.resolve(glossary.names, reference) == slug


@pytest.mark.parametrize("reference", ["tpu", "polic", "s", ""])
def test_reference_to_no_term_resolves_to_nothing(site_config: SiteConfig, reference: str) -> None:
    glossary, _ = build(NAMED, site_config)

    assert graph.resolve(glossary.names, reference) is None


def test_related_terms_resolve_in_the_order_written_without_repeats(site_config: SiteConfig) -> None:
    files = {
        **NAMED,
        "tensor.md": term_file("Tensor", "related: [Policies, GPU, gpu, graphics card, batch]\n"),
    }

    glossary, problems = build(files, site_config)

    assert problems == [
        "content/terms/tensor.md:5: warning: related term 'gpu' is listed twice; remove one",
        "content/terms/tensor.md:5: warning: related term 'graphics card' is listed twice; remove one",
    ]
    assert glossary.related["tensor"] == ("policy", "gpu", "batch")


# Clashes between files


def test_duplicate_title_is_an_error_at_the_second_files_line_naming_the_first(
    site_config: SiteConfig,
) -> None:
    files = {"tensor.md": term_file("Tensor"), "tensors.md": term_file("tensor")}

    _, problems = build(files, site_config)

    assert problems == [
        "content/terms/tensors.md:2: title 'tensor' is already a name of 'tensor' "
        "(content/terms/tensor.md:2); titles, slugs and aliases must be unique"
    ]


def test_a_name_that_is_another_files_name_points_at_its_file_name_not_at_line_1(
    site_config: SiteConfig,
) -> None:
    """Was "(content/terms/gpu.md:1)", a '---' line, for a slug that only the file's name gives."""
    files = {
        "gpu.md": term_file("Graphics processing unit"),
        "card.md": term_file("Card", "aliases: [GPU]\n"),
    }

    _, problems = build(files, site_config)

    assert problems == [
        "content/terms/card.md:5: alias 'GPU' is already a name of 'gpu' (the slug of "
        "content/terms/gpu.md, from its file name); titles, slugs and aliases must be unique"
    ]


def test_duplicate_title_between_two_titles_names_the_first_title_line(site_config: SiteConfig) -> None:
    files = {"a-tensor.md": term_file("Tensor"), "b-tensor.md": term_file("TENSOR")}

    _, problems = build(files, site_config)

    assert problems == [
        "content/terms/b-tensor.md:2: title 'TENSOR' is already a name of 'a-tensor' "
        "(content/terms/a-tensor.md:2); titles, slugs and aliases must be unique"
    ]


def test_duplicate_alias_is_an_error_naming_both_files(site_config: SiteConfig) -> None:
    files = {
        "large-language-model.md": term_file("Large Language Model", "aliases: [LLM, L'\u0153uvre]\n"),
        "language-model.md": term_file("Language Model", "aliases: [LM, llm, L\u2019\u0153uvre]\n"),
    }

    _, problems = build(files, site_config)

    unique = "titles, slugs and aliases must be unique"
    assert problems == [  # an apostrophe U+2019 or ' makes no other name: a reader cannot tell them apart
        "content/terms/large-language-model.md:5: alias 'L'\u0153uvre' is already a name of "
        f"'language-model' (content/terms/language-model.md:5); {unique}",
        "content/terms/large-language-model.md:5: alias 'LLM' is already a name of 'language-model' "
        f"(content/terms/language-model.md:5); {unique}",
    ]


def test_duplicate_alias_in_a_block_list_is_reported_at_the_alias_line(site_config: SiteConfig) -> None:
    files = {
        "a-transformer.md": term_file("Transformer"),
        "b-attention.md": term_file("Attention", "aliases:\n  - Self-attention\n  - transformer\n"),
    }

    _, problems = build(files, site_config)

    assert problems == [
        "content/terms/b-attention.md:7: alias 'transformer' is already a name of 'a-transformer' "
        "(content/terms/a-transformer.md:2); titles, slugs and aliases must be unique"
    ]


def test_alias_clashing_with_a_title_is_reported_even_in_the_earlier_file(site_config: SiteConfig) -> None:
    files = {"a-matrix.md": term_file("Matrix", "aliases: [Tensor]\n"), "b-tensor.md": term_file("Tensor")}

    glossary, problems = build(files, site_config)

    assert problems == [
        "content/terms/a-matrix.md:5: alias 'Tensor' is already a name of 'b-tensor' "
        "(content/terms/b-tensor.md:2); titles, slugs and aliases must be unique"
    ]
    assert graph.resolve(glossary.names, "tensor") == "b-tensor"


@pytest.mark.parametrize(("stock", "sear"), [("stock.md", "sear.md"), ("z-stock.md", "a-sear.md")])
def test_an_alias_that_is_a_plural_of_another_terms_name_is_a_warning_at_its_line(
    site_config: SiteConfig, stock: str, sear: str
) -> None:
    """Was silent: [[stocks]], written for Stock, led to Sear once Sear had the alias 'Stocks',
    whichever file sorts first. Two titles may be so on purpose (Fond, Fonds): no warning."""
    files = {
        stock: term_file("Stock"),
        sear: term_file("Sear", "aliases: [Searing, Stocks]\n"),
        "fond.md": term_file("Fond"),
        "fonds.md": term_file("Fonds"),
    }

    glossary, problems = build(files, site_config)

    assert problems == [
        f"content/terms/{sear}:5: warning: alias 'Stocks' is also a plural of 'Stock' "
        f"(content/terms/{stock}), so [[Stocks]] and related entries naming 'Stocks' lead to "
        "this term, not to that one; remove the alias"
    ]
    assert graph.resolve(glossary.names, "stocks") == sear.removesuffix(".md")


def test_a_drafts_alias_that_is_a_plural_of_another_terms_name_is_warned_of_unbuilt(
    site_config: SiteConfig,
) -> None:
    """Its name is its own, published or not: [[fonds]] leads to the draft already."""
    files = {"fond.md": term_file("Fond"), "stock.md": term_file("Stock", "draft: true\naliases: [Fonds]\n")}

    _, problems = build(files, site_config)

    assert [problem.split(" is also")[0] for problem in problems] == [
        "content/terms/stock.md:6: warning: alias 'Fonds'"
    ]


def test_a_plural_of_the_terms_own_name_or_of_no_terms_is_no_warning(site_config: SiteConfig) -> None:
    files = {
        "stock.md": term_file("Stock", "aliases: [Stocks, Fonds]\n"),
        "policy.md": term_file("Policies"),
        "glass.md": term_file("Glass", "aliases: [GPUs]\n"),
    }

    _, problems = build(files, site_config)

    assert problems == []


def test_alias_equal_to_its_own_title_is_no_clash_but_a_warning(site_config: SiteConfig) -> None:
    """Was silent, and the page said "Also known as TENSOR" under the title Tensor."""
    _, problems = build({"tensor.md": term_file("Tensor", "aliases: [TENSOR]\n")}, site_config)

    assert problems == ["content/terms/tensor.md:5: warning: alias 'TENSOR' is the title itself; remove it"]


def test_an_alias_written_as_an_address_is_a_warning_and_a_name_with_a_slash_is_not(
    site_config: SiteConfig,
) -> None:
    """Was silent: Hugo's aliases (old addresses) copied over showed as "Also known as /terms/x/"."""
    files = {"tcp.md": term_file("TCP", "aliases: [/terms/tcp-ip/, TCP/IP]\n")}

    _, problems = build(files, site_config)

    assert problems == [
        "content/terms/tcp.md:5: warning: alias '/terms/tcp-ip/' is an address, but an alias is another "
        "name of the term; remove it, and keep the address with 'former_slugs: [tcp-ip]'"
    ]
    text = "---\ntitle: Box\nsummary: A box.\nurl: https://x.org/\naliases: [/tools/old-box/]\n---\n"
    tool = tools.parse_tool("content/tools/box.md", text, "", None, Diagnostics())
    assert [str(found) for found in graph.alias_repeats(tool)] == [
        "content/tools/box.md:5: warning: alias '/tools/old-box/' is an address, but an alias is another "
        "name of the tool; remove it, and keep the address with 'former_slugs: [old-box]'"
    ], "a tool has former slugs too"


def test_an_alias_that_looks_like_an_address_without_its_first_slash_is_a_warning(
    site_config: SiteConfig,
) -> None:
    """Was silent: Hugo's aliases written without their first '/' showed as "Also known as
    gpus/, old/gpu, graphics-card.html"; a name with a slash in it is no address."""
    names = "gpus/, old/gpu, graphics-card.html, TCP/IP, I/O, AI/ML, km/h, input/output, and/or"
    files = {"gpu.md": term_file("GPU", f"aliases: [{names}]\n")}

    _, problems = build(files, site_config)

    said = (
        "content/terms/gpu.md:5: warning: alias '{}' looks like an address, but an alias is another "
        "name of the term; remove it (a term's old slug goes in 'former_slugs', and another old "
        "address is kept by a page in static/ that sends readers on)"
    )
    assert problems == [said.format(alias) for alias in ("gpus/", "graphics-card.html", "old/gpu")]


def test_an_alias_that_is_an_address_outside_terms_says_which_page_keeps_it(site_config: SiteConfig) -> None:
    """Was "remove it (a term's old slug goes in 'former_slugs')", which cannot hold Hugo's
    /glossary/tcp-ip/: the warning named no way to keep the address."""
    files = {"tcp.md": term_file("TCP", "aliases: [/glossary/tcp-ip/, /old/tcp.html]\n")}

    _, problems = build(files, site_config)

    said = (
        "content/terms/tcp.md:5: warning: alias '{}' is an address, but an alias is another name "
        "of the term; "
    )
    assert problems == [
        said.format("/glossary/tcp-ip/") + "remove it, and to keep the address write "
        'static/glossary/tcp-ip/index.html holding <meta http-equiv="refresh" '
        'content="0; url=../../terms/tcp/index.html">',
        said.format("/old/tcp.html") + "remove it, and to keep the address write static/old/tcp.html "
        'holding <meta http-equiv="refresh" content="0; url=../terms/tcp/index.html">',
    ]


def test_the_page_keeping_a_bundles_address_leads_to_the_slug_its_rename_gives() -> None:
    """A Hugo page bundle's index.md, whose page is terms/index/ until it is renamed as its own
    warning says: the redirect it was told to write led to terms/index/."""
    text = term_file("TCP", "aliases: [/glossary/tcp-ip/]\n")
    terms = [content.parse_term("content/terms/tcp/index.md", text, Diagnostics())]

    warned = [str(found) for found in graph.alias_repeats(terms[0])]

    assert warned == [
        "content/terms/tcp/index.md:5: warning: alias '/glossary/tcp-ip/' is an address, but an alias is "
        "another name of the term; remove it, and to keep the address write "
        'static/glossary/tcp-ip/index.html holding <meta http-equiv="refresh" '
        'content="0; url=../../terms/tcp/index.html">'
    ]


def test_an_updated_date_may_be_tomorrow_but_not_later() -> None:
    """Tomorrow is allowed: an editor a time zone ahead of the building machine may be on it."""
    today = dt.date(2025, 3, 1)

    def warned(day: dt.date) -> list[str]:
        term = TermSource(
            path="content/terms/gpu.md",
            slug="gpu",
            title="GPU",
            summary="S.",
            definition="GPU.",
            definition_line=4,
            body="",
            body_line=9,
            updated=day,
            key_lines={"updated": 6},
        )
        return [str(d) for d in graph.date_warnings(term, today)]

    assert warned(today) == warned(dt.date(2025, 3, 2)) == []
    assert warned(dt.date(2025, 3, 3)) == [
        "content/terms/gpu.md:6: warning: 'updated' date 2025-03-03 is in the future; "
        "write the day of the last change"
    ]


def test_same_file_name_in_two_sub_folders_is_a_slug_clash(site_config: SiteConfig) -> None:
    files = {"hardware/gpu.md": term_file("GPU"), "models/gpu.md": term_file("GPU model")}

    glossary, problems = build(files, site_config)

    assert problems == [
        "content/terms/models/gpu.md:1: slug 'gpu' is already used by content/terms/hardware/gpu.md; "
        "rename the file or set 'slug:'"
    ]
    assert glossary.terms["gpu"].path == "content/terms/hardware/gpu.md"


def test_references_to_the_term_that_lost_its_slug_are_not_errors_as_well(site_config: SiteConfig) -> None:
    """Was: besides the clash, "unknown related term 'Model training'; did you mean
    'model-training'?" in every file that lists it."""
    files = {
        "m1.md": term_file("Training run", "slug: model-training\n"),
        "model-training.md": term_file("Model training"),
        "tensor.md": term_file("Tensor", "related: [Model training, Tensr]\n"),
    }

    _, problems = build(files, site_config)

    assert problems == [
        "content/terms/m1.md:5: slug 'model-training' is already used by content/terms/model-training.md; "
        "rename the file or set 'slug:'",
        "content/terms/tensor.md:5: unknown related term 'Tensr'; did you mean 'tensor'?",
    ]


def test_references_by_any_name_to_the_term_that_lost_its_slug_are_not_errors_as_well(
    site_config: SiteConfig,
) -> None:
    """Was: one 'unknown related term' per file that named it by its file name, title or alias,
    besides the clash, though no other term has those names."""
    files = {
        "vae.md": term_file("Variational autoencoder", "slug: gan\naliases: [VAE]\n"),
        "gan.md": term_file("GAN"),
        "tensor.md": term_file("Tensor", "related: [vae, Variational autoencoder, VAEs, Tensr]\n"),
    }

    _, problems = build(files, site_config)

    assert problems == [
        "content/terms/tensor.md:5: unknown related term 'Tensr'; did you mean 'tensor'?",
        "content/terms/vae.md:5: slug 'gan' is already used by content/terms/gan.md; "
        "rename the file or set 'slug:'",
    ]


def test_a_slug_clash_is_reported_in_the_file_that_set_the_slug_whatever_the_file_order(
    site_config: SiteConfig,
) -> None:
    """Was: the error went to transformer.md, which did nothing wrong, and a.md had a second
    one, "'transformer' is this term itself", for the term it is related to."""
    files = {
        "a.md": term_file("Probe", "slug: transformer\nrelated: [transformer]\n"),
        "transformer.md": term_file("Transformer"),
    }

    glossary, problems = build(files, site_config)

    assert problems == [
        "content/terms/a.md:5: slug 'transformer' is already used by content/terms/transformer.md; "
        "rename the file or set 'slug:'",
    ]
    assert glossary.terms["transformer"].title == "Transformer"


# Unknown references


def test_unknown_related_term_is_an_error_at_its_line_with_did_you_mean(site_config: SiteConfig) -> None:
    files = {
        "tokenizer.md": term_file("Tokenizer"),
        "token.md": term_file("Token", "related:\n  - tokenizer\n  - tokeniser\n"),
    }

    _, problems = build(files, site_config)

    assert problems == [
        "content/terms/token.md:7: unknown related term 'tokeniser'; did you mean 'tokenizer'?"
    ]


def test_suggestion_among_many_similar_names_is_the_one_difflib_picks() -> None:
    """The quicker search must suggest what difflib's own would, ties included."""
    rng = random.Random(7)
    words = ["sparse", "dense", "gradient", "token", "tokeniser", "adapter", "adaptive", "graph", "ranking"]
    names = sorted({" ".join(rng.sample(words, rng.randint(1, 3))) for _ in range(400)})
    typos = [name[:i] + name[i + 1 :] for name in names[::7] for i in (0, len(name) // 2)]
    for word in [*typos, "grad", "zzz", "sparse sparse", "tokenizer", "rankings"]:
        expected = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
        assert closest(word, names) == (expected[0] if expected else None), word
    assert closest("token c", ["token a", "token b"]) == "token b"  # a tie: difflib's pick


def test_a_related_term_or_alias_listed_twice_is_a_warning_at_the_repeat(site_config: SiteConfig) -> None:
    """Was silent: a copy-paste slip ([llm, LLM], two aliases alike) went unnoticed."""
    files = {
        "token.md": term_file("Token", "aliases: [tok, TOK]\nrelated:\n  - llm\n  - Large language models\n"),
        "llm.md": term_file("Large language model", "related: [token]\n"),
    }

    glossary, problems = build(files, site_config)

    assert problems == [
        "content/terms/token.md:5: warning: alias 'TOK' is listed twice; remove one",
        "content/terms/token.md:8: warning: related term 'Large language models' is listed already "
        "(line 7); remove one",
    ]
    assert glossary.related["token"] == ("llm",)


def test_unknown_related_term_with_nothing_close_has_no_suggestion(site_config: SiteConfig) -> None:
    _, problems = build({"token.md": term_file("Token", "related: [Photosynthesis]\n")}, site_config)

    assert problems == ["content/terms/token.md:5: unknown related term 'Photosynthesis'"]


@pytest.mark.parametrize(
    ("related", "expected"),
    [
        (  # was "unknown related term '[[Stock]], fond'", no word of what to write
            '"[[Stock]], fond"',
            "unknown related term '[[Stock]], fond'; to list several terms, write a list, without "
            "'[[ ]]': [Stock, fond]",
        ),
        (  # was "…; did you mean 'Batch'?", which drops the other name
            '"[[Batch]], [[GPU|the GPU]]"',
            "unknown related term '[[Batch]], [[GPU|the GPU]]'; to list several terms, write a list, "
            "without '[[ ]]': [Batch, GPU]",
        ),
        (
            '[Batch, "[[Polcy]]"]',
            "unknown related term '[[Polcy]]'; write the name alone, without "
            "'[[ ]]': Polcy (did you mean 'policy'?)",
        ),
        (  # was "unknown related term 'Batch, Polcy'; did you mean 'Batch'?"
            "Batch, Polcy",
            "unknown related term 'Batch, Polcy'; to list several terms, write a list: [Batch, Polcy] "
            "(and for 'Polcy', did you mean 'policy'?)",
        ),
    ],
)
def test_an_unknown_related_entry_written_as_wiki_links_or_a_list_says_to_write_a_list(
    site_config: SiteConfig, related: str, expected: str
) -> None:
    files = {**NAMED, "token.md": term_file("Token", f"related: {related}\n")}

    _, problems = build(files, site_config)

    assert problems == [f"content/terms/token.md:5: {expected}"]


def test_an_unknown_name_with_a_comma_close_to_a_name_with_one_is_that_name(site_config: SiteConfig) -> None:
    files = {
        **NAMED,
        "smith.md": term_file("Smith, John"),
        "token.md": term_file("Token", 'related: "Smith, Jon"\n'),
    }

    _, problems = build(files, site_config)

    assert problems == [
        "content/terms/token.md:5: unknown related term 'Smith, Jon'; did you mean 'Smith, John'?"
    ]


def test_term_listing_itself_as_related_is_an_error(site_config: SiteConfig) -> None:
    files = {"token.md": term_file("Token", "aliases: [Tokens]\nrelated:\n  - tokens\n")}

    glossary, problems = build(files, site_config)

    assert problems == ["content/terms/token.md:7: 'tokens' is this term itself; remove it from related"]
    assert glossary.related["token"] == ()


def test_cta_naming_an_unknown_block_is_an_error_with_did_you_mean(site_config: SiteConfig) -> None:
    files = {"token.md": term_file("Token", "cta: stack-bilder\n")}

    _, problems = build(files, site_config)

    assert problems == [
        "content/terms/token.md:5: cta 'stack-bilder' is not a block in content/site.yml; "
        "did you mean 'stack-builder'?"
    ]


def test_cta_naming_a_known_block_or_switched_off_is_fine(site_config: SiteConfig) -> None:
    files = {"a.md": term_file("A", "cta: stack-builder\n"), "b.md": term_file("B", "cta: false\n")}

    _, problems = build(files, site_config)

    assert problems == []


# Drafts


def test_drafts_are_left_out_unless_asked_for(site_config: SiteConfig) -> None:
    files = {"token.md": term_file("Token"), "agent.md": term_file("Agent", "draft: true\n")}

    published, _ = build(files, site_config)
    previewed, _ = build(files, site_config, include_drafts=True)

    assert list(published.terms) == ["token"]
    assert published.drafts == frozenset({"agent"})
    assert list(previewed.terms) == ["agent", "token"]
    assert previewed.drafts == frozenset()


def test_related_term_that_is_a_draft_is_a_warning_and_left_out(site_config: SiteConfig) -> None:
    files = {
        "token.md": term_file("Token", "related: [Agent]\n"),
        "agent.md": term_file("Agent", "draft: true\n"),
    }

    glossary, problems = build(files, site_config)

    assert problems == [
        "content/terms/token.md:5: warning: related term 'Agent' is a draft and is left out; "
        "build with --drafts"
    ]
    assert glossary.related["token"] == ()


# Order, categories and tags


def test_terms_are_ordered_by_title_ignoring_case(site_config: SiteConfig) -> None:
    files = {"a.md": term_file("zeta"), "b.md": term_file("Alpha"), "c.md": term_file("beta")}

    glossary, _ = build(files, site_config)

    assert [t.title for t in glossary.terms.values()] == ["Alpha", "beta", "zeta"]
    assert list(glossary.terms) == ["b", "c", "a"]


def test_a_title_is_sorted_and_filed_as_its_sort_as_and_an_alias_as_itself(site_config: SiteConfig) -> None:
    """`sort_as` is what a dictionary calls the sort key: a Chinese title was under '#' in code
    point order, `.NET` and `The Beatles` under '#' and T; with it, each is where readers look."""
    files = {
        "jiqi.md": term_file("机器学习", "sort_as: jiqi xuexi\naliases: [ML]\ncategory: All\n"),
        "jisuan.md": term_file("计算", "sort_as: jisuan\ncategory: All\n"),
        "dotnet.md": term_file(".NET", "sort_as: NET\ncategory: All\n"),
        "beatles.md": term_file("The Beatles", "sort_as: Beatles\ncategory: All\n"),
        "java.md": term_file("Java", "category: All\n"),
        "kernel.md": term_file("Kernel", "category: All\n"),
        "nim.md": term_file("Nim", "category: All\n"),
    }

    glossary, _ = build(files, site_config)

    titles = ["The Beatles", "Java", "机器学习", "计算", "Kernel", ".NET", "Nim"]
    assert [t.title for t in glossary.terms.values()] == titles
    assert [glossary.terms[slug].title for slug in glossary.categories[0].terms] == titles
    entries = views.a_to_z_entries(glossary, views.TermLinks(glossary))
    sections = {
        letter: [entry.name for entry in filed] for letter, filed in views.lettered(entries, "en")["sections"]
    }
    assert sections == {
        "B": ["The Beatles"],
        "J": ["Java", "机器学习", "计算"],
        "K": ["Kernel"],
        "M": ["ML"],  # an alias by itself
        "N": [".NET", "Nim"],
    }


def test_categories_and_tags_are_grouped_ignoring_case_and_sorted(site_config: SiteConfig) -> None:
    """A group shows the spelling most of its terms write, a tie the first term's A to Z: one
    odd spelling first A to Z renamed 'Models' everywhere, with no warning. Each other spelling
    is a warning where it is written."""
    files = {
        "vae.md": term_file("VAE", "category: Models\ntags: [generative, Deep learning]\n"),
        "gan.md": term_file("GAN", "category: models\ntags: [Generative]\n"),
        "rnn.md": term_file("RNN", "category: Models\n"),
        "token.md": term_file("Token", "category: Concepts\ntags: [text, text]\n"),
    }

    glossary, problems = build(files, site_config)

    assert problems == [
        "content/terms/gan.md:5: warning: category 'models' is shown as 'Models', "
        "as 2 of 3 terms spell it; write it so",
        "content/terms/token.md:6: warning: tag 'text' is listed twice; remove one",
        "content/terms/vae.md:6: warning: tag 'generative' is shown as 'Generative', "
        "as the first term A to Z spells it (a tie at 1 of 2 terms); write it so",
    ]
    assert glossary.categories == (
        Group("Concepts", "concepts", ("token",)),
        Group("Models", "models", ("gan", "rnn", "vae")),
    )
    assert glossary.tags == (
        Group("Deep learning", "deep-learning", ("vae",)),
        Group("Generative", "generative", ("gan", "vae")),
        Group("text", "text", ("token",)),
    )


def test_a_category_close_to_a_described_one_others_are_in_is_warned_of_once(
    site_config: SiteConfig,
) -> None:
    """Was silent: with "Chemistry" described and used, a term in "Chemestry" made a page of its
    own. Another spelling of a described name is shown as site.yml spells it, even where most
    terms write it otherwise, and is a warning of its own; a name close to none is no warning;
    a described name no term is in is warned of at site.yml alone, as before."""
    described = ("Chemistry", "Techniques", "Basics")
    config = dataclasses.replace(
        site_config,
        categories={name: f"About {name}." for name in described},
        category_lines={name: line for line, name in enumerate(described, start=20)},
    )
    files = {
        "a.md": term_file("Alpha", "category: chemistry\n"),
        "b.md": term_file("Beta", "category: Chemestry\n"),
        "c.md": term_file("Gamma", "category: Chemestry\n"),
        "d.md": term_file("Delta", "category: chemistry\n"),
        "e.md": term_file("Epsilon", "category: Plating\n"),
        "f.md": term_file("Zeta", "category: Technique\n"),
        "g.md": term_file("Eta", "category: Basic\n"),
        "h.md": term_file("Theta", "category: basics\n"),
        "i.md": term_file("Iota", "category: Basics\n"),  # 'Basic' is warned of once, not twice
        "j.md": term_file("Kappa", "category: Sauces\n"),
        "k.md": term_file("Lambda", "category: sauces\n"),
        "l.md": term_file("Mu", "category: Sauce\n"),  # not described, nor is the one it is close to
    }

    glossary, problems = build(files, config)

    hint = "(for a new category, describe it under categories in content/site.yml)"
    as_described = "as content/site.yml spells it; write it so"
    assert problems == [
        "content/site.yml:21: warning: no term is in category 'Techniques'; did you mean 'Technique'?",
        f"content/terms/a.md:5: warning: category 'chemistry' is shown as 'Chemistry', {as_described}",
        "content/terms/b.md:5: warning: category 'Chemestry' has no description in site.yml; "
        f"did you mean 'Chemistry'? {hint}",
        f"content/terms/d.md:5: warning: category 'chemistry' is shown as 'Chemistry', {as_described}",
        "content/terms/g.md:5: warning: category 'Basic' has no description in site.yml; "
        f"did you mean 'Basics'? {hint}",
        f"content/terms/h.md:5: warning: category 'basics' is shown as 'Basics', {as_described}",
        "content/terms/k.md:5: warning: category 'sauces' is shown as 'Sauces', "
        "as the first term A to Z spells it (a tie at 1 of 2 terms); write it so",
        "content/terms/l.md:5: warning: category 'Sauce' is used by no other term; "
        "did you mean 'Sauces' (2 terms)?",
    ]
    assert Group("Chemistry", "chemistry", ("a", "d")) in glossary.categories


def test_a_category_one_term_alone_is_in_close_to_one_others_share_is_warned_of(
    site_config: SiteConfig,
) -> None:
    """Was silent when site.yml describes no categories, as the starter site's does not: one
    term in "Techiques" beside seven in "Techniques" made a category card of its own. Two
    categories of one term each are no warning, whichever may be the slip, nor is a lone
    category that site.yml describes."""
    files = {f"t{n}.md": term_file(f"Term {n}", "category: Techniques\n") for n in range(7)}
    files |= {
        "braise.md": term_file("Braise", "category: Techiques\n"),
        "sear.md": term_file("Sear", "category: Sauce\n"),
        "stock.md": term_file("Stock", "category: Sauces\n"),
    }

    glossary, problems = build(files, site_config)

    assert problems == [
        "content/terms/braise.md:5: warning: category 'Techiques' is used by no other term; "
        "did you mean 'Techniques' (7 terms)?"
    ]
    assert len(glossary.categories) == 4  # a warning: the build still makes each page
    both = ("Techniques", "Techiques")
    described = dataclasses.replace(
        site_config,
        categories={name: f"About {name}." for name in both},
        category_lines={name: line for line, name in enumerate(both, start=20)},
    )
    assert build(files, described)[1] == []


def test_other_names_that_share_a_groups_page_are_warned_of_once_each_where_first_given(
    site_config: SiteConfig,
) -> None:
    """Was silent: 'AI/ML' and 'AI & ML' are both categories/ai-ml/, 'GPT 日本語' and 'GPT 中文'
    both tags/gpt/, shown under the first name. Letter case, Unicode form, spacing and apostrophe
    (U+2019 or ', which made two pages) make spellings of one name, which are not this warning
    but one of their own; nor is a name
    given again by a later term."""
    files = {
        "a.md": term_file("Alpha", "category: AI/ML\ntags: [GPT 日本語, Machine learning, L'art]\n"),
        "b.md": term_file(
            "Beta", "category: AI & ML\ntags: [GPT 中文, machine  Learning, ＧＰＴ 日本語, L\u2019art]\n"
        ),
        "c.md": term_file("Gamma", "category: AI & ML\ntags: [GPT 中文, MACHINE LEARNING]\n"),
    }

    glossary, problems = build(files, site_config)

    fix = "write both alike, or rename one so each has its own page"
    assert problems == [
        "content/terms/b.md:5: warning: category 'AI & ML' shares its page categories/ai-ml/ with "
        f"category 'AI/ML' (content/terms/a.md); {fix}",
        "content/terms/b.md:6: warning: tag 'GPT 中文' shares its page tags/gpt/ with tag 'GPT 日本語' "
        f"(content/terms/a.md); {fix}",
        "content/terms/b.md:6: warning: tag 'L’art' is shown as 'L'art', "
        "as the first term A to Z spells it (a tie at 1 of 2 terms); write it so",
        "content/terms/b.md:6: warning: tag 'machine  Learning' is shown as 'Machine learning', "
        "as the first term A to Z spells it (a tie at 1 of 3 terms); write it so",
        "content/terms/b.md:6: warning: tag 'ＧＰＴ 日本語' is shown as 'GPT 日本語', "
        "as the first term A to Z spells it (a tie at 1 of 2 terms); write it so",
        "content/terms/c.md:6: warning: tag 'MACHINE LEARNING' is shown as 'Machine learning', "
        "as the first term A to Z spells it (a tie at 1 of 3 terms); write it so",
    ]
    assert glossary.categories == (Group("AI/ML", "ai-ml", ("a", "b", "c")),)  # the addresses stay
    assert [(g.name, g.slug) for g in glossary.tags] == [
        ("GPT 日本語", "gpt"),
        ("L'art", "l-art"),
        ("Machine learning", "machine-learning"),
    ]


@pytest.mark.parametrize(
    ("tags", "line"), [("tags: [text, '???']\n", 5), ("tags:\n  - text\n  - '???'\n", 7)]
)
def test_tag_without_letters_or_digits_is_an_error_at_its_line(
    site_config: SiteConfig, tags: str, line: int
) -> None:
    files = {"token.md": term_file("Token", tags)}

    glossary, problems = build(files, site_config)

    assert problems == [f"content/terms/token.md:{line}: '???' has no letter or digit for its page's address"]
    assert [g.slug for g in glossary.tags] == ["text"]


def test_groups_in_a_script_without_latin_spelling_keep_their_own_letters(site_config: SiteConfig) -> None:
    """Was: '日本語' "has no letter or digit that can be written as a-z or 0-9", so a glossary in
    Chinese, Japanese or Arabic could not name its categories and tags in its own language.
    Spellings that make one address are still one group, and a tag so spelled twice is told."""
    files = {
        "token.md": term_file("Token", "category: 日本語\ntags: [تعلم الآلة, 'تعلم - الآلة', Нейросеть]\n"),
        "gan.md": term_file("GAN", "category: 日本語\ntags: ['機械 学習!']\n"),
    }

    glossary, problems = build(files, site_config)

    assert problems == [
        "content/terms/token.md:6: warning: tag 'تعلم - الآلة' shares its page tags/تعلم-الآلة/ with tag "
        "'تعلم الآلة' (content/terms/token.md); write both alike, or rename one so each has its own page"
    ]
    assert glossary.categories == (Group("日本語", "日本語", ("gan", "token")),)
    assert glossary.tags == (
        Group("Нейросеть", "neiroset", ("token",)),  # as before: spelled in a-z
        Group("تعلم الآلة", "تعلم-الآلة", ("token",)),
        Group("機械 学習!", "機械-学習", ("gan",)),
    )


def test_a_group_name_in_chinese_too_long_for_a_folder_is_an_error(site_config: SiteConfig) -> None:
    name = "学" * 67  # 201 bytes in UTF-8, where a folder's name has 255 at most
    files = {"token.md": term_file("Token", f"category: {name}\n")}

    glossary, problems = build(files, site_config)

    assert problems == [
        f"content/terms/token.md:5: '{name[:40]}…' would make a page address of 201 bytes in UTF-8; "
        "at most 200"
    ]
    assert glossary.categories == ()


def test_category_too_long_for_a_page_address_is_an_error(site_config: SiteConfig) -> None:
    name = " ".join(["Word"] * 60)
    files = {"token.md": term_file("Token", f"category: {name}\n")}

    glossary, problems = build(files, site_config)

    assert problems == [
        "content/terms/token.md:5: 'Word Word Word Word Word Word Word Word …' would make a page address "
        "of 299 characters; at most 200"
    ]
    assert glossary.categories == ()


# Backlinks and warnings that need every body


def test_backlinks_come_from_related_lists_and_wiki_links_sorted_by_title(site_config: SiteConfig) -> None:
    files = {
        "token.md": term_file("Token", DATED),
        "zebra.md": term_file("Zebra", DATED + "related: [Token]\n"),
        "apple.md": term_file("Apple", DATED),
        "mango.md": term_file("Mango", DATED + "related: [token, apple]\n"),
    }
    glossary, _ = build(files, site_config)

    linked, _ = with_backlinks(glossary, {"apple": ("token", "mango"), "token": ("token", "zebra")})

    assert linked.backlinks == {
        "apple": ("mango",),
        "mango": ("apple",),
        "token": ("apple", "mango", "zebra"),
        "zebra": ("token",),
    }


def test_term_nothing_links_to_is_a_warning(site_config: SiteConfig) -> None:
    files = {"token.md": term_file("Token", DATED), "agent.md": term_file("Agent", DATED)}
    glossary, _ = build(files, site_config)

    _, problems = with_backlinks(glossary, {"agent": ("token",)})

    assert problems == [
        "content/terms/agent.md:1: warning: no other term links to this one; "
        "add it to a related list or [[link]] it"
    ]


def test_no_term_is_called_unlinked_while_a_term_file_cannot_be_read(site_config: SiteConfig) -> None:
    """Was: a warning for the term only the broken file links to, beside that file's error."""
    files = {"token.md": term_file("Token", DATED), "agent.md": term_file("Agent", DATED)}
    diagnostics = Diagnostics()
    glossary = graph.build_glossary(
        sources(files), site_config, diagnostics, unreadable=frozenset({"broken"})
    )

    _, problems = with_backlinks(glossary, {"agent": ("token",)})

    assert problems == []


def test_a_single_term_is_not_called_an_orphan(site_config: SiteConfig) -> None:
    glossary, _ = build({"token.md": term_file("Token", DATED)}, site_config)

    _, problems = with_backlinks(glossary, {})

    assert problems == []


@pytest.mark.parametrize("empty", ["updated:\n", "updated: null\n", "updated: ~\n"])
def test_an_updated_key_with_no_value_is_warned_of_as_no_date(site_config: SiteConfig, empty: str) -> None:
    """Was: no warning at all, as a date written wrong (an error already) is not warned of."""
    files = {
        "token.md": term_file("Token", empty),
        "agent.md": term_file("Agent", DATED + "related: [Token]\n"),
    }
    glossary, problems = build(files, site_config)

    _, warnings = with_backlinks(glossary, {"token": ("agent",)})

    assert problems == []
    assert warnings == [
        "content/terms/token.md:1: warning: no 'updated' date; add one so feeds and sitemaps can use it"
    ]


def test_term_without_updated_date_is_a_warning(site_config: SiteConfig) -> None:
    files = {"token.md": term_file("Token"), "agent.md": term_file("Agent", DATED + "related: [Token]\n")}
    glossary, _ = build(files, site_config)

    _, problems = with_backlinks(glossary, {"token": ("agent",)})

    assert problems == [
        "content/terms/token.md:1: warning: no 'updated' date; add one so feeds and sitemaps can use it"
    ]


def test_reference_in_another_unicode_form_resolves_to_the_term(site_config: SiteConfig) -> None:
    """ "Café" with é as e and an accent (as macOS tools write it) was an unknown term."""
    glossary, _ = build({"cafe.md": term_file("Caf\u00e9", "aliases: [Cre\u0300me, L'art]\n")}, site_config)

    assert graph.resolve(glossary.names, "Cafe\u0301") == "cafe"
    assert graph.resolve(glossary.names, "L\u2019art") == "cafe"  # U+2019, as a French keyboard types it
    assert graph.resolve(glossary.names, "CAFE\u0301S") == "cafe"
    assert graph.resolve(glossary.names, "Cr\u00e8me") == "cafe"


def test_alias_equal_to_its_title_in_another_unicode_form_is_a_warning(site_config: SiteConfig) -> None:
    _, problems = build({"cafe.md": term_file("Caf\u00e9", "aliases: [Cafe\u0301]\n")}, site_config)

    assert problems == ["content/terms/cafe.md:5: warning: alias 'Cafe\u0301' is the title itself; remove it"]
