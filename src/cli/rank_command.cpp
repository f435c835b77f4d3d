// `ccnscore rank`: score a round and print or write the ranking.

#include "cli/commands.hpp"
#include "cli/usage_error.hpp"
#include "cli/output.hpp"
#include "load/round_load.hpp"
#include "render/messages.hpp"
#include "render/render.hpp"
#include "score/score.hpp"

#include "render/xlsx.hpp"
#include "util/file.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <map>
#include <memory>

namespace ccn {

namespace {

enum class Format { table, json, csv, md, xlsx };

struct RankOptions
{
  std::vector<std::string> files;
  std::string criteria;
  std::string format_name = "table";
  std::string output;
};

// The workbook goes to a temporary file beside the target, renamed when whole.
int write_workbook(const RankOptions& opt, const RoundBundle& bundle, const RoundResult& result, Console& console)
{
  if (opt.output.empty()) {
    print_error(console, "ccnscore rank", "usage_xlsx_needs_output");
    return k_exit_usage;
  }
  if (int rc = refuse_input(opt.output, bundle.inputs, console); rc != k_exit_ok) {
    return rc;
  }
  if (int rc = check_target(opt.output, console); rc != k_exit_ok) {
    return rc;
  }
  const Lang lang = console.lang;
  std::vector<std::string> notes;
  std::string why = write_file_atomic_with(
    opt.output, [&](int, const std::string& tmp) { return write_xlsx(result, tmp, lang, notes); });
  if (!why.empty()) {
    print_error(console, opt.output, "cannot_write", {{"reason", why}});
    return k_exit_io;
  }
  for (const auto& note : notes) {
    console.err << terminal_safe(opt.output + ": " + tr(lang, "severity_warning") + ": " + note) << "\n";
  }
  return k_exit_ok;
}

int run_rank(const RankOptions& opt, Console& console)
{
  Diagnostics diags;
  std::optional<RoundBundle> bundle;
  if (!opt.criteria.empty()) {
    bundle = load_direct(opt.criteria, opt.files, diags);
  } else if (opt.files.size() != 1) {
    print_error(console, "ccnscore rank", "usage_rank_files");
    return k_exit_usage;
  } else {
    bundle = load_round(opt.files.front(), diags);
  }
  if (!bundle) {
    return report(diags, console);
  }
  adopt_criteria_language(console, bundle->criteria);
  auto result = score_round(*bundle, diags);
  if (!result) {
    return report(diags, console);
  }
  static const std::map<std::string, Format> k_formats{
    {"table", Format::table}, {"json", Format::json}, {"csv", Format::csv}, {"md", Format::md},
    {"xlsx", Format::xlsx}};
  if (k_formats.at(opt.format_name) == Format::xlsx) {
    return write_workbook(opt, *bundle, *result, console);
  }
  std::string text;
  switch (k_formats.at(opt.format_name)) {
  case Format::table:
    text = render_table(*result, opt.output.empty() && console.out_is_terminal && !console.no_color, console.lang);
    break;
  case Format::json:
    text = render_json(*result, console.lang);
    break;
  case Format::csv:
    text = render_csv(*result, console.lang);
    break;
  case Format::md:
    text = render_markdown(*result, console.lang);
    break;
  case Format::xlsx:
    break;
  }
  if (opt.output.empty()) {
    console.out << text;
    return report(diags, console);
  }
  if (k_formats.at(opt.format_name) == Format::csv) {
    text.insert(0, k_csv_file_bom);
  }
  if (int rc = write_output(opt.output, text, bundle->inputs, console); rc != k_exit_ok) {
    return rc;
  }
  return report(diags, console);
}

} // namespace

CLI::App* add_rank_command(CLI::App& app, Action& action)
{
  auto opt = std::make_shared<RankOptions>();
  CLI::App* cmd = app.add_subcommand("rank");
  cmd->add_option("files", opt->files)->type_name("FILE")->required();
  cmd->add_option("--criteria", opt->criteria)->type_name("FILE")->check(k_path_value);
  cmd->add_option("-f,--format", opt->format_name)->type_name("")
    ->check(CLI::IsMember({"table", "json", "csv", "md", "xlsx"}));
  cmd->add_option("-o,--output", opt->output)->type_name("FILE")->check(k_path_value);
  cmd->callback([opt, &action] { action = [opt](Console& c) { return run_rank(*opt, c); }; });
  return cmd;
}

} // namespace ccn
