// Every top-level command of `crosswalk`, one file each under commands/, named after it.
// Each registration function makes the command, which owns its options and registers itself.
#pragma once

#include "cli/command_line.hpp"

namespace cw::cli {

// The headings of `crosswalk --help` below the catalog and crosswalk commands.
inline constexpr const char* kOrganizationGroup = "Organization and scope";
inline constexpr const char* kEvidenceGroup = "Evidence and risks";
inline constexpr const char* kAuditGroup = "Audits, reviews and timeline";
inline constexpr const char* kSoaGroup = "Statement of Applicability and readiness";
inline constexpr const char* kSampleGroup = "Sample workspace";

void addInit(CommandLine& cli);
void addPlugins(CommandLine& cli);
void addFrameworks(CommandLine& cli);
void addControls(CommandLine& cli);
void addShow(CommandLine& cli);
void addVerifyPlugin(CommandLine& cli);
void addImportPack(CommandLine& cli);
void addPacks(CommandLine& cli);
void addMap(CommandLine& cli);
void addOverlap(CommandLine& cli);
void addMarginal(CommandLine& cli);
void addCommonControls(CommandLine& cli);
void addProfile(CommandLine& cli);
void addScope(CommandLine& cli);
void addAssets(CommandLine& cli);
void addTargets(CommandLine& cli);
void addApplicability(CommandLine& cli);
void addStatus(CommandLine& cli);
void addEvidence(CommandLine& cli);
void addRisks(CommandLine& cli);
void addProgrammes(CommandLine& cli);
void addAudits(CommandLine& cli);
void addFindings(CommandLine& cli);
void addActions(CommandLine& cli);
void addReviews(CommandLine& cli);
void addTimeline(CommandLine& cli);
void addCycles(CommandLine& cli);
void addSoa(CommandLine& cli);
void addGaps(CommandLine& cli);
void addRemediation(CommandLine& cli);
void addReadiness(CommandLine& cli);
void addDemo(CommandLine& cli);

}  // namespace cw::cli
