// The evidence and risks commands: the evidence library (items, links, scope, reuse,
// freshness) and the risk register (matrix, risks, treatment, acceptance).
#include "cli/common.hpp"
#include "cli/output.hpp"

#include <crosswalk/core/date.hpp>
#include <crosswalk/core/evidence.hpp>
#include <crosswalk/core/risk.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

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
    int days = 30;
    std::string framework;
    std::string at;
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
};
EvidenceOptions g_ev;

/// The options of `evidence set`, to tell a field given (even empty: cleared) from one left alone.
struct EvidenceSetGiven {
    CLI::Option* title = nullptr;
    CLI::Option* kind = nullptr;
    CLI::Option* uri = nullptr;
    CLI::Option* owner = nullptr;
    CLI::Option* collected = nullptr;
    CLI::Option* validUntil = nullptr;
    CLI::Option* reviewDays = nullptr;
    CLI::Option* description = nullptr;
};
EvidenceSetGiven g_evSet;

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
};
RiskOptions g_risk;

/// Which risk fields were given on the command line, for `risks add` and `risks set`.
struct RiskGiven {
    CLI::Option* title = nullptr;
    CLI::Option* assets = nullptr;
    CLI::Option* threat = nullptr;
    CLI::Option* vulnerability = nullptr;
    CLI::Option* owner = nullptr;
    CLI::Option* likelihood = nullptr;
    CLI::Option* impact = nullptr;
    CLI::Option* treatment = nullptr;
    CLI::Option* controls = nullptr;
    CLI::Option* residualLikelihood = nullptr;
    CLI::Option* residualImpact = nullptr;
    CLI::Option* acceptedBy = nullptr;
    CLI::Option* acceptedOn = nullptr;
    CLI::Option* notes = nullptr;
};
RiskGiven g_riskAdd;
RiskGiven g_riskSet;

struct MatrixGiven {
    CLI::Option* likelihoodLevels = nullptr;
    CLI::Option* impactLevels = nullptr;
    CLI::Option* likelihoodNames = nullptr;
    CLI::Option* impactNames = nullptr;
    CLI::Option* mediumFrom = nullptr;
    CLI::Option* highFrom = nullptr;
    CLI::Option* acceptableUpTo = nullptr;
};
MatrixGiven g_matrix;

bool given(const CLI::Option* option) {
    return option != nullptr && option->count() > 0;
}

// ---- helpers ------------------------------------------------------------------------

Result<Workspace> openWorkspace(const Options& o) {
    return Workspace::open(workspacePath(o), Workspace::OpenMode::MustExist);
}

/// At most `max` code points, with "…" when cut.
std::string clip(const std::string& text, std::size_t max) {
    std::size_t points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (points == max - 1) {
            // Cut only when more than one code point remains.
            std::size_t rest = 0;
            for (std::size_t j = i; j < text.size(); ++j) {
                if ((static_cast<unsigned char>(text[j]) & 0xC0) != 0x80) ++rest;
            }
            if (rest > 1) return text.substr(0, i) + "…";
            return text;
        }
        ++points;
    }
    return text;
}

std::string joined(const std::vector<std::string>& items, const char* separator = ", ") {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
}

json::value orNull(const std::string& text) {
    return text.empty() ? json::value(nullptr) : json::value(text);
}

json::value orNull(const std::optional<Date>& date) {
    return date ? json::value(date->str()) : json::value(nullptr);
}

json::value orNull(const std::optional<int>& n) {
    return n ? json::value(*n) : json::value(nullptr);
}

Result<Date> atDate(const std::string& text) {
    return text.empty() ? Result<Date>(Date::today()) : Date::parse(text, "--at");
}

Result<std::optional<int>> optionalCount(const std::string& text, std::string_view what) {
    if (text.empty()) return std::optional<int>();
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        return Error::badInput(std::string(what) + ": '" + text + "' is not a whole number");
    }
    return std::optional<int>(value);
}

// ---- evidence -----------------------------------------------------------------------

json::object toJson(const EvidenceItem& item, Date at, int soonDays) {
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
        {"sha256", orNull(item.sha256)},
        {"owner", item.owner},
        {"collected_on", orNull(item.collectedOn)},
        {"valid_until", orNull(item.validUntil)},
        {"review_days", orNull(item.reviewDays)},
        {"expires_on", orNull(expires)},
        {"freshness", toString(item.freshness(at, soonDays))},
        {"days_left", expires ? json::value(at.daysUntil(*expires)) : json::value(nullptr)},
        {"description", item.description},
        {"links", json::array(item.links.begin(), item.links.end())},
        {"scope", std::move(scope)},
        {"frameworks", json::array(item.frameworks.begin(), item.frameworks.end())},
        {"scoped_out", json::array(item.scopedOut.begin(), item.scopedOut.end())},
        {"reuse", item.reuse()},
        {"requirements", item.requirements},
    };
}

int cmdEvidenceList(const Options& o) {
    auto at = atDate(g_ev.at);
    if (!at) return fail(at.error());
    if (g_ev.days < 0) return fail(Error::badInput("--days must be 0 or more, not " + std::to_string(g_ev.days)));
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
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
        const Freshness f = item.freshness(*at, g_ev.days);
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
        json::array list;
        for (const auto& item : items) list.push_back(toJson(item, *at, g_ev.days));
        printJson(std::cout, json::object{{"at", at->str()}, {"soon_days", g_ev.days}, {"evidence", std::move(list)}});
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
        const Freshness f = item.freshness(*at, g_ev.days);
        stale += f == Freshness::Stale ? 1u : 0u;
        soon += f == Freshness::SoonStale ? 1u : 0u;
        shared += item.reuse() >= 2 ? 1u : 0u;
        std::string frameworks = joined(item.frameworks, ",");
        if (!item.scopedOut.empty())
            frameworks += (frameworks.empty() ? "" : " ") + ("(not " + joined(item.scopedOut, ",") + ")");
        table.add({item.key, clip(item.title, 48), std::string(toString(item.kind)), std::to_string(item.reuse()),
                   frameworks.empty() ? "-" : frameworks, std::to_string(item.requirements), std::string(toString(f)),
                   toString(item.expiresOn()).empty() ? "-" : toString(item.expiresOn()), item.owner});
    }
    table.print(std::cout);
    std::cout << '\n'
              << items.size() << " item(s)" << (items.size() != total ? " of " + std::to_string(total) : "") << "; "
              << shared << " serve two or more frameworks; " << stale << " stale, " << soon
              << " soon stale (expiring within " << g_ev.days << " days of " << at->str() << ").\n"
              << "REUSE: frameworks served (targets only, when targets are set); REQUIREMENTS: assessable "
                 "requirements reached there; (not …): frameworks the item is scoped out of.\n";
    return kExitOk;
}

int cmdEvidenceShow(const Options& o) {
    auto at = atDate(g_ev.at);
    if (!at) return fail(at.error());
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    auto item = evidenceItem(*ws, g_ev.key);
    if (!item) return fail(item.error());
    if (o.json) {
        json::object out = toJson(*item, *at, g_ev.days);
        out["at"] = at->str();
        out["soon_days"] = g_ev.days;
        printJson(std::cout, out);
        return kExitOk;
    }
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
    std::cout << "  Freshness:    " << toString(item->freshness(*at, g_ev.days));
    if (expires) {
        const int left = at->daysUntil(*expires);
        std::cout << " (expires " << expires->str() << ", "
                  << (left >= 0 ? std::to_string(left) + " days from " : std::to_string(-left) + " days before ")
                  << at->str() << ")";
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
    auto pick = [&](const CLI::Option* option) { return all || given(option); };
    if (pick(g_evSet.title)) item.title = g_ev.title;
    if (pick(g_evSet.kind)) {
        const auto kind = parseEvidenceKind(g_ev.kind);
        if (!kind) {
            return Error::badInput("--kind: '" + g_ev.kind +
                                   "' is not an evidence kind (policy, procedure, record, log, configuration, "
                                   "screenshot, report, ticket)");
        }
        item.kind = *kind;
    }
    if (pick(g_evSet.owner)) item.owner = g_ev.owner;
    if (pick(g_evSet.description)) item.description = g_ev.description;
    if (pick(g_evSet.collected)) {
        auto d = parseOptionalDate(g_ev.collected, "--collected");
        if (!d) return d.error();
        item.collectedOn = *d;
    }
    if (pick(g_evSet.validUntil)) {
        auto d = parseOptionalDate(g_ev.validUntil, "--valid-until");
        if (!d) return d.error();
        item.validUntil = *d;
    }
    if (pick(g_evSet.reviewDays)) {
        auto n = optionalCount(g_ev.reviewDays, "--review-days");
        if (!n) return n.error();
        item.reviewDays = *n;
    }
    if (!all && given(g_evSet.uri)) item.location = g_ev.uri;
    return {};
}

int cmdEvidenceAdd(const Options& o) {
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
    auto stored = evidenceItem(*ws, key);
    if (!stored) return fail(stored.error());
    if (o.json) {
        printJson(std::cout, toJson(*stored, Date::today(), 30));
        return kExitOk;
    }
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
    if (o.json) {
        printJson(std::cout, toJson(*updated, Date::today(), 30));
    } else {
        std::cout << "Updated " << updated->key << '\n';
    }
    return kExitOk;
}

int done(const Options& o, const Result<void>& r, const std::string& what) {
    if (!r) return fail(r.error());
    if (!o.json) std::cout << what << '\n';
    return kExitOk;
}

int cmdEvidenceLink(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    return done(o, linkEvidence(*ws, g_ev.key, g_ev.subject), "Linked " + g_ev.key + " to " + g_ev.subject);
}

int cmdEvidenceUnlink(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    return done(o, unlinkEvidence(*ws, g_ev.key, g_ev.subject), "Unlinked " + g_ev.key + " from " + g_ev.subject);
}

int cmdEvidenceScope(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    const bool valid = g_ev.valid;
    return done(o, setEvidenceScope(*ws, g_ev.key, {g_ev.framework, valid, g_ev.note}),
                g_ev.key + (valid ? " is valid for " : " is not valid for ") + g_ev.framework);
}

int cmdEvidenceRehash(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    auto changed = rehashEvidence(*ws, g_ev.key);
    if (!changed) return fail(changed.error());
    auto item = evidenceItem(*ws, g_ev.key);
    if (!item) return fail(item.error());
    if (o.json) {
        printJson(
            std::cout,
            json::object{
                {"key", item->key}, {"location", item->location}, {"sha256", item->sha256}, {"changed", *changed}});
    } else {
        std::cout << item->key << ": " << (*changed ? "file changed, new SHA-256 " : "unchanged, SHA-256 ")
                  << item->sha256 << '\n';
    }
    return kExitOk;
}

int cmdEvidenceRemove(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    return done(o, removeEvidence(*ws, g_ev.key), "Removed " + g_ev.key);
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
        {"residual_likelihood", orNull(r.residualLikelihood)},
        {"residual_impact", orNull(r.residualImpact)},
        {"residual_score", orNull(residual)},
        {"residual_level", residual ? json::value(toString(m.level(*residual))) : json::value(nullptr)},
        {"within_acceptance_criteria", residual.value_or(r.score()) <= m.acceptableUpTo},
        {"accepted", accepted},
        {"accepted_by", orNull(r.acceptedBy)},
        {"accepted_on", orNull(r.acceptedOn)},
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

Result<void> applyRiskFields(Risk& r, const RiskGiven& g, const RiskMatrix& m) {
    if (given(g.title)) r.title = g_risk.title;
    if (given(g.assets)) r.assets = listValue(g_risk.assets);
    if (given(g.threat)) r.threat = g_risk.threat;
    if (given(g.vulnerability)) r.vulnerability = g_risk.vulnerability;
    if (given(g.owner)) r.owner = g_risk.owner;
    if (given(g.likelihood)) {
        auto v = parseLevel(g_risk.likelihood, m.likelihoodNames, "--likelihood");
        if (!v) return v.error();
        r.likelihood = *v;
    }
    if (given(g.impact)) {
        auto v = parseLevel(g_risk.impact, m.impactNames, "--impact");
        if (!v) return v.error();
        r.impact = *v;
    }
    if (given(g.treatment)) {
        if (g_risk.treatment.empty()) {
            r.treatment.reset();
        } else {
            r.treatment = parseTreatment(g_risk.treatment);
            if (!r.treatment) {
                return Error::badInput("--treatment: '" + g_risk.treatment +
                                       "' is not a treatment (modify, retain, avoid, share)");
            }
        }
    }
    if (given(g.controls)) r.controls = listValue(g_risk.controls);
    if (given(g.residualLikelihood)) {
        auto v = parseOptionalLevel(g_risk.residualLikelihood, m.likelihoodNames, "--residual-likelihood");
        if (!v) return v.error();
        r.residualLikelihood = *v;
    }
    if (given(g.residualImpact)) {
        auto v = parseOptionalLevel(g_risk.residualImpact, m.impactNames, "--residual-impact");
        if (!v) return v.error();
        r.residualImpact = *v;
    }
    if (given(g.acceptedBy)) r.acceptedBy = g_risk.acceptedBy;
    if (given(g.acceptedOn)) {
        auto d = parseOptionalDate(g_risk.acceptedOn, "--accepted-on");
        if (!d) return d.error();
        r.acceptedOn = *d;
    }
    if (given(g.notes)) r.notes = g_risk.notes;
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
    if (auto applied = applyRiskFields(r, g_riskAdd, *matrix); !applied) return fail(applied.error());
    return saveRisk(o, *ws, r, *matrix, "Added");
}

int cmdRiskSet(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    auto matrix = riskMatrix(*ws);
    if (!matrix) return fail(matrix.error());
    auto r = risk(*ws, g_risk.key);
    if (!r) return fail(r.error());
    if (auto applied = applyRiskFields(*r, g_riskSet, *matrix); !applied) return fail(applied.error());
    return saveRisk(o, *ws, *r, *matrix, "Updated");
}

int cmdRiskRemove(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    return done(o, removeRisk(*ws, g_risk.key), "Removed " + g_risk.key);
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
    if (given(g_matrix.likelihoodNames)) {
        m.likelihoodNames = g_risk.likelihoodNames;
        m.likelihoodLevels = static_cast<int>(m.likelihoodNames.size());
    }
    if (given(g_matrix.impactNames)) {
        m.impactNames = g_risk.impactNames;
        m.impactLevels = static_cast<int>(m.impactNames.size());
    }
    if (given(g_matrix.likelihoodLevels)) {
        if (!given(g_matrix.likelihoodNames) && g_risk.likelihoodLevels != matrix->likelihoodLevels) {
            return fail(Error::badInput("--likelihood-levels " + std::to_string(g_risk.likelihoodLevels) +
                                        " needs --likelihood-names with as many names, lowest first"));
        }
        m.likelihoodLevels = g_risk.likelihoodLevels;
    }
    if (given(g_matrix.impactLevels)) {
        if (!given(g_matrix.impactNames) && g_risk.impactLevels != matrix->impactLevels) {
            return fail(Error::badInput("--impact-levels " + std::to_string(g_risk.impactLevels) +
                                        " needs --impact-names with as many names, lowest first"));
        }
        m.impactLevels = g_risk.impactLevels;
    }
    if (given(g_matrix.mediumFrom)) m.mediumFrom = g_risk.mediumFrom;
    if (given(g_matrix.highFrom)) m.highFrom = g_risk.highFrom;
    if (given(g_matrix.acceptableUpTo)) m.acceptableUpTo = g_risk.acceptableUpTo;
    if (auto r = setRiskMatrix(*ws, m); !r) return fail(r.error());
    if (o.json) {
        printJson(std::cout, toJson(m));
    } else {
        std::cout << "Risk matrix set: " << m.likelihoodLevels << " × " << m.impactLevels << ", M from " << m.mediumFrom
                  << ", H from " << m.highFrom << ", acceptable up to " << m.acceptableUpTo << '\n';
    }
    return kExitOk;
}

RiskGiven addRiskFields(CLI::App* s) {
    RiskGiven g;
    g.title = s->add_option("--title", g_risk.title, "What could happen");
    g.assets = s->add_option("--asset", g_risk.assets, "Asset key affected (repeatable; \"\" for none)");
    g.threat = s->add_option("--threat", g_risk.threat, "Threat");
    g.vulnerability = s->add_option("--vulnerability", g_risk.vulnerability, "Vulnerability");
    g.owner = s->add_option("--owner", g_risk.owner, "Risk owner (the only one who can accept it)");
    g.likelihood = s->add_option("--likelihood", g_risk.likelihood, "Likelihood level: a number or the level's name");
    g.impact = s->add_option("--impact", g_risk.impact, "Impact level: a number or the level's name");
    g.treatment = s->add_option("--treatment", g_risk.treatment, "modify, retain, avoid or share (\"\" to clear)");
    g.controls = s->add_option("--control", g_risk.controls,
                               "Annex A control chosen for treatment, e.g. A.5.15 (repeatable; \"\" for none)");
    g.residualLikelihood =
        s->add_option("--residual-likelihood", g_risk.residualLikelihood, "Residual likelihood (\"\" to clear)");
    g.residualImpact = s->add_option("--residual-impact", g_risk.residualImpact, "Residual impact (\"\" to clear)");
    g.acceptedBy = s->add_option("--accepted-by", g_risk.acceptedBy, "Who accepted the residual risk (the owner)");
    g.acceptedOn = s->add_option("--accepted-on", g_risk.acceptedOn, "When (YYYY-MM-DD; \"\" to clear)");
    g.notes = s->add_option("--notes", g_risk.notes, "Notes");
    return g;
}

}  // namespace

void addEvidenceCommands(CLI::App& app, Options& o, Command& command) {
    auto set = [&command](Command fn) { return [&command, fn] { command = fn; }; };

    // evidence [list]
    CLI::App* evidence = app.add_subcommand(
        "evidence", "The evidence library: items, links, per-framework scope, reuse and freshness (default: list)");
    auto listOptions = [&](CLI::App* s) {
        s->add_flag("--shared", g_ev.shared, "Only items serving two or more frameworks, most reused first");
        s->add_flag("--stale", g_ev.stale, "Only items expired at --at");
        s->add_flag("--soon-stale", g_ev.soonStale, "Only items expiring within --days of --at");
        s->add_option("--days", g_ev.days, "Soon-stale window in days (default 30)");
        s->add_option("--framework", g_ev.framework, "Only items serving this framework");
        s->add_option("--at", g_ev.at, "Judge freshness at this date (YYYY-MM-DD; default today)");
        s->add_flag("--json", o.json, "Print JSON");
    };
    listOptions(evidence);
    CLI::App* list = evidence->add_subcommand("list", "List evidence items (the default)");
    listOptions(list);
    list->callback(set(&cmdEvidenceList));
    evidence->callback([&command, evidence] {
        if (evidence->get_subcommands().empty()) command = &cmdEvidenceList;
    });

    CLI::App* add = evidence->add_subcommand("add", "Add an item: a file (hashed) or a URI, with links and scope");
    add->add_option("--key", g_ev.key, "Key (default: the next free EV-NNN)");
    add->add_option("--title", g_ev.title, "Title")->required();
    add->add_option("--kind", g_ev.kind, "policy, procedure, record, log, configuration, screenshot, report or ticket")
        ->required();
    auto* file = add->add_option("--file", g_ev.file, "File to hash (SHA-256 recorded, absolute path kept)");
    auto* uri = add->add_option("--uri", g_ev.uri, "Location URI, e.g. https://…, jira:SEC-412, s3://…");
    file->excludes(uri);
    uri->excludes(file);
    add->add_option("--owner", g_ev.owner, "Owner");
    add->add_option("--collected", g_ev.collected, "Collected on (YYYY-MM-DD)");
    add->add_option("--valid-until", g_ev.validUntil, "Valid until (YYYY-MM-DD)");
    add->add_option("--review-days", g_ev.reviewDays, "Review cadence in days, counted from --collected");
    add->add_option("--description", g_ev.description, "Description");
    add->add_option("--link", g_ev.links, "Common control key or FRAMEWORK:REF (repeatable)");
    add->add_option("--not-valid-for", g_ev.notValidFor,
                    "FRAMEWORK[:NOTE]: not valid for that framework's scope (repeatable)");
    add->add_flag("--json", o.json, "Print JSON");
    add->callback([&command] {
        if (g_ev.file.empty() && g_ev.uri.empty()) {
            throw CLI::ValidationError("evidence add", "give --file PATH or --uri URI");
        }
        command = &cmdEvidenceAdd;
    });

    CLI::App* setItem = evidence->add_subcommand("set", "Change an item's fields (those given; \"\" clears)");
    setItem->add_option("key", g_ev.key, "Evidence key")->required();
    g_evSet.title = setItem->add_option("--title", g_ev.title, "Title");
    g_evSet.kind = setItem->add_option("--kind", g_ev.kind, "Kind");
    g_evSet.uri = setItem->add_option("--uri", g_ev.uri, "New location URI (drops a file's digest)");
    g_evSet.owner = setItem->add_option("--owner", g_ev.owner, "Owner");
    g_evSet.collected = setItem->add_option("--collected", g_ev.collected, "Collected on (YYYY-MM-DD)");
    g_evSet.validUntil = setItem->add_option("--valid-until", g_ev.validUntil, "Valid until (YYYY-MM-DD)");
    g_evSet.reviewDays = setItem->add_option("--review-days", g_ev.reviewDays, "Review cadence in days");
    g_evSet.description = setItem->add_option("--description", g_ev.description, "Description");
    setItem->add_flag("--json", o.json, "Print JSON");
    setItem->callback(set(&cmdEvidenceSet));

    CLI::App* show = evidence->add_subcommand("show", "Show one item: fields, freshness, links, frameworks served");
    show->add_option("key", g_ev.key, "Evidence key")->required();
    show->add_option("--at", g_ev.at, "Judge freshness at this date (YYYY-MM-DD; default today)");
    show->add_option("--days", g_ev.days, "Soon-stale window in days (default 30)");
    show->add_flag("--json", o.json, "Print JSON");
    show->callback(set(&cmdEvidenceShow));

    CLI::App* link = evidence->add_subcommand("link", "Link an item to a common control or a requirement");
    link->add_option("key", g_ev.key, "Evidence key")->required();
    link->add_option("subject", g_ev.subject, "Common control key (CC-A.5.15) or FRAMEWORK:REF")->required();
    link->callback(set(&cmdEvidenceLink));

    CLI::App* unlink = evidence->add_subcommand("unlink", "Remove a link");
    unlink->add_option("key", g_ev.key, "Evidence key")->required();
    unlink->add_option("subject", g_ev.subject, "Common control key or FRAMEWORK:REF")->required();
    unlink->callback(set(&cmdEvidenceUnlink));

    CLI::App* scope = evidence->add_subcommand("scope", "Record whether an item is valid for a framework's scope");
    scope->add_option("key", g_ev.key, "Evidence key")->required();
    scope->add_option("framework", g_ev.framework, "Framework id, e.g. pci-dss-4.0.1")->required();
    auto* valid = scope->add_flag("--valid", g_ev.valid, "Valid for that scope");
    auto* notValid = scope->add_flag("--not-valid", g_ev.notValid, "Not valid for that scope");
    valid->excludes(notValid);
    notValid->excludes(valid);
    scope->add_option("--note", g_ev.note, "Why, e.g. \"office network only; not the cardholder data environment\"");
    scope->callback([&command] {
        if (!g_ev.valid && !g_ev.notValid) throw CLI::ValidationError("evidence scope", "give --valid or --not-valid");
        command = &cmdEvidenceScope;
    });

    CLI::App* rehash = evidence->add_subcommand("rehash", "Hash an item's file again; says whether it changed");
    rehash->add_option("key", g_ev.key, "Evidence key")->required();
    rehash->add_flag("--json", o.json, "Print JSON");
    rehash->callback(set(&cmdEvidenceRehash));

    CLI::App* remove = evidence->add_subcommand("remove", "Remove an item with its links and scope");
    remove->add_option("key", g_ev.key, "Evidence key")->required();
    remove->callback(set(&cmdEvidenceRemove));

    // risks [list]
    CLI::App* risksCmd = app.add_subcommand(
        "risks", "The risk register: matrix, risks, treatment with Annex A controls, acceptance (default: list)");
    risksCmd->add_flag("--json", o.json, "Print JSON");
    CLI::App* riskList = risksCmd->add_subcommand("list", "List risks (the default)");
    riskList->add_flag("--json", o.json, "Print JSON");
    riskList->callback(set(&cmdRisks));
    risksCmd->callback([&command, risksCmd] {
        if (risksCmd->get_subcommands().empty()) command = &cmdRisks;
    });

    CLI::App* riskShow = risksCmd->add_subcommand("show", "Show one risk");
    riskShow->add_option("key", g_risk.key, "Risk key")->required();
    riskShow->add_flag("--json", o.json, "Print JSON");
    riskShow->callback(set(&cmdRiskShow));

    CLI::App* riskAdd = risksCmd->add_subcommand("add", "Add a risk (scored on the matrix)");
    riskAdd->add_option("--key", g_risk.key, "Key (default: the next free R-NN)");
    g_riskAdd = addRiskFields(riskAdd);
    g_riskAdd.title->required();
    g_riskAdd.likelihood->required();
    g_riskAdd.impact->required();
    riskAdd->add_flag("--json", o.json, "Print JSON");
    riskAdd->callback(set(&cmdRiskAdd));

    CLI::App* riskSet = risksCmd->add_subcommand("set", "Change a risk's fields (those given; \"\" clears)");
    riskSet->add_option("key", g_risk.key, "Risk key")->required();
    g_riskSet = addRiskFields(riskSet);
    riskSet->add_flag("--json", o.json, "Print JSON");
    riskSet->callback(set(&cmdRiskSet));

    CLI::App* riskRemove = risksCmd->add_subcommand("remove", "Remove a risk");
    riskRemove->add_option("key", g_risk.key, "Risk key")->required();
    riskRemove->callback(set(&cmdRiskRemove));

    CLI::App* matrix = risksCmd->add_subcommand(
        "matrix", "The likelihood × impact grid with the risks in each cell, inherent and residual");
    matrix->add_flag("--json", o.json, "Print JSON");
    matrix->callback([&command, matrix] {
        if (matrix->get_subcommands().empty()) command = &cmdRiskMatrix;
    });
    CLI::App* matrixSet =
        matrix->add_subcommand("set", "Change the matrix (refused if a recorded risk no longer fits)");
    g_matrix.likelihoodLevels =
        matrixSet->add_option("--likelihood-levels", g_risk.likelihoodLevels, "Number of likelihood levels (2-10)");
    g_matrix.impactLevels =
        matrixSet->add_option("--impact-levels", g_risk.impactLevels, "Number of impact levels (2-10)");
    g_matrix.likelihoodNames =
        matrixSet->add_option("--likelihood-names", g_risk.likelihoodNames, "Likelihood level names, lowest first")
            ->delimiter(',');
    g_matrix.impactNames =
        matrixSet->add_option("--impact-names", g_risk.impactNames, "Impact level names, lowest first")->delimiter(',');
    g_matrix.mediumFrom = matrixSet->add_option("--medium-from", g_risk.mediumFrom, "Score at which a risk is medium");
    g_matrix.highFrom = matrixSet->add_option("--high-from", g_risk.highFrom, "Score at which a risk is high");
    g_matrix.acceptableUpTo =
        matrixSet->add_option("--acceptable-up-to", g_risk.acceptableUpTo, "Highest score that may be accepted");
    matrixSet->add_flag("--json", o.json, "Print JSON");
    matrixSet->callback(set(&cmdRiskMatrixSet));
}

}  // namespace cw::cli
