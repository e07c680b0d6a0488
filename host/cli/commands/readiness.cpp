// `crosswalk readiness`: Stage 1 or Stage 2 certification readiness, with the plugins' checks.
#include "cli/commands/commands.hpp"
#include "cli/listing.hpp"

#include <crosswalk/plugin_host/plugin_host.hpp>
#include <crosswalk/store/organization.hpp>
#include <crosswalk/workbench/readiness.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <iostream>

namespace json = boost::json;

namespace cw::cli {
namespace {

class ReadinessCommand {
public:
    explicit ReadinessCommand(CommandLine& cli) : m_global(cli.global()) {
        CommandBuilder c(cli, kSoaGroup, m_options.json);
        auto* readiness = c.add("readiness", "Stage 1 or Stage 2 certification readiness, with the plugins' checks",
                                [this] { return run(); });
        readiness->add_option("--stage", m_options.stage, "1 (documentation) or 2 (operation)")
            ->required()
            ->check(CLI::IsMember({1, 2}));
        CommandBuilder::today(readiness, m_options.today, "The audit date to judge at");
    }

private:
    int run() const {
        auto at = dateOrToday(m_options.today, "--today");
        if (!at) return fail(at.error());
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        PluginHost host;
        host.loadAll(searchPath(m_global));

        // Say which targets' plugin checks cannot run, rather than pass over them in silence.
        auto skipped = pluginsNotLoaded(*ws, host);
        if (!skipped) return fail(skipped.error());

        auto findings = m_options.stage == 1 ? stage1Readiness(*ws, &host, *at) : stage2Readiness(*ws, &host, *at);
        if (!findings) return fail(findings.error());
        std::array<std::size_t, 4> counts{};
        for (const auto& f : *findings) ++counts[static_cast<std::size_t>(f.severity)];

        if (m_options.json) {
            json::array list;
            for (const auto& f : *findings) {
                list.push_back(json::object{{"check", f.check},
                                            {"severity", toString(f.severity)},
                                            {"subject", f.subject},
                                            {"message", f.message},
                                            {"source", f.source}});
            }
            printJson(std::cout, json::object{{"stage", m_options.stage},
                                              {"today", at->str()},
                                              {"findings", std::move(list)},
                                              {"summary", json::object{{"blocker", counts[0]},
                                                                       {"major", counts[1]},
                                                                       {"minor", counts[2]},
                                                                       {"info", counts[3]},
                                                                       {"total", findings->size()}}},
                                              {"plugins_not_loaded", jsonStrings(*skipped)}});
        } else {
            std::cout << "Stage " << m_options.stage << " readiness on " << at->str() << "\n\n";
            if (findings->empty()) {
                std::cout << "No findings.\n";
            } else {
                // Sorted by severity, so each severity's findings stand together.
                Table table({"SEVERITY", "CHECK", "SUBJECT", "MESSAGE"});
                for (const auto& f : *findings) {
                    std::string severity(toString(f.severity));
                    std::transform(severity.begin(), severity.end(), severity.begin(),
                                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
                    table.add({severity, f.check, f.subject, f.message});
                }
                table.print(std::cout);
            }
            std::cout << "\nSummary: " << counts[0] << " blocker, " << counts[1] << " major, " << counts[2]
                      << " minor, " << counts[3] << " info (" << findings->size() << " findings)\n";
        }
        for (const auto& id : *skipped) {
            std::cerr << "crosswalk: plugin '" << id << "' is not loaded; its readiness checks did not run\n";
        }
        return kExitOk;
    }

    struct Options {
        std::string today;
        int stage = 0;
        bool json = false;
    };

    const GlobalOptions& m_global;
    Options m_options;
};

}  // namespace

void addReadiness(CommandLine& cli) {
    cli.own<ReadinessCommand>();
}

}  // namespace cw::cli
