#pragma once

#include "../facade.hpp"
#include "../view.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace cw::gui {

/// Results of the global search box (menu bar, Ctrl+F) across every framework.
class SearchView final : public View {
public:
    explicit SearchView(const std::string& query)
        : View(
              "Search", "search",
              // Appears while the user types in the search box: it must not take the keyboard away.
              {.defaultSize = ImVec2(640, 420), .needsWorkspace = false, .flags = ImGuiWindowFlags_NoFocusOnAppearing}),
          m_query(query) {}
    [[nodiscard]] const std::vector<SearchHit>& hits() const { return m_hits; }

private:
    void drawContent(Context& context) override;
    const std::string& m_query;
    std::string m_shown;
    std::uint64_t m_generation = 0;
    std::vector<SearchHit> m_hits;
};

}  // namespace cw::gui
