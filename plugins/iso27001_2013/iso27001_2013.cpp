// ISO/IEC 27001:2013 plugin: the superseded edition's clause 4-10 requirements
// and its 114 Annex A controls (catalog.json, embedded by crosswalk_add_plugin),
// kept so organizations can carry a 2013 Statement of Applicability over to
// ISO/IEC 27001:2022 through the iso27001-2013-to-iso27001-2022 pack.
//
// Scoping (sdk/schema/rules.schema.json, scopeInput/scopeOutput)
//   in:  {"framework": "iso27001-2013",
//         "answers": {"exclusions": {"A.11.1.6": "no delivery or loading area", ...}}}
//   answers.exclusions (required, {} when nothing is excluded): Annex A control
//   ref -> justification (non-empty string). Clause refs (4 ... 10.2) cannot be
//   excluded; unknown refs, domains and objectives (A.11, A.11.1), clause refs
//   and empty reasons are rejected.
//   out: every Annex A control with applies false (the given reason) or true;
//   clauses 4-10 always apply and are stated in a note, not listed.
//
// Readiness (readinessInput/readinessOutput)
//   in:  {"framework": "iso27001-2013",
//         "controls": [{"ref", "status"?, "reason"?}]}   Annex A and clause refs
//   checks:
//     iso27001-2013.superseded                       info   always, once: the 2013 edition is
//                                                           withdrawn and its certificates expired
//                                                           on 2025-10-31; use the transition pack
//     iso27001-2013.exclusion-without-justification  major  Annex A control not-applicable without
//                                                           a non-blank reason
//   An unknown status or a non-string ref is an error; refs not in the catalog
//   are ignored.
#include <crosswalk/plugin.hpp>

#include <boost/json.hpp>

#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace json = boost::json;

namespace {

constexpr std::string_view kFramework = "iso27001-2013";
constexpr std::string_view kAnnexRange = "A.5.1.1 to A.18.2.3, e.g. A.9.2.3";
constexpr std::string_view kTransitionPack = "iso27001-2013-to-iso27001-2022";
constexpr std::array<std::string_view, 5> kStatuses = {"not-started", "planned", "partial", "implemented",
                                                       "not-applicable"};

struct Node {
    std::string ref;
    std::string title;
};

// What the rules need from the catalog, read from the embedded catalog.json so
// that refs and titles have a single source.
struct Index {
    std::unordered_set<std::string> clauseRefs;  // clauses 4-10 and everything below them
    std::vector<Node> annexControls;             // the 114 Annex A controls, catalog order
    std::unordered_map<std::string, std::size_t> annexByRef;
    std::unordered_set<std::string> annexGroups;  // A, domains and control objectives
};

bool isAnnexRef(std::string_view ref) {
    return ref == "A" || ref.starts_with("A.");
}

Index loadIndex() {
    const std::string_view text(reinterpret_cast<const char*>(cw_embedded_catalog), cw_embedded_catalog_size);
    const json::value root = json::parse(text);
    for (const auto& framework : root.at("frameworks").as_array()) {
        if (framework.at("id").as_string() != kFramework) continue;
        Index index;
        for (const auto& item : framework.at("controls").as_array()) {
            const json::object& control = item.as_object();
            Node node{std::string(control.at("ref").as_string()), std::string(control.at("title").as_string())};
            if (!isAnnexRef(node.ref)) {
                index.clauseRefs.insert(std::move(node.ref));
                continue;
            }
            const json::value* assessable = control.if_contains("assessable");
            if (assessable != nullptr && assessable->is_bool() && assessable->get_bool()) {
                index.annexByRef.emplace(node.ref, index.annexControls.size());
                index.annexControls.push_back(std::move(node));
            } else {
                index.annexGroups.insert(std::move(node.ref));
            }
        }
        return index;
    }
    throw std::logic_error("the embedded catalog has no framework iso27001-2013");
}

const Index& catalogIndex() {
    static const Index index = loadIndex();
    return index;
}

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

const json::object& parseObject(std::string_view input, json::value& storage) {
    storage = json::parse(input);  // throws on bad JSON: reported to the host
    if (!storage.is_object()) throw std::invalid_argument("input must be a JSON object");
    const json::object& root = storage.as_object();
    const json::value* framework = root.if_contains("framework");
    if (framework == nullptr || !framework->is_string() || framework->get_string() != kFramework) {
        throw std::invalid_argument("framework must be \"iso27001-2013\"");
    }
    return root;
}

// Scoping: only Annex A controls can be excluded, each with a justification.
std::string scope(const cw::sdk::Context& ctx, std::string_view input) {
    json::value storage;
    const json::object& root = parseObject(input, storage);
    const json::value* answers = root.if_contains("answers");
    if (answers == nullptr || !answers->is_object()) {
        throw std::invalid_argument("answers must be an object such as {\"exclusions\": {}}");
    }
    const json::value* exclusions = answers->as_object().if_contains("exclusions");
    if (exclusions == nullptr || !exclusions->is_object()) {
        throw std::invalid_argument("answers.exclusions is required: an object mapping Annex A control refs (" +
                                    std::string(kAnnexRange) +
                                    ") to a non-empty justification; use {} when no control is excluded");
    }

    const Index& index = catalogIndex();
    std::unordered_map<std::string, std::string> reasons;
    for (const auto& [key, value] : exclusions->as_object()) {
        const std::string ref(key);
        if (index.clauseRefs.contains(ref)) {
            throw std::invalid_argument("answers.exclusions: " + ref +
                                        " belongs to clauses 4 to 10, which always apply and cannot be excluded; "
                                        "only Annex A controls (" +
                                        std::string(kAnnexRange) + ") can be");
        }
        if (index.annexGroups.contains(ref)) {
            throw std::invalid_argument("answers.exclusions: " + ref +
                                        " is an Annex A domain or control objective; exclude its controls one by "
                                        "one (" +
                                        std::string(kAnnexRange) + ")");
        }
        if (!index.annexByRef.contains(ref)) {
            throw std::invalid_argument("answers.exclusions: \"" + ref + "\" is not an Annex A control; use " +
                                        std::string(kAnnexRange));
        }
        std::string reason = value.is_string() ? trim(value.get_string()) : std::string();
        if (reason.empty()) {
            throw std::invalid_argument("answers.exclusions." + ref +
                                        ": the justification must be a non-empty string (the Statement of "
                                        "Applicability needs a reason for every excluded control)");
        }
        reasons.emplace(ref, std::move(reason));
    }

    json::array requirements;
    for (const Node& control : index.annexControls) {
        const auto excluded = reasons.find(control.ref);
        if (excluded != reasons.end()) {
            requirements.push_back({{"ref", control.ref}, {"applies", false}, {"reason", excluded->second}});
        } else {
            requirements.push_back(
                {{"ref", control.ref},
                 {"applies", true},
                 {"reason", "not excluded: applicable and listed in the Statement of Applicability"}});
        }
    }
    ctx.log(cw::sdk::Level::Debug, "iso27001_2013: " + std::to_string(reasons.size()) + " Annex A controls excluded");
    return json::serialize(json::object{
        {"framework", kFramework},
        {"requirements", std::move(requirements)},
        {"notes",
         json::array{
             "Clauses 4 to 10 (26 requirements, 4.1 to 10.2) always apply and are not listed: ISO/IEC 27001 does "
             "not allow excluding them.",
             "Every Annex A control is listed; record each applicability decision and its justification in the "
             "Statement of Applicability (6.1.3 d).",
             std::to_string(reasons.size()) + " of " + std::to_string(index.annexControls.size()) +
                 " Annex A controls excluded.",
             "ISO/IEC 27001:2013 is superseded by ISO/IEC 27001:2022; map these decisions with the " +
                 std::string(kTransitionPack) + " pack.",
         }},
    });
}

struct Entry {
    std::string status;  // empty when absent: no decision recorded
    std::string reason;
};

std::unordered_map<std::string, Entry> readControls(const json::object& root) {
    const json::value* controls = root.if_contains("controls");
    if (controls == nullptr || !controls->is_array()) throw std::invalid_argument("controls must be an array");
    std::unordered_map<std::string, Entry> entries;
    std::size_t position = 0;
    for (const auto& item : controls->as_array()) {
        const std::string where = "controls[" + std::to_string(position++) + "]";
        if (!item.is_object()) throw std::invalid_argument(where + " must be an object");
        const json::object& control = item.as_object();
        const json::value* ref = control.if_contains("ref");
        if (ref == nullptr || !ref->is_string()) throw std::invalid_argument(where + ".ref must be a string");

        Entry entry;
        const json::value* status = control.if_contains("status");
        if (status != nullptr && !status->is_null()) {
            bool known = false;
            if (status->is_string()) {
                for (const auto s : kStatuses) known = known || status->get_string() == s;
            }
            if (!known) {
                throw std::invalid_argument(where +
                                            ".status must be one of not-started, planned, partial, implemented, "
                                            "not-applicable");
            }
            entry.status = std::string(status->get_string());
        }
        if (const json::value* reason = control.if_contains("reason"); reason != nullptr && reason->is_string()) {
            entry.reason = trim(reason->get_string());
        }
        entries.insert_or_assign(std::string(ref->get_string()), std::move(entry));
    }
    return entries;
}

std::string readiness(const cw::sdk::Context& ctx, std::string_view input) {
    json::value storage;
    const json::object& root = parseObject(input, storage);
    const std::unordered_map<std::string, Entry> entries = readControls(root);
    const Index& index = catalogIndex();

    json::array findings;
    // Certification bodies stopped issuing 2013 certificates in April 2024 and
    // the last ones lapsed at the end of the three-year transition (IAF MD 26).
    findings.push_back({
        {"check", std::string(kFramework) + ".superseded"},
        {"severity", "info"},
        {"message",
         "ISO/IEC 27001:2013 has been replaced by ISO/IEC 27001:2022; certificates to the 2013 edition expired on "
         "31 October 2025, so certification is only possible against the 2022 edition. Carry this assessment "
         "over with the " +
             std::string(kTransitionPack) +
             " mapping pack and cover the eleven controls new in 2022 and the clause changes (4.2, 4.4, 6.2, 6.3, "
             "8.1, 9.3)."},
    });
    for (const Node& control : index.annexControls) {
        const auto found = entries.find(control.ref);
        if (found == entries.end()) continue;
        const Entry& entry = found->second;
        if (entry.status == "not-applicable" && entry.reason.empty()) {
            findings.push_back({
                {"check", std::string(kFramework) + ".exclusion-without-justification"},
                {"severity", "major"},
                {"ref", control.ref},
                {"message", control.ref + " " + control.title +
                                " is excluded without a justification; the Statement of Applicability needs one "
                                "for every excluded control"},
            });
        }
    }
    ctx.log(cw::sdk::Level::Debug, "iso27001_2013: " + std::to_string(findings.size()) + " readiness findings");
    return json::serialize(json::object{{"findings", std::move(findings)}});
}

}  // namespace

CW_PLUGIN(cw::sdk::PluginInfo{
    .id = "iso27001-2013",
    .name = "ISO/IEC 27001:2013",
    .version = "1.0.0",
    .publisher = "Crosswalk project",
    .licence =
        "Clause and control numbers, titles and structure of ISO/IEC 27001:2013 (c) ISO/IEC, taken as facts via the "
        "CISO Assistant library (intuitem, AGPL-3.0) without copying its text; descriptions written by the Crosswalk "
        "project. No ISO text is reproduced.",
    .scope = &scope,
    .readiness = &readiness,
})
