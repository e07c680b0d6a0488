/**
 * @file timeline.hpp
 * @brief The certification timeline: the eight ISO 27001 steps with planned and actual
 * dates, the certificate's three-year cycle with surveillance and recertification, and the
 * other frameworks' cycles beside it.
 */
#pragma once

#include <crosswalk/model/date.hpp>
#include <crosswalk/model/error.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

/// The steps in order. Certificate is the issue of the certificate; the last three are
/// derived from it unless planned explicitly.
enum class Step {
    GapAnalysis,
    IsmsDevelopment,
    InternalAudit,
    ManagementReview,
    Stage1,
    Remediation,
    Stage2,
    Certificate,
    Surveillance1,
    Surveillance2,
    Recertification,
};
inline constexpr std::array<Step, 11> kSteps = {Step::GapAnalysis,      Step::IsmsDevelopment, Step::InternalAudit,
                                                Step::ManagementReview, Step::Stage1,          Step::Remediation,
                                                Step::Stage2,           Step::Certificate,     Step::Surveillance1,
                                                Step::Surveillance2,    Step::Recertification};
std::string_view toString(Step s) noexcept;  ///< "gap-analysis", "isms-development", … "recertification"
std::string_view describe(Step s) noexcept;  ///< "Gap analysis", …
std::optional<Step> parseStep(std::string_view text) noexcept;

/// Where a step stands on a given day.
enum class StepStatus {
    Unscheduled,  ///< no dates
    Planned,      ///< planned, not begun
    InProgress,   ///< begun (an actual start), or today within its planned span
    Done,         ///< an actual end
    Overdue,      ///< past its planned end without an actual end
};
std::string_view toString(StepStatus s) noexcept;  ///< "unscheduled", "planned", "in-progress", "done", "overdue"

struct Milestone {
    Step step = Step::GapAnalysis;
    std::optional<Date> plannedStart;
    std::optional<Date> plannedEnd;
    std::optional<Date> actualStart;
    std::optional<Date> actualEnd;
    std::string note;

    [[nodiscard]] StepStatus status(Date today) const;
    [[nodiscard]] bool hasDates() const noexcept { return plannedStart || plannedEnd || actualStart || actualEnd; }
};

/// A step with only one date of a kind (`actual` or planned) is that single day: its start is
/// the start, else the end; its end is the end, else the start.
std::optional<Date> startOf(const Milestone& m, bool actual);
std::optional<Date> endOf(const Milestone& m, bool actual);
/// The actual start when recorded, else the planned one.
std::optional<Date> effectiveStart(const Milestone& m);
/// The actual end when recorded, else the planned end, else the actual start.
std::optional<Date> effectiveEnd(const Milestone& m);

/// Another framework's recurring cycle shown beside ISO's.
enum class CycleKind { Soc2Type1, Soc2Type2Observation, Soc2Type2Report, PciAssessment, HipaaRiskAnalysis, Other };
std::string_view toString(CycleKind k) noexcept;  ///< "soc2-type1", "soc2-type2-observation", …
std::optional<CycleKind> parseCycleKind(std::string_view text) noexcept;

struct Cycle {
    std::string key;  ///< e.g. "SOC2-T2-2027"
    std::string framework;
    CycleKind kind = CycleKind::Other;
    std::string title;
    Date startsOn;
    Date endsOn;          ///< not before startsOn (equal for a point in time such as a Type 1 date)
    int recurMonths = 0;  ///< 12 for an annual PCI assessment; 0 for once
};

struct TimelineSettings {
    int remediationBufferDays = 30;  ///< minimum days between Stage 1 and Stage 2
    int certificateYears = 3;
    int soonStaleDays = 30;
};

/// A dated bar on the chart (steps, derived surveillance dates, cycles and their repeats).
struct TimelineBar {
    std::string lane;  ///< "iso27001-2022" or a framework id
    std::string key;   ///< step name or cycle key (a repeat gets "#2", "#3")
    std::string label;
    Date start;
    Date end;
    bool actual = false;   ///< from actual dates (else planned or derived)
    bool derived = false;  ///< computed (surveillance from the certificate date, cycle repeats)
};

/// Why the timeline needs attention. OutOfOrder: a planned (or held) surveillance or
/// recertification audit after its due date.
enum class WarningKind { Slipped, Overdue, OutOfOrder, BufferTooShort, EvidenceStaleAtAudit, CertificateExpiring };
std::string_view toString(WarningKind k) noexcept;  ///< "slipped", "overdue", "out-of-order", "buffer-too-short", …

struct TimelineWarning {
    WarningKind kind = WarningKind::Slipped;
    std::string subject;  ///< step, cycle or evidence key
    std::string message;
};

/// An evidence item that can go stale before an audit, with the day it expires.
struct ExpiringEvidence {
    std::string key;
    std::string title;
    Date expires;
};

struct Timeline {
    std::vector<Milestone> milestones;  ///< all eleven steps, in order (empty dates where none)
    std::optional<Date> certificateIssued;
    std::optional<Date> certificateExpires;  ///< issued + certificateYears
    std::optional<Date> surveillance1Due;    ///< within 12 months of the certificate
    std::optional<Date> surveillance2Due;    ///< within 24 months
    std::optional<Date> recertificationDue;  ///< before expiry
    std::vector<Cycle> cycles;
    std::vector<TimelineBar> bars;  ///< everything to draw, through the horizon
    std::vector<TimelineWarning> warnings;
    TimelineSettings settings;
    Date today;
};

}  // namespace cw
