/**
 * @file pack.hpp
 * @brief Reading mapping packs (sdk/schema/pack.schema.json) into the model.
 */
#pragma once

#include <crosswalk/io/json.hpp>
#include <crosswalk/model/model.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

/// A pack as read from JSON: the model plus where each mapping sat in the file.
struct PackReading {
    std::optional<Pack> pack;
    std::vector<Problem> problems;
    /// SHA-256 of the pack's compact JSON: the same content hashes the same whatever the
    /// whitespace, and a pack in a plugin's bundle hashes on its own.
    std::string contentSha256;
};

/**
 * @brief Parses and validates pack JSON on its own (without a workspace).
 *
 * Checks: well-formed JSON, the pack schema (unknown relationship, strength out
 * of range …), duplicate (source, target) edges and self-maps. Whether refs
 * exist is checked on import, against the workspace's catalogs.
 */
PackReading readPack(std::string_view json);

/// Reads `{"packs": [pack, …]}` as shipped by a plugin; problems carry "/packs/N/…" pointers.
std::vector<PackReading> readPackBundle(std::string_view json, std::vector<Problem>& bundleProblems);

/// The schema, compiled once.
const JsonSchema& packSchema();

}  // namespace cw
