#!/usr/bin/env python3
"""Builds mappings/iso27001-2013-to-iso27001-2022.json, the ISO/IEC 27001
transition pack.

Input: intuitem's CISO Assistant mapping mapping-iso27001-2013-to-iso27001-2022.yaml
(the which-maps-to-which facts and relationship types only; its text is not
used), re-keyed through plugins/iso27001_2013/reference-keys.csv and
plugins/iso27001/reference-keys.csv, then corrected with our review of it
against the ISO/IEC 27002:2022 Annex B correspondence (Table B.2), kept in
tools/iso27001_2013_to_2022_review.csv:

    action  remove  drop an edge of the source mapping (wrong target)
            add     add an edge the source mapping lacks (authored by us)
            retype  change the relationship of an existing edge
            note    keep the relationship, set strength/confidence/note

Every other edge gets rationale, strength, confidence and a note from the rules
in default_attributes(), written from our catalog titles.

    python3 mappings/tools/convert_iso_transition.py [--reference-root /work/shared/reference]

The JSON file is the committed source of truth; CI does not run this script.
"""

import argparse
import collections
import csv
import difflib
import json
import pathlib
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent
MAPPINGS = HERE.parent
REPO = MAPPINGS.parent
PACK_ID = "iso27001-2013-to-iso27001-2022"
REVIEW = HERE / "iso27001_2013_to_2022_review.csv"
MAPPING_FILE = "ciso-assistant/mappings/mapping-iso27001-2013-to-iso27001-2022.yaml"
SOURCE_PLUGIN = REPO / "plugins/iso27001_2013"
TARGET_PLUGIN = REPO / "plugins/iso27001"
DATE = "2026-11-28"
COMMIT = "f990d7b1b9a9f56e391acbc247c9076262a11412"
EXPECTED_SOURCE_MIX = {"equal": 77, "subset": 48, "superset": 6, "intersect": 3}
RELATIONSHIPS = {
    "equal": "equal",
    "subset": "subset-of",
    "superset": "superset-of",
    "intersect": "intersects-with",
    "not_related": "no-relationship",
}
EDGE_PROVENANCE = {
    "source_document": "Crosswalk review of the CISO Assistant mapping against the ISO/IEC 27002:2022 Annex B "
    "correspondence (Table B.2) and the clause changes of ISO/IEC 27001:2022",
    "method": "authored",
    "author": "Crosswalk project",
    "date": DATE,
}


def fail(message):
    sys.exit(f"convert_iso_transition.py: {message}")


def load_keys(plugin):
    with open(plugin / "reference-keys.csv", newline="", encoding="utf-8") as f:
        return {row["reference_urn"]: row["ref"] for row in csv.DictReader(f)}


def load_catalog(plugin):
    data = json.loads((plugin / "catalog.json").read_text(encoding="utf-8"))
    framework = data["frameworks"][0]
    return framework, {c["ref"]: c for c in framework["controls"]}


def norm(title):
    return " ".join(title.lower().replace("-", " ").split())


def similar_titles(a, b):
    """Same title, or one lightly edited (plural, spelling, a dropped word)."""
    return difflib.SequenceMatcher(None, norm(a), norm(b)).ratio() >= 0.85


def listing(refs):
    refs = sorted(refs, key=sort_key)
    return refs[0] if len(refs) == 1 else ", ".join(refs[:-1]) + " and " + refs[-1]


def sort_key(ref):
    annex = ref.startswith("A.")
    return (annex, [int(p) for p in ref.removeprefix("A.").split(".")])


def default_attributes(edge, src, tgt, sources_of, targets_of):
    """Rationale, strength, confidence and note for an edge we kept as derived."""
    s, t, rel = edge["source"], edge["target"], edge["relationship"]
    exact_title = norm(src[s]["title"]) == norm(tgt[t]["title"])
    same_title = similar_titles(src[s]["title"], tgt[t]["title"])
    clause = not s.startswith("A.")
    # A clause split in 2022 (9.2, 9.3) keeps the 2013 wording: syntactic.
    rationale = "syntactic" if same_title or (clause and rel == "superset-of") else "semantic"
    if rel == "equal":
        if clause and s == t:
            note = "Same clause under the same title in both editions; the 2022 rewording does not change what is asked."
        elif clause:
            note = f"Same requirement; 2022 swapped the order of clauses 10.1 and 10.2, so 2013 {s} is now {t}."
        elif exact_title:
            note = f"Same control under the same title; only renumbered from {s} to {t}."
        elif same_title:
            note = (f"Same control; only renumbered from {s} to {t} and the title lightly edited "
                    f"('{src[s]['title']}' became '{tgt[t]['title']}').")
        else:
            note = f"Same control under a new title ('{src[s]['title']}' became '{tgt[t]['title']}'); intent unchanged."
        return rationale, (10 if same_title else 9), (0.9 if same_title else 0.85), note
    if rel == "subset-of":
        others = sorted(sources_of[t] - {s}, key=sort_key)
        if others:
            note = (f"2022 {t} {tgt[t]['title']} merges 2013 {listing(sources_of[t])}; "
                    f"this control is one part of it.")
            return rationale, (8 if len(others) == 1 else 7), 0.85, note
        note = f"2022 {t} broadens the 2013 control, which is contained in it."
        return rationale, 8, 0.8, note
    if rel == "superset-of":
        note = (f"2022 split 2013 {s} {src[s]['title']} into {listing(targets_of[s])}; "
                f"the 2013 clause contains this part.")
        return rationale, 8, 0.9, note
    return rationale, 5, 0.7, "Partial overlap: each requirement has parts the other lacks."


def build(reference_root):
    doc = yaml.safe_load((reference_root / MAPPING_FILE).read_text(encoding="utf-8"))
    mapping_set = doc["objects"]["requirement_mapping_set"]
    rows = mapping_set["requirement_mappings"]
    mix = collections.Counter(r["relationship"] for r in rows)
    if dict(mix) != EXPECTED_SOURCE_MIX:
        fail(f"source relationship mix {dict(mix)}, expected {EXPECTED_SOURCE_MIX}")

    source_keys, target_keys = load_keys(SOURCE_PLUGIN), load_keys(TARGET_PLUGIN)
    src_fw, src = load_catalog(SOURCE_PLUGIN)
    tgt_fw, tgt = load_catalog(TARGET_PLUGIN)

    edges = {}
    for r in rows:
        s = source_keys.get(r["source_requirement_urn"])
        t = target_keys.get(r["target_requirement_urn"])
        if s is None or t is None:
            fail(f"unresolved URN in {r['source_requirement_urn']} -> {r['target_requirement_urn']}")
        if (s, t) in edges:
            fail(f"duplicate edge {s} -> {t} in the source mapping")
        edges[(s, t)] = {"source": s, "target": t, "relationship": RELATIONSHIPS[r["relationship"]]}

    reviewed = {}
    with open(REVIEW, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key = (row["source"], row["target"])
            action = row["action"]
            if key in reviewed:
                fail(f"review lists {key} twice")
            if action == "remove":
                if key not in edges:
                    fail(f"review removes {key}, which the source mapping does not have")
                del edges[key]
                continue
            if action == "add":
                if key in edges:
                    fail(f"review adds {key}, which the source mapping already has")
                edges[key] = {"source": key[0], "target": key[1], "relationship": row["relationship"]}
            elif action in ("retype", "note"):
                if key not in edges:
                    fail(f"review {action}s {key}, which is not in the mapping")
                if action == "retype":
                    if row["relationship"] == edges[key]["relationship"]:
                        fail(f"review retypes {key} to the relationship it already has")
                    edges[key]["relationship"] = row["relationship"]
            else:
                fail(f"unknown review action {action!r}")
            reviewed[key] = row

    sources_of, targets_of = collections.defaultdict(set), collections.defaultdict(set)
    for s, t in edges:
        sources_of[t].add(s)
        targets_of[s].add(t)

    mappings = []
    for key in sorted(edges, key=lambda k: (sort_key(k[0]), sort_key(k[1]))):
        edge = edges[key]
        rationale, strength, confidence, note = default_attributes(edge, src, tgt, sources_of, targets_of)
        row = reviewed.get(key)
        if row is not None:
            rationale = row["rationale"] or rationale
            strength = int(row["strength"]) if row["strength"] else strength
            confidence = float(row["confidence"]) if row["confidence"] else confidence
            note = row["note"]
        edge.update({"rationale": rationale, "strength": strength, "confidence": confidence, "note": note})
        if row is not None and row["action"] in ("add", "retype"):
            edge["provenance"] = dict(EDGE_PROVENANCE)
        mappings.append(edge)
    return mappings, src_fw, src, tgt_fw, tgt, reviewed


def check(mappings, src_fw, src, tgt_fw, tgt):
    # Equal ref strings such as 4.1 -> 4.1 are not self-maps: the two refs
    # belong to different frameworks.
    if src_fw["id"] == tgt_fw["id"]:
        fail("source and target framework are the same")
    seen = set()
    for m in mappings:
        key = (m["source"], m["target"])
        if m["source"] not in src:
            fail(f"source ref {m['source']} not in the iso27001-2013 catalog")
        if m["target"] not in tgt:
            fail(f"target ref {m['target']} not in the iso27001-2022 catalog")
        if key in seen:
            fail(f"duplicate edge {key}")
        seen.add(key)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference-root", type=pathlib.Path, default=pathlib.Path("/work/shared/reference"))
    args = parser.parse_args()

    mappings, src_fw, src, tgt_fw, tgt, reviewed = build(args.reference_root)
    check(mappings, src_fw, src, tgt_fw, tgt)
    mix = collections.Counter(m["relationship"] for m in mappings)
    actions = collections.Counter(r["action"] for r in reviewed.values())
    removed = sum(1 for r in csv.DictReader(open(REVIEW, encoding="utf-8")) if r["action"] == "remove")

    pack = {
        "format": "crosswalk-pack/1",
        "id": PACK_ID,
        "version": "1.0.0",
        "title": "ISO/IEC 27001:2013 to ISO/IEC 27001:2022 (transition)",
        "source_framework": src_fw["id"],
        "target_framework": tgt_fw["id"],
        "source_version": src_fw["version"],
        "target_version": tgt_fw["version"],
        "provenance": {
            "source_document": (
                "CISO Assistant library mapping-iso27001-2013-to-iso27001-2022 (intuitem, version 2, 2024-07-09), "
                f"commit {COMMIT[:8]}; its pairs follow the ISO/IEC 27002:2022 Annex B correspondence table "
                "(Table B.2, 2013 to 2022)"
            ),
            "method": "derived",
            "author": "Crosswalk project",
            "date": DATE,
            "url": "https://github.com/intuitem/ciso-assistant-community/blob/"
            f"{COMMIT}/backend/library/libraries/mapping-iso27001-2013-to-iso27001-2022.yaml",
            "derived_from": [
                "intuitem CISO Assistant mapping-iso27001-2013-to-iso27001-2022.yaml (forward set, 134 edges)",
                "ISO/IEC 27002:2022 Annex B, Table B.2 (correspondence between ISO/IEC 27002:2013 and 2022)",
            ],
            "notes": (
                "Single source: intuitem's mapping is the only machine-readable 2013-to-2022 crosswalk available to "
                "us; no second independent source was compared. Its pairs and relationship types (equal 77, subset "
                "48, superset 6, intersect 3) were re-keyed through plugins/iso27001_2013/reference-keys.csv and "
                "plugins/iso27001/reference-keys.csv; no text of it is used. Every edge (all 26 clause requirements "
                "and all 114 Annex A controls of 2013) was reviewed against our knowledge of the ISO/IEC 27002:2022 "
                "Annex B correspondence and of the ISO/IEC 27001:2022 clause changes. Corrections, each with "
                f"per-edge provenance 'authored': {removed} edges removed (2013 A.13.2.1-A.13.2.3 pointed at A.8.14 "
                "Redundancy instead of A.5.14 Information transfer); "
                f"{actions['add']} edges added (those three to A.5.14, and the Annex B pairs the source lacks: "
                "A.6.1.3, A.6.1.4, A.6.1.5, A.9.2.5, A.9.2.6, A.12.6.2, A.12.7.1, A.14.2.3, A.14.2.4, and A.18.2.3 to "
                f"A.8.8); {actions['retype']} relationships retyped (clauses 4.2, 4.4, 6.2 and 8.1 equal to subset-of "
                "because 2022 added requirements; 9.3 to 9.3.2 superset-of to intersects-with because 2022 added a "
                "review input; equal to subset-of where 2022 merged a second 2013 control into the target, so the "
                "first cannot be equal: A.12.1.4, A.12.5.1, A.16.1.2, A.18.2.2; A.11.2.5 subset-of to "
                "intersects-with; intersect made precise: A.16.1.1 and A.16.1.3 subset-of, A.17.2.1 equal). "
                "Strength and confidence: equal with the same title 10/0.9, equal reworded 9/0.85, one of several "
                "2013 controls merged into a 2022 control 7-8/0.85, clause split (9.2, 9.3) 8/0.9, reviewed "
                "judgement calls lower. Rationale is syntactic where the titles match and semantic otherwise. "
                "Not mapped by design: 2022 clause 6.3 and the 11 controls new in 2022 have no 2013 counterpart."
            ),
        },
        "licence": (
            "Which-requirement-maps-to-which facts and relationship types taken from the CISO Assistant library "
            "(intuitem, AGPL-3.0) and ISO/IEC 27002:2022 Annex B; notes, strengths and confidences are the Crosswalk "
            "project's own. No ISO or intuitem text is reproduced."
        ),
        "description": (
            "Carries a 2013 Statement of Applicability and ISMS over to the 2022 edition: each 2013 clause "
            "requirement and Annex A control with its 2022 counterpart(s), typed as precisely as the two editions "
            "allow."
        ),
        "mappings": mappings,
    }
    out = MAPPINGS / f"{PACK_ID}.json"
    out.write_text(json.dumps(pack, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    src_assess = {r for r, c in src.items() if c.get("assessable")}
    tgt_assess = {r for r, c in tgt.items() if c.get("assessable")}
    covered_src = src_assess & {m["source"] for m in mappings}
    covered_tgt = tgt_assess & {m["target"] for m in mappings}
    print(f"{out.name}: {len(mappings)} edges {dict(mix)}; sources {len(covered_src)}/{len(src_assess)} assessable, "
          f"targets {len(covered_tgt)}/{len(tgt_assess)} assessable")
    print("unmapped 2013:", sorted(src_assess - covered_src, key=sort_key))
    print("unmapped 2022:", sorted(tgt_assess - covered_tgt, key=sort_key))


if __name__ == "__main__":
    main()
