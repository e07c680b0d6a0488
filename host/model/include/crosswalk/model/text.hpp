/**
 * @file text.hpp
 * @brief The text helpers every layer shares, so that lists, quotes and case follow one rule.
 */
#pragma once

#include <boost/json/fwd.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

/// Empty or only white space.
[[nodiscard]] bool blank(std::string_view text) noexcept;

/// Without leading and trailing white space.
[[nodiscard]] std::string trim(std::string_view text);

/// ASCII lower case.
[[nodiscard]] std::string lower(std::string_view text);

/// 'text', for naming keys, refs and values in messages.
[[nodiscard]] std::string inQuotes(std::string_view text);

/// "a, b, c"; with `max`, at most that many and then " and N more".
[[nodiscard]] std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ",
                                 std::size_t max = 0);

/// Lower-case words separated by single spaces with a space at both ends, so that a whole-word
/// match is a substring search: words("Audit programme") == " audit programme ".
[[nodiscard]] std::string words(std::string_view text);

/// An attribute value as one line of text: strings as they are, arrays joined with ", ", anything
/// else as JSON; with `booleanWords`, booleans as "yes" / "no" (for people rather than scripts).
[[nodiscard]] std::string attributeText(const boost::json::value& value, bool booleanWords = false);

/// The enum value whose name is `text`, names listed in enumerator order.
template <typename Enum, std::size_t N>
[[nodiscard]] std::optional<Enum> parseName(const std::array<std::string_view, N>& names,
                                            std::string_view text) noexcept {
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == text) return static_cast<Enum>(i);
    }
    return std::nullopt;
}

}  // namespace cw
