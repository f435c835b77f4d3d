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

// `weighted[i]` is criterion i's exact points × weight.
Totals compute_totals(const Criteria& c, const std::vector<Rational>& weighted);

} // namespace ccn
