// What the crosswalk commands (and init) share: the workspace's mapping graph, which
// frameworks to show, the coverage matrix, and how a pack import is reported.
#pragma once

#include "cli/command_line.hpp"

#include <crosswalk/core/crosswalk.hpp>
#include <crosswalk/core/pack.hpp>

#include <boost/json/object.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace cw::cli {

/// The hub framework: the matrix starts from it, and shared requirement sets count its requirements.
inline constexpr const char* kHub = "iso27001-2022";

Result<CrosswalkGraph> loadGraph(Workspace& ws);

/// Frameworks to show: those named, checked; else every framework that has mappings.
Result<std::vector<std::string>> chooseFrameworks(const CrosswalkGraph& graph, const std::vector<std::string>& named);

/// The coverage matrix as a table, with the two lines that say how to read it.
void printMatrix(const std::vector<std::string>& frameworks, const std::vector<std::vector<Coverage>>& matrix,
                 std::ostream& out);

/// "crosswalk: ORIGIN: PROBLEM" on stderr, one line each.
void printProblems(const std::string& origin, const std::vector<Problem>& problems);

boost::json::object toJson(const PackImport& r);

}  // namespace cw::cli
