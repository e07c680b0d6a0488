// The SoA drafting rule (soa_draft.hpp).
#include <crosswalk/analysis/soa_draft.hpp>

#include <crosswalk/model/text.hpp>

#include <map>
#include <utility>

namespace cw {
namespace {

constexpr std::size_t kRefsPerFramework = 6;  // in a drafted justification; the row keeps all

}  // namespace

std::string frameworkLabel(std::string_view framework) {
    static const std::map<std::string, std::string, std::less<>> kLabels = {
        {"iso27001-2022", "ISO 27001"},
        {"soc2-2017", "SOC 2"},
        {"hipaa", "HIPAA"},
        {"pci-dss-4.0.1", "PCI DSS"},
        {"gdpr", "GDPR"},
        {"nist-csf-2.0", "NIST CSF"},
        {"nist-sp800-53r5", "NIST SP 800-53"},
        {"iso27001-2013", "ISO 27001:2013"},
    };
    const auto it = kLabels.find(framework);
    return it != kLabels.end() ? it->second : std::string(framework);
}

std::string soaJustification(const std::vector<std::string>& risks, const std::vector<SoaDriver>& drivers) {
    std::string out;
    if (!risks.empty()) {
        out += (risks.size() == 1 ? "Treats risk " : "Treats risks ") + joined(risks) + ".";
    }
    if (!drivers.empty()) {
        std::vector<std::pair<std::string, std::vector<std::string>>> byFramework;
        for (const auto& d : drivers) {
            if (byFramework.empty() || byFramework.back().first != d.framework)
                byFramework.push_back({d.framework, {}});
            byFramework.back().second.push_back(d.ref);
        }
        std::vector<std::string> parts;
        for (const auto& [framework, refs] : byFramework) {
            parts.push_back(frameworkLabel(framework) + " " + joined(refs, ", ", kRefsPerFramework));
        }
        if (!out.empty()) out += ' ';
        out += "Required for ";
        out += joined(parts, "; ");
        out += '.';
    }
    return out;
}

SoaDraftDecision draftSoaRow(const std::optional<std::string>& exclusion, const std::vector<std::string>& risks,
                             const std::vector<SoaDriver>& drivers) {
    if (exclusion) return {false, *exclusion};
    if (risks.empty() && drivers.empty()) return {};
    return {true, soaJustification(risks, drivers)};
}

}  // namespace cw
