/**
 * @file json.hpp
 * @brief JSON parsing with positions, and a JSON Schema (2020-12 subset) validator.
 */
#pragma once

#include <crosswalk/model/error.hpp>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

/// Appends one reference token to a JSON pointer, escaping '~' and '/'.
/// The string at `key` of `object`, or "" when it is absent or not a string.
std::string stringOr(const boost::json::object& object, std::string_view key);

std::string appendPointer(std::string_view pointer, std::string_view token);
std::string appendPointer(std::string_view pointer, std::size_t index);

/// Parses JSON text; the error names `origin`, the line and the column.
Result<boost::json::value> parseJson(std::string_view text, std::string_view origin);

/**
 * @brief A compiled JSON Schema.
 *
 * Supports the keywords our schemas use: type, enum, const, properties,
 * required, additionalProperties, items, minItems, maxItems, minLength,
 * maxLength, pattern, minimum, maximum, anyOf, oneOf, allOf and local $ref
 * ("#/$defs/name"). Any other validation keyword is refused at compile time,
 * so a schema is never silently half-checked.
 */
class JsonSchema {
public:
    /// Compiles schema text; `origin` names it in errors.
    static Result<JsonSchema> compile(std::string_view schemaText, std::string_view origin);

    JsonSchema(JsonSchema&&) noexcept;
    JsonSchema& operator=(JsonSchema&&) noexcept;
    ~JsonSchema();

    /// Validates against the root schema; empty when valid. Reports every problem.
    [[nodiscard]] std::vector<Problem> validate(const boost::json::value& document) const;
    /// Validates against "#/$defs/<name>"; a missing definition is a problem at the root.
    [[nodiscard]] std::vector<Problem> validate(const boost::json::value& document, std::string_view defName) const;

private:
    struct Impl;
    explicit JsonSchema(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

/// The SDK's catalog schema (sdk/schema/catalog.schema.json), compiled once.
const JsonSchema& catalogSchema();
/// The SDK's rule payload schema (sdk/schema/rules.schema.json), compiled once.
const JsonSchema& rulesSchema();

}  // namespace cw
