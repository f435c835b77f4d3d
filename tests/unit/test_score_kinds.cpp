#include "helpers.hpp"
#include "score/kinds.hpp"

#include <doctest/doctest.h>

using namespace ccn;
using namespace ccn::test;
using namespace ccn::test;

namespace {

Criterion bands_criterion()
{
  Criterion c;
  c.id = "C";
  c.max = 15;
  c.kind = ScoringKind::bands;
  c.bands.push_back({Rational(30), true, std::nullopt, true, Rational(15), {}});
  c.bands.push_back({Rational(20), true, Rational(30), false, Rational(10), {}});
  c.bands.push_back({Rational(10), false, Rational(20), false, Rational(5), {}});
  return c;
}

} // namespace

TEST_SUITE("score/kinds")
{
  TEST_CASE("bands: first band whose bounds hold, in list order, 0 if none")
  {
    Criterion c = bands_criterion();
    CHECK(score_bands(c, 30).points == 15);
    CHECK(score_bands(c, ratio(2999, 100)).points == 10);
    CHECK(score_bands(c, 20).points == 10);
    CHECK(score_bands(c, 10).points == 0); // "above 10" excludes 10
    CHECK(score_bands(c, ratio(1001, 100)).points == 5);
    CHECK(score_bands(c, 20).band == std::optional<size_t>(1));
  }

  TEST_CASE("bands: each bound is included or left out as written, at the bound itself")
  {
    // Listed from low to high, so that only a band's own bounds decide:
    // [0, 10] -> 1, (10, 20) -> 2, [20, 30) -> 3, none at 30 or above.
    Criterion c;
    c.id = "C";
    c.max = 3;
    c.kind = ScoringKind::bands;
    c.bands.push_back({Rational(0), true, Rational(10), true, Rational(1), {}});
    c.bands.push_back({Rational(10), false, Rational(20), false, Rational(2), {}});
    c.bands.push_back({Rational(20), true, Rational(30), false, Rational(3), {}});
    CHECK(score_bands(c, 0).band == std::optional<size_t>(0));   // "from 0" holds at 0
    CHECK(score_bands(c, -1).band == std::nullopt);
    CHECK(score_bands(c, 10).band == std::optional<size_t>(0));  // "to 10" holds at 10
    CHECK(score_bands(c, ratio(1001, 100)).band == std::optional<size_t>(1));
    CHECK(score_bands(c, 20).band == std::optional<size_t>(2));  // "below 20" does not hold at 20
    CHECK(score_bands(c, ratio(2999, 100)).points == 3);
    CHECK(score_bands(c, 30).band == std::nullopt);               // "below 30" does not hold at 30
    CHECK(score_bands(c, 30).points == 0);
  }

  TEST_CASE("per_unit: points that reach max exactly are not capped, points beyond it are")
  {
    Criterion pu;
    pu.max = 10;
    pu.per_unit = ratio(5, 2);
    CHECK_FALSE(score_per_unit(pu, 4).capped);
    CHECK(score_per_unit(pu, 4).points == 10);
    CHECK(score_per_unit(pu, ratio(401, 100)).capped);
    CHECK(score_per_unit(pu, ratio(401, 100)).points == 10);
    CHECK_FALSE(score_per_unit(pu, 0).capped);
    CHECK(score_per_unit(pu, 0).points == 0);
  }

  TEST_CASE("levels, flag, per_unit")
  {
    Criterion lv;
    lv.max = 10;
    lv.levels = {{"dedicated", Rational(10)}, {"shared", Rational(6)}};
    CHECK(score_levels(lv, "shared").points == 6);
    Criterion fl;
    fl.max = 5;
    fl.flag_points = 5;
    CHECK(score_flag(fl, true).points == 5);
    CHECK(score_flag(fl, false).points == 0);
    Criterion pu;
    pu.max = 10;
    pu.per_unit = ratio(5, 2);
    CHECK(score_per_unit(pu, 3).points == ratio(15, 2));
    CHECK(score_per_unit(pu, 5).points == 10); // capped at max
    CHECK(score_per_unit(pu, -2).points == 0);
  }

  TEST_CASE("relative: lower and higher are better")
  {
    Criterion c;
    c.max = 10;
    c.lower_is_better = true;
    CHECK(score_relative(c, 450000, 400000).points == ratio(80, 9));
    c.lower_is_better = false;
    CHECK(score_relative(c, 30, 40).points == ratio(15, 2));
    CHECK(score_relative(c, 0, 0).points == 0);
  }
}
