// The one door from the views into libcrosswalk: the library's own types out, no SQLite,
// no graph internals. Owns the Workspace and a CrosswalkGraph built once per load.
#pragma once

#include <crosswalk/analysis/crosswalk_graph.hpp>
#include <crosswalk/model/date.hpp>
#include <crosswalk/model/error.hpp>
#include <crosswalk/store/audit.hpp>
#include <crosswalk/store/evidence.hpp>
#include <crosswalk/store/organization.hpp>
#include <crosswalk/store/risk.hpp>
#include <crosswalk/store/soa.hpp>
#include <crosswalk/store/workspace.hpp>
#include <crosswalk/workbench/readiness.hpp>
#include <crosswalk/workbench/timeline.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cw::gui {

using Attribute = std::pair<std::string, std::string>;  ///< key, value as text

// Workspace rows the views show as they are: the host's own types, not copies.
using FrameworkInfo = cw::FrameworkSummary;
using PluginInfo = cw::WorkspacePlugin;
using PackInfo = cw::PackRow;

/// One row of a framework's catalog, with its place in the tree.
struct ControlItem {
    std::string ref;
    std::string parent;
    std::string title;
    std::string kind;
    bool assessable = false;
    int depth = 0;
    int parentIndex = -1;       ///< index in the same vector, -1 at top level
    std::vector<int> children;  ///< indices in the same vector, catalog order
    std::vector<Attribute> attributes;
};

struct RefTitle {
    std::string fullRef;
    std::string title;
};

struct ControlInfo {
    std::string fullRef;
    std::string framework;
    std::string frameworkName;
    std::string ref;
    std::string title;
    std::string description;
    std::string kind;
    bool assessable = false;
    std::vector<Attribute> attributes;
    std::vector<RefTitle> ancestors;  ///< root first
    std::vector<RefTitle> children;
};

/// The coverage matrix: cells[from][to] is how much of framework `to` framework `from`
/// covers (cw::CrosswalkGraph::overlap; the diagonal is empty).
struct OverlapMatrix {
    int depth = 2;
    std::vector<std::string> frameworks;           ///< hub first, then most connected
    std::vector<std::vector<cw::Coverage>> cells;  ///< [from][to]
};

struct SearchHit {
    std::string fullRef;
    std::string framework;
    std::string title;
};

/// A plugin file the host refused to load, and why (one line per problem).
struct RejectedPlugin {
    std::string file;
    std::string id;       ///< empty when the descriptor could not be read
    std::string version;  ///< of the plugin, when known
    std::string abi;      ///< "major.minor" the plugin was built for, when known
    std::vector<std::string> problems;
};

// ---- The certification workbench, as the views draw it. ------------------
// Each section is loaded on first use and kept until the workspace changes (an edit
// through the facade, or another open); `error` holds why a section could not be read.

/// An evidence item with its freshness worked out at the facade's today.
struct EvidenceRow {
    cw::EvidenceItem item;
    cw::Freshness freshness = cw::Freshness::Undated;
    std::optional<cw::Date> expires;
    int daysLeft = 0;  ///< from today to the expiry (negative: stale for that many days)
};

struct EvidenceData {
    std::vector<EvidenceRow> rows;        ///< by key
    std::vector<std::string> frameworks;  ///< every framework some item serves, sorted
    std::size_t maxReuse = 0;
    std::string error;
};

struct ReadinessData {
    std::vector<cw::FrameworkGap> gaps;
    std::vector<cw::RemediationAction> remediation;
    std::vector<cw::ReadinessFinding> stage1;
    std::vector<cw::ReadinessFinding> stage2;
    cw::Date stage2At;                      ///< the date Stage 2 readiness was judged at
    std::optional<cw::Date> plannedStage2;  ///< the Stage 2 planned start, when the timeline has one
    bool pluginChecks = false;              ///< false when no plugin host could be loaded
    std::string error;
};

struct SoaData {
    std::vector<cw::SoaRow> rows;  ///< Annex A order
    std::string error;
};

struct RiskData {
    cw::RiskMatrix matrix;
    std::vector<cw::Risk> risks;
    std::vector<cw::Asset> assets;
    std::string error;
};

struct AuditData {
    std::vector<cw::AuditProgramme> programmes;
    std::vector<cw::Audit> audits;
    std::vector<cw::AuditFinding> findings;
    std::vector<cw::CorrectiveAction> actions;
    std::vector<cw::ManagementReview> reviews;
    std::string error;
};

struct TimelineData {
    cw::Timeline timeline;
    std::string error;
};

class Facade {
public:
    Facade();
    ~Facade();
    Facade(const Facade&) = delete;
    Facade& operator=(const Facade&) = delete;

    /// Opens (or, with `create`, creates) a workspace and builds its graph; on failure the
    /// previous workspace stays open.
    Result<void> open(const std::filesystem::path& file, bool create);
    void close();
    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] const std::filesystem::path& path() const;
    /// Bumped when another workspace is opened or closed: views drop what they cached and
    /// start over (selections included). Edits bump revision() only, so selections stay.
    [[nodiscard]] std::uint64_t generation() const { return m_generation; }
    [[nodiscard]] static const std::string& hub();

    [[nodiscard]] const std::vector<FrameworkInfo>& frameworks() const { return m_frameworks; }
    [[nodiscard]] const FrameworkInfo* framework(std::string_view id) const;
    [[nodiscard]] const std::vector<PluginInfo>& plugins() const { return m_plugins; }
    [[nodiscard]] const std::vector<PackInfo>& packs() const { return m_packs; }

    /// A framework's catalog in catalog order (loaded once, then cached; never null).
    Result<const std::vector<ControlItem>*> controls(const std::string& framework);
    Result<ControlInfo> control(std::string_view fullRef);
    /// Direct and inferred relations, best first (possibly-related last).
    [[nodiscard]] std::vector<cw::Related> related(std::string_view fullRef, int depth) const;

    /// The coverage matrix over every framework that has mappings (cached per depth).
    const OverlapMatrix& overlap(int depth);
    /// Each assessable requirement of `to` and how well `from` covers it: the cell's rows.
    [[nodiscard]] std::vector<cw::MarginalItem> cellRequirements(const std::string& from, const std::string& to,
                                                                 int depth) const;
    /// Hub requirements by the exact set of frameworks directly mapped to them.
    [[nodiscard]] std::vector<cw::SharedSet> sharedSets(const std::vector<std::string>& frameworks) const;
    [[nodiscard]] cw::Marginal marginal(const std::vector<std::string>& have, const std::string& add, int depth) const;

    /// Controls whose full ref or title contains every word of `query` (case-insensitive),
    /// ref matches first.
    [[nodiscard]] std::vector<SearchHit> search(std::string_view query, std::size_t limit) const;

    // ---- plugins as the host sees them (loaded lazily, once per process) -------------

    /// Where plugins are looked for (default: cw::pluginSearchPath({}, true)); takes effect
    /// before the first use of the host.
    void setPluginPath(std::vector<std::filesystem::path> path);
    /// The plugin files the host refused, with their reasons.
    const std::vector<RejectedPlugin>& rejectedPlugins();
    /// How many plugin files the host looked at (loaded and rejected).
    std::size_t pluginFilesSeen();

    // ---- the certification workbench -------------------------------------------------

    /// The day freshness, readiness and the timeline are judged at (default: today, UTC).
    [[nodiscard]] cw::Date today() const { return m_today; }
    void setToday(cw::Date today);
    /// Bumped whenever workbench data may have changed (open, edit, draft): views re-filter.
    [[nodiscard]] std::uint64_t revision() const { return m_revision; }
    /// Drops every cached workbench section (after an edit, or on request).
    void refreshWorkbench();

    const EvidenceData& evidence();
    const ReadinessData& readiness();
    /// Judge Stage 2 at this date (nullopt: today); drops the cached readiness.
    void setStage2At(std::optional<cw::Date> at);
    [[nodiscard]] std::optional<cw::Date> stage2At() const { return m_stage2At; }
    const SoaData& soa();
    const RiskData& risks();
    const AuditData& audits();
    const TimelineData& timeline();

    /// Edits one SoA row (cw::editSoa); every workbench section is reloaded on success.
    Result<void> editSoa(const cw::SoaEdit& edit);
    /// Drafts or refreshes the SoA (cw::draftSoa).
    Result<cw::SoaDraftResult> draftSoa();
    Result<void> exportSoa(cw::ExportFormat format, const std::filesystem::path& file);

private:
    static Error noWorkspace();
    /// The open workspace, or nullptr.
    cw::Workspace* workspace();
    /// Loads the plugin host on first use; nullptr when no plugin could be looked at.
    const cw::PluginHost* pluginHost();

    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::uint64_t m_generation = 0;
    std::vector<FrameworkInfo> m_frameworks;
    std::vector<PluginInfo> m_plugins;
    std::vector<PackInfo> m_packs;
    std::map<std::string, std::vector<ControlItem>, std::less<>> m_controls;
    std::map<int, OverlapMatrix> m_overlap;

    std::optional<std::vector<std::filesystem::path>> m_pluginPath;
    std::unique_ptr<cw::PluginHost> m_host;
    std::vector<RejectedPlugin> m_rejected;
    std::optional<EvidenceData> m_evidence;
    std::optional<ReadinessData> m_readiness;
    std::optional<SoaData> m_soa;
    std::optional<RiskData> m_risks;
    std::optional<AuditData> m_audits;
    std::optional<TimelineData> m_timeline;
    cw::Date m_today;
    std::optional<cw::Date> m_stage2At;
    std::uint64_t m_revision = 0;
};

}  // namespace cw::gui
