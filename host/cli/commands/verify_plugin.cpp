// `crosswalk verify-plugin`: load one plugin file and report every problem.
#include "cli/commands/commands.hpp"
#include "cli/output.hpp"

#include <crosswalk/plugin_host/plugin_host.hpp>

#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;

namespace cw::cli {
namespace {

class VerifyPluginCommand {
public:
    explicit VerifyPluginCommand(CommandLine& cli) {
        auto* verify =
            cli.add("verify-plugin", "Load one plugin file and report every problem", [this] { return run(); });
        verify->add_option("file", m_file, "Plugin shared library")->required();
        verify->add_flag("--json", m_json, "Print JSON");
    }

private:
    int run() const {
        const fs::path file(m_file);
        std::error_code ec;
        if (!fs::exists(file, ec)) return fail(Error::badInput(file.string() + ": no such file"));
        PluginHost host;
        const PluginInfo& p = host.load(file);
        if (m_json) {
            printJson(std::cout, toJson(p));
        } else if (p.status == PluginStatus::Loaded) {
            std::size_t assessable = 0;
            for (const auto& f : p.catalog.frameworks) {
                for (const auto& c : f.controls) assessable += c.assessable ? 1 : 0;
            }
            std::cout << file.string() << ": OK — " << p.id << " " << p.version << " (ABI " << p.abiMajor << "."
                      << p.abiMinor << "), " << p.catalog.frameworks.size() << " framework(s), " << controlCount(p)
                      << " controls, " << assessable << " assessable" << (p.hasScope ? ", scoping rule" : "")
                      << (p.hasReadiness ? ", readiness checks" : "") << (p.hasPacks ? ", mapping packs" : "") << '\n';
        }
        if (p.status == PluginStatus::Rejected) {
            printRejected(p, std::cerr);
            return kExitBadInput;
        }
        return kExitOk;
    }

    std::string m_file;
    bool m_json = false;
};

}  // namespace

void addVerifyPlugin(CommandLine& cli) {
    cli.own<VerifyPluginCommand>();
}

}  // namespace cw::cli
