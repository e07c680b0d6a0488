/**
 * @file risk.hpp
 * @brief The risk register (ISO 27001 6.1.2 and 6.1.3): risks on assets, scored on a
 * configurable likelihood × impact matrix, treated with Annex A controls and accepted.
 */
#pragma once

#include <crosswalk/core/date.hpp>
#include <crosswalk/core/error.hpp>
#include <crosswalk/core/workspace.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

enum class RiskLevel { Low, Medium, High };
std::string_view toString(RiskLevel level) noexcept;

/// The scoring matrix. Score = likelihood × impact; levels count from 1 (the lowest).
struct RiskMatrix {
    int likelihoodLevels = 5;
    int impactLevels = 5;
    std::vector<std::string> likelihoodNames = {"rare", "unlikely", "possible", "likely", "almost certain"};
    std::vector<std::string> impactNames = {"negligible", "minor", "moderate", "major", "severe"};
    int mediumFrom = 5;      ///< score at which a risk is medium
    int highFrom = 12;       ///< score at which a risk is high
    int acceptableUpTo = 4;  ///< residual scores up to this may be accepted (risk acceptance criteria, 6.1.2 a)

    /// High from highFrom, Medium from mediumFrom, else Low.
    [[nodiscard]] RiskLevel level(int score) const noexcept;
};

enum class Treatment { Modify, Retain, Avoid, Share };
std::string_view toString(Treatment t) noexcept;
std::optional<Treatment> parseTreatment(std::string_view text) noexcept;

struct Risk {
    std::string key;  ///< e.g. "R-01"; unique
    std::string title;
    std::vector<std::string> assets;  ///< asset keys
    std::string threat;
    std::string vulnerability;
    std::string owner;  ///< the risk owner
    int likelihood = 1;
    int impact = 1;
    std::optional<Treatment> treatment;
    std::vector<std::string> controls;  ///< Annex A refs chosen for treatment ("A.5.15")
    std::optional<int> residualLikelihood;
    std::optional<int> residualImpact;
    std::string acceptedBy;  ///< must be the owner
    std::optional<Date> acceptedOn;
    std::string notes;

    [[nodiscard]] int score() const noexcept { return likelihood * impact; }
    /// Residual likelihood × residual impact, when both are set.
    [[nodiscard]] std::optional<int> residualScore() const noexcept;
};

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
