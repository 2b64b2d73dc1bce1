#!/usr/bin/env python3
"""Checks Topolab's files against other tools' own readers.

- PyYAML (an independent YAML implementation) reads every file Topolab writes and finds the same
  data, including texts that are easy to get wrong (null, true, 123, quotes, newlines, unicode).
- Topolab reads what PyYAML writes.
- Graphviz's dot accepts every graph `topolab-cli export` writes.

Usage: crosscheck.py TOPOLAB_CLI EXAMPLES_DIR
"""
import os
import subprocess
import sys
import tempfile

import yaml

cli, examples = sys.argv[1], sys.argv[2]
failures = []


def run(*args, stdin=None):
    return subprocess.run(args, input=stdin, capture_output=True, text=True, timeout=60)


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


HOSTILE = ["null", "true", "False", "yes", "~", "123", "1e3", "0x1F", "-5", ".inf", "", " lead",
           "trail ", "a: b", "- x", "#hash", "[x]", "{y}", "&anchor", "*alias", "!tag", "%pct",
           "@at", "`tick", "quote\"s", "it's", "back\\slash", "new\nline", "tab\there",
           "Zürich ☁", "日本語", "emoji 🚀", "comma, here", "ends with:", "? q", "| pipe", "> gt"]

with tempfile.TemporaryDirectory() as tmp:
    # PyYAML writes a topology whose free texts are hostile; Topolab must read it and write it
    # back in its own style; PyYAML must then read back exactly the same texts.
    doc = {
        "topolab": 1,
        "name": "hostile names",
        "regions": [{"id": "r1", "label": HOSTILE[0]}],
        "components": [
            {"id": f"c{i}", "kind": "object_storage", "region": "r1", "label": text}
            for i, text in enumerate(HOSTILE)
        ],
    }
    source = os.path.join(tmp, "hostile.topolab.yaml")
    with open(source, "w", encoding="utf-8") as f:
        yaml.safe_dump(doc, f, allow_unicode=True, sort_keys=False)
    result = run(cli, "format", "--stdout", source)
    check(result.returncode == 0, f"topolab-cli format refused PyYAML's file: {result.stderr}")
    reread = yaml.safe_load(result.stdout)
    labels = [c.get("label", "") for c in reread["components"]]
    for expected, got in zip(HOSTILE, labels):
        check(expected == got, f"label {expected!r} came back from PyYAML as {got!r}")
    check(reread["name"] == doc["name"] and reread["regions"][0]["label"] == HOSTILE[0],
          "name or region label changed")

    for name in sorted(os.listdir(examples)):
        path = os.path.join(examples, name)
        # Canonical files: PyYAML and Topolab agree on every value.
        with open(path, encoding="utf-8") as f:
            ours = yaml.safe_load(f)
        check(ours["topolab"] == 1, f"{name}: version")
        result = run(cli, "format", "--check", path)
        check(result.returncode == 0, f"{name}: not in canonical form: {result.stdout}")
        again = run(cli, "format", "--stdout", path)
        check(yaml.safe_load(again.stdout) == ours, f"{name}: PyYAML reads other data")
        # Graphviz accepts the exported graph.
        dot = run(cli, "export", path, "--format", "dot", "--out", "-")
        check(dot.returncode == 0, f"{name}: export failed: {dot.stderr}")
        svg = run("dot", "-Tsvg", stdin=dot.stdout)
        check(svg.returncode == 0 and "<svg" in svg.stdout, f"{name}: dot refused: {svg.stderr}")
        for component in ours["components"]:
            check(component["id"] in dot.stdout, f"{name}: {component['id']} missing in dot")

    hostile_dot = run(cli, "export", source, "--format", "dot", "--out", "-")
    svg = run("dot", "-Tsvg", stdin=hostile_dot.stdout)
    check(svg.returncode == 0, f"dot refused the graph of hostile labels: {svg.stderr}")

checks = "crosscheck"
print(f"{checks}: {len(failures)} failed")
sys.exit(1 if failures else 0)
