/**
 * @file evidence.hpp
 * @brief Reading and writing the evidence library: items, their links to common controls and requirements,
 * per-framework scope, and what each item reaches in the workspace. The types and their pure rules are in
 * crosswalk/model/evidence.hpp.
 */
#pragma once

#include <crosswalk/model/error.hpp>
#include <crosswalk/model/evidence.hpp>
#include <crosswalk/store/workspace.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

/**
 * @brief Adds an item. With `file` set, the file is read and its SHA-256 recorded, and the
 * location becomes the file's absolute path; a file that cannot be read is BadInput naming
 * it, and nothing is written. An empty key gets the next free "EV-NNN" (one past the highest
 * EV number in use). valid-until before collected-on is BadInput.
 *
 * Without a file, `location` must be a URI with a scheme ("https://…", "file:///…",
 * "s3://…", "jira:SEC-412"). Also BadInput: both a file and a location, a `sha256` given
 * by the caller (it is only ever computed), a blank title, a key already used or other than
 * 1-64 letters, digits, '.', '_' or '-' starting with a letter or digit, a review cadence that
 * is not positive or has no collected-on date to count from. Returns the item as stored.
 */
Result<EvidenceItem> addEvidence(Workspace& ws, EvidenceItem item, const std::filesystem::path& file = {});
/**
 * @brief Replaces the fields of an existing item (links and scope are kept), with the
 * same checks as addEvidence. An empty or unchanged `location` keeps the stored one (and a
 * file's digest); a different one must be a URI and drops the digest. `sha256` is ignored:
 * only rehashEvidence changes it. NotFound for an unknown key.
 */
Result<EvidenceItem> updateEvidence(Workspace& ws, const EvidenceItem& item);
/// Hashes the item's file again and records the digest; true when it changed.
/// BadInput when the item has no file or the file cannot be read; NotFound for an unknown key.
Result<bool> rehashEvidence(Workspace& ws, std::string_view key);
/// Removes the item with its links and scope decisions. NotFound for an unknown key.
Result<void> removeEvidence(Workspace& ws, std::string_view key);

/// Links to a common control key or a full requirement ref "framework:ref" (common control keys
/// never hold ':'); linking twice is a no-op. NotFound for an unknown item, common control,
/// framework or requirement; BadInput for a requirement that is a heading (not assessable).
Result<void> linkEvidence(Workspace& ws, std::string_view key, std::string_view subject);
/// BadInput when the subject is not linked to the item; NotFound as for linkEvidence.
Result<void> unlinkEvidence(Workspace& ws, std::string_view key, std::string_view subject);
/// Records whether the item is valid for a framework's scope (replacing an earlier decision).
/// NotFound for an unknown item or framework.
Result<void> setEvidenceScope(Workspace& ws, std::string_view key, const EvidenceScope& scope);

/**
 * @brief Every item with links, scope, frameworks served and requirement count, by key.
 *
 * An item reaches the requirements it is linked to and every requirement linked to the
 * common controls it is linked to; only assessable requirements count. When the workspace
 * has target frameworks, only those count, and only requirements their scoping did not rule
 * out; otherwise every framework counts. A framework the item is scoped out of goes to
 * `scopedOut` and its requirements are not counted. A fixed number of queries.
 */
Result<std::vector<EvidenceItem>> evidenceLibrary(Workspace& ws);
Result<EvidenceItem> evidenceItem(Workspace& ws, std::string_view key);
/// For every assessable requirement of `framework` that some evidence reaches: one row per
/// (requirement, item, route), in catalog order, whether or not the framework is a target.
/// NotFound for an unknown framework.
Result<std::vector<RequirementEvidence>> requirementEvidence(Workspace& ws, std::string_view framework);

}  // namespace cw
