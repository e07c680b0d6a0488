// Gap analysis, the remediation plan, and Stage 1 / Stage 2 readiness: loads a ReadinessInput
// through the store's public functions (organization, implementation, evidence, risk, audit,
// timeline, SoA), so every rule reads the workspace exactly as the CLI and the GUI show it; runs
// the rules (readiness_rules.hpp) and adds what the target frameworks' plugins find.
#include <crosswalk/store/audit.hpp>
#include <crosswalk/store/evidence.hpp>
#include <crosswalk/store/organization.hpp>
#include <crosswalk/store/risk.hpp>
#include <crosswalk/store/soa.hpp>
#include <crosswalk/store/timeline.hpp>
#include <crosswalk/workbench/readiness.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <map>

namespace cw {
namespace {

namespace json = boost::json;

// ---- plugin readiness ----------------------------------------------------------------------

// The SOC 2 Type 2 observation period to report on at `at`: the latest one begun by then, else
// the first one ahead.
std::optional<Cycle> observationPeriod(const std::vector<Cycle>& all, std::string_view framework, Date at) {
    std::optional<Cycle> begun;
    std::optional<Cycle> ahead;
    for (const auto& c : all) {
        if (c.framework != framework || c.kind != CycleKind::Soc2Type2Observation) continue;
        if (c.startsOn <= at) {
            if (!begun || begun->startsOn < c.startsOn) begun = c;
        } else if (!ahead || c.startsOn < ahead->startsOn) {
            ahead = c;
        }
    }
    return begun ? begun : ahead;
}

// Runs the readiness checks of each target framework's plugin on a snapshot of the workspace
// (sdk/schema/rules.schema.json readinessInput) and adds what they find under the plugin's id.
Result<void> pluginReadiness(Workspace& ws, const PluginHost* host, Date at, const ReadinessInput& loaded,
                             std::vector<ReadinessFinding>& findings) {
    if (host == nullptr) return {};
    auto all = targets(ws);
    if (!all) return all.error();
    if (all->empty()) return {};
    auto frameworks = ws.frameworks();
    if (!frameworks) return frameworks.error();
    auto recorded = implementationStatuses(ws);
    if (!recorded) return recorded.error();
    std::map<std::string, const StatusEntry*, std::less<>> entryBySubject;
    for (const auto& e : *recorded) entryBySubject.emplace(e.subject, &e);
    std::map<std::string, const SoaRow*, std::less<>> rowByRef;
    for (const auto& row : loaded.soa) rowByRef.emplace(row.ref, &row);
    std::optional<std::vector<Cycle>> allCycles;

    for (const auto& target : *all) {
        const auto framework = std::find_if(frameworks->begin(), frameworks->end(),
                                            [&](const FrameworkSummary& f) { return f.id == target.framework; });
        if (framework == frameworks->end() || framework->pluginId.empty()) continue;
        const PluginInfo* plugin = host->find(framework->pluginId);
        if (plugin == nullptr || !plugin->hasReadiness) continue;

        auto statuses = requirementStatuses(ws, target.framework);
        if (!statuses) return statuses.error();
        auto reach = requirementEvidence(ws, target.framework);
        if (!reach) return reach.error();
        const auto current = currentEvidence(*reach, loaded.evidence, at);

        json::array controls;
        for (const auto& s : *statuses) {
            std::string status(toString(s.status));
            std::string reason = s.reason;
            const bool annexA = target.framework == kHubFramework && s.ref.starts_with("A.");
            if (annexA && !loaded.soa.empty()) {
                // The SoA is where ISO 27001 records applicability: its decision is what the plugin judges.
                const auto row = rowByRef.find(s.ref);
                if (row == rowByRef.end() || !row->second->applicable) continue;  // undecided
                if (!*row->second->applicable) {
                    status = "not-applicable";
                    reason = row->second->justification;
                }
            }
            const auto evidence = current.find(s.ref);
            json::object control{
                {"ref", s.ref}, {"status", status}, {"evidence", evidence == current.end() ? 0 : evidence->second}};
            if (!reason.empty()) control["reason"] = reason;
            // The note of the status entry that decided it documents an alternative measure
            // (what HIPAA asks of an addressable specification that is not implemented).
            std::string subject;
            if (s.via == "direct") {
                subject = target.framework + ":" + s.ref;
            } else if (const auto space = s.via.find(" ("); space != std::string::npos) {
                subject = s.via.substr(0, space);
            }
            if (const auto e = entryBySubject.find(subject); e != entryBySubject.end() && !e->second->note.empty()) {
                control["alternative"] = e->second->note;
            }
            controls.push_back(std::move(control));
        }
        json::object input{
            {"framework", target.framework}, {"controls", std::move(controls)}, {"answers", target.answers}};
        // A Type 2 observation period recorded for the framework (a SOC 2 cycle) goes to its plugin.
        if (!allCycles) {
            auto c = cycles(ws);
            if (!c) return c.error();
            allCycles = std::move(*c);
        }
        if (auto period = observationPeriod(*allCycles, target.framework, at)) {
            input["observation_period"] =
                json::object{{"start", period->startsOn.str()}, {"end", period->endsOn.str()}};
        }

        auto output = host->readiness(plugin->id, json::serialize(input));
        if (!output) return output.error();
        boost::system::error_code ec;
        const json::value parsed = json::parse(*output, ec);
        const json::object* root = ec ? nullptr : parsed.if_object();
        const json::value* list = root != nullptr ? root->if_contains("findings") : nullptr;
        if (list == nullptr || !list->is_array()) {
            return Error::internal("plugin '" + plugin->id + "': readiness output has no findings array");
        }
        for (const auto& value : list->get_array()) {
            const json::object* f = value.if_object();
            if (f == nullptr)
                return Error::internal("plugin '" + plugin->id + "': a readiness finding is not an object");
            const auto text = [f](std::string_view key) {
                const json::value* v = f->if_contains(key);
                return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
            };
            const auto severity = parseSeverity(text("severity"));
            if (!severity) {
                return Error::internal("plugin '" + plugin->id + "': readiness finding with unknown severity '" +
                                       text("severity") + "'");
            }
            std::string subject = text("ref");
            if (subject.empty()) subject = target.framework;
            findings.push_back({text("check"), *severity, std::move(subject), text("message"), plugin->id});
        }
    }
    return {};
}

// Loads the statuses (and, for gaps, the evidence reach) of each framework, in order.
Result<std::vector<FrameworkInput>> frameworkInputs(Workspace& ws, const std::vector<std::string>& frameworks,
                                                    bool withReach) {
    std::vector<FrameworkInput> out;
    for (const auto& id : frameworks) {
        auto statuses = requirementStatuses(ws, id);
        if (!statuses) return statuses.error();
        FrameworkInput framework{id, std::move(*statuses), {}};
        if (withReach) {
            auto reach = requirementEvidence(ws, id);
            if (!reach) return reach.error();
            framework.reach = std::move(*reach);
        }
        out.push_back(std::move(framework));
    }
    return out;
}

// The evidence reaching the ISO requirements, and the library: read by both stages.
Result<void> loadIsoEvidence(Workspace& ws, ReadinessInput& input) {
    auto reach = requirementEvidence(ws, kHubFramework);
    if (!reach) return reach.error();
    input.isoReach = std::move(*reach);
    auto items = evidenceLibrary(ws);
    if (!items) return items.error();
    input.evidence = std::move(*items);
    return {};
}

}  // namespace

Result<std::vector<FrameworkGap>> gapAnalysis(Workspace& ws, Date today, std::string_view framework) {
    std::vector<std::string> frameworks;
    if (!framework.empty()) {
        frameworks.emplace_back(framework);
    } else {
        auto all = targets(ws);
        if (!all) return all.error();
        for (const auto& t : *all) frameworks.push_back(t.framework);
    }
    if (frameworks.empty()) return std::vector<FrameworkGap>{};
    ReadinessInput input;
    auto items = evidenceLibrary(ws);
    if (!items) return items.error();
    input.evidence = std::move(*items);
    auto loaded = frameworkInputs(ws, frameworks, true);
    if (!loaded) return loaded.error();
    input.frameworks = std::move(*loaded);
    return gapRules(input, today);
}

Result<std::vector<RemediationAction>> remediationPlan(Workspace& ws) {
    auto all = targets(ws);
    if (!all) return all.error();
    if (all->empty()) return std::vector<RemediationAction>{};
    std::vector<std::string> frameworks;
    for (const auto& t : *all) frameworks.push_back(t.framework);
    ReadinessInput input;
    auto loaded = frameworkInputs(ws, frameworks, false);
    if (!loaded) return loaded.error();
    input.frameworks = std::move(*loaded);
    auto recorded = implementationStatuses(ws);
    if (!recorded) return recorded.error();
    input.recorded = std::move(*recorded);
    auto controls = ws.commonControls();
    if (!controls) return controls.error();
    input.commonControls = std::move(*controls);
    return remediationRules(input);
}

Result<std::vector<ReadinessFinding>> stage1Readiness(Workspace& ws, const PluginHost* host, Date today) {
    ReadinessInput input;
    auto rows = soa(ws);
    if (!rows) return rows.error();
    input.soa = std::move(*rows);
    auto iso = ws.controls(kHubFramework);
    if (!iso) return iso.error();
    if (iso->empty()) {
        return Error::badInput("the workspace has no " + std::string(kHubFramework) +
                               " catalog; Stage 1 readiness needs it (crosswalk init with the iso27001 plugin)");
    }
    input.isoControls = std::move(*iso);
    auto assetList = assets(ws);
    if (!assetList) return assetList.error();
    input.assets = std::move(*assetList);
    auto riskList = risks(ws);
    if (!riskList) return riskList.error();
    input.risks = std::move(*riskList);
    if (auto r = loadIsoEvidence(ws, input); !r) return r.error();

    auto findings = stage1Findings(input, today);
    if (auto r = pluginReadiness(ws, host, today, input, findings); !r) return r.error();
    sortBySeverity(findings);
    return findings;
}

Result<std::vector<ReadinessFinding>> stage2Readiness(Workspace& ws, const PluginHost* host, Date at) {
    ReadinessInput input;
    auto rows = soa(ws);
    if (!rows) return rows.error();
    input.soa = std::move(*rows);
    if (auto r = loadIsoEvidence(ws, input); !r) return r.error();
    auto auditList = audits(ws);
    if (!auditList) return auditList.error();
    input.audits = std::move(*auditList);
    auto raised = auditFindings(ws);
    if (!raised) return raised.error();
    input.findings = std::move(*raised);
    auto actions = correctiveActions(ws);
    if (!actions) return actions.error();
    input.actions = std::move(*actions);
    auto reviews = managementReviews(ws);
    if (!reviews) return reviews.error();
    input.reviews = std::move(*reviews);

    auto findings = stage2Findings(input, at);
    if (auto r = pluginReadiness(ws, host, at, input, findings); !r) return r.error();
    sortBySeverity(findings);
    return findings;
}

Result<std::vector<std::string>> pluginsNotLoaded(Workspace& ws, const PluginHost& host) {
    auto all = targets(ws);
    if (!all) return all.error();
    auto frameworks = ws.frameworks();
    if (!frameworks) return frameworks.error();
    std::vector<std::string> out;
    for (const auto& t : *all) {
        for (const auto& f : *frameworks) {
            if (f.id == t.framework && !f.pluginId.empty() && host.find(f.pluginId) == nullptr) {
                out.push_back(f.pluginId);
            }
        }
    }
    return out;
}

}  // namespace cw
