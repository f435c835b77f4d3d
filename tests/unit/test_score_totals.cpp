#include "helpers.hpp"

#include "score/totals.hpp"

#include <doctest/doctest.h>

using namespace ccn;
using namespace ccn::test;

namespace {

// Two groups: C1 and C2 in g1, C3 in g2; weights that make thirds.
std::string criteria_text(const std::string& rounding)
{
  return "format: ccnscore/criteria@1\nid: t\ntitle: T\nprecision: 1\nrounding: " + rounding +
         "\nfields:\n  x: { type: number }\ngroups:\n"
         "  - id: g1\n    name: G1\n    criteria:\n"
         "      - { id: C1, name: C1, max: 10, weight: 0.35, judged: {} }\n"
         "      - { id: C2, name: C2, max: 10, judged: {} }\n"
         "  - id: g2\n    name: G2\n    criteria:\n"
         "      - { id: C3, name: C3, max: 10, weight: 1.5, judged: {} }\n";
}

} // namespace

TEST_SUITE("score/totals")
{
  TEST_CASE("changing one criterion's points gives the totals of adding them all up again")
  {
    for (const std::string rounding : {"total", "criterion"}) {
      CAPTURE(rounding);
      Diagnostics d;
      auto c = criteria_from(criteria_text(rounding), d);
      REQUIRE_MESSAGE(c, all_messages(d));
      std::vector<Rational> weighted = {Rational(7, 20), Rational(10, 3), Rational(21, 4)};
      TotalSums sums = sum_totals(*c, weighted);
      const Rational from = weighted[0];
      weighted[0] = Rational(49, 20);
      sums.change(*c, 0, from, weighted[0]);
      Totals changed = finish_totals(*c, sums);
      Totals again = compute_totals(*c, weighted);
      CHECK(changed.exact == again.exact);
      CHECK(changed.exact == Rational(49, 20) + Rational(10, 3) + Rational(21, 4));
      CHECK(changed.total == again.total);
      CHECK(changed.groups == again.groups);
    }
  }

  TEST_CASE("a criterion's part of a total is rounded first only under rounding: criterion")
  {
    Diagnostics d;
    auto per_total = criteria_from(criteria_text("total"), d);
    auto per_criterion = criteria_from(criteria_text("criterion"), d);
    REQUIRE_MESSAGE(per_total, all_messages(d));
    REQUIRE(per_criterion);
    CHECK(total_part(*per_total, Rational(10, 3)) == Rational(10, 3));
    CHECK(total_part(*per_criterion, Rational(10, 3)) == Rational(33, 10));
    CHECK(rounded_sum(*per_total, Rational(10, 3)) == Rational(33, 10));
    CHECK(rounded_sum(*per_criterion, Rational(33, 10)) == Rational(33, 10));
    // 0.35 + 3.35: 3.7 rounded once, against 0.4 + 3.4 rounded first.
    std::vector<Rational> weighted = {Rational(7, 20), Rational(67, 20), Rational(0)};
    CHECK(compute_totals(*per_total, weighted).total == Rational(37, 10));
    CHECK(compute_totals(*per_criterion, weighted).total == Rational(19, 5));
    CHECK(compute_totals(*per_criterion, weighted).exact == Rational(37, 10));
  }
}
