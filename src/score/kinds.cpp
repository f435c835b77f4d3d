#include "score/kinds.hpp"

#include "score/score.hpp"

#include <fmt/format.h>

namespace ccn {

std::string band_interval(const Band& b)
{
  if (b.lower && b.upper) {
    return fmt::format("{}{}, {}{}", b.lower_inclusive ? "[" : "(", number_text(*b.lower), number_text(*b.upper),
                       b.upper_inclusive ? "]" : ")");
  }
  if (b.lower) {
    return fmt::format("{} {}", b.lower_inclusive ? "≥" : ">", number_text(*b.lower));
  }
  if (b.upper) {
    return fmt::format("{} {}", b.upper_inclusive ? "≤" : "<", number_text(*b.upper));
  }
  return "otherwise";
}

KindOutcome score_bands(const Criterion& c, const Rational& value)
{
  for (size_t i = 0; i < c.bands.size(); ++i) {
    const Band& b = c.bands[i];
    bool lower_ok = !b.lower || (b.lower_inclusive ? value >= *b.lower : value > *b.lower);
    bool upper_ok = !b.upper || (b.upper_inclusive ? value <= *b.upper : value < *b.upper);
    if (lower_ok && upper_ok) {
      return {b.points, band_interval(b), i, false};
    }
  }
  return {0, "no band", std::nullopt, false};
}

KindOutcome score_levels(const Criterion& c, const std::string& value)
{
  auto it = c.levels.find(value);
  return {it == c.levels.end() ? Rational(0) : it->second, "level " + value, std::nullopt, false};
}

KindOutcome score_flag(const Criterion& c, bool value)
{
  return {value ? c.flag_points : Rational(0), value ? "flag" : "no flag", std::nullopt, false};
}

KindOutcome score_per_unit(const Criterion& c, const Rational& value)
{
  if (value < 0) {
    return {0, "negative", std::nullopt, false};
  }
  Rational p = c.per_unit * value;
  std::string rule = fmt::format("× {} per unit", number_text(c.per_unit));
  if (p > c.max) {
    return {c.max, rule + fmt::format(", capped at max {}", number_text(c.max)), std::nullopt, true};
  }
  return {p, rule, std::nullopt, false};
}

KindOutcome score_relative(const Criterion& c, const Rational& value, const Rational& best)
{
  if (c.lower_is_better) {
    return {c.max * best / value,
            fmt::format("lowest {} → {} × {} / {}", number_text(best), number_text(c.max), number_text(best),
                        number_text(value)),
            std::nullopt, false};
  }
  if (best == 0) {
    return {0, "highest is 0", std::nullopt, false};
  }
  return {c.max * value / best,
          fmt::format("highest {} → {} × {} / {}", number_text(best), number_text(c.max), number_text(value),
                      number_text(best)),
          std::nullopt, false};
}

} // namespace ccn
