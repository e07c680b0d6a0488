// Resolving a scoping rule's output onto a framework's catalog.
#include <crosswalk/analysis/scoping.hpp>

#include <crosswalk/model/text.hpp>

#include <boost/json.hpp>

#include <map>

namespace cw {

namespace json = boost::json;

Result<Scoping> readScoping(const std::string& output, std::string_view framework, std::string_view plugin,
                            const std::vector<ScopingNode>& nodes) {
    const std::string who = "plugin '" + std::string(plugin) + "'";
    boost::system::error_code ec;
    const json::value root = json::parse(output, ec);
    if (ec || !root.is_object()) return Error::internal(who + ": scoping output is not a JSON object");
    const json::object& out = root.get_object();
    if (const auto* f = out.if_contains("framework"); f == nullptr || !f->is_string() || f->get_string() != framework) {
        return Error::internal(who + ": scoping output is about another framework, not '" + std::string(framework) +
                               "'");
    }
    std::map<std::string, std::size_t, std::less<>> byRef;
    std::map<std::int64_t, std::vector<std::size_t>> children;
    std::map<std::int64_t, std::size_t> byId;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        byRef.emplace(nodes[i].ref, i);
        byId.emplace(nodes[i].id, i);
        if (nodes[i].parent != 0) children[nodes[i].parent].push_back(i);
    }
    const auto depthOf = [&](std::size_t index) {
        std::size_t depth = 0;
        for (auto at = byId.find(nodes[index].parent); at != byId.end(); at = byId.find(nodes[at->second].parent)) {
            ++depth;
        }
        return depth;
    };
    Scoping result;
    // Requirement id → the decision passed down and the depth of the grouping it came from.
    std::map<std::int64_t, std::pair<std::size_t, ScopingDecision>> inherited;
    std::vector<std::string> ignored;
    for (const auto& item : out.at("requirements").as_array()) {
        const json::object& r = item.as_object();
        const std::string ref(r.at("ref").as_string());
        const auto found = byRef.find(ref);
        if (found == byRef.end()) {
            return Error::internal(who + ": scoping output names '" + ref + "', which is not a control of '" +
                                   std::string(framework) + "'");
        }
        const ScopingNode& node = nodes[found->second];
        ScopingDecision decision{r.at("applies").as_bool(), std::string(r.at("reason").as_string())};
        if (node.assessable) result.decisions.emplace(node.id, decision);  // the first word on a ref stands
        const std::size_t depth = depthOf(found->second);
        std::vector<std::size_t> stack = {found->second};
        std::size_t reached = 0;
        while (!stack.empty()) {
            const std::size_t at = stack.back();
            stack.pop_back();
            if (const auto kids = children.find(nodes[at].id); kids != children.end()) {
                stack.insert(stack.end(), kids->second.begin(), kids->second.end());
            }
            if (at == found->second || !nodes[at].assessable) continue;
            ++reached;
            ScopingDecision passed{decision.applies, decision.reason + " (through " + ref + ")"};
            const auto [slot, added] = inherited.try_emplace(nodes[at].id, depth, passed);
            if (!added && slot->second.first < depth) slot->second = {depth, std::move(passed)};
        }
        if (reached == 0 && !node.assessable) ignored.push_back(ref);
    }
    for (auto& [id, passed] : inherited) result.decisions.emplace(id, std::move(passed.second));
    if (const auto* notes = out.if_contains("notes"); notes != nullptr && notes->is_array()) {
        for (const auto& n : notes->as_array()) result.notes.emplace_back(n.as_string());
    }
    if (!ignored.empty()) {
        result.notes.push_back("Not recorded: " + std::to_string(ignored.size()) +
                               " ref(s) the rule listed are not assessable and hold no assessable requirement (" +
                               joined(ignored, ", ", 5) + "); the requirements above them decide.");
    }
    return result;
}

}  // namespace cw
