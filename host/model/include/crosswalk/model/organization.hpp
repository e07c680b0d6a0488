/**
 * @file organization.hpp
 * @brief The organization profile and scope: who, what is in and out of scope, the assets,
 * the target frameworks and, through each plugin's scoping rule, which requirements apply.
 */
#pragma once

#include <crosswalk/model/error.hpp>

#include <boost/json/object.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

struct OrganizationProfile {
    std::string name;
    std::string sector;
    std::string scopeStatement;  ///< the ISMS scope statement (ISO 27001 4.3)
    std::string description;
};

enum class ScopeKind { Site, System, Process };
std::string_view toString(ScopeKind kind) noexcept;
std::optional<ScopeKind> parseScopeKind(std::string_view text) noexcept;

/// A site, system or process, in or out of scope.
struct ScopeItem {
    ScopeKind kind = ScopeKind::System;
    std::string name;
    bool inScope = true;
    std::string note;  ///< why (out of scope: the reason is required)
};

enum class Classification { Public, Internal, Confidential, Restricted };
std::string_view toString(Classification c) noexcept;
std::optional<Classification> parseClassification(std::string_view text) noexcept;

struct Asset {
    std::string key;  ///< e.g. "AST-01"; unique
    std::string name;
    std::string type;  ///< information, software, hardware, service, people, site ...
    Classification classification = Classification::Internal;
    std::string owner;
    bool inScope = true;
    std::string description;
};

/// A framework the organization pursues, with its scoping answers.
struct Target {
    std::string framework;
    boost::json::object answers;     ///< as given to the plugin's scoping rule
    std::vector<std::string> notes;  ///< the rule's notes
    std::string addedAt;             ///< UTC, ISO 8601
    std::size_t applicable = 0;      ///< assessable requirements that apply
    std::size_t notApplicable = 0;
};

/// Whether one assessable requirement of a target framework applies, and why.
struct Applicability {
    std::string framework;
    std::string ref;  ///< local ref
    std::string title;
    bool applies = true;
    std::string reason;
};

/// A node of a framework's catalog as a scoping rule's output is resolved onto it (ids are the
/// workspace's control ids; parent 0 at top level).
struct ScopingNode {
    std::int64_t id = 0;
    std::string ref;
    std::int64_t parent = 0;
    bool assessable = false;
};

/// Whether one requirement applies, and why.
struct ScopingDecision {
    bool applies = true;
    std::string reason;
};

/// What a scoping rule says, resolved onto the framework's assessable requirements.
struct Scoping {
    std::map<std::int64_t, ScopingDecision> decisions;  ///< by control id
    std::vector<std::string> notes;
};

}  // namespace cw
