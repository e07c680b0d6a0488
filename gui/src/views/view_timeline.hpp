#pragma once

#include "../facade.hpp"
#include "../view.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cw::gui {

/// The certification timeline as a Gantt-like chart: one lane per framework (the ISO 27001
/// steps, the other frameworks' cycles), planned and actual bars filled differently,
/// derived surveillance and recertification hatched, month and year ticks, a today marker;
/// Ctrl+wheel zooms, dragging or the slider pans; the warnings are listed beneath.
class TimelineView final : public View {
public:
    /// One row of the chart: a step or a cycle (its repeats share the row).
    struct Row {
        std::string lane;
        std::string key;  ///< without a repeat's "#n"
        std::string label;
        std::vector<cw::TimelineBar> bars;
        bool firstOfLane = false;
        bool warned = false;
        bool header = false;  ///< the lane's title row (no bars)
    };

    TimelineView() : View("Certification timeline", "timeline", {.defaultSize = ImVec2(1240, 720)}) {}

    [[nodiscard]] const std::vector<Row>& rows() const { return m_rows; }
    /// Screen x of a date in the last frame drawn (the chart's mapping).
    [[nodiscard]] float xOf(cw::Date date) const;
    /// Where the today marker was drawn in the last frame (screen x; nullopt when off screen).
    [[nodiscard]] std::optional<float> todayX() const { return m_todayX; }
    /// Pixels per day; 0 fits the whole range into the chart on the next frame.
    void setZoom(float pixelsPerDay) { m_pxPerDay = pixelsPerDay; }
    [[nodiscard]] float zoom() const { return m_pxPerDay; }
    /// The first day shown at the chart's left edge.
    void scrollTo(cw::Date date);
    [[nodiscard]] std::optional<cw::Date> firstDay() const { return m_first; }

private:
    void drawContent(Context& context) override;
    void rebuild(const cw::Timeline& timeline);
    void drawToolbar(float chartWidth);
    void drawChart(const cw::Timeline& timeline);
    void drawWarnings(const cw::Timeline& timeline);

    std::uint64_t m_revision = 0;
    std::vector<Row> m_rows;
    std::optional<cw::Date> m_first;  ///< range start (a month boundary before the first bar)
    int m_days = 0;                   ///< range length
    float m_pxPerDay = 0.0f;          ///< 0: fit
    float m_scrollDays = 0.0f;        ///< days from m_first at the chart's left edge
    float m_chartX = 0.0f;            ///< screen x of the chart's left edge, last frame
    float m_chartWidth = 0.0f;
    std::optional<float> m_todayX;
    bool m_dragging = false;
};

}  // namespace cw::gui
