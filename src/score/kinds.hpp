#pragma once
// The points of one criterion from one value, for each scoring kind that
// reads the dossier (formats-v1 section 2.3). Judged points are a mean of
// the members' scores and are computed in round_score.cpp.

#include "model/criteria.hpp"

#include <optional>

namespace ccn {

// Points before weight, and which part of the rule gave them.
struct KindOutcome
{
  Rational points;
  std::optional<size_t> band; // bands: index of the band that applied
  bool capped = false;        // per_unit: capped at max
};

// The first band, in list order, whose bounds hold for `value`; 0 if none.
KindOutcome score_bands(const Criterion& c, const Rational& value);
// The points of the level named `value`.
KindOutcome score_levels(const Criterion& c, const std::string& value);
// The flag's points when `value` holds, else 0.
KindOutcome score_flag(const Criterion& c, bool value);
// min(max, points per unit × value); 0 for a negative value.
KindOutcome score_per_unit(const Criterion& c, const Rational& value);
// max × best / value (lower is better) or max × value / best (higher).
// `value` must be > 0 for lower and ≥ 0 for higher (checked by the caller).
KindOutcome score_relative(const Criterion& c, const Rational& value, const Rational& best);

} // namespace ccn
