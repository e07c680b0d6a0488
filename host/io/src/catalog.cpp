#include <crosswalk/io/catalog.hpp>

#include <boost/json.hpp>

#include <unordered_map>

namespace json = boost::json;

namespace cw {
namespace {

Control readControl(const json::object& o) {
    Control c;
    c.ref = stringOr(o, "ref");
    c.parent = stringOr(o, "parent");
    c.title = stringOr(o, "title");
    c.description = stringOr(o, "description");
    c.kind = stringOr(o, "kind");
    if (const auto* a = o.if_contains("assessable"); a != nullptr && a->is_bool()) c.assessable = a->get_bool();
    if (const auto* a = o.if_contains("attributes"); a != nullptr && a->is_object()) c.attributes = a->get_object();
    return c;
}

Framework readFramework(const json::object& o) {
    Framework f;
    f.id = stringOr(o, "id");
    f.name = stringOr(o, "name");
    f.version = stringOr(o, "version");
    f.publisher = stringOr(o, "publisher");
    f.kind = parseFrameworkKind(stringOr(o, "kind")).value_or(FrameworkKind::Other);
    f.published = stringOr(o, "published");
    f.source = stringOr(o, "source");
    f.licence = stringOr(o, "licence");
    f.url = stringOr(o, "url");
    f.description = stringOr(o, "description");
    for (const auto& c : o.at("controls").as_array()) f.controls.push_back(readControl(c.as_object()));
    return f;
}

// Refs unique, parents present, no cycles. Pointers name the offending field.
void checkHierarchy(const Framework& f, const std::string& at, std::vector<Problem>& problems) {
    std::unordered_map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < f.controls.size(); ++i) {
        const auto [it, inserted] = index.emplace(f.controls[i].ref, i);
        if (!inserted) {
            problems.push_back({appendPointer(appendPointer(appendPointer(at, "controls"), i), "ref"),
                                "duplicate ref '" + f.controls[i].ref + "' (first at /controls/" +
                                    std::to_string(it->second) + ") in framework '" + f.id + "'"});
        }
    }
    for (std::size_t i = 0; i < f.controls.size(); ++i) {
        const Control& c = f.controls[i];
        if (c.parent.empty()) continue;
        const std::string parentAt = appendPointer(appendPointer(appendPointer(at, "controls"), i), "parent");
        if (c.parent == c.ref) {
            problems.push_back({parentAt, "'" + c.ref + "' is its own parent"});
        } else if (!index.contains(c.parent)) {
            problems.push_back(
                {parentAt, "parent '" + c.parent + "' of '" + c.ref + "' does not exist in framework '" + f.id + "'"});
        }
    }
    // Walk up from every node; a walk longer than the node count is a cycle.
    // Report each cycle once, at its smallest index.
    std::vector<int> state(f.controls.size(), 0);  // 0 unvisited, 1 on current walk, 2 done
    for (std::size_t start = 0; start < f.controls.size(); ++start) {
        std::vector<std::size_t> walk;
        std::size_t i = start;
        while (true) {
            if (state[i] == 2) break;
            if (state[i] == 1) {
                std::string cycle;
                bool inCycle = false;
                std::size_t first = i;
                for (const std::size_t w : walk) {
                    if (w == i) inCycle = true;
                    if (inCycle) {
                        cycle += f.controls[w].ref + " -> ";
                        first = std::min(first, w);
                    }
                }
                cycle += f.controls[i].ref;
                if (f.controls[i].parent != f.controls[i].ref) {
                    problems.push_back({appendPointer(appendPointer(appendPointer(at, "controls"), first), "parent"),
                                        "parent cycle: " + cycle});
                }
                break;
            }
            state[i] = 1;
            walk.push_back(i);
            const auto parent = index.find(f.controls[i].parent);
            if (f.controls[i].parent.empty() || parent == index.end()) break;
            i = parent->second;
        }
        for (const std::size_t w : walk) state[w] = 2;
    }
}

}  // namespace

CatalogReading readCatalog(std::string_view text) {
    CatalogReading reading;
    auto parsed = parseJson(text, "catalog");
    if (!parsed) {
        reading.problems.push_back({"", parsed.error().message.substr(sizeof("catalog: ") - 1)});
        return reading;
    }
    reading.problems = catalogSchema().validate(*parsed);
    if (!reading.problems.empty()) return reading;

    Catalog catalog;
    std::unordered_map<std::string, std::size_t> frameworkIndex;
    const auto& frameworks = parsed->as_object().at("frameworks").as_array();
    for (std::size_t i = 0; i < frameworks.size(); ++i) {
        const std::string at = appendPointer("/frameworks", i);
        Framework f = readFramework(frameworks[i].as_object());
        if (const auto [it, inserted] = frameworkIndex.emplace(f.id, i); !inserted) {
            reading.problems.push_back(
                {appendPointer(at, "id"),
                 "duplicate framework id '" + f.id + "' (first at /frameworks/" + std::to_string(it->second) + ")"});
        }
        if (!f.published.empty() && !isCalendarDate(f.published)) {
            reading.problems.push_back(
                {appendPointer(at, "published"), "'" + f.published + "' is not a calendar date"});
        }
        checkHierarchy(f, at, reading.problems);
        catalog.frameworks.push_back(std::move(f));
    }
    if (reading.problems.empty()) reading.catalog = std::move(catalog);
    return reading;
}

}  // namespace cw
