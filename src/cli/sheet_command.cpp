// `ccnscore sheet`: blank score sheets for council members to fill in.

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "load/round_load.hpp"
#include "render/minutes.hpp"
#include "score/score.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <memory>

namespace ccn {

// What `check` says of a score still holding it (see Reader::number).
inline constexpr const char* k_placeholder = "___";

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

const char* role_name(Role r)
{
  return r == Role::chair ? "chair" : r == Role::vice_chair ? "vice_chair" : "member";
}

// A YAML comment line safe for any text: no line breaks.
std::string comment_text(std::string s)
{
  for (char& c : s) {
    if (c == '\n' || c == '\r') {
      c = ' ';
    }
  }
  return s;
}

std::string blank_sheet(const RoundBundle& b, const Member& m, const std::vector<bool>& passed)
{
  const Criteria& c = b.criteria;
  std::string out;
  out += fmt::format("# Phiếu chấm điểm / score sheet: {}\n", comment_text(b.round.title));
  out += fmt::format("# Thành viên / member: {} {} ({})\n", m.id, comment_text(m.name), role_name(m.role));
  out += "# Replace every ___ with your points. An applicant you do not score (conflict of\n"
         "# interest) goes into 'recused' and its scores are removed. 'check' rejects this\n"
         "# sheet until every score is filled in.\n";
  out += "format: ccnscore/sheet@1\n";
  out += fmt::format("round: {}\n", b.round.id);
  out += fmt::format("member: {}\n", m.id);
  out += "recused: []\n";
  out += "scores:\n";
  std::string comments;
  for (size_t i = 0; i < b.dossiers.size(); ++i) {
    if (!passed[i]) {
      continue;
    }
    const Dossier& d = b.dossiers[i];
    out += fmt::format("  # {}\n  {}:\n", comment_text(d.name), d.id);
    comments += fmt::format("  {}:\n", d.id);
    for (const Criterion& cr : c.criteria) {
      if (cr.kind != ScoringKind::judged) {
        continue;
      }
      out += fmt::format("    {}: {}    # {}; 0 to {}{}\n", cr.id, k_placeholder, comment_text(cr.name),
                         number_text(cr.max), cr.step ? fmt::format(", step {}", number_text(*cr.step)) : "");
      comments += fmt::format("    {}:\n", cr.id);
    }
  }
  out += "# Optional: a comment explains a score that stands far from the others.\ncomments:\n" + comments;
  return out;
}

// `--format html`: one printable document, one A4 page per member chosen
// (the province's form 01), to standard output or the file given with -o.
int write_paper_sheets(const SheetOptions& opt, const RoundBundle& b, const std::vector<bool>& passed,
                       Console& console)
{
  std::vector<const Member*> chosen;
  for (const Member& m : b.round.council->members) {
    if (opt.all || m.id == opt.member) {
      chosen.push_back(&m);
    }
  }
  if (chosen.empty()) {
    console.err << fmt::format("ccnscore sheet: error: '{}' is not a member of the council of round '{}'\n",
                               terminal_safe(opt.member), b.round.id);
    return k_exit_usage;
  }
  std::string text = render_paper_sheets_html(b, chosen, passed, default_lang(b.criteria));
  if (opt.output.empty()) {
    console.out << text;
    return k_exit_ok;
  }
  return write_output(opt.output, text, b.inputs, console, opt.force);
}

int run_sheet(const SheetOptions& opt, Console& console)
{
  if (opt.all == !opt.member.empty()) {
    console.err << "ccnscore sheet: error: give either --member ID or --all\n";
    return k_exit_usage;
  }
  if (opt.all && opt.output.empty() && opt.format != "html") {
    console.err << "ccnscore sheet: error: --all needs -o DIR, the folder to write one sheet per member into\n";
    return k_exit_usage;
  }
  Diagnostics diags;
  auto bundle = load_round(opt.round, diags);
  if (!bundle) {
    return report(diags, console);
  }
  if (!bundle->round.council || !bundle->criteria.has_judged()) {
    console.err << fmt::format("{}: error: round '{}' has no council or its criteria have no judged criterion: "
                               "there is nothing to score on a sheet\n",
                               opt.round, bundle->round.id);
    return k_exit_invalid;
  }
  auto passed = evaluate_gates(*bundle, diags);
  if (!passed) {
    return report(diags, console);
  }
  const auto& members = bundle->round.council->members;
  if (opt.format == "html") {
    return write_paper_sheets(opt, *bundle, *passed, console);
  }
  if (!opt.all) {
    auto it = std::find_if(members.begin(), members.end(), [&](const Member& m) { return m.id == opt.member; });
    if (it == members.end()) {
      console.err << fmt::format("ccnscore sheet: error: '{}' is not a member of the council of round '{}'\n",
                                 terminal_safe(opt.member), bundle->round.id);
      return k_exit_usage;
    }
    std::string text = blank_sheet(*bundle, *it, *passed);
    if (opt.output.empty()) {
      console.out << text;
      return k_exit_ok;
    }
    return write_output(opt.output, text, bundle->inputs, console, opt.force);
  }
  std::error_code ec;
  std::filesystem::create_directories(opt.output, ec);
  if (ec) {
    console.err << fmt::format("{}: error: cannot create the folder: {}\n", opt.output, ec.message());
    return k_exit_io;
  }
  for (const Member& m : members) {
    std::string path = (std::filesystem::path(opt.output) / (m.id + ".yaml")).string();
    if (int rc = write_output(path, blank_sheet(*bundle, m, *passed), bundle->inputs, console, opt.force);
        rc != k_exit_ok) {
      return rc;
    }
    console.out << fmt::format("{}: blank sheet of member {}\n", path, m.id);
  }
  return k_exit_ok;
}

} // namespace

CLI::App* add_sheet_command(CLI::App& app, Action& action)
{
  auto opt = std::make_shared<SheetOptions>();
  CLI::App* cmd = app.add_subcommand("sheet", "Write blank score sheets for council members");
  cmd->add_option("round", opt->round, "ROUND.yaml")->required();
  cmd->add_option("--member", opt->member, "The member whose sheet to write");
  cmd->add_flag("--all", opt->all, "One sheet per member, into the folder given with -o");
  cmd->add_option("-o,--output", opt->output, "Write to FILE (or, with --all, into the folder DIR)");
  cmd->add_option("-f,--format", opt->format, "yaml (default) or html: printable paper sheets, one A4 page per member")
    ->check(CLI::IsMember({"yaml", "html"}));
  cmd->add_flag("--force", opt->force, "Replace sheets that already exist");
  cmd->callback([opt, &action] { action = [opt](Console& c) { return run_sheet(*opt, c); }; });
  return cmd;
}

} // namespace ccn
