// RAII over the SQLite C API. Only the store (host/store/src/) includes this header, and only
// database.cpp includes sqlite3.h.
#pragma once

#include <crosswalk/model/error.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

struct sqlite3;
struct sqlite3_stmt;

namespace cw::db {

class Database;

/// A prepared statement. Bind, step, read columns, reset.
class Statement {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Parameters are 1-based, as in SQLite.
    Statement& bindText(int index, std::string_view value);
    Statement& bindInt(int index, std::int64_t value);
    Statement& bindReal(int index, double value);
    Statement& bindNull(int index);

    /// Binds every argument in order, starting at parameter 1. Accepts strings,
    /// integers, bools, doubles, nullptr and std::optional of those.
    template <typename... Args>
    Statement& bindAll(const Args&... args) {
        int index = 0;
        (bindOne(++index, args), ...);
        return *this;
    }

    /// Steps once: true when a row is available, false when done.
    Result<bool> step();
    /// Steps to completion, then resets (for INSERT/UPDATE/DELETE).
    Result<void> run();
    /// Resets and clears bindings so the statement can be reused.
    void reset() noexcept;

    /// Steps through every row, calling `onRow()` for each (read columns from this
    /// statement inside it), then resets. Stops at the first error.
    template <typename OnRow>
    Result<void> each(OnRow&& onRow) {
        while (true) {
            auto row = step();
            if (!row) return row.error();
            if (!*row) break;
            onRow();
        }
        reset();
        return {};
    }

    [[nodiscard]] bool isNull(int column) const noexcept;
    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] std::int64_t integer(int column) const noexcept;
    [[nodiscard]] double real(int column) const noexcept;
    [[nodiscard]] std::optional<std::int64_t> optionalInteger(int column) const noexcept;
    [[nodiscard]] std::optional<double> optionalReal(int column) const noexcept;

private:
    friend class Database;
    Statement(sqlite3_stmt* stmt, Database* db) noexcept : m_stmt(stmt), m_db(db) {}

    template <typename T>
    void bindOne(int index, const T& value) {
        using U = std::decay_t<T>;
        if constexpr (std::is_same_v<U, std::nullptr_t>) {
            bindNull(index);
        } else if constexpr (std::is_same_v<U, bool>) {
            bindInt(index, value ? 1 : 0);
        } else if constexpr (std::is_integral_v<U>) {
            bindInt(index, static_cast<std::int64_t>(value));
        } else if constexpr (std::is_floating_point_v<U>) {
            bindReal(index, static_cast<double>(value));
        } else if constexpr (std::is_convertible_v<const U&, std::string_view>) {
            bindText(index, std::string_view(value));
        } else {
            // std::optional<X>
            if (value.has_value()) {
                bindOne(index, *value);
            } else {
                bindNull(index);
            }
        }
    }

    sqlite3_stmt* m_stmt = nullptr;
    Database* m_db = nullptr;
};

/// An open SQLite connection with the workspace's settings applied.
class Database {
public:
    enum class OpenMode { Create, MustExist };

    static Result<std::unique_ptr<Database>> open(const std::filesystem::path& file, OpenMode mode);
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    Result<void> exec(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);
    /// A statement prepared once and kept for reuse (reset before it is returned).
    Result<Statement*> cached(std::string_view sql);

    [[nodiscard]] std::int64_t lastInsertRowid() const noexcept;
    [[nodiscard]] int changes() const noexcept;
    [[nodiscard]] std::string errorMessage() const;
    [[nodiscard]] const std::filesystem::path& path() const noexcept { return m_path; }

    /// "<file>: <what>: <sqlite message>"
    [[nodiscard]] Error error(std::string_view what) const;

private:
    Database(sqlite3* db, std::filesystem::path path) noexcept : m_db(db), m_path(std::move(path)) {}
    sqlite3* m_db = nullptr;
    std::filesystem::path m_path;
    std::map<std::string, Statement, std::less<>> m_cache;
    int m_transactionDepth = 0;  ///< open Transactions; inner ones are savepoints
    friend class Transaction;
};

/// BEGIN IMMEDIATE … COMMIT; rolls back in the destructor unless committed. Nests: a
/// Transaction begun inside another is a savepoint, so a failing inner step undoes only
/// itself and the outer one still decides whether anything is kept.
class Transaction {
public:
    static Result<Transaction> begin(Database& db);
    Transaction(Transaction&& other) noexcept : m_db(other.m_db), m_depth(other.m_depth) { other.m_db = nullptr; }
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    Result<void> commit();

private:
    Transaction(Database* db, int depth) noexcept : m_db(db), m_depth(depth) {}
    Database* m_db;
    int m_depth;  ///< 0 for the outermost
};

}  // namespace cw::db
