/**
 * @file timeline_rules.hpp
 * @brief The certification timeline's picture derived from what is recorded: the certificate's
 * due dates, the warnings and the bars to draw. Pure: the workbench loads the input.
 */
#pragma once

#include <crosswalk/model/timeline.hpp>

#include <vector>

namespace cw {

/// What the timeline is computed from.
struct TimelineInput {
    TimelineSettings settings;
    std::vector<Milestone> milestones;  ///< by step; a step not given has no dates
    std::vector<Cycle> cycles;          ///< by start date
    std::vector<ExpiringEvidence> expiring;
};

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
 * (its planned end when it has no planned start) and not yet finished, each item of
 * `input.expiring` that has not expired at
 * `today` but expires (valid-until, else collected-on + review days) before that start (an item
 * is valid through its expiry day) — one warning per item and audit, subject the item key. The
 * horizon is the recertification due date (today + 3 years without a certificate date; never
 * before today);
 * cycles repeat every recurMonths from their first dates up to it, repeats keyed "KEY#2" …
 * Lanes: "iso27001-2022" for the steps, the cycle's framework otherwise. The certificate's
 * validity is one derived bar keyed "certificate-validity".
 */
Timeline buildTimeline(const TimelineInput& input, Date today);

}  // namespace cw
