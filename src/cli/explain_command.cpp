// `ccnscore explain ROUND.yaml APPLICANT [--vs OTHER]`: how one applicant's
// points came about, and what separates it from another.

#include "cli/commands.hpp"
#include "load/round_load.hpp"
#include "render/explain.hpp"
#include "render/render.hpp"
#include "score/score.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <memory>

namespace ccn {

namespace {

struct ExplainOptions
{
  std::string round;
  std::string applicant;
  std::string vs;
  bool exact = false;
};

// The arguments of the message that `applicant` is none of the round's
// applicants, which it lists in the order of the dossiers.
MsgArgs no_applicant(const std::string& applicant, const RoundBundle& bundle)
{
  std::vector<std::string> ids;
  for (const auto& d : bundle.dossiers) {
    ids.push_back(d.id);
  }
  return {{"applicant", applicant}, {"round", bundle.round.id}, MsgArg::list("applicants", ids)};
}

int run_explain(const ExplainOptions& opt, Console& console)
{
  int status = k_exit_ok;
  auto scored = load_and_score(opt.round, console, status);
  if (!scored) {
    return status;
  }
  const RoundBundle* bundle = &scored->bundle;
  const RoundResult* result = &scored->result;
  const ApplicantResult* a = result->find(opt.applicant);
  if (a == nullptr) {
    print_error(console, "ccnscore explain", "usage_no_applicant", no_applicant(opt.applicant, *bundle));
    return k_exit_usage;
  }
  const ApplicantResult* other = nullptr;
  if (!opt.vs.empty()) {
    other = result->find(opt.vs);
    if (other == nullptr) {
      print_error(console, "ccnscore explain", "usage_no_applicant", no_applicant(opt.vs, *bundle));
      return k_exit_usage;
    }
  } else if (a->total) {
    // The applicant just above in the listing, or for the first, the one just below.
    auto it = std::find_if(result->applicants.begin(), result->applicants.end(),
                           [&](const ApplicantResult& x) { return &x == a; });
    if (it != result->applicants.begin()) {
      other = &*(it - 1);
    } else if (it + 1 != result->applicants.end() && (it + 1)->total) {
      other = &*(it + 1);
    }
  }
  console.out << terminal_safe(render_explain(*result, *a, other, console.lang, opt.exact), true);
  return k_exit_ok;
}

} // namespace

CLI::App* add_explain_command(CLI::App& app, Action& action)
{
  auto opt = std::make_shared<ExplainOptions>();
  CLI::App* cmd = app.add_subcommand("explain");
  cmd->add_option("round", opt->round)->type_name("FILE")->required();
  cmd->add_option("applicant", opt->applicant)->type_name("ID")->required();
  cmd->add_option("--vs", opt->vs)->type_name("ID");
  cmd->add_flag("--exact", opt->exact);
  cmd->callback([opt, &action] { action = [opt](Console& c) { return run_explain(*opt, c); }; });
  return cmd;
}

} // namespace ccn
