// `ccnscore sensitivity`: how robust is the result?

#include "cli/commands.hpp"
#include "load/round_load.hpp"
#include "render/render.hpp"
#include "score/score.hpp"
#include "score/sensitivity.hpp"
#include "util/text.hpp"

#include <charconv>
#include <cmath>
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
  // The table is for the terminal, as rank's is: names from the criteria
  // are shown with their direction overrides as escapes.
  console.out << (opt.format == "json"
                    ? render_sensitivity_json(s, scored->result, opt.smaa)
                    : terminal_safe(render_sensitivity_table(s, scored->result, opt.smaa, console.lang), true));
  return k_exit_ok;
}

// A whole number written in digits only that fits 64 bits: CLI11 alone reads
// "-1" and "18446744073709551616" as 18446744073709551615.
const CLI::Validator k_seed_value(
  [](std::string& text) -> std::string {
    uint64_t value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || ec != std::errc() || ptr != end) {
      return "Value " + text + " not in range 0 to 18446744073709551615"; // CLI::Range's form (cli/usage_error.hpp)
    }
    return {};
  },
  "0..2^64-1");

// A finite percent in [0, 100]: CLI11's Range lets "nan" through.
const CLI::Validator k_spread_value(
  [](std::string& text) -> std::string {
    double value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value) || value < 0 || value > 100) {
      return "Value " + text + " not in range 0 to 100"; // CLI::Range's form (cli/usage_error.hpp)
    }
    return {};
  },
  "0..100");

} // namespace

CLI::App* add_sensitivity_command(CLI::App& app, Action& action)
{
  auto opt = std::make_shared<SensitivityOptions>();
  CLI::App* cmd = app.add_subcommand("sensitivity");
  cmd->add_option("round", opt->round)->type_name("FILE")->required();
  cmd->add_option("-f,--format", opt->format)->type_name("")->check(CLI::IsMember({"table", "json"}));
  cmd->add_option("--samples", opt->smaa.samples)->check(CLI::Range(0ULL, 100000000ULL));
  cmd->add_option("--spread", opt->smaa.spread_percent)
    ->check(k_spread_value);
  cmd->add_option("--seed", opt->smaa.seed)->check(k_seed_value);
  cmd->add_flag("--judged-range", opt->smaa.judged_range);
  cmd->add_option("-j,--jobs", opt->smaa.threads)
    ->check(CLI::Range(1u, 256u));
  cmd->callback([opt, &action] { action = [opt](Console& c) { return run_sensitivity(*opt, c); }; });
  return cmd;
}

} // namespace ccn
