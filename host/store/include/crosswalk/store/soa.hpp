/**
 * @file soa.hpp
 * @brief Reading and writing the Statement of Applicability: drafting, reading and editing its rows in the workspace.
 * The types and their pure rules are in crosswalk/model/soa.hpp.
 */
#pragma once

#include <crosswalk/model/error.hpp>
#include <crosswalk/model/soa.hpp>
#include <crosswalk/store/implementation.hpp>
#include <crosswalk/store/workspace.hpp>

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

/**
 * @brief Drafts (or refreshes) a row for every Annex A control: excluded by the ISO target's
 * scoping → not applicable with that reason; chosen by a risk treatment, or serving an
 * applicable requirement of another target framework → applicable with a justification
 * naming the risks and drivers; otherwise left undecided. Rows edited by a person are kept.
 *
 * A framework driver is an applicable requirement of another target framework linked to a
 * common control that stands for the Annex A control (seeded from it or merged into it). The
 * justification reads e.g. "Treats risks. Required for SOC 2 CC6.1, CC6.6; HIPAA
 * 164.312(d)." (at most six refs per framework, then "and N more"; the row lists them all).
 * A requirement added to a target's catalog after scoping counts as applicable, as everywhere
 * else.
 *
 * Idempotent: a draft the current data leaves as it is writes nothing. One transaction.
 * BadInput when the workspace has no Annex A controls (no iso27001-2022 catalog).
 */
Result<SoaDraftResult> draftSoa(Workspace& ws);

/// The rows in Annex A order (93 once drafted), with carried status, risks, drivers, evidence.
Result<std::vector<SoaRow>> soa(Workspace& ws);
/**
 * @brief Applies an edit in one transaction (the row and, with `status`, the implementation
 * status; the owner, due date and note of an existing status entry are kept). `ref` is
 * "A.5.15" or "iso27001-2022:A.5.15". A row not drafted yet is created.
 *
 * NotFound: an unknown Annex A control. BadInput, nothing written: a ref that is not an Annex
 * A control of iso27001-2022; an edit that sets no field; a row that would be final without
 * a decision or without justification (an exclusion without its reason in particular);
 * status not-applicable without a reason.
 */
Result<SoaRow> editSoa(Workspace& ws, const SoaEdit& edit);
Result<SoaSummary> soaSummary(Workspace& ws);

}  // namespace cw
