"""The theme's own words come from labels: a glossary written in Arabic, with every label given
in site.yml, shows no English word on any page."""

from __future__ import annotations

import json
import re
from pathlib import Path

from support import copy_site, html_pages, parse_html, run_glossary, write_files

from glossary_site import labels

#: A word of two or more Latin letters: the content below has none, so any is the theme's.
LATIN_WORD_RE = re.compile(r"[A-Za-z]{2,}")
#: Attributes whose text a reader meets: read aloud, shown on hover or in an empty field.
READ_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "aria-description")

TOOLS_AND_BUILDER = """\
cta:
  default: خطة
  blocks:
    خطة:
      heading: ابدأ الآن
      text: أجب عن سؤال واحد.
      button: ابدأ
      url: /stack-builder/
tools:
  categories:
    نماذج: نماذج جاهزة.
  attributes:
    l: [نموذج]  # attribute names are ASCII ids, shown as written: one letter is not a word
stack_builder:
  title: منشئ الحزمة
  intro: سؤال واحد لكل طبقة.
  questions:
    - id: budget
      question: ما ميزانيتك؟
      answers:
        - id: free
          label: مجاني
          prefer: {}
        - id: any
          label: أي ميزانية
          prefer: {}
  layers:
    - id: model
      title: النموذج
      tools: {l: نموذج}
"""

TOOL = """---
title: أداة النماذج
summary: أداة لتشغيل النماذج.
url: https://tool.example.org/
category: نماذج
attributes:
  l: نموذج
updated: 2025-02-01
---

أداة تعمل مع [[موتر]].
"""

TERM = """---
title: تضمين
summary: تمثيل رقمي للمعنى.
definition: "**تضمين**: متجه يمثل كلمة أو صورة."
related: [tanzor, shabaka]
former_slugs: [tadmeen]
tools: [أداة النماذج]
category: الرياضيات
tags: [جبر خطي]
tables:
  - title: أمثلة
    columns: [النوع, المثال]
    rows:
      - [كلمة, متجه]
faq:
  - q: هل التضمين متجه؟
    a: نعم.
sources:
  - title: مرجع
    url: https://example.org/ref
updated: 2025-02-02
---

## الفكرة

يرتبط التضمين بـ[[تدريب النموذج]].
"""


def every_label_replaced() -> str:
    """site.yml's `labels` giving each label a stand-in with no letters, and its placeholders."""
    lines = ["labels:"]
    for number, (key, english) in enumerate(sorted(labels.defaults().items())):
        kept = " ".join(f"{{{name}}}" for name in sorted(set(labels.PLACEHOLDER_RE.findall(english))))
        lines.append(f'  {key}: "·{number}· {kept}"' if key != "thousands_separator" else f'  {key}: "٬"')
    return "\n".join(lines) + "\n"


def latin_words(page: Path) -> set[str]:
    """The Latin words a reader of `page` meets: its text (not scripts or styles, not code) and
    the attributes that are read aloud or shown."""
    soup = parse_html(page)
    for hidden in [*soup.find_all(["script", "style", "code", "pre"]), *soup.select(".print-source bdi")]:
        hidden.decompose()  # the printed page's address is no word
    text = [soup.get_text(" ")]
    text += [str(tag[name]) for tag in soup.find_all(True) for name in READ_ATTRIBUTES if tag.has_attr(name)]
    text += [str(meta["content"]) for meta in soup.find_all("meta", attrs={"name": "description"})]
    return set(LATIN_WORD_RE.findall(" ".join(text)))


def test_with_every_label_given_no_page_shows_an_english_word(tmp_path: Path) -> None:
    site = copy_site("arabic", tmp_path)
    settings = site / "content/site.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + TOOLS_AND_BUILDER + every_label_replaced())
    write_files(site, {"content/tools/adat.md": TOOL, "content/terms/tadmin.md": TERM})
    tensor = site / "content/terms/tanzor.md"  # so that every term has a term linking to it
    tensor.write_text(tensor.read_text(encoding="utf-8") + "\nانظر [[تضمين]].\n", encoding="utf-8")

    result = run_glossary("build", "--no-search", cwd=site)
    assert result.returncode == 0, result.stderr

    script = (site / "_site/assets/labels.js").read_text(encoding="utf-8")
    given = json.loads(re.search(r"window.glossaryLabels = (.*);", script).group(1))  # type: ignore[union-attr]
    assert given.keys() == labels.defaults().keys() | {labels.PLURALS}, "and the plural rules it counts by"
    assert given["search_button"].startswith("·"), "the scripts get the site's labels"

    pages = html_pages(site / "_site")
    kinds = {page.relative_to(site / "_site").parts[0] for page in pages}
    assert {"terms", "categories", "tags", "tools", "stack-builder", "graph", "search", "404.html"} <= kinds
    found = {page.relative_to(site / "_site").as_posix(): latin_words(page) for page in pages}
    assert {page: words for page, words in found.items() if words} == {}
