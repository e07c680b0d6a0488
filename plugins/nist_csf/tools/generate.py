#!/usr/bin/env python3
"""Builds plugins/nist_csf/catalog.json and reference-keys.csv.

Inputs (read-only, under /work/shared/reference unless --reference says otherwise):
  ciso-assistant/catalogs/nist-csf-2.0.yaml  hierarchy and node URNs (the URNs key the
                                              reference crosswalks, see reference-keys.csv)
  oscal/NIST_CSF_v2.0_catalog.json           NIST's own OSCAL catalog: statement text,
                                              implementation examples and risk-party props

All text is NIST's (CSWP 29, public information). Only the URNs come from the CISO Assistant
file; its own paraphrases and translations are not used. The script fails loudly when the two
sources disagree on structure, so a changed upstream file cannot slip through.

Usage: python3 tools/generate.py [--reference DIR]
"""
import argparse
import csv
import json
import pathlib
import re
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent
PLUGIN = HERE.parent
FRAMEWORK_ID = "nist-csf-2.0"
YAML_NAME = "ciso-assistant/catalogs/nist-csf-2.0.yaml"
OSCAL_NAME = "oscal/NIST_CSF_v2.0_catalog.json"

FUNCTION_TITLES = {
    "GV": "Govern",
    "ID": "Identify",
    "PR": "Protect",
    "DE": "Detect",
    "RS": "Respond",
    "RC": "Recover",
}
RISK_PARTY = {"1st": "first-party", "3rd": "third-party"}
EXPECTED = {"function": 6, "category": 22, "subcategory": 106, "implementation-example": 363}
TITLE_LIMIT = 100


def clean(text):
    """Collapses runs of whitespace (the sources carry stray double spaces and NBSPs)."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def clip(text, limit):
    """Shortens a title at a word boundary; the full text stays in the description."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > 0 else limit - 1].rstrip(",;:") + "\u2026"


def read_oscal(path):
    """Returns {id: {...}} for current (not withdrawn) functions, categories and subcategories."""
    catalog = json.loads(path.read_text(encoding="utf-8"))["catalog"]
    items = {}

    def walk(node, parent):
        props = node.get("props", [])
        if any(p["name"] == "status" and p["value"] == "withdrawn" for p in props):
            return  # CSF 1.1 items kept by NIST only for traceability
        parts = node.get("parts", [])
        statement = [p["prose"] for p in parts if p["name"] in ("statement", "overview") and "prose" in p]
        items[node["id"]] = {
            "class": node.get("class"),
            "title": node["title"],
            "parent": parent,
            "statement": clean(statement[0]) if statement else None,
            "examples": [clean(p["prose"]) for p in parts if p["name"] == "example"],
            "risk_party": [RISK_PARTY[p["value"]] for p in props if p["name"] == "risk-party"],
        }
        for child in node.get("controls", []):
            walk(child, node["id"])

    for group in catalog["groups"]:
        walk(group, None)
    return items


def build(reference):
    library = yaml.safe_load((reference / YAML_NAME).read_text(encoding="utf-8"))
    nodes = library["objects"]["framework"]["requirement_nodes"]
    oscal = read_oscal(reference / OSCAL_NAME)
    by_urn = {n["urn"]: n for n in nodes}

    problems = []
    controls = []
    keys = []
    for node in nodes:
        ref = node["ref_id"]
        item = oscal.get(ref)
        if item is None:
            problems.append(f"{ref}: not in the OSCAL catalog")
            continue
        parent = by_urn[node["parent_urn"]]["ref_id"] if node.get("parent_urn") else None
        if parent != item["parent"]:
            problems.append(f"{ref}: parent {parent} in YAML, {item['parent']} in OSCAL")
        if bool(node.get("assessable")) != (item["class"] == "subcategory"):
            problems.append(f"{ref}: assessable flag does not match class {item['class']}")
        function = ref[:2]
        keys.append((node["urn"], ref))

        if item["class"] == "function":
            controls.append({
                "ref": ref,
                "title": FUNCTION_TITLES[ref],
                "description": item["statement"],
                "kind": "function",
            })
        elif item["class"] == "category":
            controls.append({
                "ref": ref,
                "parent": parent,
                "title": item["title"],
                "description": item["statement"],
                "kind": "category",
                "attributes": {"function": function},
            })
        else:
            attributes = {"function": function, "category": parent}
            if item["risk_party"]:
                attributes["risk_party"] = sorted(set(item["risk_party"]))
            controls.append({
                "ref": ref,
                "parent": parent,
                "title": item["statement"],
                "description": item["statement"],
                "kind": "subcategory",
                "assessable": True,
                "attributes": attributes,
            })
            # Numbered as in CSWP 29 and the CSF 2.0 Reference Tool: Ex1, Ex2, ... per subcategory.
            for number, text in enumerate(item["examples"], start=1):
                controls.append({
                    "ref": f"{ref}.Ex{number}",
                    "parent": ref,
                    "title": clip(text, TITLE_LIMIT),
                    "description": text,
                    "kind": "implementation-example",
                    "attributes": {"function": function, "category": parent},
                })

    missing = {r for r, v in oscal.items()} - {n["ref_id"] for n in nodes}
    if missing:
        problems.append(f"in OSCAL but not in YAML: {sorted(missing)}")
    counts = {}
    for control in controls:
        counts[control["kind"]] = counts.get(control["kind"], 0) + 1
    if counts != EXPECTED:
        problems.append(f"node counts {counts}, expected {EXPECTED}")
    if problems:
        sys.exit("generate.py: sources disagree:\n  " + "\n  ".join(problems))

    framework = {
        "id": FRAMEWORK_ID,
        "name": "NIST Cybersecurity Framework 2.0",
        "version": "2.0",
        "publisher": "NIST",
        "kind": "framework",
        "published": "2024-02-26",
        "source": (
            "NIST CSWP 29, The NIST Cybersecurity Framework (CSF) 2.0, 2024-02-26 "
            "(https://doi.org/10.6028/NIST.CSWP.29). Text and implementation examples from NIST's OSCAL "
            "catalog (usnistgov/oscal-content, catalog version 1.2.0); hierarchy cross-checked with the "
            "CISO Assistant library nist-csf-2.0.yaml (intuitem/ciso-assistant-community, commit f990d7b1), whose "
            "node URNs key reference-keys.csv."
        ),
        "licence": (
            "NIST publication, US Government work: public information that may be distributed or copied "
            "(not subject to copyright in the US; NIST dedicates its OSCAL content under CC0 1.0). "
            "Please cite NIST CSWP 29."
        ),
        "url": "https://www.nist.gov/cyberframework",
        "description": (
            "The six CSF 2.0 Functions, 22 Categories and 106 Subcategories (the assessable outcomes) "
            "with NIST's text, and the 363 Implementation Examples as non-assessable children."
        ),
        "controls": controls,
    }
    return {"format": "crosswalk-catalog/1", "frameworks": [framework]}, keys


def write_catalog(document, path):
    # One control per line: readable diffs without the bulk of full indentation.
    framework = document["frameworks"][0]
    out = ["{", f'  "format": {json.dumps(document["format"])},', '  "frameworks": [', "    {"]
    for key, value in framework.items():
        if key != "controls":
            out.append(f"      {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    out.append('      "controls": [')
    rows = [json.dumps(c, ensure_ascii=False, separators=(", ", ": ")) for c in framework["controls"]]
    out.append(",\n".join("        " + row for row in rows))
    out += ["      ]", "    }", "  ]", "}", ""]
    text = "\n".join(out)
    if json.loads(text) != document:
        raise RuntimeError("catalog.json does not round-trip")
    path.write_text(text, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", default="/work/shared/reference", type=pathlib.Path)
    args = parser.parse_args()
    document, keys = build(args.reference)
    write_catalog(document, PLUGIN / "catalog.json")
    with (PLUGIN / "reference-keys.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["reference_urn", "ref"])
        writer.writerows(keys)
    print(f"wrote {len(document['frameworks'][0]['controls'])} nodes, {len(keys)} reference keys")


if __name__ == "__main__":
    main()
