// `ccnscore sheet`: blank score sheets for council members to fill in.

#include "cli/commands.hpp"
#include "cli/usage_error.hpp"
#include "render/blank_sheet.hpp"
#include "render/messages.hpp"
#include "cli/output.hpp"
#include "cli/sheet_workbooks.hpp"
#include "load/round_load.hpp"
#include "render/minutes.hpp"
#include "score/score.hpp"
#include "util/file.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <memory>

namespace ccn {

// What `check` says of a score still holding it (see Reader::number).

namespace {

struct SheetOptions
{
  std::string round;
  std::string member;
  bool all = false;
  std::string output;
  std::string format = "yaml";
  bool force = false;
};

// The record of `member`'s absence from the meeting, if the round has one.
const Absence* absence_of(const Round& round, const std::string& member)
{
  if (round.meeting) {
    for (const Absence& a : round.meeting->absent) {
      if (a.member == member) {
        return &a;
      }
    }
  }
  return nullptr;
}

// The members whose sheets to write: the one asked for, or with --all every
// member but those the round records absent from the meeting (8.7), who
// hand in no sheet; each of those is named on standard error.
std::vector<const Member*> chosen_members(const SheetOptions& opt, const Round& round, Console& console)
{
  std::vector<const Member*> chosen;
  for (const Member& m : round.council->members) {
    if (!opt.all) {
      if (m.id == opt.member) {
        chosen.push_back(&m);
      }
      continue;
    }
    if (const Absence* absence = absence_of(round, m.id)) {
      console.err << terminal_safe(tr(console.lang, "sheet_member_absent", {{"member", m.id}, {"reason", absence->reason}}))
                  << "\n";
      continue;
    }
    chosen.push_back(&m);
  }
  return chosen;
}

// The arguments of the message that `member` is none of the round's
// members, which it lists.
MsgArgs not_a_member(const std::string& member, const Round& round)
{
  std::vector<std::string> ids;
  if (round.council) {
    for (const auto& m : round.council->members) {
      ids.push_back(m.id);
    }
  }
  return {{"member", member}, {"round", round.id}, MsgArg::list("members", ids)};
}

// `--format html`: one printable document, one A4 page per member chosen
// (the province's form 01), to standard output or the file given with -o.
int write_paper_sheets(const SheetOptions& opt, const RoundBundle& b, const std::vector<bool>& passed,
                       Console& console)
{
  std::vector<const Member*> chosen = chosen_members(opt, b.round, console);
  if (chosen.empty() && !opt.all) {
    print_error(console, "ccnscore sheet", "usage_not_a_member", not_a_member(opt.member, b.round));
    return k_exit_usage;
  }
  std::string text = render_paper_sheets_html(b, chosen, passed, console.lang);
  if (opt.output.empty()) {
    console.out << text;
    return k_exit_ok;
  }
  return write_output(opt.output, text, b.inputs, console, opt.force);
}

int run_sheet(const SheetOptions& opt, Console& console)
{
  if (opt.all == !opt.member.empty()) {
    print_error(console, "ccnscore sheet", "usage_sheet_member_or_all");
    return k_exit_usage;
  }
  if (opt.format == "xlsx" && opt.output.empty()) {
    print_error(console, "ccnscore sheet", "usage_sheet_xlsx_needs_output");
    return k_exit_usage;
  }
  if (opt.all && opt.output.empty() && opt.format != "html") {
    print_error(console, "ccnscore sheet", "usage_sheet_all_needs_output");
    return k_exit_usage;
  }
  Diagnostics diags;
  // The round may have no sheet yet: these are the sheets it waits for.
  auto bundle = load_round(opt.round, diags, SheetsNeeded::not_yet);
  if (!bundle) {
    return report(diags, console);
  }
  adopt_criteria_language(console, bundle->criteria);
  if (!bundle->round.council || !bundle->criteria.has_judged()) {
    print_error(console, opt.round, "sheet_nothing_to_score", {{"round", bundle->round.id}});
    return k_exit_invalid;
  }
  auto passed = evaluate_gates(*bundle, diags);
  if (!passed) {
    return report(diags, console);
  }
  const auto& members = bundle->round.council->members;
  if (opt.all && std::all_of(members.begin(), members.end(),
                             [&](const Member& m) { return absence_of(bundle->round, m.id) != nullptr; })) {
    print_error(console, opt.round, "sheet_all_absent", {{"round", bundle->round.id}});
    return k_exit_invalid;
  }
  if (opt.format == "html") {
    return write_paper_sheets(opt, *bundle, *passed, console);
  }
  if (opt.format == "xlsx") {
    std::vector<const Member*> chosen = chosen_members(opt, bundle->round, console);
    if (chosen.empty() && !opt.all) {
      print_error(console, "ccnscore sheet", "usage_not_a_member", not_a_member(opt.member, bundle->round));
      return k_exit_usage;
    }
    return write_sheet_workbooks(*bundle, chosen, *passed, console.lang, opt.output, opt.force, console);
  }
  if (!opt.all) {
    auto it = std::find_if(members.begin(), members.end(), [&](const Member& m) { return m.id == opt.member; });
    if (it == members.end()) {
      print_error(console, "ccnscore sheet", "usage_not_a_member", not_a_member(opt.member, bundle->round));
      return k_exit_usage;
    }
    std::string text = render_blank_sheet(*bundle, *it, *passed, console.lang);
    if (opt.output.empty()) {
      console.out << text;
      return k_exit_ok;
    }
    return write_output(opt.output, text, bundle->inputs, console, opt.force);
  }
  if (int rc = refuse_non_folder(opt.output, console); rc != k_exit_ok) {
    return rc;
  }
  std::error_code ec;
  std::filesystem::create_directories(opt.output, ec);
  if (ec) {
    print_error(console, opt.output, "cannot_create_folder", {MsgArg("reason", folder_reason(ec))});
    return k_exit_io;
  }
  // Every member's file is checked before any is written: one sheet in the
  // way leaves the folder as it was, not half the council's sheets new.
  int refused = k_exit_ok;
  const std::vector<const Member*> chosen = chosen_members(opt, bundle->round, console);
  for (const Member* m : chosen) {
    std::string path = (std::filesystem::path(opt.output) / (m->id + ".yaml")).string();
    if (int rc = check_output(path, bundle->inputs, console, opt.force); rc != k_exit_ok) {
      refused = std::max(refused, rc);
    }
  }
  if (refused != k_exit_ok) {
    return refused;
  }
  // All written or none: a full disk half-way leaves the folder as it was.
  FileSet written;
  for (const Member* m : chosen) {
    std::string path = (std::filesystem::path(opt.output) / (m->id + ".yaml")).string();
    if (std::string why = written.add(path, render_blank_sheet(*bundle, *m, *passed, console.lang)); !why.empty()) {
      print_error(console, path, "cannot_write", {{"reason", why}});
      return k_exit_io;
    }
  }
  if (std::string why = written.commit(); !why.empty()) {
    print_error(console, opt.output, "cannot_write", {{"reason", why}});
    return k_exit_io;
  }
  for (const Member* m : chosen) {
    std::string path = (std::filesystem::path(opt.output) / (m->id + ".yaml")).string();
    console.out << terminal_safe(tr(console.lang, "sheet_written", {{"path", path}, {"member", m->id}})) << "\n";
  }
  return k_exit_ok;
}

} // namespace

CLI::App* add_sheet_command(CLI::App& app, Action& action)
{
  auto opt = std::make_shared<SheetOptions>();
  CLI::App* cmd = app.add_subcommand("sheet");
  cmd->add_option("round", opt->round)->type_name("FILE")->required();
  cmd->add_option("--member", opt->member)->type_name("ID");
  cmd->add_flag("--all", opt->all);
  cmd->add_option("-o,--output", opt->output)->type_name("PATH")->check(k_path_value);
  cmd->add_option("-f,--format", opt->format)->type_name("")
    ->check(CLI::IsMember({"yaml", "xlsx", "html"}));
  cmd->add_flag("--force", opt->force);
  cmd->callback([opt, &action] { action = [opt](Console& c) { return run_sheet(*opt, c); }; });
  return cmd;
}

} // namespace ccn
