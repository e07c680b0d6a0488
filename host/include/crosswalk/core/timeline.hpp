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

/// Stored in table settings as 'remediation_buffer_days', 'certificate_years',
/// 'soon_stale_days'; defaults where absent.
Result<TimelineSettings> timelineSettings(Workspace& ws);
/// BadInput, nothing written: buffer or soon-stale days outside 0–365, certificate years outside 1–10.
Result<void> setTimelineSettings(Workspace& ws, const TimelineSettings& settings);

/**
 * @brief Sets a step's dates (all four replaced; a step with no dates and no note is removed).
 *
 * BadInput, nothing written: an end before its start, or a start before the end of an earlier
 * step's same kind of date (planned vs planned, actual vs actual), checked both ways (setting
 * an earlier step's end after a later step's start fails too). A step with only one of its
 * two dates counts as that single day. Remediation's end does not bind the later steps:
 * remediation runs from Stage 1's end and minor fixes may continue while Stage 2 is held.
 */
Result<Milestone> setMilestone(Workspace& ws, const Milestone& milestone);
/// All eleven steps in order, with empty dates where none are recorded.
Result<std::vector<Milestone>> milestones(Workspace& ws);

/// Cycles by start date.
Result<std::vector<Cycle>> cycles(Workspace& ws);
/**
 * @brief Adds or replaces by key. An empty key gets one from the kind and start year
 * ("SOC2-T1-YYYY", "SOC2-T2-OBS-YYYY", "SOC2-T2-RPT-YYYY", "PCI-YYYY", "HIPAA-RA-YYYY",
 * "CYCLE-YYYY"; "-2", "-3" … when taken). NotFound: unknown framework. BadInput: invalid key,
 * empty title, endsOn before startsOn, recurMonths outside 0–120.
 */
Result<Cycle> setCycle(Workspace& ws, Cycle cycle);
/// NotFound when unknown.
Result<void> removeCycle(Workspace& ws, std::string_view key);

/**
 * @brief The whole picture at `today`: derived surveillance and recertification dates,
 * bars through the recertification (cycles repeated to the same horizon), and warnings —
 * a step past its planned end without an actual end (overdue), an actual end after the
 * planned one (slipped), a Stage 1 → Stage 2 gap shorter than the buffer, evidence that will
 * be stale on a planned audit date (Stage 1, Stage 2, surveillance), a certificate expiring
 * within 90 days.
 *
 * Details. The certificate is issued on the Certificate step's actual end, else its planned
 * end, else Stage 2's actual or planned end (a step's start stands in for a missing end).
 * Surveillance is due 12 and 24 months after issue (each only when that falls before the
 * recertification due date, so a 1-year certificate has none), recertification
 * certificateYears years less 3 months after it, expiry certificateYears years after it
 * (month ends clamped: 2028-02-29 + 12 months = 2029-02-28). The due dates are always
 * derived; a planned Surveillance1/2/Recertification step is drawn instead of the derived
 * one-day bar and warned (OutOfOrder) when it starts after its due date; a due date in the
 * past with nothing recorded for its step is Overdue. Stale evidence: for each audit step
 * (Stage 1, Stage 2, surveillance 1 and 2, recertification) planned to start after `today`
 * (its planned end when it has no planned start) and not yet finished, each evidence item
 * linked to a control or requirement, not scoped out of iso27001-2022, that has not expired at
 * `today` but expires (valid-until, else collected-on + review days) before that start (an item
 * is valid through its expiry day) — one warning per item and audit, subject the item key. The
 * horizon is the recertification due date (today + 3 years without a certificate date; never
 * before today);
 * cycles repeat every recurMonths from their first dates up to it, repeats keyed "KEY#2" …
 * Lanes: "iso27001-2022" for the steps, the cycle's framework otherwise. The certificate's
 * validity is one derived bar keyed "certificate-validity".
 */
Result<Timeline> timeline(Workspace& ws, Date today);

}  // namespace cw
