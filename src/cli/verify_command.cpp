// `ccnscore verify RESULT.json`: for auditors, check that an archived result
// still stands: every input unchanged, and the round recomputes identically.

#include "cli/commands.hpp"
#include "cli/recorded.hpp"
#include "load/round_load.hpp"
#include "render/diagnostic_text.hpp"
#include "render/messages.hpp"
#include "render/render.hpp"
#include "score/score.hpp"
#include "util/file.hpp"
#include "util/json_exact.hpp"
#include "util/text.hpp"
#include "verify/compare.hpp"

#include <nlohmann/json.hpp>

#include <memory>

namespace ccn {

// Exit status of verify when an input changed or the result differs.
inline constexpr int k_exit_differs = 4;

namespace {

using Json = nlohmann::json;

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

// A difference between the recorded and the recomputed result or inputs.
Message differs(Message finding)
{
  return {"verify_differs", {{"finding", std::move(finding)}}};
}

int run_verify(const VerifyOptions& opt, Console& console)
{
  auto bytes = read_file(opt.result);
  if (auto* err = std::get_if<FileError>(&bytes)) {
    print_error(console, opt.result, "cannot_read", {{"reason", err->reason}});
    return err->too_large ? k_exit_invalid : k_exit_io;
  }
  // Numbers are read exactly, so that results compare to the last digit.
  Json rec = parse_exact(std::get<std::string>(bytes));
  if (rec.is_discarded() || !rec.is_object()) {
    print_error(console, opt.result, "verify_not_json");
    return k_exit_invalid;
  }
  if (!rec.contains("format")) {
    print_error(console, opt.result, "verify_no_format");
    return k_exit_invalid;
  }
  if (rec["format"].is_string() && rec["format"] != "ccnscore/result@1") {
    print_error(console, opt.result, "verify_wrong_format", {{"found", exact_text(rec["format"])}});
    return k_exit_invalid;
  }
  if (auto wrong = result_shape_problems(rec); !wrong.empty()) {
    for (const auto& w : wrong) {
      print_error(console, opt.result, w.key, w.args);
    }
    return k_exit_invalid;
  }
  std::vector<Recorded> inputs = recorded_inputs(rec, opt.result, opt.root);
  if (std::none_of(inputs.begin(), inputs.end(),
                   [](const Recorded& r) { return r.role == "round" || r.role == "criteria"; })) {
    print_error(console, opt.result, "verify_no_round_input");
    return k_exit_invalid;
  }
  auto round_it = std::find_if(inputs.begin(), inputs.end(), [](const Recorded& r) { return r.role == "round"; });
  std::vector<Message> problems;
  std::vector<std::pair<std::string, Message>> changed_sheets; // path, and its finding about the bytes
  std::vector<Message> notes;
  size_t matched = 0;
  bool any_missing = false;
  for (auto& in : inputs) {
    auto data = read_file(in.resolved);
    if (auto* err = std::get_if<FileError>(&data)) {
      problems.push_back({"verify_missing",
                          {{"role", input_role(in.role)},
                           {"path", in.path},
                           {"resolved", in.resolved},
                           {"reason", err->reason}}});
      any_missing = true;
      continue;
    }
    std::string actual = sha256_hex(std::get<std::string>(data));
    if (actual != in.sha256) {
      Message changed{"verify_changed",
                      {{"role", input_role(in.role)}, {"path", in.path}, {"recorded", in.sha256}, {"actual", actual}}};
      if (in.role == "sheet") {
        changed_sheets.emplace_back(in.path, changed); // said at the level of its scores once it is read
      } else {
        problems.push_back(changed);
      }
      continue;
    }
    ++matched;
  }
  std::string version = rec.value("tool", Json::object()).value("version", "unknown");
  bool version_differs = version != k_tool_version;
  auto version_note = [&] {
    if (version_differs) {
      say(console, {"verify_version_note", {{"recorded", version}, {"now", std::string_view(k_tool_version)}}});
    }
  };
  if (!any_missing) {
    Diagnostics diags;
    std::optional<RoundBundle> bundle;
    if (round_it != inputs.end()) {
      bundle = load_round(round_it->resolved, diags);
    } else {
      std::string criteria;
      std::vector<std::string> dossiers;
      for (const auto& in : inputs) {
        if (in.role == "criteria") {
          criteria = in.resolved;
        } else {
          dossiers.push_back(in.resolved);
        }
      }
      bundle = load_direct(criteria, dossiers, diags);
    }
    std::optional<RoundResult> result;
    if (bundle) {
      adopt_criteria_language(console, bundle->criteria);
      result = score_round(*bundle, diags);
    }
    version_note();
    if (!result) {
      for (const auto& [path, changed] : changed_sheets) {
        problems.push_back(changed);
      }
      print_diagnostics(diags, console.err, console.lang);
      for (const auto& p : problems) {
        say(console, p);
      }
      if (!problems.empty()) {
        say(console, {"verify_not_verified_changed_invalid", {}});
        return k_exit_differs;
      }
      say(console, {"verify_not_verified_invalid", {{"matched", std::string_view(std::to_string(matched))}}});
      return diags.has_io_errors() ? k_exit_io : k_exit_invalid;
    }
    Json now = parse_exact(render_json(*result, console.lang));
    for (const auto& [path, changed] : changed_sheets) {
      const Json* was = sheet_entry(rec, path);
      const Json* is = sheet_entry(now, path);
      if (was == nullptr || is == nullptr) {
        problems.push_back(changed);
        continue;
      }
      auto changes = score_changes(*was, *is);
      if (changes.empty()) {
        notes.push_back({"verify_sheet_comments_only", {{"path", path}}});
      }
      for (auto& c : changes) {
        problems.push_back({"verify_sheet_changed", {{"path", path}, {"change", std::move(c)}}});
      }
    }
    std::vector<InputFile> recorded;
    for (const auto& in : inputs) {
      recorded.push_back({in.role, in.path, in.resolved, in.sha256});
    }
    for (auto& d : compare_inputs(recorded, bundle->inputs)) {
      problems.push_back(differs(std::move(d)));
    }
    for (auto& d : compare_results(rec, now)) {
      problems.push_back(differs(std::move(d)));
    }
  } else {
    version_note();
    for (const auto& [path, changed] : changed_sheets) {
      problems.push_back(changed);
    }
  }
  for (const auto& p : problems) {
    say(console, p);
  }
  for (const auto& n : notes) {
    say(console, n);
  }
  const std::string matched_text = std::to_string(matched);
  const std::string total_text = std::to_string(inputs.size());
  if (!problems.empty()) {
    say(console, {"verify_not_verified",
                  {{"matched", matched_text}, {"total", total_text}, {"problems", problems.size()}}});
    return k_exit_differs;
  }
  if (!notes.empty()) {
    say(console,
        {"verify_verified_comments", {{"matched", matched_text}, {"total", total_text}, {"sheets", notes.size()}}});
    return k_exit_ok;
  }
  say(console, {"verify_verified", {{"total", total_text}}});
  return k_exit_ok;
}

} // namespace

CLI::App* add_verify_command(CLI::App& app, Action& action)
{
  auto opt = std::make_shared<VerifyOptions>();
  CLI::App* cmd = app.add_subcommand("verify", "Check an archived result against its inputs and recompute it");
  cmd->add_option("result", opt->result, "RESULT.json written by rank --format json")->required();
  cmd->add_option("--root", opt->root,
                  "Folder the recorded paths are relative to (default: the result file's folder)");
  cmd->callback([opt, &action] { action = [opt](Console& c) { return run_verify(*opt, c); }; });
  return cmd;
}

} // namespace ccn
