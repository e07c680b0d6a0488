// The names, parsing and pure rules of the risk types (crosswalk/model/risk.hpp).
#include <crosswalk/model/risk.hpp>

#include <crosswalk/model/text.hpp>

#include <algorithm>
#include <array>

namespace cw {

RiskLevel RiskMatrix::level(int score) const noexcept {
    if (score >= highFrom) return RiskLevel::High;
    if (score >= mediumFrom) return RiskLevel::Medium;
    return RiskLevel::Low;
}

std::optional<int> Risk::residualScore() const noexcept {
    if (!residualLikelihood || !residualImpact) return std::nullopt;
    return *residualLikelihood * *residualImpact;
}

std::string_view toString(RiskLevel level) noexcept {
    switch (level) {
        case RiskLevel::Low:
            return "low";
        case RiskLevel::Medium:
            return "medium";
        case RiskLevel::High:
            return "high";
    }
    return "low";
}

std::string_view toString(Treatment t) noexcept {
    switch (t) {
        case Treatment::Modify:
            return "modify";
        case Treatment::Retain:
            return "retain";
        case Treatment::Avoid:
            return "avoid";
        case Treatment::Share:
            return "share";
    }
    return "modify";
}

std::optional<Treatment> parseTreatment(std::string_view text) noexcept {
    for (const Treatment t : {Treatment::Modify, Treatment::Retain, Treatment::Avoid, Treatment::Share}) {
        if (toString(t) == text) return t;
    }
    return std::nullopt;
}

}  // namespace cw
