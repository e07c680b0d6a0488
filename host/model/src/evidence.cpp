// The names, parsing and pure rules of the evidence types (crosswalk/model/evidence.hpp).
#include <crosswalk/model/evidence.hpp>

#include <crosswalk/model/text.hpp>

#include <algorithm>
#include <array>

namespace cw {
namespace {

constexpr std::array<std::string_view, 8> kKindNames = {"policy",        "procedure",  "record", "log",
                                                        "configuration", "screenshot", "report", "ticket"};

}  // namespace

std::string_view toString(EvidenceKind kind) noexcept {
    return kKindNames[static_cast<std::size_t>(kind)];
}

std::optional<EvidenceKind> parseEvidenceKind(std::string_view text) noexcept {
    return parseName<EvidenceKind>(kKindNames, text);
}

bool isOperational(EvidenceKind kind) noexcept {
    return kind != EvidenceKind::Policy && kind != EvidenceKind::Procedure;
}

std::string_view toString(Freshness f) noexcept {
    switch (f) {
        case Freshness::Current:
            return "current";
        case Freshness::SoonStale:
            return "soon-stale";
        case Freshness::Stale:
            return "stale";
        case Freshness::Undated:
            return "undated";
    }
    return "undated";
}

std::optional<Date> EvidenceItem::expiresOn() const {
    if (validUntil) return validUntil;
    if (collectedOn && reviewDays) return collectedOn->addDays(*reviewDays);
    return std::nullopt;
}

Freshness EvidenceItem::freshness(Date at, int soonDays) const {
    const auto expires = expiresOn();
    if (!expires) return Freshness::Undated;
    // Valid through its expiry day: stale only the day after.
    if (*expires < at) return Freshness::Stale;
    if (*expires <= at.addDays(std::max(soonDays, 0))) return Freshness::SoonStale;
    return Freshness::Current;
}

}  // namespace cw
