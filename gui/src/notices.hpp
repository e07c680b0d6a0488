// Errors and confirmations as non-blocking toasts in the top-right corner.
#pragma once

#include <deque>
#include <string>

namespace cw::gui {

class Notices {
public:
    enum class Level { Info, Error };
    struct Notice {
        Level level = Level::Info;
        std::string text;
        double postedAt = -1.0;  ///< ImGui time when first shown
    };

    void info(std::string text) { post(Level::Info, std::move(text)); }
    void error(std::string text) { post(Level::Error, std::move(text)); }
    void post(Level level, std::string text);
    /// Draws the toasts; each fades after a while and a click dismisses it.
    void draw();
    [[nodiscard]] const std::deque<Notice>& items() const { return m_items; }

private:
    std::deque<Notice> m_items;
};

}  // namespace cw::gui
