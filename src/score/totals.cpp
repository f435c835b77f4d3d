#include "score/totals.hpp"

namespace ccn {

Totals compute_totals(const Criteria& c, const std::vector<Rational>& weighted)
{
  Totals t;
  t.groups.assign(c.groups.size(), Rational(0));
  Rational rounded_sum = 0;
  for (size_t i = 0; i < weighted.size(); ++i) {
    t.exact += weighted[i];
    Rational part = c.round_each_criterion ? round_half_away(weighted[i], c.precision) : weighted[i];
    t.groups[c.criteria[i].group] += part;
    rounded_sum += part;
  }
  if (c.round_each_criterion) {
    t.total = rounded_sum;
  } else {
    t.total = round_half_away(t.exact, c.precision);
    for (auto& g : t.groups) {
      g = round_half_away(g, c.precision);
    }
  }
  return t;
}

} // namespace ccn
