// `crosswalk overlap`: the asymmetric coverage matrix between frameworks, and the shared requirement sets.
#include "cli/commands/commands.hpp"
#include "cli/mappings.hpp"
#include "cli/output.hpp"

#include <boost/json.hpp>

#include <iostream>

namespace json = boost::json;

namespace cw::cli {
namespace {

json::object toJson(const Coverage& c) {
    return json::object{
        {"from", c.from},
        {"to", c.to},
        {"total", c.total},
        {"direct_full", c.directFull},
        {"direct_partial", c.directPartial},
        {"full", c.full},
        {"partial", c.partial},
        {"none", c.none},
        {"possibly_related", c.possiblyRelated},
        {"full_share", c.fullShare()},
        {"any_share", c.anyShare()},
    };
}

class OverlapCommand {
public:
    explicit OverlapCommand(CommandLine& cli) : m_global(cli.global()) {
        auto* overlap = cli.add("overlap", "Asymmetric coverage matrix between frameworks, and shared requirement sets",
                                [this] { return run(); });
        overlap->add_option("--frameworks", m_frameworks, "Comma-separated framework ids (default: all with mappings)")
            ->delimiter(',');
        overlap->add_option("--format", m_format, "table, json or csv")->check(CLI::IsMember({"table", "json", "csv"}));
        overlap->add_option("--depth", m_depth, "Maximum hops for inferred coverage (1-4, default 2)");
        overlap->add_flag("--json", m_json, "Same as --format json");
    }

private:
    int run() const {
        auto ws = Workspace::open(workspacePath(m_global), Workspace::OpenMode::MustExist);
        if (!ws) return fail(ws.error());
        auto graph = loadGraph(*ws);
        if (!graph) return fail(graph.error());
        auto frameworks = chooseFrameworks(*graph, m_frameworks);
        if (!frameworks) return fail(frameworks.error());
        if (m_depth < 1 || m_depth > 4) return fail(Error::badInput("--depth must be between 1 and 4"));
        const std::string format = m_json ? "json" : m_format;
        const auto matrix = graph->overlap(*frameworks, m_depth);
        const auto hub = std::string(kHubFramework);
        const auto shared = graph->sharedSets(hub, *frameworks);

        if (format == "json") {
            json::array cells;
            for (std::size_t i = 0; i < frameworks->size(); ++i) {
                for (std::size_t j = 0; j < frameworks->size(); ++j) {
                    if (i != j) cells.push_back(toJson(matrix[i][j]));
                }
            }
            json::array sets;
            for (const auto& s : shared) {
                sets.push_back(json::object{{"frameworks", json::array(s.frameworks.begin(), s.frameworks.end())},
                                            {"requirements", s.requirements}});
            }
            printJson(std::cout, json::object{{"frameworks", json::array(frameworks->begin(), frameworks->end())},
                                              {"depth", m_depth},
                                              {"coverage", std::move(cells)},
                                              {"hub", hub},
                                              {"shared_sets", std::move(sets)}});
        } else if (format == "csv") {
            std::cout << "from,to,total,direct_full,direct_partial,full,partial,none,possibly_related\n";
            for (std::size_t i = 0; i < frameworks->size(); ++i) {
                for (std::size_t j = 0; j < frameworks->size(); ++j) {
                    if (i == j) continue;
                    const auto& c = matrix[i][j];
                    std::cout << c.from << ',' << c.to << ',' << c.total << ',' << c.directFull << ','
                              << c.directPartial << ',' << c.full << ',' << c.partial << ',' << c.none << ','
                              << c.possiblyRelated << '\n';
                }
            }
        } else if (format == "table") {
            printMatrix(*frameworks, matrix, std::cout);
            if (!shared.empty()) {
                std::cout << "\nShared requirement sets: " << hub
                          << " requirements by the exact set of frameworks mapped to them\n";
                Table table({"REQUIREMENTS", "FRAMEWORKS"});
                for (std::size_t i = 0; i < shared.size() && i < 12; ++i) {
                    std::string names;
                    for (const auto& f : shared[i].frameworks) names += (names.empty() ? "" : " + ") + f;
                    table.add({std::to_string(shared[i].requirements), names});
                }
                table.print(std::cout);
            }
        } else {
            return fail(Error::badInput("--format must be table, json or csv, not '" + format + "'"));
        }
        return kExitOk;
    }

    const GlobalOptions& m_global;
    std::vector<std::string> m_frameworks;
    std::string m_format = "table";
    int m_depth = 2;
    bool m_json = false;
};

}  // namespace

void addOverlap(CommandLine& cli) {
    cli.own<OverlapCommand>();
}

}  // namespace cw::cli
