// `crosswalk demo`: a workspace with every plugin and pack (as `init` makes it) filled with
// the demo organization (host/src/core/demo.cpp).
#include "cli/common.hpp"
#include "cli/output.hpp"

#include <crosswalk/model/date.hpp>
#include <crosswalk/workbench/demo.hpp>
#include <crosswalk/workbench/init.hpp>

#include <boost/json.hpp>

#include <iostream>

namespace cw::cli {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

struct DemoOptions {
    std::string today;
};
DemoOptions g_demo;

// Without --db the demo gets its own file beside the default workspace, never the user's workspace.
fs::path demoPath(const Options& o) {
    return o.db.empty() ? defaultWorkspacePath().parent_path() / "demo.db" : fs::path(o.db);
}

int cmdDemo(const Options& o) {
    auto today = g_demo.today.empty() ? Result<Date>(Date::today()) : Date::parse(g_demo.today, "--today");
    if (!today) return fail(today.error());
    const fs::path file = demoPath(o);
    if (!file.parent_path().empty()) {
        std::error_code ec;
        fs::create_directories(file.parent_path(), ec);
    }
    auto ws = Workspace::open(file, Workspace::OpenMode::CreateIfMissing);
    if (!ws) return fail(ws.error());

    PluginHost host;
    host.loadAll(searchPath(o));
    for (const auto& p : host.plugins()) {
        if (p.status != PluginStatus::Loaded) continue;
        auto synced = syncPlugin(*ws, p);
        // A plugin the workspace refuses is skipped, as `init` does; the demo says what it needs.
        if (!synced && synced.error().kind == ErrorKind::Internal) return fail(synced.error());
    }
    (void)importPacks(*ws, host, o);
    if (auto seeded = ws->seedCommonControls(); !seeded) return fail(seeded.error());

    auto summary = buildDemo(*ws, host, *today);
    if (!summary) return fail(summary.error());

    if (o.json) {
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
              << " evidence items, " << summary->soaRows << " SoA rows, " << summary->audits << " internal audit with "
              << summary->findings << " findings, " << summary->reviews << " management review\n\n"
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

}  // namespace

void addDemoCommand(CLI::App& app, Options& o, Command& command) {
    CLI::App* demo = app.add_subcommand(
        "demo",
        "Build a sample workspace: a fictional health-tech SaaS pursuing ISO 27001, SOC 2 and HIPAA, PCI DSS next "
        "(default file: demo.db beside the default workspace)");
    demo->group("Sample workspace");
    demo->add_option("--today", g_demo.today, "Place the demo's dates around this day (YYYY-MM-DD; default: today)");
    demo->add_flag("--json", o.json, "Print JSON");
    demo->callback([&command] { command = &cmdDemo; });
}

}  // namespace cw::cli
