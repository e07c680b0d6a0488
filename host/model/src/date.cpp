#include <crosswalk/model/date.hpp>

#include <charconv>
#include <cstdio>

namespace cw {

namespace chr = std::chrono;

Date::Date(int year, unsigned month, unsigned day)
    : m_days(chr::sys_days(chr::year_month_day(chr::year(year), chr::month(month), chr::day(day)))) {}

Result<Date> Date::parse(std::string_view text, std::string_view what) {
    const auto bad = [&] {
        return Error::badInput(std::string(what) + ": '" + std::string(text) +
                               "' is not a calendar date in the form YYYY-MM-DD");
    };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
    const auto number = [&](std::size_t from, std::size_t length, int& out) {
        for (std::size_t i = from; i < from + length; ++i) {
            if (text[i] < '0' || text[i] > '9') return false;
        }
        return std::from_chars(text.data() + from, text.data() + from + length, out).ec == std::errc();
    };
    int y = 0;
    int m = 0;
    int d = 0;
    if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return bad();
    const chr::year_month_day ymd(chr::year(y), chr::month(static_cast<unsigned>(m)),
                                  chr::day(static_cast<unsigned>(d)));
    if (!ymd.ok()) return bad();
    return Date(chr::sys_days(ymd));
}

Date Date::today() {
    return Date(chr::floor<chr::days>(chr::system_clock::now()));
}

std::string Date::str() const {
    const chr::year_month_day ymd(m_days);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buffer;
}

int Date::year() const {
    return static_cast<int>(chr::year_month_day(m_days).year());
}

Date Date::addMonths(int months) const {
    const chr::year_month_day ymd(m_days);
    const chr::year_month ym = chr::year_month(ymd.year(), ymd.month()) + chr::months(months);
    const chr::day last = chr::year_month_day_last(ym.year(), chr::month_day_last(ym.month())).day();
    return Date(chr::sys_days(chr::year_month_day(ym.year(), ym.month(), ymd.day() > last ? last : ymd.day())));
}

Result<std::optional<Date>> parseOptionalDate(std::string_view text, std::string_view what) {
    if (text.empty()) return std::optional<Date>();
    auto date = Date::parse(text, what);
    if (!date) return date.error();
    return std::optional<Date>(*date);
}

std::string toString(const std::optional<Date>& date) {
    return date ? date->str() : std::string();
}

}  // namespace cw
