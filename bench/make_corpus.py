"""Generate one deterministic glossary corpus and write it for glossary-site, Hugo and MkDocs.

The benchmark is only fair if every tool renders the same content, so the terms are generated
once (seeded `random.Random`, no clock, no set iteration) and then written three times:

    DIR/glossary/   content/site.yml + content/terms/<slug>.md   (our format)
    DIR/hugo/       hugo.toml + content/terms/<slug>.md + layouts/_default/*.html
    DIR/mkdocs/     mkdocs.yml + docs/terms/<slug>.md + docs/index.md

The same arguments always give byte-identical files.

    python bench/make_corpus.py --terms 1000 --out /tmp/corpus [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path
from random import Random
from typing import Any

import yaml

SITE_TITLE = "Bench Glossary"
SITE_DESCRIPTION = "A generated glossary used to benchmark static site generators."
BASE_URL = "https://bench.example.com/"

# Titles are "<adjective> <topic> <method>": 40 x 40 x 40 = 64,000 readable combinations before a
# numeric suffix is needed. No word has a hyphen and no word is spelt "-ization", so the aliases
# below (US spelling, hyphenated compound, acronym) can never collide with a title.
ADJECTIVES = (
    "Sparse", "Dense", "Adaptive", "Causal", "Contrastive", "Federated", "Hierarchical", "Latent",
    "Masked", "Multimodal", "Probabilistic", "Quantised", "Recurrent", "Residual", "Robust",
    "Stochastic", "Structured", "Supervised", "Unsupervised", "Variational", "Bayesian", "Convex",
    "Differentiable", "Distributed", "Dynamic", "Efficient", "Elastic", "Generative", "Greedy",
    "Incremental", "Linear", "Local", "Modular", "Neural", "Online", "Parallel", "Recursive",
    "Scalable", "Streaming", "Symbolic",
)  # fmt: skip
TOPICS = (
    "Gradient", "Attention", "Embedding", "Token", "Feature", "Kernel", "Policy", "Reward",
    "Memory", "Retrieval", "Vision", "Speech", "Graph", "Tensor", "Activation", "Weight", "Query",
    "Context", "Prompt", "Sequence", "Document", "Image", "Audio", "Label", "Cluster", "Signal",
    "Vocabulary", "Expert", "Adapter", "Decoder", "Encoder", "Critic", "Agent", "Corpus", "Pixel",
    "Patch", "Frame", "Layer", "Batch", "Checkpoint",
)  # fmt: skip
METHODS = (
    "Quantisation", "Pruning", "Distillation", "Normalisation", "Sampling", "Encoding", "Routing",
    "Caching", "Alignment", "Regularisation", "Scheduling", "Compression", "Estimation",
    "Decoding", "Search", "Fusion", "Calibration", "Augmentation", "Tokenisation",
    "Interpolation", "Clipping", "Smoothing", "Mixing", "Sharding", "Initialisation", "Ranking",
    "Filtering", "Matching", "Projection", "Factorisation", "Optimisation", "Parameterisation",
    "Attribution", "Prediction", "Reconstruction", "Segmentation", "Summarisation",
    "Synchronisation", "Transfer", "Weighting",
)  # fmt: skip
CATEGORIES = (
    "Architectures", "Training", "Inference", "Data", "Evaluation", "Optimisation", "Safety",
    "Retrieval", "Vision", "Speech", "Reinforcement Learning", "Infrastructure",
)  # fmt: skip
TAGS = (
    "transformers", "efficiency", "scaling", "fine-tuning", "pretraining", "compression",
    "latency", "memory", "throughput", "robustness", "interpretability", "alignment", "privacy",
    "fairness", "benchmarks", "datasets", "tokenisation", "embeddings", "search", "ranking",
    "agents", "planning", "vision", "audio", "multilingual", "code", "math", "reasoning",
    "hardware", "gpus", "distributed", "streaming", "on-device", "open-source", "foundations",
    "statistics", "optimisation", "evaluation", "safety", "deployment",
)  # fmt: skip
DOMAINS = (
    "language models", "image classifiers", "speech recognisers", "recommender systems",
    "search engines", "robot controllers", "translation systems", "code assistants",
    "chat assistants", "fraud detectors", "medical imaging models", "forecasting pipelines",
)  # fmt: skip
NOUNS = (
    "the optimiser", "the training loop", "the serving stack", "the loss surface", "the data loader",
    "the evaluation harness", "the inference server", "the attention layers", "the tokenizer",
    "the feature store", "the replay buffer", "the learning-rate schedule", "the accelerator",
)  # fmt: skip
METRICS = (
    "latency", "throughput", "accuracy", "perplexity", "recall", "calibration error",
    "memory footprint", "energy use", "training time", "sample efficiency", "robustness",
)  # fmt: skip
VERBS = (
    "reduces", "stabilises", "improves", "bounds", "trades off", "exposes", "amortises", "hides",
    "redistributes", "regularises",
)  # fmt: skip
SECTION_HEADINGS = (
    "How it works", "Why it matters", "Common variants", "Trade-offs", "In practice", "History",
    "Pitfalls", "Evaluation", "Implementation notes", "Scaling behaviour", "When to use it",
    "Worked example",
)  # fmt: skip
SENTENCES = (
    "In {domain}, {title} {verb} {metric} without changing {noun}.",
    "The core idea is to treat each {topic_l} as {a_adj} signal and to apply {method_l} before "
    "it reaches {noun}.",
    "Practitioners usually tune one knob first: how aggressively {method_l} is applied per step.",
    "A naive implementation {verb} {metric} but tends to hurt {metric2} on long inputs.",
    "Most teams adopt it after profiling shows that {noun} dominates the cost of a run.",
    "The method is {adj_l} in the sense that its decisions depend on the {topic_l} statistics "
    "seen so far.",
    "Early versions appeared in work on {domain} around {year}, and the name stuck.",
    "It composes well with existing tooling, because it only touches {noun}.",
    "When the {topic_l} distribution shifts, the benefit shrinks and {metric} can regress.",
    "Reported gains range from {pct} to {pct2} percent on standard benchmarks, depending on scale.",
    "The main cost is extra bookkeeping in {noun}, which is small next to the savings.",
    "Because it is cheap to try, it is often the first thing tried when {metric} becomes the "
    "bottleneck.",
    "A useful mental model is a filter that keeps only the {topic_l} information that matters "
    "downstream.",
    "Ablations show that most of the effect comes from the {method_l} step rather than the "
    "{adj_l} schedule.",
    "The technique has a small number of hyperparameters, and sensible defaults exist for most "
    "model sizes.",
    "Critics point out that the evidence for {domain} is stronger than for other settings.",
    "Open-source implementations exist for the common frameworks, and they agree on the defaults.",
    "In distributed training the {topic_l} state must be kept consistent across workers.",
    "Monitoring {metric} during the first few thousand steps is the quickest way to catch a bad "
    "setting.",
    "The approach is easy to explain to stakeholders, which helps when {metric} targets are "
    "contractual.",
    "On small models the effect is modest; it grows with the size of {noun}.",
    "A common mistake is to enable it everywhere at once instead of layer by layer.",
    "The {method_l} step can be fused into {noun}, which removes most of its overhead.",
    "Benchmarks on {domain} report a {pct} percent change in {metric} at equal cost.",
    "Nothing about it is specific to {domain}, although that is where it is best studied.",
    "Debugging is easier if the {topic_l} values are logged before and after {method_l}.",
    "The original paper framed it as a fix for unstable {metric}, not as a speed-up.",
    "Hardware vendors now ship kernels that make the {method_l} step nearly free.",
    "Some frameworks enable a variant of it by default, so check the configuration first.",
    "It interacts with {noun} in ways that are still poorly understood.",
    "Teams that adopt it usually report smoother {metric} curves within a week.",
    "The {adj_l} variant is the one most tutorials describe, and the one to try first.",
)  # fmt: skip
LINK_SENTENCES = (
    "It is often paired with {link}.",
    "For a contrasting approach, see {link}.",
    "The same trade-off appears in {link}, which tackles it from the other side.",
    "Readers new to the area may want to start with {link}.",
    "Several production systems combine it with {link} to keep {metric} in check.",
    "The idea builds directly on {link}.",
)
QUESTIONS = (
    "When should I use {title}?",
    "How does {title} differ from {other}?",
    "What does {title} cost at inference time?",
    "Can {title} be combined with {other}?",
    "What are the failure modes of {title}?",
    "How do I know whether {title} is working?",
)
ANSWERS = (
    "Use it when {metric} is the bottleneck and you can afford a short tuning run.",
    "The difference is where the work happens: one changes {noun}, the other changes the data.",
    "Very little; the extra work is a small fraction of a forward pass.",
    "Yes, and the gains mostly add up, although {metric} should be re-checked after combining.",
    "It fails quietly when the {topic} statistics drift; watch {metric} on held-out data.",
    "Compare {metric} with and without it on a fixed evaluation set, with the same seed.",
)
TABLE_SHAPES = (
    ("Setting", "Typical value", "Effect"),
    ("Model size", "Speed-up", "Quality change", "Notes"),
    ("Stage", "What changes", "Cost"),
)
CODE_TEMPLATES = (
    "```python\n"
    "def {fn}(values, {param}={value}):\n"
    '    """Apply {method_l} to a list of {topic_l} values."""\n'
    "    scale = max(abs(v) for v in values) or 1.0\n"
    "    return [round(v / scale * {param}, 4) for v in values]\n"
    "```",
    "```python\n"
    "import numpy as np\n\n"
    "def {fn}(x: np.ndarray, {param}: float = {value}) -> np.ndarray:\n"
    "    mask = np.abs(x) > {param} * x.std()\n"
    "    return np.where(mask, x, 0.0)\n"
    "```",
    "```yaml\n{fn}:\n  enabled: true\n  {param}: {value}\n  schedule: cosine\n```",
)
FIRST_DATE = dt.date(2022, 1, 1)
WORD_RE = re.compile(r"\S+")
WIKILINK_RE = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")


@dataclass(frozen=True)
class Name:
    """The words a title is built from; aliases and prose are derived from them."""

    adjective: str
    topic: str
    method: str
    suffix: int  # 0 for the first use of a combination, then 2, 3, ...

    @property
    def title(self) -> str:
        base = f"{self.adjective} {self.topic} {self.method}"
        return f"{base} {self.suffix}" if self.suffix else base


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass
class Term:
    """One term as tool-neutral data; the body uses our [[wiki-link]] syntax."""

    slug: str
    name: Name
    aliases: list[str] = field(default_factory=list)
    summary: str = ""
    definition: str = ""
    category: str = ""
    tags: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    body: str = ""
    tables: list[Table] = field(default_factory=list)
    faq: list[tuple[str, str]] = field(default_factory=list)
    updated: dt.date = FIRST_DATE

    @property
    def title(self) -> str:
        return self.name.title


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def article(word: str) -> str:
    """'an adaptive', 'a sparse': the generated prose should read as written by a person."""
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"


def word_count(text: str) -> int:
    return len(WORD_RE.findall(text))


# ---------------------------------------------------------------- names


def make_names(rng: Random, count: int) -> list[Name]:
    """Shuffle every combination once, then reuse them with a numeric suffix if N is larger."""
    combos = list(product(ADJECTIVES, TOPICS, METHODS))
    rng.shuffle(combos)
    return [
        Name(*combos[i % len(combos)], suffix=0 if i < len(combos) else i // len(combos) + 1)
        for i in range(count)
    ]


def alias_candidates(name: Name, acronyms: dict[str, int]) -> list[str]:
    """Realistic other names: US spelling, a hyphenated compound, an acronym (numbered if reused)."""
    tail = f" {name.suffix}" if name.suffix else ""
    candidates = []
    if name.method.endswith("isation"):
        candidates.append(f"{name.adjective} {name.topic} {name.method[:-7]}ization{tail}")
    candidates.append(f"{name.adjective}-{name.topic} {name.method}{tail}")
    acronym = name.adjective[0] + name.topic[0] + name.method[0]
    acronyms[acronym] = acronyms.get(acronym, 0) + 1
    uses = acronyms[acronym]
    candidates.append(acronym if uses == 1 else f"{acronym}-{uses}")
    return candidates


def assign_aliases(rng: Random, terms: list[Term]) -> None:
    """0 to 2 aliases per term, never equal (ignoring case) to any slug, title or other alias."""
    taken = {t.slug.casefold() for t in terms} | {t.title.casefold() for t in terms}
    acronyms: dict[str, int] = {}
    for term in terms:
        candidates = alias_candidates(term.name, acronyms)
        wanted = rng.choice((0, 1, 1, 2))
        for alias in rng.sample(candidates, len(candidates)):
            if len(term.aliases) == wanted:
                break
            if alias.casefold() not in taken:
                taken.add(alias.casefold())
                term.aliases.append(alias)


# ---------------------------------------------------------------- prose


def slots(rng: Random, term: Term) -> dict[str, str]:
    """Values for the sentence templates: mostly the term's own words, so prose stays on topic."""
    metric, metric2 = rng.sample(METRICS, 2)
    pct = rng.randint(2, 30)
    return {
        "title": term.title,
        "adj_l": term.name.adjective.lower(),
        "a_adj": article(term.name.adjective.lower()),
        "topic": term.name.topic.lower(),
        "topic_l": term.name.topic.lower(),
        "method_l": term.name.method.lower(),
        "domain": rng.choice(DOMAINS),
        "noun": rng.choice(NOUNS),
        "metric": metric,
        "metric2": metric2,
        "verb": rng.choice(VERBS),
        "year": str(rng.randint(2012, 2024)),
        "pct": str(pct),
        "pct2": str(pct + rng.randint(3, 25)),
    }


class Deck:
    """Deals every template once before any repeats, so a page does not read like a loop."""

    def __init__(self, rng: Random, items: Sequence[str]) -> None:
        self.rng = rng
        self.items = list(items)
        self.queue: list[str] = []

    def draw(self) -> str:
        if not self.queue:
            self.queue = self.rng.sample(self.items, len(self.items))
        return self.queue.pop()


def sentence(rng: Random, term: Term, deck: Deck) -> str:
    text = deck.draw().format(**slots(rng, term))
    return text[0].upper() + text[1:]


def fill(rng: Random, make: Callable[[], str], low: int, high: int) -> list[str]:
    """Sentences until a word target drawn from [low, high) is reached, never passing high."""
    target = rng.randint(low, high - 25)
    out: list[str] = []
    words = 0
    while words < target:
        text = make()
        if words + word_count(text) <= high:
            out.append(text)
            words += word_count(text)
    return out


def make_summary(rng: Random, term: Term) -> str:
    verb = rng.choice(VERBS)
    metric = rng.choice(METRICS)
    domain = rng.choice(DOMAINS)
    described = article(term.name.adjective.lower()).capitalize()
    return f"{described} {term.name.method.lower()} technique that {verb} {metric} in {domain}."


def make_definition(rng: Random, term: Term) -> str:
    """60 to 120 words, bold term name first, as the editors' definitions are written."""
    opening = (
        f"**{term.title}** applies {term.name.method.lower()} to {term.name.topic.lower()} "
        f"data in {article(term.name.adjective.lower())} way."
    )
    deck = Deck(rng, SENTENCES)
    rest = fill(rng, lambda: sentence(rng, term, deck), 60 - word_count(opening), 120 - word_count(opening))
    return wrap(" ".join([opening, *rest]))


def link_markup(rng: Random, target: Term) -> str:
    """Every way editors write links: title, slug, alias, and [[slug|label]]."""
    style = rng.random()
    if style < 0.4:
        return f"[[{target.title}]]"
    if style < 0.7:
        return f"[[{target.slug}|{target.title.lower()}]]"
    if style < 0.85 and target.aliases:
        return f"[[{rng.choice(target.aliases)}]]"
    return f"[[{target.slug}]]"


def make_table(rng: Random, term: Term, title: str) -> Table:
    columns = rng.choice(TABLE_SHAPES)
    rows = []
    for _ in range(rng.randint(3, 5)):
        first = f"{rng.choice(ADJECTIVES)} {term.name.topic.lower()}"
        cells = [first] + [
            rng.choice((f"{rng.randint(1, 64)}×", f"{rng.randint(1, 99)} %", f"`{rng.choice(METRICS)}`"))
            if i % 2
            else f"{rng.choice(VERBS)} {rng.choice(METRICS)}"
            for i in range(1, len(columns))
        ]
        rows.append(tuple(cells))
    return Table(title, columns, tuple(rows))


def table_markdown(table: Table) -> str:
    lines = ["| " + " | ".join(table.columns) + " |", "|" + " --- |" * len(table.columns)]
    lines += ["| " + " | ".join(row) + " |" for row in table.rows]
    return "\n".join(lines)


def make_code(rng: Random, term: Term) -> str:
    return rng.choice(CODE_TEMPLATES).format(
        fn=slugify(f"{term.name.method} {term.name.topic}").replace("-", "_"),
        param=rng.choice(("ratio", "threshold", "scale", "temperature", "budget")),
        value=rng.choice(("0.1", "0.5", "0.9", "2.0", "8")),
        method_l=term.name.method.lower(),
        topic_l=term.name.topic.lower(),
    )


def make_body(rng: Random, term: Term, link_targets: list[Term]) -> str:
    """400 to 700 prose words under 2 to 4 headings; links, a table and code are spread over sections."""
    headings = rng.sample(SECTION_HEADINGS, rng.randint(2, 4))
    heading_words = sum(word_count(h) + 1 for h in headings)
    links = [rng.choice(LINK_SENTENCES).format(link=link_markup(rng, t), metric=rng.choice(METRICS))
             for t in link_targets]  # fmt: skip
    link_words = sum(word_count(s) for s in links)
    deck = Deck(rng, SENTENCES)
    prose = fill(rng, lambda: sentence(rng, term, deck), 400 - link_words, 700 - link_words - heading_words)
    for text in links:
        prose.insert(rng.randrange(len(prose) + 1), text)
    sections = split_evenly(prose, len(headings))
    extras: dict[int, list[str]] = {i: [] for i in range(len(headings))}
    if rng.random() < 0.8:
        extras[rng.randrange(len(headings))].append("table")
    if rng.random() < 0.35:
        extras[rng.randrange(len(headings))].append("code")
    parts = []
    for i, (heading, sentences) in enumerate(zip(headings, sections, strict=True)):
        parts.append(f"## {heading}")
        parts += paragraphs(rng, sentences)
        if "table" in extras[i]:
            parts.append(table_markdown(make_table(rng, term, heading)))
        if "code" in extras[i]:
            parts.append(make_code(rng, term))
    return "\n\n".join(parts) + "\n"


def split_evenly(items: list[str], parts: int) -> list[list[str]]:
    size, extra = divmod(len(items), parts)
    out, start = [], 0
    for i in range(parts):
        end = start + size + (1 if i < extra else 0)
        out.append(items[start:end])
        start = end
    return out


def paragraphs(rng: Random, sentences: list[str]) -> list[str]:
    """Group sentences into paragraphs of 3 to 6, wrapped near 100 columns like hand-written files."""
    out = []
    i = 0
    while i < len(sentences):
        n = rng.randint(3, 6)
        out.append(wrap(" ".join(sentences[i : i + n])))
        i += n
    return out


def wrap(text: str, width: int = 100) -> str:
    """Greedy wrap; wiki-links may break across lines, which the format allows."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def make_faq(rng: Random, term: Term, others: list[Term]) -> list[tuple[str, str]]:
    picks = rng.sample(range(len(QUESTIONS)), rng.randint(2, 4))
    return [
        (
            QUESTIONS[i].format(title=term.title, other=rng.choice(others).title),
            ANSWERS[i].format(**slots(rng, term)),
        )
        for i in picks
    ]


# ---------------------------------------------------------------- the corpus


def pick_related(rng: Random, index: int, count: int) -> list[int]:
    """3 to 6 other terms; the first is always the next one, so every term is linked to."""
    if count < 2:
        return []
    wanted = min(rng.randint(3, 6), count - 1)
    chosen = [(index + 1) % count]
    while len(chosen) < wanted:
        other = rng.randrange(count)
        if other != index and other not in chosen:
            chosen.append(other)
    return chosen


def pick_link_targets(rng: Random, index: int, related: list[int], count: int) -> list[int]:
    """3 to 8 link targets, half from the related list (as editors do), the rest anywhere."""
    wanted = min(rng.randint(3, 8), count - 1)
    chosen = rng.sample(related, min(len(related), wanted // 2 + 1))
    while len(chosen) < wanted:
        other = rng.randrange(count)
        if other != index and other not in chosen:
            chosen.append(other)
    return chosen


def generate(count: int, seed: int) -> list[Term]:
    """All terms, in a fixed order; every random choice comes from one seeded generator."""
    rng = Random(seed)
    names = make_names(rng, count)
    terms = [Term(slug=slugify(n.title), name=n) for n in names]
    assign_aliases(rng, terms)
    for i, term in enumerate(terms):
        related = pick_related(rng, i, count)
        term.related = [terms[j].slug for j in related]
        term.summary = make_summary(rng, term)
        term.definition = make_definition(rng, term)
        term.category = rng.choice(CATEGORIES)
        term.tags = rng.sample(TAGS, rng.randint(1, 3))
        targets = [terms[j] for j in pick_link_targets(rng, i, related, count)] if count > 1 else []
        term.body = make_body(rng, term, targets)
        if rng.random() < 0.7:
            term.tables = [make_table(rng, term, f"Variants of {term.title}")]
        term.faq = make_faq(rng, term, [t for t in (terms[j] for j in related)] or [term])
        term.updated = FIRST_DATE + dt.timedelta(days=rng.randrange(1200))
    return terms


# ---------------------------------------------------------------- writing


class _Dumper(yaml.SafeDumper):
    """Multi-line strings as `|` blocks and short lists inline, as people write front matter."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    flow = all(isinstance(v, str) and "\n" not in v for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(list, _list)


def front_matter(data: dict[str, Any]) -> str:
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000)
    return f"---\n{text}---\n\n"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def tables_data(term: Term) -> list[dict[str, Any]]:
    return [{"title": t.title, "columns": list(t.columns), "rows": [list(r) for r in t.rows]}
            for t in term.tables]  # fmt: skip


def faq_data(term: Term) -> list[dict[str, str]]:
    return [{"q": q, "a": a} for q, a in term.faq]


def write_glossary(root: Path, terms: list[Term]) -> None:
    site = {
        "title": SITE_TITLE,
        "description": SITE_DESCRIPTION,
        "base_url": BASE_URL,
        "language": "en",
        "cta": {
            "default": "try-it",
            "blocks": {
                "try-it": {
                    "heading": "Want to try these techniques?",
                    "text": "Our playground runs every method in this glossary on a sample model.",
                    "button": "Open the playground",
                    "url": "https://playground.example.com/",  # outside the generated site
                }
            },
        },
    }
    write(root / "content" / "site.yml", yaml.dump(site, Dumper=_Dumper, sort_keys=False))
    for term in terms:
        data: dict[str, Any] = {
            "title": term.title,
            "summary": term.summary,
            "definition": term.definition + "\n",
        }
        if term.aliases:
            data["aliases"] = term.aliases
        data |= {"category": term.category, "tags": term.tags, "related": term.related}
        if term.tables:
            data["tables"] = tables_data(term)
        data |= {"faq": faq_data(term), "updated": term.updated}
        write(root / "content" / "terms" / f"{term.slug}.md", front_matter(data) + term.body)


def link_resolver(terms: list[Term]) -> Callable[[str], str]:
    """Slug for a wiki-link target written as slug, title or alias (all exact here)."""
    names: dict[str, str] = {}
    for term in terms:
        for name in (term.slug, term.title, *term.aliases):
            names[name.casefold()] = term.slug
    return lambda text: names[" ".join(text.split()).casefold()]


def convert_links(body: str, resolve: Callable[[str], str], href: Callable[[str], str]) -> str:
    """[[target|label]] → [label](href(slug)); the label is the text as written, as ours shows it."""

    def one(m: re.Match[str]) -> str:
        label = " ".join((m.group(2) or m.group(1)).split())
        return f"[{label}]({href(resolve(m.group(1)))})"

    return WIKILINK_RE.sub(one, body)


def write_hugo(root: Path, terms: list[Term]) -> None:
    write(root / "hugo.toml", HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        write(root / "layouts" / "_default" / name, text)
    resolve = link_resolver(terms)
    for term in terms:
        data: dict[str, Any] = {"title": term.title, "summary": term.summary, "date": term.updated}
        if term.aliases:
            data["synonyms"] = term.aliases
        data |= {"categories": [term.category], "tags": term.tags, "related": term.related}
        if term.tables:
            data["tables"] = tables_data(term)
        data["faq"] = faq_data(term)
        body = convert_links(term.body, resolve, lambda slug: f"/terms/{slug}/")
        write(
            root / "content" / "terms" / f"{term.slug}.md",
            front_matter(data) + term.definition + "\n\n" + body,
        )


def mkdocs_term(term: Term, by_slug: dict[str, Term], resolve: Callable[[str], str]) -> str:
    """The whole page in Markdown, since MkDocs has no front-matter-driven templates by default."""
    parts = [f"# {term.title}", f"*{term.summary}*"]
    if term.aliases:
        parts.append("Also known as: " + ", ".join(term.aliases))
    parts += [
        # every line indented: an unindented line would end the admonition there
        '!!! note "Definition"\n\n' + textwrap.indent(term.definition, "    "),
        convert_links(term.body, resolve, lambda s: f"{s}.md"),
    ]
    for table in term.tables:
        parts += [f"### {table.title}", table_markdown(table)]
    parts.append("## Practice questions")
    for q, a in term.faq:
        parts += [f"### {q}", a]
    parts.append("## Related terms")
    parts.append("\n".join(f"- [{by_slug[s].title}]({s}.md): {by_slug[s].summary}" for s in term.related))
    parts.append(f"Category: [{term.category}](../categories/{slugify(term.category)}.md)")
    return "\n\n".join(parts) + "\n"


def a_to_z(terms: Iterable[Term], href: Callable[[str], str]) -> str:
    """Letter headings with every term and its summary, the home page all three sites have."""
    lines: list[str] = []
    letter = ""
    for term in sorted(terms, key=lambda t: (t.title.casefold(), t.slug)):
        if term.title[0].upper() != letter:
            letter = term.title[0].upper()
            lines += ["", f"## {letter}", ""]
        lines.append(f"- [{term.title}]({href(term.slug)}): {term.summary}")
    return "\n".join(lines).strip() + "\n"


def write_mkdocs(root: Path, terms: list[Term]) -> None:
    write(root / "mkdocs.yml", MKDOCS_CONFIG)
    docs = root / "docs"
    write(
        docs / "index.md",
        f"# {SITE_TITLE}\n\n{SITE_DESCRIPTION}\n\n" + a_to_z(terms, lambda s: f"terms/{s}.md"),
    )
    resolve = link_resolver(terms)
    by_slug = {t.slug: t for t in terms}
    for term in terms:
        write(docs / "terms" / f"{term.slug}.md", mkdocs_term(term, by_slug, resolve))
    groups: dict[str, dict[str, list[Term]]] = {"categories": {}, "tags": {}}
    for term in terms:
        groups["categories"].setdefault(term.category, []).append(term)
        for tag in term.tags:
            groups["tags"].setdefault(tag, []).append(term)
    for kind, members_of in groups.items():
        index = [f"# {kind.title()}", ""]
        for name in sorted(members_of):
            members = members_of[name]
            index.append(f"- [{name}]({slugify(name)}.md) ({len(members)})")
            page = f"# {name}\n\n" + a_to_z(members, lambda s: f"../terms/{s}.md")
            write(docs / kind / f"{slugify(name)}.md", page)
        write(docs / kind / "index.md", "\n".join(index) + "\n")


def write_all(out: Path, terms: list[Term]) -> None:
    """Replace only our three subtrees, so a smaller corpus never keeps a larger one's files."""
    for name, writer in (("glossary", write_glossary), ("hugo", write_hugo), ("mkdocs", write_mkdocs)):
        shutil.rmtree(out / name, ignore_errors=True)
        writer(out / name, terms)


HUGO_CONFIG = f"""\
baseURL = "{BASE_URL}"
title = "{SITE_TITLE}"
enableRobotsTXT = true

[params]
description = "{SITE_DESCRIPTION}"

[taxonomies]
category = "categories"
tag = "tags"

# One feed of the 20 newest pages, as glossary-site writes, instead of Hugo's default of an
# unlimited feed for every list page (56 feeds at 1,000 terms, about half of Hugo's build time).
[services.rss]
limit = 20

[outputs]
home = ["html", "rss"]
section = ["html"]
taxonomy = ["html"]
term = ["html"]
"""

MKDOCS_CONFIG = f"""\
site_name: {SITE_TITLE}
site_description: {SITE_DESCRIPTION}
site_url: {BASE_URL}
use_directory_urls: true
theme:
  name: mkdocs
markdown_extensions:
  - admonition
  - tables
  - fenced_code
  - toc:
      permalink: true
"""

HUGO_LAYOUTS = {
    "baseof.html": """\
<!DOCTYPE html>
<html lang="{{ site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
<meta name="description"
 content="{{ with .Params.summary }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav><a href="{{ "/categories/" | relURL }}">Categories</a> <a href="{{ "/tags/" | relURL }}">Tags</a></nav>
</header>
{{ block "main" . }}{{ end }}
<footer><p>{{ site.Params.description }}</p></footer>
</body>
</html>
""",
    "single.html": """\
{{ define "main" }}
<div class="term-layout">
<main>
<article>
<h1>{{ .Title }}</h1>
<p class="summary">{{ .Params.summary }}</p>
{{ with .Params.synonyms }}<p class="aliases">Also known as {{ delimit . ", " }}</p>{{ end }}
{{ .Content }}
{{ range .Params.tables }}
<table><caption>{{ .title }}</caption>
<thead><tr>{{ range .columns }}<th>{{ . }}</th>{{ end }}</tr></thead>
<tbody>{{ range .rows }}<tr>{{ range . }}<td>{{ . | markdownify }}</td>{{ end }}</tr>{{ end }}</tbody>
</table>
{{ end }}
{{ with .Params.faq }}
<section class="faq"><h2>Practice questions</h2>
{{ range . }}<details><summary>{{ .q }}</summary><p>{{ .a }}</p></details>{{ end }}
</section>
{{ end }}
</article>
</main>
<aside>
<h2>Related terms</h2>
<ul>
{{ range .Params.related }}{{ with site.GetPage (printf "/terms/%s" .) }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span>{{ .Params.summary }}</span></li>
{{ end }}{{ end }}
</ul>
{{ with .GetTerms "categories" }}<p>Category:
{{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>{{ end }}
{{ with .GetTerms "tags" }}<p>Tags:
{{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>{{ end }}
</aside>
</div>
{{ end }}
""",
    "list.html": """\
{{ define "main" }}
<main>
{{ if .IsHome }}
<h1>{{ site.Title }}</h1>
{{ $terms := (where site.RegularPages "Section" "terms").ByTitle }}
{{ $letters := newScratch }}
{{ range $terms }}{{ $letters.SetInMap "seen" (upper (substr .Title 0 1)) true }}{{ end }}
<nav class="letters">{{ range $l, $_ := $letters.Get "seen" }}<a href="#{{ $l }}">{{ $l }}</a> {{ end }}</nav>
{{ $prev := "" }}
{{ range $terms }}
{{ $l := upper (substr .Title 0 1) }}
{{ if ne $l $prev }}{{ if $prev }}</ul>{{ end }}<h2 id="{{ $l }}">{{ $l }}</h2><ul>{{ end }}
{{ $prev = $l }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>
{{ end }}
{{ if $prev }}</ul>{{ end }}
{{ else }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Pages.ByTitle }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul>
{{ end }}
</main>
{{ end }}
""",
    # Kind "taxonomy" (/tags/) and kind "term" (/tags/x/) share one template. (No terms.html: in
    # Hugo 0.168 that name also matches the "terms" section, our /terms/ list.)
    "taxonomy.html": """\
{{ define "main" }}
<main>
<h1>{{ .Title }}</h1>
{{ if eq .Kind "taxonomy" }}
<ul>{{ range .Data.Terms.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ else }}
<ul>{{ range .Pages.ByTitle }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul>
{{ end }}
</main>
{{ end }}
""",
}
HUGO_LAYOUTS["term.html"] = HUGO_LAYOUTS["taxonomy.html"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--terms", type=int, required=True, help="number of terms (≥ 2)")
    parser.add_argument("--out", type=Path, required=True, help="folder for glossary/, hugo/ and mkdocs/")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.terms < 2:
        parser.error("--terms must be at least 2, so that every term can be linked to")
    write_all(args.out, generate(args.terms, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
