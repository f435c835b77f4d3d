#pragma once
// Rounding and summing criterion points into group points and a total (6.4).

#include "model/criteria.hpp"

#include <vector>

namespace ccn {

struct Totals
{
  Rational total;               // rounded as the criteria's rounding mode says
  Rational exact;               // exact sum of every criterion's points × weight
  std::vector<Rational> groups; // per group, rounded likewise
};

// What one criterion's points × weight (`weighted`) adds to a total: itself,
// or itself rounded under `rounding: criterion`.
Rational total_part(const Criteria& c, const Rational& weighted);

// A sum of total_part values as points: rounded unless each part already was.
Rational rounded_sum(const Criteria& c, const Rational& parts);

// The sums behind Totals, kept so that one criterion can change without
// adding up the others again (a what-if).
struct TotalSums
{
  Rational exact;               // every criterion's points × weight
  Rational parts;               // every criterion's total_part
  std::vector<Rational> groups; // total_part, per group

  // Criterion `i`'s points × weight becomes `to` instead of `from`.
  void change(const Criteria& c, size_t i, const Rational& from, const Rational& to);
};

// `weighted[i]` is criterion i's exact points × weight.
TotalSums sum_totals(const Criteria& c, const std::vector<Rational>& weighted);

// The rounded total and group points of `sums`.
Totals finish_totals(const Criteria& c, const TotalSums& sums);

// `weighted[i]` is criterion i's exact points × weight.
Totals compute_totals(const Criteria& c, const std::vector<Rational>& weighted);

// Whether `t` reaches every group's minimum and the pass mark (6.5).
bool meets_thresholds(const Criteria& c, const Totals& t);

} // namespace ccn
