#include "cli/app.hpp"

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "render/render.hpp"
#include "score/score.hpp"
#include "util/diag.hpp"
#include "util/text.hpp"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace ccn {

int report(const Diagnostics& diags, Console& console)
{
  print_diagnostics(diags, console.err);
  if (diags.has_io_errors()) {
    return k_exit_io;
  }
  return diags.has_errors() ? k_exit_invalid : k_exit_ok;
}

std::unique_ptr<ScoredRound> load_and_score(const std::string& path, Console& console, int& status)
{
  Diagnostics diags;
  auto bundle = load_round(path, diags);
  if (!bundle) {
    status = report(diags, console);
    return nullptr;
  }
  auto scored = std::make_unique<ScoredRound>();
  scored->bundle = std::move(*bundle);
  auto result = score_round(scored->bundle, diags);
  if (!result) {
    status = report(diags, console);
    return nullptr;
  }
  scored->result = std::move(*result);
  return scored;
}

namespace {

// The one line that reports a bug; it must not throw in its turn.
int report_internal_error(Console& console, const char* what) noexcept
{
  try {
    console.err << "ccnscore: internal error: " << terminal_safe(what)
                << "; this is a bug in ccnscore, please report it with the command and its input files\n";
    console.err.flush();
  } catch (...) {
    // Nothing more can be said; the exit status still tells.
  }
  return k_exit_internal;
}

int parse_and_run(const std::vector<std::string>& args, Console& console)
{
  CLI::App app{"ccnscore: score and rank the applicants of an industrial-cluster investor selection round",
               "ccnscore"};
  app.set_version_flag("--version", std::string("ccnscore ") + k_tool_version);
  app.require_subcommand(1);
  app.fallthrough(false);
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return std::string("ccnscore: error: ") + e.what() + "\nRun 'ccnscore --help' for more information.\n";
  });
  Action action;
  add_check_command(app, action);
  add_rank_command(app, action);
  add_report_command(app, action);
  add_explain_command(app, action);
  add_sensitivity_command(app, action);
  add_sheet_command(app, action);
  add_verify_command(app, action);
  add_batch_command(app, action);
  add_init_command(app, action);
  auto is_command = [&app](const std::string& name) {
    const auto subs = app.get_subcommands({});
    return std::any_of(subs.begin(), subs.end(), [&](const CLI::App* s) { return s->get_name() == name; });
  };
  if (!args.empty() && !args.front().empty() && args.front()[0] != '-' && !is_command(args.front())) {
    console.err << "ccnscore: error: unknown command '" << terminal_safe(args.front())
                << "'; the commands are check, rank, report, explain, sensitivity, sheet, verify and batch\nRun 'ccnscore --help' for more information.\n";
    return k_exit_usage;
  }
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e, console.out, console.err);
    return code == 0 ? k_exit_ok : k_exit_usage;
  }
  return action ? action(console) : k_exit_usage;
}

} // namespace

int run_cli(const std::vector<std::string>& args, Console& console)
{
  return run_guarded(console, [&] { return parse_and_run(args, console); });
}

int run_guarded(Console& console, const std::function<int()>& command)
{
  try {
    return command();
  } catch (const std::exception& e) {
    return report_internal_error(console, e.what());
  } catch (...) {
    return report_internal_error(console, "an exception of unknown type");
  }
}

int ccnscore_main(int argc, char** argv)
{
  guard_standard_descriptors();
  std::vector<std::string> args(argv + 1, argv + argc);
  const char* no_color = std::getenv("NO_COLOR");
  Console console{std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1, no_color != nullptr && *no_color != '\0',
                  ::isatty(STDERR_FILENO) == 1};
  return finish_standard_output(run_cli(args, console));
}

} // namespace ccn
