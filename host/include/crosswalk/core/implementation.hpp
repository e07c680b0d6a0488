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

#include <crosswalk/core/date.hpp>
#include <crosswalk/core/error.hpp>
#include <crosswalk/core/workspace.hpp>

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

/**
 * @brief Records (adds or replaces) a status. The subject is a common control key or a full
 * requirement ref "framework:ref" (keys never hold ':', so a subject with one is a ref).
 * NotApplicable without a reason (blank counts as none) and a requirement that is not
 * assessable (a heading) are BadInput; an unknown common control, framework or requirement is
 * NotFound; in each case nothing is written. Returns the entry as stored.
 */
Result<StatusEntry> setImplementationStatus(Workspace& ws, StatusEntry entry);
/// Removes the recorded status of a subject (it falls back to what is carried). NotFound for
/// an unknown subject or one with no status recorded; BadInput for a heading.
Result<void> clearImplementationStatus(Workspace& ws, std::string_view subject);
/// Every recorded status, common controls first, then requirements.
Result<std::vector<StatusEntry>> implementationStatuses(Workspace& ws);

/**
 * @brief Every assessable requirement of `framework` with the status that reaches it, in
 * catalog order. NotFound for an unknown framework. A fixed number of queries, whatever its size.
 *
 * (1) A status recorded on the requirement wins ("direct"). (2) Else, when the framework is a
 * target and scoping says the requirement does not apply: NotApplicable ("scope"). (3) Else
 * every linked common control with a recorded status carries it: a full link (source hub or
 * manual, or relationship equal or subset-of) as is; another link carries Implemented as
 * Partial and NotApplicable not at all. The highest progress wins (on a tie, a full link, then
 * the first key); NotApplicable only when every carrying link says so. (4) Else NotStarted
 * with `via` "".
 */
Result<std::vector<RequirementStatus>> requirementStatuses(Workspace& ws, std::string_view framework);

}  // namespace cw
