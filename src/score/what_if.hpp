#pragma once
// What-ifs on a scored round, worked out from its result instead of scoring
// the whole round again: one judged score moved, or one member's sheet left
// out. Each gives the winners that score_round gives the changed round (the
// unit tests compare the two on every move of the samples and of random
// rounds). Pure: no I/O.

#include "model/round_bundle.hpp"
#include "score/result.hpp"
#include "score/totals.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ccn {

// One judged score of a sheet set to another value.
struct ScoreMove
{
  size_t sheet = 0; // into RoundBundle::sheets
  std::string applicant;
  size_t criterion = 0; // into Criteria::criteria
  Rational to;
};

// The moves that `sensitivity` tries, in its order: every judged score of
// an applicant that passed the gates (sheets in round order, then applicant
// and criterion ids) one step down and one step up, or to 0 and to max when
// the criterion has no step, if the new score is another one in [0, max].
std::vector<ScoreMove> one_step_moves(const RoundBundle& bundle, const RoundResult& base);

class WhatIf
{
public:
  // `base` is `bundle` scored; both must outlive this object.
  WhatIf(const RoundBundle& bundle, const RoundResult& base);

  // The rank-1 applicants, in listing order, after `move`. A chair's
  // proposal that no longer has a tie for first to settle is left out: the
  // points decide.
  std::vector<std::string> winners_after(const ScoreMove& move);

  // The rank-1 applicants without sheet `sheet` (the chair's proposal as
  // above); nothing when the round cannot be ranked without it: no quorum,
  // or a criterion that no other member scored.
  std::optional<std::vector<std::string>> winners_without(size_t sheet) const;

private:
  // An applicant that passed the gates, as ranking reads it, and the sums
  // its totals come from.
  struct Applicant
  {
    ApplicantResult rankable; // totals, groups, criteria points, own totals; no members or values
    TotalSums sums;
    bool qualified = false;                  // passed every threshold
    std::vector<long> scorers;               // per judged criterion: the members whose scores make its mean
    std::map<std::string, Rational> own_sums; // member -> own total before it is rounded
  };

  // `r`'s criterion `k` gets `points`, and its totals and thresholds follow;
  // returns whether it passes them.
  bool set_points(ApplicantResult& r, TotalSums& sums, size_t k, const Rational& points) const;
  // `r`, which `set_points(r, ..., k, ...)` and a new own total of `member`
  // changed, as `base` again where the next move's `set_points` does not
  // set it anew: criterion `k` and that own total (the totals and groups it
  // computes again from the applicant's sums).
  static void undo_points(ApplicantResult& r, const ApplicantResult& base, size_t k, const std::string& member);
  // The rank-1 applicants among `qualified`, as ranking and the chair's proposal settle them.
  std::vector<std::string> winners_among(const std::vector<const ApplicantResult*>& qualified,
                                         const std::vector<std::string>& present) const;
  std::vector<const ApplicantResult*> qualified_unchanged() const;

  const RoundBundle& m_bundle;
  const RoundResult& m_base;
  std::vector<Applicant> m_apps;
  std::map<std::string, size_t> m_index; // applicant id -> into m_apps
  // The applicant a move changes, reused from move to move: copied whole
  // when a move is of another applicant than the last, else only what the
  // last move changed is set back (a round has about 1,500 moves).
  ApplicantResult m_moved;
  size_t m_moved_of = SIZE_MAX; // into m_apps
  size_t m_moved_criterion = 0;
  std::string m_moved_member;
};

} // namespace ccn
