#include "cli/mappings.hpp"

#include "cli/output.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <iostream>
#include <map>
#include <set>

namespace json = boost::json;

namespace cw::cli {

void printProblems(const std::string& origin, const std::vector<Problem>& problems) {
    for (const auto& p : problems) std::cerr << "crosswalk: " << origin << ": " << toString(p) << '\n';
}

json::object toJson(const PackImport& r) {
    json::array problems;
    for (const auto& p : r.problems) problems.emplace_back(toString(p));
    return json::object{
        {"pack", r.packId},
        {"action", r.problems.empty() ? json::value(toString(r.action)) : json::value("rejected")},
        {"version", r.version},
        {"previous_version", r.previousVersion.empty() ? json::value(nullptr) : json::value(r.previousVersion)},
        {"mappings", r.mappings},
        {"note", r.note},
        {"problems", std::move(problems)},
    };
}

Result<CrosswalkGraph> loadGraph(Workspace& ws) {
    auto data = ws.graph();
    if (!data) return data.error();
    return CrosswalkGraph(std::move(*data));
}

Result<std::vector<std::string>> chooseFrameworks(const CrosswalkGraph& graph, const std::vector<std::string>& named) {
    const auto& all = graph.data().frameworks;
    if (!named.empty()) {
        std::set<std::string> seen;
        for (const auto& f : named) {
            if (!seen.insert(f).second) return Error::badInput("framework '" + f + "' is named twice");
            if (std::find(all.begin(), all.end(), f) == all.end()) {
                std::string known;
                for (const auto& k : all) known += (known.empty() ? "" : ", ") + k;
                return Error::notFound("unknown framework '" + f + "' (known: " + known + ")");
            }
        }
        return named;
    }
    return graph.frameworksByConnection();
}

void printMatrix(const std::vector<std::string>& frameworks, const std::vector<std::vector<Coverage>>& matrix,
                 std::ostream& out) {
    out << "Coverage: how much of each COLUMN framework's assessable requirements the ROW framework covers,\n"
           "as full% / at-least-partial% (direct and inferred mappings).\n\n";
    std::vector<std::string> header{"covers →"};
    for (const auto& f : frameworks) header.push_back(f);
    Table table(header);
    for (std::size_t i = 0; i < frameworks.size(); ++i) {
        std::vector<std::string> row{frameworks[i]};
        for (std::size_t j = 0; j < frameworks.size(); ++j) {
            if (i == j) {
                row.emplace_back("-");
            } else {
                row.push_back(percent(matrix[i][j].fullShare()) + "/" + percent(matrix[i][j].anyShare()));
            }
        }
        table.add(std::move(row));
    }
    table.print(out);
}

}  // namespace cw::cli
