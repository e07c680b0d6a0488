// `crosswalk evidence`: the evidence library (items, links, scope, reuse, freshness).
#include "cli/commands/commands.hpp"
#include "cli/listing.hpp"

#include <crosswalk/store/evidence.hpp>
#include <crosswalk/workbench/timeline.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <iostream>
#include <optional>

namespace fs = std::filesystem;
namespace json = boost::json;

namespace cw::cli {
namespace {

constexpr const char* kEvidenceKinds = "policy, procedure, record, log, configuration, screenshot, report, ticket";

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

class EvidenceCommand {
public:
    explicit EvidenceCommand(CommandLine& cli) : m_global(cli.global()) {
        CommandBuilder c(cli, kEvidenceGroup, m_options.json);
        auto& given = m_options.given;
        auto* evidence = c.add(
            "evidence",
            "The evidence library with reuse and freshness (list, add, set, show, link, unlink, scope, rehash, remove)",
            [this] { return listItems(); });
        auto listOptions = [&](CLI::App* s) {
            s->add_flag("--shared", m_options.shared, "Only items serving two or more frameworks, most reused first");
            s->add_flag("--stale", m_options.stale, "Only items expired at --today");
            s->add_flag("--soon-stale", m_options.soonStale, "Only items expiring within --days of --today");
            given.track(
                s->add_option("--days", m_options.days, "Soon-stale window in days (default: the timeline setting)"));
            s->add_option("--framework", m_options.framework, "Only items serving this framework");
            CommandBuilder::today(s, m_options.today, "Judge freshness at this day");
        };
        listOptions(evidence);
        listOptions(c.add(evidence, "list", "List evidence items (the default)", [this] { return listItems(); }));

        auto* add = c.add(evidence, "add", "Add an item: a file (hashed) or a URI, with links and scope",
                          [this] { return addItem(); });
        add->add_option("--key", m_options.key, "Key (default: the next free EV-NNN)");
        add->add_option("--title", m_options.title, "Title")->required();
        add->add_option("--kind", m_options.kind, kEvidenceKinds)->required();
        auto* file = add->add_option("--file", m_options.file, "File to hash (SHA-256 recorded, absolute path kept)");
        auto* uri = add->add_option("--uri", m_options.uri, "Location URI, e.g. https://…, jira:SEC-412, s3://…");
        file->excludes(uri);
        uri->excludes(file);
        add->add_option("--owner", m_options.owner, "Owner");
        add->add_option("--collected", m_options.collected, "Collected on (YYYY-MM-DD)");
        add->add_option("--valid-until", m_options.validUntil, "Valid until (YYYY-MM-DD)");
        add->add_option("--review-days", m_options.reviewDays, "Review cadence in days, counted from --collected");
        add->add_option("--description", m_options.description, "Description");
        add->add_option("--link", m_options.links, "Common control key or FRAMEWORK:REF (repeatable)");
        add->add_option("--not-valid-for", m_options.notValidFor,
                        "FRAMEWORK[:NOTE]: not valid for that framework's scope (repeatable)");

        auto* set =
            c.add(evidence, "set", "Change an item's fields (those given; \"\" clears)", [this] { return setItem(); });
        set->add_option("key", m_options.key, "Evidence key")->required();
        given.track(set->add_option("--title", m_options.title, "Title"));
        given.track(set->add_option("--kind", m_options.kind, kEvidenceKinds));
        given.track(set->add_option("--uri", m_options.uri, "New location URI (drops a file's digest)"));
        given.track(set->add_option("--owner", m_options.owner, "Owner"));
        given.track(set->add_option("--collected", m_options.collected, "Collected on (YYYY-MM-DD)"));
        given.track(set->add_option("--valid-until", m_options.validUntil, "Valid until (YYYY-MM-DD)"));
        given.track(set->add_option("--review-days", m_options.reviewDays, "Review cadence in days"));
        given.track(set->add_option("--description", m_options.description, "Description"));

        auto* show = c.add(evidence, "show", "Show one item: fields, freshness, links, frameworks served",
                           [this] { return showItem(); });
        show->add_option("key", m_options.key, "Evidence key")->required();
        CommandBuilder::today(show, m_options.today, "Judge freshness at this day");
        given.track(
            show->add_option("--days", m_options.days, "Soon-stale window in days (default: the timeline setting)"));

        auto* link =
            c.add(evidence, "link", "Link an item to a common control or a requirement", [this] { return linkItem(); });
        link->add_option("key", m_options.key, "Evidence key")->required();
        link->add_option("subject", m_options.subject, "Common control key (CC-A.5.15) or FRAMEWORK:REF")->required();

        auto* unlink = c.add(evidence, "unlink", "Remove a link", [this] { return unlinkItem(); });
        unlink->add_option("key", m_options.key, "Evidence key")->required();
        unlink->add_option("subject", m_options.subject, "Common control key or FRAMEWORK:REF")->required();

        auto* scope = c.add(evidence, "scope", "Record whether an item is valid for a framework's scope",
                            [this] { return scopeItem(); });
        scope->add_option("key", m_options.key, "Evidence key")->required();
        scope->add_option("framework", m_options.framework, "Framework id, e.g. pci-dss-4.0.1")->required();
        auto* valid = scope->add_flag("--valid", m_options.valid, "Valid for that scope");
        auto* notValid = scope->add_flag("--not-valid", m_options.notValid, "Not valid for that scope");
        valid->excludes(notValid);
        notValid->excludes(valid);
        scope->add_option("--note", m_options.note,
                          "Why, e.g. \"office network only; not the cardholder data environment\"");

        c.add(evidence, "rehash", "Hash an item's file again; says whether it changed", [this] { return rehashItem(); })
            ->add_option("key", m_options.key, "Evidence key")
            ->required();
        c.add(evidence, "remove", "Remove an item with its links and scope", [this] { return removeItem(); })
            ->add_option("key", m_options.key, "Evidence key")
            ->required();
    }

private:
    Result<FreshnessWindow> freshnessWindow(Workspace& ws) const {
        auto today = dateOrToday(m_options.today, "--today");
        if (!today) return today.error();
        std::optional<int> given;
        if (m_options.given("--days")) {
            if (m_options.days < 0)
                return Error::badInput("--days: must be 0 or more, not " + std::to_string(m_options.days));
            given = m_options.days;
        }
        auto days = soonStaleDays(ws, given);
        if (!days) return days.error();
        return FreshnessWindow{*today, *days};
    }

    int listItems() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        auto window = freshnessWindow(*ws);
        if (!window) return fail(window.error());
        const FreshnessWindow& w = *window;
        if (!m_options.framework.empty()) {
            auto frameworks = ws->frameworks();
            if (!frameworks) return fail(frameworks.error());
            if (std::none_of(frameworks->begin(), frameworks->end(),
                             [this](const FrameworkSummary& f) { return f.id == m_options.framework; })) {
                return fail(Error::notFound("--framework: unknown framework '" + m_options.framework + "'"));
            }
        }
        auto library = evidenceLibrary(*ws);
        if (!library) return fail(library.error());
        const std::size_t total = library->size();

        std::vector<EvidenceItem> items;
        for (auto& item : *library) {
            const Freshness f = item.freshness(w.today, w.days);
            if (m_options.shared && item.reuse() < 2) continue;
            if ((m_options.stale || m_options.soonStale) &&
                !((m_options.stale && f == Freshness::Stale) || (m_options.soonStale && f == Freshness::SoonStale))) {
                continue;
            }
            if (!m_options.framework.empty() && std::find(item.frameworks.begin(), item.frameworks.end(),
                                                          m_options.framework) == item.frameworks.end()) {
                continue;
            }
            items.push_back(std::move(item));
        }
        // Shared evidence reads best from the most reused down.
        if (m_options.shared) {
            std::stable_sort(items.begin(), items.end(), [](const EvidenceItem& a, const EvidenceItem& b) {
                if (a.reuse() != b.reuse()) return a.reuse() > b.reuse();
                return a.requirements > b.requirements;
            });
        }

        if (m_options.json) {
            printJson(std::cout,
                      json::object{{"today", w.today.str()},
                                   {"soon_stale_days", w.days},
                                   {"evidence", jsonList(items, [&](const EvidenceItem& i) { return toJson(i, w); })}});
            return kExitOk;
        }
        if (items.empty()) {
            if (total == 0) {
                std::cout
                    << "No evidence yet: `crosswalk evidence add --title T --kind KIND --uri URI --link CC-A.5.15` "
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
                       frameworks.empty() ? "-" : frameworks, std::to_string(item.requirements),
                       std::string(toString(f)), orDash(item.expiresOn()), item.owner});
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
    Result<json::object> storedItemJson(Workspace& ws, const std::string& key) const {
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
    int printItem(Workspace& ws, const std::string& key, const std::string& line) const {
        if (!m_options.json) return printDone(m_options.json, nullptr, line);
        auto item = storedItemJson(ws, key);
        if (!item) return fail(item.error());
        return printDone(m_options.json, *item, line);
    }

    int showItem() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        auto window = freshnessWindow(*ws);
        if (!window) return fail(window.error());
        const Date at = window->today;
        auto item = evidenceItem(*ws, m_options.key);
        if (!item) return fail(item.error());
        if (m_options.json) return printItem(*ws, item->key, "");
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
                  << " assessable requirement(s): " << (item->frameworks.empty() ? "-" : joined(item->frameworks))
                  << '\n';
        for (const auto& s : item->scope) {
            std::cout << "  " << (s.valid ? "Valid for " : "Not valid for ") << s.framework
                      << (s.note.empty() ? "" : ": " + s.note) << '\n';
        }
        return kExitOk;
    }

    // Fields shared by add and set; `set` passes which were given so the rest stay as stored.
    Result<void> applyEvidenceFields(EvidenceItem& item, bool all) const {
        auto pick = [&](std::string_view option) { return all || m_options.given(option); };
        if (pick("--title")) item.title = m_options.title;
        if (pick("--kind")) {
            const auto kind = choice(parseEvidenceKind(m_options.kind), m_options.kind, "--kind", kEvidenceKinds);
            if (!kind) return kind.error();
            item.kind = *kind;
        }
        if (pick("--owner")) item.owner = m_options.owner;
        if (pick("--description")) item.description = m_options.description;
        if (pick("--collected")) {
            auto d = parseOptionalDate(m_options.collected, "--collected");
            if (!d) return d.error();
            item.collectedOn = *d;
        }
        if (pick("--valid-until")) {
            auto d = parseOptionalDate(m_options.validUntil, "--valid-until");
            if (!d) return d.error();
            item.validUntil = *d;
        }
        if (pick("--review-days")) {
            auto n = optionalCount(m_options.reviewDays, "--review-days");
            if (!n) return n.error();
            item.reviewDays = *n;
        }
        if (!all && m_options.given("--uri")) item.location = m_options.uri;
        return {};
    }

    int addItem() const {
        if (m_options.file.empty() && m_options.uri.empty())
            return fail(Error::badInput("evidence add: give --file PATH or --uri URI"));
        EvidenceItem item;
        item.key = m_options.key;
        if (auto r = applyEvidenceFields(item, true); !r) return fail(r.error());
        item.location = m_options.uri;
        // FW or FW:NOTE; framework ids have no colon.
        std::vector<EvidenceScope> scopes;
        for (const auto& entry : m_options.notValidFor) {
            const auto colon = entry.find(':');
            EvidenceScope s{entry.substr(0, colon), false, colon == std::string::npos ? "" : entry.substr(colon + 1)};
            if (s.framework.empty())
                return fail(Error::badInput("--not-valid-for: '" + entry + "' names no framework"));
            scopes.push_back(std::move(s));
        }
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        std::string key;
        // The item, its links and its scope together: a bad link leaves nothing behind.
        auto done = ws->transaction([&]() -> Result<void> {
            auto added = addEvidence(*ws, item, m_options.file.empty() ? fs::path() : fs::path(m_options.file));
            if (!added) return added.error();
            key = added->key;
            for (const auto& link : m_options.links) {
                if (auto r = linkEvidence(*ws, key, link); !r)
                    return Error{r.error().kind, "--link: " + r.error().message};
            }
            for (const auto& s : scopes) {
                if (auto r = setEvidenceScope(*ws, key, s); !r) {
                    return Error{r.error().kind, "--not-valid-for: " + r.error().message};
                }
            }
            return {};
        });
        if (!done) return fail(done.error());
        if (m_options.json) return printItem(*ws, key, "");
        auto stored = evidenceItem(*ws, key);
        if (!stored) return fail(stored.error());
        std::cout << "Added " << stored->key << " (" << toString(stored->kind)
                  << (stored->sha256.empty() ? "" : ", sha256 " + stored->sha256.substr(0, 12) + "…") << "): serves "
                  << stored->reuse() << " framework(s), " << stored->requirements << " requirement(s)\n";
        return kExitOk;
    }

    int setItem() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        auto item = evidenceItem(*ws, m_options.key);
        if (!item) return fail(item.error());
        if (auto r = applyEvidenceFields(*item, false); !r) return fail(r.error());
        auto updated = updateEvidence(*ws, *item);
        if (!updated) return fail(updated.error());
        return printItem(*ws, updated->key, "Updated " + updated->key);
    }

    int linkItem() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        if (auto r = linkEvidence(*ws, m_options.key, m_options.subject); !r) return fail(r.error());
        return printItem(*ws, m_options.key, "Linked " + m_options.key + " to " + m_options.subject);
    }

    int unlinkItem() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        if (auto r = unlinkEvidence(*ws, m_options.key, m_options.subject); !r) return fail(r.error());
        return printItem(*ws, m_options.key, "Unlinked " + m_options.key + " from " + m_options.subject);
    }

    int scopeItem() const {
        if (!m_options.valid && !m_options.notValid)
            return fail(Error::badInput("evidence scope: give --valid or --not-valid"));
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        const bool valid = m_options.valid;
        if (auto r = setEvidenceScope(*ws, m_options.key, {m_options.framework, valid, m_options.note}); !r)
            return fail(r.error());
        return printItem(*ws, m_options.key,
                         m_options.key + (valid ? " is valid for " : " is not valid for ") + m_options.framework);
    }

    int rehashItem() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        auto changed = rehashEvidence(*ws, m_options.key);
        if (!changed) return fail(changed.error());
        auto item = evidenceItem(*ws, m_options.key);
        if (!item) return fail(item.error());
        return printDone(
            m_options.json,
            json::object{
                {"key", item->key}, {"location", item->location}, {"sha256", item->sha256}, {"changed", *changed}},
            item->key + ": " + (*changed ? "file changed, new SHA-256 " : "unchanged, SHA-256 ") + item->sha256);
    }

    int removeItem() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        if (auto r = removeEvidence(*ws, m_options.key); !r) return fail(r.error());
        return printDone(m_options.json, json::object{{"removed", m_options.key}}, "Removed " + m_options.key);
    }

    struct Options {
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
        bool json = false;
    };

    const GlobalOptions& m_global;
    Options m_options;
};

}  // namespace

void addEvidence(CommandLine& cli) {
    cli.own<EvidenceCommand>();
}

}  // namespace cw::cli
