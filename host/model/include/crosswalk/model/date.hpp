/**
 * @file date.hpp
 * @brief Calendar dates (no time of day) as the workbench stores them: "YYYY-MM-DD".
 */
#pragma once

#include <crosswalk/model/error.hpp>

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace cw {

/// A proleptic Gregorian calendar date.
class Date {
public:
    /// 1970-01-01.
    Date() = default;
    explicit Date(std::chrono::sys_days days) : m_days(days) {}
    /// For dates known to exist (constants, tests); input goes through parse(), which checks.
    Date(int year, unsigned month, unsigned day);

    /// Parses exactly "YYYY-MM-DD" and rejects dates that do not exist (2026-02-30).
    /// `what` names the field in the error, e.g. "--due" or "collected_on".
    static Result<Date> parse(std::string_view text, std::string_view what = "date");
    /// Today in UTC.
    static Date today();

    [[nodiscard]] std::string str() const;
    [[nodiscard]] std::chrono::sys_days days() const noexcept { return m_days; }
    [[nodiscard]] int year() const;

    [[nodiscard]] Date addDays(int days) const { return Date(m_days + std::chrono::days(days)); }
    /// Same day `months` later; clamped to the month's last day (Jan 31 + 1 month = Feb 28/29).
    [[nodiscard]] Date addMonths(int months) const;
    /// Whole days from this date to `other` (negative when `other` is earlier).
    [[nodiscard]] int daysUntil(Date other) const { return static_cast<int>((other.m_days - m_days).count()); }

    friend bool operator==(const Date&, const Date&) = default;
    friend std::strong_ordering operator<=>(const Date&, const Date&) = default;

private:
    std::chrono::sys_days m_days{};
};

/// Parses an optional date: empty text gives nullopt.
Result<std::optional<Date>> parseOptionalDate(std::string_view text, std::string_view what = "date");

/// "" for nullopt, else the date.
std::string toString(const std::optional<Date>& date);

}  // namespace cw
