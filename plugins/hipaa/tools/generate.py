#!/usr/bin/env python3
"""Generates catalog.json and reference-keys.csv of the HIPAA plugin.

Inputs:
  tools/catalog_data.yaml  hand-written nodes (CFR-based titles and descriptions)
  /work/shared/reference/ciso-assistant/catalogs/nist-sp-800-66-rev2.yaml
                           NIST SP 800-66r2 structure, used only to cross-check
                           designations and to key its node URNs to our refs

catalog.json is the committed source of truth; run this script only when the
data file changes:  python3 tools/generate.py [--reference PATH]
"""
import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
PLUGIN = HERE.parent
DEFAULT_REFERENCE = Path("/work/shared/reference/ciso-assistant/catalogs/nist-sp-800-66-rev2.yaml")
REF_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._()/-]*$")
ASSESSABLE_KINDS = {"standard", "implementation-specification", "paragraph"}
RULES = {"security-rule": "security", "privacy-rule": "privacy", "breach-notification-rule": "breach-notification"}
SAFEGUARDS = {
    "164.308": "administrative",
    "164.310": "physical",
    "164.312": "technical",
    "164.314": "organizational",
    "164.316": "documentation",
}
ROLES = {"covered-entity", "business-associate"}
CONDITIONS = {"group-health-plan", "clearinghouse-in-larger-organization", "other-arrangement", "subcontractors"}


def fail(message):
    sys.exit(f"generate.py: {message}")


def build_controls(data):
    by_ref = {}
    controls = []
    for node in data["nodes"]:
        ref = str(node["ref"])
        if not REF_PATTERN.match(ref):
            fail(f"bad ref {ref!r}")
        if ref in by_ref:
            fail(f"duplicate ref {ref}")
        parent = node.get("parent")
        if parent is not None and parent not in by_ref:
            fail(f"{ref}: parent {parent} missing or listed after the child")
        by_ref[ref] = node

        # Walk up once for inherited facts.
        chain = [node]
        while chain[-1].get("parent"):
            chain.append(by_ref[chain[-1]["parent"]])
        top = chain[-1]["ref"]
        if top not in RULES:
            fail(f"{ref}: top-level node {top} is not a rule")
        rule = RULES[top]
        applies_to = next((n["applies_to"] for n in chain if "applies_to" in n), None)
        if not applies_to or not set(applies_to) <= ROLES:
            fail(f"{ref}: bad applies_to {applies_to}")
        section = next((n["ref"] for n in chain if n["kind"] == "section"), None)

        kind = node["kind"]
        assessable = node.get("assessable", kind in ASSESSABLE_KINDS)
        attributes = {"rule": rule}
        if rule == "security" and section in SAFEGUARDS:
            attributes["safeguard"] = SAFEGUARDS[section]
        if "designation" in node:
            if rule != "security" or node["designation"] not in ("required", "addressable"):
                fail(f"{ref}: designation only on Security Rule nodes, required or addressable")
            attributes["designation"] = node["designation"]
        attributes["applies_to"] = list(applies_to)
        if "condition" in node:
            if node["condition"] not in CONDITIONS:
                fail(f"{ref}: unknown condition {node['condition']}")
            attributes["condition"] = node["condition"]

        control = {"ref": ref}
        if parent is not None:
            control["parent"] = parent
        control["title"] = node["title"]
        control["kind"] = kind
        if assessable:
            control["assessable"] = True
        description = " ".join(str(node["description"]).split())
        control["description"] = description
        control["attributes"] = attributes
        controls.append(control)
    return controls


def check_security_counts(controls):
    security = [c for c in controls if c["attributes"]["rule"] == "security"]
    standards = [c for c in security if c["kind"] == "standard"]
    specs = [c for c in security if c["kind"] == "implementation-specification"]
    if len(standards) != 22:
        fail(f"expected 22 Security Rule standards, got {len(standards)}")
    matrix = [c for c in specs if c["attributes"]["safeguard"] in ("administrative", "physical", "technical")]
    matrix_designations = Counter(c["attributes"]["designation"] for c in matrix)
    # Appendix A to Subpart C: 14 required and 22 addressable specifications in 164.308-312,
    # and 6 standards there without specifications (marked R on the standard).
    if matrix_designations != Counter(required=14, addressable=22):
        fail(f"Appendix A matrix mismatch: {dict(matrix_designations)}")
    bare = [c for c in standards if "designation" in c["attributes"]]
    bare_matrix = [c for c in bare if c["attributes"]["safeguard"] in ("administrative", "physical", "technical")]
    if len(bare_matrix) != 6:
        fail(f"expected 6 matrix standards without specifications, got {len(bare_matrix)}")
    for standard in standards:
        has_specs = any(c.get("parent") == standard["ref"] for c in specs)
        if has_specs == ("designation" in standard["attributes"]):
            fail(f"{standard['ref']}: designation must be on the standard exactly when it has no specifications")
    for spec in specs:
        if "designation" not in spec["attributes"]:
            fail(f"{spec['ref']}: Security Rule specification without designation")


def key_reference(data, controls, reference_path):
    """Returns [(urn, ref)] for every NIST SP 800-66r2 node, in reference order."""
    ref_doc = yaml.safe_load(reference_path.read_text(encoding="utf-8"))
    nodes = ref_doc["objects"]["framework"]["requirement_nodes"]
    ours = {c["ref"]: c for c in controls}
    by_reference = {}
    for node in data["nodes"]:
        for key in node.get("reference", []):
            if key in by_reference:
                fail(f"reference node {key} claimed twice")
            by_reference[str(key)] = str(node["ref"])
    overrides = {str(k): str(v) for k, v in data.get("reference_key_activities", {}).items()}

    def short(urn):
        return urn.rsplit(":", 1)[1]

    rows = []
    seen = set()
    standard_of = {}
    for i, node in enumerate(nodes):
        key = short(node["urn"])
        if node.get("ref_id"):  # section or standard
            ref = by_reference.get(str(node["ref_id"]))
            if ref is None:
                fail(f"reference section/standard {node['ref_id']} has no node here")
            standard_of[node["urn"]] = ref
        elif str(node.get("name", "")).startswith("Implementation Specification"):
            ref = by_reference.get(key)
            if ref is None:
                fail(f"reference specification {key} has no node here")
            ours_designation = ours[ref]["attributes"].get("designation")
            group = (node.get("implementation_groups") or ["N"])[0]
            expected = {"R": "required", "A": "addressable"}.get(group)
            if expected is not None and expected != ours_designation:
                fail(f"{ref}: reference says {expected}, we say {ours_designation}")
            if expected is None and ours_designation != "addressable":
                fail(f"{ref}: unflagged reference specification expected to be addressable")
        else:  # key activity: its own specification, else its standard
            ref = overrides.get(key)
            if ref is None:
                following = []
                for later in nodes[i + 1:]:
                    if later.get("parent_urn") != node.get("parent_urn"):
                        break
                    if not str(later.get("name", "")).startswith("Implementation Specification"):
                        break
                    following.append(by_reference[short(later["urn"])])
                ref = following[0] if len(following) == 1 else standard_of[node["parent_urn"]]
        if ref not in ours:
            fail(f"{key} maps to unknown ref {ref}")
        if node["urn"] in seen:
            fail(f"duplicate reference urn {node['urn']}")
        seen.add(node["urn"])
        rows.append((node["urn"], ref))
    unused = set(by_reference) - {short(u) for u, _ in rows} - {str(n.get("ref_id")) for n in nodes}
    if unused:
        fail(f"reference keys in data file not found in reference: {sorted(unused)}")
    return rows


def write_catalog(data, controls, path):
    fw = data["framework"]
    framework = {
        "id": fw["id"],
        "name": fw["name"],
        "version": fw["version"],
        "publisher": fw["publisher"],
        "kind": fw["kind"],
        "published": fw["published"],
        "source": " ".join(fw["source"].split()),
        "licence": " ".join(fw["licence"].split()),
        "url": fw["url"],
        "description": " ".join(fw["description"].split()),
    }
    head = json.dumps(framework, ensure_ascii=False, indent=2)[:-2]  # drop the closing brace
    lines = ",\n        ".join(json.dumps(c, ensure_ascii=False) for c in controls)
    head = head.replace("\n", "\n    ")
    text = (
        '{\n  "format": "crosswalk-catalog/1",\n  "frameworks": [\n    '
        + head
        + ',\n      "controls": [\n        '
        + lines
        + "\n      ]\n    }\n  ]\n}\n"
    )
    json.loads(text)  # the hand-made layout must still be JSON
    path.write_text(text, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    args = parser.parse_args()

    data = yaml.safe_load((HERE / "catalog_data.yaml").read_text(encoding="utf-8"))
    controls = build_controls(data)
    check_security_counts(controls)
    rows = key_reference(data, controls, args.reference)

    write_catalog(data, controls, PLUGIN / "catalog.json")
    with open(PLUGIN / "reference-keys.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["reference_urn", "ref"])
        writer.writerows(rows)

    kinds = Counter(c["kind"] for c in controls)
    designations = Counter(c["attributes"].get("designation") for c in controls if "designation" in c["attributes"])
    print(f"{len(controls)} controls, {sum(1 for c in controls if c.get('assessable'))} assessable")
    print("kinds:", dict(kinds))
    print("designations:", dict(designations))
    print(f"{len(rows)} reference keys")


if __name__ == "__main__":
    main()
