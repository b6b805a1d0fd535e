"""`prepress build` run as a user runs it, twice: the second run finds nothing changed and writes nothing."""
import json
import os
import shutil
import subprocess
import time

from conftest import PREPRESS, ROOT

GUIDE = "content/nurse-manager-hospital.md"


def copy_demo(tmp_path):
    site = tmp_path / "site"
    for name in ["content", "templates", "site.yml"]:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, site / name)
    settle(site)
    return site


def settle(site):
    """Dates every input a minute back, as if saved well before the build: prepress does not skip the build
    after one whose run an input's time falls in (or two seconds before), since it cannot know which bytes
    that build read."""
    past = time.time() - 60
    for path in site.rglob("*"):
        if path.is_file() and "output" not in path.parts and ".prepress-cache" not in path.parts:
            os.utime(path, (past, past))


def build(site, *arguments):
    result = subprocess.run([str(PREPRESS), "build", "--site", str(site), *arguments],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def snapshot(folder):
    """Every file's path with its inode and modification time in nanoseconds."""
    return {str(path.relative_to(folder)): (path.stat().st_ino, path.stat().st_mtime_ns)
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_second_build_with_nothing_changed_writes_nothing(tmp_path):
    site = copy_demo(tmp_path)
    assert build(site).startswith("Built ")
    before = snapshot(site / "output")

    second = build(site)
    assert second.startswith("Up to date: nothing changed since the last build of "), second
    assert "(--force builds anyway)" in second
    assert snapshot(site / "output") == before
    assert (site / ".prepress-cache" / "last-build.json").is_file()
    assert not list((site / "output").glob(".prepress*")), "nothing of the cache is published"

    assert build(site, "--force").startswith("Built ")
    assert snapshot(site / "output") != before


def test_an_edit_builds_again(tmp_path):
    site = copy_demo(tmp_path)
    build(site)
    guide = site / GUIDE
    guide.write_text(guide.read_text().replace("## Interview Questions and Answers",
                                               "A new paragraph.\n\n## Interview Questions and Answers"))
    settle(site)
    assert build(site).startswith("Built ")
    page = site / "output" / "guides" / "nurse-manager-interview-guide" / "index.html"
    assert "A new paragraph." in page.read_text()
    assert build(site).startswith("Up to date")


def test_a_guide_saved_while_the_last_build_ran_does_not_let_the_next_one_be_skipped(tmp_path):
    site = copy_demo(tmp_path)
    assert build(site).startswith("Built ")
    stamp = json.loads((site / ".prepress-cache" / "last-build.json").read_text())
    # Saved (and saved back) while that build was reading: its bytes are as before, but which did it read?
    during = (stamp["readFrom"] + stamp["finishedAt"]) // 2
    os.utime(site / GUIDE, ns=(during, during))
    assert build(site).startswith("Built ")
    settle(site)
    assert build(site).startswith("Up to date")


def test_a_misspelled_key_in_a_template_override_fails_build_and_check_at_its_place(tmp_path):
    site = copy_demo(tmp_path)
    assert build(site).startswith("Built ")
    before = snapshot(site / "output")
    guide_template = site / "templates" / "guide.mustache"
    text = guide_template.read_text(encoding="utf-8")
    assert "<h1>{{term}}</h1>" in text
    guide_template.write_text(text.replace("<h1>{{term}}</h1>", "<h1>{{titel}}</h1>", 1), encoding="utf-8")
    line = next(number for number, row in enumerate(guide_template.read_text(encoding="utf-8").splitlines(), 1) if "{{titel}}" in row)
    column = guide_template.read_text(encoding="utf-8").splitlines()[line - 1].index("titel") + 1
    expected = f"templates/guide.mustache:{line}:{column}: error: 'titel' is not a key of a guide; did you mean 'title'?"
    for command in ["build", "check"]:
        result = subprocess.run([str(PREPRESS), command, "--site", str(site)], capture_output=True, text=True, timeout=120)
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        assert expected in result.stderr, (command, result.stderr)
    assert snapshot(site / "output") == before, "a failed build leaves the output as it was"
