/**
 * @file version.hpp
 * @brief Crosswalk's own version and comparison of dotted version strings.
 */
#pragma once

#include <string_view>

namespace cw {

/// Crosswalk's version, e.g. "0.1.0".
std::string_view crosswalkVersion() noexcept;

/// True when `version` is dotted numbers ("1", "1.2", "1.2.3", …) with an optional "-suffix".
bool isValidVersion(std::string_view version) noexcept;

/// Compares dotted versions numerically, component by component (missing ones are 0);
/// a "-suffix" (pre-release) sorts before the same version without one. <0, 0, >0.
int compareVersions(std::string_view a, std::string_view b) noexcept;

}  // namespace cw
