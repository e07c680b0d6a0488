#include <crosswalk/workbench/init.hpp>

#include <crosswalk/io/pack.hpp>
#include <crosswalk/io/paths.hpp>

#include <set>
#include <utility>

namespace fs = std::filesystem;

namespace cw {

CatalogSource catalogSource(const PluginInfo& plugin) {
    return CatalogSource{plugin.id,       plugin.name,     plugin.version, plugin.publisher,
                         plugin.licence,  plugin.file,     plugin.sha256,  plugin.catalogSha256,
                         plugin.abiMajor, plugin.abiMinor, &plugin.catalog};
}

Result<SyncResult> syncPlugin(Workspace& ws, const PluginInfo& plugin) {
    if (plugin.status != PluginStatus::Loaded) {
        return Error::badInput(plugin.file.string() + ": plugin was rejected; nothing to load");
    }
    return ws.syncCatalog(catalogSource(plugin));
}

std::string_view toString(PackAction action) noexcept {
    switch (action) {
        case PackAction::Added:
            return "added";
        case PackAction::Updated:
            return "updated";
        case PackAction::Unchanged:
            return "unchanged";
        case PackAction::Skipped:
            return "skipped";
        case PackAction::Failed:
            return "failed";
        case PackAction::Rejected:
            return "rejected";
    }
    return "unchanged";
}

namespace {

PackAction packAction(SyncAction action) {
    switch (action) {
        case SyncAction::Added:
            return PackAction::Added;
        case SyncAction::Updated:
            return PackAction::Updated;
        case SyncAction::Unchanged:
            return PackAction::Unchanged;
        case SyncAction::Skipped:
            return PackAction::Skipped;
    }
    return PackAction::Unchanged;
}

/// Imports packs into the workspace, recording each in the report.
class PackImporter {
public:
    PackImporter(Workspace& ws, InitReport& report) : m_ws(ws), m_report(report) {
        // What the plugins just brought; a pack that maps anything else is skipped.
        if (auto frameworks = ws.frameworks()) {
            for (const auto& f : *frameworks) m_known.insert(f.id);
        }
    }

    void importBundle(const PluginInfo& plugin) {
        std::vector<Problem> bundle;
        const std::string origin = "plugin:" + plugin.id;
        for (auto& reading : readPackBundle(plugin.packsJson, bundle)) importReading(reading, origin, plugin.id);
        noteProblems(origin, bundle);
    }

    void importFile(const fs::path& file) {
        auto text = readTextFile(file);
        if (!text) {
            m_report.importProblems.push_back(text.error().message);
            m_report.packs.push_back(
                PackInit{{}, PackAction::Failed, {}, {}, {}, {}, {text.error().message}, file.string()});
            return;
        }
        importReading(readPack(*text), file.string(), "");
    }

private:
    void importReading(const PackReading& reading, const std::string& origin, const std::string& pluginId) {
        if (!reading.pack) {
            noteProblems(origin, reading.problems);
            m_report.packs.push_back(
                PackInit{{}, PackAction::Rejected, {}, {}, {}, {}, problemTexts(reading.problems), origin});
            return;
        }
        const Pack& pack = *reading.pack;
        for (const auto* needed : {&pack.sourceFramework, &pack.targetFramework}) {
            if (!m_known.contains(*needed)) {
                m_report.packs.push_back(PackInit{pack.id,
                                                  PackAction::Skipped,
                                                  pack.version,
                                                  {},
                                                  {},
                                                  "framework '" + *needed + "' is not loaded",
                                                  {},
                                                  origin});
                return;
            }
        }
        auto result = m_ws.importPack(pack, origin, reading.contentSha256, pluginId);
        if (!result) {
            m_report.importProblems.push_back(origin + ": " + result.error().message);
            m_report.packs.push_back(
                PackInit{pack.id, PackAction::Failed, pack.version, {}, {}, {}, {result.error().message}, origin});
            return;
        }
        noteProblems(origin, result->problems);
        const bool clean = result->problems.empty();
        m_report.packs.push_back(PackInit{result->packId, clean ? packAction(result->action) : PackAction::Rejected,
                                          result->version, result->previousVersion,
                                          clean ? std::optional(result->mappings) : std::nullopt, result->note,
                                          problemTexts(result->problems), origin});
    }

    void noteProblems(const std::string& origin, const std::vector<Problem>& problems) {
        for (const auto& p : problems) m_report.importProblems.push_back(origin + ": " + toString(p));
    }

    static std::vector<std::string> problemTexts(const std::vector<Problem>& problems) {
        std::vector<std::string> texts;
        texts.reserve(problems.size());
        for (const auto& p : problems) texts.push_back(toString(p));
        return texts;
    }

    Workspace& m_ws;
    InitReport& m_report;
    std::set<std::string> m_known;
};

}  // namespace

Result<InitReport> initWorkspace(Workspace& ws, const PluginHost& host, const std::vector<fs::path>& packPath) {
    InitReport report;
    for (const auto& p : host.plugins()) {
        PluginInit entry{&p, {}, {}};
        if (p.status == PluginStatus::Loaded) {
            auto synced = syncPlugin(ws, p);
            if (synced) {
                entry.sync = std::move(*synced);
            } else if (synced.error().kind == ErrorKind::Internal) {
                return synced.error();
            } else {
                entry.refusal = synced.error().message;
            }
        }
        report.plugins.push_back(std::move(entry));
    }

    PackImporter importer(ws, report);
    for (const auto& p : host.plugins()) {
        if (p.status == PluginStatus::Loaded && !p.packsJson.empty()) importer.importBundle(p);
    }
    for (const auto& file : findPackFiles(packPath)) importer.importFile(file);

    auto seeded = ws.seedCommonControls();
    if (!seeded) return seeded.error();
    report.seeded = *seeded;
    return report;
}

}  // namespace cw
