/**
 * @file soa_draft.hpp
 * @brief Drafting the Statement of Applicability: what each Annex A control's row says before a
 * person edits it, and the words of its justification.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

/// An applicable requirement of another target framework that an Annex A control serves
/// (through the common controls linked to it).
struct SoaDriver {
    std::string framework;
    std::string ref;
};

/// A drafted row: applicable or not (nullopt: undecided), and why.
struct SoaDraftDecision {
    std::optional<bool> applicable;
    std::string justification;
};

/// How justifications name a framework ("SOC 2", "PCI DSS"); an unknown one by its id.
[[nodiscard]] std::string frameworkLabel(std::string_view framework);

/// "Treats risk R-01." and/or "Required for SOC 2 CC6.1, CC6.2; HIPAA 164.312(d)." Drivers are
/// grouped by framework in the order given, at most six refs each ("and N more").
[[nodiscard]] std::string soaJustification(const std::vector<std::string>& risks,
                                           const std::vector<SoaDriver>& drivers);

/**
 * @brief The drafting rule for one Annex A control. Excluded by the ISO scoping: not applicable,
 * with the exclusion's reason. Else chosen by a risk treatment or required by another target:
 * applicable, with soaJustification(). Else undecided, for a person to decide.
 */
[[nodiscard]] SoaDraftDecision draftSoaRow(const std::optional<std::string>& exclusion,
                                           const std::vector<std::string>& risks,
                                           const std::vector<SoaDriver>& drivers);

}  // namespace cw
