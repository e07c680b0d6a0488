// `crosswalk applicability`: which requirements of a target framework apply, and why.
#include "cli/commands/commands.hpp"
#include "cli/listing.hpp"

#include <crosswalk/store/organization.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <iostream>

namespace json = boost::json;

namespace cw::cli {
namespace {

class ApplicabilityCommand {
public:
    explicit ApplicabilityCommand(CommandLine& cli) : m_global(cli.global()) {
        CommandBuilder c(cli, kOrganizationGroup, m_options.json);
        auto* applicable =
            c.add("applicability", "Which requirements of a target framework apply, and why", [this] { return run(); });
        applicable->add_option("framework", m_options.framework, "Target framework id")->required();
        applicable->add_flag("--not-applicable", m_options.notApplicable, "Only the requirements that do not apply");
    }

private:
    int run() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        auto rows = applicability(*ws, m_options.framework);
        if (!rows) return fail(rows.error());
        const auto applicable = static_cast<std::size_t>(
            std::count_if(rows->begin(), rows->end(), [](const auto& r) { return r.applies; }));
        if (m_options.notApplicable) std::erase_if(*rows, [](const Applicability& r) { return r.applies; });
        if (m_options.json) {
            // "applicable" as in `status show` and the SoA; the counts are the target's.
            const auto rowJson = [](const Applicability& r) {
                return json::object{
                    {"ref", r.ref}, {"title", r.title}, {"applicable", r.applies}, {"reason", r.reason}};
            };
            printJson(std::cout,
                      json::object{{"framework", m_options.framework},
                                   {"applicable", applicable},
                                   {"not_applicable", rows->size() - (m_options.notApplicable ? 0 : applicable)},
                                   {"requirements", jsonList(*rows, rowJson)}});
            return kExitOk;
        }
        Table table({"REF", "APPLIES", "TITLE", "REASON"});
        for (const auto& r : *rows) table.add({r.ref, r.applies ? "yes" : "no", clip(r.title, 50), r.reason});
        table.print(std::cout);
        std::cout << '\n'
                  << m_options.framework << ": " << applicable << " requirement(s) apply, "
                  << (m_options.notApplicable ? rows->size() : rows->size() - applicable) << " do not\n";
        return kExitOk;
    }

    struct Options {
        std::string framework;
        bool notApplicable = false;
        bool json = false;
    };

    const GlobalOptions& m_global;
    Options m_options;
};

}  // namespace

void addApplicability(CommandLine& cli) {
    cli.own<ApplicabilityCommand>();
}

}  // namespace cw::cli
