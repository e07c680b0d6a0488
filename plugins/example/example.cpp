// The example plugin: the smallest complete Crosswalk plugin, and the
// tutorial for plugin authors (README, "Write a plugin").
//
// The catalog is data (catalog.json, embedded by crosswalk_add_plugin). The
// two rules below take and return JSON text (sdk/schema/rules.schema.json);
// any exception they throw becomes an error reported to the host.
#include <crosswalk/plugin.hpp>

#include <boost/json.hpp>

#include <string>
#include <string_view>

namespace json = boost::json;

namespace {

constexpr const char* kFramework = "example-baseline";

// Which controls depend on where systems are hosted. Everything else applies
// to every organization.
struct HostingRule {
    const char* ref;
    const char* hosting;
};
constexpr HostingRule kHostingRules[] = {
    {"EB-3.3", "on-premises"},
    {"EB-3.4", "cloud"},
};

bool hostingIncludes(const json::array& hosting, std::string_view value) {
    for (const auto& h : hosting) {
        if (h.is_string() && h.get_string() == value) return true;
    }
    return false;
}

// Scoping: {"framework": ..., "answers": {"hosting": ["cloud", "on-premises"]}}
//       → {"framework": ..., "requirements": [{"ref", "applies", "reason"}]}
std::string scope(const cw::sdk::Context& ctx, std::string_view input) {
    const json::value root = json::parse(input);  // throws on bad JSON: reported to the host
    const json::object& answers = root.at("answers").as_object();
    const json::value* hosting = answers.if_contains("hosting");
    if (hosting == nullptr || !hosting->is_array()) {
        throw std::invalid_argument("answers.hosting must be an array of \"cloud\" and/or \"on-premises\"");
    }

    json::array requirements;
    for (const auto& rule : kHostingRules) {
        const bool applies = hostingIncludes(hosting->as_array(), rule.hosting);
        std::string reason = applies
                                 ? std::string("the organization runs systems ") + rule.hosting
                                 : std::string("applies only to ") + rule.hosting + " hosting, which is not in scope";
        requirements.push_back({{"ref", rule.ref}, {"applies", applies}, {"reason", reason}});
    }
    ctx.log(cw::sdk::Level::Debug,
            "example: scoped " + std::to_string(requirements.size()) + " hosting-dependent controls");
    return json::serialize(json::object{
        {"framework", kFramework},
        {"requirements", std::move(requirements)},
        {"notes", json::array{"Controls not listed apply to every organization."}},
    });
}

// Readiness: a control marked not-applicable needs a written reason.
std::string readiness(const cw::sdk::Context&, std::string_view input) {
    const json::value root = json::parse(input);
    json::array findings;
    for (const auto& item : root.at("controls").as_array()) {
        const json::object& control = item.as_object();
        if (control.at("status").as_string() != "not-applicable") continue;
        const json::value* reason = control.if_contains("reason");
        if (reason == nullptr || !reason->is_string() || reason->get_string().empty()) {
            const std::string ref(control.at("ref").as_string());
            findings.push_back({
                {"check", "example.exclusion-without-reason"},
                {"severity", "major"},
                {"ref", ref},
                {"message", ref + " is marked not applicable without a reason"},
            });
        }
    }
    return json::serialize(json::object{{"findings", std::move(findings)}});
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
