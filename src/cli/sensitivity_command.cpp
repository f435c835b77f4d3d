// `ccnscore sensitivity`: how robust is the result?

#include "cli/commands.hpp"
#include "load/round_load.hpp"
#include "render/render.hpp"
#include "score/score.hpp"
#include "score/sensitivity.hpp"

#include <memory>

namespace ccn {

namespace {

struct SensitivityOptions
{
  std::string round;
  std::string format = "table";
  SmaaOptions smaa;
};

int run_sensitivity(const SensitivityOptions& opt, Console& console)
{
  int status = k_exit_ok;
  auto scored = load_and_score(opt.round, console, status);
  if (!scored) {
    return status;
  }
  Sensitivity s = analyse_sensitivity(scored->bundle, scored->result, opt.smaa);
  console.out << (opt.format == "json" ? render_sensitivity_json(s, scored->result, opt.smaa)
                                       : render_sensitivity_table(s, scored->result, opt.smaa));
  return k_exit_ok;
}

} // namespace

CLI::App* add_sensitivity_command(CLI::App& app, Action& action)
{
  auto opt = std::make_shared<SensitivityOptions>();
  CLI::App* cmd = app.add_subcommand("sensitivity", "How robust is the result: what would have changed the winner");
  cmd->add_option("round", opt->round, "ROUND.yaml")->required();
  cmd->add_option("-f,--format", opt->format, "table (default) or json")->check(CLI::IsMember({"table", "json"}));
  cmd->add_option("--samples", opt->smaa.samples, "SMAA samples (default 100000)")->check(CLI::Range(0ULL, 100000000ULL));
  cmd->add_option("--spread", opt->smaa.spread_percent, "Each weight varies within ± this percent (default 10)")
    ->check(CLI::Range(0.0, 100.0));
  cmd->add_option("--seed", opt->smaa.seed, "Seed of the sampling (default 1)");
  cmd->add_flag("--judged-range", opt->smaa.judged_range,
                "Also vary each judged criterion's points within the members' range");
  cmd->add_option("-j,--jobs", opt->smaa.threads, "Threads for the sampling (default: all cores)")
    ->check(CLI::Range(1u, 256u));
  cmd->callback([opt, &action] { action = [opt](Console& c) { return run_sensitivity(*opt, c); }; });
  return cmd;
}

} // namespace ccn
