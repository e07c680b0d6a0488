// Stub: the programmes, audits, findings, actions, reviews, timeline, cycles commands; replaced by the real implementation.
#include "cli/common.hpp"

namespace cw::cli {

void addAuditCommands(CLI::App& /*app*/, Options& /*o*/, Command& /*command*/) {}

}  // namespace cw::cli
