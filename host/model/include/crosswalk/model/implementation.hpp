/**
 * @file implementation.hpp
 * @brief Implementation status of common controls (or of a requirement directly), carried
 * to every requirement through the common-control links and the crosswalk.
 *
 * Carrying rule (DESIGN.md §4): a common control fully satisfies a requirement when the
 * link came from the hub itself, was made by hand, or the requirement is `equal` to or
 * `subset-of` the hub control (the control is equal to or a superset of the requirement);
 * only such links carry "implemented". `superset-of` and `intersects-with` links carry at
 * most "partial". A status recorded on the requirement itself wins over carried ones.
 */
#pragma once

#include <crosswalk/model/date.hpp>
#include <crosswalk/model/error.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

/// Ordered by progress; NotApplicable sits outside the order.
enum class ImplementationStatus { NotStarted, Planned, Partial, Implemented, NotApplicable };
std::string_view toString(ImplementationStatus status) noexcept;
std::optional<ImplementationStatus> parseImplementationStatus(std::string_view text) noexcept;

/// A status as recorded, on a common control or on a requirement.
struct StatusEntry {
    std::string subject;       ///< common control key, or full requirement ref "framework:ref"
    bool requirement = false;  ///< true when subject is a requirement
    ImplementationStatus status = ImplementationStatus::NotStarted;
    std::string reason;  ///< required for NotApplicable
    std::string owner;
    std::optional<Date> due;
    std::string note;
    std::string updatedAt;  ///< UTC, ISO 8601 (set by the workspace)
};

/// One requirement with the status that reaches it.
struct RequirementStatus {
    std::string framework;
    std::string ref;
    std::string title;
    bool applicable = true;  ///< from the target's applicability; true when not a target
    std::string applicabilityReason;
    ImplementationStatus status = ImplementationStatus::NotStarted;
    /// How the status got here: "direct" (recorded on the requirement), "scope" (scoped out of a
    /// target), "CC-A.5.15 (subset-of)" / "CC-A.5.15 (hub)" / "CC-X (manual)" for the common
    /// control and link that decided it, or "" when nothing reaches the requirement.
    std::string via;
    std::vector<std::string> commonControls;  ///< keys of every common control linked to it
    std::string owner;                        ///< of the deciding entry
    std::optional<Date> due;
    /// Why it does not apply: the deciding entry's reason, or the scoping reason when `via` is "scope".
    std::string reason;
    /// Keys of the linked common controls whose link is full (source hub or manual, or
    /// relationship equal or subset-of): implementing one of them implements the requirement.
    std::vector<std::string> fullCommonControls;
};

/// A status as recorded on a requirement or on a common control.
struct RecordedStatus {
    ImplementationStatus status = ImplementationStatus::NotStarted;
    std::string owner;
    std::optional<Date> due;
    std::string reason;
};

/// One assessable requirement of the framework, in catalog order.
struct CarryRequirement {
    std::int64_t id = 0;
    std::string ref;
    std::string title;
    /// From the target's scoping; nullopt when the framework is not a target, or when the
    /// requirement was added to the catalog after scoping.
    std::optional<bool> applies;
    std::string applicabilityReason;
    std::optional<RecordedStatus> direct;  ///< recorded on the requirement itself
};

/// A common control's link to a requirement, with what is recorded on the control.
struct CarryLink {
    std::int64_t requirement = 0;  ///< CarryRequirement::id
    std::string commonControl;     ///< key
    std::string source;            ///< "hub", "manual" or "mapping"
    std::string relationship;      ///< of the requirement to the hub control ("" when none)
    std::optional<RecordedStatus> status;
};

/// What the carrying rule decides from, for one framework (analysis/carrying.hpp).
struct CarryInput {
    std::string framework;
    bool target = false;                         ///< the framework is a target: its scoping decides applicability
    std::vector<CarryRequirement> requirements;  ///< assessable, in catalog order
    std::vector<CarryLink> links;                ///< by requirement, then common control key
};

}  // namespace cw
