// What the repositories of the workbench tables (organization, implementation, evidence, risk, soa,
// audit, timeline) share, so that keys, dates, subjects and messages follow one rule everywhere.
// Internal to the store (host/store/src/).
#pragma once

#include <crosswalk/model/date.hpp>
#include <crosswalk/model/error.hpp>
#include <crosswalk/model/hub.hpp>
#include <crosswalk/model/text.hpp>
#include <crosswalk/store/workspace.hpp>

#include "database.hpp"
#include "workspace_impl.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cw::db {

/// SQL for "now" as the workspace stores times (ISO 8601, UTC).
inline constexpr std::string_view kNowSql = "strftime('%Y-%m-%dT%H:%M:%SZ','now')";

inline Database& connection(Workspace& ws) {
    return detail::WorkspaceAccess::db(ws);
}

/// A key of 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit (so it can
/// never be taken for a command-line option, nor hold the ':' of a full ref). `what` names the
/// kind in the message: "invalid asset key 'a b' (…)".
Result<void> checkKey(std::string_view what, std::string_view key);

/// "<prefix>N", N one past the highest all-digit number already following `prefix` in
/// `table`.key (so a removed key is never handed out again), zero-padded to `width`.
/// `table` is one of ours, never user text.
Result<std::string> nextNumberedKey(Database& db, std::string_view table, std::string_view prefix, int width);
/// `base` when free in `table`.key, else the first free of "base-2", "base-3" …
Result<std::string> freeKey(Database& db, std::string_view table, const std::string& base);

/// The id `sql` (one ?1 parameter, first column an id) finds for `key`, or nullopt.
Result<std::optional<std::int64_t>> findId(Database& db, std::string_view sql, std::string_view key);

/// The version and content digest that `sql` (one ?1 parameter, those two columns) finds for
/// `id`: what decideUpgrade() compares a new catalog or pack with; nullopt when none is held.
Result<std::optional<std::pair<std::string, std::string>>> heldVersion(Database& db, std::string_view sql,
                                                                       std::string_view id);

/// NotFound "unknown framework 'x' (known: …)" unless the workspace has the framework.
Result<void> requireFramework(Database& db, std::string_view id);

/// A date as the workspace binds it: "YYYY-MM-DD", or NULL.
std::optional<std::string> dateText(const std::optional<Date>& date);

/// Reads stored dates. Only these repositories write them, so one that does not parse means
/// the file was edited by hand: the first such date becomes an Internal error naming the file
/// (error()), which the caller returns once the rows are read; the bad date reads as 1970-01-01.
class DateColumns {
public:
    explicit DateColumns(const Database& db) : m_db(db) {}
    /// `what` names the column in the message, e.g. "audits.planned_on".
    Date required(const Statement& row, int column, std::string_view what);
    std::optional<Date> optional(const Statement& row, int column, std::string_view what);
    [[nodiscard]] const std::optional<Error>& error() const noexcept { return m_error; }

private:
    const Database& m_db;
    std::optional<Error> m_error;
};

/// A JSON array of strings, as the workspace stores lists (areas, level names, notes).
std::string toJsonArray(const std::vector<std::string>& items);
/// The strings of a stored JSON array; anything else reads as empty (the schema checks the JSON).
std::vector<std::string> fromJsonArray(std::string_view text);

/// What an implementation status or an evidence link is recorded on: exactly one id is set.
struct Subject {
    std::optional<std::int64_t> commonControl;
    std::optional<std::int64_t> control;  ///< an assessable requirement
};

/**
 * A common control key, or an assessable requirement written "framework:ref" (common control
 * keys never hold ':', so the two cannot be confused). NotFound for an unknown key or ref;
 * BadInput for a heading. `hint` says what the caller does with a subject ("link to", "record
 * the status on"): the messages tell the user what to give instead.
 */
Result<Subject> resolveSubject(Database& db, std::string_view subject, std::string_view hint);

/// An Annex A control of iso27001-2022.
struct AnnexControl {
    std::int64_t id = 0;
    std::string ref;  ///< local, "A.5.15"
    std::string title;
    std::string theme;
};

/// How a ref given as an Annex A control ("A.5.15" or "iso27001-2022:A.5.15") resolved.
struct AnnexLookup {
    enum class Outcome {
        Found,
        OtherFramework,  ///< a full ref of another framework
        Unknown,         ///< no such ref in iso27001-2022
        NotAnnex,        ///< a clause or a heading (A.5), not an assessable Annex A control
    };
    Outcome outcome = Outcome::Unknown;
    AnnexControl control;  ///< when Found
};
Result<AnnexLookup> lookupAnnexControl(Database& db, std::string_view ref);

}  // namespace cw::db
