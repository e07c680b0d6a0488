#include "repository.hpp"

#include <crosswalk/model/model.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <set>

namespace cw::db {

namespace json = boost::json;

Result<std::optional<std::pair<std::string, std::string>>> heldVersion(Database& db, std::string_view sql,
                                                                       std::string_view id) {
    auto s = db.cached(sql);
    if (!s) return s.error();
    (*s)->bindAll(id);
    auto row = (*s)->step();
    if (!row) return row.error();
    std::optional<std::pair<std::string, std::string>> held;
    if (*row) held.emplace((*s)->text(0), (*s)->text(1));
    (*s)->reset();
    return held;
}

Result<void> checkKey(std::string_view what, std::string_view key) {
    const auto alnum = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    };
    const bool ok =
        !key.empty() && key.size() <= 64 && alnum(key.front()) &&
        std::all_of(key.begin(), key.end(), [&](char c) { return alnum(c) || c == '.' || c == '_' || c == '-'; });
    if (!ok) {
        return Error::badInput("invalid " + std::string(what) + " key " + inQuotes(key) +
                               " (1 to 64 letters, digits, '.', '_', '-', starting with a letter or digit)");
    }
    return {};
}

namespace {

// Every key of `table` that starts with `prefix`.
Result<std::set<std::string>> keysWithPrefix(Database& db, std::string_view table, std::string_view prefix) {
    auto s = db.cached("SELECT key FROM " + std::string(table) + " WHERE substr(key, 1, length(?1)) = ?1");
    if (!s) return s.error();
    (*s)->bindAll(prefix);
    std::set<std::string> keys;
    if (auto r = (*s)->each([&] { keys.insert((*s)->text(0)); }); !r) return r.error();
    return keys;
}

}  // namespace

Result<std::string> nextNumberedKey(Database& db, std::string_view table, std::string_view prefix, int width) {
    auto keys = keysWithPrefix(db, table, prefix);
    if (!keys) return keys.error();
    std::uint64_t highest = 0;
    for (const auto& key : *keys) {
        const std::string_view rest = std::string_view(key).substr(prefix.size());
        if (rest.empty() || !std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            continue;
        }
        std::uint64_t n = 0;
        // A number too long to count is someone's own key, not one we numbered.
        if (std::from_chars(rest.data(), rest.data() + rest.size(), n).ec == std::errc()) {
            highest = std::max(highest, n);
        }
    }
    std::string number = std::to_string(highest + 1);
    if (static_cast<int>(number.size()) < width) number.insert(0, static_cast<std::size_t>(width) - number.size(), '0');
    return std::string(prefix) + number;
}

Result<std::string> freeKey(Database& db, std::string_view table, const std::string& base) {
    auto keys = keysWithPrefix(db, table, base);
    if (!keys) return keys.error();
    if (!keys->contains(base)) return base;
    for (int n = 2;; ++n) {
        std::string candidate = base + "-" + std::to_string(n);
        if (!keys->contains(candidate)) return candidate;
    }
}

Result<std::optional<std::int64_t>> findId(Database& db, std::string_view sql, std::string_view key) {
    auto s = db.cached(sql);
    if (!s) return s.error();
    (*s)->bindAll(key);
    auto row = (*s)->step();
    if (!row) return row.error();
    std::optional<std::int64_t> id;
    if (*row) id = (*s)->integer(0);
    (*s)->reset();
    return id;
}

Result<void> requireFramework(Database& db, std::string_view id) {
    auto found = findId(db, "SELECT 1 FROM frameworks WHERE id = ?1", id);
    if (!found) return found.error();
    if (*found) return {};
    auto s = db.cached("SELECT id FROM frameworks ORDER BY position, id");
    if (!s) return s.error();
    std::vector<std::string> known;
    if (auto r = (*s)->each([&] { known.push_back((*s)->text(0)); }); !r) return r.error();
    return Error::notFound("unknown framework " + inQuotes(id) + " (known: " +
                           (known.empty() ? std::string("none; run `crosswalk init`") : joined(known)) + ")");
}

std::optional<std::string> dateText(const std::optional<Date>& date) {
    return date ? std::optional<std::string>(date->str()) : std::nullopt;
}

Date DateColumns::required(const Statement& row, int column, std::string_view what) {
    auto date = Date::parse(row.text(column), what);
    if (date) return *date;
    if (!m_error) m_error = Error::internal(m_db.path().string() + ": " + date.error().message);
    return {};
}

std::optional<Date> DateColumns::optional(const Statement& row, int column, std::string_view what) {
    if (row.isNull(column)) return std::nullopt;
    return required(row, column, what);
}

std::string toJsonArray(const std::vector<std::string>& items) {
    return json::serialize(json::array(items.begin(), items.end()));
}

std::vector<std::string> fromJsonArray(std::string_view text) {
    std::vector<std::string> out;
    boost::system::error_code ec;
    const json::value v = json::parse(text, ec);
    if (ec || !v.is_array()) return out;
    for (const auto& item : v.get_array()) {
        if (item.is_string()) out.emplace_back(item.get_string());
    }
    return out;
}

Result<Subject> resolveSubject(Database& db, std::string_view subject, std::string_view hint) {
    const auto split = splitFullRef(subject);
    if (!split) {
        auto id = findId(db, "SELECT id FROM common_controls WHERE key = ?1", subject);
        if (!id) return id.error();
        if (!*id) {
            return Error::notFound("unknown common control " + inQuotes(subject) + " (" + std::string(hint) +
                                   " a common control key such as CC-A.5.15, or a requirement as FRAMEWORK:REF)");
        }
        return Subject{*id, std::nullopt};
    }
    auto s = db.cached("SELECT id, assessable FROM controls WHERE framework_id = ?1 AND ref = ?2");
    if (!s) return s.error();
    (*s)->bindAll(split->first, split->second);
    auto row = (*s)->step();
    if (!row) return row.error();
    if (!*row) return Error::notFound("unknown requirement " + inQuotes(subject));
    const std::int64_t id = (*s)->integer(0);
    const bool assessable = (*s)->integer(1) != 0;
    (*s)->reset();
    if (!assessable) {
        return Error::badInput(inQuotes(subject) + " is a heading, not an assessable requirement; " +
                               std::string(hint) + " the requirements under it");
    }
    return Subject{std::nullopt, id};
}

Result<AnnexLookup> lookupAnnexControl(Database& db, std::string_view ref) {
    std::string_view local = ref;
    if (const auto split = splitFullRef(ref)) {
        if (split->first != kHubFramework) return AnnexLookup{AnnexLookup::Outcome::OtherFramework, {}};
        local = split->second;
    }
    auto s = db.cached(
        "SELECT id, ref, title, coalesce(json_extract(attributes, '$.theme'), ''), assessable FROM controls "
        "WHERE framework_id = ?1 AND ref = ?2");
    if (!s) return s.error();
    (*s)->bindAll(kHubFramework, local);
    auto row = (*s)->step();
    if (!row) return row.error();
    if (!*row) return AnnexLookup{AnnexLookup::Outcome::Unknown, {}};
    AnnexLookup out{AnnexLookup::Outcome::Found, {(*s)->integer(0), (*s)->text(1), (*s)->text(2), (*s)->text(3)}};
    const bool assessable = (*s)->integer(4) != 0;
    (*s)->reset();
    if (!assessable || !out.control.ref.starts_with("A.")) out.outcome = AnnexLookup::Outcome::NotAnnex;
    return out;
}

}  // namespace cw::db
