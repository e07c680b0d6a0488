#include "facade.hpp"

#include "text.hpp"

#include <crosswalk/analysis/crosswalk_graph.hpp>
#include <crosswalk/model/hub.hpp>
#include <crosswalk/model/text.hpp>
#include <crosswalk/store/workspace.hpp>

#include <boost/json/object.hpp>

#include <algorithm>

namespace cw::gui {

namespace {

std::vector<Attribute> attributesOf(const boost::json::object& object) {
    std::vector<Attribute> out;
    for (const auto& [key, value] : object) out.emplace_back(std::string(key), text::attributeText(value));
    return out;
}

}  // namespace

struct Facade::Impl {
    Workspace workspace;
    CrosswalkGraph graph;
    std::filesystem::path path;
    std::vector<std::string> searchKeys;  ///< per graph control: lower-cased "framework:ref title"
};

Facade::Facade() : m_today(Date::today()) {}
Facade::~Facade() = default;

Error Facade::noWorkspace() {
    return Error::badInput("no workspace is open");
}

const std::string& Facade::hub() {
    static const std::string kHub(kHubFramework);
    return kHub;
}

Result<void> Facade::open(const std::filesystem::path& file, bool create) {
    auto ws = Workspace::open(file, create ? Workspace::OpenMode::CreateIfMissing : Workspace::OpenMode::MustExist);
    if (!ws) return ws.error();
    auto frameworks = ws->frameworks();
    auto plugins = ws->plugins();
    auto packs = ws->packs();
    auto data = ws->graph();
    std::string failure;
    if (!frameworks) failure = frameworks.error().message;
    if (!plugins) failure = plugins.error().message;
    if (!packs) failure = packs.error().message;
    if (!data) failure = data.error().message;
    if (!failure.empty()) return Error::internal(file.string() + ": " + failure);
    CrosswalkGraph graph(std::move(*data));
    std::vector<std::string> keys;
    keys.reserve(graph.data().controls.size());
    for (const auto& c : graph.data().controls) keys.push_back(cw::lower(c.framework + ":" + c.ref + " " + c.title));

    m_impl = std::make_unique<Impl>(Impl{std::move(*ws), std::move(graph), file, std::move(keys)});
    m_frameworks = std::move(*frameworks);
    m_plugins = std::move(*plugins);
    m_packs = std::move(*packs);
    m_controls.clear();
    m_overlap.clear();
    ++m_generation;
    refreshWorkbench();
    return {};
}

void Facade::close() {
    m_impl.reset();
    m_frameworks.clear();
    m_plugins.clear();
    m_packs.clear();
    m_controls.clear();
    m_overlap.clear();
    ++m_generation;
    refreshWorkbench();
}

Workspace* Facade::workspace() {
    return m_impl ? &m_impl->workspace : nullptr;
}

bool Facade::isOpen() const {
    return m_impl != nullptr;
}

const std::filesystem::path& Facade::path() const {
    static const std::filesystem::path kNone;
    return m_impl ? m_impl->path : kNone;
}

const FrameworkInfo* Facade::framework(std::string_view id) const {
    for (const auto& f : m_frameworks) {
        if (f.id == id) return &f;
    }
    return nullptr;
}

Result<const std::vector<ControlItem>*> Facade::controls(const std::string& framework) {
    if (const auto it = m_controls.find(framework); it != m_controls.end()) return &it->second;
    if (!m_impl) return noWorkspace();
    auto rows = m_impl->workspace.controls(framework);
    if (!rows) return rows.error();
    std::vector<ControlItem> items;
    items.reserve(rows->size());
    std::map<std::string, int, std::less<>> indexOf;
    for (auto& r : *rows) {
        ControlItem item{r.ref, r.parent, r.title, r.kind, r.assessable, r.depth, -1, {}, attributesOf(r.attributes)};
        if (!r.parent.empty()) {
            if (const auto p = indexOf.find(r.parent); p != indexOf.end()) item.parentIndex = p->second;
        }
        const int index = static_cast<int>(items.size());
        if (item.parentIndex >= 0) items[static_cast<std::size_t>(item.parentIndex)].children.push_back(index);
        indexOf.emplace(r.ref, index);
        items.push_back(std::move(item));
    }
    return &m_controls.emplace(framework, std::move(items)).first->second;
}

Result<ControlInfo> Facade::control(std::string_view fullRef) {
    if (!m_impl) return noWorkspace();
    auto detail = m_impl->workspace.control(fullRef);
    if (!detail) return detail.error();
    const ControlRow& c = detail->control;
    ControlInfo info{.fullRef = c.fullRef(),
                     .framework = c.framework,
                     .frameworkName = detail->framework.name,
                     .ref = c.ref,
                     .title = c.title,
                     .description = c.description,
                     .kind = c.kind,
                     .assessable = c.assessable,
                     .attributes = attributesOf(c.attributes),
                     .ancestors = {},
                     .children = {}};
    for (const auto& a : detail->ancestors) info.ancestors.push_back({a.fullRef(), a.title});
    for (const auto& k : detail->children) info.children.push_back({k.fullRef(), k.title});
    return info;
}

std::vector<Related> Facade::related(std::string_view fullRef, int depth) const {
    if (!m_impl) return {};
    const auto index = m_impl->graph.find(fullRef);
    if (!index) return {};
    return m_impl->graph.related(*index, MapOptions{depth, {}, true});
}

const OverlapMatrix& Facade::overlap(int depth) {
    if (const auto it = m_overlap.find(depth); it != m_overlap.end()) return it->second;
    OverlapMatrix matrix;
    matrix.depth = depth;
    if (m_impl) {
        matrix.frameworks = m_impl->graph.frameworksByConnection();
        matrix.cells = m_impl->graph.overlap(matrix.frameworks, depth);
    }
    return m_overlap.emplace(depth, std::move(matrix)).first->second;
}

std::vector<MarginalItem> Facade::cellRequirements(const std::string& from, const std::string& to, int depth) const {
    // Marginal cost with one held framework is, requirement by requirement, the overlap cell.
    return marginal({from}, to, depth).items;
}

std::vector<SharedSet> Facade::sharedSets(const std::vector<std::string>& frameworks) const {
    if (!m_impl) return {};
    return m_impl->graph.sharedSets(hub(), frameworks);
}

Marginal Facade::marginal(const std::vector<std::string>& have, const std::string& add, int depth) const {
    if (!m_impl) {
        Marginal none;
        none.have = have;
        none.add = add;
        return none;
    }
    return m_impl->graph.marginal(have, add, depth);
}

std::vector<SearchHit> Facade::search(std::string_view query, std::size_t limit) const {
    std::vector<SearchHit> out;
    if (!m_impl) return out;
    const std::vector<std::string> words = text::searchTerms(query);
    if (words.empty()) return out;
    const std::string q = cw::lower(query);
    const auto& controls = m_impl->graph.data().controls;
    // Rank: 0 = the ref itself matches the query, 1 = ref contains it, 2 = words found anywhere.
    std::vector<std::pair<int, std::uint32_t>> ranked;
    for (std::uint32_t i = 0; i < controls.size(); ++i) {
        const std::string& key = m_impl->searchKeys[i];
        bool all = true;
        for (const auto& w : words) all = all && key.find(w) != std::string::npos;
        if (!all) continue;
        const std::string ref = cw::lower(controls[i].ref);
        const std::string full = cw::lower(controls[i].framework + ":" + controls[i].ref);
        int rank = 2;
        if (ref == q || full == q) {
            rank = 0;
        } else if (full.find(q) != std::string::npos) {
            rank = 1;
        }
        ranked.emplace_back(rank, i);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [rank, i] : ranked) {
        if (out.size() >= limit) break;
        const auto& c = controls[i];
        out.push_back({c.framework + ":" + c.ref, c.framework, c.title});
    }
    return out;
}

}  // namespace cw::gui
