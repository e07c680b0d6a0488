/**
 * @file plugin_rules.hpp
 * @brief Header-only helpers for a plugin's scoping rule and readiness checks.
 *
 * What every rule function needs and every plugin used to write again: the
 * embedded catalog as an index (parsed once), the rule inputs read into small
 * structs with clear error messages, the five implementation statuses, and the
 * output documents (sdk/schema/rules.schema.json). Bad input is thrown as
 * std::invalid_argument; the CW_PLUGIN thunks of plugin.hpp report it to the
 * host. Needs Boost.JSON (link Boost::json).
 *
 * @code
 * #include <crosswalk/plugin.hpp>
 * #include <crosswalk/plugin_rules.hpp>
 *
 * static std::string readiness(const cw::sdk::Context&, std::string_view input) {
 *     const boost::json::value root = cw::sdk::parseJson(input, "readiness input");
 *     cw::sdk::Findings findings("my-framework");
 *     for (const auto& control : cw::sdk::readControls(cw::sdk::requireObject(root, "readiness input"))) {
 *         const cw::sdk::CatalogNode* node = cw::sdk::embeddedCatalog().frameworks().front().find(control.ref);
 *         if (node != nullptr && control.status == "not-applicable" && !control.hasReason()) {
 *             findings.add("exclusion-without-reason", "major", control.ref, node->title + " has no reason");
 *         }
 *     }
 *     return findings.output();
 * }
 * @endcode
 *
 * Error texts that differ between plugins are parameters (ControlMessages,
 * the message arguments of the answer getters), so a plugin keeps its wording.
 */
#pragma once

#include <crosswalk/plugin.hpp>

#include <boost/json.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cw::sdk {

// --- text and statuses ---------------------------------------------------------

/// The implementation statuses a control can have, in the order of their progress.
inline constexpr std::array<std::string_view, 5> kStatuses = {"not-started", "planned", "partial", "implemented",
                                                              "not-applicable"};
/// kStatuses for messages: "not-started, planned, partial, implemented, not-applicable".
inline constexpr std::string_view kStatusList = "not-started, planned, partial, implemented, not-applicable";

/// True when `status` is one of kStatuses.
inline bool isStatus(std::string_view status) {
    for (const std::string_view known : kStatuses) {
        if (status == known) return true;
    }
    return false;
}

/// `text` without leading and trailing spaces, tabs and line breaks.
inline std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

/// True when `text` is empty or only white space.
inline bool isBlank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// --- the catalog ---------------------------------------------------------------

/// One node of a framework's catalog, as catalog.schema.json describes it.
struct CatalogNode {
    std::string ref;
    std::string title;
    std::string kind;
    std::string parent;  ///< ref of the parent node; empty for a top-level node
    std::string description;
    bool assessable = false;
    boost::json::object attributes;
    std::size_t position = 0;           ///< index in CatalogFramework::nodes() (document order)
    std::vector<std::size_t> children;  ///< positions of the child nodes, document order

    /// A string attribute, or "" when absent or not a string.
    [[nodiscard]] std::string attribute(std::string_view key) const {
        const boost::json::value* value = attributes.if_contains(key);
        return value != nullptr && value->is_string() ? std::string(value->get_string()) : std::string();
    }
    /// True only when the attribute is the boolean true.
    [[nodiscard]] bool flag(std::string_view key) const {
        const boost::json::value* value = attributes.if_contains(key);
        return value != nullptr && value->is_bool() && value->get_bool();
    }
    /// An array-of-strings attribute (empty when absent); throws when it has another shape.
    [[nodiscard]] std::vector<std::string> strings(std::string_view key) const {
        std::vector<std::string> out;
        const boost::json::value* value = attributes.if_contains(key);
        if (value == nullptr) return out;
        for (const auto& item : value->as_array()) out.emplace_back(item.as_string());
        return out;
    }
};

/// One framework of a catalog: its nodes in document order, indexed by ref.
class CatalogFramework {
public:
    /// Reads one element of the catalog's "frameworks" array.
    explicit CatalogFramework(const boost::json::object& framework)
        : m_id(framework.at("id").as_string()), m_name(framework.at("name").as_string()) {
        for (const auto& item : framework.at("controls").as_array()) {
            const boost::json::object& control = item.as_object();
            CatalogNode node;
            node.ref = std::string(control.at("ref").as_string());
            node.title = std::string(control.at("title").as_string());
            node.kind = std::string(control.at("kind").as_string());
            if (const boost::json::value* parent = control.if_contains("parent"); parent != nullptr) {
                node.parent = std::string(parent->as_string());
            }
            if (const boost::json::value* text = control.if_contains("description"); text != nullptr) {
                node.description = std::string(text->as_string());
            }
            const boost::json::value* assessable = control.if_contains("assessable");
            node.assessable = assessable != nullptr && assessable->is_bool() && assessable->get_bool();
            if (const boost::json::value* attributes = control.if_contains("attributes"); attributes != nullptr) {
                node.attributes = attributes->as_object();
            }
            node.position = m_nodes.size();
            m_byRef.emplace(node.ref, node.position);
            m_nodes.push_back(std::move(node));
        }
        for (const CatalogNode& node : m_nodes) {
            if (const CatalogNode* parent = find(node.parent); parent != nullptr) {
                m_nodes[parent->position].children.push_back(node.position);
            }
        }
    }

    [[nodiscard]] const std::string& id() const { return m_id; }
    [[nodiscard]] const std::string& name() const { return m_name; }
    /// Every node, in the order of the catalog document.
    [[nodiscard]] const std::vector<CatalogNode>& nodes() const { return m_nodes; }

    /// The node with this ref, or null.
    [[nodiscard]] const CatalogNode* find(std::string_view ref) const {
        const auto it = m_byRef.find(ref);
        return it == m_byRef.end() ? nullptr : &m_nodes[it->second];
    }
    [[nodiscard]] bool contains(std::string_view ref) const { return find(ref) != nullptr; }
    /// The parent of `node`, or null for a top-level node.
    [[nodiscard]] const CatalogNode* parentOf(const CatalogNode& node) const { return find(node.parent); }

private:
    std::string m_id;
    std::string m_name;
    std::vector<CatalogNode> m_nodes;
    std::map<std::string, std::size_t, std::less<>> m_byRef;
};

/// A parsed catalog document (catalog.schema.json).
class Catalog {
public:
    /// Parses catalog JSON; throws on a document that does not have the catalog's shape.
    explicit Catalog(std::string_view text) {
        const boost::json::value root = boost::json::parse(text);
        for (const auto& framework : root.at("frameworks").as_array()) m_frameworks.emplace_back(framework.as_object());
    }

    [[nodiscard]] const std::vector<CatalogFramework>& frameworks() const { return m_frameworks; }

    /// The framework with this id; throws std::logic_error when the catalog has none.
    [[nodiscard]] const CatalogFramework& framework(std::string_view id) const {
        for (const CatalogFramework& framework : m_frameworks) {
            if (framework.id() == id) return framework;
        }
        throw std::logic_error("the embedded catalog has no framework " + std::string(id));
    }

private:
    std::vector<CatalogFramework> m_frameworks;
};

// Internal linkage, as in plugin.hpp: each plugin keeps its own parsed catalog.
namespace {

/// The catalog embedded by crosswalk_add_plugin, parsed on first use and kept while the plugin is loaded.
inline const Catalog& embeddedCatalog() {
    static const Catalog catalog(
        std::string_view(reinterpret_cast<const char*>(cw_embedded_catalog), cw_embedded_catalog_size));
    return catalog;
}

}  // namespace

// --- reading rule input ----------------------------------------------------------

/// How a JSON null in an optional field is read.
enum class Null {
    Absent,   ///< like a missing field
    Invalid,  ///< like a value of the wrong type
};

/// Whether a rule input must name its framework.
enum class Presence { Optional, Required };

/// Parses rule input; a syntax error is thrown as "<what> is not valid JSON: <reason>".
inline boost::json::value parseJson(std::string_view text, std::string_view what) {
    boost::system::error_code ec;
    boost::json::value value = boost::json::parse(text, ec);
    if (ec) throw std::invalid_argument(std::string(what) + " is not valid JSON: " + ec.message());
    return value;
}

/// `value` as an object, or throws "<what> must be a JSON object".
inline const boost::json::object& requireObject(const boost::json::value& value, std::string_view what) {
    if (!value.is_object()) throw std::invalid_argument(std::string(what) + " must be a JSON object");
    return value.as_object();
}

/// Parses rule input that must be a JSON object, with the messages of parseJson and requireObject.
inline boost::json::object parseObject(std::string_view text, std::string_view what) {
    boost::json::value value = parseJson(text, what);
    requireObject(value, what);
    return std::move(value.get_object());
}

/// Throws `framework must be "<id>"` when the input names another framework (or none, when Required).
inline void checkFramework(const boost::json::object& root, std::string_view id,
                           Presence presence = Presence::Optional) {
    const boost::json::value* framework = root.if_contains("framework");
    if (framework == nullptr && presence == Presence::Optional) return;
    if (framework == nullptr || !framework->is_string() || framework->get_string() != id) {
        throw std::invalid_argument("framework must be \"" + std::string(id) + "\"");
    }
}

/// The object at `key`, or null when absent or null; throws `message` for any other value.
inline const boost::json::object* optionalObject(const boost::json::object& object, std::string_view key,
                                                 std::string_view message) {
    const boost::json::value* value = object.if_contains(key);
    if (value == nullptr || value->is_null()) return nullptr;
    if (!value->is_object()) throw std::invalid_argument(std::string(message));
    return &value->get_object();
}

/// The object at `key`; throws `message` when it is absent or not an object.
inline const boost::json::object& requiredObject(const boost::json::object& object, std::string_view key,
                                                 std::string_view message) {
    const boost::json::value* value = object.if_contains(key);
    if (value == nullptr || !value->is_object()) throw std::invalid_argument(std::string(message));
    return value->get_object();
}

/// The array at `key`; throws `message` when it is absent or not an array.
inline const boost::json::array& requiredArray(const boost::json::object& object, std::string_view key,
                                               std::string_view message) {
    const boost::json::value* value = object.if_contains(key);
    if (value == nullptr || !value->is_array()) throw std::invalid_argument(std::string(message));
    return value->get_array();
}

/// A boolean answer that may be left out: throws "<path><key> must be true or false" for a non-boolean.
inline std::optional<bool> optionalBool(const boost::json::object& answers, std::string_view key,
                                        std::string_view path = "answers.", Null null = Null::Absent) {
    const boost::json::value* value = answers.if_contains(key);
    if (value == nullptr || (value->is_null() && null == Null::Absent)) return std::nullopt;
    if (!value->is_bool()) {
        throw std::invalid_argument(std::string(path) + std::string(key) + " must be true or false");
    }
    return value->get_bool();
}

/// A boolean answer that must be given: throws "<path><key> <requirement>" when it is not a boolean,
/// e.g. requirement "is required and must be true or false".
inline bool requiredBool(const boost::json::object& answers, std::string_view key, std::string_view requirement,
                         std::string_view path = "answers.") {
    const boost::json::value* value = answers.if_contains(key);
    if (value == nullptr || !value->is_bool()) {
        throw std::invalid_argument(std::string(path) + std::string(key) + " " + std::string(requirement));
    }
    return value->get_bool();
}

/// A string answer that may be left out; throws `message` for a non-string.
inline std::optional<std::string> optionalString(const boost::json::object& answers, std::string_view key,
                                                 std::string_view message, Null null = Null::Absent) {
    const boost::json::value* value = answers.if_contains(key);
    if (value == nullptr || (value->is_null() && null == Null::Absent)) return std::nullopt;
    if (!value->is_string()) throw std::invalid_argument(std::string(message));
    return std::string(value->get_string());
}

/// A string answer that must be one of `allowed`; throws `message` otherwise (also when absent).
inline std::string requiredChoice(const boost::json::object& answers, std::string_view key,
                                  std::initializer_list<std::string_view> allowed, std::string_view message) {
    const boost::json::value* value = answers.if_contains(key);
    if (value != nullptr && value->is_string()) {
        for (const std::string_view choice : allowed) {
            if (value->get_string() == choice) return std::string(choice);
        }
    }
    throw std::invalid_argument(std::string(message));
}

/// Like requiredChoice, but absent (or null, with Null::Absent) gives nullopt.
inline std::optional<std::string> optionalChoice(const boost::json::object& answers, std::string_view key,
                                                 std::initializer_list<std::string_view> allowed,
                                                 std::string_view message, Null null = Null::Absent) {
    const boost::json::value* value = answers.if_contains(key);
    if (value == nullptr || (value->is_null() && null == Null::Absent)) return std::nullopt;
    return requiredChoice(answers, key, allowed, message);
}

/// The error texts of readControls. In each, "{where}" stands for "controls[<index>]", "{ref}" for the
/// entry's ref and "{entry}" for the entry as JSON.
struct ControlMessages {
    std::string_view notArray = "controls must be an array";
    std::string_view notObject = "{where} must be an object";
    std::string_view badRef = "{where}.ref must be a string";
    /// For a status that is absent or not a string. Empty: the status may be absent or null (read as "").
    std::string_view missingStatus =
        "{where}.status must be one of not-started, planned, partial, implemented, not-applicable";
    /// For a status that is not one of kStatuses.
    std::string_view badStatus =
        "{where}.status must be one of not-started, planned, partial, implemented, not-applicable";
    /// For evidence that is not a non-negative integer. Empty: evidence is not read.
    std::string_view badEvidence = {};
    /// Whether "evidence": null counts as no evidence given.
    Null nullEvidence = Null::Absent;
};

/// One entry of the readiness input's "controls".
struct ControlInput {
    std::string ref;
    std::string status;                     ///< one of kStatuses, or "" when none was given
    std::string reason;                     ///< as given; "" when absent or not a string
    std::string alternative;                ///< as given; "" when absent or not a string
    std::optional<std::uint64_t> evidence;  ///< number of evidence items, when given and read
    /// The whole entry, for fields of the plugin's own: points into the array given to
    /// readControls, so that array must outlive the result.
    const boost::json::object* entry = nullptr;

    /// True when a reason with more than white space was given.
    [[nodiscard]] bool hasReason() const { return !isBlank(reason); }
    /// True when an alternative measure with more than white space was given.
    [[nodiscard]] bool hasAlternative() const { return !isBlank(alternative); }
};

namespace detail {

inline std::string controlMessage(std::string_view text, std::size_t index, std::string_view ref,
                                  const boost::json::value& entry) {
    std::string out;
    while (!text.empty()) {
        const auto open = text.find('{');
        const auto close = open == std::string_view::npos ? open : text.find('}', open);
        if (close == std::string_view::npos) break;
        out += text.substr(0, open);
        const std::string_view name = text.substr(open, close - open + 1);
        if (name == "{where}") {
            out += "controls[" + std::to_string(index) + "]";
        } else if (name == "{ref}") {
            out += ref;
        } else if (name == "{entry}") {
            out += boost::json::serialize(entry);
        } else {
            out += name;
        }
        text.remove_prefix(close + 1);
    }
    out += text;
    return out;
}

inline std::string stringField(const boost::json::object& entry, std::string_view key) {
    const boost::json::value* value = entry.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : std::string();
}

}  // namespace detail

/// Reads the entries of a "controls" array, in input order; throws the texts of `messages` for bad entries.
inline std::vector<ControlInput> readControls(const boost::json::array& controls,
                                              const ControlMessages& messages = {}) {
    std::vector<ControlInput> out;
    out.reserve(controls.size());
    for (std::size_t index = 0; index < controls.size(); ++index) {
        const boost::json::value& item = controls[index];
        const auto fail = [&](std::string_view text, std::string_view ref) {
            throw std::invalid_argument(detail::controlMessage(text, index, ref, item));
        };
        if (!item.is_object()) fail(messages.notObject, {});
        const boost::json::object& entry = item.get_object();
        const boost::json::value* ref = entry.if_contains("ref");
        if (ref == nullptr || !ref->is_string()) fail(messages.badRef, {});

        ControlInput control;
        control.ref = std::string(ref->get_string());
        control.entry = &entry;
        const boost::json::value* status = entry.if_contains("status");
        const bool optional = messages.missingStatus.empty();
        if (status == nullptr || status->is_null()) {
            if (!optional) fail(messages.missingStatus, control.ref);
        } else if (!status->is_string()) {
            fail(optional ? messages.badStatus : messages.missingStatus, control.ref);
        } else if (!isStatus(status->get_string())) {
            fail(messages.badStatus, control.ref);
        } else {
            control.status = std::string(status->get_string());
        }
        control.reason = detail::stringField(entry, "reason");
        control.alternative = detail::stringField(entry, "alternative");
        const boost::json::value* evidence = entry.if_contains("evidence");
        const bool absent = evidence == nullptr || (evidence->is_null() && messages.nullEvidence == Null::Absent);
        if (!messages.badEvidence.empty() && !absent) {
            if (evidence->is_uint64()) {
                control.evidence = evidence->get_uint64();
            } else if (evidence->is_int64() && evidence->get_int64() >= 0) {
                control.evidence = static_cast<std::uint64_t>(evidence->get_int64());
            } else {
                fail(messages.badEvidence, control.ref);
            }
        }
        out.push_back(std::move(control));
    }
    return out;
}
/// Refused: the entries would point into a temporary array.
std::vector<ControlInput> readControls(boost::json::array&& controls, const ControlMessages& messages = {}) = delete;

/// Reads root["controls"]; throws messages.notArray when it is absent or not an array.
inline std::vector<ControlInput> readControls(const boost::json::object& root, const ControlMessages& messages = {}) {
    return readControls(requiredArray(root, "controls", messages.notArray), messages);
}

/// Controls by ref; when a ref is listed twice, the later entry wins.
inline std::map<std::string, ControlInput, std::less<>> byRef(std::vector<ControlInput> controls) {
    std::map<std::string, ControlInput, std::less<>> out;
    for (ControlInput& control : controls) {
        std::string ref = control.ref;
        out.insert_or_assign(std::move(ref), std::move(control));
    }
    return out;
}

// --- output ------------------------------------------------------------------------

/// One entry of a scoping result's "requirements".
inline boost::json::object requirement(std::string_view ref, bool applies, std::string_view reason) {
    return boost::json::object{{"ref", ref}, {"applies", applies}, {"reason", reason}};
}

/// The scoping result document: {"framework", "requirements", "notes"}.
inline std::string scopeOutput(std::string_view framework, boost::json::array requirements, boost::json::array notes) {
    return boost::json::serialize(boost::json::object{
        {"framework", framework},
        {"requirements", std::move(requirements)},
        {"notes", std::move(notes)},
    });
}

/// The findings of a readiness check, in the order they are added.
class Findings {
public:
    /// `checkPrefix`, when given, is put with a dot before every check name: "soc2-2017" + "." + check.
    explicit Findings(std::string_view checkPrefix = {}) : m_prefix(checkPrefix) {}

    /// Adds {"check", "severity", "ref", "message"}.
    void add(std::string_view check, std::string_view severity, std::string_view ref, std::string message) {
        m_findings.push_back(
            {{"check", checkName(check)}, {"severity", severity}, {"ref", ref}, {"message", std::move(message)}});
    }
    /// Adds a finding about no single requirement: {"check", "severity", "message"}.
    void add(std::string_view check, std::string_view severity, std::string message) {
        m_findings.push_back({{"check", checkName(check)}, {"severity", severity}, {"message", std::move(message)}});
    }

    [[nodiscard]] std::size_t size() const { return m_findings.size(); }
    [[nodiscard]] bool empty() const { return m_findings.empty(); }

    /// The readiness result document: {"findings": [...]}.
    [[nodiscard]] std::string output() const {
        return boost::json::serialize(boost::json::object{{"findings", m_findings}});
    }

private:
    [[nodiscard]] std::string checkName(std::string_view check) const {
        return m_prefix.empty() ? std::string(check) : m_prefix + "." + std::string(check);
    }

    std::string m_prefix;
    boost::json::array m_findings;
};

}  // namespace cw::sdk
