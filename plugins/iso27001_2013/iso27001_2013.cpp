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
#include <crosswalk/plugin_rules.hpp>

#include <boost/json.hpp>

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace json = boost::json;

namespace {

constexpr std::string_view kFramework = "iso27001-2013";
constexpr std::string_view kAnnexRange = "A.5.1.1 to A.18.2.3, e.g. A.9.2.3";
constexpr std::string_view kTransitionPack = "iso27001-2013-to-iso27001-2022";

using cw::sdk::CatalogNode;

bool isAnnexRef(std::string_view ref) {
    return ref == "A" || ref.starts_with("A.");
}

const cw::sdk::CatalogFramework& framework() {
    return cw::sdk::embeddedCatalog().framework(kFramework);
}

// The 114 Annex A controls, catalog order.
const std::vector<const CatalogNode*>& annexControls() {
    static const std::vector<const CatalogNode*> controls = [] {
        std::vector<const CatalogNode*> out;
        for (const CatalogNode& node : framework().nodes()) {
            if (isAnnexRef(node.ref) && node.assessable) out.push_back(&node);
        }
        return out;
    }();
    return controls;
}

const json::object& parseObject(std::string_view input, json::value& storage) {
    storage = json::parse(input);  // throws on bad JSON: reported to the host
    const json::object& root = cw::sdk::requireObject(storage, "input");
    cw::sdk::checkFramework(root, kFramework, cw::sdk::Presence::Required);
    return root;
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

    std::unordered_map<std::string, std::string> reasons;
    for (const auto& [key, value] : exclusions->as_object()) {
        const std::string ref(key);
        const CatalogNode* node = framework().find(ref);
        if (node != nullptr && !isAnnexRef(ref)) {
            throw std::invalid_argument("answers.exclusions: " + ref +
                                        " belongs to clauses 4 to 10, which always apply and cannot be excluded; "
                                        "only Annex A controls (" +
                                        std::string(kAnnexRange) + ") can be");
        }
        if (node != nullptr && !node->assessable) {
            throw std::invalid_argument("answers.exclusions: " + ref +
                                        " is an Annex A domain or control objective; exclude its controls one by "
                                        "one (" +
                                        std::string(kAnnexRange) + ")");
        }
        if (node == nullptr) {
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

    json::array requirements;
    for (const CatalogNode* control : annexControls()) {
        const auto excluded = reasons.find(control->ref);
        requirements.push_back(
            excluded != reasons.end()
                ? cw::sdk::requirement(control->ref, false, excluded->second)
                : cw::sdk::requirement(control->ref, true,
                                       "not excluded: applicable and listed in the Statement of Applicability"));
    }
    ctx.log(cw::sdk::Level::Debug, "iso27001_2013: " + std::to_string(reasons.size()) + " Annex A controls excluded");
    return cw::sdk::scopeOutput(
        kFramework, std::move(requirements),
        json::array{
            "Clauses 4 to 10 (26 requirements, 4.1 to 10.2) always apply and are not listed: ISO/IEC 27001 does "
            "not allow excluding them.",
            "Every Annex A control is listed; record each applicability decision and its justification in the "
            "Statement of Applicability (6.1.3 d).",
            std::to_string(reasons.size()) + " of " + std::to_string(annexControls().size()) +
                " Annex A controls excluded.",
            "ISO/IEC 27001:2013 is superseded by ISO/IEC 27001:2022; map these decisions with the " +
                std::string(kTransitionPack) + " pack.",
        });
}

std::string readiness(const cw::sdk::Context& ctx, std::string_view input) {
    json::value storage;
    const json::object& root = parseObject(input, storage);
    const auto entries = cw::sdk::byRef(cw::sdk::readControls(root, {.missingStatus = {}}));

    cw::sdk::Findings findings(kFramework);
    // Certification bodies stopped issuing 2013 certificates in April 2024 and
    // the last ones lapsed at the end of the three-year transition (IAF MD 26).
    findings.add("superseded", "info",
                 "ISO/IEC 27001:2013 has been replaced by ISO/IEC 27001:2022; certificates to the 2013 edition "
                 "expired on 31 October 2025, so certification is only possible against the 2022 edition. Carry "
                 "this assessment over with the " +
                     std::string(kTransitionPack) +
                     " mapping pack and cover the eleven controls new in 2022 and the clause changes (4.2, 4.4, "
                     "6.2, 6.3, 8.1, 9.3).");
    for (const CatalogNode* control : annexControls()) {
        const auto found = entries.find(control->ref);
        if (found == entries.end()) continue;
        if (found->second.status == "not-applicable" && !found->second.hasReason()) {
            findings.add("exclusion-without-justification", "major", control->ref,
                         control->ref + " " + control->title +
                             " is excluded without a justification; the Statement of Applicability needs one "
                             "for every excluded control");
        }
    }
    ctx.log(cw::sdk::Level::Debug, "iso27001_2013: " + std::to_string(findings.size()) + " readiness findings");
    return findings.output();
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
