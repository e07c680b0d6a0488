#!/usr/bin/env python3
"""Generates catalog.json and reference-keys.csv of the PCI DSS v4.0.1 plugin.

Inputs:
  * the facts-only extract of the CISO Assistant PCI DSS catalog
    (/work/shared/reference/derived-facts/pcidss-4_0.facts.csv, or --facts):
    identifiers, hierarchy and official headings, no requirement text;
  * tools/descriptions.txt: Crosswalk's own titles and descriptions;
  * the applicability facts below (service-provider-only and future-dated
    requirements, appendix conditions), taken from the structure of PCI DSS
    v4.0.1 and its v3.2.1-to-v4.0 summary of changes.

catalog.json is the committed source of truth (CI has no reference folder);
rerun this script only when the facts or descriptions change:
  python3 tools/generate.py [--facts PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
PLUGIN = HERE.parent
DEFAULT_FACTS = pathlib.Path("/work/shared/reference/derived-facts/pcidss-4_0.facts.csv")

FRAMEWORK = {
    "id": "pci-dss-4.0.1",
    "name": "Payment Card Industry Data Security Standard",
    "version": "4.0.1",
    "publisher": "PCI Security Standards Council",
    "kind": "standard",
    "published": "2024-06-11",
    "source": (
        "PCI DSS v4.0.1 (June 2024). Identifiers, hierarchy and official headings come from a facts-only "
        "extract of the CISO Assistant PCI DSS catalog (intuitem/ciso-assistant-community, commit "
        "f990d7b1b9a9f56e391acbc247c9076262a11412); service-provider-only and future-dated flags from the "
        "structure of the standard and the PCI SSC v3.2.1-to-v4.0 summary of changes."
    ),
    "licence": (
        "PCI DSS is (c) 2006-2024 PCI Security Standards Council, LLC; the standard is available from the PCI SSC "
        "document library under its licence terms. This catalog holds only facts about it (identifiers, "
        "hierarchy, headings, applicability) and no PCI SSC requirement text. Requirement titles and "
        "descriptions are the Crosswalk project's own words and are not PCI SSC guidance."
    ),
    "url": "https://www.pcisecuritystandards.org/document_library/",
    "description": (
        "PCI DSS v4.0.1: 6 goals, 12 principal requirements and Appendices A1-A3, with every numbered "
        "requirement as an assessable node. Attributes flag service-provider-only and future-dated "
        "(best practice until 31 March 2025) requirements."
    ),
}

# Goals have no identifier in the standard; we number them in document order.
GOAL_REFS = {
    "build-and-maintain-a-secure-network-and-systems": "G1",
    "protect-account-data": "G2",
    "maintain-a-vulnerability-management-program": "G3",
    "implement-strong-access-control-measures": "G4",
    "regularly-monitor-and-test-networks": "G5",
    "maintain-an-information-security-policy": "G6",
}

# Requirements marked "additional requirement for service providers only"
# (11.4.7 for multi-tenant service providers only), plus all of Appendix A1
# and the service-provider parts of Appendix A2.
SERVICE_PROVIDER_ONLY = {
    "3.6.1.1", "3.7.9", "8.2.3", "8.3.10", "8.3.10.1", "10.7.1", "11.4.6", "11.4.7", "11.5.1.1",
    "12.4.1", "12.4.2", "12.4.2.1", "12.5.2.1", "12.5.3", "12.9.1", "12.9.2",
    "A1.1.1", "A1.1.2", "A1.1.3", "A1.1.4", "A1.2.1", "A1.2.2", "A1.2.3",
    "A2.1.2", "A2.1.3",
}

# The 51 new v4.0 requirements that were best practice until 31 March 2025.
# "bullet": the requirement was already mandatory; only elements added in v4.0
# were future-dated. "non-service-providers": already mandatory for service
# providers (v3.2.1 10.8.1), future-dated for everyone else.
FUTURE_DATED = {
    "3.2.1": "bullet", "3.3.2": "requirement", "3.3.3": "bullet", "3.4.2": "requirement",
    "3.5.1.1": "requirement", "3.5.1.2": "requirement", "3.6.1.1": "bullet",
    "4.2.1": "bullet", "4.2.1.1": "requirement",
    "5.2.3.1": "requirement", "5.3.2.1": "requirement", "5.3.3": "requirement", "5.4.1": "requirement",
    "6.3.2": "requirement", "6.4.2": "requirement", "6.4.3": "requirement",
    "7.2.4": "requirement", "7.2.5": "requirement", "7.2.5.1": "requirement",
    "8.3.6": "requirement", "8.3.10.1": "requirement", "8.4.2": "requirement", "8.5.1": "requirement",
    "8.6.1": "requirement", "8.6.2": "requirement", "8.6.3": "requirement",
    "9.5.1.2.1": "requirement",
    "10.4.1.1": "requirement", "10.4.2.1": "requirement", "10.7.2": "requirement",
    "10.7.3": "non-service-providers",
    "11.3.1.1": "requirement", "11.3.1.2": "requirement", "11.4.7": "requirement",
    "11.5.1.1": "requirement", "11.6.1": "requirement",
    "12.3.1": "requirement", "12.3.3": "requirement", "12.3.4": "requirement",
    "12.5.2.1": "requirement", "12.5.3": "requirement", "12.6.2": "requirement",
    "12.6.3.1": "requirement", "12.6.3.2": "requirement", "12.10.4.1": "requirement",
    "12.10.5": "bullet", "12.10.7": "requirement",
    "A1.1.1": "requirement", "A1.1.4": "requirement", "A1.2.3": "requirement",
    "A3.3.1": "bullet",
}
BEST_PRACTICE_UNTIL = "2025-03-31"

# Requirements that stop applying once their successor became mandatory.
SUPERSEDED_BY = {"6.4.1": "6.4.2", "10.7.1": "10.7.2"}

# Requirements whose applicability hangs on a scoping answer other than the
# entity type (the plugin's scope rule reads the same attribute).
APPLIES_WHEN_BY_PREFIX = {
    "A1.": "multi-tenant-service-provider",
    "A2.": "pos-poi-ssl-early-tls",
    "A3.": "designated-entity",
}
APPLIES_WHEN = {
    "11.4.7": "multi-tenant-service-provider",
    "3.3.3": "issuing-services",
    "12.3.2": "customized-approach",
}

EXPECTED_KINDS = {
    "goal": 6, "principal-requirement": 12, "appendix-group": 1, "appendix": 3,
    "section": 71, "requirement": 280,
}


def readDescriptions(path: pathlib.Path) -> dict[str, tuple[str, str]]:
    result: dict[str, tuple[str, str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("|")
        if len(parts) != 3 or not parts[0] or not parts[2]:
            sys.exit(f"{path}:{number}: expected 'ref|title|description'")
        if parts[0] in result:
            sys.exit(f"{path}:{number}: duplicate ref {parts[0]}")
        result[parts[0]] = (parts[1].strip(), parts[2].strip())
    return result


def kindOf(ref: str) -> str:
    if ref.startswith("G"):
        return "goal"
    if ref == "A":
        return "appendix-group"
    if ref in ("A1", "A2", "A3"):
        return "appendix"
    if "." not in ref:
        return "principal-requirement"
    if ref.count(".") == 1:
        return "section"
    return "requirement"


def ourRef(row: dict[str, str]) -> str:
    if row["ref_id"]:
        return row["ref_id"]
    return GOAL_REFS[row["urn"].rsplit(":", 1)[1]]


def attributesFor(ref: str) -> dict[str, object]:
    spOnly = ref in SERVICE_PROVIDER_ONLY
    attributes: dict[str, object] = {
        "service_provider_only": spOnly,
        "applies_to": ["service-provider"] if spOnly else ["merchant", "service-provider"],
        "future_dated": ref in FUTURE_DATED,
    }
    if ref in FUTURE_DATED:
        attributes["future_dated_scope"] = FUTURE_DATED[ref]
        attributes["best_practice_until"] = BEST_PRACTICE_UNTIL
    when = APPLIES_WHEN.get(ref) or next((v for k, v in APPLIES_WHEN_BY_PREFIX.items() if ref.startswith(k)), None)
    if when:
        attributes["applies_when"] = when
    if ref in SUPERSEDED_BY:
        attributes["superseded_by"] = SUPERSEDED_BY[ref]
        attributes["superseded_after"] = BEST_PRACTICE_UNTIL
    return attributes


def build(factsPath: pathlib.Path) -> tuple[dict, list[tuple[str, str]]]:
    rows = list(csv.DictReader(factsPath.open(encoding="utf-8")))
    texts = readDescriptions(HERE / "descriptions.txt")
    urnToRef = {row["urn"]: ourRef(row) for row in rows}

    controls = []
    keys = []
    for row in rows:
        ref = urnToRef[row["urn"]]
        kind = kindOf(ref)
        keys.append((row["urn"], ref))
        title, description = texts.get(ref, ("", ""))
        if not description:
            sys.exit(f"no description for {ref} in descriptions.txt")
        if kind == "requirement":
            if not title:
                sys.exit(f"requirement {ref} needs our own title")
            words = len(title.split())
            if not 5 <= words <= 10:
                sys.exit(f"title of {ref} has {words} words: {title}")
        elif not title:
            # Official headings are facts: goal label, principal/appendix short title, section heading.
            title = row["label"] if kind == "goal" else row["short_title"]
            title = title.strip().rstrip(".")
        control: dict[str, object] = {"ref": ref}
        if row["parent_urn"]:
            control["parent"] = urnToRef[row["parent_urn"]]
        control["title"] = title
        control["kind"] = kind
        control["description"] = description
        if kind == "requirement":
            control["assessable"] = True
            control["attributes"] = attributesFor(ref)
        controls.append(control)

    unused = set(texts) - set(urnToRef.values())
    if unused:
        sys.exit(f"descriptions for unknown refs: {sorted(unused)}")
    for name, refs in (("SERVICE_PROVIDER_ONLY", SERVICE_PROVIDER_ONLY), ("FUTURE_DATED", set(FUTURE_DATED)),
                       ("SUPERSEDED_BY", set(SUPERSEDED_BY)), ("APPLIES_WHEN", set(APPLIES_WHEN))):
        missing = refs - {c["ref"] for c in controls if c["kind"] == "requirement"}
        if missing:
            sys.exit(f"{name} names refs that are not requirements: {sorted(missing)}")
    counts: dict[str, int] = {}
    for c in controls:
        counts[c["kind"]] = counts.get(c["kind"], 0) + 1
    if counts != EXPECTED_KINDS:
        sys.exit(f"unexpected node counts {counts}, expected {EXPECTED_KINDS}")
    if len(FUTURE_DATED) != 51:
        sys.exit(f"expected 51 future-dated requirements, have {len(FUTURE_DATED)}")

    catalog = {"format": "crosswalk-catalog/1", "frameworks": [dict(FRAMEWORK, controls=controls)]}
    return catalog, keys


def writeCatalog(catalog: dict, path: pathlib.Path) -> None:
    # One control per line: readable, and diffs stay per requirement.
    framework = dict(catalog["frameworks"][0])
    controls = framework.pop("controls")
    head = json.dumps(framework, ensure_ascii=False, indent=6)[:-1].rstrip() + ",\n"
    lines = ['{\n  "format": "crosswalk-catalog/1",\n  "frameworks": [\n    ' + head.replace("\n}", "")]
    lines.append('      "controls": [\n')
    body = ",\n".join("        " + json.dumps(c, ensure_ascii=False) for c in controls)
    lines.append(body + "\n      ]\n    }\n  ]\n}\n")
    text = "".join(lines)
    if json.loads(text) != catalog:
        sys.exit("internal error: formatted catalog does not round-trip")
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=pathlib.Path, default=DEFAULT_FACTS)
    args = parser.parse_args()
    catalog, keys = build(args.facts)
    writeCatalog(catalog, PLUGIN / "catalog.json")
    with (PLUGIN / "reference-keys.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["reference_urn", "ref"])
        writer.writerows(keys)
    print(f"wrote {len(catalog['frameworks'][0]['controls'])} controls and {len(keys)} reference keys")


if __name__ == "__main__":
    main()
