// What the crosswalk commands (and init) share: the workspace's mapping graph, which
// frameworks to show, the coverage matrix, and how a pack import is reported.
#pragma once

#include "cli/command_line.hpp"

#include <crosswalk/model/hub.hpp>

#include <crosswalk/analysis/crosswalk_graph.hpp>
#include <crosswalk/io/pack.hpp>

#include <boost/json/object.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace cw::cli {

Result<CrosswalkGraph> loadGraph(Workspace& ws);

/// Frameworks to show: those named, checked; else every framework that has mappings, hub first,
/// then the most connected (CrosswalkGraph::frameworksByConnection).
Result<std::vector<std::string>> chooseFrameworks(const CrosswalkGraph& graph, const std::vector<std::string>& named);

/// The coverage matrix as a table, with the two lines that say how to read it.
void printMatrix(const std::vector<std::string>& frameworks, const std::vector<std::vector<Coverage>>& matrix,
                 std::ostream& out);

/// "crosswalk: ORIGIN: PROBLEM" on stderr, one line each.
void printProblems(const std::string& origin, const std::vector<Problem>& problems);

boost::json::object toJson(const PackImport& r);

}  // namespace cw::cli
