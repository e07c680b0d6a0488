#!/usr/bin/env python3
"""Build the three GDPR crosswalk packs from the authored CSV files.

    gdpr_iso27001.csv -> mappings/gdpr-to-iso27001-2022.json
    gdpr_soc2.csv     -> mappings/gdpr-to-soc2-2017.json
    gdpr_pci_dss.csv  -> mappings/gdpr-to-pci-dss-4.0.1.json

The edges are authored by the Crosswalk project from the text of Regulation (EU) 2016/679 and the
target frameworks (our catalogs' own paraphrases). No public machine-readable GDPR crosswalk was
used (the Secure Controls Framework is excluded by its licence terms).

CSV columns: source,target,relationship,rationale,strength,confidence,qualifiers,note
(qualifiers separated by ';'; optional column coverage may be added).

Validation built in (the build fails on any error):
  * every source ref exists in plugins/gdpr/catalog.json, every target ref in the target catalog;
  * no duplicate (source, target) edge, no self-map;
  * relationship / rationale enums, strength 1-10 integer, confidence 0-1, note present;
  * the pack validates against sdk/schema/pack.schema.json (if the jsonschema module is present;
    pass --require-schema to make its absence an error);
  * a coverage report (required GDPR articles, assessable nodes on each side) is printed;
    --check compares the generated JSON with the committed files instead of writing them.

Needs only this repository (no /work/shared). Run from anywhere:
    python3 mappings/tools/build_gdpr_packs.py [--check] [--require-schema]
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
MAPPINGS = REPO / "mappings"
SCHEMA = REPO / "sdk" / "schema" / "pack.schema.json"
DATE = "2026-11-28"
AUTHOR = "Crosswalk project"
PACK_VERSION = "1.0.0"

RELATIONSHIPS = {"equal", "subset-of", "superset-of", "intersects-with", "no-relationship"}
RATIONALES = {"syntactic", "semantic", "functional"}
QUALIFIERS = {"has-incompatibility", "aligned", "conditional", "by-reference", "scope-differs"}

COMMON_NOTES = (
    "Authored edge by edge from the GDPR text (plugins/gdpr/catalog.json, which quotes the official "
    "English text) read against {target}; every edge carries relationship, rationale, strength, "
    "confidence and a note in our own words. No public machine-readable GDPR crosswalk was used "
    "(the Secure Controls Framework is excluded by its licence). Relationship states what the GDPR "
    "provision is relative to the target requirement (NIST IR 8477). GDPR refs are taken at the most "
    "precise assessable level (point over paragraph over article). Qualifiers: 'conditional' = the GDPR "
    "duty applies only in defined cases (high-risk breach, DPIA, DPO triggers, third-country transfers); "
    "'has-incompatibility' = the two pull in opposite directions; 'aligned' = both push the same way; "
    "'by-reference' = the target asks to identify and meet applicable legal or privacy requirements "
    "without stating this content. Policy on 'by-reference': such edges are typed intersects-with, not "
    "subset-of, on purpose: the target contains the GDPR duty only by reference, and treating it as "
    "containment would let the coverage analysis report GDPR duties as fully met by implementing the "
    "target control. Security edges that are typed subset-of assume the personal data processing lies "
    "inside the target's scope (ISMS scope, SOC 2 system boundary). Source of the rules: {csv}, built "
    "by mappings/tools/build_gdpr_packs.py. Reviewed: all edges, once, by the authoring session; not yet "
    "reviewed by a data protection professional."
)

PACKS = [
    {
        "id": "gdpr-to-iso27001-2022",
        "csv": "gdpr_iso27001.csv",
        "target_dir": "iso27001",
        "target_fw": "iso27001-2022",
        "title": "GDPR to ISO/IEC 27001:2022",
        "target_name": "ISO/IEC 27001:2022 (clauses 4-10 and Annex A)",
        "description": (
            "Security, accountability, processor, breach, DPIA, DPO and transfer obligations of the GDPR, "
            "plus the data protection principles and data subject rights where ISO 27001 has a real "
            "counterpart, mapped to ISO/IEC 27001:2022 clause requirements and Annex A controls. "
            "A.5.34 and A.5.31 are hubs only by reference; see provenance notes."
        ),
        "extra_notes": (
            " ISO has no regulator-notification duty or deadline, no lawful-basis, purpose-limitation, "
            "accuracy or data-subject-rights process of its own; those GDPR duties meet ISO only through "
            "A.5.34/A.5.31 (by-reference) or through supporting mechanisms (A.8.10 deletion, A.8.3 access "
            "restriction). ISO/IEC 27701 would be the natural target for the privacy-specific content. "
            "Left unmapped for lack of any ISO counterpart: Art.45 (a Commission permission), Art.47 "
            "(binding corporate rules, approved by the authority), Art.48 (no duty on the organization), "
            "Art.49(2), the consent conditions (Art.7), Art.26 joint controllers, Art.27 representative."
        ),
    },
    {
        "id": "gdpr-to-soc2-2017",
        "csv": "gdpr_soc2.csv",
        "target_dir": "soc2",
        "target_fw": "soc2-2017",
        "title": "GDPR to SOC 2 Trust Services Criteria (2017, rev. 2022)",
        "target_name": "the AICPA Trust Services Criteria 2017 (revised points of focus 2022), criterion level",
        "description": (
            "GDPR principles, rights, processor, security, breach, DPIA, DPO and transfer obligations mapped "
            "at criterion level to the SOC 2 privacy criteria P1.1-P8.1 and the relevant common, availability "
            "and confidentiality criteria."
        ),
        "extra_notes": (
            " Mapped at criterion level only (no points of focus). All 18 privacy criteria are reached. "
            "SOC 2 sets no deadlines (one month for rights requests, 72 hours for breach notification), "
            "has no lawful-basis, record-of-processing, DPIA or DPO criterion; those edges are weak or absent."
        ),
    },
    {
        "id": "gdpr-to-pci-dss-4.0.1",
        "csv": "gdpr_pci_dss.csv",
        "target_dir": "pci_dss",
        "target_fw": "pci-dss-4.0.1",
        "title": "GDPR to PCI DSS v4.0.1: tensions and overlaps",
        "target_name": "PCI DSS v4.0.1",
        "description": (
            "A deliberately small pack of the real tensions (storage limitation and erasure against audit "
            "log retention, qualifier has-incompatibility) and overlaps (minimisation and retention limits, "
            "encryption, breach response, service provider management) between the GDPR and PCI DSS v4.0.1."
        ),
        "extra_notes": (
            " Not a full crosswalk: only pairs where the two texts meet on the same data or the same act. "
            "PCI DSS binds by contract (card brands, acquirers), not by law, which matters for the GDPR "
            "legal-obligation basis and the Art.17(3)(b) exception; the notes of the tension edges explain "
            "how organizations usually reconcile them."
        ),
    },
]

# GDPR provisions the brief requires in the ISO pack (article -> at least one edge from it or below).
REQUIRED_ISO = [
    "Art.5(1)(f)", "Art.5(2)", "Art.24", "Art.25", "Art.28", "Art.30", "Art.32(1)(a)", "Art.32(1)(b)",
    "Art.32(1)(c)", "Art.32(1)(d)", "Art.32(2)", "Art.32(4)", "Art.33", "Art.34", "Art.35", "Art.37",
    "Art.38", "Art.39", "Art.44", "Art.46", "Art.49",
    "Art.5(1)(a)", "Art.5(1)(b)", "Art.5(1)(c)", "Art.5(1)(d)", "Art.5(1)(e)", "Art.12(3)",
]
REQUIRED_PCI = [("Art.5(1)(e)", "10.5.1"), ("Art.17(1)", "10.5.1"), ("Art.17(1)", "3.2.1"),
                ("Art.32(1)(a)", "3.5.1"), ("Art.32(1)(a)", "4.2.1"), ("Art.33(1)", "12.10.1"),
                ("Art.5(1)(c)", "3.2.1")]


def load_catalog(plugin_dir: str) -> tuple[str, str, dict]:
    data = json.loads((REPO / "plugins" / plugin_dir / "catalog.json").read_text(encoding="utf-8"))
    fw = data["frameworks"][0]
    return fw["id"], fw["version"], {c["ref"]: c for c in fw["controls"]}


def read_rows(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def build_edge(row: dict, where: str, errors: list[str]) -> dict:
    def err(msg: str) -> None:
        errors.append(f"{where}: {msg}")

    src, tgt = row["source"].strip(), row["target"].strip()
    rel = row["relationship"].strip()
    edge: dict = {"source": src, "target": tgt, "relationship": rel}
    if rel not in RELATIONSHIPS:
        err(f"bad relationship {rel!r}")
    rat = row.get("rationale", "").strip()
    if rat not in RATIONALES:
        err(f"bad or missing rationale {rat!r}")
    edge["rationale"] = rat
    try:
        strength = int(row["strength"])
        if not 1 <= strength <= 10:
            raise ValueError
        edge["strength"] = strength
    except (ValueError, KeyError, TypeError):
        err(f"strength must be an integer 1-10, got {row.get('strength')!r}")
    try:
        conf = float(row["confidence"])
        if not 0.0 <= conf <= 1.0:
            raise ValueError
        edge["confidence"] = conf
    except (ValueError, KeyError, TypeError):
        err(f"confidence must be 0-1, got {row.get('confidence')!r}")
    cov = (row.get("coverage") or "").strip()
    if cov:
        edge["coverage"] = float(cov)
    quals = [q.strip() for q in (row.get("qualifiers") or "").split(";") if q.strip()]
    for q in quals:
        if q not in QUALIFIERS:
            err(f"unknown qualifier {q!r}")
    if "has-incompatibility" in quals and "aligned" in quals:
        err("qualifiers has-incompatibility and aligned contradict each other")
    if quals:
        edge["qualifiers"] = quals
    note = (row.get("note") or "").strip()
    if len(note) < 20:
        err("note missing or too short")
    edge["note"] = note
    return edge


def article_of(ref: str) -> str:
    m = re.match(r"(Art\.\d+)", ref)
    return m.group(1) if m else ref


def covers(required: str, sources: set[str]) -> bool:
    """True if some source ref is `required` or lies beneath it (Art.28 covers Art.28(3)(b))."""
    for s in sources:
        if s == required or s.startswith(required + "(") or s.startswith(required + "-"):
            return True
    return False


def build(spec: dict, gdpr: dict, gdpr_version: str, schema, errors: list[str]) -> dict:
    tgt_id, tgt_version, tgt = load_catalog(spec["target_dir"])
    if tgt_id != spec["target_fw"]:
        errors.append(f"{spec['id']}: catalog id {tgt_id} != {spec['target_fw']}")
    rows = read_rows(HERE / spec["csv"])
    edges, seen = [], set()
    for i, row in enumerate(rows, start=2):
        where = f"{spec['csv']}:{i}"
        e = build_edge(row, where, errors)
        if e["source"] not in gdpr:
            errors.append(f"{where}: source {e['source']} not in gdpr catalog")
        elif not gdpr[e["source"]].get("assessable"):
            errors.append(f"{where}: source {e['source']} is not assessable (map an assessable node)")
        if e["target"] not in tgt:
            errors.append(f"{where}: target {e['target']} not in {tgt_id} catalog")
        key = (e["source"], e["target"])
        if key in seen:
            errors.append(f"{where}: duplicate edge {key}")
        seen.add(key)
        if e["source"] == e["target"] and tgt_id == "gdpr":
            errors.append(f"{where}: self-map {key}")
        edges.append(e)

    pack = {
        "format": "crosswalk-pack/1",
        "id": spec["id"],
        "version": PACK_VERSION,
        "title": spec["title"],
        "source_framework": "gdpr",
        "target_framework": tgt_id,
        "source_version": gdpr_version,
        "target_version": tgt_version,
        "provenance": {
            "source_document": f"Regulation (EU) 2016/679 read against {spec['target_name']} by the Crosswalk project",
            "method": "authored",
            "author": AUTHOR,
            "date": DATE,
            "url": "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
            "derived_from": [
                "Regulation (EU) 2016/679 (OJ L 119, 4.5.2016), English text, as structured in plugins/gdpr/catalog.json",
                f"plugins/{spec['target_dir']}/catalog.json ({tgt_id} {tgt_version})",
            ],
            "notes": COMMON_NOTES.format(target=spec["target_name"], csv=f"mappings/tools/{spec['csv']}")
            + spec["extra_notes"],
        },
        "licence": (
            "Mapping judgements and notes: Crosswalk project. GDPR references: EU legislative text, "
            "(c) European Union, reuse authorised with acknowledgement (EUR-Lex). No ISO, AICPA or PCI SSC "
            "text is reproduced; target refs are identifiers only."
        ),
        "description": spec["description"],
        "mappings": edges,
    }
    if schema is not None:
        import jsonschema  # noqa: PLC0415

        for ve in jsonschema.Draft202012Validator(schema).iter_errors(pack):
            errors.append(f"{spec['id']}: schema: {ve.message} at {list(ve.absolute_path)}")
    return pack, tgt


def report(spec: dict, pack: dict, gdpr: dict, tgt: dict) -> list[str]:
    edges = pack["mappings"]
    lines = [f"== {spec['id']}: {len(edges)} edges"]
    lines.append("   relationships: " + ", ".join(f"{k} {v}" for k, v in Counter(e["relationship"] for e in edges).most_common()))
    quals = Counter(q for e in edges for q in e.get("qualifiers", []))
    lines.append("   qualifiers: " + (", ".join(f"{k} {v}" for k, v in quals.most_common()) or "none"))
    srcs = {e["source"] for e in edges}
    tgts = {e["target"] for e in edges}
    a_src = sum(1 for r, c in gdpr.items() if c.get("assessable"))
    a_tgt = [r for r, c in tgt.items() if c.get("assessable")]
    lines.append(f"   GDPR assessable nodes mapped: {len(srcs)} of {a_src} ({len({article_of(s) for s in srcs})} articles)")
    lines.append(f"   target assessable nodes reached: {len(tgts & set(a_tgt))} of {len(a_tgt)}")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with committed JSON instead of writing")
    ap.add_argument("--require-schema", action="store_true", help="fail if jsonschema is not installed")
    args = ap.parse_args()

    schema = None
    try:
        import jsonschema  # noqa: F401, PLC0415

        schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    except ImportError:
        if args.require_schema:
            print("error: python module jsonschema not installed", file=sys.stderr)
            return 2
        print("warning: jsonschema not installed, schema validation skipped", file=sys.stderr)

    gdpr_id, gdpr_version, gdpr = load_catalog("gdpr")
    assert gdpr_id == "gdpr"
    errors: list[str] = []
    built = []
    for spec in PACKS:
        pack, tgt = build(spec, gdpr, gdpr_version, schema, errors)
        built.append((spec, pack, tgt))

    # brief-level coverage checks
    iso = next(p for s, p, _ in built if s["id"] == "gdpr-to-iso27001-2022")
    iso_src = {e["source"] for e in iso["mappings"]}
    for req in REQUIRED_ISO:
        if not covers(req, iso_src):
            errors.append(f"gdpr-to-iso27001-2022: required provision {req} has no edge")
    pci = next(p for s, p, _ in built if s["id"] == "gdpr-to-pci-dss-4.0.1")
    pci_pairs = {(e["source"], e["target"]): e for e in pci["mappings"]}
    for pair in REQUIRED_PCI:
        if pair not in pci_pairs:
            errors.append(f"gdpr-to-pci-dss-4.0.1: required pair {pair} missing")
    for pair in [("Art.5(1)(e)", "10.5.1"), ("Art.17(1)", "10.5.1")]:
        if pair in pci_pairs and "has-incompatibility" not in pci_pairs[pair].get("qualifiers", []):
            errors.append(f"gdpr-to-pci-dss-4.0.1: {pair} must carry has-incompatibility")

    if errors:
        for e in errors:
            print("error:", e, file=sys.stderr)
        return 1

    status = 0
    for spec, pack, tgt in built:
        out = MAPPINGS / f"{spec['id']}.json"
        text = json.dumps(pack, indent=2, ensure_ascii=False) + "\n"
        if args.check:
            if not out.exists() or out.read_text(encoding="utf-8") != text:
                print(f"stale: {out.relative_to(REPO)} differs from its CSV source", file=sys.stderr)
                status = 1
        else:
            out.write_text(text, encoding="utf-8")
        print("\n".join(report(spec, pack, gdpr, tgt)))
    print("required ISO provisions covered: " + ", ".join(REQUIRED_ISO))
    return status


if __name__ == "__main__":
    sys.exit(main())
