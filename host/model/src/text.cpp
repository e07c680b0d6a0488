#include <crosswalk/model/text.hpp>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cctype>

namespace cw {

namespace {
constexpr std::string_view kSpace = " \t\r\n";
}

bool blank(std::string_view text) noexcept {
    return text.find_first_not_of(kSpace) == std::string_view::npos;
}

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(kSpace);
    return std::string(text.substr(first, last - first + 1));
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string inQuotes(std::string_view text) {
    // Appended piecewise: "'" + std::string(text) trips a GCC 12 -Wrestrict false positive.
    std::string out;
    out.reserve(text.size() + 2);
    out.append(1, '\'').append(text).append(1, '\'');
    return out;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator, std::size_t max) {
    const std::size_t shown = max == 0 ? items.size() : std::min(max, items.size());
    std::string out;
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0) out += separator;
        out += items[i];
    }
    if (shown < items.size()) out += " and " + std::to_string(items.size() - shown) + " more";
    return out;
}

std::string words(std::string_view text) {
    std::string out = " ";
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0) {
            out += static_cast<char>(std::tolower(u));
        } else if (out.back() != ' ') {
            out += ' ';
        }
    }
    if (out.back() != ' ') out += ' ';
    return out;
}

std::string attributeText(const boost::json::value& value, bool booleanWords) {
    if (value.is_string()) return std::string(value.get_string());
    if (booleanWords && value.is_bool()) return value.get_bool() ? "yes" : "no";
    if (value.is_array()) {
        std::string out;
        for (const auto& item : value.get_array()) {
            out += (out.empty() ? "" : ", ") + attributeText(item, booleanWords);
        }
        return out;
    }
    return boost::json::serialize(value);
}

}  // namespace cw
