#!/usr/bin/env python3
"""Builds plugins/nist_sp800_53/catalog.json and reference-keys.csv.

Inputs:
  /work/shared/reference/ciso-assistant/catalogs/nist-sp-800-53-rev5.yaml
      families, controls and enhancements with NIST's titles and control statements (public
      NIST text), and the node URNs that key the reference crosswalks (reference-keys.csv)
  tools/sp800-53b-baselines.json
      LOW / MODERATE / HIGH / PRIVACY baseline allocations from NIST's SP 800-53B OSCAL profiles
      (the YAML has no baseline data)
  tools/families.json
      family titles and one-line family summaries written for Crosswalk

Only NIST text is taken from the YAML (names and statements); the discussion sections
(`annotation`) are left out to keep the catalog small. Statements longer than ~600 characters
are cut at a sentence or list-item boundary outside [Assignment: ...] / [Selection: ...]
parameters and marked with an ellipsis.

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
FRAMEWORK_ID = "nist-sp800-53r5"
YAML_NAME = "ciso-assistant/catalogs/nist-sp-800-53-rev5.yaml"
DESCRIPTION_LIMIT = 600
BASELINES = ("low", "moderate", "high", "privacy")
# SP 800-53B counts (controls + enhancements) and SP 800-53 Rev. 5 totals.
EXPECTED_BASELINES = {"low": 149, "moderate": 287, "high": 370, "privacy": 96}
EXPECTED_KINDS = {"family": 20, "control": 322, "enhancement": 867}
REF = re.compile(r"^([A-Z]{2})-(\d+)(?:\((\d+)\))?$")
WITHDRAWN = re.compile(r"^\[?Withdrawn:\s*(.*?)\]?\.?\]?\.?$", re.S)
TARGET = re.compile(r"\b([A-Z]{2})-(\d+)(?:\((\d+)\))?")
# Capitalization slips in the YAML titles, restored to the SP 800-53 Rev. 5 spelling.
TITLE_FIXES = {
    "(organizational Users)": "(Organizational Users)",
    "(non-organizational Users)": "(Non-Organizational Users)",
    "(authoritative Source)": "(Authoritative Source)",
    "(recursive or Caching Resolver)": "(Recursive or Caching Resolver)",
}


def clean(text):
    """Normalizes spaces but keeps the line structure of a statement (a., 1., (a) items)."""
    text = text.replace("\u00a0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.strip().splitlines()]
    return "\n".join(line for line in lines if line)


def title(name):
    text = clean(name)
    for wrong, right in TITLE_FIXES.items():
        text = text.replace(wrong, right)
    return text


def trim(text, limit=DESCRIPTION_LIMIT):
    """Cuts at the last sentence or item boundary before `limit` that is outside brackets."""
    if len(text) <= limit:
        return text
    best = -1
    depth = 0
    for i, ch in enumerate(text[:limit]):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ".;:" and (i + 1 == len(text) or text[i + 1] in " \n"):
            # "a." / "1." / "(a)" item labels are not sentence ends.
            if i - (text.rfind("\n", 0, i) + 1) > 3:
                best = i + 1
        elif depth == 0 and ch == "\n":
            best = max(best, i)
    if best < limit // 3:  # no usable boundary: cut at a word, still outside brackets if possible
        best = text.rfind(" ", 0, limit)
    return text[:best].rstrip() + " \u2026"


def sort_key(ref):
    family, number, enhancement = REF.match(ref).groups()
    return (family, int(number), int(enhancement or 0))


def build(reference):
    library = yaml.safe_load((reference / YAML_NAME).read_text(encoding="utf-8"))
    nodes = library["objects"]["framework"]["requirement_nodes"]
    families = json.loads((HERE / "families.json").read_text(encoding="utf-8"))
    baselines_file = json.loads((HERE / "sp800-53b-baselines.json").read_text(encoding="utf-8"))
    baselines = {name: set(baselines_file[name]) for name in BASELINES}

    problems = []
    keys = []
    family_nodes = []
    items = {}
    for node in nodes:
        ref = node["ref_id"]
        keys.append((node["urn"], ref))
        if node["depth"] == 1:
            if ref not in families:
                problems.append(f"family {ref} has no entry in families.json")
                continue
            if node["name"] != families[ref][0]:
                print(f"note: family {ref} titled {families[ref][0]!r} (YAML: {node['name']!r})")
            family_nodes.append({"ref": ref, "title": families[ref][0], "description": families[ref][1],
                                 "kind": "family"})
            continue
        match = REF.match(ref)
        if match is None:
            problems.append(f"unexpected ref {ref}")
            continue
        statement = clean(node.get("description", ""))
        withdrawn = WITHDRAWN.match(statement)
        attributes = {"family": match[1], "withdrawn": bool(withdrawn),
                      "baseline": [b for b in BASELINES if ref in baselines[b]]}
        if withdrawn:
            note = withdrawn[1].strip().rstrip(".")
            statement = f"[Withdrawn: {note}.]"
            targets = [f"{f}-{n}" + (f"({e})" if e else "") for f, n, e in TARGET.findall(note)]
            if not targets and re.search(r"\b([A-Z]{2}) Family\b", note):
                targets = [re.search(r"\b([A-Z]{2}) Family\b", note)[1]]
            if targets:
                attributes["superseded_by"] = targets
            if attributes["baseline"]:
                problems.append(f"{ref} is withdrawn but allocated to {attributes['baseline']}")
        items[ref] = {
            "ref": ref,
            "parent": f"{match[1]}-{match[2]}" if match[3] else match[1],
            "title": title(node["name"]),
            "description": trim(statement),
            "kind": "enhancement" if match[3] else "control",
            "assessable": not withdrawn,
            "attributes": attributes,
        }

    for name, refs in baselines.items():
        unknown = sorted(refs - items.keys())
        if unknown:
            problems.append(f"{name} baseline names unknown refs {unknown}")
        if len(refs) != EXPECTED_BASELINES[name]:
            problems.append(f"{name} baseline has {len(refs)} entries, SP 800-53B has {EXPECTED_BASELINES[name]}")
    for item in items.values():
        for target in item["attributes"].get("superseded_by", []):
            if target not in items and target not in families:
                problems.append(f"{item['ref']} superseded by unknown {target}")
        if item["parent"] not in items and item["parent"] not in families:
            problems.append(f"{item['ref']}: parent {item['parent']} missing")

    # The YAML lists some withdrawn enhancements before their base control: emit in document order.
    controls = []
    for family in family_nodes:
        controls.append(family)
        controls += sorted((i for i in items.values() if i["attributes"]["family"] == family["ref"]),
                           key=lambda i: sort_key(i["ref"]))
    counts = {}
    for control in controls:
        counts[control["kind"]] = counts.get(control["kind"], 0) + 1
    if counts != EXPECTED_KINDS:
        problems.append(f"node counts {counts}, expected {EXPECTED_KINDS}")
    if problems:
        sys.exit("generate.py: check failed:\n  " + "\n  ".join(problems))

    framework = {
        "id": FRAMEWORK_ID,
        "name": "NIST SP 800-53 Rev. 5 Security and Privacy Controls",
        "version": "5",
        "publisher": "NIST",
        "kind": "catalog",
        "published": "2020-09-23",
        "source": (
            "NIST SP 800-53 Rev. 5, Security and Privacy Controls for Information Systems and Organizations, "
            "2020-09-23 (https://doi.org/10.6028/NIST.SP.800-53r5); "
            "control titles and statements taken from the CISO Assistant library nist-sp-800-53-rev5.yaml "
            "(intuitem/ciso-assistant-community, commit f990d7b1), whose content predates release 5.1.1 of 2023-11-07 (the 5.1.1 additions IA-13 and "
            "IA-13(1)-(3) are absent); baselines from NIST SP 800-53B (2020-10, updates of 2020-12-10) via NIST's OSCAL "
            "baseline profiles. Statements longer than about 600 characters are shortened (marked with an "
            "ellipsis); discussion sections are left out."
        ),
        "licence": (
            "NIST publication, US Government work: public information that may be distributed or copied "
            "(not subject to copyright in the US). Family summaries written for Crosswalk. Please cite "
            "NIST SP 800-53 Rev. 5 and SP 800-53B."
        ),
        "url": "https://doi.org/10.6028/NIST.SP.800-53r5",
        "description": (
            "The 20 control families, 322 controls and 867 control enhancements of SP 800-53 Rev. 5 "
            "(withdrawn ones kept, not assessable), with the SP 800-53B baseline allocations."
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
