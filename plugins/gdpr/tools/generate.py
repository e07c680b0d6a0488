#!/usr/bin/env python3
"""Generate the GDPR plugin catalog (catalog.json) and reference-keys.csv.

Reads the English text and structure of Regulation (EU) 2016/679 from the CISO
Assistant library file gdpr.yaml (facts and public EU legislative text only:
intuitem's annotations, translations and recitals are not used), plus two
hand-written data files kept next to this script:

  decisions.csv  who each provision obliges (attribute `binds`) and whether an
                 organization is assessed against it
  titles.csv     our own short titles for paragraphs, subparagraphs and points

Usage: generate.py [--reference PATH_TO_gdpr.yaml] [--out PLUGIN_DIR]
catalog.json is the committed source of truth; rerun this only to regenerate it.
"""

import argparse
import csv
import json
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_REFERENCE = Path("/work/shared/reference/ciso-assistant/catalogs/gdpr.yaml")
MAX_DESCRIPTION = 400

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11}

# Known defects of the source file, corrected here (reported in README.md).
PARENT_FIXES = {
    "article-39": "Chapter.4.Section.4",  # the yaml hangs Art.39 directly under Chapter IV
}
TEXT_FIXES = {
    "47.2.n": ("he appropriate", "the appropriate"),  # first letter lost in the yaml
}
# Unnamed subparagraphs folded into a node we keep instead of becoming nodes of their own:
# the indents of Art.53(1) and the closing formula of the Regulation.
FOLD_INTO = {"node743": "Art.53(1)", "node744": "Art.53(1)", "node745": "Art.53(1)",
             "node746": "Art.53(1)", "node1093": "Art.99"}


def trim(text, limit=MAX_DESCRIPTION):
    """Cuts text to at most `limit` characters at a sentence or clause boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 2]
    sentence = max(head.rfind(". "), head.rfind(".) "))
    if sentence >= limit // 2:
        return head[: sentence + 1] + " …"
    clause = max(head.rfind("; "), head.rfind(": "), head.rfind(", "))
    if clause >= limit // 3:
        return head[:clause].rstrip() + " …"
    return head[: head.rfind(" ")].rstrip(",;:") + " …"


def load_decisions(path):
    decisions = {}
    with open(path, newline="", encoding="utf-8") as f:
        rows = [line for line in f if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(rows):
        key = (row["ref"], row["scope"])
        if row["scope"] not in ("tree", "node", "below"):
            sys.exit(f"decisions.csv: bad scope {row['scope']!r} for {row['ref']}")
        if key in decisions:
            sys.exit(f"decisions.csv: duplicate entry {key}")
        decisions[key] = (row["binds"], row["assessable"] == "yes")
    return decisions


def load_titles(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = [line for line in f if line.strip() and not line.startswith("#")]
    return {row["ref"]: row["title"] for row in csv.DictReader(rows)}


class Builder:
    def __init__(self, reference):
        data = yaml.safe_load(open(reference, encoding="utf-8"))
        self.nodes = data["objects"]["framework"]["requirement_nodes"]
        self.controls = []  # our nodes in document order
        self.by_ref = {}
        self.urn_to_ref = {}  # reference URN -> our ref
        self.texts = {}  # ref -> list of text parts (several when subparagraphs are folded)
        self.quirks = []

    def add(self, urn, ref, parent, kind, title=None, text=None, **extra):
        if ref in self.by_ref:
            sys.exit(f"duplicate ref {ref} (from {urn})")
        node = {"ref": ref, "parent": parent, "kind": kind, "title": title, **extra}
        self.controls.append(node)
        self.by_ref[ref] = node
        self.texts[ref] = [text] if text else []
        self.urn_to_ref[urn] = ref
        return node

    def build(self):
        ours = {}  # yaml URN -> our ref, for parent lookups
        last_paragraph = {}  # article ref -> last numbered paragraph ref seen
        subparagraphs = {}  # paragraph ref -> count of subparagraphs so far
        for n in self.nodes:
            urn = n["urn"]
            key = urn.rsplit(":", 1)[1]
            ref_id = (n.get("ref_id") or "").strip()
            text = " ".join((n.get("description") or "").split())
            parent_urn = n.get("parent_urn")
            parent_key = parent_urn.rsplit(":", 1)[1] if parent_urn else None
            if key == "preambule" or key.startswith("recital-") or parent_key == "preambule":
                continue  # recitals are not requirements
            if key in TEXT_FIXES:
                text = text.replace(*TEXT_FIXES[key])
                self.quirks.append(f"{key}: text fixed ({TEXT_FIXES[key][0]!r})")
            parent = ours.get(parent_urn)

            if ref_id.startswith("CHAPTER "):
                number = ROMAN[ref_id.split()[1]]
                ref = f"Chapter.{number}"
                self.add(urn, ref, None, "chapter", text, attributes={"chapter": number})
            elif n.get("name", "").startswith("Section "):
                chapter = self.by_ref[parent]["attributes"]["chapter"]
                number = int(n["name"].split()[1])
                ref = f"{parent}.Section.{number}"
                self.add(urn, ref, parent, "section", text, attributes={"chapter": chapter, "section": number})
            elif ref_id.startswith("Article "):
                number = int(ref_id.split()[1])
                ref = f"Art.{number}"
                if key in PARENT_FIXES:
                    self.quirks.append(f"{key}: parent {parent} -> {PARENT_FIXES[key]}")
                    parent = PARENT_FIXES[key]
                attrs = {"chapter": self.by_ref[parent]["attributes"]["chapter"]}
                if "section" in self.by_ref[parent]["attributes"]:
                    attrs["section"] = self.by_ref[parent]["attributes"]["section"]
                self.add(urn, ref, parent, "article", text, attributes=attrs)
            elif ref_id:
                parts = ref_id.split(".")
                article = self.article_of(parent)
                if int(parts[0]) != int(article[4:]):
                    # Art.72(2)/Art.73(2) are swapped in the yaml; the text sits under the right article.
                    self.quirks.append(f"{key}: ref_id {ref_id} sits under {article}; numbered by its article")
                if parts[1].isdigit():
                    ref = f"{article}({parts[1]})"
                    kind = "definition" if article == "Art.4" else "paragraph"
                    if len(parts) == 3:
                        ref += f"({parts[2]})"
                        kind = "point"
                    if kind == "paragraph" and self.by_ref[parent]["kind"] != "article":
                        self.quirks.append(f"{key}: parent {parent} -> {article}")  # Art.6(4) sits under 6(3)
                        parent = article
                    if kind == "definition":
                        parent = article
                    if kind == "paragraph":
                        last_paragraph[article] = ref
                else:  # points of an article without numbered paragraphs (Art.50)
                    ref = f"{article}({parts[1]})"
                    kind = "point"
                    parent = article
                self.add(urn, ref, parent, kind, text=text)
            else:
                # Unnamed node: a lead-in or subparagraph without a number of its own.
                if key in FOLD_INTO:
                    target = FOLD_INTO[key]
                elif self.by_ref[parent]["kind"] == "paragraph":
                    target = self.subparagraph(urn, parent, subparagraphs, text)
                elif parent in last_paragraph:
                    target = self.subparagraph(urn, last_paragraph[parent], subparagraphs, text)
                else:
                    target = parent  # single-paragraph article, or a lead-in (Art.4, Art.50)
                if urn not in self.urn_to_ref:  # not already a subparagraph node of its own
                    self.texts[target].append(text)
                    self.urn_to_ref[urn] = target
                ours[urn] = target
                continue
            ours[urn] = ref

    def article_of(self, ref):
        while self.by_ref[ref]["kind"] != "article":
            ref = self.by_ref[ref]["parent"]
        return ref

    def subparagraph(self, urn, paragraph, counters, text):
        counters[paragraph] = counters.get(paragraph, 1) + 1
        ref = f"{paragraph}-sub{counters[paragraph]}"
        self.add(urn, ref, paragraph, "subparagraph", text=text)
        return ref

    def ancestors(self, ref):
        out = []
        node = self.by_ref[ref]
        while node.get("parent"):
            out.append(node["parent"])
            node = self.by_ref[node["parent"]]
        return out

    def decide(self, decisions):
        """Applies decisions.csv: nearest entry wins (node, then below/tree of ancestors)."""
        used = set()
        for node in self.controls:
            if node["kind"] in ("chapter", "section"):
                continue
            ref = node["ref"]
            found = None
            for scope in ("node", "tree"):
                if (ref, scope) in decisions:
                    found = (ref, scope)
                    break
            if found is None:
                for anc in self.ancestors(ref):
                    for scope in ("below", "tree"):
                        if (anc, scope) in decisions:
                            found = (anc, scope)
                            break
                    if found:
                        break
            if found is None:
                sys.exit(f"no decision covers {ref}")
            used.add(found)
            binds, assessable = decisions[found]
            node["_binds"], node["_assessable"] = binds, assessable
        unused = set(decisions) - used
        missing = [k for k in decisions if k[0] not in self.by_ref]
        if missing:
            sys.exit(f"decisions.csv names unknown refs: {missing}")
        if unused:
            print(f"note: decisions.csv entries that decide nothing: {sorted(unused)}", file=sys.stderr)

    def finish(self, titles):
        org = {"controller", "processor", "both"}
        children = {}
        for node in self.controls:
            if node.get("parent"):
                children.setdefault(node["parent"], []).append(node["ref"])

        def descendants(ref):
            for child in children.get(ref, []):
                yield self.by_ref[child]
                yield from descendants(child)

        out = []
        for node in self.controls:
            ref, kind = node["ref"], node["kind"]
            text = " ".join(self.texts[ref])
            attrs = dict(node.get("attributes", {}))
            control = {"ref": ref}
            if node.get("parent"):
                control["parent"] = node["parent"]
            if kind in ("chapter", "section", "article"):
                title = node["title"]
            else:
                title = titles.get(ref) or self.auto_title(node, text)
            control["title"] = title
            if text:
                control["description"] = trim(text)
            control["kind"] = kind
            if kind not in ("chapter", "section"):
                binds, assessable = node["_binds"], node["_assessable"]
                if kind == "article" and ref in children:
                    assessable = False  # assessed through its paragraphs
                    found = {d["_binds"] for d in descendants(ref) if d["_assessable"]}
                    if found:
                        binds = "both" if ("both" in found or found >= {"controller", "processor"}) else found.pop()
                if assessable and binds not in org:
                    sys.exit(f"{ref}: assessable but binds {binds}")
                if assessable:
                    control["assessable"] = True
                attrs["binds"] = binds
                article = int(self.article_of(ref)[4:])
                # Art.12-22 are the data subject's rights (Chapter III, Sections 1-4; cf. Art.83(5)(b)).
                attrs["data_subject_right"] = 12 <= article <= 22
            control["attributes"] = attrs
            out.append(control)
        return out

    def auto_title(self, node, text):
        """Title for nodes without a hand-written one: short point texts speak for themselves."""
        ref, kind = node["ref"], node["kind"]
        article = self.by_ref[self.article_of(ref)]
        if kind == "definition" or (kind == "point" and article["ref"] == "Art.4"):
            term = re.match(r"^[‘'](.+?)[’']", text)
            if term:
                return f"Definition of ‘{term.group(1)}’"
        if kind == "point":
            short = re.sub(r"(;|\.|,)?( (and|or))?$", "", text.strip()).strip()
            short = re.sub(r"[;,.]$", "", short)
            if 0 < len(short) <= 90:
                return short[0].upper() + short[1:]
        cite = ref[len(article["ref"]):]
        name = article["title"]
        if len(name) > 60:  # long article titles make unreadable node titles
            name = f"Article {article['ref'][4:]}"

        label = {"paragraph": "paragraph", "subparagraph": "paragraph", "point": "point", "definition": "point"}[kind]
        if kind == "subparagraph":
            para, sub = cite.split("-sub")
            ordinal = {"2": "second", "3": "third"}[sub]
            return f"{name}: paragraph {para.strip('()')}, {ordinal} subparagraph"
        if kind == "point":
            return f"{name}: point {cite}"
        return f"{name}: {label} {cite.strip('()')}"


def dump(catalog):
    """Pretty-prints the catalog with one control per line, so diffs stay readable."""
    framework = dict(catalog["frameworks"][0])
    controls = framework.pop("controls")
    head = json.dumps(framework, ensure_ascii=False, indent=2)[:-2]  # drop the closing brace
    lines = ",\n".join("        " + json.dumps(c, ensure_ascii=False) for c in controls)
    head = "\n".join("    " + line for line in head.splitlines())
    return (f'{{\n  "format": "{catalog["format"]}",\n  "frameworks": [\n{head},\n'
            f'      "controls": [\n{lines}\n      ]\n    }}\n  ]\n}}\n')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--out", type=Path, default=HERE.parent)
    args = parser.parse_args()

    builder = Builder(args.reference)
    builder.build()
    builder.decide(load_decisions(HERE / "decisions.csv"))
    titles = load_titles(HERE / "titles.csv")
    unknown = sorted(set(titles) - set(builder.by_ref))
    if unknown:
        sys.exit(f"titles.csv names unknown refs: {unknown}")
    controls = builder.finish(titles)

    catalog = {
        "format": "crosswalk-catalog/1",
        "frameworks": [{
            "id": "gdpr",
            "name": "General Data Protection Regulation (EU) 2016/679",
            "version": "2016/679",
            "publisher": "European Parliament and Council of the European Union",
            "kind": "regulation",
            "published": "2016-04-27",
            "source": "Regulation (EU) 2016/679 of the European Parliament and of the Council of 27 April 2016 "
                      "(OJ L 119, 4.5.2016, p. 1; CELEX 32016R0679), English text. Structure and text taken from "
                      "the CISO Assistant library gdpr.yaml (intuitem/ciso-assistant-community "
                      "f990d7b1b9a9f56e391acbc247c9076262a11412); recitals, translations and annotations not used.",
            "licence": "EU legislative text, © European Union, https://eur-lex.europa.eu; reuse authorised with "
                       "acknowledgement of the source (EUR-Lex reuse policy, Commission Decision 2011/833/EU). "
                       "Descriptions quote the official English text, trimmed. Paragraph titles and the binds, "
                       "assessable and data_subject_right judgements are the Crosswalk project's own.",
            "url": "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
            "description": "The 11 chapters, 15 sections and 99 articles of the GDPR with their paragraphs, "
                           "subparagraphs and points (recitals omitted). Assessable nodes are the paragraphs and "
                           "points that oblige a controller or a processor; attribute binds says which.",
            "controls": controls,
        }],
    }
    out = args.out
    with open(out / "catalog.json", "w", encoding="utf-8") as f:
        f.write(dump(catalog))
    with open(out / "reference-keys.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["reference_urn", "ref"])
        for urn, ref in builder.urn_to_ref.items():
            writer.writerow([urn, ref])
    for quirk in builder.quirks:
        print(f"source quirk: {quirk}", file=sys.stderr)
    kinds = {}
    for c in controls:
        kinds[c["kind"]] = kinds.get(c["kind"], 0) + 1
    print(f"{len(controls)} nodes {kinds}, assessable {sum(1 for c in controls if c.get('assessable'))}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
