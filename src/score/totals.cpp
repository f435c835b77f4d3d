#include "score/totals.hpp"

namespace ccn {

Rational total_part(const Criteria& c, const Rational& weighted)
{
  return c.round_each_criterion ? round_half_away(weighted, c.precision) : weighted;
}

Rational rounded_sum(const Criteria& c, const Rational& parts)
{
  return c.round_each_criterion ? parts : round_half_away(parts, c.precision);
}

void TotalSums::change(const Criteria& c, size_t i, const Rational& from, const Rational& to)
{
  exact += to - from;
  Rational part = total_part(c, to) - total_part(c, from);
  parts += part;
  groups[c.criteria[i].group] += part;
}

TotalSums sum_totals(const Criteria& c, const std::vector<Rational>& weighted)
{
  TotalSums s;
  s.groups.assign(c.groups.size(), Rational(0));
  for (size_t i = 0; i < weighted.size(); ++i) {
    s.exact += weighted[i];
    Rational part = total_part(c, weighted[i]);
    s.groups[c.criteria[i].group] += part;
    s.parts += part;
  }
  return s;
}

Totals finish_totals(const Criteria& c, const TotalSums& sums)
{
  Totals t;
  t.exact = sums.exact;
  t.total = rounded_sum(c, sums.parts);
  t.groups.reserve(sums.groups.size());
  for (const auto& g : sums.groups) {
    t.groups.push_back(rounded_sum(c, g));
  }
  return t;
}

Totals compute_totals(const Criteria& c, const std::vector<Rational>& weighted)
{
  return finish_totals(c, sum_totals(c, weighted));
}

bool meets_thresholds(const Criteria& c, const Totals& t)
{
  for (size_t gi = 0; gi < c.groups.size(); ++gi) {
    if (!(t.groups[gi] >= c.group_min(c.groups[gi]))) {
      return false;
    }
  }
  return t.total >= c.pass_total;
}

} // namespace ccn
