// Stub: the demo commands; replaced by the real implementation.
#include "cli/common.hpp"

namespace cw::cli {

void addDemoCommand(CLI::App& /*app*/, Options& /*o*/, Command& /*command*/) {}

}  // namespace cw::cli
