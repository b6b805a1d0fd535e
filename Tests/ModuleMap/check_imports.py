#!/usr/bin/env python3
"""Checks that Package.swift tells the truth about imports, and that imports follow docs/architecture.md.

Reads the targets and their dependencies from `swift package dump-package`, every `import` line of every
target's Swift files, and the module map table of docs/architecture.md. Fails (exit 1, one line per problem)
when a target imports a module it does not declare, declares one it never imports, or imports one the map
does not allow it. A target of C or C++ sources has no `import` lines: its declared dependencies (system
modules that bring compiler flags) are taken as its imports, so only the map is checked for it.
`--self-test` shows each kind of problem is caught.
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SYSTEM = {"Foundation", "FoundationEssentials", "Dispatch", "Glibc", "Darwin", "Testing", "XCTest", "Synchronization"}
IMPORT = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:public\s+|internal\s+|package\s+|private\s+|fileprivate\s+)?"
                    r"import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)")


def module_map(text):
    """The rows of the table between the module-map markers: module -> set of modules it may import."""
    start = text.index("<!-- module-map")
    end = text.index("<!-- end of module-map -->")
    table = {}
    for line in text[start:end].splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 2 or cells[0] in ("Module", "") or set(cells[0]) <= {"-"}:
            continue
        table[cells[0]] = {name.strip() for name in cells[1].split(",") if name.strip() and name.strip() != "–"}
    return table


def imports_in(directory):
    """Every module imported by the Swift files under `directory`, with the first file and line for each."""
    found = {}
    for folder, _, files in os.walk(directory):
        if "/." in folder:
            continue
        for name in sorted(files):
            if not name.endswith(".swift"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as file:
                for number, line in enumerate(file, 1):
                    match = IMPORT.match(line)
                    if match and match.group(1) not in found:
                        found[match.group(1)] = f"{os.path.relpath(path, ROOT)}:{number}"
    return found


def check(targets, imports, table):
    """Problems, as lines. `targets`: name -> declared dependency modules; `imports`: name -> {module: where}."""
    problems = []
    for target, declared in sorted(targets.items()):
        used = imports.get(target, {})
        allowed = table.get(target)
        if allowed is None:
            problems.append(f"docs/architecture.md: the module map has no row for {target}")
            allowed = set()
        for module, where in sorted(used.items()):
            if module in SYSTEM or module == target:
                continue
            if module not in declared:
                problems.append(f"{where}: {target} imports {module}, which Package.swift does not declare for it")
            if module not in allowed:
                problems.append(f"{where}: {target} imports {module}, which the module map does not allow it")
        for module in sorted(declared - set(used)):
            problems.append(f"Package.swift: {target} declares {module} but no file of it imports it")
    for target in sorted(set(table) - set(targets)):
        problems.append(f"docs/architecture.md: the module map names {target}, which is no target of Package.swift")
    return problems


def package_targets():
    """Targets that hold Swift code, by name: (source folder, declared dependency module names)."""
    dump = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, check=True,
                                     capture_output=True, text=True).stdout)
    targets = {}
    for target in dump["targets"]:
        if target["type"] == "system":
            continue
        default = "Tests" if target["type"] == "test" else "Sources"
        folder = os.path.join(ROOT, target.get("path") or os.path.join(default, target["name"]))
        declared = set()
        for dependency in target["dependencies"]:
            kind, value = next(iter(dependency.items()))
            declared.add(value[0])
        targets[target["name"]] = (folder, declared)
    return targets


def self_test():
    table = {"A": {"B"}, "B": set()}
    cases = [
        ({"A": {"B"}, "B": set()}, {"A": {"B": "a:1", "Foundation": "a:2"}}, []),
        ({"A": set(), "B": set()}, {"A": {"B": "a:1"}}, ["does not declare"]),
        ({"A": {"B"}, "B": set()}, {"A": {}}, ["no file of it imports it"]),
        ({"A": {"B"}, "B": {"A"}}, {"A": {"B": "a:1"}, "B": {"A": "b:1"}}, ["does not allow"]),
        ({"A": {"B"}, "B": set(), "C": set()}, {"A": {"B": "a:1"}}, ["has no row for C"]),
    ]
    for targets, imports, expected in cases:
        problems = check(targets, imports, table)
        assert len(problems) == len(expected) and all(e in p for e, p in zip(expected, problems)), (targets, problems)
    assert module_map("<!-- module-map -->\n| Module | May import |\n|---|---|\n| X | Y, Z |\n<!-- end of module-map -->") == {"X": {"Y", "Z"}}
    assert IMPORT.match("@testable import PrepressBuild").group(1) == "PrepressBuild"
    assert IMPORT.match("internal import CCmark").group(1) == "CCmark"
    assert IMPORT.match("import struct Foundation.Date").group(1) == "Foundation"
    print("check_imports self-test: every kind of problem is found")


def main():
    if "--self-test" in sys.argv:
        self_test()
        return 0
    with open(os.path.join(ROOT, "docs", "architecture.md"), encoding="utf-8") as file:
        table = module_map(file.read())
    found = package_targets()
    targets = {name: declared for name, (_, declared) in found.items()}
    imports = {name: imports_in(folder) for name, (folder, _) in found.items()}
    for name, (folder, declared) in found.items():
        if not any(file.endswith(".swift") for _, _, files in os.walk(folder) for file in files):
            imports[name] = {module: f"Package.swift ({name} is C or C++)" for module in declared}
    problems = check(targets, imports, table)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} import problem{'s' if len(problems) != 1 else ''}: fix Package.swift, the imports, "
              "or docs/architecture.md's module map", file=sys.stderr)
        return 1
    print(f"Imports of {len(targets)} targets match Package.swift and docs/architecture.md's module map")
    return 0


if __name__ == "__main__":
    sys.exit(main())
