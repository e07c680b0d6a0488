/**
 * @file catalog.hpp
 * @brief Reading a plugin's catalog JSON into the model, with every problem reported.
 */
#pragma once

#include <crosswalk/io/json.hpp>
#include <crosswalk/model/model.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace cw {

/// The outcome of reading a catalog: the catalog when valid, else every problem found.
struct CatalogReading {
    std::optional<Catalog> catalog;
    std::vector<Problem> problems;
};

/**
 * @brief Parses and validates catalog JSON.
 *
 * Checks, in order: well-formed JSON; the catalog schema; framework ids unique;
 * per framework refs unique, every parent present, no cycles. Every problem
 * carries a JSON pointer into the document.
 */
CatalogReading readCatalog(std::string_view json);

}  // namespace cw
