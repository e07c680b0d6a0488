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
    explicit SearchView(const std::string& query) : View("Search", "search", false), m_query(query) {}
    void draw(Context& context) override;
    [[nodiscard]] const std::vector<SearchHit>& hits() const { return m_hits; }

private:
    const std::string& m_query;
    std::string m_shown;
    std::uint64_t m_generation = 0;
    std::vector<SearchHit> m_hits;
};

}  // namespace cw::gui
