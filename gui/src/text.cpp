#include "text.hpp"

#include <crosswalk/model/text.hpp>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace cw::gui::text {

std::vector<std::string> searchTerms(std::string_view text) {
    std::vector<std::string> out;
    const std::string folded = cw::lower(text);
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
    return cw::attributeText(value, true);
}

}  // namespace cw::gui::text
