// Shared by the framework suites: load a real framework plugin once per suite,
// index its catalog by ref, and call its scoping rule and readiness checks with
// the output parsed and validated against sdk/schema/rules.schema.json.
#pragma once

#include <crosswalk/io/json.hpp>
#include <crosswalk/model/model.hpp>
#include <crosswalk/plugin_host/plugin_host.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cw::test {

namespace json = boost::json;

// --- assertions --------------------------------------------------------------

/// EXPECT_TRUE(contains(text, "answers.role")): the failure shows both strings.
inline ::testing::AssertionResult contains(std::string_view text, std::string_view fragment) {
    if (text.find(fragment) != std::string_view::npos) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "\"" << fragment << "\" not found in: " << text;
}

/// Refs (or any strings) that do not match `pattern` in full; empty when all do.
inline std::vector<std::string> notMatching(const std::vector<std::string>& refs, const std::string& pattern) {
    const std::regex re(pattern);
    std::vector<std::string> out;
    for (const auto& ref : refs) {
        if (!std::regex_match(ref, re)) out.push_back(ref);
    }
    return out;
}

/// Joins strings for failure messages.
inline std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ") {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

// --- catalog attributes --------------------------------------------------------

/// A string attribute, or "" when absent or not a string.
inline std::string attrString(const Control& control, std::string_view key) {
    const json::value* value = control.attributes.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : std::string();
}

/// A boolean attribute, or nullopt when absent or not a boolean.
inline std::optional<bool> attrBool(const Control& control, std::string_view key) {
    const json::value* value = control.attributes.if_contains(key);
    if (value == nullptr || !value->is_bool()) return std::nullopt;
    return value->get_bool();
}

/// A numeric attribute as an integer, or nullopt.
inline std::optional<long long> attrInt(const Control& control, std::string_view key) {
    const json::value* value = control.attributes.if_contains(key);
    if (value == nullptr || !value->is_number()) return std::nullopt;
    return static_cast<long long>(value->to_number<double>());
}

/// An array-of-strings attribute (empty when absent).
inline std::vector<std::string> attrStrings(const Control& control, std::string_view key) {
    std::vector<std::string> out;
    const json::value* value = control.attributes.if_contains(key);
    if (value == nullptr || !value->is_array()) return out;
    for (const auto& item : value->get_array()) {
        if (item.is_string()) out.emplace_back(item.get_string());
    }
    return out;
}

// --- catalog index -------------------------------------------------------------

/// One framework of a plugin's catalog (a copy), indexed by ref.
class FrameworkIndex {
public:
    FrameworkIndex() = default;
    explicit FrameworkIndex(Framework framework) : m_framework(std::move(framework)) {
        for (std::size_t i = 0; i < m_framework.controls.size(); ++i) {
            const Control& control = m_framework.controls[i];
            if (!m_byRef.emplace(control.ref, i).second) m_duplicates.push_back(control.ref);
        }
    }

    [[nodiscard]] const Framework& framework() const { return m_framework; }
    [[nodiscard]] const std::vector<Control>& controls() const { return m_framework.controls; }
    /// Refs that occur more than once (the second and later occurrences).
    [[nodiscard]] const std::vector<std::string>& duplicates() const { return m_duplicates; }

    [[nodiscard]] const Control* find(std::string_view ref) const {
        const auto it = m_byRef.find(std::string(ref));
        return it == m_byRef.end() ? nullptr : &m_framework.controls[it->second];
    }
    [[nodiscard]] bool has(std::string_view ref) const { return find(ref) != nullptr; }

    /// The control with this ref; a missing one fails the test and yields a blank control.
    [[nodiscard]] const Control& at(std::string_view ref) const {
        if (const Control* control = find(ref)) return *control;
        ADD_FAILURE() << "no control '" << ref << "' in framework " << m_framework.id;
        static const Control kBlank;
        return kBlank;
    }

    /// Refs in catalog order, optionally only of one kind.
    [[nodiscard]] std::vector<std::string> refs(std::string_view kind = {}) const {
        std::vector<std::string> out;
        for (const auto& control : m_framework.controls) {
            if (kind.empty() || control.kind == kind) out.push_back(control.ref);
        }
        return out;
    }
    [[nodiscard]] std::size_t count(std::string_view kind) const { return refs(kind).size(); }

    [[nodiscard]] std::vector<std::string> assessableRefs() const {
        std::vector<std::string> out;
        for (const auto& control : m_framework.controls) {
            if (control.assessable) out.push_back(control.ref);
        }
        return out;
    }

    /// Refs (catalog order) whose string attribute `key` equals `value`, optionally of one kind.
    [[nodiscard]] std::vector<std::string> withAttribute(std::string_view key, std::string_view value,
                                                         std::string_view kind = {}) const {
        std::vector<std::string> out;
        for (const auto& control : m_framework.controls) {
            if (!kind.empty() && control.kind != kind) continue;
            if (attrString(control, key) == value) out.push_back(control.ref);
        }
        return out;
    }

    /// Refs (catalog order) whose boolean attribute `key` is `value`.
    [[nodiscard]] std::vector<std::string> withFlag(std::string_view key, bool value = true) const {
        std::vector<std::string> out;
        for (const auto& control : m_framework.controls) {
            if (attrBool(control, key) == value) out.push_back(control.ref);
        }
        return out;
    }

    /// Refs (catalog order) whose array attribute `key` contains `value`.
    [[nodiscard]] std::vector<std::string> withListed(std::string_view key, std::string_view value) const {
        std::vector<std::string> out;
        for (const auto& control : m_framework.controls) {
            for (const auto& item : attrStrings(control, key)) {
                if (item == value) {
                    out.push_back(control.ref);
                    break;
                }
            }
        }
        return out;
    }

    /// Direct children of `ref` in catalog order; "" gives the top-level nodes.
    [[nodiscard]] std::vector<std::string> children(std::string_view ref) const {
        std::vector<std::string> out;
        for (const auto& control : m_framework.controls) {
            if (control.parent == ref) out.push_back(control.ref);
        }
        return out;
    }
    [[nodiscard]] std::vector<std::string> topLevel() const { return children(""); }

    /// Parents that do not resolve to a control of this framework.
    [[nodiscard]] std::vector<std::string> danglingParents() const {
        std::vector<std::string> out;
        for (const auto& control : m_framework.controls) {
            if (!control.parent.empty() && !has(control.parent)) out.push_back(control.ref + " -> " + control.parent);
        }
        return out;
    }

private:
    Framework m_framework;
    std::map<std::string, std::size_t> m_byRef;
    std::vector<std::string> m_duplicates;
};

// --- plugin loading ------------------------------------------------------------

/// The process-wide host. Plugins stay loaded for the life of the process, so each
/// file is loaded once and every suite calls its rules through this host.
inline PluginHost& sharedHost() {
    static PluginHost host;
    return host;
}

/// What a suite needs of its plugin, copied out of the host at load time.
struct LoadedPlugin {
    std::string file;
    std::string id;
    bool loaded = false;
    std::string problems;
    bool hasScope = false;
    bool hasReadiness = false;
    std::vector<FrameworkIndex> frameworks;
};

/// Loads buildPluginDir()/<fileStem>.so once per process; later calls return the cached record.
inline const LoadedPlugin& loadPlugin(const std::string& fileStem) {
    static std::map<std::string, std::unique_ptr<LoadedPlugin>> cache;
    auto& slot = cache[fileStem];
    if (slot) return *slot;
    slot = std::make_unique<LoadedPlugin>();
    slot->file = (buildPluginDir() / (fileStem + ".so")).string();
    const PluginInfo& info = sharedHost().load(slot->file);
    slot->id = info.id;
    slot->loaded = info.status == PluginStatus::Loaded;
    slot->problems = joined(info.problems, "\n");
    slot->hasScope = info.hasScope;
    slot->hasReadiness = info.hasReadiness;
    for (const auto& framework : info.catalog.frameworks) slot->frameworks.emplace_back(framework);
    return *slot;
}

// --- rule outputs --------------------------------------------------------------

struct ScopeRow {
    std::string ref;
    bool applies = false;
    std::string reason;
};

/// A parsed scopeOutput; `ok` is false when the rule failed (then `error` holds the host's message).
struct ScopeOutput {
    bool ok = false;
    std::string error;
    std::string framework;
    std::vector<ScopeRow> rows;
    std::vector<std::string> notes;

    [[nodiscard]] const ScopeRow* find(std::string_view ref) const {
        for (const auto& row : rows) {
            if (row.ref == ref) return &row;
        }
        return nullptr;
    }
    /// applies of `ref`, or nullopt when the output does not list it.
    [[nodiscard]] std::optional<bool> applies(std::string_view ref) const {
        const ScopeRow* row = find(ref);
        return row != nullptr ? std::optional<bool>(row->applies) : std::nullopt;
    }
    [[nodiscard]] std::string reason(std::string_view ref) const {
        if (const ScopeRow* row = find(ref)) return row->reason;
        std::string missing = "<";
        missing.append(ref).append(" not listed>");
        return missing;
    }
    [[nodiscard]] std::vector<std::string> refs(std::optional<bool> applying = std::nullopt) const {
        std::vector<std::string> out;
        for (const auto& row : rows) {
            if (!applying || row.applies == *applying) out.push_back(row.ref);
        }
        return out;
    }
    [[nodiscard]] std::size_t applying() const { return refs(true).size(); }
    [[nodiscard]] std::size_t notApplying() const { return refs(false).size(); }
    [[nodiscard]] std::string allNotes() const { return joined(notes, "\n"); }
};

struct Finding {
    std::string check;
    std::string severity;
    std::string ref;  ///< "" when the finding names no single control
    std::string message;
};

/// A parsed readinessOutput.
struct ReadinessOutput {
    bool ok = false;
    std::string error;
    std::vector<Finding> findings;

    [[nodiscard]] std::vector<Finding> withCheck(std::string_view check) const {
        std::vector<Finding> out;
        for (const auto& finding : findings) {
            if (finding.check == check) out.push_back(finding);
        }
        return out;
    }
    [[nodiscard]] std::size_t count(std::string_view check) const { return withCheck(check).size(); }
    /// Refs of the findings of one check, sorted.
    [[nodiscard]] std::set<std::string> refs(std::string_view check) const {
        std::set<std::string> out;
        for (const auto& finding : withCheck(check)) out.insert(finding.ref);
        return out;
    }
    [[nodiscard]] const Finding* find(std::string_view check, std::string_view ref) const {
        for (const auto& finding : findings) {
            if (finding.check == check && finding.ref == ref) return &finding;
        }
        return nullptr;
    }
    /// Every finding on one line each, for failure messages.
    [[nodiscard]] std::string dump() const {
        std::string out;
        for (const auto& f : findings) out += f.severity + " " + f.check + " [" + f.ref + "] " + f.message + "\n";
        return out;
    }
};

inline std::string schemaProblems(const json::value& value, std::string_view def) {
    std::string out;
    for (const auto& problem : rulesSchema().validate(value, def)) out += toString(problem) + "\n";
    return out;
}

/// Runs a scoping rule. A success is parsed and checked against scopeOutput (a schema problem
/// fails the test); a failure comes back with ok == false and the host's message in `error`.
inline ScopeOutput runScope(std::string_view pluginId, std::string_view input) {
    ScopeOutput out;
    auto result = sharedHost().scope(pluginId, input);
    if (!result) {
        out.error = result.error().message;
        return out;
    }
    boost::system::error_code ec;
    const json::value value = json::parse(*result, ec);
    if (ec) {
        ADD_FAILURE() << pluginId << " scope returned invalid JSON: " << *result;
        return out;
    }
    const std::string problems = schemaProblems(value, "scopeOutput");
    if (!problems.empty()) {
        ADD_FAILURE() << pluginId << " scope output violates rules.schema.json scopeOutput:\n" << problems;
        return out;
    }
    out.ok = true;
    out.framework = std::string(value.at("framework").as_string());
    for (const auto& item : value.at("requirements").as_array()) {
        out.rows.push_back({std::string(item.at("ref").as_string()), item.at("applies").as_bool(),
                            std::string(item.at("reason").as_string())});
    }
    if (const json::value* notes = value.as_object().if_contains("notes")) {
        for (const auto& note : notes->as_array()) out.notes.emplace_back(note.as_string());
    }
    return out;
}

/// Runs readiness checks; as runScope, validated against readinessOutput.
inline ReadinessOutput runReadiness(std::string_view pluginId, std::string_view input) {
    ReadinessOutput out;
    auto result = sharedHost().readiness(pluginId, input);
    if (!result) {
        out.error = result.error().message;
        return out;
    }
    boost::system::error_code ec;
    const json::value value = json::parse(*result, ec);
    if (ec) {
        ADD_FAILURE() << pluginId << " readiness returned invalid JSON: " << *result;
        return out;
    }
    const std::string problems = schemaProblems(value, "readinessOutput");
    if (!problems.empty()) {
        ADD_FAILURE() << pluginId << " readiness output violates rules.schema.json readinessOutput:\n" << problems;
        return out;
    }
    out.ok = true;
    for (const auto& item : value.at("findings").as_array()) {
        const json::object& f = item.as_object();
        const json::value* ref = f.if_contains("ref");
        out.findings.push_back({std::string(f.at("check").as_string()), std::string(f.at("severity").as_string()),
                                ref != nullptr ? std::string(ref->as_string()) : std::string(),
                                std::string(f.at("message").as_string())});
    }
    return out;
}

/// A scopeInput {"framework", "answers"} as text.
inline std::string scopeInput(std::string_view framework, const json::value& answers) {
    return json::serialize(json::object{{"framework", framework}, {"answers", answers}});
}

/// One readiness control entry.
inline json::object entry(std::string_view ref, std::string_view status) {
    return json::object{{"ref", ref}, {"status", status}};
}
inline json::object entry(std::string_view ref, std::string_view status, std::string_view reason) {
    return json::object{{"ref", ref}, {"status", status}, {"reason", reason}};
}

// --- the suite fixture -----------------------------------------------------------

/**
 * Base of each framework suite (CRTP, so each suite has its own static state):
 *
 *     class Iso27001 : public test::FrameworkTest<Iso27001> {
 *     public:
 *         static constexpr const char* kPluginFile = "iso27001";   // build/plugins/iso27001.so
 *         static constexpr const char* kPluginId = "iso27001-2022";
 *         static constexpr const char* kFrameworkId = "iso27001-2022";
 *     };
 */
template <typename Suite>
class FrameworkTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { s_plugin = &loadPlugin(Suite::kPluginFile); }

    void SetUp() override {
        ASSERT_NE(s_plugin, nullptr);
        ASSERT_TRUE(s_plugin->loaded) << s_plugin->file << " was rejected:\n" << s_plugin->problems;
        ASSERT_EQ(s_plugin->id, Suite::kPluginId);
        ASSERT_NE(framework(), nullptr) << "plugin has no framework " << Suite::kFrameworkId;
    }

    static const LoadedPlugin& plugin() { return *s_plugin; }

    static const FrameworkIndex* framework() {
        for (const auto& f : s_plugin->frameworks) {
            if (f.framework().id == Suite::kFrameworkId) return &f;
        }
        return nullptr;
    }
    static const FrameworkIndex& fw() { return *framework(); }

    /// Scoping with `answers`; fails the test unless the rule succeeds with valid output whose
    /// framework is this one and whose refs are unique controls of the catalog.
    static ScopeOutput scope(const json::value& answers) { return scopeText(scopeInput(Suite::kFrameworkId, answers)); }

    static ScopeOutput scopeText(std::string_view input) {
        ScopeOutput out = runScope(Suite::kPluginId, input);
        EXPECT_TRUE(out.ok) << "scope failed: " << out.error << "\ninput: " << input;
        if (!out.ok) return out;
        EXPECT_EQ(out.framework, Suite::kFrameworkId);
        std::set<std::string> seen;
        for (const auto& row : out.rows) {
            EXPECT_TRUE(fw().has(row.ref)) << "scope lists unknown ref " << row.ref;
            EXPECT_TRUE(seen.insert(row.ref).second) << "scope lists " << row.ref << " twice";
        }
        return out;
    }

    /// The error message of a scoping call that must fail.
    static std::string scopeError(const json::value& answers) {
        return scopeErrorText(scopeInput(Suite::kFrameworkId, answers));
    }
    static std::string scopeErrorText(std::string_view input) {
        const ScopeOutput out = runScope(Suite::kPluginId, input);
        EXPECT_FALSE(out.ok) << "scope should have failed for input: " << input;
        // The host names the plugin and the rule, then gives the plugin's message.
        EXPECT_TRUE(contains(out.error, "plugin '" + std::string(Suite::kPluginId) + "'"));
        EXPECT_TRUE(contains(out.error, "scope failed: "));
        return out.error;
    }

    /// Readiness with the given input object (framework is added when absent).
    static ReadinessOutput readiness(json::object input) {
        if (!input.contains("framework")) input["framework"] = Suite::kFrameworkId;
        const std::string text = json::serialize(input);
        ReadinessOutput out = runReadiness(Suite::kPluginId, text);
        EXPECT_TRUE(out.ok) << "readiness failed: " << out.error << "\ninput: " << text;
        return out;
    }

    static std::string readinessError(json::object input) {
        if (!input.contains("framework")) input["framework"] = Suite::kFrameworkId;
        const std::string text = json::serialize(input);
        const ReadinessOutput out = runReadiness(Suite::kPluginId, text);
        EXPECT_FALSE(out.ok) << "readiness should have failed for input: " << text;
        // The host names the plugin and the rule, then gives the plugin's message.
        EXPECT_TRUE(contains(out.error, "plugin '" + std::string(Suite::kPluginId) + "'"));
        EXPECT_TRUE(contains(out.error, "readiness failed: "));
        return out.error;
    }

    /// Structural checks every catalog must pass: unique refs, refs matching the catalog
    /// schema's pattern and `refPattern`, every parent resolving.
    static void expectWellFormedRefs(const std::string& refPattern) {
        EXPECT_TRUE(fw().duplicates().empty()) << "duplicate refs: " << joined(fw().duplicates());
        EXPECT_TRUE(fw().danglingParents().empty()) << "dangling parents: " << joined(fw().danglingParents());
        const std::vector<std::string> all = fw().refs();
        EXPECT_EQ(notMatching(all, "[A-Za-z0-9][A-Za-z0-9._()/-]*"), std::vector<std::string>{});
        EXPECT_EQ(notMatching(all, refPattern), std::vector<std::string>{});
    }

private:
    static inline const LoadedPlugin* s_plugin = nullptr;
};

}  // namespace cw::test
