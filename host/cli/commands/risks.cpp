// `crosswalk risks`: the risk register on a likelihood × impact matrix (risks, treatment, acceptance).
#include "cli/commands/commands.hpp"
#include "cli/listing.hpp"

#include <crosswalk/store/risk.hpp>

#include <boost/json.hpp>

#include <array>
#include <charconv>
#include <iostream>
#include <map>

namespace json = boost::json;

namespace cw::cli {
namespace {

constexpr const char* kTreatments = "modify, retain, avoid, share";

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

class RisksCommand {
public:
    explicit RisksCommand(CommandLine& cli) : m_global(cli.global()) {
        CommandBuilder c(cli, kEvidenceGroup, m_options.json);
        auto& given = m_options.given;
        auto* risksCmd =
            c.add("risks", "The risk register on a likelihood × impact matrix (list, show, add, set, remove, matrix)",
                  [this] { return list(); });
        c.add(risksCmd, "list", "List risks (the default)", [this] { return list(); });
        c.add(risksCmd, "show", "Show one risk", [this] { return show(); })
            ->add_option("key", m_options.key, "Risk key")
            ->required();

        auto* riskAdd = c.add(risksCmd, "add", "Add a risk (scored on the matrix)", [this] { return add(); });
        riskAdd->add_option("--key", m_options.key, "Key (default: the next free R-NN)");
        for (auto* required : addFields(riskAdd)) required->required();

        auto* riskSet =
            c.add(risksCmd, "set", "Change a risk's fields (those given; \"\" clears)", [this] { return set(); });
        riskSet->add_option("key", m_options.key, "Risk key")->required();
        addFields(riskSet);

        c.add(risksCmd, "remove", "Remove a risk", [this] { return remove(); })
            ->add_option("key", m_options.key, "Risk key")
            ->required();

        auto* matrix =
            c.add(risksCmd, "matrix", "The likelihood × impact grid with the risks in each cell, inherent and residual",
                  [this] { return showMatrix(); });
        auto* matrixSet = c.add(matrix, "set", "Change the matrix (refused if a recorded risk no longer fits)",
                                [this] { return setMatrix(); });
        given.track(matrixSet->add_option("--likelihood-levels", m_options.likelihoodLevels,
                                          "Number of likelihood levels (2-10)"));
        given.track(matrixSet->add_option("--impact-levels", m_options.impactLevels, "Number of impact levels (2-10)"));
        given.track(
            matrixSet
                ->add_option("--likelihood-names", m_options.likelihoodNames, "Likelihood level names, lowest first")
                ->delimiter(','));
        given.track(matrixSet->add_option("--impact-names", m_options.impactNames, "Impact level names, lowest first")
                        ->delimiter(','));
        given.track(matrixSet->add_option("--medium-from", m_options.mediumFrom, "Score at which a risk is medium"));
        given.track(matrixSet->add_option("--high-from", m_options.highFrom, "Score at which a risk is high"));
        given.track(matrixSet->add_option("--acceptable-up-to", m_options.acceptableUpTo,
                                          "Highest score that may be accepted"));
    }

private:
    int list() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        auto matrix = riskMatrix(*ws);
        if (!matrix) return fail(matrix.error());
        auto all = risks(*ws);
        if (!all) return fail(all.error());
        if (m_options.json) {
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
        std::cout << "\nScores are likelihood × impact on a " << matrix->likelihoodLevels << " × "
                  << matrix->impactLevels << " matrix: L below " << matrix->mediumFrom << ", M from "
                  << matrix->mediumFrom << ", H from " << matrix->highFrom << "; scores up to "
                  << matrix->acceptableUpTo << " may be accepted.\n";
        return kExitOk;
    }

    int show() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        auto matrix = riskMatrix(*ws);
        if (!matrix) return fail(matrix.error());
        auto r = risk(*ws, m_options.key);
        if (!r) return fail(r.error());
        if (m_options.json) {
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
                  << ", impact " << r->impact << name(matrix->impactNames, r->impact) << ": score " << r->score()
                  << ", " << toString(matrix->level(r->score())) << '\n'
                  << "  Treatment:     " << (r->treatment ? std::string(toString(*r->treatment)) : "not decided")
                  << '\n'
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
                  << (r->acceptedOn ? "by " + r->acceptedBy + " on " + r->acceptedOn->str() : std::string("no"))
                  << '\n';
        if (!r->notes.empty()) std::cout << "\n  " << r->notes << '\n';
        return kExitOk;
    }

    Result<void> applyRiskFields(Risk& r, const RiskMatrix& m) const {
        const auto& given = m_options.given;
        if (given("--title")) r.title = m_options.title;
        if (given("--asset")) r.assets = listValue(m_options.assets);
        if (given("--threat")) r.threat = m_options.threat;
        if (given("--vulnerability")) r.vulnerability = m_options.vulnerability;
        if (given("--owner")) r.owner = m_options.owner;
        if (given("--likelihood")) {
            auto v = parseLevel(m_options.likelihood, m.likelihoodNames, "--likelihood");
            if (!v) return v.error();
            r.likelihood = *v;
        }
        if (given("--impact")) {
            auto v = parseLevel(m_options.impact, m.impactNames, "--impact");
            if (!v) return v.error();
            r.impact = *v;
        }
        if (given("--treatment")) {
            if (m_options.treatment.empty()) {
                r.treatment.reset();
            } else {
                auto treatment =
                    choice(parseTreatment(m_options.treatment), m_options.treatment, "--treatment", kTreatments);
                if (!treatment) return treatment.error();
                r.treatment = *treatment;
            }
        }
        if (given("--control")) r.controls = listValue(m_options.controls);
        if (given("--residual-likelihood")) {
            auto v = parseOptionalLevel(m_options.residualLikelihood, m.likelihoodNames, "--residual-likelihood");
            if (!v) return v.error();
            r.residualLikelihood = *v;
        }
        if (given("--residual-impact")) {
            auto v = parseOptionalLevel(m_options.residualImpact, m.impactNames, "--residual-impact");
            if (!v) return v.error();
            r.residualImpact = *v;
        }
        if (given("--accepted-by")) r.acceptedBy = m_options.acceptedBy;
        if (given("--accepted-on")) {
            auto d = parseOptionalDate(m_options.acceptedOn, "--accepted-on");
            if (!d) return d.error();
            r.acceptedOn = *d;
        }
        if (given("--notes")) r.notes = m_options.notes;
        return {};
    }

    int saveRisk(Workspace& ws, const Risk& r, const RiskMatrix& m, const char* verb) const {
        auto saved = setRisk(ws, r);
        if (!saved) return fail(saved.error());
        if (m_options.json) {
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

    int add() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        auto matrix = riskMatrix(*ws);
        if (!matrix) return fail(matrix.error());
        if (!m_options.key.empty()) {
            if (auto existing = risk(*ws, m_options.key); existing) {
                return fail(Error::badInput("risk '" + m_options.key + "' already exists; `crosswalk risks set " +
                                            m_options.key + "` changes it"));
            }
        }
        Risk r;
        r.key = m_options.key;
        if (auto applied = applyRiskFields(r, *matrix); !applied) return fail(applied.error());
        return saveRisk(*ws, r, *matrix, "Added");
    }

    int set() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        auto matrix = riskMatrix(*ws);
        if (!matrix) return fail(matrix.error());
        auto r = risk(*ws, m_options.key);
        if (!r) return fail(r.error());
        if (auto applied = applyRiskFields(*r, *matrix); !applied) return fail(applied.error());
        return saveRisk(*ws, *r, *matrix, "Updated");
    }

    int remove() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        if (auto r = removeRisk(*ws, m_options.key); !r) return fail(r.error());
        return printDone(m_options.json, json::object{{"removed", m_options.key}}, "Removed " + m_options.key);
    }

    int showMatrix() const {
        auto ws = openWorkspace(m_global);
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
        if (m_options.json) {
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
                  << " impact levels, score = likelihood × impact: L below " << m.mediumFrom << ", M from "
                  << m.mediumFrom << ", H from " << m.highFrom << "; scores up to " << m.acceptableUpTo
                  << " may be accepted.\n"
                  << "Each cell: its level and the number of risks in it (· for none).\n\n"
                  << "Inherent risk (" << all->size() << " risks)\n";
        printGrid(m, inherent, std::cout);
        std::cout << "\nResidual risk (" << assessed << " risks with a residual score)\n";
        printGrid(m, residual, std::cout);
        return kExitOk;
    }

    int setMatrix() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        auto matrix = riskMatrix(*ws);
        if (!matrix) return fail(matrix.error());
        RiskMatrix m = *matrix;
        // Names alone set the level count; a new count without names needs them.
        if (m_options.given("--likelihood-names")) {
            m.likelihoodNames = m_options.likelihoodNames;
            m.likelihoodLevels = static_cast<int>(m.likelihoodNames.size());
        }
        if (m_options.given("--impact-names")) {
            m.impactNames = m_options.impactNames;
            m.impactLevels = static_cast<int>(m.impactNames.size());
        }
        if (m_options.given("--likelihood-levels")) {
            if (!m_options.given("--likelihood-names") && m_options.likelihoodLevels != matrix->likelihoodLevels) {
                return fail(Error::badInput("--likelihood-levels " + std::to_string(m_options.likelihoodLevels) +
                                            " needs --likelihood-names with as many names, lowest first"));
            }
            m.likelihoodLevels = m_options.likelihoodLevels;
        }
        if (m_options.given("--impact-levels")) {
            if (!m_options.given("--impact-names") && m_options.impactLevels != matrix->impactLevels) {
                return fail(Error::badInput("--impact-levels " + std::to_string(m_options.impactLevels) +
                                            " needs --impact-names with as many names, lowest first"));
            }
            m.impactLevels = m_options.impactLevels;
        }
        if (m_options.given("--medium-from")) m.mediumFrom = m_options.mediumFrom;
        if (m_options.given("--high-from")) m.highFrom = m_options.highFrom;
        if (m_options.given("--acceptable-up-to")) m.acceptableUpTo = m_options.acceptableUpTo;
        if (auto r = setRiskMatrix(*ws, m); !r) return fail(r.error());
        if (m_options.json) {
            printJson(std::cout, toJson(m));
        } else {
            std::cout << "Risk matrix set: " << m.likelihoodLevels << " × " << m.impactLevels << ", M from "
                      << m.mediumFrom << ", H from " << m.highFrom << ", acceptable up to " << m.acceptableUpTo << '\n';
        }
        return kExitOk;
    }

    // The fields of `risks add` and `risks set`; returns title, likelihood and impact, which add requires.
    std::array<CLI::Option*, 3> addFields(CLI::App* s) {
        auto& given = m_options.given;
        auto* title = given.track(s->add_option("--title", m_options.title, "What could happen"));
        given.track(s->add_option("--asset", m_options.assets, "Asset key affected (repeatable; \"\" for none)"));
        given.track(s->add_option("--threat", m_options.threat, "Threat"));
        given.track(s->add_option("--vulnerability", m_options.vulnerability, "Vulnerability"));
        given.track(s->add_option("--owner", m_options.owner, "Risk owner (the only one who can accept it)"));
        auto* likelihood = given.track(
            s->add_option("--likelihood", m_options.likelihood, "Likelihood level: a number or the level's name"));
        auto* impact =
            given.track(s->add_option("--impact", m_options.impact, "Impact level: a number or the level's name"));
        given.track(s->add_option("--treatment", m_options.treatment, std::string(kTreatments) + " (\"\" to clear)"));
        given.track(s->add_option("--control", m_options.controls,
                                  "Annex A control chosen for treatment, e.g. A.5.15 (repeatable; \"\" for none)"));
        given.track(s->add_option("--residual-likelihood", m_options.residualLikelihood,
                                  "Residual likelihood (\"\" to clear)"));
        given.track(s->add_option("--residual-impact", m_options.residualImpact, "Residual impact (\"\" to clear)"));
        given.track(s->add_option("--accepted-by", m_options.acceptedBy, "Who accepted the residual risk (the owner)"));
        given.track(s->add_option("--accepted-on", m_options.acceptedOn, "When (YYYY-MM-DD; \"\" to clear)"));
        given.track(s->add_option("--notes", m_options.notes, "Notes"));
        return {title, likelihood, impact};
    }

    struct Options {
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
        bool json = false;
    };

    const GlobalOptions& m_global;
    Options m_options;
};

}  // namespace

void addRisks(CommandLine& cli) {
    cli.own<RisksCommand>();
}

}  // namespace cw::cli
