// The example plugin: the smallest complete Crosswalk plugin, and the
// tutorial for plugin authors (README, "Write a plugin").
//
// The catalog is data (catalog.json, embedded by crosswalk_add_plugin). The
// two rules below take and return JSON text (sdk/schema/rules.schema.json);
// any exception they throw becomes an error reported to the host.
// plugin_rules.hpp reads the embedded catalog and the rule inputs and builds
// the output documents, so the rules hold only the framework's own logic.
#include <crosswalk/plugin.hpp>
#include <crosswalk/plugin_rules.hpp>

#include <boost/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace json = boost::json;

namespace {

constexpr const char* kFramework = "example-baseline";

bool hostingIncludes(const json::array& hosting, std::string_view value) {
    for (const auto& h : hosting) {
        if (h.is_string() && h.get_string() == value) return true;
    }
    return false;
}

// Scoping: {"framework": ..., "answers": {"hosting": ["cloud", "on-premises"]}}
//       → {"framework": ..., "requirements": [{"ref", "applies", "reason"}]}
// A control whose `hosting` attribute (catalog.json) names a single kind of
// hosting depends on the answer; every other control applies to every organization.
std::string scope(const cw::sdk::Context& ctx, std::string_view input) {
    const json::object root = cw::sdk::parseObject(input, "scope input");
    const json::object& answers = cw::sdk::requiredObject(root, "answers", "answers must be an object");
    const json::value* hosting = answers.if_contains("hosting");
    if (hosting == nullptr || !hosting->is_array()) {
        throw std::invalid_argument("answers.hosting must be an array of \"cloud\" and/or \"on-premises\"");
    }

    json::array requirements;
    for (const cw::sdk::CatalogNode& control : cw::sdk::embeddedCatalog().framework(kFramework).nodes()) {
        const std::vector<std::string> only = control.strings("hosting");
        if (only.size() != 1) continue;
        const bool applies = hostingIncludes(hosting->as_array(), only[0]);
        requirements.push_back(
            cw::sdk::requirement(control.ref, applies,
                                 applies ? "the organization runs systems " + only[0]
                                         : "applies only to " + only[0] + " hosting, which is not in scope"));
    }
    ctx.log(cw::sdk::Level::Debug,
            "example: scoped " + std::to_string(requirements.size()) + " hosting-dependent controls");
    return cw::sdk::scopeOutput(kFramework, std::move(requirements),
                                json::array{"Controls not listed apply to every organization."});
}

// Readiness: a control marked not-applicable needs a written reason.
std::string readiness(const cw::sdk::Context&, std::string_view input) {
    const json::object root = cw::sdk::parseObject(input, "readiness input");
    cw::sdk::Findings findings("example");
    for (const cw::sdk::ControlInput& control : cw::sdk::readControls(root)) {
        if (control.status == "not-applicable" && control.reason.empty()) {
            findings.add("exclusion-without-reason", "major", control.ref,
                         control.ref + " is marked not applicable without a reason");
        }
    }
    return findings.output();
}

}  // namespace

CW_PLUGIN(cw::sdk::PluginInfo{
    .id = "example",
    .name = "Example Security Baseline",
    .version = "1.0.0",
    .publisher = "Crosswalk project",
    .licence = "CC0-1.0 (tutorial data, not a real framework)",
    .scope = &scope,
    .readiness = &readiness,
})
