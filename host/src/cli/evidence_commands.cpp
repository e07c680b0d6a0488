// The evidence and risks commands: the evidence library (items, links, scope, reuse,
// freshness) and the risk register (matrix, risks, treatment, acceptance).
#include "cli/workbench_cli.hpp"

#include <crosswalk/model/date.hpp>
#include <crosswalk/store/evidence.hpp>
#include <crosswalk/store/risk.hpp>
#include <crosswalk/store/timeline.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <map>

namespace cw::cli {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

// ---- options ------------------------------------------------------------------------

struct EvidenceOptions {
    // listing and show
    bool shared = false;
    bool stale = false;
    bool soonStale = false;
    int days = 0;
    std::string framework;
    std::string today;
    // add and set
    std::string key;
    std::string title;
    std::string kind;
    std::string file;
    std::string uri;
    std::string owner;
    std::string collected;
    std::string validUntil;
    std::string reviewDays;
    std::string description;
    std::vector<std::string> links;
    std::vector<std::string> notValidFor;
    // link, unlink, scope
    std::string subject;
    bool valid = false;
    bool notValid = false;
    std::string note;
    GivenOptions given;
};
EvidenceOptions g_ev;

struct RiskOptions {
    std::string key;
    std::string title;
    std::vector<std::string> assets;
    std::string threat;
    std::string vulnerability;
    std::string owner;
    std::string likelihood;
    std::string impact;
    std::string treatment;
    std::vector<std::string> controls;
    std::string residualLikelihood;
    std::string residualImpact;
    std::string acceptedBy;
    std::string acceptedOn;
    std::string notes;
    // matrix set
    int likelihoodLevels = 0;
    int impactLevels = 0;
    std::vector<std::string> likelihoodNames;
    std::vector<std::string> impactNames;
    int mediumFrom = 0;
    int highFrom = 0;
    int acceptableUpTo = 0;
    GivenOptions given;
};
RiskOptions g_risk;

constexpr const char* kEvidenceKinds = "policy, procedure, record, log, configuration, screenshot, report, ticket";
constexpr const char* kTreatments = "modify, retain, avoid, share";

// ---- helpers ------------------------------------------------------------------------

Result<std::optional<int>> optionalCount(const std::string& text, std::string_view what) {
    if (text.empty()) return std::optional<int>();
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        return Error::badInput(std::string(what) + ": '" + text + "' is not a whole number");
    }
    return std::optional<int>(value);
}

/// What freshness is judged with: the day (--today) and the soon-stale window (--days, else
/// the workspace's setting, as the timeline and the GUI use it).
struct FreshnessWindow {
    Date today;
    int days = 0;
};

Result<FreshnessWindow> freshnessWindow(Workspace& ws) {
    auto today = dateOrToday(g_ev.today, "--today");
    if (!today) return today.error();
    if (g_ev.given("--days")) {
        if (g_ev.days < 0) return Error::badInput("--days: must be 0 or more, not " + std::to_string(g_ev.days));
        return FreshnessWindow{*today, g_ev.days};
    }
    auto settings = timelineSettings(ws);
    if (!settings) return settings.error();
    return FreshnessWindow{*today, settings->soonStaleDays};
}

// ---- evidence -----------------------------------------------------------------------

json::object toJson(const EvidenceItem& item, const FreshnessWindow& w) {
    json::array scope;
    for (const auto& s : item.scope) {
        scope.push_back(json::object{{"framework", s.framework}, {"valid", s.valid}, {"note", s.note}});
    }
    const auto expires = item.expiresOn();
    return json::object{
        {"key", item.key},
        {"title", item.title},
        {"kind", toString(item.kind)},
        {"operational", isOperational(item.kind)},
        {"location", item.location},
        {"sha256", jsonText(item.sha256)},
        {"owner", item.owner},
        {"collected_on", jsonDate(item.collectedOn)},
        {"valid_until", jsonDate(item.validUntil)},
        {"review_days", jsonNumber(item.reviewDays)},
        {"expires_on", jsonDate(expires)},
        {"freshness", toString(item.freshness(w.today, w.days))},
        {"days_left", expires ? json::value(w.today.daysUntil(*expires)) : json::value(nullptr)},
        {"description", item.description},
        {"links", jsonStrings(item.links)},
        {"scope", std::move(scope)},
        {"frameworks", jsonStrings(item.frameworks)},
        {"scoped_out", jsonStrings(item.scopedOut)},
        {"reuse", item.reuse()},
        {"requirements", item.requirements},
    };
}

int cmdEvidenceList(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    auto window = freshnessWindow(*ws);
    if (!window) return fail(window.error());
    const FreshnessWindow& w = *window;
    if (!g_ev.framework.empty()) {
        auto frameworks = ws->frameworks();
        if (!frameworks) return fail(frameworks.error());
        if (std::none_of(frameworks->begin(), frameworks->end(),
                         [](const FrameworkSummary& f) { return f.id == g_ev.framework; })) {
            return fail(Error::notFound("--framework: unknown framework '" + g_ev.framework + "'"));
        }
    }
    auto library = evidenceLibrary(*ws);
    if (!library) return fail(library.error());
    const std::size_t total = library->size();

    std::vector<EvidenceItem> items;
    for (auto& item : *library) {
        const Freshness f = item.freshness(w.today, w.days);
        if (g_ev.shared && item.reuse() < 2) continue;
        if ((g_ev.stale || g_ev.soonStale) &&
            !((g_ev.stale && f == Freshness::Stale) || (g_ev.soonStale && f == Freshness::SoonStale))) {
            continue;
        }
        if (!g_ev.framework.empty() &&
            std::find(item.frameworks.begin(), item.frameworks.end(), g_ev.framework) == item.frameworks.end()) {
            continue;
        }
        items.push_back(std::move(item));
    }
    // Shared evidence reads best from the most reused down.
    if (g_ev.shared) {
        std::stable_sort(items.begin(), items.end(), [](const EvidenceItem& a, const EvidenceItem& b) {
            if (a.reuse() != b.reuse()) return a.reuse() > b.reuse();
            return a.requirements > b.requirements;
        });
    }

    if (o.json) {
        printJson(std::cout,
                  json::object{{"today", w.today.str()},
                               {"soon_stale_days", w.days},
                               {"evidence", jsonList(items, [&](const EvidenceItem& i) { return toJson(i, w); })}});
        return kExitOk;
    }
    if (items.empty()) {
        if (total == 0) {
            std::cout << "No evidence yet: `crosswalk evidence add --title T --kind KIND --uri URI --link CC-A.5.15` "
                         "records one.\n";
        } else {
            std::cout << "No evidence item matches (" << total << " in the library).\n";
        }
        return kExitOk;
    }
    Table table({"KEY", "TITLE", "KIND", "REUSE", "FRAMEWORKS", "REQUIREMENTS", "FRESHNESS", "EXPIRES", "OWNER"});
    std::size_t stale = 0;
    std::size_t soon = 0;
    std::size_t shared = 0;
    for (const auto& item : items) {
        const Freshness f = item.freshness(w.today, w.days);
        stale += f == Freshness::Stale ? 1u : 0u;
        soon += f == Freshness::SoonStale ? 1u : 0u;
        shared += item.reuse() >= 2 ? 1u : 0u;
        std::string frameworks = joined(item.frameworks, ",");
        if (!item.scopedOut.empty())
            frameworks += (frameworks.empty() ? "" : " ") + ("(not " + joined(item.scopedOut, ",") + ")");
        table.add({item.key, clip(item.title, 48), std::string(toString(item.kind)), std::to_string(item.reuse()),
                   frameworks.empty() ? "-" : frameworks, std::to_string(item.requirements), std::string(toString(f)),
                   orDash(item.expiresOn()), item.owner});
    }
    table.print(std::cout);
    std::cout << '\n'
              << items.size() << " item(s)" << (items.size() != total ? " of " + std::to_string(total) : "") << "; "
              << shared << " serve two or more frameworks; " << stale << " stale, " << soon
              << " soon stale (expiring within " << w.days << " days of " << w.today.str() << ").\n"
              << "REUSE: frameworks served (targets only, when targets are set); REQUIREMENTS: assessable "
                 "requirements reached there; (not …): frameworks the item is scoped out of.\n";
    return kExitOk;
}

/// One item as stored, with the day and window its freshness was judged at.
Result<json::object> storedItemJson(Workspace& ws, const std::string& key) {
    auto window = freshnessWindow(ws);
    if (!window) return window.error();
    auto item = evidenceItem(ws, key);
    if (!item) return item.error();
    json::object out = toJson(*item, *window);
    out["today"] = window->today.str();
    out["soon_stale_days"] = window->days;
    return out;
}

/// The end of a command that changed item `key`: the item as stored with --json, else `line`.
int printItem(const Options& o, Workspace& ws, const std::string& key, const std::string& line) {
    if (!o.json) return printDone(o, nullptr, line);
    auto item = storedItemJson(ws, key);
    if (!item) return fail(item.error());
    return printDone(o, *item, line);
}

int cmdEvidenceShow(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    auto window = freshnessWindow(*ws);
    if (!window) return fail(window.error());
    const Date at = window->today;
    auto item = evidenceItem(*ws, g_ev.key);
    if (!item) return fail(item.error());
    if (o.json) return printItem(o, *ws, item->key, "");
    const auto expires = item->expiresOn();
    std::cout << item->key << "  " << item->title << '\n'
              << "  Kind:         " << toString(item->kind)
              << (isOperational(item->kind) ? " (operational)" : " (documentation)") << '\n'
              << "  Location:     " << item->location << '\n';
    if (!item->sha256.empty()) std::cout << "  SHA-256:      " << item->sha256 << '\n';
    std::cout << "  Owner:        " << (item->owner.empty() ? "-" : item->owner) << '\n'
              << "  Collected on: " << (item->collectedOn ? item->collectedOn->str() : "-") << '\n';
    if (item->validUntil) std::cout << "  Valid until:  " << item->validUntil->str() << '\n';
    if (item->reviewDays) std::cout << "  Review every: " << *item->reviewDays << " days\n";
    std::cout << "  Freshness:    " << toString(item->freshness(at, window->days));
    if (expires) {
        const int left = at.daysUntil(*expires);
        std::cout << " (expires " << expires->str() << ", "
                  << (left >= 0 ? std::to_string(left) + " days from " : std::to_string(-left) + " days before ")
                  << at.str() << ")";
    }
    std::cout << '\n';
    if (!item->description.empty()) std::cout << "\n  " << item->description << '\n';
    std::cout << "\n  Linked to: " << (item->links.empty() ? "nothing yet" : joined(item->links)) << '\n'
              << "  Serves " << item->reuse() << " framework(s), " << item->requirements
              << " assessable requirement(s): " << (item->frameworks.empty() ? "-" : joined(item->frameworks)) << '\n';
    for (const auto& s : item->scope) {
        std::cout << "  " << (s.valid ? "Valid for " : "Not valid for ") << s.framework
                  << (s.note.empty() ? "" : ": " + s.note) << '\n';
    }
    return kExitOk;
}

// Fields shared by add and set; `set` passes which were given so the rest stay as stored.
Result<void> applyEvidenceFields(EvidenceItem& item, bool all) {
    auto pick = [&](std::string_view option) { return all || g_ev.given(option); };
    if (pick("--title")) item.title = g_ev.title;
    if (pick("--kind")) {
        const auto kind = choice(parseEvidenceKind(g_ev.kind), g_ev.kind, "--kind", kEvidenceKinds);
        if (!kind) return kind.error();
        item.kind = *kind;
    }
    if (pick("--owner")) item.owner = g_ev.owner;
    if (pick("--description")) item.description = g_ev.description;
    if (pick("--collected")) {
        auto d = parseOptionalDate(g_ev.collected, "--collected");
        if (!d) return d.error();
        item.collectedOn = *d;
    }
    if (pick("--valid-until")) {
        auto d = parseOptionalDate(g_ev.validUntil, "--valid-until");
        if (!d) return d.error();
        item.validUntil = *d;
    }
    if (pick("--review-days")) {
        auto n = optionalCount(g_ev.reviewDays, "--review-days");
        if (!n) return n.error();
        item.reviewDays = *n;
    }
    if (!all && g_ev.given("--uri")) item.location = g_ev.uri;
    return {};
}

int cmdEvidenceAdd(const Options& o) {
    if (g_ev.file.empty() && g_ev.uri.empty())
        return fail(Error::badInput("evidence add: give --file PATH or --uri URI"));
    EvidenceItem item;
    item.key = g_ev.key;
    if (auto r = applyEvidenceFields(item, true); !r) return fail(r.error());
    item.location = g_ev.uri;
    // FW or FW:NOTE; framework ids have no colon.
    std::vector<EvidenceScope> scopes;
    for (const auto& entry : g_ev.notValidFor) {
        const auto colon = entry.find(':');
        EvidenceScope s{entry.substr(0, colon), false, colon == std::string::npos ? "" : entry.substr(colon + 1)};
        if (s.framework.empty()) return fail(Error::badInput("--not-valid-for: '" + entry + "' names no framework"));
        scopes.push_back(std::move(s));
    }
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    std::string key;
    // The item, its links and its scope together: a bad link leaves nothing behind.
    auto done = ws->transaction([&]() -> Result<void> {
        auto added = addEvidence(*ws, item, g_ev.file.empty() ? fs::path() : fs::path(g_ev.file));
        if (!added) return added.error();
        key = added->key;
        for (const auto& link : g_ev.links) {
            if (auto r = linkEvidence(*ws, key, link); !r) return Error{r.error().kind, "--link: " + r.error().message};
        }
        for (const auto& s : scopes) {
            if (auto r = setEvidenceScope(*ws, key, s); !r) {
                return Error{r.error().kind, "--not-valid-for: " + r.error().message};
            }
        }
        return {};
    });
    if (!done) return fail(done.error());
    if (o.json) return printItem(o, *ws, key, "");
    auto stored = evidenceItem(*ws, key);
    if (!stored) return fail(stored.error());
    std::cout << "Added " << stored->key << " (" << toString(stored->kind)
              << (stored->sha256.empty() ? "" : ", sha256 " + stored->sha256.substr(0, 12) + "…") << "): serves "
              << stored->reuse() << " framework(s), " << stored->requirements << " requirement(s)\n";
    return kExitOk;
}

int cmdEvidenceSet(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    auto item = evidenceItem(*ws, g_ev.key);
    if (!item) return fail(item.error());
    if (auto r = applyEvidenceFields(*item, false); !r) return fail(r.error());
    auto updated = updateEvidence(*ws, *item);
    if (!updated) return fail(updated.error());
    return printItem(o, *ws, updated->key, "Updated " + updated->key);
}

int cmdEvidenceLink(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    if (auto r = linkEvidence(*ws, g_ev.key, g_ev.subject); !r) return fail(r.error());
    return printItem(o, *ws, g_ev.key, "Linked " + g_ev.key + " to " + g_ev.subject);
}

int cmdEvidenceUnlink(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    if (auto r = unlinkEvidence(*ws, g_ev.key, g_ev.subject); !r) return fail(r.error());
    return printItem(o, *ws, g_ev.key, "Unlinked " + g_ev.key + " from " + g_ev.subject);
}

int cmdEvidenceScope(const Options& o) {
    if (!g_ev.valid && !g_ev.notValid) return fail(Error::badInput("evidence scope: give --valid or --not-valid"));
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    const bool valid = g_ev.valid;
    if (auto r = setEvidenceScope(*ws, g_ev.key, {g_ev.framework, valid, g_ev.note}); !r) return fail(r.error());
    return printItem(o, *ws, g_ev.key, g_ev.key + (valid ? " is valid for " : " is not valid for ") + g_ev.framework);
}

int cmdEvidenceRehash(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    auto changed = rehashEvidence(*ws, g_ev.key);
    if (!changed) return fail(changed.error());
    auto item = evidenceItem(*ws, g_ev.key);
    if (!item) return fail(item.error());
    return printDone(
        o,
        json::object{{"key", item->key}, {"location", item->location}, {"sha256", item->sha256}, {"changed", *changed}},
        item->key + ": " + (*changed ? "file changed, new SHA-256 " : "unchanged, SHA-256 ") + item->sha256);
}

int cmdEvidenceRemove(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    if (auto r = removeEvidence(*ws, g_ev.key); !r) return fail(r.error());
    return printDone(o, json::object{{"removed", g_ev.key}}, "Removed " + g_ev.key);
}

// ---- risks --------------------------------------------------------------------------

/// The name of a level (1-based), or "" when the matrix has none for it.
std::string levelName(const std::vector<std::string>& names, int level) {
    if (level < 1 || static_cast<std::size_t>(level) > names.size()) return {};
    return names[static_cast<std::size_t>(level) - 1];
}

std::string letter(RiskLevel level) {
    return level == RiskLevel::High ? "H" : level == RiskLevel::Medium ? "M" : "L";
}

json::object toJson(const RiskMatrix& m) {
    return json::object{
        {"likelihood_levels", m.likelihoodLevels},
        {"impact_levels", m.impactLevels},
        {"likelihood_names", json::array(m.likelihoodNames.begin(), m.likelihoodNames.end())},
        {"impact_names", json::array(m.impactNames.begin(), m.impactNames.end())},
        {"medium_from", m.mediumFrom},
        {"high_from", m.highFrom},
        {"acceptable_up_to", m.acceptableUpTo},
    };
}

json::object toJson(const Risk& r, const RiskMatrix& m) {
    const auto residual = r.residualScore();
    const bool accepted = r.acceptedOn.has_value();
    return json::object{
        {"key", r.key},
        {"title", r.title},
        {"assets", json::array(r.assets.begin(), r.assets.end())},
        {"threat", r.threat},
        {"vulnerability", r.vulnerability},
        {"owner", r.owner},
        {"likelihood", r.likelihood},
        {"impact", r.impact},
        {"score", r.score()},
        {"level", toString(m.level(r.score()))},
        {"treatment", r.treatment ? json::value(toString(*r.treatment)) : json::value(nullptr)},
        {"controls", json::array(r.controls.begin(), r.controls.end())},
        {"residual_likelihood", jsonNumber(r.residualLikelihood)},
        {"residual_impact", jsonNumber(r.residualImpact)},
        {"residual_score", jsonNumber(residual)},
        {"residual_level", residual ? json::value(toString(m.level(*residual))) : json::value(nullptr)},
        {"within_acceptance_criteria", residual.value_or(r.score()) <= m.acceptableUpTo},
        {"accepted", accepted},
        {"accepted_by", jsonText(r.acceptedBy)},
        {"accepted_on", jsonDate(r.acceptedOn)},
        {"notes", r.notes},
    };
}

std::string scoreText(int likelihood, int impact, const RiskMatrix& m) {
    return std::to_string(likelihood) + "×" + std::to_string(impact) + "=" + std::to_string(likelihood * impact) + " " +
           letter(m.level(likelihood * impact));
}

int cmdRisks(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    auto matrix = riskMatrix(*ws);
    if (!matrix) return fail(matrix.error());
    auto all = risks(*ws);
    if (!all) return fail(all.error());
    if (o.json) {
        json::array list;
        for (const auto& r : *all) list.push_back(toJson(r, *matrix));
        printJson(std::cout, json::object{{"matrix", toJson(*matrix)}, {"risks", std::move(list)}});
        return kExitOk;
    }
    if (all->empty()) {
        std::cout << "No risks yet: `crosswalk risks add --title T --likelihood L --impact I` records one.\n";
        return kExitOk;
    }
    Table table({"KEY", "TITLE", "ASSETS", "OWNER", "INHERENT", "TREATMENT", "CONTROLS", "RESIDUAL", "ACCEPTED"});
    for (const auto& r : *all) {
        table.add({r.key, clip(r.title, 40), r.assets.empty() ? "-" : joined(r.assets, ","),
                   r.owner.empty() ? "-" : r.owner, scoreText(r.likelihood, r.impact, *matrix),
                   r.treatment ? std::string(toString(*r.treatment)) : "-",
                   r.controls.empty() ? "-" : clip(joined(r.controls, ","), 40),
                   r.residualScore() ? scoreText(*r.residualLikelihood, *r.residualImpact, *matrix) : "-",
                   r.acceptedOn ? r.acceptedOn->str() : "-"});
    }
    table.print(std::cout);
    std::cout << "\nScores are likelihood × impact on a " << matrix->likelihoodLevels << " × " << matrix->impactLevels
              << " matrix: L below " << matrix->mediumFrom << ", M from " << matrix->mediumFrom << ", H from "
              << matrix->highFrom << "; scores up to " << matrix->acceptableUpTo << " may be accepted.\n";
    return kExitOk;
}

int cmdRiskShow(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    auto matrix = riskMatrix(*ws);
    if (!matrix) return fail(matrix.error());
    auto r = risk(*ws, g_risk.key);
    if (!r) return fail(r.error());
    if (o.json) {
        printJson(std::cout, toJson(*r, *matrix));
        return kExitOk;
    }
    const auto name = [](const std::vector<std::string>& names, int level) {
        const std::string n = levelName(names, level);
        return n.empty() ? n : " (" + n + ")";
    };
    std::cout << r->key << "  " << r->title << '\n'
              << "  Assets:        " << (r->assets.empty() ? "-" : joined(r->assets)) << '\n'
              << "  Threat:        " << (r->threat.empty() ? "-" : r->threat) << '\n'
              << "  Vulnerability: " << (r->vulnerability.empty() ? "-" : r->vulnerability) << '\n'
              << "  Owner:         " << (r->owner.empty() ? "-" : r->owner) << '\n'
              << "  Inherent:      likelihood " << r->likelihood << name(matrix->likelihoodNames, r->likelihood)
              << ", impact " << r->impact << name(matrix->impactNames, r->impact) << ": score " << r->score() << ", "
              << toString(matrix->level(r->score())) << '\n'
              << "  Treatment:     " << (r->treatment ? std::string(toString(*r->treatment)) : "not decided") << '\n'
              << "  Controls:      " << (r->controls.empty() ? "-" : joined(r->controls)) << '\n';
    if (const auto residual = r->residualScore()) {
        std::cout << "  Residual:      likelihood " << *r->residualLikelihood
                  << name(matrix->likelihoodNames, *r->residualLikelihood) << ", impact " << *r->residualImpact
                  << name(matrix->impactNames, *r->residualImpact) << ": score " << *residual << ", "
                  << toString(matrix->level(*residual)) << '\n';
    } else {
        std::cout << "  Residual:      not assessed\n";
    }
    std::cout << "  Accepted:      "
              << (r->acceptedOn ? "by " + r->acceptedBy + " on " + r->acceptedOn->str() : std::string("no")) << '\n';
    if (!r->notes.empty()) std::cout << "\n  " << r->notes << '\n';
    return kExitOk;
}

// A level as a number or as one of the matrix's names for it.
Result<int> parseLevel(const std::string& text, const std::vector<std::string>& names, std::string_view what) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size()) return value;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == text) return static_cast<int>(i) + 1;
    }
    return Error::badInput(std::string(what) + ": '" + text + "' is neither a level number nor one of " +
                           joined(names));
}

Result<std::optional<int>> parseOptionalLevel(const std::string& text, const std::vector<std::string>& names,
                                              std::string_view what) {
    if (text.empty()) return std::optional<int>();
    auto level = parseLevel(text, names, what);
    if (!level) return level.error();
    return std::optional<int>(*level);
}

// A list option given as "" means "none".
std::vector<std::string> listValue(const std::vector<std::string>& values) {
    std::vector<std::string> out;
    for (const auto& v : values) {
        if (!v.empty()) out.push_back(v);
    }
    return out;
}

Result<void> applyRiskFields(Risk& r, const RiskMatrix& m) {
    const auto& given = g_risk.given;
    if (given("--title")) r.title = g_risk.title;
    if (given("--asset")) r.assets = listValue(g_risk.assets);
    if (given("--threat")) r.threat = g_risk.threat;
    if (given("--vulnerability")) r.vulnerability = g_risk.vulnerability;
    if (given("--owner")) r.owner = g_risk.owner;
    if (given("--likelihood")) {
        auto v = parseLevel(g_risk.likelihood, m.likelihoodNames, "--likelihood");
        if (!v) return v.error();
        r.likelihood = *v;
    }
    if (given("--impact")) {
        auto v = parseLevel(g_risk.impact, m.impactNames, "--impact");
        if (!v) return v.error();
        r.impact = *v;
    }
    if (given("--treatment")) {
        if (g_risk.treatment.empty()) {
            r.treatment.reset();
        } else {
            auto treatment = choice(parseTreatment(g_risk.treatment), g_risk.treatment, "--treatment", kTreatments);
            if (!treatment) return treatment.error();
            r.treatment = *treatment;
        }
    }
    if (given("--control")) r.controls = listValue(g_risk.controls);
    if (given("--residual-likelihood")) {
        auto v = parseOptionalLevel(g_risk.residualLikelihood, m.likelihoodNames, "--residual-likelihood");
        if (!v) return v.error();
        r.residualLikelihood = *v;
    }
    if (given("--residual-impact")) {
        auto v = parseOptionalLevel(g_risk.residualImpact, m.impactNames, "--residual-impact");
        if (!v) return v.error();
        r.residualImpact = *v;
    }
    if (given("--accepted-by")) r.acceptedBy = g_risk.acceptedBy;
    if (given("--accepted-on")) {
        auto d = parseOptionalDate(g_risk.acceptedOn, "--accepted-on");
        if (!d) return d.error();
        r.acceptedOn = *d;
    }
    if (given("--notes")) r.notes = g_risk.notes;
    return {};
}

int saveRisk(const Options& o, Workspace& ws, const Risk& r, const RiskMatrix& m, const char* verb) {
    auto saved = setRisk(ws, r);
    if (!saved) return fail(saved.error());
    if (o.json) {
        printJson(std::cout, toJson(*saved, m));
    } else {
        std::cout << verb << ' ' << saved->key << ": " << scoreText(saved->likelihood, saved->impact, m)
                  << (saved->residualScore()
                          ? ", residual " + scoreText(*saved->residualLikelihood, *saved->residualImpact, m)
                          : std::string())
                  << '\n';
    }
    return kExitOk;
}

int cmdRiskAdd(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    auto matrix = riskMatrix(*ws);
    if (!matrix) return fail(matrix.error());
    if (!g_risk.key.empty()) {
        if (auto existing = risk(*ws, g_risk.key); existing) {
            return fail(Error::badInput("risk '" + g_risk.key + "' already exists; `crosswalk risks set " + g_risk.key +
                                        "` changes it"));
        }
    }
    Risk r;
    r.key = g_risk.key;
    if (auto applied = applyRiskFields(r, *matrix); !applied) return fail(applied.error());
    return saveRisk(o, *ws, r, *matrix, "Added");
}

int cmdRiskSet(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    auto matrix = riskMatrix(*ws);
    if (!matrix) return fail(matrix.error());
    auto r = risk(*ws, g_risk.key);
    if (!r) return fail(r.error());
    if (auto applied = applyRiskFields(*r, *matrix); !applied) return fail(applied.error());
    return saveRisk(o, *ws, *r, *matrix, "Updated");
}

int cmdRiskRemove(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    if (auto r = removeRisk(*ws, g_risk.key); !r) return fail(r.error());
    return printDone(o, json::object{{"removed", g_risk.key}}, "Removed " + g_risk.key);
}

void printGrid(const RiskMatrix& m, const std::map<std::pair<int, int>, std::vector<std::string>>& cells,
               std::ostream& out) {
    std::vector<std::string> header{"LIKELIHOOD \\ IMPACT"};
    for (int i = 1; i <= m.impactLevels; ++i) {
        header.push_back(std::to_string(i) + " " + levelName(m.impactNames, i));
    }
    Table table(header);
    for (int l = m.likelihoodLevels; l >= 1; --l) {
        std::vector<std::string> row{std::to_string(l) + " " + levelName(m.likelihoodNames, l)};
        for (int i = 1; i <= m.impactLevels; ++i) {
            const auto it = cells.find({l, i});
            const std::size_t n = it == cells.end() ? 0 : it->second.size();
            row.push_back(letter(m.level(l * i)) + " " + (n == 0 ? "·" : std::to_string(n)));
        }
        table.add(std::move(row));
    }
    table.print(out);
}

int cmdRiskMatrix(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    auto matrix = riskMatrix(*ws);
    if (!matrix) return fail(matrix.error());
    auto all = risks(*ws);
    if (!all) return fail(all.error());
    std::map<std::pair<int, int>, std::vector<std::string>> inherent;
    std::map<std::pair<int, int>, std::vector<std::string>> residual;
    std::size_t assessed = 0;
    for (const auto& r : *all) {
        inherent[{r.likelihood, r.impact}].push_back(r.key);
        if (r.residualScore()) {
            residual[{*r.residualLikelihood, *r.residualImpact}].push_back(r.key);
            ++assessed;
        }
    }
    const auto& m = *matrix;
    if (o.json) {
        json::array cells;
        for (int l = 1; l <= m.likelihoodLevels; ++l) {
            for (int i = 1; i <= m.impactLevels; ++i) {
                const auto& in = inherent[{l, i}];
                const auto& re = residual[{l, i}];
                cells.push_back(json::object{{"likelihood", l},
                                             {"impact", i},
                                             {"score", l * i},
                                             {"level", toString(m.level(l * i))},
                                             {"acceptable", l * i <= m.acceptableUpTo},
                                             {"inherent", in.size()},
                                             {"residual", re.size()},
                                             {"inherent_risks", json::array(in.begin(), in.end())},
                                             {"residual_risks", json::array(re.begin(), re.end())}});
            }
        }
        json::object out = toJson(m);
        out["cells"] = std::move(cells);
        printJson(std::cout, out);
        return kExitOk;
    }
    std::cout << "Risk matrix: " << m.likelihoodLevels << " likelihood × " << m.impactLevels
              << " impact levels, score = likelihood × impact: L below " << m.mediumFrom << ", M from " << m.mediumFrom
              << ", H from " << m.highFrom << "; scores up to " << m.acceptableUpTo << " may be accepted.\n"
              << "Each cell: its level and the number of risks in it (· for none).\n\n"
              << "Inherent risk (" << all->size() << " risks)\n";
    printGrid(m, inherent, std::cout);
    std::cout << "\nResidual risk (" << assessed << " risks with a residual score)\n";
    printGrid(m, residual, std::cout);
    return kExitOk;
}

int cmdRiskMatrixSet(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    auto matrix = riskMatrix(*ws);
    if (!matrix) return fail(matrix.error());
    RiskMatrix m = *matrix;
    // Names alone set the level count; a new count without names needs them.
    if (g_risk.given("--likelihood-names")) {
        m.likelihoodNames = g_risk.likelihoodNames;
        m.likelihoodLevels = static_cast<int>(m.likelihoodNames.size());
    }
    if (g_risk.given("--impact-names")) {
        m.impactNames = g_risk.impactNames;
        m.impactLevels = static_cast<int>(m.impactNames.size());
    }
    if (g_risk.given("--likelihood-levels")) {
        if (!g_risk.given("--likelihood-names") && g_risk.likelihoodLevels != matrix->likelihoodLevels) {
            return fail(Error::badInput("--likelihood-levels " + std::to_string(g_risk.likelihoodLevels) +
                                        " needs --likelihood-names with as many names, lowest first"));
        }
        m.likelihoodLevels = g_risk.likelihoodLevels;
    }
    if (g_risk.given("--impact-levels")) {
        if (!g_risk.given("--impact-names") && g_risk.impactLevels != matrix->impactLevels) {
            return fail(Error::badInput("--impact-levels " + std::to_string(g_risk.impactLevels) +
                                        " needs --impact-names with as many names, lowest first"));
        }
        m.impactLevels = g_risk.impactLevels;
    }
    if (g_risk.given("--medium-from")) m.mediumFrom = g_risk.mediumFrom;
    if (g_risk.given("--high-from")) m.highFrom = g_risk.highFrom;
    if (g_risk.given("--acceptable-up-to")) m.acceptableUpTo = g_risk.acceptableUpTo;
    if (auto r = setRiskMatrix(*ws, m); !r) return fail(r.error());
    if (o.json) {
        printJson(std::cout, toJson(m));
    } else {
        std::cout << "Risk matrix set: " << m.likelihoodLevels << " × " << m.impactLevels << ", M from " << m.mediumFrom
                  << ", H from " << m.highFrom << ", acceptable up to " << m.acceptableUpTo << '\n';
    }
    return kExitOk;
}

// The fields of `risks add` and `risks set`; returns title, likelihood and impact, which add requires.
std::array<CLI::Option*, 3> addRiskFields(CLI::App* s) {
    auto& g = g_risk;
    auto* title = g.given.track(s->add_option("--title", g.title, "What could happen"));
    g.given.track(s->add_option("--asset", g.assets, "Asset key affected (repeatable; \"\" for none)"));
    g.given.track(s->add_option("--threat", g.threat, "Threat"));
    g.given.track(s->add_option("--vulnerability", g.vulnerability, "Vulnerability"));
    g.given.track(s->add_option("--owner", g.owner, "Risk owner (the only one who can accept it)"));
    auto* likelihood =
        g.given.track(s->add_option("--likelihood", g.likelihood, "Likelihood level: a number or the level's name"));
    auto* impact = g.given.track(s->add_option("--impact", g.impact, "Impact level: a number or the level's name"));
    g.given.track(s->add_option("--treatment", g.treatment, std::string(kTreatments) + " (\"\" to clear)"));
    g.given.track(s->add_option("--control", g.controls,
                                "Annex A control chosen for treatment, e.g. A.5.15 (repeatable; \"\" for none)"));
    g.given.track(s->add_option("--residual-likelihood", g.residualLikelihood, "Residual likelihood (\"\" to clear)"));
    g.given.track(s->add_option("--residual-impact", g.residualImpact, "Residual impact (\"\" to clear)"));
    g.given.track(s->add_option("--accepted-by", g.acceptedBy, "Who accepted the residual risk (the owner)"));
    g.given.track(s->add_option("--accepted-on", g.acceptedOn, "When (YYYY-MM-DD; \"\" to clear)"));
    g.given.track(s->add_option("--notes", g.notes, "Notes"));
    return {title, likelihood, impact};
}

}  // namespace

void addEvidenceCommands(CLI::App& app, Options& o, Command& command) {
    Commands c(app, o, command, "Evidence and risks");
    auto& g = g_ev;

    auto* evidence = c.add(
        "evidence",
        "The evidence library with reuse and freshness (list, add, set, show, link, unlink, scope, rehash, remove)",
        &cmdEvidenceList);
    auto listOptions = [&](CLI::App* s) {
        s->add_flag("--shared", g.shared, "Only items serving two or more frameworks, most reused first");
        s->add_flag("--stale", g.stale, "Only items expired at --today");
        s->add_flag("--soon-stale", g.soonStale, "Only items expiring within --days of --today");
        g.given.track(s->add_option("--days", g.days, "Soon-stale window in days (default: the timeline setting)"));
        s->add_option("--framework", g.framework, "Only items serving this framework");
        Commands::today(s, g.today, "Judge freshness at this day");
    };
    listOptions(evidence);
    listOptions(c.add(evidence, "list", "List evidence items (the default)", &cmdEvidenceList));

    auto* add = c.add(evidence, "add", "Add an item: a file (hashed) or a URI, with links and scope", &cmdEvidenceAdd);
    add->add_option("--key", g.key, "Key (default: the next free EV-NNN)");
    add->add_option("--title", g.title, "Title")->required();
    add->add_option("--kind", g.kind, kEvidenceKinds)->required();
    auto* file = add->add_option("--file", g.file, "File to hash (SHA-256 recorded, absolute path kept)");
    auto* uri = add->add_option("--uri", g.uri, "Location URI, e.g. https://…, jira:SEC-412, s3://…");
    file->excludes(uri);
    uri->excludes(file);
    add->add_option("--owner", g.owner, "Owner");
    add->add_option("--collected", g.collected, "Collected on (YYYY-MM-DD)");
    add->add_option("--valid-until", g.validUntil, "Valid until (YYYY-MM-DD)");
    add->add_option("--review-days", g.reviewDays, "Review cadence in days, counted from --collected");
    add->add_option("--description", g.description, "Description");
    add->add_option("--link", g.links, "Common control key or FRAMEWORK:REF (repeatable)");
    add->add_option("--not-valid-for", g.notValidFor,
                    "FRAMEWORK[:NOTE]: not valid for that framework's scope (repeatable)");

    auto* setItem = c.add(evidence, "set", "Change an item's fields (those given; \"\" clears)", &cmdEvidenceSet);
    setItem->add_option("key", g.key, "Evidence key")->required();
    g.given.track(setItem->add_option("--title", g.title, "Title"));
    g.given.track(setItem->add_option("--kind", g.kind, kEvidenceKinds));
    g.given.track(setItem->add_option("--uri", g.uri, "New location URI (drops a file's digest)"));
    g.given.track(setItem->add_option("--owner", g.owner, "Owner"));
    g.given.track(setItem->add_option("--collected", g.collected, "Collected on (YYYY-MM-DD)"));
    g.given.track(setItem->add_option("--valid-until", g.validUntil, "Valid until (YYYY-MM-DD)"));
    g.given.track(setItem->add_option("--review-days", g.reviewDays, "Review cadence in days"));
    g.given.track(setItem->add_option("--description", g.description, "Description"));

    auto* show =
        c.add(evidence, "show", "Show one item: fields, freshness, links, frameworks served", &cmdEvidenceShow);
    show->add_option("key", g.key, "Evidence key")->required();
    Commands::today(show, g.today, "Judge freshness at this day");
    g.given.track(show->add_option("--days", g.days, "Soon-stale window in days (default: the timeline setting)"));

    auto* link = c.add(evidence, "link", "Link an item to a common control or a requirement", &cmdEvidenceLink);
    link->add_option("key", g.key, "Evidence key")->required();
    link->add_option("subject", g.subject, "Common control key (CC-A.5.15) or FRAMEWORK:REF")->required();

    auto* unlink = c.add(evidence, "unlink", "Remove a link", &cmdEvidenceUnlink);
    unlink->add_option("key", g.key, "Evidence key")->required();
    unlink->add_option("subject", g.subject, "Common control key or FRAMEWORK:REF")->required();

    auto* scope =
        c.add(evidence, "scope", "Record whether an item is valid for a framework's scope", &cmdEvidenceScope);
    scope->add_option("key", g.key, "Evidence key")->required();
    scope->add_option("framework", g.framework, "Framework id, e.g. pci-dss-4.0.1")->required();
    auto* valid = scope->add_flag("--valid", g.valid, "Valid for that scope");
    auto* notValid = scope->add_flag("--not-valid", g.notValid, "Not valid for that scope");
    valid->excludes(notValid);
    notValid->excludes(valid);
    scope->add_option("--note", g.note, "Why, e.g. \"office network only; not the cardholder data environment\"");

    c.add(evidence, "rehash", "Hash an item's file again; says whether it changed", &cmdEvidenceRehash)
        ->add_option("key", g.key, "Evidence key")
        ->required();
    c.add(evidence, "remove", "Remove an item with its links and scope", &cmdEvidenceRemove)
        ->add_option("key", g.key, "Evidence key")
        ->required();

    auto& r = g_risk;
    auto* risksCmd = c.add(
        "risks", "The risk register on a likelihood × impact matrix (list, show, add, set, remove, matrix)", &cmdRisks);
    c.add(risksCmd, "list", "List risks (the default)", &cmdRisks);
    c.add(risksCmd, "show", "Show one risk", &cmdRiskShow)->add_option("key", r.key, "Risk key")->required();

    auto* riskAdd = c.add(risksCmd, "add", "Add a risk (scored on the matrix)", &cmdRiskAdd);
    riskAdd->add_option("--key", r.key, "Key (default: the next free R-NN)");
    for (auto* required : addRiskFields(riskAdd)) required->required();

    auto* riskSet = c.add(risksCmd, "set", "Change a risk's fields (those given; \"\" clears)", &cmdRiskSet);
    riskSet->add_option("key", r.key, "Risk key")->required();
    addRiskFields(riskSet);

    c.add(risksCmd, "remove", "Remove a risk", &cmdRiskRemove)->add_option("key", r.key, "Risk key")->required();

    auto* matrix =
        c.add(risksCmd, "matrix", "The likelihood × impact grid with the risks in each cell, inherent and residual",
              &cmdRiskMatrix);
    auto* matrixSet =
        c.add(matrix, "set", "Change the matrix (refused if a recorded risk no longer fits)", &cmdRiskMatrixSet);
    r.given.track(
        matrixSet->add_option("--likelihood-levels", r.likelihoodLevels, "Number of likelihood levels (2-10)"));
    r.given.track(matrixSet->add_option("--impact-levels", r.impactLevels, "Number of impact levels (2-10)"));
    r.given.track(matrixSet->add_option("--likelihood-names", r.likelihoodNames, "Likelihood level names, lowest first")
                      ->delimiter(','));
    r.given.track(
        matrixSet->add_option("--impact-names", r.impactNames, "Impact level names, lowest first")->delimiter(','));
    r.given.track(matrixSet->add_option("--medium-from", r.mediumFrom, "Score at which a risk is medium"));
    r.given.track(matrixSet->add_option("--high-from", r.highFrom, "Score at which a risk is high"));
    r.given.track(matrixSet->add_option("--acceptable-up-to", r.acceptableUpTo, "Highest score that may be accepted"));
}

}  // namespace cw::cli
