/**
 * @file implementation.hpp
 * @brief Reading and writing implementation statuses as recorded, and the status each requirement receives through the
 * common controls in the workspace. The types and their pure rules are in crosswalk/model/implementation.hpp.
 */
#pragma once

#include <crosswalk/model/error.hpp>
#include <crosswalk/model/implementation.hpp>
#include <crosswalk/store/workspace.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

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
 * The carrying rule (crosswalk/analysis/carrying.hpp): (1) A status recorded on the
 * requirement wins ("direct"). (2) Else, when the framework is a target and scoping says the
 * requirement does not apply: NotApplicable ("scope"). (3) Else every linked common control
 * with a recorded status carries it: a full link (source hub or manual, or relationship equal
 * or subset-of) as is; another link carries Implemented as Partial and NotApplicable not at
 * all. The highest progress wins (on a tie, a full link, then the first key); NotApplicable
 * only when every carrying link says so. (4) Else NotStarted with `via` "".
 */
Result<std::vector<RequirementStatus>> requirementStatuses(Workspace& ws, std::string_view framework);

}  // namespace cw
