// `ccnscore report`: the rationale report for the minutes.

#include "cli/commands.hpp"
#include "cli/usage_error.hpp"
#include "cli/output.hpp"
#include "load/round_load.hpp"
#include "render/render.hpp"
#include "render/report.hpp"
#include "score/score.hpp"
#include "score/sensitivity.hpp"

#include <memory>

namespace ccn {

namespace {

struct ReportOptions
{
  std::string round;
  std::string format = "html";
  std::string output;
  bool no_robustness = false;
};

int run_report(const ReportOptions& opt, Console& console)
{
  int status = k_exit_ok;
  auto scored = load_and_score(opt.round, console, status);
  if (!scored) {
    return status;
  }
  const RoundBundle* bundle = &scored->bundle;
  const RoundResult* result = &scored->result;
  const Lang lang = console.lang;
  std::optional<Sensitivity> robust;
  if (!opt.no_robustness && opt.format != "md") {
    SmaaOptions smaa;
    smaa.samples = 20000;
    robust = analyse_sensitivity(*bundle, *result, smaa);
  }
  std::string text = opt.format == "md" ? render_markdown(*result, lang)
                                        : render_report_html(*result, lang, robust ? &*robust : nullptr);
  if (opt.output.empty()) {
    console.out << text;
    return k_exit_ok;
  }
  return write_output(opt.output, text, bundle->inputs, console);
}

} // namespace

CLI::App* add_report_command(CLI::App& app, Action& action)
{
  auto opt = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand("report");
  cmd->add_option("round", opt->round)->type_name("FILE")->required();
  cmd->add_option("-f,--format", opt->format)->type_name("")
    ->check(CLI::IsMember({"html", "md"}));
  cmd->add_option("-o,--output", opt->output)->type_name("FILE")->check(k_path_value);
  cmd->add_flag("--no-robustness", opt->no_robustness);
  cmd->callback([opt, &action] { action = [opt](Console& c) { return run_report(*opt, c); }; });
  return cmd;
}

} // namespace ccn
