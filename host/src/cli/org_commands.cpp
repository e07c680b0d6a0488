// Stub: the profile, scope, assets, targets, applicability, status commands; replaced by the real implementation.
#include "cli/common.hpp"

namespace cw::cli {

void addOrganizationCommands(CLI::App& /*app*/, Options& /*o*/, Command& /*command*/) {}

}  // namespace cw::cli
