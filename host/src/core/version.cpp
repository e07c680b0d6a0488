#include <crosswalk/core/version.hpp>

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
    bool ok = false;
};

Parsed parse(std::string_view text) noexcept {
    Parsed parsed;
    const auto dash = text.find('-');
    if (dash != std::string_view::npos) {
        if (dash + 1 == text.size()) return parsed;
        parsed.preRelease = true;
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
    return 0;
}

}  // namespace cw
