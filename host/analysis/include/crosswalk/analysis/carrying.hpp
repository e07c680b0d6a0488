/**
 * @file carrying.hpp
 * @brief Carrying implementation status from common controls to the requirements they are
 * linked to: which status reaches each requirement of a framework, and why.
 *
 * The rule: a status recorded on the requirement itself wins; a requirement a target scoped out
 * is not applicable; otherwise the linked common controls' statuses are carried. Only a full
 * link carries "implemented" and "not-applicable": one from the hub itself, one made by hand,
 * or one where the requirement is `equal` to or `subset-of` the hub control. Any other link
 * carries at most "partial". Among several, the highest progress wins; on a tie a full link,
 * then the first common control key.
 */
#pragma once

#include <crosswalk/model/implementation.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cw {

/// Whether a link carries "implemented": from the hub, by hand, or equal / subset-of.
[[nodiscard]] bool isFullLink(const CarryLink& link) noexcept;

/**
 * @brief The status that reaches each requirement of `input`, in its order. For a target
 * framework scoping decides applicability (a requirement without a decision applies: it was
 * added after scoping). Common control keys are listed in the order of `input.links`.
 */
[[nodiscard]] std::vector<RequirementStatus> carryStatuses(const CarryInput& input);

}  // namespace cw
