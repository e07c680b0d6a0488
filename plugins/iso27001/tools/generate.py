#!/usr/bin/env python3
"""Generates catalog.json and reference-keys.csv of the iso27001 plugin.

Facts (numbers, titles, hierarchy) come from the CISO Assistant library
iso27001-2022.yaml; everything we wrote ourselves (descriptions, title
corrections, documented-information lists, ISO/IEC 27002 attributes) comes
from tools/iso27001_data.json. The YAML's own descriptions are never read
into the output: they are intuitem's AGPL paraphrases.

    python3 tools/generate.py [--reference PATH/iso27001-2022.yaml]

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
DEFAULT_REFERENCE = pathlib.Path("/work/shared/reference/ciso-assistant/catalogs/iso27001-2022.yaml")

FRAMEWORK = {
    "id": "iso27001-2022",
    "name": "ISO/IEC 27001:2022 Information security management systems — Requirements",
    "version": "2022",
    "publisher": "ISO/IEC",
    "kind": "standard",
    "published": "2022-10-25",
    "source": (
        "ISO/IEC 27001:2022, Information security, cybersecurity and privacy protection — Information security "
        "management systems — Requirements (third edition, 2022-10-25; Amendment 1:2024 not included). Clause and "
        "control numbers, titles and hierarchy taken as facts from the CISO Assistant library iso27001-2022.yaml "
        "(intuitem/ciso-assistant-community, commit f990d7b1b9a9f56e391acbc247c9076262a11412), with titles corrected "
        "to the official wording; control type and cybersecurity concept attributes from ISO/IEC 27002:2022 Table A.1."
    ),
    "licence": (
        "Clause and control numbers, titles and structure are facts of ISO/IEC 27001:2022 (© ISO/IEC 2022); no text "
        "of the standard is reproduced, obtain it from iso.org. Descriptions are the Crosswalk project's own "
        "summaries, written for this catalog; nothing is copied from ISO or from the AGPL-3.0 CISO Assistant library."
    ),
    "url": "https://www.iso.org/standard/27001",
    "description": (
        "Requirements for establishing, running and improving an information security management system "
        "(clauses 4 to 10) and the Annex A reference set of 93 information security controls."
    ),
}

THEMES = {"A.5": "organizational", "A.6": "people", "A.7": "physical", "A.8": "technological"}
EXPECTED_KINDS = {"clause": 7, "subclause": 4, "requirement": 30, "annex": 1, "theme": 4, "control": 93}
EXPECTED_PER_THEME = {"A.5": 37, "A.6": 8, "A.7": 14, "A.8": 34}
# Above this similarity to the YAML paraphrase a description is too close to be ours.
MAX_SIMILARITY = 0.6


def fail(message):
    sys.exit(f"generate.py: {message}")


def our_ref(node):
    return "A" if node["ref_id"] == "annex-a" else node["ref_id"]


def build(reference, data):
    nodes = reference["objects"]["framework"]["requirement_nodes"]
    ref_by_urn = {n["urn"]: our_ref(n) for n in nodes if n["ref_id"] != "core"}
    descriptions = data["descriptions"]
    documented = data["documented_information"]
    new_controls = set(data["new_in_2022"])
    attrs_27002 = data["iso27002_attributes"]

    controls = []
    keys = []
    for node in nodes:
        if node["ref_id"] == "core":
            continue  # "Clauses" wrapper: clauses 4-10 are our top level
        ref = our_ref(node)
        parent = ref_by_urn.get(node.get("parent_urn"))
        assessable = bool(node.get("assessable"))
        in_annex = ref == "A" or ref.startswith("A.")
        if ref == "A":
            kind = "annex"
        elif in_annex:
            kind = "control" if assessable else "theme"
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

        control = {"ref": ref}
        if parent is not None:
            control["parent"] = parent
        control["title"] = data["titles"].get(ref, node["name"].strip())
        control["kind"] = kind
        if assessable:
            control["assessable"] = True
        control["description"] = descriptions[ref]

        if kind == "requirement":
            items = documented.get(ref)
            if items is None:
                fail(f"no documented_information entry for {ref}")
            control["attributes"] = {
                "documented_information": items,
                "mandatory_documented_information": bool(items),
            }
        elif kind == "control":
            if ref not in attrs_27002:
                fail(f"no ISO/IEC 27002 attributes for {ref}")
            control["attributes"] = {
                "theme": THEMES[parent],
                "new_in_2022": ref in new_controls,
                "control_type": attrs_27002[ref]["control_type"],
                "cybersecurity_concepts": attrs_27002[ref]["cybersecurity_concepts"],
            }
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
    for theme, count in EXPECTED_PER_THEME.items():
        got = sum(1 for c in controls if c.get("parent") == theme)
        if got != count:
            fail(f"{theme} has {got} controls, expected {count}")
    new = [c["ref"] for c in controls if c.get("attributes", {}).get("new_in_2022")]
    if len(new) != 11:
        fail(f"{len(new)} controls flagged new_in_2022, expected 11")
    for section in ("titles", "descriptions", "documented_information", "iso27002_attributes"):
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
    data = json.loads((HERE / "iso27001_data.json").read_text(encoding="utf-8"))
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
