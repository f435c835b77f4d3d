#include "render/explain.hpp"

#include "render/messages.hpp"
#include "render/render.hpp"
#include "render/words.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ccn {

namespace {

std::string headline(const RoundResult& res, const ApplicantResult& a, const Locale& L, bool exact)
{
  const Criteria& c = res.bundle->criteria;
  std::string out = fmt::format("{} — {}\n", a.id(), a.dossier->name);
  if (!a.total) {
    return out + L.text("explain_disqualified") + "\n";
  }
  MsgArgs args{{"status", L.status(a.status)},
               {"total", L.fixed(*a.total, c.precision)},
               {"scale", L.number(res.scale)},
               {"pass", L.number(c.pass_total)}};
  if (a.rank) {
    args.emplace_back("rank", *a.rank);
    out += L.text(a.tied ? "explain_headline_shared_rank" : "explain_headline_rank", args);
  } else {
    out += L.text("explain_headline", args);
  }
  if (exact) {
    out += " " + L.text("explain_exact", {{"exact", to_exact_string(a.total_exact)}});
  }
  out += "\n";
  // Tied for first with nobody selected: say what the council must do (8.4).
  const auto& waiting = res.awaiting_proposal;
  if (std::find(waiting.begin(), waiting.end(), a.id()) != waiting.end()) {
    out += proposal_needed_line(res, L) + "\n";
  }
  return out;
}

void explain_points(std::string& out, const RoundResult& res, const ApplicantResult& a, const Locale& L, bool exact)
{
  const Criteria& c = res.bundle->criteria;
  out += "\n" + L.text("explain_gates") + "\n";
  if (c.gates.empty()) {
    out += "  " + L.text("explain_no_gates") + "\n";
  }
  for (const auto& g : a.gates) {
    out += "  " + L.text(g.passed ? "explain_gate_passed" : "explain_gate_failed", {{"gate", g.id}, {"name", g.name}}) + "\n";
  }
  // Only a failed gate belongs under the gates; a pass rule missed is said
  // after the groups, where its points are.
  for (const auto& r : a.reasons) {
    if (r.kind == Reason::Kind::gate_failed) {
      out += "  " + reason_words(res, r, L) + "\n";
    }
  }
  if (a.criteria.empty()) {
    return;
  }
  out += "\n" + L.text("explain_points") + "\n";
  size_t name_width = 0;
  for (const auto& cr : c.criteria) {
    name_width = std::max(name_width, std::min<size_t>(display_width(cr.name), 40));
  }
  for (size_t i = 0; i < a.criteria.size(); ++i) {
    const Criterion& cr = c.criteria[i];
    std::string name = truncate_display(cr.name, 40);
    std::string basis = criterion_basis(res, a, i, L);
    if (exact && cr.kind == ScoringKind::judged) {
      basis += " " + L.text("explain_exact", {{"exact", to_exact_string(a.criteria[i].points)}});
    }
    out += fmt::format("  {:<5} {}  {}  {}\n", cr.id, pad_right(name, name_width),
                       pad_left(L.fixed(a.criteria[i].shown, c.precision), 7), basis);
  }
  out += "\n" + L.text("explain_groups") + "\n";
  for (size_t gi = 0; gi < a.groups.size(); ++gi) {
    out += "  " + L.text(a.groups[gi].passed ? "explain_group_met" : "explain_group_not_met",
                         {{"group", c.groups[gi].name},
                          {"points", L.fixed(a.groups[gi].points, c.precision)},
                          {"minimum", L.number(a.groups[gi].min)}})
           + "\n";
  }
  bool heading = false;
  for (const auto& r : a.reasons) {
    if (r.kind != Reason::Kind::gate_failed) {
      out += heading ? "" : "\n" + L.text("report_not_qualified") + "\n";
      heading = true;
      out += "  " + reason_words(res, r, L) + "\n";
    }
  }
}

void explain_difference(std::string& out, const RoundResult& res, const ApplicantResult& a, const ApplicantResult& b,
                        const Locale& L)
{
  const Criteria& c = res.bundle->criteria;
  std::string standing = b.rank ? L.text("explain_rank", {{"rank", *b.rank}}) : L.status(b.status);
  out += "\n"
         + L.text("explain_against", {{"applicant", b.id()}, {"name", b.dossier->name}, {"standing", standing},
                                      {"total", b.total ? L.fixed(*b.total, c.precision) : "–"}})
         + "\n";
  if (!a.total || !b.total) {
    out += "  " + L.text("explain_no_comparison") + "\n";
    return;
  }
  Rational margin = *a.total - *b.total;
  if (margin == 0) {
    out += "  " + L.text("explain_equal_totals") + "\n";
  } else {
    out += "  " + L.text(margin > 0 ? "explain_ahead" : "explain_behind", {{"points", points_words(L, c, abs(margin))}}) + "\n";
  }
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
    out += "  " + L.text("explain_differences") + "\n";
  }
  for (const auto& [d, i] : diffs) {
    // A difference too small for the precision (2.25 against 2.26 at one
    // decimal) is shown exactly, never as "-0 (2.3 against 2.3)".
    const bool below_precision = round_half_away(abs(d), c.precision) == 0;
    auto amount = [&](const Rational& v) { return below_precision ? L.number(v) : amount_words(L, c, v); };
    out += "    " + L.text("explain_difference_line", {{"criterion", c.criteria[i].id},
                                                         {"difference", (d > 0 ? "+" : "-") + amount(abs(d))},
                                                         {"mine", amount(a.criteria[i].weighted)},
                                                         {"theirs", amount(b.criteria[i].weighted)},
                                                         {"name", c.criteria[i].name}})
           + "\n";
  }
  if (margin != 0) {
    return;
  }
  // The tie-break rules applied to a set holding both, in order, until one
  // gives them different values.
  bool separated = false;
  for (const auto& t : res.tie_steps) {
    const TieValue* va = nullptr;
    const TieValue* vb = nullptr;
    for (const auto& v : t.values) {
      va = v.applicant == a.id() ? &v : va;
      vb = v.applicant == b.id() ? &v : vb;
    }
    if (va == nullptr || vb == nullptr) {
      continue;
    }
    out += "  " + tie_step_words(res, t, L) + "\n";
    if (va->key != vb->key) {
      separated = true;
      break;
    }
  }
  // Equal after every computed rule, both ranked (an applicant that failed a
  // rule was never tied with the other), and one of them selected: the
  // chair's proposal decided between the two.
  const ChairProposal* cp = res.chair_proposal;
  if (!separated && a.rank && b.rank && cp != nullptr && (cp->selects == a.id() || cp->selects == b.id())) {
    out += "  " + proposal_settled_line(res, L) + "\n";
  }
  if (a.tied && b.tied && a.rank == b.rank) {
    out += "  " + L.text("explain_still_tied") + "\n";
  }
}

} // namespace

std::string render_explain(const RoundResult& res, const ApplicantResult& a, const ApplicantResult* other,
                           const Lang& lang, bool exact)
{
  const Locale L(lang);
  std::string out = headline(res, a, L, exact);
  explain_points(out, res, a, L, exact);
  if (other != nullptr && other != &a) {
    explain_difference(out, res, a, *other, L);
  }
  return out;
}

} // namespace ccn
