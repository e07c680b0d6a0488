/**
 * @file hub.hpp
 * @brief The hub framework: every framework has a pack to it, other pairs are inferred through
 * it, and Annex A, the Statement of Applicability and the certification timeline belong to it.
 */
#pragma once

#include <string_view>

namespace cw {

/// ISO/IEC 27001:2022, the one framework id the host treats specially.
inline constexpr std::string_view kHubFramework = "iso27001-2022";

}  // namespace cw
