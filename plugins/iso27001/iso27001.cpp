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
//         "controls": [{"ref", "status"?, "reason"?, "evidence"?}]}   Annex A and clause refs
//   checks:
//     iso27001-2022.annex-a-undecided               major    Annex A control absent or without status
//     iso27001-2022.exclusion-without-justification major    Annex A control not-applicable without reason
//     iso27001-2022.clause-excluded                 blocker  clause requirement marked not-applicable
//     iso27001-2022.implemented-without-evidence    minor    status implemented and evidence == 0
//   Missing mandatory documented information is a check of the host
//   (stage1.missing-documented-information), not of this plugin.
#include <crosswalk/plugin.hpp>
#include <crosswalk/plugin_rules.hpp>

#include <boost/json.hpp>

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace json = boost::json;

namespace {

constexpr std::string_view kFramework = "iso27001-2022";
constexpr std::string_view kAnnexRange = "A.5.1-A.5.37, A.6.1-A.6.8, A.7.1-A.7.14 or A.8.1-A.8.34";

using cw::sdk::CatalogNode;

// What the rules need from the catalog (catalog.json, the single source of refs and titles).
struct Index {
    std::vector<const CatalogNode*> clauseNodes;    // clauses 4-10 and everything below them, catalog order
    std::vector<const CatalogNode*> annexControls;  // the 93 Annex A controls, catalog order
};

bool isAnnexRef(std::string_view ref) {
    return ref == "A" || ref.starts_with("A.");
}

const Index& catalogIndex() {
    static const Index index = [] {
        Index out;
        for (const CatalogNode& node : cw::sdk::embeddedCatalog().framework(kFramework).nodes()) {
            if (!isAnnexRef(node.ref)) {
                out.clauseNodes.push_back(&node);
            } else if (node.assessable) {
                out.annexControls.push_back(&node);
            }
        }
        return out;
    }();
    return index;
}

const json::object& parseObject(std::string_view input, json::value& storage) {
    storage = json::parse(input);  // throws on bad JSON: reported to the host
    const json::object& root = cw::sdk::requireObject(storage, "input");
    cw::sdk::checkFramework(root, kFramework, cw::sdk::Presence::Required);
    return root;
}

std::string describe(const CatalogNode& node) {
    return node.ref + " " + node.title;
}

// Scoping: only Annex A controls can be excluded, each with a justification.
std::string scope(const cw::sdk::Context& ctx, std::string_view input) {
    json::value storage;
    const json::object& root = parseObject(input, storage);
    const json::object& answers =
        cw::sdk::requiredObject(root, "answers", "answers must be an object such as {\"exclusions\": {}}");
    const json::value* exclusions = answers.if_contains("exclusions");
    if (exclusions == nullptr || !exclusions->is_object()) {
        throw std::invalid_argument("answers.exclusions is required: an object mapping Annex A control refs (" +
                                    std::string(kAnnexRange) +
                                    ") to a non-empty justification; use {} when no control is excluded");
    }

    const cw::sdk::CatalogFramework& framework = cw::sdk::embeddedCatalog().framework(kFramework);
    std::unordered_map<std::string, std::string> reasons;
    for (const auto& [key, value] : exclusions->as_object()) {
        const std::string ref(key);
        const CatalogNode* node = framework.find(ref);
        if (node != nullptr && !isAnnexRef(ref)) {
            throw std::invalid_argument("answers.exclusions: " + ref +
                                        " belongs to clauses 4 to 10, which always apply and cannot be excluded; "
                                        "only Annex A controls (" +
                                        std::string(kAnnexRange) + ") can be");
        }
        if (node == nullptr || !node->assessable) {
            throw std::invalid_argument("answers.exclusions: \"" + ref + "\" is not an Annex A control; use " +
                                        std::string(kAnnexRange));
        }
        std::string reason = value.is_string() ? cw::sdk::trim(value.get_string()) : std::string();
        if (reason.empty()) {
            throw std::invalid_argument("answers.exclusions." + ref +
                                        ": the justification must be a non-empty string (the Statement of "
                                        "Applicability needs a reason for every excluded control)");
        }
        reasons.emplace(ref, std::move(reason));
    }

    const Index& index = catalogIndex();
    json::array requirements;
    for (const CatalogNode* control : index.annexControls) {
        const auto excluded = reasons.find(control->ref);
        requirements.push_back(
            excluded != reasons.end()
                ? cw::sdk::requirement(control->ref, false, excluded->second)
                : cw::sdk::requirement(control->ref, true,
                                       "not excluded: applicable and listed in the Statement of Applicability"));
    }
    ctx.log(cw::sdk::Level::Debug, "iso27001: " + std::to_string(reasons.size()) + " Annex A controls excluded");
    return cw::sdk::scopeOutput(
        kFramework, std::move(requirements),
        json::array{
            "Clauses 4 to 10 (30 requirements, 4.1 to 10.2) always apply and are not listed: ISO/IEC 27001 does "
            "not allow excluding them.",
            "Every Annex A control is listed; record each applicability decision and its justification in the "
            "Statement of Applicability (6.1.3 d).",
            std::to_string(reasons.size()) + " of " + std::to_string(index.annexControls.size()) +
                " Annex A controls excluded.",
        });
}

std::string readiness(const cw::sdk::Context& ctx, std::string_view input) {
    json::value storage;
    const json::object& root = parseObject(input, storage);
    const auto entries = cw::sdk::byRef(cw::sdk::readControls(
        root, {.missingStatus = {}, .badEvidence = "{where}.evidence must be a non-negative integer"}));
    const Index& index = catalogIndex();

    cw::sdk::Findings findings(kFramework);
    for (const CatalogNode* node : index.clauseNodes) {
        const auto found = entries.find(node->ref);
        if (found == entries.end()) continue;
        const cw::sdk::ControlInput& entry = found->second;
        if (entry.status == "not-applicable") {
            findings.add("clause-excluded", "blocker", node->ref,
                         describe(*node) +
                             " is marked not-applicable, but clauses 4 to 10 of ISO/IEC 27001 always apply; "
                             "excluding one rules out a claim of conformity");
        } else if (entry.status == "implemented" && entry.evidence == 0U) {
            findings.add("implemented-without-evidence", "minor", node->ref,
                         describe(*node) + " is marked implemented but has no evidence attached");
        }
    }

    for (const CatalogNode* control : index.annexControls) {
        const auto found = entries.find(control->ref);
        if (found == entries.end() || found->second.status.empty()) {
            findings.add("annex-a-undecided", "major", control->ref,
                         describe(*control) +
                             " has no applicability decision: mark it applicable with an implementation status, or "
                             "not-applicable with a justification for the Statement of Applicability");
            continue;
        }
        const cw::sdk::ControlInput& entry = found->second;
        if (entry.status == "not-applicable" && !entry.hasReason()) {
            findings.add("exclusion-without-justification", "major", control->ref,
                         describe(*control) +
                             " is excluded without a justification; the Statement of Applicability needs one for "
                             "every excluded control");
        } else if (entry.status == "implemented" && entry.evidence == 0U) {
            findings.add("implemented-without-evidence", "minor", control->ref,
                         describe(*control) + " is marked implemented but has no evidence attached");
        }
    }
    ctx.log(cw::sdk::Level::Debug, "iso27001: " + std::to_string(findings.size()) + " readiness findings");
    return findings.output();
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
