// ISO/IEC 27001:2022 plugin: the clause 4-10 requirements and the 93 Annex A
// controls (catalog.json, embedded by crosswalk_add_plugin), with a scoping
// rule and Stage 1 style readiness checks.
//
// Scoping (sdk/schema/rules.schema.json, scopeInput/scopeOutput)
//   in:  {"framework": "iso27001-2022",
//         "answers": {"exclusions": {"A.7.4": "single-tenant office, no ...", ...}}}
//   answers.exclusions (required, {} when nothing is excluded): Annex A control
//   ref -> justification (non-empty string). Clause refs (4 ... 10.2) cannot be
//   excluded; unknown refs, clause refs and empty reasons are rejected.
//   out: every Annex A control with applies false (the given reason) or true;
//   clauses 4-10 always apply and are stated in a note, not listed.
//
// Readiness (readinessInput/readinessOutput)
//   in:  {"framework": "iso27001-2022",
//         "controls": [{"ref", "status"?, "reason"?, "evidence"?}],   Annex A and clause refs
//         "documents": [{"clause": "6.1.3", "name": "Statement of Applicability"}]}   optional
//   checks:
//     iso27001-2022.annex-a-undecided               major    Annex A control absent or without status
//     iso27001-2022.exclusion-without-justification major    Annex A control not-applicable without reason
//     iso27001-2022.clause-excluded                 blocker  clause requirement marked not-applicable
//     iso27001-2022.missing-documented-information  major    only when "documents" is given: a mandatory
//                                                            item of a clause requirement has no document
//     iso27001-2022.implemented-without-evidence    minor    status implemented and evidence == 0
//   A document covers an item when its clause equals the item's clause and its
//   name contains the item's name (or an alias such as "SoA") as whole words,
//   case-insensitively; for a clause with a single item any document filed under
//   that clause counts.
#include <crosswalk/plugin.hpp>

#include <boost/json.hpp>

#include <array>
#include <cctype>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace json = boost::json;

namespace {

constexpr std::string_view kFramework = "iso27001-2022";
constexpr std::string_view kAnnexRange = "A.5.1-A.5.37, A.6.1-A.6.8, A.7.1-A.7.14 or A.8.1-A.8.34";
constexpr std::array<std::string_view, 5> kStatuses = {"not-started", "planned", "partial", "implemented",
                                                       "not-applicable"};

struct Alias {
    std::string_view item;
    std::string_view alias;
};
// Names organizations commonly give these documents instead of the standard's words.
constexpr std::array<Alias, 2> kAliases = {{
    {"statement of applicability", "soa"},
    {"audit programme", "audit program"},
}};

struct Node {
    std::string ref;
    std::string title;
    std::vector<std::string> documents;  // mandatory documented information, clause requirements only
};

// What the rules need from the catalog. Read from the embedded catalog.json so
// refs, titles and documented-information lists have a single source.
struct Index {
    std::vector<Node> clauseNodes;    // clauses 4-10 and everything below them, catalog order
    std::vector<Node> annexControls;  // the 93 Annex A controls, catalog order
    std::unordered_map<std::string, std::size_t> clauseByRef;
    std::unordered_map<std::string, std::size_t> annexByRef;
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
            Node node{std::string(control.at("ref").as_string()), std::string(control.at("title").as_string()), {}};
            if (isAnnexRef(node.ref)) {
                const json::value* assessable = control.if_contains("assessable");
                if (assessable != nullptr && assessable->is_bool() && assessable->get_bool()) {
                    index.annexByRef.emplace(node.ref, index.annexControls.size());
                    index.annexControls.push_back(std::move(node));
                }
                continue;
            }
            if (const json::value* attributes = control.if_contains("attributes")) {
                if (const json::value* items = attributes->as_object().if_contains("documented_information")) {
                    for (const auto& name : items->as_array()) node.documents.emplace_back(name.as_string());
                }
            }
            index.clauseByRef.emplace(node.ref, index.clauseNodes.size());
            index.clauseNodes.push_back(std::move(node));
        }
        return index;
    }
    throw std::logic_error("the embedded catalog has no framework iso27001-2022");
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

// Lower-case words separated by single spaces, with a space at both ends, so
// that a whole-word match is a plain substring search.
std::string words(std::string_view text) {
    std::string out = " ";
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0) {
            out += static_cast<char>(std::tolower(u));
        } else if (out.back() != ' ') {
            out += ' ';
        }
    }
    if (out.back() != ' ') out += ' ';
    return out;
}

const json::object& parseObject(std::string_view input, json::value& storage) {
    storage = json::parse(input);  // throws on bad JSON: reported to the host
    if (!storage.is_object()) throw std::invalid_argument("input must be a JSON object");
    const json::object& root = storage.as_object();
    const json::value* framework = root.if_contains("framework");
    if (framework == nullptr || !framework->is_string() || framework->get_string() != kFramework) {
        throw std::invalid_argument("framework must be \"iso27001-2022\"");
    }
    return root;
}

std::string describe(const Node& node) {
    return node.ref + " " + node.title;
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
        if (index.clauseByRef.contains(ref)) {
            throw std::invalid_argument("answers.exclusions: " + ref +
                                        " belongs to clauses 4 to 10, which always apply and cannot be excluded; "
                                        "only Annex A controls (" +
                                        std::string(kAnnexRange) + ") can be");
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
    ctx.log(cw::sdk::Level::Debug, "iso27001: " + std::to_string(reasons.size()) + " Annex A controls excluded");
    return json::serialize(json::object{
        {"framework", kFramework},
        {"requirements", std::move(requirements)},
        {"notes",
         json::array{
             "Clauses 4 to 10 (30 requirements, 4.1 to 10.2) always apply and are not listed: ISO/IEC 27001 does "
             "not allow excluding them.",
             "Every Annex A control is listed; record each applicability decision and its justification in the "
             "Statement of Applicability (6.1.3 d).",
             std::to_string(reasons.size()) + " of " + std::to_string(index.annexControls.size()) +
                 " Annex A controls excluded.",
         }},
    });
}

struct Entry {
    std::string status;  // empty when absent: no decision recorded
    std::string reason;
    bool noEvidence = false;  // evidence given and equal to 0
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
        const json::value* evidence = control.if_contains("evidence");
        if (evidence != nullptr && !evidence->is_null()) {
            const bool valid = evidence->is_uint64() || (evidence->is_int64() && evidence->get_int64() >= 0);
            if (!valid) throw std::invalid_argument(where + ".evidence must be a non-negative integer");
            entry.noEvidence = evidence->is_uint64() ? evidence->get_uint64() == 0 : evidence->get_int64() == 0;
        }
        entries.insert_or_assign(std::string(ref->get_string()), std::move(entry));
    }
    return entries;
}

// Clause ref -> the names (as words()) of the documents filed under it.
// Returns false when the optional "documents" input is absent.
bool readDocuments(const json::object& root, std::unordered_map<std::string, std::vector<std::string>>& byClause) {
    const json::value* documents = root.if_contains("documents");
    if (documents == nullptr || documents->is_null()) return false;
    if (!documents->is_array()) throw std::invalid_argument("documents must be an array of {\"clause\", \"name\"}");
    std::size_t position = 0;
    for (const auto& item : documents->as_array()) {
        const std::string where = "documents[" + std::to_string(position++) + "]";
        const json::object* document = item.if_object();
        const json::value* clause = document != nullptr ? document->if_contains("clause") : nullptr;
        const json::value* name = document != nullptr ? document->if_contains("name") : nullptr;
        if (clause == nullptr || !clause->is_string() || name == nullptr || !name->is_string()) {
            throw std::invalid_argument(where + " must be an object with string fields \"clause\" and \"name\"");
        }
        byClause[trim(clause->get_string())].push_back(words(name->get_string()));
    }
    return true;
}

bool documentPresent(const Node& node, std::string_view item, const std::vector<std::string>& names) {
    if (names.empty()) return false;
    if (node.documents.size() == 1) return true;
    const std::string wanted = words(item);
    for (const std::string& name : names) {
        if (name.find(wanted) != std::string::npos) return true;
        for (const Alias& alias : kAliases) {
            if (words(alias.item) == wanted && name.find(words(alias.alias)) != std::string::npos) return true;
        }
    }
    return false;
}

void addFinding(json::array& findings, std::string_view check, std::string_view severity, const std::string& ref,
                std::string message) {
    findings.push_back({
        {"check", std::string(kFramework) + "." + std::string(check)},
        {"severity", severity},
        {"ref", ref},
        {"message", std::move(message)},
    });
}

std::string readiness(const cw::sdk::Context& ctx, std::string_view input) {
    json::value storage;
    const json::object& root = parseObject(input, storage);
    const std::unordered_map<std::string, Entry> entries = readControls(root);
    std::unordered_map<std::string, std::vector<std::string>> documents;
    const bool documentsGiven = readDocuments(root, documents);
    const Index& index = catalogIndex();
    static const std::vector<std::string> kNone;

    json::array findings;
    for (const Node& node : index.clauseNodes) {
        const auto found = entries.find(node.ref);
        if (found != entries.end()) {
            const Entry& entry = found->second;
            if (entry.status == "not-applicable") {
                addFinding(findings, "clause-excluded", "blocker", node.ref,
                           describe(node) +
                               " is marked not-applicable, but clauses 4 to 10 of ISO/IEC 27001 always apply; "
                               "excluding one rules out a claim of conformity");
            } else if (entry.status == "implemented" && entry.noEvidence) {
                addFinding(findings, "implemented-without-evidence", "minor", node.ref,
                           describe(node) + " is marked implemented but has no evidence attached");
            }
        }
        if (!documentsGiven) continue;
        const auto filed = documents.find(node.ref);
        const std::vector<std::string>& names = filed != documents.end() ? filed->second : kNone;
        for (const std::string& item : node.documents) {
            if (documentPresent(node, item, names)) continue;
            addFinding(
                findings, "missing-documented-information", "major", node.ref,
                describe(node) + ": mandatory documented information \"" + item + "\" is not among the documents");
        }
    }

    for (const Node& control : index.annexControls) {
        const auto found = entries.find(control.ref);
        if (found == entries.end() || found->second.status.empty()) {
            addFinding(findings, "annex-a-undecided", "major", control.ref,
                       describe(control) +
                           " has no applicability decision: mark it applicable with an implementation status, or "
                           "not-applicable with a justification for the Statement of Applicability");
            continue;
        }
        const Entry& entry = found->second;
        if (entry.status == "not-applicable" && entry.reason.empty()) {
            addFinding(findings, "exclusion-without-justification", "major", control.ref,
                       describe(control) +
                           " is excluded without a justification; the Statement of Applicability needs one for "
                           "every excluded control");
        } else if (entry.status == "implemented" && entry.noEvidence) {
            addFinding(findings, "implemented-without-evidence", "minor", control.ref,
                       describe(control) + " is marked implemented but has no evidence attached");
        }
    }
    ctx.log(cw::sdk::Level::Debug, "iso27001: " + std::to_string(findings.size()) + " readiness findings");
    return json::serialize(json::object{{"findings", std::move(findings)}});
}

}  // namespace

CW_PLUGIN(cw::sdk::PluginInfo{
    .id = "iso27001-2022",
    .name = "ISO/IEC 27001:2022",
    .version = "1.0.0",
    .publisher = "Crosswalk project",
    .licence =
        "Clause and control numbers, titles and structure of ISO/IEC 27001:2022 (c) ISO/IEC, taken as facts via the "
        "CISO Assistant library (intuitem, AGPL-3.0) without copying its text; ISO/IEC 27002:2022 attribute values as "
        "facts; descriptions written by the Crosswalk project. No ISO text is reproduced.",
    .scope = &scope,
    .readiness = &readiness,
})
