// The floor for ingest: the rows a fresh ingest of a synthetic workspace
// produces, written as CSV and loaded by the sqlite3 shell's .import.
#pragma once

#include "synthetic.hpp"

#include <crosswalk/model/error.hpp>

#include <filesystem>
#include <string>

namespace cw::bench {

/**
 * @brief Writes plugins, frameworks, controls, packs and mappings of `data` as CSV
 * into `dir`, with the ids a fresh Workspace gives them, and a script for the
 * sqlite3 shell that loads them in one transaction.
 *
 * The shell reads an empty CSV field as '' (it has no NULL in CSV), so each file
 * is imported into a TEMP staging table and copied with nullif() on the columns
 * that may be NULL. The workspace's connection settings are repeated
 * (foreign_keys on, synchronous NORMAL; the file is already in WAL mode).
 * Returns the script's path.
 */
Result<std::filesystem::path> writeFloor(const SyntheticWorkspace& data, const std::filesystem::path& dir);

/// A one-line summary of what a workspace file holds (counts and sums over ids and
/// filled fields), read with the sqlite3 shell: equal lines mean the same rows.
Result<std::string> fingerprint(const std::filesystem::path& sqliteShell, const std::filesystem::path& file);

}  // namespace cw::bench
