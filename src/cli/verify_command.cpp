// `ccnscore verify RESULT.json`: for auditors, check that an archived result
// still stands: every input unchanged, and the round recomputes identically.

#include "cli/commands.hpp"
#include "cli/usage_error.hpp"
#include "render/diagnostic_text.hpp"
#include "render/messages.hpp"
#include "util/text.hpp"
#include "verify/verify.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace ccn {

// Exit status of verify when an input changed or the result differs.
inline constexpr int k_exit_differs = 4;

namespace {

struct VerifyOptions
{
  std::string result;
  std::string root;
};

// A finding of verify, as a line in the console's language.
void say(Console& console, const Message& m)
{
  console.out << terminal_safe(tr(console.lang, m.key, m.args)) << '\n';
}

int run_verify(const VerifyOptions& opt, Console& console)
{
  Verification v = verify_result(opt.result, opt.root, [&console](const Criteria& criteria) {
    adopt_criteria_language(console, criteria);
    return console.lang;
  });
  if (!v.result_errors.empty()) {
    const std::string at = v.result_line > 0 ? fmt::format("{}:{}:{}", opt.result, v.result_line, v.result_column)
                                              : opt.result;
    for (const auto& e : v.result_errors) {
      print_error(console, at, e.key, e.args);
    }
    return v.result_unreadable ? k_exit_io : k_exit_invalid;
  }
  if (v.version_note) {
    say(console, *v.version_note);
  }
  if (v.recompute == Verification::Recompute::failed) {
    adopt_language_read(console, v.diags);
    print_diagnostics(v.diags, console.err, console.lang);
    for (const auto& p : v.problems) {
      say(console, p);
    }
    if (!v.problems.empty()) {
      say(console, {"verify_not_verified_changed_invalid", {}});
      return k_exit_differs;
    }
    say(console, {"verify_not_verified_invalid", {{"matched", std::string_view(std::to_string(v.matched))}}});
    return v.diags.has_io_errors() ? k_exit_io : k_exit_invalid;
  }
  for (const auto& p : v.problems) {
    say(console, p);
  }
  // Not one recorded input found: most likely the paths start elsewhere.
  if (v.matched == 0 && !v.problems.empty()
      && std::all_of(v.problems.begin(), v.problems.end(), [](const Message& p) { return p.key == "verify_missing"; })) {
    if (!opt.root.empty()) {
      say(console, {"verify_hint_root_given", {}});
    } else if (!v.recorded_root.empty()) {
      say(console, {"verify_hint_root_recorded", {{"folder", v.recorded_root}}});
    } else {
      say(console, {"verify_hint_root", {}});
    }
  }
  for (const auto& n : v.notes) {
    say(console, n);
  }
  const std::string matched_text = std::to_string(v.matched);
  const std::string total_text = std::to_string(v.total);
  if (!v.problems.empty()) {
    say(console, {"verify_not_verified",
                  {{"matched", matched_text}, {"total", total_text}, {"problems", v.problems.size()}}});
    return k_exit_differs;
  }
  if (!v.notes.empty()) {
    say(console,
        {"verify_verified_comments", {{"matched", matched_text}, {"total", total_text}, {"sheets", v.notes.size()}}});
    return k_exit_ok;
  }
  say(console, {"verify_verified", {{"total", total_text}}});
  return k_exit_ok;
}

} // namespace

CLI::App* add_verify_command(CLI::App& app, Action& action)
{
  auto opt = std::make_shared<VerifyOptions>();
  CLI::App* cmd = app.add_subcommand("verify");
  cmd->add_option("result", opt->result)->type_name("FILE")->required();
  cmd->add_option("--root", opt->root)->type_name("DIR")->check(k_existing_folder);
  cmd->callback([opt, &action] { action = [opt](Console& c) { return run_verify(*opt, c); }; });
  return cmd;
}

} // namespace ccn
