/**
 * @file risk.hpp
 * @brief Reading and writing the risk register and its likelihood × impact matrix in the workspace. The types and their
 * pure rules are in crosswalk/model/risk.hpp.
 */
#pragma once

#include <crosswalk/model/error.hpp>
#include <crosswalk/model/risk.hpp>
#include <crosswalk/store/workspace.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

Result<RiskMatrix> riskMatrix(Workspace& ws);
/**
 * @brief Replaces the matrix (one row; without one, the defaults above apply).
 *
 * BadInput, nothing written: levels outside 2–10; a names list whose length is not the
 * level count, or with a blank or repeated name; unless 1 ≤ mediumFrom ≤ highFrom ≤
 * likelihoodLevels × impactLevels and 0 ≤ acceptableUpTo < highFrom; a recorded risk whose
 * scores (inherent or residual) fall outside the new matrix; an accepted risk whose score
 * would be above the new acceptance criteria.
 */
Result<void> setRiskMatrix(Workspace& ws, const RiskMatrix& matrix);

/// Every risk by key, with its asset keys (sorted) and controls (in Annex A order).
Result<std::vector<Risk>> risks(Workspace& ws);
/// NotFound for an unknown key.
Result<Risk> risk(Workspace& ws, std::string_view key);
/**
 * @brief Adds or replaces a risk by key (an empty key gets the next free "R-NN").
 *
 * BadInput, nothing written: a key other than 1-64 letters, digits, '.', '_' or '-' starting
 * with a letter or digit; a blank title; scores outside the matrix; unknown asset keys;
 * controls that are not Annex A controls of iso27001-2022; residual scores above the inherent
 * ones; "modify" without controls; acceptance without a date, by someone other than the owner,
 * or of a residual score above the acceptance criteria.
 *
 * In detail: controls are local refs ("A.5.15") or full ones ("iso27001-2022:A.5.15") of
 * assessable Annex A controls; residual likelihood and impact come together, each at most
 * its inherent value; an acceptance needs accepted-by, accepted-on and an owner, and the
 * score it accepts is the residual one, or the inherent one when there is no residual.
 * Returns the risk as stored.
 */
Result<Risk> setRisk(Workspace& ws, Risk risk);
/// NotFound for an unknown key; its asset and control links go with it.
Result<void> removeRisk(Workspace& ws, std::string_view key);

}  // namespace cw
