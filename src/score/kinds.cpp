#include "score/kinds.hpp"

namespace ccn {

KindOutcome score_bands(const Criterion& c, const Rational& value)
{
  for (size_t i = 0; i < c.bands.size(); ++i) {
    const Band& b = c.bands[i];
    bool lower_ok = !b.lower || (b.lower_inclusive ? value >= *b.lower : value > *b.lower);
    bool upper_ok = !b.upper || (b.upper_inclusive ? value <= *b.upper : value < *b.upper);
    if (lower_ok && upper_ok) {
      return {b.points, i, false};
    }
  }
  return {0, std::nullopt, false};
}

KindOutcome score_levels(const Criterion& c, const std::string& value)
{
  auto it = c.levels.find(value);
  return {it == c.levels.end() ? Rational(0) : it->second, std::nullopt, false};
}

KindOutcome score_flag(const Criterion& c, bool value)
{
  return {value ? c.flag_points : Rational(0), std::nullopt, false};
}

KindOutcome score_per_unit(const Criterion& c, const Rational& value)
{
  if (value < 0) {
    return {0, std::nullopt, false};
  }
  Rational p = c.per_unit * value;
  if (p > c.max) {
    return {c.max, std::nullopt, true};
  }
  return {p, std::nullopt, false};
}

KindOutcome score_relative(const Criterion& c, const Rational& value, const Rational& best)
{
  if (c.lower_is_better) {
    return {c.max * best / value, std::nullopt, false};
  }
  if (best == 0) {
    return {0, std::nullopt, false};
  }
  return {c.max * value / best, std::nullopt, false};
}

} // namespace ccn
