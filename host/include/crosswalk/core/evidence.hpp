/**
 * @file evidence.hpp
 * @brief The evidence library: items collected once and linked to common controls or
 * requirements, with per-framework scope, reuse factor and freshness.
 */
#pragma once

#include <crosswalk/core/date.hpp>
#include <crosswalk/core/error.hpp>
#include <crosswalk/core/workspace.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

enum class EvidenceKind { Policy, Procedure, Record, Log, Configuration, Screenshot, Report, Ticket };
std::string_view toString(EvidenceKind kind) noexcept;
std::optional<EvidenceKind> parseEvidenceKind(std::string_view text) noexcept;
/// Operational evidence shows a control working (records, logs, configurations, screenshots,
/// reports, tickets); policies and procedures are documentation.
bool isOperational(EvidenceKind kind) noexcept;

enum class Freshness {
    Current,    ///< valid beyond the soon-stale window
    SoonStale,  ///< expires within the window
    Stale,      ///< expired
    Undated,    ///< neither valid-until nor a review cadence: never expires, flagged for review
};
std::string_view toString(Freshness f) noexcept;

/// Whether an item (or a framework's view of it) counts for a framework.
struct EvidenceScope {
    std::string framework;
    bool valid = true;
    std::string note;  ///< e.g. "office network only; not the cardholder data environment"
};

struct EvidenceItem {
    std::string key;  ///< e.g. "EV-001"; unique
    std::string title;
    EvidenceKind kind = EvidenceKind::Record;
    std::string location;  ///< a URI, or the path of the file that was hashed
    std::string sha256;    ///< of the file, when the item is a file; else empty
    std::string owner;
    std::optional<Date> collectedOn;
    std::optional<Date> validUntil;
    std::optional<int> reviewDays;  ///< review cadence in days, counted from collectedOn
    std::string description;

    std::vector<std::string> links;       ///< common control keys and full requirement refs
    std::vector<EvidenceScope> scope;     ///< explicit per-framework decisions
    std::vector<std::string> frameworks;  ///< frameworks served (reached and not scoped out), sorted
    std::size_t requirements = 0;         ///< assessable requirements served in those frameworks
    std::vector<std::string> scopedOut;   ///< frameworks reached but scoped out

    /// validUntil, else collectedOn + reviewDays, else nullopt.
    [[nodiscard]] std::optional<Date> expiresOn() const;
    /// Stale when it expired before `at` (an item is valid through its expiry day); SoonStale
    /// when it expires within `soonDays` of `at` (the edge day included); Undated without an
    /// expiry; else Current.
    [[nodiscard]] Freshness freshness(Date at, int soonDays = 30) const;
    /// Reuse factor: how many frameworks the item serves.
    [[nodiscard]] std::size_t reuse() const noexcept { return frameworks.size(); }
};

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

/// Evidence that reaches one requirement: linked to it, or to a common control linked to it.
struct RequirementEvidence {
    std::string ref;       ///< local ref of the requirement
    std::string evidence;  ///< item key
    bool inScope = true;   ///< false when the item is scoped out of the framework
    std::string via;       ///< "direct" or the common control key
};
/// For every assessable requirement of `framework` that some evidence reaches: one row per
/// (requirement, item, route), in catalog order, whether or not the framework is a target.
/// NotFound for an unknown framework.
Result<std::vector<RequirementEvidence>> requirementEvidence(Workspace& ws, std::string_view framework);

}  // namespace cw
