#include "cli/app.hpp"

#include "util/shared_library.hpp"

#include "cli/commands.hpp"
#include "cli/help.hpp"
#include "render/diagnostic_text.hpp"
#include "render/messages.hpp"
#include "cli/output.hpp"
#include "cli/usage_error.hpp"
#include "render/render.hpp"
#include "score/score.hpp"
#include "util/diag.hpp"
#include "util/shared_library.hpp"
#include "util/text.hpp"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <optional>

namespace ccn {

Lang locale_lang(const char* lc_all, const char* lc_messages, const char* lang)
{
  for (const char* v : {lc_all, lc_messages, lang}) {
    if (v != nullptr && *v != '\0') {
      return std::string_view(v).substr(0, 2) == "vi" ? Lang{"vi"} : Lang{"en"};
    }
  }
  return Lang{"en"};
}

void print_error(Console& console, const std::string& who, std::string_view key, const MsgArgs& args)
{
  console.err << terminal_safe(format_program_error(who, console.lang, key, args)) << '\n';
}

Lang console_lang_for(const Console& console, const Criteria& criteria)
{
  if (console.lang_asked) {
    return console.lang;
  }
  return Lang{criteria.language.empty() ? "en" : criteria.language};
}

void adopt_criteria_language(Console& console, const Criteria& criteria)
{
  console.lang = console_lang_for(console, criteria);
}

std::optional<Lang> language_read(const Diagnostics& diags)
{
  if (!diags.language()) {
    return std::nullopt;
  }
  return Lang{diags.language()->empty() ? "en" : *diags.language()};
}

void adopt_language_read(Console& console, const Diagnostics& diags)
{
  if (auto lang = language_read(diags); lang && !console.lang_asked) {
    console.lang = *lang;
  }
}

int report(const Diagnostics& diags, Console& console)
{
  adopt_language_read(console, diags);
  print_diagnostics(diags, console.err, console.lang);
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
  adopt_criteria_language(console, scored->bundle.criteria);
  auto result = score_round(scored->bundle, diags);
  if (!result) {
    status = report(diags, console);
    return nullptr;
  }
  scored->result = std::move(*result);
  return scored;
}

namespace {

// Register --lang on every command of `app`; the choice goes to `asked`.
void add_lang_options(CLI::App& app, std::optional<Lang>& asked)
{
  const std::vector<std::string> codes = Messages::built_in().languages();
  for (CLI::App* cmd : app.get_subcommands({})) {
    cmd->add_option_function<std::string>("--lang", [&asked](const std::string& code) { asked = Lang{code}; })
      ->type_name("")
      ->check(CLI::IsMember(codes));
  }
  // Also before the command (`ccnscore --lang vi rank ...`), as a
  // secretary who sets the language first writes it.
  app.add_option_function<std::string>("--lang", [&asked](const std::string& code) { asked = Lang{code}; })
    ->type_name("")
    ->check(CLI::IsMember(codes));
}

// The command names of `app`, for the message about an unknown one.
std::vector<std::string> command_names(CLI::App& app)
{
  std::vector<std::string> out;
  for (const CLI::App* s : app.get_subcommands({})) {
    out.push_back("“" + s->get_name() + "”");
  }
  return out;
}

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

// A library opened on first use (util/shared_library.hpp) that the system
// lacks: not a bug in ccnscore but an incomplete installation.
int report_missing_library(Console& console, const MissingLibrary& e) noexcept
{
  try {
    print_error(console, "ccnscore", "missing_library", {{"library", e.library()}, {"reason", e.reason()}});
    console.err.flush();
  } catch (...) {
    // The exit status still tells.
  }
  return k_exit_unavailable;
}

int parse_and_run(const std::vector<std::string>& args, Console& console)
{
  CLI::App app{"", "ccnscore"};
  app.set_version_flag("--version", std::string("ccnscore ") + k_tool_version);
  app.require_subcommand(1);
  app.fallthrough(false);
  app.failure_message([&console](const CLI::App*, const CLI::Error& e) {
    // An argument is quoted as typed: a file name from a hostile folder
    // (`ccnscore check *`) may hold an escape sequence.
    const Message why = usage_error_message(e);
    return terminal_safe(format_program_error("ccnscore", console.lang, why.key, why.args)) + "\n" +
           tr(console.lang, "usage_see_help") + "\n";
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
  std::optional<Lang> asked;
  add_lang_options(app, asked);
  // --help, and a usage error found before the options are parsed, still
  // speak --lang.
  console.lang = language_asked(args, console.lang);
  if (asks_for_help(args)) {
    localize_help(app, console.lang);
  }
  auto is_command = [&app](const std::string& name) {
    const auto subs = app.get_subcommands({});
    return std::any_of(subs.begin(), subs.end(), [&](const CLI::App* s) { return s->get_name() == name; });
  };
  // The command: the first argument, or the one after a leading `--lang X`.
  const size_t first = args.size() >= 2 && args[0] == "--lang" ? 2 : 0;
  if (args.size() > first && !args[first].empty() && args[first][0] != '-' && !is_command(args[first])) {
    print_error(console, "ccnscore", "usage_unknown_command",
                {{"command", args[first]}, MsgArg::list("commands", command_names(app))});
    console.err << tr(console.lang, "usage_see_help") << '\n';
    return k_exit_usage;
  }
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    if (asked) {
      console.lang = *asked;
    }
    int code = app.exit(e, console.out, console.err);
    return code == 0 ? k_exit_ok : k_exit_usage;
  }
  if (asked) {
    console.lang = *asked;
    console.lang_asked = true;
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
  } catch (const MissingLibrary& e) {
    return report_missing_library(console, e);
  } catch (const std::exception& e) {
    return report_internal_error(console, e.what());
  } catch (...) {
    return report_internal_error(console, "an exception of unknown type");
  }
}

int ccnscore_main(int argc, char** argv)
{
  guard_standard_descriptors();
  // A write past the file-size limit (`ulimit -f`) would kill the process
  // and leave its temporary files and batch's lock behind: ignored, the
  // write fails with EFBIG, which is said and cleaned up as any I/O error.
  std::signal(SIGXFSZ, SIG_IGN);
  std::vector<std::string> args(argv + 1, argv + argc);
  const char* no_color = std::getenv("NO_COLOR");
  Console console{std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1, no_color != nullptr && *no_color != '\0',
                  ::isatty(STDERR_FILENO) == 1,
                  locale_lang(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG"))};
  return finish_standard_output(run_cli(args, console));
}

} // namespace ccn
