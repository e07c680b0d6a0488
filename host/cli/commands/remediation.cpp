// `crosswalk remediation`: common controls to implement, ranked by how many target frameworks each advances.
#include "cli/commands/commands.hpp"
#include "cli/listing.hpp"

#include <crosswalk/workbench/readiness.hpp>

#include <boost/json.hpp>

#include <iostream>

namespace json = boost::json;

namespace cw::cli {
namespace {

class RemediationCommand {
public:
    explicit RemediationCommand(CommandLine& cli) : m_global(cli.global()) {
        CommandBuilder c(cli, kSoaGroup, m_options.json);
        auto* remediation =
            c.add("remediation", "Common controls to implement, ranked by how many target frameworks each advances",
                  [this] { return run(); });
        remediation->add_option("--limit", m_options.limit, "Show only the first N actions (0: all)");
    }

private:
    int run() const {
        if (m_options.limit < 0)
            return fail(Error::badInput("--limit: must be 0 (all) or more, not " + std::to_string(m_options.limit)));
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        auto plan = remediationPlan(*ws);
        if (!plan) return fail(plan.error());
        const std::size_t total = plan->size();
        if (m_options.limit > 0 && plan->size() > static_cast<std::size_t>(m_options.limit)) {
            plan->resize(static_cast<std::size_t>(m_options.limit));
        }
        if (m_options.json) {
            json::array list;
            std::size_t rank = 0;
            for (const auto& a : *plan) {
                list.push_back(json::object{{"rank", ++rank},
                                            {"common_control", a.commonControl},
                                            {"title", a.title},
                                            {"status", toString(a.status)},
                                            {"owner", a.owner},
                                            {"due", jsonDate(a.due)},
                                            {"frameworks", jsonStrings(a.frameworks)},
                                            {"requirements", a.requirements},
                                            {"would_implement", a.wouldImplement}});
            }
            printJson(std::cout, json::object{{"actions", std::move(list)}, {"total", total}});
            return kExitOk;
        }
        if (plan->empty()) {
            std::cout << "Nothing to remediate: no common control is linked to an open requirement of a target "
                         "framework.\n";
            return kExitOk;
        }
        Table table({"#", "COMMON CONTROL", "FRAMEWORKS", "REQUIREMENTS", "WOULD IMPLEMENT", "STATUS", "OWNER", "DUE",
                     "TITLE"});
        std::size_t rank = 0;
        for (const auto& a : *plan) {
            table.add({std::to_string(++rank), a.commonControl, joined(a.frameworks), std::to_string(a.requirements),
                       std::to_string(a.wouldImplement), std::string(toString(a.status)), a.owner, toString(a.due),
                       clip(a.title, 50)});
        }
        table.print(std::cout);
        if (plan->size() < total) std::cout << "\n" << plan->size() << " of " << total << " actions shown (--limit)\n";
        return kExitOk;
    }

    struct Options {
        int limit = 0;
        bool json = false;
    };

    const GlobalOptions& m_global;
    Options m_options;
};

}  // namespace

void addRemediation(CommandLine& cli) {
    cli.own<RemediationCommand>();
}

}  // namespace cw::cli
