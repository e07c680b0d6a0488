#include "database.hpp"

#include <sqlite3.h>

#include <cassert>

namespace cw::db {

Statement::Statement(Statement&& other) noexcept : m_stmt(other.m_stmt), m_db(other.m_db) {
    other.m_stmt = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = other.m_stmt;
        m_db = other.m_db;
        other.m_stmt = nullptr;
    }
    return *this;
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

// Bind failures mean a wrong index or type in our own SQL: invariants, not input.
Statement& Statement::bindText(int index, std::string_view value) {
    [[maybe_unused]] const int rc =
        sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    assert(rc == SQLITE_OK);
    return *this;
}

Statement& Statement::bindInt(int index, std::int64_t value) {
    [[maybe_unused]] const int rc = sqlite3_bind_int64(m_stmt, index, value);
    assert(rc == SQLITE_OK);
    return *this;
}

Statement& Statement::bindReal(int index, double value) {
    [[maybe_unused]] const int rc = sqlite3_bind_double(m_stmt, index, value);
    assert(rc == SQLITE_OK);
    return *this;
}

Statement& Statement::bindNull(int index) {
    [[maybe_unused]] const int rc = sqlite3_bind_null(m_stmt, index);
    assert(rc == SQLITE_OK);
    return *this;
}

Result<bool> Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Error error = m_db->error("statement failed");
    sqlite3_reset(m_stmt);
    return error;
}

Result<void> Statement::run() {
    while (true) {
        auto row = step();
        if (!row) return row.error();
        if (!*row) break;
    }
    reset();
    return {};
}

void Statement::reset() noexcept {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const noexcept {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(m_stmt, column);
    const int n = sqlite3_column_bytes(m_stmt, column);
    return p != nullptr ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}

std::int64_t Statement::integer(int column) const noexcept {
    return sqlite3_column_int64(m_stmt, column);
}
double Statement::real(int column) const noexcept {
    return sqlite3_column_double(m_stmt, column);
}

std::optional<std::int64_t> Statement::optionalInteger(int column) const noexcept {
    if (isNull(column)) return std::nullopt;
    return integer(column);
}

std::optional<double> Statement::optionalReal(int column) const noexcept {
    if (isNull(column)) return std::nullopt;
    return real(column);
}

Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& file, OpenMode mode) {
    sqlite3* handle = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (mode == OpenMode::Create ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(file.c_str(), &handle, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = handle != nullptr ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
        const int code = handle != nullptr ? sqlite3_extended_errcode(handle) : rc;
        sqlite3_close_v2(handle);
        // A path that cannot be opened (a folder, no permission, no such place) is the user's to fix.
        const int primary = code & 0xff;
        const bool userFault = primary == SQLITE_CANTOPEN || primary == SQLITE_PERM || primary == SQLITE_NOTADB ||
                               primary == SQLITE_READONLY;
        std::string text = file.string() + ": cannot open workspace: " + message;
        return userFault ? Error::badInput(std::move(text)) : Error::internal(std::move(text));
    }
    std::unique_ptr<Database> db(new Database(handle, file));
    sqlite3_extended_result_codes(handle, 1);
    // Concurrent CLI and GUI on one file: wait rather than fail on a lock.
    sqlite3_busy_timeout(handle, 5000);
    // A file that is not SQLite is only detected on first read; check before writing anything.
    if (auto r = db->exec("SELECT count(*) FROM sqlite_schema"); !r) {
        return Error::badInput(file.string() + ": not a Crosswalk workspace (" + db->errorMessage() + ")");
    }
    if (auto r = db->exec("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"); !r) {
        return r.error();
    }
    return db;
}

Database::~Database() {
    m_cache.clear();  // finalize statements before closing
    sqlite3_close_v2(m_db);
}

Result<void> Database::exec(std::string_view sql) {
    const std::string text(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string reason = message != nullptr ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        return Error::internal(m_path.string() + ": " + reason);
    }
    return {};
}

Result<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return error("cannot prepare \"" + std::string(sql.substr(0, 60)) + "\"");
    return Statement(stmt, this);
}

Result<Statement*> Database::cached(std::string_view sql) {
    if (auto it = m_cache.find(sql); it != m_cache.end()) {
        it->second.reset();
        return &it->second;
    }
    auto stmt = prepare(sql);
    if (!stmt) return stmt.error();
    auto [it, inserted] = m_cache.emplace(std::string(sql), std::move(*stmt));
    return &it->second;
}

std::int64_t Database::lastInsertRowid() const noexcept {
    return sqlite3_last_insert_rowid(m_db);
}
int Database::changes() const noexcept {
    return sqlite3_changes(m_db);
}
std::string Database::errorMessage() const {
    return sqlite3_errmsg(m_db);
}

Error Database::error(std::string_view what) const {
    const int code = sqlite3_extended_errcode(m_db);
    std::string message = m_path.string() + ": " + std::string(what) + ": " + sqlite3_errmsg(m_db);
    // Constraint violations come from data we were given; the rest is ours or the system's.
    if ((code & 0xff) == SQLITE_CONSTRAINT) return Error::badInput(std::move(message));
    return Error::internal(std::move(message));
}

Result<Transaction> Transaction::begin(Database& db) {
    const int depth = db.m_transactionDepth;
    const std::string sql = depth == 0 ? std::string("BEGIN IMMEDIATE") : "SAVEPOINT cw_" + std::to_string(depth);
    if (auto r = db.exec(sql); !r) return r.error();
    ++db.m_transactionDepth;
    return Transaction(&db, depth);
}

Transaction::~Transaction() {
    if (m_db == nullptr) return;
    if (m_depth == 0) {
        (void)m_db->exec("ROLLBACK");
    } else {
        const std::string name = "cw_" + std::to_string(m_depth);
        (void)m_db->exec("ROLLBACK TO " + name);
        (void)m_db->exec("RELEASE " + name);
    }
    --m_db->m_transactionDepth;
}

Result<void> Transaction::commit() {
    if (m_db == nullptr) return Error::internal("transaction already finished");
    auto r = m_db->exec(m_depth == 0 ? std::string("COMMIT") : "RELEASE cw_" + std::to_string(m_depth));
    if (r) {
        --m_db->m_transactionDepth;
        m_db = nullptr;
    }
    return r;
}

}  // namespace cw::db
