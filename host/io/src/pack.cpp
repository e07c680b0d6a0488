#include <crosswalk/io/hash.hpp>
#include <crosswalk/io/pack.hpp>

#include "embedded_schemas.hpp"

#include <boost/json.hpp>

#include <map>

namespace json = boost::json;

namespace cw {
namespace {

Provenance readProvenance(const json::object& o) {
    Provenance p;
    p.sourceDocument = stringOr(o, "source_document");
    p.method = parseMethod(stringOr(o, "method")).value_or(Method::Authored);
    p.author = stringOr(o, "author");
    p.date = stringOr(o, "date");
    p.url = stringOr(o, "url");
    p.notes = stringOr(o, "notes");
    if (const auto* from = o.if_contains("derived_from"); from && from->is_array()) {
        for (const auto& item : from->as_array()) p.derivedFrom.emplace_back(item.as_string());
    }
    return p;
}

Mapping readMapping(const json::object& o, const Provenance& packProvenance) {
    Mapping m;
    m.source = stringOr(o, "source");
    m.target = stringOr(o, "target");
    m.relationship = parseRelationship(stringOr(o, "relationship")).value_or(Relationship::IntersectsWith);
    if (o.contains("rationale")) m.rationale = parseRationale(stringOr(o, "rationale"));
    if (const auto* v = o.if_contains("strength")) m.strength = static_cast<int>(v->to_number<std::int64_t>());
    if (const auto* v = o.if_contains("confidence")) m.confidence = v->to_number<double>();
    if (const auto* v = o.if_contains("coverage")) m.coverage = v->to_number<double>();
    if (const auto* v = o.if_contains("qualifiers")) {
        for (const auto& q : v->as_array()) m.qualifiers.emplace_back(q.as_string());
    }
    m.note = stringOr(o, "note");
    if (const auto* v = o.if_contains("provenance")) {
        // An edge's provenance overrides only the fields it gives.
        const json::object& e = v->as_object();
        Provenance p = packProvenance;
        if (e.contains("source_document")) p.sourceDocument = stringOr(e, "source_document");
        if (e.contains("method")) p.method = parseMethod(stringOr(e, "method")).value_or(p.method);
        if (e.contains("author")) p.author = stringOr(e, "author");
        if (e.contains("date")) p.date = stringOr(e, "date");
        m.provenance = p;
    }
    return m;
}

PackReading readPackValue(const json::value& root, const std::string& at) {
    PackReading reading;
    for (auto& p : packSchema().validate(root)) {
        p.pointer = at + p.pointer;
        reading.problems.push_back(std::move(p));
    }
    if (!reading.problems.empty()) return reading;

    const json::object& o = root.as_object();
    Pack pack;
    pack.id = stringOr(o, "id");
    pack.version = stringOr(o, "version");
    pack.title = stringOr(o, "title");
    pack.sourceFramework = stringOr(o, "source_framework");
    pack.targetFramework = stringOr(o, "target_framework");
    pack.provenance = readProvenance(o.at("provenance").as_object());
    pack.sourceVersion = stringOr(o, "source_version");
    pack.targetVersion = stringOr(o, "target_version");
    pack.licence = stringOr(o, "licence");
    pack.description = stringOr(o, "description");

    if (!isCalendarDate(pack.provenance.date)) {
        reading.problems.push_back({at + "/provenance/date", "'" + pack.provenance.date + "' is not a calendar date"});
    }
    std::map<std::pair<std::string, std::string>, std::size_t> seen;
    const auto& mappings = o.at("mappings").as_array();
    const bool sameFramework = pack.sourceFramework == pack.targetFramework;
    for (std::size_t i = 0; i < mappings.size(); ++i) {
        Mapping m = readMapping(mappings[i].as_object(), pack.provenance);
        const std::string where = appendPointer(appendPointer(at, "mappings"), i);
        if (m.provenance && mappings[i].as_object().at("provenance").as_object().contains("date") &&
            !isCalendarDate(m.provenance->date)) {
            reading.problems.push_back({appendPointer(appendPointer(where, "provenance"), "date"),
                                        "'" + m.provenance->date + "' is not a calendar date"});
        }
        if (sameFramework && m.source == m.target) {
            reading.problems.push_back({appendPointer(where, "target"), "'" + m.source + "' is mapped to itself"});
        }
        if (const auto [it, inserted] = seen.emplace(std::pair{m.source, m.target}, i); !inserted) {
            reading.problems.push_back({where, "duplicate edge " + m.source + " -> " + m.target + " (first at " +
                                                   appendPointer(appendPointer(at, "mappings"), it->second) + ")"});
        }
        pack.mappings.push_back(std::move(m));
    }
    if (reading.problems.empty()) {
        reading.pack = std::move(pack);
        reading.contentSha256 = sha256Hex(json::serialize(root));
    }
    return reading;
}

}  // namespace

const JsonSchema& packSchema() {
    static const JsonSchema schema = [] {
        auto compiled = JsonSchema::compile(embedded::kPackSchema, "pack.schema.json");
        if (!compiled) throw ErrorException(compiled.error());
        return std::move(*compiled);
    }();
    return schema;
}

PackReading readPack(std::string_view text) {
    auto parsed = parseJson(text, "pack");
    if (!parsed) {
        PackReading reading;
        reading.problems.push_back({"", parsed.error().message.substr(sizeof("pack: ") - 1)});
        return reading;
    }
    return readPackValue(*parsed, "");
}

std::vector<PackReading> readPackBundle(std::string_view text, std::vector<Problem>& bundleProblems) {
    std::vector<PackReading> out;
    auto parsed = parseJson(text, "packs");
    if (!parsed) {
        bundleProblems.push_back({"", parsed.error().message.substr(sizeof("packs: ") - 1)});
        return out;
    }
    const auto* packs = parsed->is_object() ? parsed->as_object().if_contains("packs") : nullptr;
    if (packs == nullptr || !packs->is_array()) {
        bundleProblems.push_back({"", "expected an object with a \"packs\" array"});
        return out;
    }
    for (std::size_t i = 0; i < packs->as_array().size(); ++i) {
        out.push_back(readPackValue(packs->as_array()[i], appendPointer("/packs", i)));
    }
    return out;
}

}  // namespace cw
