#!/usr/bin/env python3
"""Derive, review-merge and write the HIPAA -> ISO/IEC 27001:2022 pack.

Derivation: compose two official NIST crosswalks, both packaged by CISO Assistant
(commit f990d7b1):
  * NIST SP 800-66r2 (HIPAA Security Rule) -> SP 800-53r5   (NIST CPRT)
  * NIST SP 800-53r5 -> ISO/IEC 27001:2022                  (NIST OLIR, reference 155)
re-keyed to our refs through plugins/{hipaa,nist_sp800_53,iso27001}/reference-keys.csv.
Every candidate (HIPAA ref, ISO ref) pair carries the set of 800-53 controls that
support it ("pivots"); the pivot count is the evidence strength of the derivation.

Review: mappings/tools/hipaa_iso_review.csv holds one row per decision
  source,target,relationship,rationale,strength,confidence,note,decision
with decision
  keep  - a derived candidate, accepted and typed by the reviewer
  drop  - a derived candidate rejected by the reviewer (note says why)
  add   - an edge the reviewer authored that the derivation did not produce
Every derived candidate must have a row; the script refuses to write the pack
otherwise.  `--init-drops` appends a `drop` row (with a reason classified from the
pivots) for each candidate that has no row yet, so a reviewer can then revise it.

Usage:
  python3 mappings/tools/derive_hipaa_iso.py              # write mappings/hipaa-to-iso27001-2022.json
  python3 mappings/tools/derive_hipaa_iso.py --candidates # list candidates with pivots
  python3 mappings/tools/derive_hipaa_iso.py --init-drops # add drop rows for unreviewed candidates
Options: --reference DIR (default /work/shared/reference/ciso-assistant/mappings)
"""
import argparse
import collections
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
PLUGINS = os.path.join(ROOT, "plugins")
REVIEW_CSV = os.path.join(HERE, "hipaa_iso_review.csv")
OUT = os.path.join(ROOT, "mappings", "hipaa-to-iso27001-2022.json")
SCHEMA = os.path.join(ROOT, "sdk", "schema", "pack.schema.json")
DEFAULT_REF = "/work/shared/reference/ciso-assistant/mappings"
HIPAA_TO_53 = "mapping-nist-sp-800-66-rev2-to-nist-sp-800-53-rev5.yaml"
N53_TO_ISO = "mapping-nist-sp-800-53-rev5-to-iso27001-2022.yaml"
CISO_COMMIT = "f990d7b1"
DATE = "2026-11-28"
AUTHOR = "Crosswalk project"

FIELDS = ["source", "target", "relationship", "rationale", "strength", "confidence", "note", "decision"]
RELATIONSHIPS = {"equal", "subset-of", "superset-of", "intersects-with", "no-relationship"}
RATIONALES = {"syntactic", "semantic", "functional"}

SRC_DOC_HIPAA53 = ("NIST CPRT: SP 800-66r2 (HIPAA Security Rule) to SP 800-53 Rev. 5 crosswalk, via CISO Assistant "
                   "library mapping-nist-sp-800-66-rev2-to-nist-sp-800-53-rev5, commit " + CISO_COMMIT)
SRC_DOC_53ISO = ("NIST OLIR: SP 800-53 Rev. 5 to ISO/IEC 27001:2022 (reference 155), via CISO Assistant library "
                 "mapping-nist-sp-800-53-rev5-to-iso27001-2022, commit " + CISO_COMMIT)
AUTHORED_DOC = ("Crosswalk project review of 45 CFR 164 (Security, Breach Notification and Privacy Rules) "
                "against ISO/IEC 27001:2022")


def load_keys(plugin):
    with open(os.path.join(PLUGINS, plugin, "reference-keys.csv"), newline="") as f:
        return {r["reference_urn"]: r["ref"] for r in csv.DictReader(f)}


def load_catalog(plugin):
    with open(os.path.join(PLUGINS, plugin, "catalog.json")) as f:
        fw = json.load(f)["frameworks"][0]
    return fw, {c["ref"]: c for c in fw["controls"]}


def load_forward_set(path):
    import yaml  # PyYAML, only needed when deriving
    with open(path) as f:
        objs = yaml.safe_load(f)["objects"]
    sets = objs.get("requirement_mapping_sets") or [objs["requirement_mapping_set"]]
    return sets[0]["requirement_mappings"]  # the forward set comes first


def derive(refdir):
    hk, nk, ik = load_keys("hipaa"), load_keys("nist_sp800_53"), load_keys("iso27001")
    h2n = collections.defaultdict(set)
    for m in load_forward_set(os.path.join(refdir, HIPAA_TO_53)):
        if m["relationship"] == "not_related":
            continue
        h2n[hk[m["source_requirement_urn"]]].add(nk[m["target_requirement_urn"]])
    n2i = collections.defaultdict(set)
    for m in load_forward_set(os.path.join(refdir, N53_TO_ISO)):
        if m["relationship"] == "not_related":
            continue
        n2i[nk[m["source_requirement_urn"]]].add(ik[m["target_requirement_urn"]])
    cand = collections.defaultdict(set)  # (hipaa, iso) -> pivots
    for h, ns in h2n.items():
        for n in ns:
            for i in n2i.get(n, ()):
                cand[(h, i)].add(n)
    unpivoted = sorted({n for ns in h2n.values() for n in ns if n not in n2i})
    return cand, unpivoted


def pivot_key(p):
    m = re.match(r"([A-Z]+)-(\d+)(?:\((\d+)\))?", p)
    return (m.group(1), int(m.group(2)), int(m.group(3) or 0)) if m else (p, 0, 0)


def fmt_pivots(ps):
    return ", ".join(sorted(ps, key=pivot_key))


def classify_drop(hipaa, iso, pivots):
    """Default reason for a rejected candidate, from the pivots that produced it."""
    policy = [p for p in pivots if re.fullmatch(r"[A-Z]{2}-1", p)]
    generic = [p for p in pivots if p in ("PL-2", "PM-1", "PM-2", "PM-9", "SA-8", "CA-6", "CA-2")]
    iso_doc = iso in ("5.2", "5.3", "7.5.1", "7.5.2", "7.5.3", "A.5.1", "A.5.2", "A.5.4", "A.5.31", "A.5.36", "A.5.37")
    ps = fmt_pivots(pivots)
    if len(policy) == len(pivots):
        return ("Dropped: the only link is the generic policy-and-procedures control " + ps +
                ", which NIST maps to every ISO policy, role and documentation node; it says nothing about this HIPAA requirement.")
    if len(policy) + len(generic) == len(pivots):
        return ("Dropped: linked only through generic planning, programme or authorization controls (" + ps +
                ") that are not about what this HIPAA requirement asks.")
    if iso_doc:
        return ("Dropped: the link through " + ps + " concerns the policy, role or documentation layer, "
                "not the substance of this HIPAA requirement; the kept edges carry the relationship.")
    return ("Dropped: the link through " + ps + " rests on a part of the 800-53 control that this HIPAA requirement "
            "does not ask for; the relationship is carried by the kept edges.")


def read_review():
    if not os.path.exists(REVIEW_CSV):
        return []
    with open(REVIEW_CSV, newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        for k in FIELDS:
            r[k] = (r.get(k) or "").strip()
    return rows


def write_review(rows, hipaa_order, iso_order):
    def key(r):
        return (hipaa_order.get(r["source"], 10**6), {"keep": 0, "add": 0, "drop": 1}[r["decision"]],
                iso_order.get(r["target"], 10**6))
    rows = sorted(rows, key=key)
    with open(REVIEW_CSV, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: r[k] for k in FIELDS})


def check_pack(pack, hipaa, iso):
    errors = []
    seen = set()
    for m in pack["mappings"]:
        s, t = m["source"], m["target"]
        if s not in hipaa:
            errors.append("source ref not in hipaa catalog: " + s)
        if t not in iso:
            errors.append("target ref not in iso27001-2022 catalog: " + t)
        if (s, t) in seen:
            errors.append("duplicate edge %s -> %s" % (s, t))
        seen.add((s, t))
        if s == t:
            errors.append("self-map " + s)
    try:
        import jsonschema
        with open(SCHEMA) as f:
            jsonschema.Draft202012Validator(json.load(f)).validate(pack)
    except ImportError:
        print("warning: jsonschema not installed; schema not checked", file=sys.stderr)
    except Exception as e:  # jsonschema.ValidationError
        errors.append("schema: %s" % e)
    return errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reference", default=DEFAULT_REF)
    ap.add_argument("--candidates", action="store_true")
    ap.add_argument("--init-drops", action="store_true")
    args = ap.parse_args()

    hfw, hipaa = load_catalog("hipaa")
    ifw, iso = load_catalog("iso27001")
    hipaa_order = {r: i for i, r in enumerate(hipaa)}
    iso_order = {r: i for i, r in enumerate(iso)}
    cand, unpivoted = derive(args.reference)

    if args.candidates:
        for (h, i), ps in sorted(cand.items(), key=lambda kv: (hipaa_order[kv[0][0]], -len(kv[1]), iso_order[kv[0][1]])):
            print("%s\t%s\t%d\t%s" % (h, i, len(ps), fmt_pivots(ps)))
        return 0

    rows = read_review()
    problems = []
    by_pair = {}
    for r in rows:
        pair = (r["source"], r["target"])
        if pair in by_pair:
            problems.append("review CSV has two rows for %s -> %s" % pair)
        by_pair[pair] = r
        if r["decision"] not in ("keep", "drop", "add"):
            problems.append("bad decision %r for %s -> %s" % ((r["decision"],) + pair))
        elif r["decision"] == "keep" and pair not in cand:
            problems.append("'keep' row is not a derived candidate (use 'add'): %s -> %s" % pair)
        elif r["decision"] == "add" and pair in cand:
            problems.append("'add' row is a derived candidate (use 'keep'): %s -> %s" % pair)
        elif r["decision"] == "drop" and pair not in cand:
            problems.append("'drop' row is not a derived candidate: %s -> %s" % pair)
        if r["decision"] in ("keep", "add"):
            if r["relationship"] not in RELATIONSHIPS:
                problems.append("bad relationship for %s -> %s" % pair)
            if r["rationale"] not in RATIONALES:
                problems.append("bad rationale for %s -> %s" % pair)
            if not r["strength"].isdigit() or not 1 <= int(r["strength"]) <= 10:
                problems.append("bad strength for %s -> %s" % pair)
            try:
                if not 0 <= float(r["confidence"]) <= 1:
                    raise ValueError
            except ValueError:
                problems.append("bad confidence for %s -> %s" % pair)
            if not r["note"]:
                problems.append("missing note for %s -> %s" % pair)

    missing = [p for p in cand if p not in by_pair]
    if args.init_drops:
        for p in missing:
            rows.append({"source": p[0], "target": p[1], "relationship": "", "rationale": "", "strength": "",
                         "confidence": "", "note": classify_drop(p[0], p[1], cand[p]), "decision": "drop"})
        write_review(rows, hipaa_order, iso_order)
        print("added %d drop rows to %s" % (len(missing), REVIEW_CSV))
        return 0
    for p in missing:
        problems.append("candidate not reviewed: %s -> %s (%s)" % (p[0], p[1], fmt_pivots(cand[p])))
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1

    kept = [r for r in rows if r["decision"] in ("keep", "add")]
    kept.sort(key=lambda r: (hipaa_order[r["source"]], -int(r["strength"]), iso_order[r["target"]]))
    mappings = []
    for r in kept:
        m = {"source": r["source"], "target": r["target"], "relationship": r["relationship"],
             "rationale": r["rationale"], "strength": int(r["strength"]),
             "confidence": round(float(r["confidence"]), 2), "note": r["note"]}
        pair = (r["source"], r["target"])
        if r["decision"] == "keep":
            ps = cand[pair]
            m["note"] += " Derived via 800-53 %s (%d pivot%s)." % (fmt_pivots(ps), len(ps), "" if len(ps) == 1 else "s")
        else:
            m["provenance"] = {"source_document": AUTHORED_DOC, "method": "authored", "author": AUTHOR, "date": DATE}
        mappings.append(m)

    n_keep = sum(1 for r in rows if r["decision"] == "keep")
    n_drop = sum(1 for r in rows if r["decision"] == "drop")
    n_add = sum(1 for r in rows if r["decision"] == "add")
    sec_assessable = [r for r, c in hipaa.items() if c.get("assessable") and c["attributes"].get("rule") == "security"]
    covered = {m["source"] for m in mappings}
    uncovered_sec = [r for r in sec_assessable if r not in covered]
    notes = (
        "Derived by composing the official NIST SP 800-66r2 (HIPAA Security Rule) to SP 800-53r5 crosswalk with the "
        "official NIST OLIR SP 800-53r5 to ISO/IEC 27001:2022 mapping, re-keyed through the hipaa, nist_sp800_53 and "
        "iso27001 reference-keys.csv files (800-66r2 key activities fold into the implementation specification or "
        "standard they belong to). The composition gave %d candidate (HIPAA, ISO) pairs; the number of distinct 800-53 "
        "controls behind each pair was taken as evidence strength and is quoted in each derived edge's note. "
        "Reviewed edge by edge by the Crosswalk project: %d candidates kept and typed, %d dropped (mostly pulled in "
        "through generic -1 policy controls, PL-2 or other programme-level controls; each drop and its reason is "
        "recorded in mappings/tools/hipaa_iso_review.csv), and %d edges authored beyond the derivation (per-edge "
        "provenance method 'authored'): Security Rule nodes the NIST crosswalks leave without a usable ISO link "
        "(164.306(a), 164.306(e), 164.310(d)(1), 164.314(a)(1), 164.314(b), automatic logoff, person authentication "
        "to A.8.5, password management to A.5.17 and others), and the Breach Notification and Privacy Rule nodes, "
        "which the NIST crosswalk does not cover (mapped only where an ISO requirement clearly relates; "
        "authorization, permitted-disclosure, notice and individual-rights provisions are left unmapped on purpose). "
        "800-53 controls in the HIPAA crosswalk that the OLIR mapping does not carry (%s) yield no candidates. "
        "Relationships state what the HIPAA requirement is relative to the ISO one and assume the ISMS scope takes in "
        "every system, facility and process that creates, receives, maintains or transmits ePHI (or PHI for the "
        "Privacy Rule edges); where it does not, an ISO control does not cover HIPAA for the part left out. "
        "subset-of is used only where the ISO requirement by itself contains the HIPAA one; HIPAA-specific "
        "parameters (six-year retention, 60-day notice limits, event-triggered copies) keep edges at "
        "intersects-with. Generated by mappings/tools/derive_hipaa_iso.py."
        % (len(cand), n_keep, n_drop, n_add, fmt_pivots(unpivoted)))
    pack = {
        "format": "crosswalk-pack/1",
        "id": "hipaa-to-iso27001-2022",
        "version": "1.0.0",
        "title": "HIPAA Security, Breach Notification and Privacy Rules to ISO/IEC 27001:2022",
        "source_framework": hfw["id"],
        "target_framework": ifw["id"],
        "source_version": hfw.get("version", ""),
        "target_version": ifw.get("version", ""),
        "provenance": {
            "source_document": ("Composition of two official NIST crosswalks (" + SRC_DOC_HIPAA53 + "; " + SRC_DOC_53ISO +
                                "), reviewed edge by edge and extended by the Crosswalk project"),
            "method": "derived",
            "author": AUTHOR,
            "date": DATE,
            "derived_from": [SRC_DOC_HIPAA53, SRC_DOC_53ISO,
                             "pack hipaa-to-nist-sp800-53r5", "pack nist-sp800-53r5-to-iso27001-2022"],
            "notes": notes,
        },
        "licence": ("Mapping facts (which requirement relates to which) derived from NIST public-domain crosswalks; "
                    "relationship typing, notes and authored edges by the Crosswalk project. No ISO or CISO Assistant "
                    "text is reproduced."),
        "description": ("Typed mappings from HIPAA requirements (45 CFR 164 Subparts C, D and E) to ISO/IEC 27001:2022 "
                        "clause requirements and Annex A controls. Every assessable Security Rule node is mapped to "
                        "its closest ISO requirements; Breach Notification and Privacy Rule nodes are mapped where an "
                        "ISO requirement clearly relates."),
        "mappings": mappings,
    }
    errors = check_pack(pack, hipaa, iso)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    with open(OUT, "w") as f:
        json.dump(pack, f, indent=2, ensure_ascii=False)
        f.write("\n")

    rel = collections.Counter(m["relationship"] for m in mappings)
    iso_assessable = {r for r, c in iso.items() if c.get("assessable")}
    hipaa_assessable = {r for r, c in hipaa.items() if c.get("assessable")}
    print("wrote %s: %d edges (%d derived-kept, %d authored); %d candidates, %d dropped" %
          (os.path.relpath(OUT, ROOT), len(mappings), n_keep, n_add, len(cand), n_drop))
    print("relationships:", dict(rel))
    print("HIPAA assessable covered: %d/%d (Security Rule %d/%d)" %
          (len(covered & hipaa_assessable), len(hipaa_assessable), len(sec_assessable) - len(uncovered_sec),
           len(sec_assessable)))
    print("ISO assessable targeted: %d/%d" % (len({m['target'] for m in mappings} & iso_assessable), len(iso_assessable)))
    if uncovered_sec:
        print("Security Rule nodes without an edge:", ", ".join(uncovered_sec))
    per = collections.Counter(m["source"] for m in mappings if m["source"] in sec_assessable)
    over = {k: v for k, v in per.items() if v > 6}
    if over:
        print("Security Rule nodes with more than 6 edges:", over)
    return 0


if __name__ == "__main__":
    sys.exit(main())
