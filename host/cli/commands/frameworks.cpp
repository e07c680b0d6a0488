// `crosswalk frameworks`: the workspace's frameworks with their control counts.
#include "cli/commands/commands.hpp"
#include "cli/output.hpp"

#include <boost/json.hpp>

#include <iostream>

namespace json = boost::json;

namespace cw::cli {
namespace {

class FrameworksCommand {
public:
    explicit FrameworksCommand(CommandLine& cli) : m_global(cli.global()) {
        cli.add("frameworks", "List the workspace's frameworks with their control counts", [this] { return run(); })
            ->add_flag("--json", m_json, "Print JSON");
    }

private:
    int run() const {
        auto ws = Workspace::open(workspacePath(m_global), Workspace::OpenMode::MustExist);
        if (!ws) return fail(ws.error());
        auto frameworks = ws->frameworks();
        if (!frameworks) return fail(frameworks.error());
        if (m_json) {
            json::array list;
            for (const auto& f : *frameworks) list.push_back(toJson(f));
            printJson(std::cout, json::object{{"frameworks", std::move(list)}});
        } else {
            printFrameworks(*frameworks, std::cout);
        }
        return kExitOk;
    }

    const GlobalOptions& m_global;
    bool m_json = false;
};

}  // namespace

void addFrameworks(CommandLine& cli) {
    cli.own<FrameworksCommand>();
}

}  // namespace cw::cli
