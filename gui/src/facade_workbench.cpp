// The facade's certification-workbench half: plugins as the host sees them, and the
// evidence, readiness, SoA, risk, audit and timeline sections the views draw. Each
// section is read once and kept until an edit or another workspace drops it.
#include "facade.hpp"

#include <crosswalk/io/paths.hpp>
#include <crosswalk/plugin_host/plugin_host.hpp>
#include <crosswalk/workbench/soa_export.hpp>

#include <algorithm>
#include <set>

namespace cw::gui {

namespace {

/// Appends `what: message` to `error` (sections keep what they could read).
template <typename T>
bool take(Result<T>& result, T& into, std::string& error, std::string_view what) {
    if (!result) {
        error += (error.empty() ? "" : "; ") + std::string(what) + ": " + result.error().message;
        return false;
    }
    into = std::move(*result);
    return true;
}

}  // namespace

void Facade::setPluginPath(std::vector<std::filesystem::path> path) {
    m_pluginPath = std::move(path);
}

const PluginHost* Facade::pluginHost() {
    if (!m_host) {
        m_host = std::make_unique<PluginHost>();
        m_host->loadAll(m_pluginPath ? *m_pluginPath : pluginSearchPath({}, true));
        m_rejected.clear();
        for (const auto& p : m_host->plugins()) {
            if (p.status != PluginStatus::Rejected) continue;
            RejectedPlugin r{p.file.string(), p.id, p.version, {}, p.problems};
            if (p.abiMajor != 0 || p.abiMinor != 0)
                r.abi = std::to_string(p.abiMajor) + "." + std::to_string(p.abiMinor);
            m_rejected.push_back(std::move(r));
        }
    }
    return m_host->plugins().empty() ? nullptr : m_host.get();
}

const std::vector<RejectedPlugin>& Facade::rejectedPlugins() {
    (void)pluginHost();
    return m_rejected;
}

std::size_t Facade::pluginFilesSeen() {
    (void)pluginHost();
    return m_host->plugins().size();
}

void Facade::setToday(Date today) {
    m_today = today;
    refreshWorkbench();
}

void Facade::refreshWorkbench() {
    m_evidence.reset();
    m_readiness.reset();
    m_soa.reset();
    m_risks.reset();
    m_audits.reset();
    m_timeline.reset();
    ++m_revision;
}

void Facade::setStage2At(std::optional<Date> at) {
    m_stage2At = at;
    m_readiness.reset();
}

const EvidenceData& Facade::evidence() {
    if (m_evidence) return *m_evidence;
    EvidenceData data;
    Workspace* ws = workspace();
    if (ws == nullptr) {
        data.error = noWorkspace().message;
        return m_evidence.emplace(std::move(data));
    }
    std::vector<EvidenceItem> items;
    auto library = evidenceLibrary(*ws);
    take(library, items, data.error, "evidence");
    const auto window = soonStaleDays(*ws);
    const int soonDays = window ? *window : TimelineSettings{}.soonStaleDays;
    std::set<std::string> frameworks;
    data.rows.reserve(items.size());
    for (auto& item : items) {
        EvidenceRow row;
        row.freshness = item.freshness(m_today, soonDays);
        row.expires = item.expiresOn();
        if (row.expires) row.daysLeft = m_today.daysUntil(*row.expires);
        data.maxReuse = std::max(data.maxReuse, item.reuse());
        frameworks.insert(item.frameworks.begin(), item.frameworks.end());
        row.item = std::move(item);
        data.rows.push_back(std::move(row));
    }
    data.frameworks.assign(frameworks.begin(), frameworks.end());
    return m_evidence.emplace(std::move(data));
}

const ReadinessData& Facade::readiness() {
    if (m_readiness) return *m_readiness;
    ReadinessData data;
    Workspace* ws = workspace();
    if (ws == nullptr) {
        data.error = noWorkspace().message;
        return m_readiness.emplace(std::move(data));
    }
    if (auto steps = milestones(*ws)) {
        for (const auto& m : *steps) {
            if (m.step == Step::Stage2) data.plannedStage2 = m.plannedStart;
        }
    }
    data.stage2At = m_stage2At.value_or(m_today);
    const PluginHost* host = pluginHost();
    data.pluginChecks = host != nullptr;
    auto gaps = gapAnalysis(*ws, m_today);
    take(gaps, data.gaps, data.error, "gaps");
    auto plan = remediationPlan(*ws);
    take(plan, data.remediation, data.error, "remediation");
    auto stage1 = stage1Readiness(*ws, host, m_today);
    take(stage1, data.stage1, data.error, "stage 1");
    auto stage2 = stage2Readiness(*ws, host, data.stage2At);
    take(stage2, data.stage2, data.error, "stage 2");
    return m_readiness.emplace(std::move(data));
}

const SoaData& Facade::soa() {
    if (m_soa) return *m_soa;
    SoaData data;
    if (Workspace* ws = workspace()) {
        auto rows = cw::soa(*ws);
        take(rows, data.rows, data.error, "SoA");
    } else {
        data.error = noWorkspace().message;
    }
    return m_soa.emplace(std::move(data));
}

const RiskData& Facade::risks() {
    if (m_risks) return *m_risks;
    RiskData data;
    if (Workspace* ws = workspace()) {
        auto matrix = riskMatrix(*ws);
        take(matrix, data.matrix, data.error, "risk matrix");
        auto rows = cw::risks(*ws);
        take(rows, data.risks, data.error, "risks");
        auto list = cw::assets(*ws);
        take(list, data.assets, data.error, "assets");
    } else {
        data.error = noWorkspace().message;
    }
    return m_risks.emplace(std::move(data));
}

const AuditData& Facade::audits() {
    if (m_audits) return *m_audits;
    AuditData data;
    if (Workspace* ws = workspace()) {
        auto programmes = auditProgrammes(*ws);
        take(programmes, data.programmes, data.error, "audit programmes");
        auto list = cw::audits(*ws);
        take(list, data.audits, data.error, "audits");
        auto findings = auditFindings(*ws);
        take(findings, data.findings, data.error, "findings");
        auto actions = correctiveActions(*ws);
        take(actions, data.actions, data.error, "corrective actions");
        auto reviews = managementReviews(*ws);
        take(reviews, data.reviews, data.error, "management reviews");
    } else {
        data.error = noWorkspace().message;
    }
    return m_audits.emplace(std::move(data));
}

const TimelineData& Facade::timeline() {
    if (m_timeline) return *m_timeline;
    TimelineData data;
    if (Workspace* ws = workspace()) {
        auto t = cw::timeline(*ws, m_today);
        take(t, data.timeline, data.error, "timeline");
    } else {
        data.error = noWorkspace().message;
    }
    return m_timeline.emplace(std::move(data));
}

Result<void> Facade::editSoa(const SoaEdit& edit) {
    Workspace* ws = workspace();
    if (ws == nullptr) return noWorkspace();
    auto row = cw::editSoa(*ws, edit);
    if (!row) return row.error();
    // A status edit moves gaps, readiness and evidence reach too: reload every section.
    refreshWorkbench();
    return {};
}

Result<SoaDraftResult> Facade::draftSoa() {
    Workspace* ws = workspace();
    if (ws == nullptr) return noWorkspace();
    auto result = cw::draftSoa(*ws);
    if (result) refreshWorkbench();
    return result;
}

Result<void> Facade::exportSoa(ExportFormat format, const std::filesystem::path& file) {
    Workspace* ws = workspace();
    if (ws == nullptr) return noWorkspace();
    return cw::exportSoa(*ws, format, file);
}

}  // namespace cw::gui
