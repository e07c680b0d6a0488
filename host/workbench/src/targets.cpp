// Making a framework a target: its plugin's scoping rule on the organization profile and the
// answers, resolved onto the catalog, then recorded.
#include <crosswalk/workbench/targets.hpp>

#include <crosswalk/analysis/scoping.hpp>

#include <boost/json.hpp>

namespace cw {
namespace {

namespace json = boost::json;

constexpr std::string_view kNotAddressed = "not addressed by the scoping rule: applies";

// The profile as the scoping rules see it (rules.schema.json scopeInput.profile).
Result<json::object> profileForRules(Workspace& ws) {
    auto profile = organizationProfile(ws);
    if (!profile) return profile.error();
    auto items = scopeItems(ws);
    if (!items) return items.error();
    auto all = assets(ws);
    if (!all) return all.error();
    json::array sites;
    json::array systems;
    json::array processes;
    json::array outOfScope;
    for (const auto& item : *items) {
        if (!item.inScope) {
            outOfScope.push_back(json::object{{"kind", toString(item.kind)}, {"name", item.name}, {"note", item.note}});
            continue;
        }
        (item.kind == ScopeKind::Site     ? sites
         : item.kind == ScopeKind::System ? systems
                                          : processes)
            .emplace_back(item.name);
    }
    json::array assetList;
    for (const auto& a : *all) {
        assetList.push_back(json::object{{"key", a.key},
                                         {"name", a.name},
                                         {"type", a.type},
                                         {"classification", toString(a.classification)},
                                         {"in_scope", a.inScope}});
    }
    return json::object{{"name", profile->name},
                        {"sector", profile->sector},
                        {"scope_statement", profile->scopeStatement},
                        {"description", profile->description},
                        {"sites", std::move(sites)},
                        {"systems", std::move(systems)},
                        {"processes", std::move(processes)},
                        {"out_of_scope", std::move(outOfScope)},
                        {"assets", std::move(assetList)}};
}

// "scoping hipaa: …" or "scoping iso27001-2022 (plugin iso27001): …", with the plugin's own
// message rather than the host's wrapper when the rule itself refused the answers.
Error scopingError(const Error& error, std::string_view framework, std::string_view plugin) {
    std::string prefix = "scoping " + std::string(framework);
    if (plugin != framework) prefix += " (plugin " + std::string(plugin) + ")";
    std::string message = error.message;
    constexpr std::string_view kFailed = "scope failed: ";
    if (const auto at = message.find(kFailed); at != std::string::npos) message = message.substr(at + kFailed.size());
    return Error{error.kind == ErrorKind::Internal ? ErrorKind::Internal : ErrorKind::BadInput,
                 prefix + ": " + message};
}

}  // namespace

Result<Target> setTarget(Workspace& ws, const PluginHost& host, std::string_view framework,
                         const boost::json::object& answers) {
    auto found = frameworkPlugin(ws, framework);
    if (!found) return found.error();
    const std::string& pluginId = *found;

    auto nodes = scopingNodes(ws, framework);
    if (!nodes) return nodes.error();

    // Without a rule to run, the whole framework applies; answers nobody can check are refused
    // rather than stored as if they had been applied.
    const PluginInfo* plugin = pluginId.empty() ? nullptr : host.find(pluginId);
    std::string noRule;
    if (pluginId.empty()) {
        noRule = "the framework comes from no plugin, so no scoping rule";
    } else if (plugin == nullptr) {
        noRule = "plugin '" + pluginId + "' is not loaded, so its scoping rule did not run";
    } else if (!plugin->hasScope) {
        noRule = "plugin '" + pluginId + "' has no scoping rule";
    }
    Scoping scoping;
    if (!noRule.empty()) {
        if (!answers.empty()) {
            return Error::badInput("scoping " + std::string(framework) + ": " + noRule +
                                   " to check the answers; give no answers, or load the plugin");
        }
        scoping.notes.push_back("The whole framework applies: " + noRule + ".");
    } else {
        auto profile = profileForRules(ws);
        if (!profile) return profile.error();
        const std::string input = json::serialize(
            json::object{{"framework", framework}, {"profile", std::move(*profile)}, {"answers", answers}});
        auto output = host.scope(pluginId, input);
        if (!output) return scopingError(output.error(), framework, pluginId);
        auto read = readScoping(*output, framework, pluginId, *nodes);
        if (!read) return read.error();
        scoping = std::move(*read);
    }
    const std::string fallback = noRule.empty() ? std::string(kNotAddressed) : noRule + ": applies";

    return saveTarget(ws, framework, answers, scoping, *nodes, fallback);
}

}  // namespace cw
