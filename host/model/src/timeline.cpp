// The names, parsing and date rules of the timeline types (crosswalk/model/timeline.hpp).
#include <crosswalk/model/timeline.hpp>

#include <crosswalk/model/text.hpp>

namespace cw {
namespace {

constexpr std::array<std::string_view, 11> kStepNames = {
    "gap-analysis", "isms-development", "internal-audit", "management-review", "stage1",         "remediation",
    "stage2",       "certificate",      "surveillance-1", "surveillance-2",    "recertification"};
constexpr std::array<std::string_view, 11> kStepWords = {
    "Gap analysis",         "ISMS development",     "Internal audit",       "Management review",
    "Stage 1 audit",        "Remediation",          "Stage 2 audit",        "Certificate issued",
    "Surveillance audit 1", "Surveillance audit 2", "Recertification audit"};
constexpr std::array<std::string_view, 6> kCycleKinds = {
    "soc2-type1", "soc2-type2-observation", "soc2-type2-report", "pci-assessment", "hipaa-risk-analysis", "other"};
constexpr std::array<std::string_view, 6> kWarningKinds = {
    "slipped", "overdue", "out-of-order", "buffer-too-short", "evidence-stale-at-audit", "certificate-expiring"};
constexpr std::array<std::string_view, 5> kStepStatuses = {"unscheduled", "planned", "in-progress", "done", "overdue"};

std::size_t indexOf(Step s) {
    return static_cast<std::size_t>(s);
}

}  // namespace

std::string_view toString(Step s) noexcept {
    return kStepNames[indexOf(s)];
}

std::string_view describe(Step s) noexcept {
    return kStepWords[indexOf(s)];
}

std::optional<Step> parseStep(std::string_view text) noexcept {
    if (auto s = parseName<Step>(kStepNames, text)) return s;
    // The spellings people type as well.
    if (text == "stage-1") return Step::Stage1;
    if (text == "stage-2") return Step::Stage2;
    if (text == "surveillance1") return Step::Surveillance1;
    if (text == "surveillance2") return Step::Surveillance2;
    return std::nullopt;
}

std::string_view toString(StepStatus s) noexcept {
    return kStepStatuses[static_cast<std::size_t>(s)];
}

StepStatus Milestone::status(Date today) const {
    if (actualEnd) return StepStatus::Done;
    if (plannedEnd && *plannedEnd < today) return StepStatus::Overdue;
    if (actualStart) return StepStatus::InProgress;
    if (plannedStart && *plannedStart <= today) return StepStatus::InProgress;
    if (plannedStart || plannedEnd) return StepStatus::Planned;
    return StepStatus::Unscheduled;
}

std::string_view toString(CycleKind k) noexcept {
    return kCycleKinds[static_cast<std::size_t>(k)];
}

std::optional<CycleKind> parseCycleKind(std::string_view text) noexcept {
    return parseName<CycleKind>(kCycleKinds, text);
}

std::string_view toString(WarningKind k) noexcept {
    return kWarningKinds[static_cast<std::size_t>(k)];
}

// A step with one date of a kind is that single day.
std::optional<Date> startOf(const Milestone& m, bool actual) {
    return actual ? (m.actualStart ? m.actualStart : m.actualEnd) : (m.plannedStart ? m.plannedStart : m.plannedEnd);
}

std::optional<Date> endOf(const Milestone& m, bool actual) {
    return actual ? (m.actualEnd ? m.actualEnd : m.actualStart) : (m.plannedEnd ? m.plannedEnd : m.plannedStart);
}

// Actual when recorded, else planned.
std::optional<Date> effectiveStart(const Milestone& m) {
    auto a = startOf(m, true);
    return a ? a : startOf(m, false);
}

std::optional<Date> effectiveEnd(const Milestone& m) {
    if (m.actualEnd) return m.actualEnd;
    return endOf(m, false) ? endOf(m, false) : endOf(m, true);
}

}  // namespace cw
