#!/usr/bin/env python3
"""Mechanically converts five reference crosswalks into Crosswalk packs.

Packs written to mappings/ (repo root = two levels up from this file):

  soc2-2017-to-iso27001-2022        intuitem's SOC 2 -> ISO 27001:2022 mapping (Adobe CCF v5 pivot),
                                    point-of-focus edges as given plus criterion-level roll-ups
  nist-csf-2.0-to-iso27001-2022     NIST CSF 2.0 informative references to ISO 27001:2022
  nist-sp800-53r5-to-iso27001-2022  NIST OLIR reference 155 (SP 800-53r5 -> ISO 27001:2022)
  hipaa-to-nist-sp800-53r5          NIST CPRT, SP 800-66r2 crosswalk to SP 800-53r5
  hipaa-to-nist-csf-2.0             intuitem's derivation of 800-66r2 -> CSF 2.0 from NIST's
                                    800-66r2 -> CSF 1.1 crosswalk and the CSF 1.1 -> 2.0 transition map

Only which-ID-maps-to-which-ID facts and relationship types are taken from the CISO Assistant
(AGPL-3.0 packaged) YAML files; no text or annotation is copied. Node URNs are re-keyed to our
refs through each plugin's reference-keys.csv. Edges whose endpoints do not resolve are dropped
and counted; edges that collapse onto the same (source, target) pair after re-keying are merged.

Usage:
  python3 mappings/tools/convert_reference.py [--reference DIR]   regenerate the five packs
  python3 mappings/tools/convert_reference.py --check             validate the committed packs
                                                                  (no reference files needed)
  python3 mappings/tools/convert_reference.py --validate FILE...  validate any pack file

Every pack written or checked is validated against sdk/schema/pack.schema.json and against the
catalogs: every source ref in the source catalog, every target ref in the target catalog, no
duplicate (source, target) edge, no self-map. The output is deterministic (catalog order).
"""
import argparse
import csv
import json
import sys
from collections import Counter, OrderedDict, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAPPINGS = HERE.parent
REPO = MAPPINGS.parent
PLUGINS = REPO / "plugins"
SCHEMA = REPO / "sdk" / "schema" / "pack.schema.json"
DEFAULT_REFERENCE = Path("/work/shared/reference/ciso-assistant/mappings")

DATE = "2026-11-28"
AUTHOR = "Crosswalk project (mechanical conversion, mappings/tools/convert_reference.py)"
CISO_COMMIT = "f990d7b1"
CISO_REPO = "intuitem/ciso-assistant-community"

PLUGIN_DIR = {
    "iso27001-2022": "iso27001",
    "soc2-2017": "soc2",
    "hipaa": "hipaa",
    "pci-dss-4.0.1": "pci_dss",
    "gdpr": "gdpr",
    "nist-csf-2.0": "nist_csf",
    "nist-sp800-53r5": "nist_sp800_53",
}

RELATIONSHIP = {
    "subset": "subset-of",
    "superset": "superset-of",
    "equal": "equal",
    "intersect": "intersects-with",
    "not_related": "no-relationship",
}

FACTS_LICENCE = (
    "Mapping facts only (which identifier maps to which, and the relationship type), taken from the "
    "CISO Assistant library file named in provenance (intuitem/ciso-assistant-community, AGPL-3.0 "
    "packaging, commit f990d7b1). No text, annotation or description of that file, of the standards "
    "or of the mapping source is reproduced."
)

PACKS = [
    {
        "id": "soc2-2017-to-iso27001-2022",
        "file": "mapping-soc2-2017-rev-2022-to-iso27001-2022.yaml",
        "source_fw": "soc2-2017",
        "target_fw": "iso27001-2022",
        "source_urn": "urn:intuitem:risk:framework:soc2-2017-rev-2022",
        "target_urn": "urn:intuitem:risk:framework:iso27001-2022",
        "title": "SOC 2 Trust Services Criteria (2017, rev. 2022) to ISO/IEC 27001:2022 (via Adobe CCF v5)",
        "method": "derived",
        "confidence": 0.6,
        "strength": 3,
        "rollup": True,
        "source_document": (
            "CISO Assistant library mapping-soc2-2017-rev-2022-to-iso27001-2022 (intuitem, upstream "
            "commit ea8544ffa; snapshot commit f990d7b1), which intuitem composed from the Adobe Common "
            "Controls Framework v5 open-source mappings Adobe CCF -> SOC 2 (2017, rev. 2022) and "
            "Adobe CCF -> ISO/IEC 27001:2022; it is NOT the AICPA mapping of the TSC to ISO/IEC 27001"
        ),
        "url": "https://github.com/intuitem/ciso-assistant-community/tree/main/backend/library/libraries",
        "derived_from": [
            "CISO Assistant library mapping-soc2-2017-rev-2022-to-iso27001-2022 (forward set), intuitem, commit f990d7b1",
            "Adobe Common Controls Framework (CCF) v5 -> SOC 2 2017 rev. 2022 (CISO Assistant mapping-adobe-ccf-v5-and-soc2-2017-rev-2022)",
            "Adobe Common Controls Framework (CCF) v5 -> ISO/IEC 27001:2022 (CISO Assistant mapping-adobe-ccf-v5-and-iso27001-2022)",
        ],
        "description": (
            "Transitive SOC 2 -> ISO 27001:2022 mapping through the Adobe CCF v5 pivot. Point-of-focus "
            "edges are kept as published; criterion-level edges are added by rolling them up. All edges "
            "are intersects-with: a shared CCF control shows overlap, never containment."
        ),
    },
    {
        "id": "nist-csf-2.0-to-iso27001-2022",
        "file": "mapping-nist-csf-2.0-to-iso27001-2022.yaml",
        "source_fw": "nist-csf-2.0",
        "target_fw": "iso27001-2022",
        "source_urn": "urn:intuitem:risk:framework:nist-csf-2.0",
        "target_urn": "urn:intuitem:risk:framework:iso27001-2022",
        "title": "NIST CSF 2.0 to ISO/IEC 27001:2022 (NIST informative references)",
        "method": "official",
        "confidence": 0.9,
        "source_document": (
            "NIST CSF 2.0 informative references to ISO/IEC 27001:2022 (NIST CSF 2.0 Reference Tool "
            "export), via CISO Assistant library mapping-nist-csf-2.0-to-iso27001-2022, commit f990d7b1"
        ),
        "url": "https://csrc.nist.gov/Projects/Cybersecurity-Framework/Filters#/csf/filters",
        "derived_from": [
            "NIST CSF 2.0 informative references: ISO/IEC 27001:2022",
            "CISO Assistant library mapping-nist-csf-2.0-to-iso27001-2022 (forward set), intuitem, commit f990d7b1",
        ],
        "description": "NIST's published informative references from CSF 2.0 subcategories to ISO/IEC 27001:2022 clauses and Annex A controls.",
    },
    {
        "id": "nist-sp800-53r5-to-iso27001-2022",
        "file": "mapping-nist-sp-800-53-rev5-to-iso27001-2022.yaml",
        "source_fw": "nist-sp800-53r5",
        "target_fw": "iso27001-2022",
        "source_urn": "urn:intuitem:risk:framework:nist-sp-800-53-rev5",
        "target_urn": "urn:intuitem:risk:framework:iso27001-2022",
        "title": "NIST SP 800-53 Rev. 5 to ISO/IEC 27001:2022 (NIST OLIR)",
        "method": "official",
        "confidence": 0.9,
        "source_document": (
            "NIST OLIR: SP 800-53 Rev. 5 to ISO/IEC 27001:2022 (reference 155, "
            "sp800-53r5-to-iso-27001-mapping-2022-OLIR-2023-10-12-UPDATED), via CISO Assistant library "
            "mapping-nist-sp-800-53-rev5-to-iso27001-2022, commit f990d7b1"
        ),
        "url": "https://csrc.nist.gov/projects/olir/informative-reference-catalog/details?referenceId=155",
        "derived_from": [
            "NIST OLIR informative reference 155: SP 800-53 Rev. 5 to ISO/IEC 27001:2022 (2023-10-12 update)",
            "CISO Assistant library mapping-nist-sp-800-53-rev5-to-iso27001-2022 (forward set), intuitem, commit f990d7b1",
        ],
        "description": "NIST's OLIR mapping of SP 800-53 Rev. 5 controls and enhancements to ISO/IEC 27001:2022 clauses and Annex A controls.",
    },
    {
        "id": "hipaa-to-nist-sp800-53r5",
        "file": "mapping-nist-sp-800-66-rev2-to-nist-sp-800-53-rev5.yaml",
        "source_fw": "hipaa",
        "target_fw": "nist-sp800-53r5",
        "source_urn": "urn:intuitem:risk:framework:nist-sp-800-66-rev2",
        "target_urn": "urn:intuitem:risk:framework:nist-sp-800-53-rev5",
        "title": "HIPAA Security Rule to NIST SP 800-53 Rev. 5 (NIST SP 800-66r2 crosswalk)",
        "method": "official",
        "confidence": 0.9,
        "collapse_note": True,
        "source_document": (
            "NIST SP 800-66 Rev. 2 crosswalk of the HIPAA Security Rule to SP 800-53 Rev. 5 (NIST "
            "Cybersecurity and Privacy Reference Tool, SP800_66_2_0_0), via CISO Assistant library "
            "mapping-nist-sp-800-66-rev2-to-nist-sp-800-53-rev5, commit f990d7b1"
        ),
        "url": "https://csrc.nist.gov/Projects/cprt/catalog#/cprt/framework/version/SP800_66_2_0_0/home",
        "derived_from": [
            "NIST SP 800-66 Rev. 2 (February 2024), CPRT crosswalk to SP 800-53 Rev. 5",
            "CISO Assistant library mapping-nist-sp-800-66-rev2-to-nist-sp-800-53-rev5 (forward set), intuitem, commit f990d7b1",
        ],
        "description": (
            "NIST's SP 800-66r2 crosswalk from HIPAA Security Rule standards, implementation "
            "specifications and key activities to SP 800-53 Rev. 5 controls, re-keyed to CFR citations."
        ),
    },
    {
        "id": "hipaa-to-nist-csf-2.0",
        "file": "mapping-nist-sp-800-66-rev2-to-nist-csf-2.0.yaml",
        "source_fw": "hipaa",
        "target_fw": "nist-csf-2.0",
        "source_urn": "urn:intuitem:risk:framework:nist-sp-800-66-rev2",
        "target_urn": "urn:intuitem:risk:framework:nist-csf-2.0",
        "title": "HIPAA Security Rule to NIST CSF 2.0 (derived through CSF 1.1)",
        "method": "derived",
        "confidence": 0.7,
        "collapse_note": True,
        "source_document": (
            "CISO Assistant library mapping-nist-sp-800-66-rev2-to-nist-csf-2.0 (intuitem, commit "
            "f990d7b1): intuitem's composition of NIST's official SP 800-66r2 -> CSF 1.1 crosswalk "
            "(CPRT) with NIST's CSF 1.1 -> CSF 2.0 transition mapping; not itself published by NIST"
        ),
        "url": "https://csrc.nist.gov/Projects/cprt/catalog#/cprt/framework/version/SP800_66_2_0_0/home",
        "derived_from": [
            "NIST SP 800-66 Rev. 2 (February 2024), CPRT crosswalk to NIST CSF 1.1 (CISO Assistant mapping-nist-sp-800-66-rev2-to-nist-csf-1.1)",
            "NIST CSF 1.1 -> CSF 2.0 transition mapping (CISO Assistant map-nist-csf-1.1-nist-csf-2.0)",
            "CISO Assistant library mapping-nist-sp-800-66-rev2-to-nist-csf-2.0 (forward set), intuitem, commit f990d7b1",
        ],
        "description": (
            "HIPAA Security Rule to CSF 2.0, composed from NIST's SP 800-66r2 -> CSF 1.1 crosswalk and "
            "NIST's CSF 1.1 -> 2.0 transition mapping, re-keyed to CFR citations."
        ),
    },
]


def fail(message):
    sys.exit(f"convert_reference.py: {message}")


# ---------------------------------------------------------------- catalogs


class Catalog:
    def __init__(self, fw_id):
        path = PLUGINS / PLUGIN_DIR[fw_id] / "catalog.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        frameworks = [f for f in data["frameworks"] if f["id"] == fw_id]
        if len(frameworks) != 1:
            fail(f"{path}: framework {fw_id} not found")
        fw = frameworks[0]
        self.id = fw_id
        self.version = fw.get("version")
        self.order = {}
        self.node = {}
        self.children = defaultdict(list)
        for i, c in enumerate(fw["controls"]):
            self.order[c["ref"]] = i
            self.node[c["ref"]] = c
            if c.get("parent"):
                self.children[c["parent"]].append(c["ref"])
        self.assessable = {r for r, c in self.node.items() if c.get("assessable")}
        self._keys = None

    def keys(self):
        if self._keys is None:
            path = PLUGINS / PLUGIN_DIR[self.id] / "reference-keys.csv"
            with path.open(encoding="utf-8", newline="") as fh:
                self._keys = {row["reference_urn"]: row["ref"] for row in csv.DictReader(fh)}
            bad = sorted(r for r in self._keys.values() if r not in self.node)
            if bad:
                fail(f"{path}: refs not in catalog: {bad[:5]}")
        return self._keys


_CATALOGS = {}


def catalog(fw_id):
    if fw_id not in PLUGIN_DIR:
        fail(f"unknown framework id {fw_id}")
    if fw_id not in _CATALOGS:
        _CATALOGS[fw_id] = Catalog(fw_id)
    return _CATALOGS[fw_id]


# ---------------------------------------------------------------- validation


def validate(pack, label):
    """Schema + catalog checks; returns a list of error strings (empty when valid)."""
    errors = []
    try:
        import jsonschema
    except ImportError:
        fail("python3-jsonschema is required for validation")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for e in sorted(validator.iter_errors(pack), key=lambda e: list(e.absolute_path)):
        errors.append(f"{label}: schema: {'/'.join(map(str, e.absolute_path))}: {e.message}")
    if errors:
        return errors
    src, tgt = catalog(pack["source_framework"]), catalog(pack["target_framework"])
    if pack["id"] != f"{pack['source_framework']}-to-{pack['target_framework']}":
        errors.append(f"{label}: id {pack['id']} is not <source>-to-<target>")
    seen = set()
    for i, m in enumerate(pack["mappings"]):
        s, t = m["source"], m["target"]
        if s not in src.node:
            errors.append(f"{label}: mapping {i}: source {s} not in {src.id} catalog")
        if t not in tgt.node:
            errors.append(f"{label}: mapping {i}: target {t} not in {tgt.id} catalog")
        if src.id == tgt.id and s == t:
            errors.append(f"{label}: mapping {i}: self-map {s}")
        if (s, t) in seen:
            errors.append(f"{label}: mapping {i}: duplicate edge {s} -> {t}")
        seen.add((s, t))
    return errors


def stats(pack):
    src, tgt = catalog(pack["source_framework"]), catalog(pack["target_framework"])
    ms = pack["mappings"]
    sources = {m["source"] for m in ms}
    targets = {m["target"] for m in ms}
    out = OrderedDict()
    out["edges"] = len(ms)
    out["relationships"] = dict(sorted(Counter(m["relationship"] for m in ms).items()))
    out["distinct_sources"] = len(sources)
    out["distinct_targets"] = len(targets)
    out["assessable_sources_covered"] = f"{len(sources & src.assessable)}/{len(src.assessable)}"
    out["assessable_targets_covered"] = f"{len(targets & tgt.assessable)}/{len(tgt.assessable)}"
    out["edges_from_non_assessable_source"] = sum(1 for m in ms if m["source"] not in src.assessable)
    out["edges_to_non_assessable_target"] = sum(1 for m in ms if m["target"] not in tgt.assessable)
    if src.id == "hipaa":
        sec = {r for r in src.assessable if src.node[r].get("attributes", {}).get("rule") == "security"}
        out["hipaa_security_rule_assessable_covered"] = f"{len(sources & sec)}/{len(sec)}"
    return out


# ---------------------------------------------------------------- conversion


def forward_set(doc, cfg, path):
    objects = doc["objects"]
    sets = objects.get("requirement_mapping_sets") or [objects["requirement_mapping_set"]]
    chosen = [s for s in sets if s["source_framework_urn"] == cfg["source_urn"]
              and s["target_framework_urn"] == cfg["target_urn"]]
    if len(chosen) != 1:
        fail(f"{path}: expected one forward set {cfg['source_urn']} -> {cfg['target_urn']}, found {len(chosen)}")
    return chosen[0]["requirement_mappings"]


def convert(cfg, reference_dir):
    import yaml

    path = reference_dir / cfg["file"]
    if not path.is_file():
        fail(f"reference file missing: {path}")
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = forward_set(doc, cfg, path)
    src, tgt = catalog(cfg["source_fw"]), catalog(cfg["target_fw"])
    skeys, tkeys = src.keys(), tgt.keys()

    report = OrderedDict()
    report["reference_edges"] = len(rows)
    dropped = Counter()
    unknown_rel = Counter()
    edges = OrderedDict()  # (s, t) -> relationship
    collapsed = 0
    exact_dupes = 0
    seen_urn_pairs = set()
    collapsed_conflicts = []
    for row in rows:
        su, tu = row["source_requirement_urn"], row["target_requirement_urn"]
        rel = RELATIONSHIP.get(row["relationship"])
        if rel is None:
            unknown_rel[row["relationship"]] += 1
            continue
        s, t = skeys.get(su), tkeys.get(tu)
        if s is None or t is None:
            dropped["unresolved source" if s is None else "unresolved target"] += 1
            continue
        if (su, tu) in seen_urn_pairs:
            exact_dupes += 1
            continue
        seen_urn_pairs.add((su, tu))
        if (s, t) in edges:
            collapsed += 1
            if edges[(s, t)] != rel:
                collapsed_conflicts.append((s, t, edges[(s, t)], rel))
                # keep the weaker, always-true reading when collapsed relations disagree
                edges[(s, t)] = "intersects-with"
            continue
        edges[(s, t)] = rel
    if unknown_rel:
        fail(f"{path}: unknown relationship values {dict(unknown_rel)}")
    report["reference_relationships"] = dict(sorted(Counter(r["relationship"] for r in rows).items()))
    report["dropped_unresolved"] = sum(dropped.values())
    report["duplicate_rows_in_reference"] = exact_dupes
    report["collapsed_by_rekeying"] = collapsed
    report["collapsed_conflicts"] = len(collapsed_conflicts)
    report["edges_to_categories"] = sum(1 for (_s, t) in edges if tgt.node[t]["kind"] == "category")

    mappings = []
    for (s, t), rel in edges.items():
        m = OrderedDict(source=s, target=t, relationship=rel)
        if cfg.get("strength"):
            m["strength"] = cfg["strength"]
        m["confidence"] = cfg["confidence"]
        mappings.append(m)

    if cfg.get("rollup"):
        added = complete = 0
        for m, n, total in rollup_criteria(edges, src):
            if (m["source"], m["target"]) in edges:
                continue  # a direct criterion-level edge is kept as published
            mappings.append(m)
            added += 1
            complete += n == total
        report["pof_level_edges"] = sum(1 for (s, _t) in edges if src.node[s]["kind"] == "point-of-focus")
        report["direct_non_pof_edges"] = sum(1 for (s, _t) in edges if src.node[s]["kind"] != "point-of-focus")
        report["rollup_edges_added"] = added
        report["rollups_from_all_points_of_focus"] = complete
        report["criteria_covered"] = len({m["source"] for m in mappings if src.node[m["source"]]["kind"] == "criterion"})
        report["criteria_total"] = sum(1 for c in src.node.values() if c["kind"] == "criterion")

    mappings.sort(key=lambda m: (src.order[m["source"]], tgt.order[m["target"]]))
    return mappings, report


def rollup_criteria(edges, src):
    """Criterion -> ISO edges: a criterion maps where any of its points of focus maps.

    Yields (mapping, N points of focus mapped, T points of focus of the criterion)."""
    by_pair = defaultdict(set)
    for (s, t) in edges:
        node = src.node[s]
        if node["kind"] != "point-of-focus":
            continue
        parent = node["parent"]
        if src.node[parent]["kind"] != "criterion":
            fail(f"point of focus {s} has non-criterion parent {parent}")
        by_pair[(parent, t)].add(s)
    out = []
    for (crit, t), pofs in by_pair.items():
        n = len(pofs)
        total = sum(1 for c in src.children[crit] if src.node[c]["kind"] == "point-of-focus")
        # 2 when one point of focus in many maps, 5 when all of them do (the source's real granularity)
        strength = 2 + round(3 * n / total)
        confidence = 0.6
        out.append((OrderedDict(
            source=crit, target=t, relationship="intersects-with", strength=strength,
            confidence=confidence,
            note=f"rolled up from {n} point{'s' if n != 1 else ''} of focus (of {total}) of this criterion",
        ), n, total))
    return out


def build_pack(cfg, mappings, report):
    src, tgt = catalog(cfg["source_fw"]), catalog(cfg["target_fw"])
    notes = notes_for(cfg, report)
    prov = OrderedDict(
        source_document=cfg["source_document"],
        method=cfg["method"],
        author=AUTHOR,
        date=DATE,
        url=cfg["url"],
        derived_from=cfg["derived_from"],
        notes=notes,
    )
    pack = OrderedDict(
        format="crosswalk-pack/1",
        id=cfg["id"],
        version="1.0.0",
        title=cfg["title"],
        source_framework=cfg["source_fw"],
        target_framework=cfg["target_fw"],
        source_version=src.version,
        target_version=tgt.version,
        provenance=prov,
        licence=FACTS_LICENCE,
        description=cfg["description"],
        mappings=mappings,
    )
    return pack


def notes_for(cfg, r):
    base = (
        f"Mechanical conversion by mappings/tools/convert_reference.py of the forward mapping set of "
        f"{cfg['file']} ({r['reference_edges']} rows). Node URNs re-keyed through "
        f"plugins/{PLUGIN_DIR[cfg['source_fw']]}/reference-keys.csv and "
        f"plugins/{PLUGIN_DIR[cfg['target_fw']]}/reference-keys.csv; relationships mapped "
        f"intersect->intersects-with, subset->subset-of, superset->superset-of, equal->equal, "
        f"not_related->no-relationship. Dropped {r['dropped_unresolved']} rows with unresolved endpoints and "
        f"{r['duplicate_rows_in_reference']} exact duplicate rows"
    )
    if cfg.get("collapse_note"):
        base += (
            f"; {r['collapsed_by_rekeying']} further rows collapsed because SP 800-66r2 key activities are "
            f"keyed to the implementation specification they introduce (or to their standard), so several "
            f"reference rows land on the same CFR ref pair ({r['collapsed_conflicts']} of them with differing "
            f"relationships)"
        )
    base += ". Edges were not reviewed individually; no rationale is asserted."
    if cfg["method"] == "official":
        base += (
            f" Relationship as published (reference rows: "
            f"{', '.join(f'{k} {v}' for k, v in r['reference_relationships'].items())}); confidence 0.9 reflects an official NIST "
            "mapping, strength omitted because the source gives none."
        )
    if cfg["id"] == "hipaa-to-nist-csf-2.0":
        base += (
            f" Exact duplicate rows come from the composition (several CSF 1.1 paths to one CSF 2.0 node)."
        )
        base += (
            " Lineage: this is not a NIST publication. intuitem composed NIST's official SP 800-66r2 -> "
            "CSF 1.1 crosswalk with NIST's CSF 1.1 -> 2.0 transition mapping, so each edge is only as good "
            "as the two official hops and the composition of two intersects (which guarantees no set "
            "relation): kept as intersects-with at confidence 0.7, strength omitted (none given). "
            f"{r['edges_to_categories']} edges target CSF 2.0 categories (non-assessable), kept as given. intuitem's blanket 'semantic' rationale is not carried over."
        )
    if cfg.get("rollup"):
        base += (
            f" Lineage: intuitem built this mapping transitively through the Adobe Common Controls "
            f"Framework v5 (SOC 2 point of focus -> CCF control -> ISO control); it is not the AICPA "
            f"TSC-to-ISO 27001 mapping and has not been checked against the AICPA text. All rows are "
            f"intersect -> intersects-with. {r['rollup_edges_added']} criterion-level edges were added by "
            f"roll-up: a criterion maps to an ISO node when any of its points of focus does, relationship "
            f"intersects-with, confidence 0.6, note 'rolled up from N points of focus (of T)', strength "
            f"2 + round(3*N/T). Finding: in {r['rollups_from_all_points_of_focus']} of "
            f"{r['rollup_edges_added']} roll-ups N = T, i.e. the source maps every point of focus of a "
            f"criterion to the same ISO controls (the Adobe CCF -> SOC 2 file already fans each CCF control "
            f"out to all points of focus of a criterion). The real granularity of this lineage is the "
            f"criterion, so the roll-ups get strength 5 and the {r['pof_level_edges']} point-of-focus edges, "
            f"kept as given, only strength 3 (confidence 0.6): an individual point of focus is not "
            f"necessarily related to every ISO control its criterion reaches. Criteria without points of "
            f"focus in the source (PI1.x, P1.1, P2.1, P3.1) and criteria none of whose points of focus are "
            f"mapped get no edge ({r['criteria_covered']} of {r['criteria_total']} criteria are covered)."
        )
    return base


# ---------------------------------------------------------------- I/O


def dump(pack):
    return json.dumps(pack, indent=2, ensure_ascii=False) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE,
                    help="folder holding the CISO Assistant mapping YAML files")
    ap.add_argument("--out", type=Path, default=MAPPINGS, help="output folder (default: mappings/)")
    ap.add_argument("--check", action="store_true", help="only validate the committed packs of this family")
    ap.add_argument("--validate", nargs="+", type=Path, metavar="FILE", help="validate arbitrary pack files")
    ap.add_argument("--json", action="store_true", help="print the per-pack figures as JSON")
    args = ap.parse_args()

    errors = []
    figures = OrderedDict()
    if args.validate or args.check:
        files = args.validate or [args.out / f"{cfg['id']}.json" for cfg in PACKS]
        for f in files:
            if not f.is_file():
                errors.append(f"{f}: missing")
                continue
            pack = json.loads(f.read_text(encoding="utf-8"))
            errs = validate(pack, str(f))
            errors += errs
            if not errs:
                figures[pack["id"]] = stats(pack)
    else:
        for cfg in PACKS:
            mappings, report = convert(cfg, args.reference)
            pack = build_pack(cfg, mappings, report)
            errs = validate(pack, cfg["id"])
            if errs:
                errors += errs
                continue
            out = args.out / f"{cfg['id']}.json"
            out.write_text(dump(pack), encoding="utf-8")
            figures[cfg["id"]] = OrderedDict(list(report.items()) + list(stats(pack).items()))
    if errors:
        for e in errors[:50]:
            print(e, file=sys.stderr)
        fail(f"{len(errors)} validation error(s)")
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for pid, fig in figures.items():
            print(pid)
            for k, v in fig.items():
                print(f"  {k}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
