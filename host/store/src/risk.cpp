// The risk register: the scoring matrix, risks on assets, their treatment with Annex A
// controls and their acceptance. All SQL for risk_matrix, risks, risk_assets, risk_controls.
#include <crosswalk/store/risk.hpp>

#include "database.hpp"
#include "repository.hpp"

#include <map>
#include <set>

namespace cw {
namespace {

std::string range(int levels) {
    return "1–" + std::to_string(levels);
}

// How messages name a risk; one being added without a key has none yet.
std::string riskName(std::string_view key) {
    return key.empty() ? std::string("the new risk") : "risk " + inQuotes(key);
}

Result<void> checkNames(const std::vector<std::string>& names, int levels, const char* what) {
    if (static_cast<int>(names.size()) != levels) {
        return Error::badInput(std::string("risk matrix: ") + what + " names: " + std::to_string(names.size()) +
                               " given for " + std::to_string(levels) + " levels; name every level, lowest first");
    }
    std::set<std::string> seen;
    for (const auto& name : names) {
        if (blank(name)) return Error::badInput(std::string("risk matrix: a ") + what + " level name is empty");
        if (!seen.insert(name).second) {
            return Error::badInput(std::string("risk matrix: ") + what + " level name " + inQuotes(name) +
                                   " is used twice");
        }
    }
    return {};
}

Result<void> checkMatrix(const RiskMatrix& m) {
    if (m.likelihoodLevels < 2 || m.likelihoodLevels > 10) {
        return Error::badInput("risk matrix: likelihood levels must be between 2 and 10, not " +
                               std::to_string(m.likelihoodLevels));
    }
    if (m.impactLevels < 2 || m.impactLevels > 10) {
        return Error::badInput("risk matrix: impact levels must be between 2 and 10, not " +
                               std::to_string(m.impactLevels));
    }
    if (auto r = checkNames(m.likelihoodNames, m.likelihoodLevels, "likelihood"); !r) return r;
    if (auto r = checkNames(m.impactNames, m.impactLevels, "impact"); !r) return r;
    const int maxScore = m.likelihoodLevels * m.impactLevels;
    if (m.mediumFrom < 1 || m.mediumFrom > m.highFrom || m.highFrom > maxScore) {
        return Error::badInput("risk matrix: expected 1 ≤ medium-from ≤ high-from ≤ " + std::to_string(maxScore) +
                               " (the highest score), got medium-from " + std::to_string(m.mediumFrom) +
                               " and high-from " + std::to_string(m.highFrom));
    }
    if (m.acceptableUpTo < 0 || m.acceptableUpTo >= m.highFrom) {
        return Error::badInput("risk matrix: acceptable-up-to must be at least 0 and below high-from (" +
                               std::to_string(m.highFrom) + "), not " + std::to_string(m.acceptableUpTo));
    }
    return {};
}

/// The score the acceptance criteria apply to: the residual one, else the inherent one.
int acceptedScore(const Risk& r) {
    return r.residualScore().value_or(r.score());
}

// Every rule of setRisk's documentation that needs only the matrix.
Result<void> checkRisk(const Risk& r, const RiskMatrix& m) {
    const std::string who = riskName(r.key) + ": ";
    if (blank(r.title)) return Error::badInput(who + "a risk needs a title");
    if (r.likelihood < 1 || r.likelihood > m.likelihoodLevels) {
        return Error::badInput(who + "likelihood " + std::to_string(r.likelihood) + " is outside the matrix (" +
                               range(m.likelihoodLevels) + ")");
    }
    if (r.impact < 1 || r.impact > m.impactLevels) {
        return Error::badInput(who + "impact " + std::to_string(r.impact) + " is outside the matrix (" +
                               range(m.impactLevels) + ")");
    }
    if (r.residualLikelihood.has_value() != r.residualImpact.has_value()) {
        return Error::badInput(who + "give both residual likelihood and residual impact, or neither");
    }
    if (r.residualLikelihood) {
        if (*r.residualLikelihood < 1 || *r.residualLikelihood > m.likelihoodLevels) {
            return Error::badInput(who + "residual likelihood " + std::to_string(*r.residualLikelihood) +
                                   " is outside the matrix (" + range(m.likelihoodLevels) + ")");
        }
        if (*r.residualImpact < 1 || *r.residualImpact > m.impactLevels) {
            return Error::badInput(who + "residual impact " + std::to_string(*r.residualImpact) +
                                   " is outside the matrix (" + range(m.impactLevels) + ")");
        }
        // Treatment lowers a risk; a residual above the inherent risk is a scoring mistake.
        if (*r.residualLikelihood > r.likelihood) {
            return Error::badInput(who + "residual likelihood " + std::to_string(*r.residualLikelihood) +
                                   " is above the inherent likelihood " + std::to_string(r.likelihood));
        }
        if (*r.residualImpact > r.impact) {
            return Error::badInput(who + "residual impact " + std::to_string(*r.residualImpact) +
                                   " is above the inherent impact " + std::to_string(r.impact));
        }
    }
    if (r.treatment == Treatment::Modify && r.controls.empty()) {
        return Error::badInput(who + "treatment 'modify' needs the Annex A controls chosen (e.g. A.5.15)");
    }
    const bool accepting = !r.acceptedBy.empty() || r.acceptedOn.has_value();
    if (accepting) {
        if (r.acceptedBy.empty()) return Error::badInput(who + "an acceptance date needs who accepted (accepted-by)");
        if (!r.acceptedOn) return Error::badInput(who + "acceptance by " + inQuotes(r.acceptedBy) + " needs a date");
        if (r.owner.empty()) return Error::badInput(who + "only the risk owner can accept a risk; set the owner first");
        if (r.acceptedBy != r.owner) {
            return Error::badInput(who + "accepted by " + inQuotes(r.acceptedBy) + ", but only the risk owner " +
                                   inQuotes(r.owner) + " can accept it");
        }
        if (acceptedScore(r) > m.acceptableUpTo) {
            return Error::badInput(who + (r.residualScore() ? "residual" : "inherent") + " score " +
                                   std::to_string(acceptedScore(r)) +
                                   " is above the risk acceptance criteria (scores up to " +
                                   std::to_string(m.acceptableUpTo) + " may be accepted); it cannot be accepted");
        }
    }
    return {};
}

// "A.5.15" or "iso27001-2022:A.5.15" → the control's id, when it is an assessable Annex A control.
Result<std::int64_t> annexControl(db::Database& db, std::string_view riskKey, std::string_view given) {
    auto found = db::lookupAnnexControl(db, given);
    if (!found) return found.error();
    using Outcome = db::AnnexLookup::Outcome;
    if (found->outcome == Outcome::Found) return found->control.id;
    return Error::badInput(riskName(riskKey) + ": " + (found->outcome == Outcome::OtherFramework ? "control " : "") +
                           inQuotes(given) + " is not an Annex A control of " + std::string(kHubFramework) +
                           " (expected e.g. A.5.15)");
}

Result<std::int64_t> assetId(db::Database& db, std::string_view riskKey, std::string_view key) {
    auto id = db::findId(db, "SELECT id FROM assets WHERE key = ?1", key);
    if (!id) return id.error();
    if (!*id) return Error::badInput(riskName(riskKey) + ": unknown asset " + inQuotes(key));
    return **id;
}

// Risks with their assets and controls: three queries; `only` restricts to one key.
Result<std::vector<Risk>> load(db::Database& db, std::optional<std::string_view> only) {
    std::vector<Risk> out;
    std::map<std::int64_t, std::size_t> index;
    db::DateColumns dates(db);
    auto s = db.cached(
        "SELECT id, key, title, threat, vulnerability, owner, likelihood, impact, treatment, residual_likelihood, "
        "residual_impact, accepted_by, accepted_on, notes FROM risks WHERE ?1 IS NULL OR key = ?1 ORDER BY key");
    if (!s) return s.error();
    (*s)->bindAll(only);
    if (auto r = (*s)->each([&] {
            const auto& q = **s;
            Risk risk;
            risk.key = q.text(1);
            risk.title = q.text(2);
            risk.threat = q.text(3);
            risk.vulnerability = q.text(4);
            risk.owner = q.text(5);
            risk.likelihood = static_cast<int>(q.integer(6));
            risk.impact = static_cast<int>(q.integer(7));
            if (!q.isNull(8)) risk.treatment = parseTreatment(q.text(8));
            if (auto v = q.optionalInteger(9)) risk.residualLikelihood = static_cast<int>(*v);
            if (auto v = q.optionalInteger(10)) risk.residualImpact = static_cast<int>(*v);
            risk.acceptedBy = q.text(11);
            risk.acceptedOn = dates.optional(q, 12, "risks.accepted_on of " + risk.key);
            risk.notes = q.text(13);
            index.emplace(q.integer(0), out.size());
            out.push_back(std::move(risk));
        });
        !r) {
        return r.error();
    }
    if (dates.error()) return *dates.error();
    auto assets = db.cached(
        "SELECT ra.risk_id, a.key FROM risk_assets ra JOIN assets a ON a.id = ra.asset_id "
        "JOIN risks r ON r.id = ra.risk_id WHERE ?1 IS NULL OR r.key = ?1 ORDER BY a.key");
    if (!assets) return assets.error();
    (*assets)->bindAll(only);
    if (auto r = (*assets)->each([&] {
            const auto it = index.find((*assets)->integer(0));
            if (it != index.end()) out[it->second].assets.push_back((*assets)->text(1));
        });
        !r) {
        return r.error();
    }
    auto controls = db.cached(
        "SELECT rc.risk_id, c.ref FROM risk_controls rc JOIN controls c ON c.id = rc.control_id "
        "JOIN risks r ON r.id = rc.risk_id WHERE ?1 IS NULL OR r.key = ?1 ORDER BY c.position");
    if (!controls) return controls.error();
    (*controls)->bindAll(only);
    if (auto r = (*controls)->each([&] {
            const auto it = index.find((*controls)->integer(0));
            if (it != index.end()) out[it->second].controls.push_back((*controls)->text(1));
        });
        !r) {
        return r.error();
    }
    return out;
}

}  // namespace

Result<RiskMatrix> riskMatrix(Workspace& ws) {
    auto& db = db::connection(ws);
    auto s = db.cached(
        "SELECT likelihood_levels, impact_levels, likelihood_names, impact_names, medium_from, high_from, "
        "acceptable_up_to FROM risk_matrix WHERE id = 1");
    if (!s) return s.error();
    auto row = (*s)->step();
    if (!row) return row.error();
    RiskMatrix m;  // no row: the defaults
    if (*row) {
        const auto& q = **s;
        m.likelihoodLevels = static_cast<int>(q.integer(0));
        m.impactLevels = static_cast<int>(q.integer(1));
        m.likelihoodNames = db::fromJsonArray(q.text(2));
        m.impactNames = db::fromJsonArray(q.text(3));
        m.mediumFrom = static_cast<int>(q.integer(4));
        m.highFrom = static_cast<int>(q.integer(5));
        m.acceptableUpTo = static_cast<int>(q.integer(6));
    }
    (*s)->reset();
    return m;
}

Result<void> setRiskMatrix(Workspace& ws, const RiskMatrix& matrix) {
    if (auto r = checkMatrix(matrix); !r) return r;
    auto& db = db::connection(ws);
    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    // Recorded risks must still fit: their scores on the grid and their acceptance within the criteria.
    auto recorded = load(db, std::nullopt);
    if (!recorded) return recorded.error();
    for (const auto& r : *recorded) {
        const bool outside = r.likelihood > matrix.likelihoodLevels || r.impact > matrix.impactLevels ||
                             r.residualLikelihood.value_or(1) > matrix.likelihoodLevels ||
                             r.residualImpact.value_or(1) > matrix.impactLevels;
        if (outside) {
            return Error::badInput("risk matrix: risk " + inQuotes(r.key) + " is scored likelihood " +
                                   std::to_string(r.likelihood) + ", impact " + std::to_string(r.impact) +
                                   (r.residualScore() ? " (residual " + std::to_string(*r.residualLikelihood) + ", " +
                                                            std::to_string(*r.residualImpact) + ")"
                                                      : std::string()) +
                                   ", outside a " + std::to_string(matrix.likelihoodLevels) + " × " +
                                   std::to_string(matrix.impactLevels) + " matrix; rescore it first");
        }
        if (r.acceptedOn && acceptedScore(r) > matrix.acceptableUpTo) {
            return Error::badInput("risk matrix: risk " + inQuotes(r.key) + " was accepted at score " +
                                   std::to_string(acceptedScore(r)) + ", above the new acceptance criteria (up to " +
                                   std::to_string(matrix.acceptableUpTo) +
                                   "); withdraw or revisit that acceptance first");
        }
    }
    auto s = db.cached(
        "INSERT INTO risk_matrix(id, likelihood_levels, impact_levels, likelihood_names, impact_names, medium_from, "
        "high_from, acceptable_up_to) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET "
        "likelihood_levels = excluded.likelihood_levels, impact_levels = excluded.impact_levels, "
        "likelihood_names = excluded.likelihood_names, impact_names = excluded.impact_names, "
        "medium_from = excluded.medium_from, high_from = excluded.high_from, "
        "acceptable_up_to = excluded.acceptable_up_to");
    if (!s) return s.error();
    (*s)->bindAll(matrix.likelihoodLevels, matrix.impactLevels, db::toJsonArray(matrix.likelihoodNames),
                  db::toJsonArray(matrix.impactNames), matrix.mediumFrom, matrix.highFrom, matrix.acceptableUpTo);
    if (auto r = (*s)->run(); !r) return r;
    return tx->commit();
}

Result<std::vector<Risk>> risks(Workspace& ws) {
    return load(db::connection(ws), std::nullopt);
}

Result<Risk> risk(Workspace& ws, std::string_view key) {
    auto found = load(db::connection(ws), key);
    if (!found) return found.error();
    if (found->empty()) return Error::notFound("unknown risk " + inQuotes(key));
    return std::move(found->front());
}

Result<Risk> setRisk(Workspace& ws, Risk risk) {
    auto& db = db::connection(ws);
    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    if (!risk.key.empty()) {
        if (auto r = db::checkKey("risk", risk.key); !r) return r.error();
    }
    auto matrix = riskMatrix(ws);
    if (!matrix) return matrix.error();
    if (auto r = checkRisk(risk, *matrix); !r) return r.error();
    std::set<std::int64_t> assetIds;
    for (const auto& key : risk.assets) {
        auto id = assetId(db, risk.key, key);
        if (!id) return id.error();
        assetIds.insert(*id);
    }
    std::set<std::int64_t> controlIds;
    for (const auto& ref : risk.controls) {
        auto id = annexControl(db, risk.key, ref);
        if (!id) return id.error();
        controlIds.insert(*id);
    }
    if (risk.key.empty()) {
        auto key = db::nextNumberedKey(db, "risks", "R-", 2);
        if (!key) return key.error();
        risk.key = *key;
    }

    auto upsert = db.cached(
        "INSERT INTO risks(key, title, threat, vulnerability, owner, likelihood, impact, treatment, "
        "residual_likelihood, residual_impact, accepted_by, accepted_on, notes, updated_at) VALUES "
        "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, " +
        std::string(db::kNowSql) +
        ") "
        "ON CONFLICT(key) DO UPDATE SET title = excluded.title, threat = excluded.threat, "
        "vulnerability = excluded.vulnerability, owner = excluded.owner, likelihood = excluded.likelihood, "
        "impact = excluded.impact, treatment = excluded.treatment, residual_likelihood = excluded.residual_likelihood, "
        "residual_impact = excluded.residual_impact, accepted_by = excluded.accepted_by, "
        "accepted_on = excluded.accepted_on, notes = excluded.notes, updated_at = excluded.updated_at "
        "RETURNING id");
    if (!upsert) return upsert.error();
    const std::optional<std::string> treatment =
        risk.treatment ? std::optional<std::string>(toString(*risk.treatment)) : std::nullopt;
    (*upsert)->bindAll(risk.key, risk.title, risk.threat, risk.vulnerability, risk.owner, risk.likelihood, risk.impact,
                       treatment, risk.residualLikelihood, risk.residualImpact, risk.acceptedBy,
                       db::dateText(risk.acceptedOn), risk.notes);
    auto row = (*upsert)->step();
    if (!row) return row.error();
    if (!*row) return Error::internal("risk " + inQuotes(risk.key) + ": the upsert returned no id");
    const std::int64_t id = (*upsert)->integer(0);
    if (auto done = (*upsert)->step(); !done) return done.error();  // finish the statement
    (*upsert)->reset();

    auto clearAssets = db.cached("DELETE FROM risk_assets WHERE risk_id = ?1");
    auto clearControls = db.cached("DELETE FROM risk_controls WHERE risk_id = ?1");
    auto addAsset = db.cached("INSERT INTO risk_assets(risk_id, asset_id) VALUES (?1, ?2)");
    auto addControl = db.cached("INSERT INTO risk_controls(risk_id, control_id) VALUES (?1, ?2)");
    if (!clearAssets) return clearAssets.error();
    if (!clearControls) return clearControls.error();
    if (!addAsset) return addAsset.error();
    if (!addControl) return addControl.error();
    (*clearAssets)->bindAll(id);
    if (auto r = (*clearAssets)->run(); !r) return r.error();
    (*clearControls)->bindAll(id);
    if (auto r = (*clearControls)->run(); !r) return r.error();
    for (const std::int64_t asset : assetIds) {
        (*addAsset)->bindAll(id, asset);
        if (auto r = (*addAsset)->run(); !r) return r.error();
    }
    for (const std::int64_t control : controlIds) {
        (*addControl)->bindAll(id, control);
        if (auto r = (*addControl)->run(); !r) return r.error();
    }
    if (auto r = tx->commit(); !r) return r.error();
    return cw::risk(ws, risk.key);
}

Result<void> removeRisk(Workspace& ws, std::string_view key) {
    auto& db = db::connection(ws);
    auto s = db.cached("DELETE FROM risks WHERE key = ?1");
    if (!s) return s.error();
    (*s)->bindAll(key);
    if (auto r = (*s)->run(); !r) return r;
    if (db.changes() == 0) return Error::notFound("unknown risk " + inQuotes(key));
    return {};
}

}  // namespace cw
