#include <crosswalk/model/version.hpp>

#include <algorithm>
#include <cstdint>
#include <vector>

#ifndef CW_VERSION
#error "CW_VERSION must be defined by the build"
#endif

namespace cw {
namespace {

struct Parsed {
    std::vector<std::uint64_t> numbers;
    bool preRelease = false;
    std::string_view suffix;  ///< after the '-'
    bool ok = false;
};

// Pre-release labels compare like semver: dot-separated, numeric parts numerically and
// before alphanumeric ones, a shorter list first when all else is equal.
int compareSuffix(std::string_view a, std::string_view b) noexcept {
    auto isNumber = [](std::string_view s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    while (!a.empty() || !b.empty()) {
        if (a.empty()) return -1;
        if (b.empty()) return 1;
        const auto da = a.find('.');
        const auto db = b.find('.');
        const std::string_view pa = a.substr(0, da);
        const std::string_view pb = b.substr(0, db);
        if (isNumber(pa) && isNumber(pb)) {
            if (pa.size() != pb.size()) return pa.size() < pb.size() ? -1 : 1;
            if (pa != pb) return pa < pb ? -1 : 1;
        } else if (isNumber(pa) != isNumber(pb)) {
            return isNumber(pa) ? -1 : 1;
        } else if (pa != pb) {
            return pa < pb ? -1 : 1;
        }
        a = da == std::string_view::npos ? std::string_view() : a.substr(da + 1);
        b = db == std::string_view::npos ? std::string_view() : b.substr(db + 1);
    }
    return 0;
}

Parsed parse(std::string_view text) noexcept {
    Parsed parsed;
    const auto dash = text.find('-');
    if (dash != std::string_view::npos) {
        if (dash + 1 == text.size()) return parsed;
        parsed.preRelease = true;
        parsed.suffix = text.substr(dash + 1);
        text = text.substr(0, dash);
    }
    if (text.empty()) return parsed;
    std::uint64_t current = 0;
    bool haveDigit = false;
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            current = current * 10 + static_cast<std::uint64_t>(c - '0');
            haveDigit = true;
        } else if (c == '.' && haveDigit) {
            parsed.numbers.push_back(current);
            current = 0;
            haveDigit = false;
        } else {
            return parsed;
        }
    }
    if (!haveDigit) return parsed;
    parsed.numbers.push_back(current);
    parsed.ok = true;
    return parsed;
}

}  // namespace

std::string_view crosswalkVersion() noexcept {
    return CW_VERSION;
}

bool isValidVersion(std::string_view version) noexcept {
    return parse(version).ok;
}

int compareVersions(std::string_view a, std::string_view b) noexcept {
    const Parsed pa = parse(a);
    const Parsed pb = parse(b);
    const std::size_t n = std::max(pa.numbers.size(), pb.numbers.size());
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t x = i < pa.numbers.size() ? pa.numbers[i] : 0;
        const std::uint64_t y = i < pb.numbers.size() ? pb.numbers[i] : 0;
        if (x != y) return x < y ? -1 : 1;
    }
    if (pa.preRelease != pb.preRelease) return pa.preRelease ? -1 : 1;
    return pa.preRelease ? compareSuffix(pa.suffix, pb.suffix) : 0;
}

}  // namespace cw
