/**
 * @file hash.hpp
 * @brief SHA-256 of bytes and of files (lower-case hex).
 */
#pragma once

#include <crosswalk/model/error.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace cw {

std::string sha256Hex(std::string_view bytes);
Result<std::string> sha256File(const std::filesystem::path& file);

}  // namespace cw
