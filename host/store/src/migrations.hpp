#pragma once

#include "database.hpp"

namespace cw::db {

/// The schema version this build writes (PRAGMA user_version).
int latestSchemaVersion() noexcept;

/// Brings the workspace up to latestSchemaVersion(), one transaction per step.
/// A workspace from a newer Crosswalk is refused rather than damaged.
Result<int> migrate(Database& db);

}  // namespace cw::db
