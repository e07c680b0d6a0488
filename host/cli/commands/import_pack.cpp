// `crosswalk import-pack`: validate one mapping pack file and import it, all or nothing.
#include "cli/commands/commands.hpp"
#include "cli/mappings.hpp"
#include "cli/output.hpp"

#include <crosswalk/io/pack.hpp>
#include <crosswalk/io/paths.hpp>

#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;

namespace cw::cli {
namespace {

class ImportPackCommand {
public:
    explicit ImportPackCommand(CommandLine& cli) : m_global(cli.global()) {
        auto* importPack =
            cli.add("import-pack", "Validate a mapping pack and import it (all or nothing)", [this] { return run(); });
        importPack->add_option("file", m_file, "Pack JSON (sdk/schema/pack.schema.json)")->required();
        importPack->add_flag("--json", m_json, "Print JSON");
    }

private:
    int run() const {
        const fs::path file(m_file);
        auto text = readTextFile(file);
        if (!text) return fail(text.error());
        PackReading reading = readPack(*text);
        if (!reading.pack) {
            printProblems(file.string(), reading.problems);
            return kExitBadInput;
        }
        auto ws = Workspace::open(workspacePath(m_global), Workspace::OpenMode::MustExist);
        if (!ws) return fail(ws.error());
        auto result = ws->importPack(*reading.pack, fs::absolute(file).string(), reading.contentSha256);
        if (!result) return fail(result.error());
        if (!result->problems.empty()) {
            printProblems(file.string(), result->problems);
            return kExitBadInput;
        }
        if (m_json) {
            printJson(std::cout, toJson(*result));
        } else {
            std::cout << "Pack " << result->packId << " " << result->version << ": " << toString(result->action) << ", "
                      << result->mappings << " mappings" << (result->note.empty() ? "" : " (" + result->note + ")")
                      << '\n';
        }
        return kExitOk;
    }

    const GlobalOptions& m_global;
    std::string m_file;
    bool m_json = false;
};

}  // namespace

void addImportPack(CommandLine& cli) {
    cli.own<ImportPackCommand>();
}

}  // namespace cw::cli
