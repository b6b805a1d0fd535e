#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora into DIR/<target>/ from the repository's own inputs: the demo's
content/ and templates/, the test fixtures' sites (guides, site.yml, template overrides), and the inputs
fuzzing found before (Tests/Fixtures/fuzz/).

usage: Fuzz/seeds.py DIR"""
import hashlib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]


def write(folder, data):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main(out):
    out = pathlib.Path(out)
    sources = [ROOT / "content", ROOT / "Tests" / "Fixtures" / "sites"]
    guides = sorted(p for s in sources for p in s.rglob("*") if p.suffix in (".md", ".markdown"))
    configs = sorted([ROOT / "site.yml"] + list((ROOT / "Tests" / "Fixtures" / "sites").rglob("site.yml")))
    templates = sorted(p for p in list((ROOT / "templates").rglob("*.mustache"))
                       + list((ROOT / "Tests" / "Fixtures" / "sites").rglob("*.mustache")))
    for guide in guides:
        data = guide.read_bytes()
        write(out / "front-matter", data)
        # The body alone, as the Markdown renderer receives it.
        parts = data.split(b"\n---\n", 1)
        write(out / "markdown", parts[1] if len(parts) == 2 else data)
        # Terms and tags, as slugs are made from them.
        for line in data.decode("utf-8", "replace").splitlines():
            match = re.match(r'(?:term|title|category|vertical|tags|slug):\s*(.+)', line)
            if match:
                for name in re.split(r'",\s*"|,\s*', match.group(1).strip('[]"\'')):
                    write(out / "slugs", name.strip('"\' ').encode())
    for config in configs:
        write(out / "front-matter", config.read_bytes())
    for template in templates:
        # A template, then its data and a partial: the target's input format.
        write(out / "templates", template.read_bytes() + b'\0{"site": {"title": "T"}, "guide": {"term": "G"}}\0{{x}}')
    # The inputs the fuzzer found before (Tests/Fixtures/fuzz/<target>/), kept as regression tests.
    for found in sorted((ROOT / "Tests" / "Fixtures" / "fuzz").glob("*/*")):
        write(out / found.parent.name, found.read_bytes())
    for target in sorted(p.name for p in out.iterdir()):
        print(f"{target}: {len(list((out / target).iterdir()))} seeds")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
