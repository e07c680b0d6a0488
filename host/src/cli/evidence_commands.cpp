// Stub: the evidence, risks commands; replaced by the real implementation.
#include "cli/common.hpp"

namespace cw::cli {

void addEvidenceCommands(CLI::App& /*app*/, Options& /*o*/, Command& /*command*/) {}

}  // namespace cw::cli
