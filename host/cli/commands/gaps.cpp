// `crosswalk gaps`: the progress of each target framework (or of one), and what is still open.
#include "cli/commands/commands.hpp"
#include "cli/listing.hpp"

#include <crosswalk/workbench/readiness.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <iostream>

namespace json = boost::json;

namespace cw::cli {
namespace {

// "[#####-----] 48%": ten cells, rounded down so that a bar is full only when all is done.
std::string progressBar(double share) {
    constexpr int kCells = 10;
    const int filled = std::clamp(static_cast<int>(std::floor(share * kCells)), 0, kCells);
    const int percent = std::clamp(static_cast<int>(std::floor(share * 100.0)), 0, 100);
    return "[" + std::string(static_cast<std::size_t>(filled), '#') +
           std::string(static_cast<std::size_t>(kCells - filled), '-') + "] " + std::to_string(percent) + "%";
}

json::object toJson(const FrameworkGap& g) {
    json::array open = jsonList(g.open, [](const RequirementStatus& r) { return cli::toJson(r); });
    return json::object{{"framework", g.framework},
                        {"applicable", g.applicable},
                        {"not_applicable", g.notApplicable},
                        {"implemented", g.implemented},
                        {"partial", g.partial},
                        {"planned", g.planned},
                        {"not_started", g.notStarted},
                        {"implemented_with_evidence", g.implementedWithEvidence},
                        {"progress", g.progress()},
                        {"open", std::move(open)}};
}

class GapsCommand {
public:
    explicit GapsCommand(CommandLine& cli) : m_global(cli.global()) {
        CommandBuilder c(cli, kSoaGroup, m_options.json);
        auto* gaps = c.add("gaps", "Progress of each target framework (or of one): implemented, with evidence, open",
                           [this] { return run(); });
        gaps->add_option("framework", m_options.framework, "One framework id (default: every target)");
        CommandBuilder::today(gaps, m_options.today, "Judge evidence freshness at this day");
    }

private:
    int run() const {
        auto today = dateOrToday(m_options.today, "--today");
        if (!today) return fail(today.error());
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        auto gaps = gapAnalysis(*ws, *today, m_options.framework);
        if (!gaps) return fail(gaps.error());
        if (m_options.json) {
            json::array list;
            for (const auto& g : *gaps) list.push_back(toJson(g));
            printJson(std::cout, json::object{{"today", today->str()}, {"frameworks", std::move(list)}});
            return kExitOk;
        }
        if (gaps->empty()) {
            std::cout << "No target frameworks: add one with `crosswalk targets add FRAMEWORK`, or name a framework.\n";
            return kExitOk;
        }
        Table table(
            {"FRAMEWORK", "PROGRESS", "IMPLEMENTED", "WITH EVIDENCE", "PARTIAL", "PLANNED", "NOT STARTED", "N/A"});
        for (const auto& g : *gaps) {
            table.add({g.framework, progressBar(g.progress()),
                       std::to_string(g.implemented) + "/" + std::to_string(g.applicable),
                       std::to_string(g.implementedWithEvidence), std::to_string(g.partial), std::to_string(g.planned),
                       std::to_string(g.notStarted), std::to_string(g.notApplicable)});
        }
        table.print(std::cout);
        // One framework named: what is still open, so the gap can be worked through.
        if (!m_options.framework.empty() && !gaps->front().open.empty()) {
            std::cout << "\nOpen (" << gaps->front().open.size() << "):\n";
            Table open({"REF", "STATUS", "OWNER", "DUE", "VIA", "TITLE"});
            for (const auto& s : gaps->front().open) {
                open.add({s.ref, std::string(toString(s.status)), s.owner, toString(s.due), s.via, clip(s.title, 60)});
            }
            open.print(std::cout);
        }
        return kExitOk;
    }

    struct Options {
        std::string framework;
        std::string today;
        bool json = false;
    };

    const GlobalOptions& m_global;
    Options m_options;
};

}  // namespace

void addGaps(CommandLine& cli) {
    cli.own<GapsCommand>();
}

}  // namespace cw::cli
