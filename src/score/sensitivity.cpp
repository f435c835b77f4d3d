#include "score/sensitivity.hpp"

#include "score/what_if.hpp"

#include <algorithm>

namespace ccn {

namespace {

std::vector<std::string> winners_of(const RoundResult& r)
{
  std::vector<std::string> out;
  for (const auto& a : r.applicants) {
    if (a.rank && *a.rank == 1) {
      out.push_back(a.id());
    }
  }
  return out;
}

} // namespace

Sensitivity analyse_sensitivity(const RoundBundle& bundle, const RoundResult& base, const SmaaOptions& opt)
{
  const Criteria& c = bundle.criteria;
  Sensitivity s;
  s.winners = winners_of(base);
  const ApplicantResult* first = nullptr;
  const ApplicantResult* second = nullptr;
  for (const auto& a : base.applicants) {
    if (a.rank && first == nullptr) {
      first = &a;
    } else if (a.rank && second == nullptr) {
      second = &a;
    }
  }
  if (first != nullptr && second != nullptr) {
    s.first = first->id();
    s.second = second->id();
    s.margin = *first->total - *second->total;
    s.margin_exact = first->total_exact - second->total_exact;
    for (size_t k = 0; k < c.criteria.size(); ++k) {
      // The lead is margin + change × dp; it turns negative below the
      // threshold when the first has more points there (dp > 0), above it when less.
      WeightThreshold t{c.criteria[k].id, c.criteria[k].weight, std::nullopt, false};
      Rational dp = first->criteria[k].points - second->criteria[k].points;
      if (dp != 0) {
        Rational change = -s.margin_exact / dp;
        t.below = dp > 0;
        if (!t.below || c.criteria[k].weight + change > 0) {
          t.change = change;
        }
      }
      s.weights.push_back(t);
    }
  }
  // One judged score moved by one step, and one member's sheet left out.
  if (c.has_judged()) {
    WhatIf what_if(bundle, base);
    for (const ScoreMove& move : one_step_moves(bundle, base)) {
      ++s.moves_tried;
      auto winners = what_if.winners_after(move);
      if (winners != s.winners) {
        const Sheet& sheet = bundle.sheets[move.sheet];
        const Criterion& cr = c.criteria[move.criterion];
        s.flips.push_back({sheet.member, move.applicant, cr.id, sheet.scores.at(move.applicant).at(cr.id).points,
                           move.to, std::move(winners)});
      }
    }
    for (size_t i = 0; i < bundle.sheets.size(); ++i) {
      LeaveOneOut l{bundle.sheets[i].member, true, {}, false};
      auto winners = what_if.winners_without(i);
      if (!winners) {
        l.ranked = false;
      } else {
        l.changes_winner = *winners != s.winners;
        l.winners = std::move(*winners);
      }
      s.leave_one_out.push_back(std::move(l));
    }
  }
  s.smaa = run_smaa(bundle, base, opt);
  return s;
}

} // namespace ccn
