#!/usr/bin/env python3
"""Generates catalog.json and reference-keys.csv for the SOC 2 plugin.

Inputs: the facts-only extract of the CISO Assistant SOC 2 catalog (ids,
hierarchy, point-of-focus headings; no AICPA text) and our own titles and
descriptions in tools/descriptions.json. catalog.json is the committed source
of truth; rerun this only when the facts or the descriptions change:

    python3 plugins/soc2/tools/generate.py [--facts PATH]
"""
import argparse
import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLUGIN = HERE.parent
DEFAULT_FACTS = Path("/work/shared/reference/derived-facts/soc2_2017_with_rev_2022.facts.csv")

FRAMEWORK = {
    "id": "soc2-2017",
    "name": "SOC 2 Trust Services Criteria (2017, revised points of focus 2022)",
    "version": "2017 (rev. 2022)",
    "publisher": "AICPA",
    "kind": "criteria",
    "source": "AICPA TSP Section 100, 2017 Trust Services Criteria for Security, Availability, Processing "
    "Integrity, Confidentiality, and Privacy (With Revised Points of Focus - 2022). Identifiers, hierarchy "
    "and point-of-focus headings taken from a facts-only extract of the CISO Assistant catalog "
    "soc2_2017_with_rev_2022.yaml (intuitem/ciso-assistant-community, commit f990d7b1).",
    "licence": "Trust Services Criteria (c) AICPA. This catalog holds only facts (criterion identifiers, hierarchy, "
    "COSO principle numbers, point-of-focus headings); no AICPA criterion or point-of-focus text is reproduced. "
    "Titles and descriptions of categories, series, groups and criteria are the Crosswalk project's own words.",
    "url": "https://www.aicpa-cima.com/resources/download/get-the-2017-trust-services-criteria",
    "description": "The five trust services categories with the 33 common criteria (CC1-CC9, Security), "
    "the additional criteria for Availability (3), Confidentiality (2), Processing Integrity (5) and Privacy (18), "
    "and 293 points of focus as non-assessable guidance under their criteria.",
}

# Top-level categories in report order; Security holds the common-criteria series.
CATEGORY_OF = {"CC": "security", "A": "availability", "C": "confidentiality", "PI": "processing-integrity",
               "P": "privacy"}

# Facts `pof_source` → our attribute. Empty sources are resolved by criterion (see resolvePofSource).
POF_SOURCE = {"COSO": "coso", "TSC": "tsc", "SYSTEM LEVEL": "system-level", "A": "availability",
              "C": "confidentiality", "P": "privacy"}
# CC3.1 groups its COSO points of focus by type of objective; the facts carry that heading as source.
OBJECTIVE_TYPE = {
    "Operations Objectives": "operations",
    "External Financial Reporting Objectives": "external-financial-reporting",
    "External Nonfinancial Reporting Objectives": "external-nonfinancial-reporting",
    "Internal Reporting Objectives": "internal-reporting",
    "Compliance Objectives": "compliance",
}
ROLE_MARK = re.compile(r"\s*\[([PC])\]")
FOOTNOTE = re.compile(r"\s+fn\s*\d+\s*$")


def resolvePofSource(raw, criterion, pofRef):
    if raw in POF_SOURCE:
        return POF_SOURCE[raw], None
    if raw in OBJECTIVE_TYPE:
        return "coso", OBJECTIVE_TYPE[raw]
    if raw:
        sys.exit(f"unknown pof_source {raw!r} at {pofRef}")
    # Unlabelled in the facts: CC5.2's points are COSO Principle 11's own; CC3.1's last point and every point of
    # CC6-CC9 and of the additional criteria are TSC points of focus.
    return ("coso" if criterion == "CC5.2" else "tsc"), None


def splitTitle(raw):
    """Strips footnote markers and turns the [P]/[C] privacy markers into roles."""
    roles = set(ROLE_MARK.findall(raw))
    title = FOOTNOTE.sub("", ROLE_MARK.sub("", raw)).strip()
    order = [("C", "controller"), ("P", "processor")]
    return title, [name for mark, name in order if mark in roles]


def node(ref, title, kind, parent=None, description=None, assessable=False, attributes=None):
    out = {"ref": ref}
    if parent:
        out["parent"] = parent
    out["title"] = title
    out["kind"] = kind
    if assessable:
        out["assessable"] = True
    if description:
        out["description"] = description
    if attributes:
        out["attributes"] = attributes
    return out


def build(factsPath):
    texts = json.loads((HERE / "descriptions.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(factsPath.open(encoding="utf-8")))
    controls, keys = [], []
    pofCount = {}

    def categoryNode(ref):
        t = texts["categories"][ref]
        controls.append(node(ref, t["title"], "category", description=t["description"]))

    categoryNode("CC")  # the facts have no node for Security itself
    for row in rows:
        ref = row["normalized_ref_id"]  # PP1.x in the upstream ids is PI1.x
        kind = row["kind"]
        parent = row["parent_ref_id"] or None
        if parent and parent.startswith("PP"):
            parent = "PI" + parent[2:]
        if kind == "category" and ref in texts["series"]:
            t = texts["series"][ref]
            controls.append(node(ref, t["title"], "series", "CC", t["description"]))
            keys.append((row["urn"], ref))
        elif kind == "category":
            categoryNode(ref)
            keys.append((row["urn"], ref))
        elif kind == "criteria_group":
            t = texts["groups"][ref]
            controls.append(node(ref, t["title"], "criteria-group", parent, t["description"]))
            keys.append((row["urn"], ref))
        elif kind == "criterion":
            t = texts["criteria"][ref]
            top = re.match(r"[A-Z]+", ref).group(0)
            attributes = {"category": CATEGORY_OF[top]}
            principle = re.fullmatch(r"COSO Principle (\d+)", row["short_title"])
            if principle:
                attributes["coso_principle"] = int(principle.group(1))
            controls.append(node(ref, t["title"], "criterion", parent, t["description"], True, attributes))
            keys.append((row["urn"], ref))
        elif kind == "point_of_focus":
            n = pofCount[parent] = pofCount.get(parent, 0) + 1
            pofRef = f"{parent}.POF{n}"
            title, roles = splitTitle(row["short_title"])
            source, objective = resolvePofSource(row["pof_source"], parent, pofRef)
            attributes = {"pof_source": source}
            if objective:
                attributes["objective_type"] = objective
            if roles:
                attributes["privacy_role"] = roles
            controls.append(node(pofRef, title, "point-of-focus", parent, attributes=attributes))
            keys.append((row["urn"], pofRef))
        else:
            sys.exit(f"unknown kind {kind!r} at {row['ref_id']}")
    return controls, keys


def check(controls):
    refs = [c["ref"] for c in controls]
    assert len(refs) == len(set(refs)), "duplicate refs"
    byRef = {c["ref"]: c for c in controls}
    for c in controls:
        seen, p = set(), c.get("parent")
        while p:
            assert p in byRef, f"{c['ref']}: parent {p} missing"
            assert p not in seen, f"{c['ref']}: cycle"
            seen.add(p)
            p = byRef[p].get("parent")
    kinds = {}
    for c in controls:
        kinds[c["kind"]] = kinds.get(c["kind"], 0) + 1
    expected = {"category": 5, "series": 9, "criteria-group": 8, "criterion": 61, "point-of-focus": 293}
    assert kinds == expected, kinds
    crit = [c for c in controls if c["kind"] == "criterion"]
    perCategory = {}
    for c in crit:
        perCategory[c["attributes"]["category"]] = perCategory.get(c["attributes"]["category"], 0) + 1
    assert perCategory == {"security": 33, "availability": 3, "confidentiality": 2, "processing-integrity": 5,
                           "privacy": 18}, perCategory
    assert sum(1 for c in controls if c.get("assessable")) == 61


def writeCatalog(controls, path):
    head = dict(FRAMEWORK)
    lines = ["{", '  "format": "crosswalk-catalog/1",', '  "frameworks": [', "    {"]
    for k, v in head.items():
        lines.append(f"      {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},")
    lines.append('      "controls": [')
    body = [f"        {json.dumps(c, ensure_ascii=False)}" for c in controls]
    lines.append(",\n".join(body))
    lines += ["      ]", "    }", "  ]", "}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=Path, default=DEFAULT_FACTS)
    args = parser.parse_args()
    controls, keys = build(args.facts)
    check(controls)
    writeCatalog(controls, PLUGIN / "catalog.json")
    with (PLUGIN / "reference-keys.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["reference_urn", "ref"])
        writer.writerows(keys)
    print(f"{len(controls)} nodes, {len(keys)} reference keys")


if __name__ == "__main__":
    main()
