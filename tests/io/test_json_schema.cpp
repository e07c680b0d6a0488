#include <crosswalk/io/json.hpp>

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace cw {
namespace {

boost::json::value parse(std::string_view text) {
    return boost::json::parse(text);
}

JsonSchema compile(std::string_view text) {
    auto schema = JsonSchema::compile(text, "test.schema.json");
    EXPECT_TRUE(schema) << (schema ? "" : schema.error().message);
    return std::move(*schema);
}

constexpr std::string_view kPerson = R"({
  "type": "object",
  "required": ["name", "age"],
  "additionalProperties": false,
  "properties": {
    "name": {"type": "string", "minLength": 1, "maxLength": 5, "pattern": "^[A-Z]"},
    "age": {"type": "integer", "minimum": 0, "maximum": 150},
    "role": {"enum": ["owner", "auditor"]},
    "format": {"const": "v1"},
    "tags": {"type": "array", "minItems": 1, "maxItems": 2, "items": {"$ref": "#/$defs/tag"}},
    "extra": {"anyOf": [{"type": "string"}, {"type": "boolean"}]},
    "either": {"oneOf": [{"type": "integer"}, {"type": "number", "minimum": 10}]}
  },
  "$defs": {"tag": {"type": "string", "pattern": "^[a-z]+$"}}
})";

TEST(JsonSchema, AcceptsAValidDocument) {
    const auto schema = compile(kPerson);
    EXPECT_TRUE(schema.validate(parse(R"({"name":"Ada","age":36,"role":"owner","tags":["x"],"format":"v1"})")).empty());
}

TEST(JsonSchema, ReportsEveryProblemWithItsPointer) {
    const auto schema = compile(kPerson);
    const auto problems = schema.validate(parse(
        R"({"name":"ada-lovelace","age":-1,"role":"boss","tags":["ok","BAD","x"],"format":"v2","color":1,"extra":3})"));
    std::vector<std::string> got;
    for (const auto& p : problems) got.push_back(toString(p));
    const std::vector<std::string> expected = {
        "/name: must be at most 5 characters long",
        "/name: \"ada-lovelace\" does not match the pattern ^[A-Z]",
        "/age: -1 is below the minimum 0",
        "/role: \"boss\" is not one of \"owner\", \"auditor\"",
        "/tags: must have at most 2 item(s)",
        "/tags/1: \"BAD\" does not match the pattern ^[a-z]+$",
        "/format: must be \"v1\", found \"v2\"",
        "/color: unknown property 'color'",
        "/extra: 3 matches none of the allowed forms",
    };
    EXPECT_EQ(got, expected);
}

TEST(JsonSchema, ReportsMissingRequiredAndWrongTypes) {
    const auto schema = compile(kPerson);
    auto problems = schema.validate(parse(R"({"age":"old"})"));
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(toString(problems[0]), "(root): missing required property 'name'");
    EXPECT_EQ(toString(problems[1]), "/age: expected integer, found string");
    problems = schema.validate(parse("[1]"));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].message, "expected object, found array");
}

TEST(JsonSchema, OneOfNeedsExactlyOneMatch) {
    const auto schema = compile(kPerson);
    EXPECT_TRUE(schema.validate(parse(R"({"name":"A","age":1,"either":10.5})")).empty());
    const auto problems = schema.validate(parse(R"({"name":"A","age":1,"either":12})"));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].message, "12 matches more than one of the exclusive forms");
}

TEST(JsonSchema, EscapesPointerTokens) {
    EXPECT_EQ(appendPointer("/a", "b/c~d"), "/a/b~1c~0d");
    const auto schema = compile(R"({"type":"object","additionalProperties":{"type":"integer"}})");
    const auto problems = schema.validate(parse(R"({"x/y":"s"})"));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].pointer, "/x~1y");
}

TEST(JsonSchema, CountsCodePointsNotBytes) {
    const auto schema = compile(R"({"type":"string","maxLength":3})");
    EXPECT_TRUE(schema.validate(parse("\"äöü\"")).empty());
    EXPECT_EQ(schema.validate(parse("\"äöüß\"")).size(), 1u);
}

TEST(JsonSchema, RefusesUnsupportedKeywordsAndBadRefs) {
    auto schema = JsonSchema::compile(R"({"type":"object","patternProperties":{}})", "x.json");
    ASSERT_FALSE(schema);
    EXPECT_EQ(schema.error().message, "x.json: /patternProperties: unsupported schema keyword 'patternProperties'");
    schema = JsonSchema::compile(R"({"$ref":"#/$defs/missing"})", "x.json");
    ASSERT_FALSE(schema);
    EXPECT_NE(schema.error().message.find("unresolved $ref '#/$defs/missing'"), std::string::npos);
    schema = JsonSchema::compile(R"({"pattern":"("})", "x.json");
    ASSERT_FALSE(schema);
    EXPECT_NE(schema.error().message.find("invalid pattern"), std::string::npos);
}

TEST(JsonSchema, ValidatesAgainstANamedDefinition) {
    const auto& rules = rulesSchema();
    EXPECT_TRUE(rules.validate(parse(R"({"findings":[]})"), "readinessOutput").empty());
    const auto problems =
        rules.validate(parse(R"({"findings":[{"check":"X","severity":"fatal","message":""}]})"), "readinessOutput");
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0].pointer, "/findings/0/check");
    EXPECT_EQ(problems[1].pointer, "/findings/0/severity");
    EXPECT_EQ(problems[2].pointer, "/findings/0/message");
    EXPECT_EQ(rules.validate(parse("{}"), "noSuchDefinition").size(), 1u);
}

TEST(ParseJson, NamesOriginLineAndColumn) {
    auto value = parseJson("{\n  \"a\": 1,\n  \"b\": ]\n}", "file.json");
    ASSERT_FALSE(value);
    EXPECT_EQ(value.error().kind, ErrorKind::BadInput);
    EXPECT_EQ(value.error().message.rfind("file.json: invalid JSON at line 3, column 8", 0), 0u)
        << value.error().message;
    EXPECT_FALSE(parseJson("{\"a\": 1", "f"));  // truncated
    EXPECT_FALSE(parseJson("{} {}", "f"));      // trailing content
    EXPECT_TRUE(parseJson(" {\"a\": [1, 2]} ", "f"));
}

}  // namespace
}  // namespace cw
