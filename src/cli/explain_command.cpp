// `ccnscore explain ROUND.yaml APPLICANT [--vs OTHER]`: how one applicant's
// points came about, and what separates it from another.

#include "cli/commands.hpp"
#include "load/round_load.hpp"
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
};

std::string headline(const ApplicantResult& a, const Criteria& c, const Rational& scale)
{
  std::string out = fmt::format("{} — {}\n", a.id(), a.dossier->name);
  if (!a.total) {
    return out + "disqualified: it failed a gate and gets no points.\n";
  }
  std::string standing = a.rank ? fmt::format("rank {}{}, ", *a.rank, a.tied ? " (shared)" : "") : "";
  std::string status = status_name(a.status);
  std::replace(status.begin(), status.end(), '_', ' ');
  return out + fmt::format("{}{}; total {} of {} (exact {}); pass mark {}.\n", standing, status,
                           shown(*a.total, c.precision), number_text(scale), to_exact_string(a.total_exact),
                           number_text(c.pass_total));
}

void explain_points(std::string& out, const ApplicantResult& a, const Criteria& c)
{
  out += "\nGates:";
  for (const auto& g : a.gates) {
    out += fmt::format(" {} {};", g.id, g.passed ? "passed" : "FAILED");
  }
  out += "\n";
  for (const auto& r : a.reasons) {
    out += "  " + r + "\n";
  }
  if (a.criteria.empty()) {
    return;
  }
  out += "\nHow each point came about:\n";
  size_t name_width = 0;
  for (const auto& cr : c.criteria) {
    name_width = std::max(name_width, std::min<size_t>(display_width(cr.name), 40));
  }
  for (size_t i = 0; i < a.criteria.size(); ++i) {
    const Criterion& cr = c.criteria[i];
    std::string name = truncate_display(cr.name, 40);
    out += fmt::format("  {:<5} {}  {:>7}  {}\n", cr.id, pad_right(name, name_width), shown(a.criteria[i].shown, c.precision),
                       a.criteria[i].basis);
  }
  out += "\nGroups:";
  for (size_t gi = 0; gi < a.groups.size(); ++gi) {
    out += fmt::format(" {} {} (min {}{});", c.groups[gi].id, shown(a.groups[gi].points, c.precision),
                       number_text(a.groups[gi].min), a.groups[gi].passed ? "" : ", NOT MET");
  }
  out += "\n";
}

void explain_difference(std::string& out, const ApplicantResult& a, const ApplicantResult& b, const RoundResult& res)
{
  const Criteria& c = res.bundle->criteria;
  out += fmt::format("\nAgainst {} — {} ({}, total {}):\n", b.id(), b.dossier->name,
                     b.rank ? fmt::format("rank {}", *b.rank) : std::string(status_name(b.status)),
                     b.total ? shown(*b.total, c.precision) : "none");
  if (!a.total || !b.total) {
    out += "  no comparison: a disqualified applicant has no points.\n";
    return;
  }
  Rational margin = *a.total - *b.total;
  out += margin == 0 ? "  equal totals.\n"
                     : fmt::format("  {} points {}.\n", shown(abs(margin), c.precision), margin > 0 ? "ahead" : "behind");
  std::vector<std::pair<Rational, size_t>> diffs;
  for (size_t i = 0; i < a.criteria.size(); ++i) {
    Rational d = a.criteria[i].weighted - b.criteria[i].weighted;
    if (d != 0) {
      diffs.emplace_back(d, i);
    }
  }
  std::sort(diffs.begin(), diffs.end(), [](const auto& x, const auto& y) {
    return abs(x.first) != abs(y.first) ? abs(x.first) > abs(y.first) : x.second < y.second;
  });
  if (!diffs.empty()) {
    out += "  criteria that made the difference, largest first:\n";
  }
  for (const auto& [d, i] : diffs) {
    out += fmt::format("    {:<5} {:>8}  ({} against {})  {}\n", c.criteria[i].id,
                       (d > 0 ? "+" : "-") + number_text(abs(d)), number_text(a.criteria[i].weighted),
                       number_text(b.criteria[i].weighted), c.criteria[i].name);
  }
  if (margin == 0) {
    // The tie-break rules applied to a set holding both, in order, until one
    // gives them different values.
    for (const auto& t : res.tie_steps) {
      const std::string* va = nullptr;
      const std::string* vb = nullptr;
      for (const auto& [id, v] : t.values) {
        va = id == a.id() ? &v : va;
        vb = id == b.id() ? &v : vb;
      }
      if (va == nullptr || vb == nullptr) {
        continue;
      }
      if (*va != *vb) {
        out += fmt::format("  decided by the tie-break rule '{}': {} {}, {} {}\n", t.rule, a.id(), *va, b.id(), *vb);
        break;
      }
      out += fmt::format("  equal on the tie-break rule '{}' ({})\n", t.rule, *va);
    }
    if (a.tied && b.tied && a.rank == b.rank) {
      out += "  still tied after every tie-break rule: they share their rank.\n";
    }
  }
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
    print_error(console, "ccnscore explain", "usage_no_applicant", {{"applicant", opt.applicant}, {"round", bundle->round.id}});
    return k_exit_usage;
  }
  const ApplicantResult* other = nullptr;
  if (!opt.vs.empty()) {
    other = result->find(opt.vs);
    if (other == nullptr) {
      print_error(console, "ccnscore explain", "usage_no_applicant", {{"applicant", opt.vs}, {"round", bundle->round.id}});
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
  std::string out = headline(*a, bundle->criteria, result->scale);
  explain_points(out, *a, bundle->criteria);
  if (other != nullptr && other != a) {
    explain_difference(out, *a, *other, *result);
  }
  console.out << terminal_safe(out, true);
  return k_exit_ok;
}

} // namespace

CLI::App* add_explain_command(CLI::App& app, Action& action)
{
  auto opt = std::make_shared<ExplainOptions>();
  CLI::App* cmd = app.add_subcommand("explain", "Explain one applicant's points, and what separates it from another");
  cmd->add_option("round", opt->round, "ROUND.yaml")->required();
  cmd->add_option("applicant", opt->applicant, "The applicant's id")->required();
  cmd->add_option("--vs", opt->vs, "Compare with this applicant (default: the one just above, or below the first)");
  cmd->callback([opt, &action] { action = [opt](Console& c) { return run_explain(*opt, c); }; });
  return cmd;
}

} // namespace ccn
