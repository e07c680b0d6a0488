/**
 * @file risk.hpp
 * @brief The risk register (ISO 27001 6.1.2 and 6.1.3): risks on assets, scored on a
 * configurable likelihood × impact matrix, treated with Annex A controls and accepted.
 */
#pragma once

#include <crosswalk/model/date.hpp>
#include <crosswalk/model/error.hpp>

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

}  // namespace cw
