#!/usr/bin/env python3
"""Generates catalog.json and reference-keys.csv of the iso27001_2013 plugin.

Facts (numbers, titles, hierarchy) come from the CISO Assistant library
iso27001-2013.yaml; everything we wrote ourselves (descriptions, title
corrections) comes from tools/iso27001_2013_data.json. The YAML's own
descriptions are never read into the output: they are intuitem's AGPL text.

    python3 tools/generate.py [--reference PATH/iso27001-2013.yaml]

catalog.json is the committed source of truth; CI does not run this script.
"""

import argparse
import csv
import difflib
import json
import pathlib
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent
PLUGIN = HERE.parent
DEFAULT_REFERENCE = pathlib.Path("/work/shared/reference/ciso-assistant/catalogs/iso27001-2013.yaml")

FRAMEWORK = {
    "id": "iso27001-2013",
    "name": "ISO/IEC 27001:2013 Information security management systems — Requirements",
    "version": "2013",
    "publisher": "ISO/IEC",
    "kind": "standard",
    "published": "2013-10-01",
    "source": (
        "ISO/IEC 27001:2013, Information technology — Security techniques — Information security management "
        "systems — Requirements (second edition, 2013-10-01; withdrawn and replaced by ISO/IEC 27001:2022; "
        "Corrigenda 1:2014 and 2:2015 do not change numbers or titles). Clause and control numbers, titles and "
        "hierarchy taken as facts from the CISO Assistant library iso27001-2013.yaml "
        "(intuitem/ciso-assistant-community, commit f990d7b1b9a9f56e391acbc247c9076262a11412), with titles corrected "
        "to the official wording."
    ),
    "licence": (
        "Clause and control numbers, titles and structure are facts of ISO/IEC 27001:2013 (© ISO/IEC 2013); no text "
        "of the standard is reproduced, obtain it from iso.org. Descriptions are the Crosswalk project's own "
        "summaries, written for this catalog; nothing is copied from ISO or from the AGPL-3.0 CISO Assistant library."
    ),
    "url": "https://www.iso.org/standard/54534.html",
    "description": (
        "The superseded 2013 edition, kept for organizations moving to ISO/IEC 27001:2022: requirements for an "
        "information security management system (clauses 4 to 10) and Annex A with 14 domains, 35 control "
        "objectives and 114 controls. Certificates to this edition expired on 31 October 2025."
    ),
}

EXPECTED_KINDS = {
    "clause": 7,
    "subclause": 2,
    "requirement": 26,
    "annex": 1,
    "domain": 14,
    "objective": 35,
    "control": 114,
}
EXPECTED_PER_DOMAIN = {
    "A.5": 2, "A.6": 7, "A.7": 6, "A.8": 10, "A.9": 14, "A.10": 2, "A.11": 15,
    "A.12": 14, "A.13": 7, "A.14": 13, "A.15": 5, "A.16": 7, "A.17": 4, "A.18": 8,
}
# Above this similarity to the YAML paraphrase a description is too close to be ours.
MAX_SIMILARITY = 0.6


def fail(message):
    sys.exit(f"generate.py: {message}")


def our_ref(node):
    return "A" if node["urn"].endswith(":annex-a") else node["ref_id"].strip()


def is_core(node):
    return node["urn"].endswith(":core")


def build(reference, data):
    nodes = reference["objects"]["framework"]["requirement_nodes"]
    ref_by_urn = {n["urn"]: our_ref(n) for n in nodes if not is_core(n)}
    descriptions = data["descriptions"]

    controls = []
    keys = []
    domain_title = {}
    for node in nodes:
        if is_core(node):
            continue  # "Core" wrapper: clauses 4-10 are our top level
        ref = our_ref(node)
        parent = ref_by_urn.get(node.get("parent_urn"))
        assessable = bool(node.get("assessable"))
        if ref == "A":
            kind = "annex"
        elif ref.startswith("A."):
            kind = {1: "domain", 2: "objective", 3: "control"}[ref.count(".")]
            if assessable != (kind == "control"):
                fail(f"{ref}: assessable flag does not match its level")
        elif parent is None:
            kind = "clause"
        else:
            kind = "requirement" if assessable else "subclause"

        if ref not in descriptions:
            fail(f"no description for {ref}")
        theirs = (node.get("description") or "").strip()
        ratio = difflib.SequenceMatcher(None, descriptions[ref].lower(), theirs.lower()).ratio()
        if theirs and ratio > MAX_SIMILARITY:
            fail(f"description of {ref} is too close to the reference paraphrase ({ratio:.2f})")

        title = data["titles"].get(ref, " ".join(node["name"].split()))
        control = {"ref": ref}
        if parent is not None:
            control["parent"] = parent
        control["title"] = title
        control["kind"] = kind
        if assessable:
            control["assessable"] = True
        control["description"] = descriptions[ref]
        if kind == "domain":
            domain_title[ref] = title
        elif kind in ("objective", "control"):
            domain = ".".join(ref.split(".")[:2])
            control["attributes"] = {"domain": domain_title[domain]}
        controls.append(control)
        keys.append((node["urn"], ref))
    return controls, keys


def check(controls, data):
    refs = [c["ref"] for c in controls]
    if len(refs) != len(set(refs)):
        fail("duplicate refs")
    by_ref = {c["ref"]: c for c in controls}
    for c in controls:
        seen = set()
        cur = c
        while "parent" in cur:
            if cur["parent"] not in by_ref:
                fail(f"{cur['ref']}: parent {cur['parent']} missing")
            if cur["ref"] in seen:
                fail(f"cycle at {cur['ref']}")
            seen.add(cur["ref"])
            cur = by_ref[cur["parent"]]
    kinds = {}
    for c in controls:
        kinds[c["kind"]] = kinds.get(c["kind"], 0) + 1
    if kinds != EXPECTED_KINDS:
        fail(f"node kinds {kinds}, expected {EXPECTED_KINDS}")
    for domain, count in EXPECTED_PER_DOMAIN.items():
        got = sum(1 for c in controls if c["kind"] == "control" and c["ref"].startswith(domain + "."))
        if got != count:
            fail(f"{domain} has {got} controls, expected {count}")
    assessable = sum(1 for c in controls if c.get("assessable"))
    if assessable != 140:
        fail(f"{assessable} assessable nodes, expected 140 (26 clause requirements + 114 controls)")
    for section in ("titles", "descriptions"):
        unknown = set(data[section]) - set(by_ref)
        if unknown:
            fail(f"{section} names unknown refs {sorted(unknown)}")


def write_catalog(path, controls):
    lines = ["{", '  "format": "crosswalk-catalog/1",', '  "frameworks": [', "    {"]
    for key, value in FRAMEWORK.items():
        lines.append(f"      {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    lines.append('      "controls": [')
    rows = [json.dumps(c, ensure_ascii=False) for c in controls]
    lines.extend("        " + row + ("," if i + 1 < len(rows) else "") for i, row in enumerate(rows))
    lines += ["      ]", "    }", "  ]", "}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=pathlib.Path, default=DEFAULT_REFERENCE)
    args = parser.parse_args()

    reference = yaml.safe_load(args.reference.read_text(encoding="utf-8"))
    data = json.loads((HERE / "iso27001_2013_data.json").read_text(encoding="utf-8"))
    controls, keys = build(reference, data)
    check(controls, data)

    write_catalog(PLUGIN / "catalog.json", controls)
    with open(PLUGIN / "reference-keys.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["reference_urn", "ref"])
        writer.writerows(keys)
    print(f"catalog.json: {len(controls)} nodes; reference-keys.csv: {len(keys)} rows")


if __name__ == "__main__":
    main()
