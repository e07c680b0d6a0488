// Stub: the soa, gaps, remediation, readiness commands; replaced by the real implementation.
#include "cli/common.hpp"

namespace cw::cli {

void addSoaCommands(CLI::App& /*app*/, Options& /*o*/, Command& /*command*/) {}

}  // namespace cw::cli
