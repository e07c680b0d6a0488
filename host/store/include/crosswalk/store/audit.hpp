/**
 * @file audit.hpp
 * @brief Reading and writing audit programmes, audits, findings, corrective actions and management reviews in the
 * workspace. The types and their pure rules are in crosswalk/model/audit.hpp.
 */
#pragma once

#include <crosswalk/model/audit.hpp>
#include <crosswalk/model/error.hpp>
#include <crosswalk/store/workspace.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

// Every set* function below validates first and writes in one transaction: on any error
// (BadInput for the caller's mistake, NotFound for an unknown key or ref) nothing is written.
// Keys are 1-64 letters, digits, '.', '_', '-', starting with a letter or digit; an empty key
// gets the next free one (numbers one past the highest in use, so a removed key is not reused).

/// Programmes by start date.
Result<std::vector<AuditProgramme>> auditProgrammes(Workspace& ws);
/// Adds or replaces by key (empty key: "AP-YYYY" from startsOn, "AP-YYYY-2" … when taken).
/// BadInput: empty title, endsOn before startsOn, a period that would leave one of the
/// programme's audits outside it.
Result<AuditProgramme> setAuditProgramme(Workspace& ws, const AuditProgramme& programme);
/// Removes a programme; its audits stay, without a programme. NotFound when unknown.
Result<void> removeAuditProgramme(Workspace& ws, std::string_view key);

/// Audits by planned date.
Result<std::vector<Audit>> audits(Workspace& ws);
/**
 * @brief Adds or replaces by key. An empty key gets the next free one from the planned year:
 * "IA-YYYY-N" (internal), "S1-YYYY", "S2-YYYY", "SA-YYYY-N" (surveillance), "RA-YYYY"
 * (recertification; a taken single key gets "-2", "-3" …).
 *
 * NotFound: an unknown programme or area ref. BadInput: an area that is not FRAMEWORK:REF,
 * an empty title, Completed without completedOn, completedOn on an audit not Completed,
 * completedOn before plannedOn, plannedOn outside the programme's period, or (replacing) a
 * plannedOn after one of the audit's findings was raised. Repeated areas are kept once.
 */
Result<Audit> setAudit(Workspace& ws, Audit audit);
/// Removes an audit with its findings and their corrective actions. NotFound when unknown.
Result<void> removeAudit(Workspace& ws, std::string_view key);

/// Findings of one audit (NotFound when unknown), or of all when `audit` is empty; by raised date.
Result<std::vector<AuditFinding>> auditFindings(Workspace& ws, std::string_view audit = {});
/**
 * @brief Adds or replaces by key (empty key: next "F-NN" after the highest used).
 *
 * NotFound: unknown audit or requirement. BadInput: empty description; a requirement that is
 * not FRAMEWORK:REF; raisedOn before the audit's plannedOn (findings are raised during the
 * audit, not before it); closed without closedOn, or open with one; closedOn before raisedOn;
 * closing while a corrective action is still open or in progress, or before an action's
 * closedOn (10.2: a nonconformity is closed once its actions are done); raisedOn after an
 * action's closedOn.
 */
Result<AuditFinding> setAuditFinding(Workspace& ws, AuditFinding finding);
/// Removes a finding with its corrective actions. NotFound when unknown.
Result<void> removeAuditFinding(Workspace& ws, std::string_view key);

/// Actions of one finding (NotFound when unknown), or of all when `finding` is empty; by key.
Result<std::vector<CorrectiveAction>> correctiveActions(Workspace& ws, std::string_view finding = {});
/**
 * @brief Adds or replaces by key (empty key: next "CA-NN" after the highest used).
 *
 * NotFound: unknown finding. BadInput: empty description; Done or Verified without a root
 * cause or without closedOn; closedOn with Open or In progress; closedOn before the finding
 * was raised or after it was closed; an Open or In-progress action on a closed finding.
 */
Result<CorrectiveAction> setCorrectiveAction(Workspace& ws, CorrectiveAction action);
/// Removes a corrective action. NotFound when unknown.
Result<void> removeCorrectiveAction(Workspace& ws, std::string_view key);

/// Reviews by date held, each with its inputs (in 9.3.2 order) and decisions (as entered).
Result<std::vector<ManagementReview>> managementReviews(Workspace& ws);
/**
 * @brief Adds or replaces by key (empty: next free "MR-YYYY-N" from the year held); inputs
 * and decisions are replaced. Missing inputs are allowed (a review can be recorded as held;
 * missingInputs() and Stage 2 readiness say what it lacks).
 *
 * BadInput, nothing written: an input given twice or with an empty summary; a decision without
 * text or due before the review was held; readyForCertification without a Readiness decision.
 */
Result<ManagementReview> setManagementReview(Workspace& ws, ManagementReview review);
/// NotFound when unknown.
Result<void> removeManagementReview(Workspace& ws, std::string_view key);

}  // namespace cw
