#include <crosswalk/io/json.hpp>

#include "embedded_schemas.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <regex>
#include <set>

namespace json = boost::json;

namespace cw {

std::string stringOr(const boost::json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return (v != nullptr && v->is_string()) ? std::string(v->get_string()) : std::string();
}

std::string appendPointer(std::string_view pointer, std::string_view token) {
    std::string out(pointer);
    out.push_back('/');
    for (const char c : token) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string appendPointer(std::string_view pointer, std::size_t index) {
    return std::string(pointer) + "/" + std::to_string(index);
}

Result<json::value> parseJson(std::string_view text, std::string_view origin) {
    json::stream_parser parser;
    boost::system::error_code ec;
    const std::size_t consumed = parser.write_some(text.data(), text.size(), ec);
    if (!ec) parser.finish(ec);
    if (ec) {
        // Position of the failure: the parser stops at the offending byte.
        const std::size_t offset = std::min(consumed, text.size());
        std::size_t line = 1;
        std::size_t column = 1;
        for (std::size_t i = 0; i < offset; ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        return Error::badInput(std::string(origin) + ": invalid JSON at line " + std::to_string(line) + ", column " +
                               std::to_string(column) + ": " + ec.message());
    }
    return parser.release();
}

// ---------------------------------------------------------------------------
// JSON Schema

namespace {

const std::set<std::string_view>& annotationKeywords() {
    static const std::set<std::string_view> kSet = {"$schema",  "$id",     "$comment", "title",  "description",
                                                    "examples", "default", "$defs",    "format", "deprecated"};
    return kSet;
}

const std::set<std::string_view>& validationKeywords() {
    static const std::set<std::string_view> kSet = {
        "type",    "enum",     "const",    "properties", "required",  "additionalProperties",
        "items",   "minItems", "maxItems", "minLength",  "maxLength", "pattern",
        "minimum", "maximum",  "anyOf",    "oneOf",      "allOf",     "$ref"};
    return kSet;
}

// The JSON type each keyword's value must have, checked once at compile time so
// validation can use the unchecked accessors.
bool keywordValueOk(std::string_view key, const json::value& v) {
    if (key == "minLength" || key == "maxLength" || key == "minItems" || key == "maxItems") {
        return (v.is_int64() && v.get_int64() >= 0) || v.is_uint64();
    }
    if (key == "minimum" || key == "maximum") return v.is_number();
    if (key == "pattern" || key == "$ref") return v.is_string();
    if (key == "enum") return v.is_array();
    if (key == "required") {
        return v.is_array() && std::all_of(v.get_array().begin(), v.get_array().end(),
                                           [](const json::value& e) { return e.is_string(); });
    }
    if (key == "type") {
        if (v.is_string()) return true;
        return v.is_array() && std::all_of(v.get_array().begin(), v.get_array().end(),
                                           [](const json::value& e) { return e.is_string(); });
    }
    if (key == "properties") return v.is_object();
    if (key == "anyOf" || key == "oneOf" || key == "allOf") return v.is_array();
    if (key == "additionalProperties" || key == "items") return v.is_object() || v.is_bool();
    return true;
}

std::string typeOf(const json::value& v) {
    switch (v.kind()) {
        case json::kind::null:
            return "null";
        case json::kind::bool_:
            return "boolean";
        case json::kind::int64:
        case json::kind::uint64:
            return "integer";
        case json::kind::double_:
            return "number";
        case json::kind::string:
            return "string";
        case json::kind::array:
            return "array";
        case json::kind::object:
            return "object";
    }
    return "unknown";
}

bool hasType(const json::value& v, std::string_view type) {
    if (type == "number") return v.is_number();
    if (type == "integer") {
        if (v.is_int64() || v.is_uint64()) return true;
        return v.is_double() && std::floor(v.get_double()) == v.get_double();
    }
    return typeOf(v) == type;
}

double toDouble(const json::value& v) {
    if (v.is_int64()) return static_cast<double>(v.get_int64());
    if (v.is_uint64()) return static_cast<double>(v.get_uint64());
    return v.get_double();
}

std::size_t codePoints(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string shortJson(const json::value& v) {
    // boost::json writes doubles as "1.5E0"; a user reads "1.5".
    if (v.is_double()) {
        char buffer[32];
        const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v.get_double());
        if (ec == std::errc()) return std::string(buffer, end);
    }
    std::string text = json::serialize(v);
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return text;
}

}  // namespace

struct JsonSchema::Impl {
    json::value root;
    std::map<std::string, std::regex, std::less<>> patterns;

    // Compile: refuse keywords we do not implement, compile patterns, check $refs resolve.
    void compileNode(const json::value& node, const std::string& pointer, std::vector<Problem>& problems) {
        if (node.is_bool()) return;
        if (!node.is_object()) {
            problems.push_back({pointer, "a schema must be an object or a boolean"});
            return;
        }
        for (const auto& [key, value] : node.as_object()) {
            const std::string at = appendPointer(pointer, key);
            if (annotationKeywords().contains(key)) {
                if (key == "$defs" && value.is_object()) {
                    for (const auto& [name, def] : value.as_object())
                        compileNode(def, appendPointer(at, name), problems);
                }
                continue;
            }
            if (!validationKeywords().contains(key)) {
                problems.push_back({at, "unsupported schema keyword '" + std::string(key) + "'"});
                continue;
            }
            if (!keywordValueOk(key, value)) {
                problems.push_back({at, "malformed value for keyword '" + std::string(key) + "'"});
                continue;
            }
            if (key == "properties") {
                for (const auto& [name, sub] : value.as_object()) compileNode(sub, appendPointer(at, name), problems);
            } else if (key == "additionalProperties" || key == "items") {
                compileNode(value, at, problems);
            } else if (key == "anyOf" || key == "oneOf" || key == "allOf") {
                std::size_t i = 0;
                for (const auto& sub : value.as_array()) compileNode(sub, appendPointer(at, i++), problems);
            } else if (key == "pattern") {
                const std::string pattern(value.as_string());
                try {
                    patterns.emplace(pattern, std::regex(pattern, std::regex::ECMAScript));
                } catch (const std::regex_error& e) {
                    problems.push_back({at, "invalid pattern: " + std::string(e.what())});
                }
            } else if (key == "$ref") {
                if (resolve(value.as_string()) == nullptr) {
                    problems.push_back({at, "unresolved $ref '" + std::string(value.as_string()) + "'"});
                }
            }
        }
    }

    [[nodiscard]] const json::value* resolve(std::string_view ref) const {
        constexpr std::string_view kPrefix = "#/$defs/";
        if (!ref.starts_with(kPrefix)) return nullptr;
        const auto* defs = root.as_object().if_contains("$defs");
        if (defs == nullptr || !defs->is_object()) return nullptr;
        return defs->as_object().if_contains(ref.substr(kPrefix.size()));
    }

    void check(const json::value& schema, const json::value& v, const std::string& at,
               std::vector<Problem>& out) const {
        if (schema.is_bool()) {
            if (!schema.get_bool()) out.push_back({at, "is not allowed here"});
            return;
        }
        const json::object& s = schema.as_object();

        if (const auto* ref = s.if_contains("$ref")) check(*resolve(ref->as_string()), v, at, out);

        if (const auto* type = s.if_contains("type")) {
            bool ok = false;
            std::string expected;
            if (type->is_string()) {
                ok = hasType(v, type->as_string());
                expected = type->as_string();
            } else {
                for (const auto& t : type->as_array()) {
                    ok = ok || hasType(v, t.as_string());
                    expected += (expected.empty() ? "" : " or ") + std::string(t.as_string());
                }
            }
            if (!ok) {
                out.push_back({at, "expected " + expected + ", found " + typeOf(v)});
                return;  // further keywords would only repeat the type error
            }
        }
        if (const auto* constant = s.if_contains("const"); constant != nullptr && v != *constant) {
            out.push_back({at, "must be " + shortJson(*constant) + ", found " + shortJson(v)});
        }
        if (const auto* options = s.if_contains("enum")) {
            const auto& list = options->as_array();
            if (std::find(list.begin(), list.end(), v) == list.end()) {
                std::string allowed;
                for (const auto& o : list) allowed += (allowed.empty() ? "" : ", ") + shortJson(o);
                out.push_back({at, shortJson(v) + " is not one of " + allowed});
            }
        }
        if (v.is_string()) checkString(s, v.get_string(), at, out);
        if (v.is_number()) checkNumber(s, v, at, out);
        if (v.is_object()) checkObject(s, v.get_object(), at, out);
        if (v.is_array()) checkArray(s, v.get_array(), at, out);
        checkCombinators(s, v, at, out);
    }

    void checkString(const json::object& s, std::string_view text, const std::string& at,
                     std::vector<Problem>& out) const {
        if (const auto* min = s.if_contains("minLength");
            min && codePoints(text) < static_cast<std::size_t>(toDouble(*min))) {
            out.push_back(
                {at, text.empty() ? "must not be empty" : "must be at least " + shortJson(*min) + " characters long"});
        }
        if (const auto* max = s.if_contains("maxLength");
            max && codePoints(text) > static_cast<std::size_t>(toDouble(*max))) {
            out.push_back({at, "must be at most " + shortJson(*max) + " characters long"});
        }
        // libstdc++'s std::regex recurses per character: never feed it long text.
        constexpr std::size_t kMaxPatternInput = 1024;
        if (const auto* pattern = s.if_contains("pattern"); pattern && text.size() > kMaxPatternInput) {
            out.push_back({at, "is too long (" + std::to_string(text.size()) + " bytes) to check against the pattern " +
                                   std::string(pattern->as_string())});
        } else if (pattern != nullptr) {
            const auto it = patterns.find(std::string_view(pattern->as_string()));
            if (it != patterns.end() && !std::regex_search(text.begin(), text.end(), it->second)) {
                out.push_back({at, "\"" + std::string(text.substr(0, 60)) + "\" does not match the pattern " +
                                       std::string(pattern->as_string())});
            }
        }
    }

    static void checkNumber(const json::object& s, const json::value& v, const std::string& at,
                            std::vector<Problem>& out) {
        const double x = toDouble(v);
        if (const auto* min = s.if_contains("minimum"); min && x < toDouble(*min)) {
            out.push_back({at, shortJson(v) + " is below the minimum " + shortJson(*min)});
        }
        if (const auto* max = s.if_contains("maximum"); max && x > toDouble(*max)) {
            out.push_back({at, shortJson(v) + " is above the maximum " + shortJson(*max)});
        }
    }

    void checkObject(const json::object& s, const json::object& o, const std::string& at,
                     std::vector<Problem>& out) const {
        if (const auto* required = s.if_contains("required")) {
            for (const auto& name : required->as_array()) {
                if (!o.contains(name.as_string())) {
                    out.push_back({at, "missing required property '" + std::string(name.as_string()) + "'"});
                }
            }
        }
        const json::object* properties = nullptr;
        if (const auto* p = s.if_contains("properties")) properties = &p->as_object();
        const json::value* additional = s.if_contains("additionalProperties");
        for (const auto& [key, value] : o) {
            const std::string child = appendPointer(at, key);
            if (properties != nullptr) {
                if (const auto* sub = properties->if_contains(key)) {
                    check(*sub, value, child, out);
                    continue;
                }
            }
            if (additional != nullptr) {
                if (additional->is_bool() && !additional->get_bool()) {
                    out.push_back({child, "unknown property '" + std::string(key) + "'"});
                } else {
                    check(*additional, value, child, out);
                }
            }
        }
    }

    void checkArray(const json::object& s, const json::array& a, const std::string& at,
                    std::vector<Problem>& out) const {
        if (const auto* min = s.if_contains("minItems"); min && a.size() < static_cast<std::size_t>(toDouble(*min))) {
            out.push_back({at, "must have at least " + shortJson(*min) + " item(s)"});
        }
        if (const auto* max = s.if_contains("maxItems"); max && a.size() > static_cast<std::size_t>(toDouble(*max))) {
            out.push_back({at, "must have at most " + shortJson(*max) + " item(s)"});
        }
        if (const auto* items = s.if_contains("items")) {
            for (std::size_t i = 0; i < a.size(); ++i) check(*items, a[i], appendPointer(at, i), out);
        }
    }

    void checkCombinators(const json::object& s, const json::value& v, const std::string& at,
                          std::vector<Problem>& out) const {
        if (const auto* all = s.if_contains("allOf")) {
            for (const auto& sub : all->as_array()) check(sub, v, at, out);
        }
        auto matches = [&](const json::value& sub) {
            std::vector<Problem> scratch;
            check(sub, v, at, scratch);
            return scratch.empty();
        };
        if (const auto* any = s.if_contains("anyOf")) {
            const auto& list = any->as_array();
            if (std::none_of(list.begin(), list.end(), matches)) {
                out.push_back({at, shortJson(v) + " matches none of the allowed forms"});
            }
        }
        if (const auto* one = s.if_contains("oneOf")) {
            const auto& list = one->as_array();
            const auto n = std::count_if(list.begin(), list.end(), matches);
            if (n != 1) {
                out.push_back({at, shortJson(v) + (n == 0 ? " matches none of the allowed forms"
                                                          : " matches more than one of the exclusive forms")});
            }
        }
    }
};

JsonSchema::JsonSchema(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
JsonSchema::JsonSchema(JsonSchema&&) noexcept = default;
JsonSchema& JsonSchema::operator=(JsonSchema&&) noexcept = default;
JsonSchema::~JsonSchema() = default;

Result<JsonSchema> JsonSchema::compile(std::string_view schemaText, std::string_view origin) {
    auto parsed = parseJson(schemaText, origin);
    if (!parsed) return parsed.error();
    auto impl = std::make_unique<Impl>();
    impl->root = std::move(*parsed);
    if (!impl->root.is_object()) return Error::internal(std::string(origin) + ": a schema must be a JSON object");
    std::vector<Problem> problems;
    try {
        impl->compileNode(impl->root, "", problems);
    } catch (const std::exception& e) {
        // as_object()/as_string() throw on keyword values of the wrong JSON type.
        problems.push_back({"", std::string("malformed schema: ") + e.what()});
    }
    if (!problems.empty()) return Error::internal(std::string(origin) + ": " + toString(problems.front()));
    return JsonSchema(std::move(impl));
}

std::vector<Problem> JsonSchema::validate(const json::value& document) const {
    std::vector<Problem> out;
    m_impl->check(m_impl->root, document, "", out);
    return out;
}

std::vector<Problem> JsonSchema::validate(const json::value& document, std::string_view defName) const {
    const json::value* def = m_impl->resolve("#/$defs/" + std::string(defName));
    if (def == nullptr) return {{"", "the schema has no definition '" + std::string(defName) + "'"}};
    std::vector<Problem> out;
    m_impl->check(*def, document, "", out);
    return out;
}

namespace {

JsonSchema compileEmbedded(std::string_view text, std::string_view origin) {
    auto compiled = JsonSchema::compile(text, origin);
    // The schemas are part of the build; failing here is a defect, caught by the tests.
    if (!compiled) throw ErrorException(compiled.error());
    return std::move(*compiled);
}

}  // namespace

const JsonSchema& catalogSchema() {
    static const JsonSchema schema = compileEmbedded(embedded::kCatalogSchema, "catalog.schema.json");
    return schema;
}

const JsonSchema& rulesSchema() {
    static const JsonSchema schema = compileEmbedded(embedded::kRulesSchema, "rules.schema.json");
    return schema;
}

}  // namespace cw
