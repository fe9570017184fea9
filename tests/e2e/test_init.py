"""A newcomer's first commands: `glossary init`, then `new`, `build` and `check` from anywhere in the site."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest
import yaml
from support import (
    attribute,
    copy_site,
    html_pages,
    local_targets,
    parse_html,
    present,
    run_glossary,
    tree_digest,
    write_files,
)

from glossary_site.config import KEYS


def test_init_writes_a_site_that_builds_strictly_without_a_warning_once_given_its_address(
    tmp_path: Path,
) -> None:
    """Was: the placeholder base_url passed `build --strict`, and a site deployed without
    --base-url pointed its canonical links, sitemap and feeds at example.com. Only a build
    warns: the editors' loop checks a new site strictly, and so may CI before Pages is on."""
    created = run_glossary("init", "mysite", "--title", "Kitchen Words", cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    site = tmp_path / "mysite"
    assert "cd mysite" in created.stdout and "glossary serve" in created.stdout
    settings = site / "content/site.yml"
    at = settings.read_text().splitlines().index("base_url: https://example.com/") + 1

    placeholder = run_glossary("build", "--strict", "--no-search", cwd=site)
    checked = run_glossary("check", "--strict", cwd=site)
    built = run_glossary("build", "--strict", "--base-url", "https://words.example.org/", cwd=site)

    assert placeholder.returncode == 1
    assert [line for line in placeholder.stderr.splitlines() if line.startswith("content/")] == [
        f"content/site.yml:{at}: warning: base_url is still the placeholder https://example.com/ that "
        "glossary init wrote; set it to the address the site is published at (canonical links, the "
        "sitemap and feeds use it), or build with --base-url URL"
    ]
    assert checked.returncode == 0, checked.stderr
    assert "0 error(s), 0 warning(s)" in checked.stdout
    assert built.returncode == 0, built.stderr
    assert "0 error(s), 0 warning(s)" in built.stdout
    index = parse_html(site / "_site/index.html")
    assert index.title is not None and "Kitchen Words" in index.title.get_text()
    assert (
        attribute(present(index.select_one("link[rel='canonical']")), "href") == "https://words.example.org/"
    )
    listed = {a.get_text(strip=True) for a in index.select("main a[href^='terms/']")}
    assert {"Glossary", "Term", "Cross-reference"} <= listed


def test_the_cd_line_init_prints_can_be_pasted_into_a_shell_for_a_folder_with_a_space(tmp_path: Path) -> None:
    """Was: `cd deep/my site`, which a shell reads as two arguments."""
    created = run_glossary("init", "deep/my site", cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    cd = next(line.strip() for line in created.stdout.splitlines() if line.strip().startswith("cd "))

    landed = subprocess.run(
        ["sh", "-c", f"{cd} && pwd -P"], cwd=tmp_path, capture_output=True, text=True, check=False
    )

    assert landed.returncode == 0, landed.stderr
    assert Path(landed.stdout.strip()) == (tmp_path / "deep/my site").resolve()


def test_init_in_the_current_folder_says_this_folder_and_no_cd(tmp_path: Path) -> None:
    created = run_glossary("init", ".", cwd=tmp_path)

    assert created.returncode == 0, created.stderr
    assert "A new glossary is ready in this folder. Next:" in created.stdout
    assert "cd " not in created.stdout
    assert (tmp_path / "content/site.yml").is_file()


def test_the_starter_settings_name_every_setting_and_their_examples_build_strictly(tmp_path: Path) -> None:
    """Every commented example in site.yml works once its '#' is removed, as its first line
    says, edit_url's once it names a repository and image's once the picture is there. Was:
    the cta example's url, under the starter's base_url, was an error."""
    assert run_glossary("init", "mysite", cwd=tmp_path).returncode == 0
    settings = tmp_path / "mysite/content/site.yml"
    text = settings.read_text()
    assert all(f"{key}:" in text or f"`{key}`" in text for key in KEYS)
    examples = (*(f"# {key}:" for key in KEYS), "#   ")
    uncommented = [line[2:] if line.startswith(examples) else line for line in text.splitlines()]
    settings.write_text("\n".join(uncommented) + "\n")
    placeholder = run_glossary("build", "--strict", "--no-search", cwd=tmp_path / "mysite")
    settings.write_text(
        settings.read_text()
        .replace("OWNER/REPO", "kitchen/words")
        .replace("base_url: https://example.com/", "base_url: https://words.example.net/")
    )
    write_files(tmp_path / "mysite/static", {"images/card.png": "a picture"})

    built = run_glossary("build", "--strict", "--no-search", cwd=tmp_path / "mysite")

    assert placeholder.returncode == 1
    assert [line for line in placeholder.stderr.splitlines() if line.startswith("content/")] == [
        f"content/site.yml:{uncommented.index('image: images/card.png') + 1}: "
        "image 'images/card.png' is no file of the site's static/ folder; check the path",
        f"content/site.yml:{uncommented.index('base_url: https://example.com/') + 1}: "
        "warning: base_url is still the placeholder https://example.com/ that glossary init wrote; set "
        "it to the address the site is published at (canonical links, the sitemap and feeds use it), "
        "or build with --base-url URL",
        f"content/site.yml:{uncommented.index('edit_url: https://github.com/OWNER/REPO/edit/main/') + 1}: "
        "warning: edit_url 'https://github.com/OWNER/REPO/edit/main/' names the example repository "
        "OWNER/REPO; write your repository's owner and name, or every 'Edit this page' link leads nowhere",
    ]
    assert built.returncode == 0, built.stderr
    home = parse_html(tmp_path / "mysite/_site/index.html")
    intro = next(p for p in home.select("main p") if "Start with" in p.get_text())
    assert intro.select_one("a[href='terms/glossary/index.html']") is not None
    categories = parse_html(tmp_path / "mysite/_site/categories/index.html").get_text()
    assert "The words everyone on the team should know." in categories
    term = parse_html(tmp_path / "mysite/_site/terms/term/index.html")
    assert "Learn a new word every week" in term.get_text()
    edit = term.select_one("a[href$='/edit/main/content/terms/term.md']")
    assert edit is not None and edit.get_text() == "Edit this page"
    assert "Mis à jour le" in term.get_text()
    assert (
        attribute(present(term.select_one("meta[property='og:image']")), "content")
        == "https://words.example.net/images/card.png"
    )


def test_the_starter_terms_link_each_other_and_show_a_table_and_practice_questions(tmp_path: Path) -> None:
    assert run_glossary("init", "mysite", cwd=tmp_path).returncode == 0
    site = tmp_path / "mysite"
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0
    out = site / "_site"

    for page in html_pages(out):
        for link, target, _ in local_targets(out, page):
            assert target.is_file(), f"{page.relative_to(out)} links to missing {link}"
    glossary = parse_html(out / "terms/glossary/index.html")
    assert glossary.find("table") is not None
    assert "How is a glossary different from a dictionary?" in glossary.get_text()
    for slug in ("glossary", "term", "cross-reference"):
        term_page = parse_html(out / f"terms/{slug}/index.html")
        linked = {a["href"] for a in term_page.select("main a[href^='../']")}
        others = {f"../{other}/index.html" for other in ("glossary", "term", "cross-reference")} - {
            f"../{slug}/index.html"
        }
        assert others <= linked, f"{slug} does not link {others - linked}"


def test_the_starter_workflow_installs_glossary_site_from_requirements_not_from_source(
    tmp_path: Path,
) -> None:
    assert run_glossary("init", cwd=tmp_path).returncode == 0

    workflow = yaml.safe_load((tmp_path / ".github/workflows/pages.yml").read_text())
    commands = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    requirements = (tmp_path / "requirements.txt").read_text().splitlines()

    assert "pip install -r requirements.txt" in commands
    assert not any("pip install -e" in command for command in commands)
    check = next(command for command in commands if "glossary check --strict --format github" in command)
    assert all(line.startswith("#") for line in requirements), "installed from a folder: nothing to pin"
    guard = next(command for command in commands if command.startswith("glossary --version ||"))
    assert commands.index(guard) < commands.index(check)
    assert "::error file=requirements.txt" in guard
    assert "_site/" in (tmp_path / ".gitignore").read_text().splitlines()


def test_the_starter_workflow_keeps_the_build_cache_signed_with_a_repository_secret(tmp_path: Path) -> None:
    assert run_glossary("init", cwd=tmp_path).returncode == 0
    workflow = yaml.safe_load((tmp_path / ".github/workflows/pages.yml").read_text())
    steps = workflow["jobs"]["build"]["steps"]
    names = [step.get("uses", step.get("run", "")) for step in steps]
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    build = next(step for step in steps if step.get("run", "").startswith("glossary build"))

    assert names.index(cache["uses"]) < names.index(build["run"]), "restored before the build"
    assert cache["with"]["path"] == ".glossary-cache"
    assert "hashFiles('requirements.txt')" in cache["with"]["key"], "a new glossary-site starts clean"
    assert cache["with"]["key"].startswith(cache["with"]["restore-keys"])
    assert build["env"] == {"GLOSSARY_CACHE_KEY": "${{ secrets.GLOSSARY_CACHE_KEY }}"}
    checking = workflow["jobs"]["check"]["steps"]
    restore = next(step for step in checking if step.get("uses", "").startswith("actions/cache/restore@"))
    check = next(step for step in checking if "glossary check" in step.get("run", ""))
    assert checking.index(restore) < checking.index(check), "check reads the build's cache"
    assert restore["with"] == cache["with"]
    assert check["env"]["GLOSSARY_CACHE_KEY"] == build["env"]["GLOSSARY_CACHE_KEY"]


def test_the_starter_workflow_publishes_the_default_branch_and_never_cancels_a_deploy(tmp_path: Path) -> None:
    """Was: only a branch named main was published (git init may make master), a second push
    cancelled a deploy under way, and static/'s dot files (.well-known/security.txt), which the
    build copies, were left out of what Pages published."""
    assert run_glossary("init", cwd=tmp_path).returncode == 0
    workflow = yaml.safe_load((tmp_path / ".github/workflows/pages.yml").read_text())
    upload = next(
        step
        for step in workflow["jobs"]["build"]["steps"]
        if step.get("uses", "").startswith("actions/upload-pages-artifact@")
    )

    assert "github.event.repository.default_branch" in workflow["jobs"]["build"]["if"]
    assert "main" not in workflow["jobs"]["build"]["if"]
    assert workflow["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"
    assert workflow["jobs"]["build"]["permissions"]["pages"] == "read", "configure-pages reads the site"
    assert upload["with"] == {"path": "_site", "include-hidden-files": True}


def test_the_starter_workflow_checks_for_the_address_pages_deploys_to_when_it_answers(tmp_path: Path) -> None:
    """Was: the check job checked for site.yml's base_url and the build for Pages' address, so a
    misspelt link written as a full address of the published site passed the pull request's
    check and failed the deploy. Where Pages is not on (a fork's own pushes) the check must still
    run, for site.yml's base_url."""
    assert run_glossary("init", cwd=tmp_path).returncode == 0
    workflow = yaml.safe_load((tmp_path / ".github/workflows/pages.yml").read_text())
    job = workflow["jobs"]["check"]
    script = next(step["run"] for step in job["steps"] if "glossary check" in step.get("run", ""))
    stubs = tmp_path / "bin"
    stubs.mkdir()
    (stubs / "glossary").write_text('#!/bin/sh\nprintf "%s\\n" "$@"\n')

    def arguments(gh: str) -> list[str]:
        (stubs / "gh").write_text(f"#!/bin/sh\n{gh}\n")
        for stub in stubs.iterdir():
            stub.chmod(0o755)
        env = {"PATH": f"{stubs}:/usr/bin:/bin", "GITHUB_REPOSITORY": "octocat/my-glossary"}
        ran = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert ran.returncode == 0, ran.stderr
        return ran.stdout.splitlines()

    published = arguments('echo "https://octocat.github.io/my-glossary"')
    off = arguments('echo \'{"message":"Not Found"}\'; echo "gh: Not Found (HTTP 404)" >&2; exit 1')

    assert job["permissions"] == {"contents": "read", "pages": "read"}
    assert published == [
        "check",
        "--strict",
        "--format",
        "github",
        "--base-url",
        "https://octocat.github.io/my-glossary/",
    ]
    assert off == ["check", "--strict", "--format", "github"]


def test_init_refuses_a_title_no_page_may_hold_and_writes_nothing(tmp_path: Path) -> None:
    """Was: `glossary init site --title $'x\\x1by'` wrote a site whose first build failed on its
    own site.yml."""
    refused = run_glossary("init", "site", "--title", "x\x1by", cwd=tmp_path)
    assert refused.returncode == 2, refused.stderr
    assert refused.stderr.splitlines() == [
        "glossary: the title holds character U+001B, which no web page may; remove it"
    ]
    assert not (tmp_path / "site").exists()


def test_init_refuses_an_existing_site_and_changes_nothing(tmp_path: Path) -> None:
    assert run_glossary("init", "mysite", cwd=tmp_path).returncode == 0
    site = tmp_path / "mysite"
    (site / "content/site.yml").write_text("title: Mine\nbase_url: https://example.org/\n")
    before = tree_digest(site)

    again = run_glossary("init", "mysite", cwd=tmp_path)

    assert again.returncode == 2
    assert "already holds a glossary" in again.stderr and "Traceback" not in again.stderr
    assert tree_digest(site) == before


def test_init_inside_a_sites_content_or_output_is_refused_and_the_site_still_builds(tmp_path: Path) -> None:
    """Was: `glossary init` run again from mysite/content/terms wrote a second site there,
    whose three terms then clashed with the first site's own ("slug 'term' is already used")."""
    assert run_glossary("init", "mysite", cwd=tmp_path).returncode == 0
    site = tmp_path / "mysite"
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0
    before = tree_digest(site)

    for folder, where in (("content/terms", "content/"), ("static/extra", "static/"), ("_site/x", "_site/")):
        refused = run_glossary("init", folder, cwd=site)
        assert refused.returncode == 2, refused.stdout
        said = f"glossary: {folder} is in {where} of the glossary in ., which its builds read"
        assert said in refused.stderr
        assert "nothing was changed" in refused.stderr and "Traceback" not in refused.stderr
    from_inside = run_glossary("init", cwd=site / "content/terms")
    assert from_inside.returncode == 2
    assert "glossary: . is in content/ of the glossary in ../.." in from_inside.stderr

    assert tree_digest(site) == before
    assert not (site / "static").exists()
    assert run_glossary("check", "--strict", cwd=site).returncode == 0


def test_init_inside_an_output_folder_of_any_name_is_refused_so_no_build_deletes_it(tmp_path: Path) -> None:
    """Was: only a folder named _site/ was known as output, so `glossary init public/docs` in a
    site built with `--out public` wrote a site there, and the next whole build deleted it with
    every edit made to it."""
    assert run_glossary("init", "mysite", cwd=tmp_path).returncode == 0
    site = tmp_path / "mysite"
    assert run_glossary("build", "--no-search", "--out", "public", cwd=site).returncode == 0
    assert run_glossary("build", "--no-search", "--out", "../elsewhere", cwd=site).returncode == 0
    before = tree_digest(tmp_path)

    for folder in ("mysite/public/docs", "mysite/public", "elsewhere/nested/site"):
        refused = run_glossary("init", folder, cwd=tmp_path)
        assert refused.returncode == 2, refused.stdout
        assert f"glossary: {folder} is in " in refused.stderr
        assert "the output folder of a glossary build" in refused.stderr
        assert "nothing was changed" in refused.stderr and "Traceback" not in refused.stderr

    assert tree_digest(tmp_path) == before


def test_init_refuses_a_folder_with_any_file_it_would_write(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("node_modules/\n")
    (tmp_path / "README.md").write_text("my notes\n")

    refused = run_glossary("init", cwd=tmp_path)

    assert refused.returncode == 2
    assert ".gitignore" in refused.stderr and "never overwrites" in refused.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [".gitignore", "README.md"]
    assert (tmp_path / ".gitignore").read_text() == "node_modules/\n"


def test_init_leaves_a_symbolic_link_to_nothing_where_it_was(tmp_path: Path) -> None:
    """Was: refused, and the link itself deleted as if init had made it."""
    (tmp_path / "site").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "up").symlink_to(tmp_path / "gone")

    for target in ("site", "up/site"):
        refused = run_glossary("init", target, cwd=tmp_path)
        assert refused.returncode == 2 and "Traceback" not in refused.stderr, refused.stderr
    assert "is a symbolic link to nothing" in run_glossary("init", "site", cwd=tmp_path).stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "up"]
    assert (tmp_path / "site").is_symlink() and (tmp_path / "up").is_symlink()


def test_init_and_source_say_which_path_is_a_file_or_unusable(tmp_path: Path) -> None:
    """Was: "Not a directory" on a path init made up, a raw "[Errno 36]", and "no
    content/site.yml in …/site.yml" for a --source that is the settings file itself."""
    (tmp_path / "notes").write_text("mine\n")
    site = copy_site("minimal", tmp_path)

    under_a_file = run_glossary("init", "notes/site", cwd=tmp_path)
    too_long = run_glossary("init", "n" * 300, cwd=tmp_path)
    a_file = run_glossary("check", "--source", "content/site.yml", cwd=site)
    empty = [run_glossary(*args, cwd=tmp_path) for args in (("init", ""), ("check", "--source", ""))]

    assert under_a_file.returncode == 2 and "glossary: notes is a file, not a folder" in under_a_file.stderr
    assert too_long.returncode == 2 and ": File name too long; nothing was changed" in too_long.stderr
    assert a_file.returncode == 2
    assert "--source content/site.yml is a file; give the site folder" in a_file.stderr
    for refused, name in zip(empty, ("DIR", "--source"), strict=True):  # was: a site written in tmp_path
        assert refused.returncode == 2
        message = f"error: argument {name}: must not be empty; give a path"
        assert message in refused.stderr.splitlines()[-1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minimal", "notes"]


def test_new_spells_a_greek_title_in_latin_letters_and_needs_slug_for_a_japanese_one(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)

    greek = run_glossary("new", "Γλωσσάριο", cwd=site)
    refused = run_glossary("new", "用語集", cwd=site)
    made = run_glossary("new", "用語集", "--slug", "yogoshu", cwd=site)

    assert greek.returncode == 0, greek.stderr
    assert 'title: "Γλωσσάριο"' in (site / "content/terms/glossario.md").read_text(encoding="utf-8")
    assert refused.returncode == 2
    assert "cannot make a file name from '用語集'; give one with --slug" in refused.stderr
    assert made.returncode == 0, made.stderr
    assert 'title: "用語集"' in (site / "content/terms/yogoshu.md").read_text(encoding="utf-8")


def test_new_refuses_what_the_next_build_would_and_writes_nothing(tmp_path: Path) -> None:
    """Was: a traceback for a long title or a content/terms that is a file, and an --alias taken
    or empty written, for the next check to fail on; an --alias that is another term's former
    slug was written, and moved the links naming it to the new term without a word."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(
        tensor.read_text(encoding="utf-8").replace("\ntitle:", "\nformer_slugs: [arrays]\ntitle:", 1)
    )
    before = tree_digest(site)
    cases = [
        (("Arrays",), "terms/arrays/ is a former address of content/terms/tensor.md (its former_slugs)"),
        (
            ("Epsilon", "--alias", "Arrays"),
            "'Arrays' is a former slug of content/terms/tensor.md (its former_slugs): as a name of this "
            "term, links naming it would lead here instead",
        ),
        (("word " * 60,), "the file name would be 299 characters long; give one of at most 200 with --slug"),
        (
            ("Epsilon", "--alias", "GPU"),
            "'GPU' is already a name of content/terms/graphics-processing-unit.md",
        ),
        (("Epsilon", "--alias", " "), "an --alias must not be empty"),
        (
            ("Epsilon", "--slug", "Epsilon_1"),
            "--slug 'Epsilon_1' must be lowercase letters, digits and single",
        ),
        (("Tensor arrays", "--slug", "tensor"), "'tensor' is already a name of content/terms/tensor.md"),
        (("Eta", "--slug", "e" * 201), "--slug is 201 characters long; give one of at most 200;"),
        (("Tensors",), "links naming 'Tensors' lead to content/terms/tensor.md already"),
        (("x\x1by",), "the title holds character U+001B, which no web page may; remove it"),
        (("Epsilon", "--alias", "e\x7f"), "an --alias holds character U+007F, which no web page may"),
        (("Epsilon", "--category", "Bad\x07"), "--category holds character U+0007, which no web page may"),
    ]
    for args, message in cases:
        refused = run_glossary("new", *args, cwd=site)
        assert refused.returncode == 2 and message in refused.stderr, (args, refused.stderr)
        assert refused.stderr.endswith("; nothing was written\n"), refused.stderr
        assert "Traceback" not in refused.stderr
    assert tree_digest(site) == before

    (site / "content/terms").rename(site / "terms-aside")
    (site / "content/terms").write_text("not a folder\n")
    refused = run_glossary("new", "Epsilon", cwd=site)
    assert refused.returncode == 2 and "content/terms is not a folder" in refused.stderr, refused.stderr
    assert refused.stderr.endswith("; nothing was written\n"), refused.stderr


def test_new_refuses_a_terms_folder_linked_outside_content_which_no_build_reads(tmp_path: Path) -> None:
    """Was: the term was written into the folder the link leads to, outside the site, and the
    next check failed on the link ("points outside content/"), never reading the new term."""
    assert run_glossary("init", "mysite", cwd=tmp_path).returncode == 0
    site = tmp_path / "mysite"
    (site / "content/terms").rename(tmp_path / "elsewhere")
    (site / "content/terms").symlink_to(tmp_path / "elsewhere")
    before = tree_digest(tmp_path / "elsewhere")

    refused = run_glossary("new", "Brand new", cwd=site)

    assert refused.returncode == 2, refused.stdout
    assert "is a symbolic link that leads outside content/" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert tree_digest(tmp_path / "elsewhere") == before
    (site / "content/terms").unlink()
    (site / "content/real-terms").mkdir()
    (site / "content/terms").symlink_to("real-terms")  # a link within content/ is read, so allowed
    assert run_glossary("new", "Brand new", cwd=site).returncode == 0
    assert (site / "content/real-terms/brand-new.md").is_file()


def test_new_run_inside_content_terms_writes_into_the_site_root(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)

    made = run_glossary("new", "Activation function", cwd=site / "content/terms")

    assert made.returncode == 0, made.stderr
    assert (site / "content/terms/activation-function.md").is_file()
    assert not (site / "content/terms/content").exists()
    assert made.stdout.rstrip().endswith("then run: glossary check")


def test_new_with_source_prints_a_check_command_that_finds_the_site(tmp_path: Path) -> None:
    """Was: "then run: glossary check", which outside the site folder finds no site."""
    copy_site("minimal", tmp_path / "my glossary")

    made = run_glossary("new", "Activation function", "--source", "my glossary/minimal", cwd=tmp_path)

    assert made.returncode == 0, made.stderr
    command = made.stdout.rstrip().rpartition("then run: ")[2]
    assert command == "glossary check --source 'my glossary/minimal'"
    checked = run_glossary(*shlex.split(command)[1:], cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr


def test_new_says_when_the_slug_made_from_a_title_is_taken_and_how_to_name_another(tmp_path: Path) -> None:
    """Was: `new "C#"` after `new "C++"` said "'c' is already a name of content/terms/c.md; edit
    that term", though C# is no name of C++: only the slug both titles make is."""
    site = copy_site("minimal", tmp_path)
    assert run_glossary("new", "C++", cwd=site).returncode == 0
    before = tree_digest(site)

    refused = run_glossary("new", "C#", cwd=site)
    taken = run_glossary("new", "c", cwd=site)

    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr == (
        "glossary: the slug 'c' made from 'C#' is already a name of content/terms/c.md; name this "
        "term's file with --slug (such as --slug csharp); nothing was written\n"
    )
    assert "'c' is already a name of content/terms/c.md, 'C++': its slug" in taken.stderr, "the title itself"
    assert tree_digest(site) == before
    assert run_glossary("new", "C#", "--slug", "csharp", cwd=site).returncode == 0


def test_new_refuses_a_title_that_is_already_an_alias(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    before = tree_digest(site)

    refused = run_glossary("new", "gpu", cwd=site)

    assert refused.returncode == 2
    assert "'gpu' is already a name of content/terms/graphics-processing-unit.md" in refused.stderr
    assert tree_digest(site) == before


def test_new_refuses_an_unknown_related_term_with_a_suggestion(tmp_path: Path) -> None:
    """Was: "--related 'Sauce' is not an existing term", which left the editor to wonder whether
    a term was written and what to do instead."""
    site = copy_site("minimal", tmp_path)
    before = tree_digest(site)

    refused = run_glossary("new", "Activation function", "--related", "tensr", cwd=site)

    assert refused.returncode == 2
    assert refused.stderr == (
        "glossary: --related 'tensr' is not an existing term (did you mean 'Tensor'?); make that term "
        "first, or leave this --related out and add it to the new term's related list later; "
        "nothing was written\n"
    )
    assert tree_digest(site) == before
    # an argument is said on one line, with no escape code reaching the terminal
    refused = run_glossary("new", "Activation function", "--related", "\x1b[31mred\nline", cwd=site)
    assert refused.stderr.startswith(
        "glossary: --related '\\u001b[31mred\\u000aline' is not an existing term; make that term first"
    )
    assert refused.stderr.count("\n") == 1
    # a file that cannot be read is there all the same
    write_files(site, {"content/terms/broken.md": "---\ntitle: [Broken\n---\n"})
    refused = run_glossary("new", "Activation function", "--related", "Broken", cwd=site)
    assert refused.returncode == 2
    assert "--related 'Broken' names content/terms/broken.md, which cannot be read; run `glossary check`" in (
        refused.stderr
    )
    assert refused.stderr.endswith("and fix it first; nothing was written\n")


def test_commands_outside_a_site_are_usage_errors_that_leave_nothing(tmp_path: Path) -> None:
    for command in ("build", "check", "new", "serve"):
        args = (command, "A title") if command == "new" else (command,)
        done = run_glossary(*args, cwd=tmp_path)
        assert done.returncode == 2, (command, done.stderr)
        assert "no content/site.yml" in done.stderr and "glossary init" in done.stderr
        assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_init_on_a_full_disk_says_so_and_keeps_no_half_written_file(tmp_path: Path) -> None:
    failed = run_glossary("init", "mysite", cwd=tmp_path, largest_file=1024)

    assert failed.returncode == 2, failed.stderr
    assert "cannot write" in failed.stderr and "File too large" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert not (tmp_path / "mysite").exists(), "what it made is removed"
    assert run_glossary("init", "mysite", cwd=tmp_path).returncode == 0, "a second try is not refused"


def test_new_on_a_full_disk_says_so_and_leaves_no_half_written_term(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    before = sorted(p.name for p in (site / "content/terms").iterdir())

    failed = run_glossary("new", "Sourdough Starter", cwd=site, largest_file=100)

    assert failed.returncode == 2, failed.stderr
    assert "cannot write" in failed.stderr and "nothing was written" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert sorted(p.name for p in (site / "content/terms").iterdir()) == before
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("new", "Caf\udce9"), "TITLE"),
        (("new", "Good", "--category", "C\udcff"), "--category"),
        (("new", "Good", "--alias", "A\udcff"), "--alias"),
        (("new", "Good", "--related", "T\udcff"), "--related"),
        (("check", "--base-url", "https://example.org/caf\udce9/"), "--base-url"),
        (("build", "--base-url", "https://example.org/caf\udce9/"), "--base-url"),
        (("serve", "--host", "h\udcff"), "--host"),
        (("init", "other", "--title", "T\udcff"), "--title"),
    ],
)
def test_an_argument_in_bytes_that_are_not_utf8_is_a_usage_error(
    tmp_path: Path, args: tuple[str, ...], option: str
) -> None:
    """As a Latin-1 terminal types 'Caf\u00e9' (Python holds its byte as '\\udce9'). Was: a
    traceback ending in UnicodeEncodeError, exit 1."""
    assert run_glossary("init", "mysite", cwd=tmp_path).returncode == 0
    site = tmp_path / "mysite"
    before = tree_digest(tmp_path)

    refused = run_glossary(*args, cwd=site)

    assert refused.returncode == 2, refused.stderr
    assert f"argument {option}: " in refused.stderr
    assert "holds bytes that are not UTF-8 text; set the terminal to UTF-8" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert tree_digest(tmp_path) == before
