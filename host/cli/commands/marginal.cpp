// `crosswalk marginal`: what is left to do when adding a framework to those already held.
#include "cli/commands/commands.hpp"
#include "cli/mappings.hpp"
#include "cli/output.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <iostream>

namespace json = boost::json;

namespace cw::cli {
namespace {

class MarginalCommand {
public:
    explicit MarginalCommand(CommandLine& cli) : m_global(cli.global()) {
        auto* marginal = cli.add("marginal", "What is left to do when adding a framework to those already held",
                                 [this] { return run(); });
        marginal->add_option("--have", m_have, "Frameworks already held, comma-separated")->delimiter(',')->required();
        marginal->add_option("--add", m_add, "Framework to add")->required();
        marginal->add_option("--depth", m_depth, "Maximum hops (1-4, default 2)");
        marginal->add_flag("--json", m_json, "Print JSON");
    }

private:
    int run() const {
        auto ws = Workspace::open(workspacePath(m_global), Workspace::OpenMode::MustExist);
        if (!ws) return fail(ws.error());
        auto graph = loadGraph(*ws);
        if (!graph) return fail(graph.error());
        if (std::find(m_have.begin(), m_have.end(), m_add) != m_have.end()) {
            return fail(Error::badInput("--add " + m_add + " is already in --have"));
        }
        std::vector<std::string> named = m_have;
        named.push_back(m_add);
        if (auto check = chooseFrameworks(*graph, named); !check) return fail(check.error());
        if (m_depth < 1 || m_depth > 4) return fail(Error::badInput("--depth must be between 1 and 4"));
        const Marginal m = graph->marginal(m_have, m_add, m_depth);
        if (m_json) {
            json::array items;
            for (const auto& item : m.items) {
                items.push_back(json::object{
                    {"control", item.control},
                    {"title", item.title},
                    {"coverage", toString(item.level)},
                    {"covered_by", item.coveredBy.empty() ? json::value(nullptr) : json::value(item.coveredBy)}});
            }
            printJson(std::cout, json::object{{"have", json::array(m.have.begin(), m.have.end())},
                                              {"add", m.add},
                                              {"total", m.total},
                                              {"full", m.full},
                                              {"partial", m.partial},
                                              {"none", m.none},
                                              {"requirements", std::move(items)}});
            return kExitOk;
        }
        std::string have;
        for (const auto& h : m.have) have += (have.empty() ? "" : ", ") + h;
        std::cout << "Adding " << m.add << " to " << have << ": " << m.total << " assessable requirements\n"
                  << "  already covered   " << m.full << '\n'
                  << "  partly covered    " << m.partial << '\n'
                  << "  new work          " << m.none << "\n\nWhat is left to do:\n";
        Table table({"COVERAGE", "REQUIREMENT", "TITLE", "NEAREST"});
        for (const auto& item : m.items) {
            if (item.level == CoverageLevel::Full) continue;
            table.add({std::string(toString(item.level)), item.control, item.title.substr(0, 60), item.coveredBy});
        }
        table.print(std::cout);
        return kExitOk;
    }

    const GlobalOptions& m_global;
    std::vector<std::string> m_have;
    std::string m_add;
    int m_depth = 2;
    bool m_json = false;
};

}  // namespace

void addMarginal(CommandLine& cli) {
    cli.own<MarginalCommand>();
}

}  // namespace cw::cli
