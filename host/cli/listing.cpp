#include "cli/listing.hpp"

#include <algorithm>

namespace json = boost::json;

namespace cw::cli {

std::string clip(std::string text, std::size_t width) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::replace(text.begin(), text.end(), '\r', ' ');
    const auto isLead = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
    if (width == 0 || static_cast<std::size_t>(std::count_if(text.begin(), text.end(), isLead)) <= width) return text;
    std::size_t points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (isLead(text[i]) && points++ == width - 1) return text.substr(0, i) + "…";
    }
    return text;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

std::string orDash(const std::string& text) {
    return text.empty() ? std::string("-") : text;
}

std::string orDash(const std::optional<Date>& date) {
    return date ? date->str() : std::string("-");
}

json::value jsonText(const std::string& text) {
    return text.empty() ? json::value(nullptr) : json::value(text);
}

json::value jsonDate(const std::optional<Date>& date) {
    return date ? json::value(date->str()) : json::value(nullptr);
}

json::value jsonNumber(const std::optional<int>& number) {
    return number ? json::value(*number) : json::value(nullptr);
}

json::array jsonStrings(const std::vector<std::string>& items) {
    return json::array(items.begin(), items.end());
}

json::object toJson(const RequirementStatus& r) {
    return json::object{{"ref", r.ref},
                        {"title", r.title},
                        {"applicable", r.applicable},
                        {"applicability_reason", r.applicabilityReason},
                        {"status", toString(r.status)},
                        {"via", r.via},
                        {"reason", r.reason},
                        {"common_controls", jsonStrings(r.commonControls)},
                        {"owner", r.owner},
                        {"due", jsonDate(r.due)}};
}

int printDone(bool json, const json::value& value, const std::string& line) {
    if (json) {
        printJson(std::cout, value);
    } else {
        std::cout << line << '\n';
    }
    return kExitOk;
}

}  // namespace cw::cli
