// `crosswalk demo`: a workspace with every plugin and pack (as `init` makes it) filled with
// the demo organization (workbench/demo.hpp; its data is host/workbench/data/demo.json).
#include "cli/commands/commands.hpp"
#include "cli/output.hpp"

#include <crosswalk/io/paths.hpp>
#include <crosswalk/model/date.hpp>
#include <crosswalk/workbench/demo.hpp>
#include <crosswalk/workbench/init.hpp>

#include <boost/json.hpp>

#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;
namespace json = boost::json;

namespace cw::cli {
namespace {

// Without --db the demo gets its own file beside the default workspace, never the user's workspace.
fs::path demoPath(const GlobalOptions& global) {
    return global.db.empty() ? defaultWorkspacePath().parent_path() / "demo.db" : fs::path(global.db);
}

class DemoCommand {
public:
    explicit DemoCommand(CommandLine& cli) : m_global(cli.global()) {
        CLI::App* demo = cli.add(
            "demo",
            "Build a sample workspace: a fictional health-tech SaaS pursuing ISO 27001, SOC 2 and HIPAA, PCI DSS next "
            "(default file: demo.db beside the default workspace)",
            [this] { return run(); });
        demo->group(kSampleGroup);
        demo->add_option("--today", m_today, "Place the demo's dates around this day (YYYY-MM-DD; default: today)");
        demo->add_flag("--json", m_json, "Print JSON");
    }

private:
    int run() const {
        auto today = m_today.empty() ? Result<Date>(Date::today()) : Date::parse(m_today, "--today");
        if (!today) return fail(today.error());
        const fs::path file = demoPath(m_global);
        if (!file.parent_path().empty()) {
            std::error_code ec;
            fs::create_directories(file.parent_path(), ec);
        }
        auto ws = Workspace::open(file, Workspace::OpenMode::CreateIfMissing);
        if (!ws) return fail(ws.error());

        PluginHost host;
        host.loadAll(searchPath(m_global));
        // A plugin the workspace refuses is skipped, as `init` does; the demo says what it needs.
        auto report = initWorkspace(*ws, host, packPath(m_global));
        if (!report) return fail(report.error());
        for (const auto& line : report->importProblems) std::cerr << "crosswalk: " << line << '\n';

        auto summary = buildDemo(*ws, host, *today);
        if (!summary) return fail(summary.error());

        if (m_json) {
            printJson(std::cout, json::object{
                                     {"workspace", ws->path().string()},
                                     {"organization", summary->organization},
                                     {"today", today->str()},
                                     {"assets", summary->assets},
                                     {"risks", summary->risks},
                                     {"evidence", summary->evidence},
                                     {"soa_rows", summary->soaRows},
                                     {"audits", summary->audits},
                                     {"findings", summary->findings},
                                     {"management_reviews", summary->reviews},
                                 });
            return kExitOk;
        }
        const std::string db = " --db " + ws->path().string();
        std::cout << "Demo workspace " << ws->path().string() << "\n\n"
                  << summary->organization << ": ISO/IEC 27001:2022 with SOC 2 Type 2 and HIPAA, PCI DSS next.\n"
                  << "  " << summary->assets << " assets, " << summary->risks << " risks, " << summary->evidence
                  << " evidence items, " << summary->soaRows << " SoA rows, " << summary->audits
                  << " internal audit with " << summary->findings << " findings, " << summary->reviews
                  << " management review\n\n"
                  << "Try:\n"
                  << "  crosswalk" << db << " readiness --stage 1\n"
                  << "  crosswalk" << db << " readiness --stage 2\n"
                  << "  crosswalk" << db << " gaps\n"
                  << "  crosswalk" << db << " evidence --shared\n"
                  << "  crosswalk" << db << " soa --format xlsx -o soa.xlsx\n"
                  << "  crosswalk" << db << " timeline\n"
                  << "  crosswalk-gui --db " << ws->path().string() << "\n";
        return kExitOk;
    }

    const GlobalOptions& m_global;
    std::string m_today;
    bool m_json = false;
};

}  // namespace

void addDemo(CommandLine& cli) {
    cli.own<DemoCommand>();
}

}  // namespace cw::cli
