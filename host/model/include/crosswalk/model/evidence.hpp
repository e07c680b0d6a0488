/**
 * @file evidence.hpp
 * @brief The evidence library: items collected once and linked to common controls or
 * requirements, with per-framework scope, reuse factor and freshness.
 */
#pragma once

#include <crosswalk/model/date.hpp>
#include <crosswalk/model/error.hpp>

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

/// Evidence that reaches one requirement: linked to it, or to a common control linked to it.
struct RequirementEvidence {
    std::string ref;       ///< local ref of the requirement
    std::string evidence;  ///< item key
    bool inScope = true;   ///< false when the item is scoped out of the framework
    std::string via;       ///< "direct" or the common control key
};

}  // namespace cw
