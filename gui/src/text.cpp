#include "text.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace cw::gui::text {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    const std::string folded = lower(text);
    for (std::size_t i = 0; i < folded.size();) {
        const std::size_t end = std::min(folded.find(' ', i), folded.size());
        if (end > i) out.push_back(folded.substr(i, end - i));
        i = end + 1;
    }
    return out;
}

bool containsFolded(std::string_view haystack, std::string_view needle) {
    const auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
    return it != haystack.end();
}

std::string percent(double share) {
    char out[16];
    std::snprintf(out, sizeof out, "%.0f%%", share * 100.0);
    return out;
}

std::string attributeText(const boost::json::value& value) {
    if (value.is_string()) return std::string(value.get_string());
    if (value.is_bool()) return value.get_bool() ? "yes" : "no";
    if (value.is_array()) {
        std::string out;
        for (const auto& item : value.get_array()) out += (out.empty() ? "" : ", ") + attributeText(item);
        return out;
    }
    return boost::json::serialize(value);
}

}  // namespace cw::gui::text
