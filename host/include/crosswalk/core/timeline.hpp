/**
 * @file timeline.hpp
 * @brief The certification timeline: the eight ISO 27001 steps with planned and actual
 * dates, the certificate's three-year cycle with surveillance and recertification, and the
 * other frameworks' cycles beside it.
 */
#pragma once

#include <crosswalk/core/date.hpp>
#include <crosswalk/core/error.hpp>
#include <crosswalk/core/workspace.hpp>

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
inline constexpr std::array<Step, 11> kSteps = {
    Step::GapAnalysis, Step::IsmsDevelopment, Step::InternalAudit, Step::ManagementReview,
    Step::Stage1,      Step::Remediation,     Step::Stage2,        Step::Certificate,
    Step::Surveillance1, Step::Surveillance2, Step::Recertification};
std::string_view toString(Step s) noexcept;  ///< "gap-analysis", "isms-development", … "recertification"
std::string_view describe(Step s) noexcept;  ///< "Gap analysis", …
std::optional<Step> parseStep(std::string_view text) noexcept;

struct Milestone {
    Step step = Step::GapAnalysis;
    std::optional<Date> plannedStart;
    std::optional<Date> plannedEnd;
    std::optional<Date> actualStart;
    std::optional<Date> actualEnd;
    std::string note;
};

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

enum class WarningKind { Slipped, Overdue, OutOfOrder, BufferTooShort, EvidenceStaleAtAudit, CertificateExpiring };
std::string_view toString(WarningKind k) noexcept;

struct TimelineWarning {
    WarningKind kind = WarningKind::Slipped;
    std::string subject;  ///< step, cycle or evidence key
    std::string message;
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

Result<TimelineSettings> timelineSettings(Workspace& ws);
Result<void> setTimelineSettings(Workspace& ws, const TimelineSettings& settings);

/// Sets a step's dates. BadInput, nothing written: an end before its start, or a start
/// before the end of an earlier step's same kind of date (planned vs planned, actual vs
/// actual), except Remediation, which runs from Stage 1's end.
Result<Milestone> setMilestone(Workspace& ws, const Milestone& milestone);
Result<std::vector<Milestone>> milestones(Workspace& ws);

Result<std::vector<Cycle>> cycles(Workspace& ws);
Result<Cycle> setCycle(Workspace& ws, Cycle cycle);
Result<void> removeCycle(Workspace& ws, std::string_view key);

/**
 * @brief The whole picture at `today`: derived surveillance and recertification dates,
 * bars through the recertification (cycles repeated to the same horizon), and warnings —
 * a step past its planned end without an actual end (overdue), an actual end after the
 * planned one (slipped), a Stage 1 → Stage 2 gap shorter than the buffer, evidence that will
 * be stale on a planned audit date (Stage 1, Stage 2, surveillance), a certificate expiring
 * within 90 days.
 */
Result<Timeline> timeline(Workspace& ws, Date today);

}  // namespace cw
