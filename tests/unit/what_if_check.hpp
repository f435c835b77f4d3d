#pragma once
// Compares every what-if of a round (score/what_if.hpp) with scoring the
// changed round again in full with score_round: the unit tests run it on
// the samples and on small rounds, and tests/what_if/check_random_rounds.py
// on random rounds.

#include "score/score.hpp"
#include "score/what_if.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace ccn::test {

// The rank-1 applicants of `r`, in listing order.
inline std::vector<std::string> rank_one(const RoundResult& r)
{
  std::vector<std::string> out;
  for (const auto& a : r.applicants) {
    if (a.rank && *a.rank == 1) {
      out.push_back(a.id());
    }
  }
  return out;
}

// The winners of `b` scored in full; a chair's proposal that no longer
// settles a tie for first is left out (the points decide); nothing when the
// round cannot be scored.
inline std::optional<std::vector<std::string>> winners_by_scoring(const RoundBundle& b)
{
  Diagnostics ignore;
  if (auto r = score_round(b, ignore)) {
    return rank_one(*r);
  }
  if (!b.round.chair_proposal) {
    return std::nullopt;
  }
  RoundBundle without = b;
  without.round.chair_proposal.reset();
  Diagnostics again; // a fresh one: Diagnostics keeps one of equal errors, and a repeated one must count
  auto r = score_round(without, again);
  return r ? std::optional(rank_one(*r)) : std::nullopt;
}

inline std::string names(const std::optional<std::vector<std::string>>& ids)
{
  if (!ids) {
    return "(no ranking)";
  }
  std::string out = "[";
  for (const auto& id : *ids) {
    out += (out.size() > 1 ? ", " : "") + id;
  }
  return out + "]";
}

struct WhatIfCheck
{
  size_t moves = 0;          // moves compared
  size_t moves_changing = 0; // of which changed the winners
  size_t left_out = 0;       // sheets left out, compared
  size_t left_out_changing = 0;
  size_t left_out_unranked = 0; // of which left no ranking
  std::vector<std::string> differences;
};

// Every one-step move of `bundle` (scored as `base`) and every sheet left
// out, worked out by WhatIf and by scoring the changed round in full.
inline WhatIfCheck check_what_ifs(const RoundBundle& bundle, const RoundResult& base)
{
  WhatIfCheck out;
  const std::vector<std::string> before = rank_one(base);
  WhatIf what_if(bundle, base);
  RoundBundle copy = bundle;
  // The moves in their order (a sheet's, one after the other), then by
  // applicant, so that one applicant's moves by several members follow each
  // other: WhatIf reuses the applicant a move changes, and must set back all
  // that the move before changed.
  std::vector<ScoreMove> moves = one_step_moves(bundle, base);
  std::vector<ScoreMove> by_applicant = moves;
  std::stable_sort(by_applicant.begin(), by_applicant.end(),
                   [](const ScoreMove& a, const ScoreMove& b) { return a.applicant < b.applicant; });
  moves.insert(moves.end(), by_applicant.begin(), by_applicant.end());
  for (const ScoreMove& m : moves) {
    const std::string& crit = bundle.criteria.criteria[m.criterion].id;
    Rational& score = copy.sheets[m.sheet].scores.at(m.applicant).at(crit).points;
    const Rational original = score;
    score = m.to;
    auto full = winners_by_scoring(copy);
    score = original;
    std::optional<std::vector<std::string>> incremental = what_if.winners_after(m);
    ++out.moves;
    out.moves_changing += full != before ? 1 : 0;
    if (incremental != full) {
      out.differences.push_back(bundle.sheets[m.sheet].member + " " + m.applicant + " " + crit + " " +
                                to_exact_string(original) + " -> " + to_exact_string(m.to) + ": incremental " +
                                names(incremental) + ", full " + names(full));
    }
  }
  for (size_t i = 0; i < bundle.sheets.size(); ++i) {
    RoundBundle without = bundle;
    without.sheets.erase(without.sheets.begin() + static_cast<long>(i));
    auto full = winners_by_scoring(without);
    auto incremental = what_if.winners_without(i);
    ++out.left_out;
    out.left_out_changing += full != before ? 1 : 0;
    out.left_out_unranked += full ? 0 : 1;
    if (incremental != full) {
      out.differences.push_back("without " + bundle.sheets[i].member + ": incremental " + names(incremental) +
                                ", full " + names(full));
    }
  }
  return out;
}

} // namespace ccn::test
