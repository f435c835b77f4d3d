#include "scored_round.hpp"

using namespace ccn;
using namespace ccn::test;

namespace {

using Dossiers = std::vector<std::pair<std::string, std::string>>;

Dossiers same_facts(const std::vector<std::string>& ids)
{
  Dossiers out;
  for (const auto& id : ids) {
    out.emplace_back(id, small_dossier(id, "60", "100", "400"));
  }
  return out;
}

} // namespace

TEST_SUITE("score/rank")
{
  TEST_CASE("competition ranking 1, 2, 2, 4 with ties listed by id")
  {
    ScoredRound r(small_criteria(), same_facts({"A1", "A10", "A2", "A3"}), 1, {{1, "A1: 9, A10: 8, A2: 8, A3: 7", ""}});
    CHECK(r.order() == std::vector<std::string>{"A1", "A10", "A2", "A3"});
    CHECK(*r.app("A1").rank == 1);
    CHECK(r.app("A1").status == Status::selected);
    CHECK(*r.app("A10").rank == 2);
    CHECK(*r.app("A2").rank == 2);
    CHECK(r.app("A2").tied);
    CHECK(r.app("A2").status == Status::qualified);
    CHECK(*r.app("A3").rank == 4);
    CHECK_FALSE(r.app("A3").tied);
  }

  TEST_CASE("a tie that survives every rule shares first place: nobody is selected")
  {
    ScoredRound r(small_criteria("  - group: fin\n  - members: majority\n  - members: chair\n"),
                  same_facts({"A2", "A1", "A3"}), 1, {{1, "A1: 8, A2: 8, A3: 7", ""}});
    CHECK(r.order() == std::vector<std::string>{"A1", "A2", "A3"});
    CHECK(r.app("A1").status == Status::tied_first);
    CHECK(r.app("A2").status == Status::tied_first);
    CHECK(*r.app("A3").rank == 3);
    REQUIRE(r.result->tie_steps.size() == 3);
    for (const auto& step : r.result->tie_steps) {
      CHECK_FALSE(step.separated);
    }
  }

  TEST_CASE("group rule: more points in the group wins")
  {
    // A1: fin 10 + 8 = 18, plan 1; A2: fin 0 + 10 = 10, plan 9: both 19.
    ScoredRound r(small_criteria("  - group: plan\n"),
                  {{"A1", small_dossier("A1", "60", "100", "500")}, {"A2", small_dossier("A2", "50", "100", "400")}}, 1,
                  {{1, "A1: 1, A2: 9", ""}});
    CHECK(*r.app("A1").total == *r.app("A2").total);
    CHECK(r.order() == std::vector<std::string>{"A2", "A1"});
    CHECK(r.app("A2").status == Status::selected);
    CHECK_FALSE(r.app("A2").tied);
    REQUIRE(r.result->tie_steps.size() == 1);
    CHECK(r.result->tie_steps[0].separated);
    CHECK(r.result->tie_steps[0].rule_index == 0);
  }

  TEST_CASE("criterion rule after weight")
  {
    ScoredRound r(small_criteria("  - criterion: F2\n"),
                  {{"A1", small_dossier("A1", "60", "100", "500")}, {"A2", small_dossier("A2", "50", "100", "400")}}, 1,
                  {{1, "A1: 1, A2: 9", ""}});
    CHECK(r.order() == std::vector<std::string>{"A2", "A1"});
  }

  TEST_CASE("field rule: submitted_at, earlier wins, without a value loses")
  {
    ScoredRound r(small_criteria("  - field: submitted_at\n    prefer: lower\n"),
                  {{"A1", small_dossier("A1", "60", "100", "400", false, "2023-05-10T09:30:00+07:00")},
                   {"A2", small_dossier("A2", "60", "100", "400", false, "2023-05-10")},
                   {"A3", small_dossier("A3", "60", "100", "400")}},
                  1, {{1, "A1: 8, A2: 8, A3: 8", ""}});
    CHECK(r.order() == std::vector<std::string>{"A2", "A1", "A3"});
    CHECK(*r.app("A3").rank == 3);
    // Dates are compared as moments; an applicant without one has no key
    // (render shows dates as written).
    REQUIRE(r.result->tie_steps.size() == 1);
    CHECK(r.result->tie_steps[0].values[0].applicant == "A2");
    CHECK(r.result->tie_steps[0].values[1].applicant == "A1");
    CHECK(r.result->tie_steps[0].values[2].applicant == "A3");
    REQUIRE(r.result->tie_steps[0].values[0].key);
    REQUIRE(r.result->tie_steps[0].values[1].key);
    CHECK(*r.result->tie_steps[0].values[0].key < *r.result->tie_steps[0].values[1].key);
    CHECK_FALSE(r.result->tie_steps[0].values[2].key);
  }

  TEST_CASE("field rule: submitted_at compares the fraction of a second")
  {
    // 09:30:00.25 is a quarter of a second after 09:30:00 (and after
    // 09:29:59.9 in another offset): the fraction decides, it is not dropped.
    ScoredRound r(small_criteria("  - field: submitted_at\n    prefer: lower\n"),
                  {{"A1", small_dossier("A1", "60", "100", "400", false, "2023-05-10T09:30:00.25+07:00")},
                   {"A2", small_dossier("A2", "60", "100", "400", false, "2023-05-10T09:30:00+07:00")},
                   {"A3", small_dossier("A3", "60", "100", "400", false, "2023-05-10T02:29:59.9Z")}},
                  1, {{1, "A1: 8, A2: 8, A3: 8", ""}});
    CHECK(r.order() == std::vector<std::string>{"A3", "A2", "A1"});
    CHECK(r.app("A3").status == Status::selected);
    CHECK_FALSE(r.app("A1").tied);
    CHECK(*r.app("A1").rank == 3);
  }

  TEST_CASE("field rule: a fraction of a second with a leading 0 and an 8 or a 9 is read in decimal")
  {
    ScoredRound r(small_criteria("  - field: submitted_at\n    prefer: lower\n"),
                  {{"A1", small_dossier("A1", "60", "100", "400", false, "2023-05-10T09:30:00.09+07:00")},
                   {"A2", small_dossier("A2", "60", "100", "400", false, "2023-05-10T09:30:00.08+07:00")}},
                  1, {{1, "A1: 8, A2: 8", ""}});
    CHECK(r.order() == std::vector<std::string>{"A2", "A1"});
    CHECK(r.app("A2").status == Status::selected);
  }

  TEST_CASE("field rule: a fraction of a second tells two submissions apart")
  {
    ScoredRound r(small_criteria("  - field: submitted_at\n    prefer: lower\n"),
                  {{"A1", small_dossier("A1", "60", "100", "400", false, "2023-05-10T09:30:00.5+07:00")},
                   {"A2", small_dossier("A2", "60", "100", "400", false, "2023-05-10T09:30:00.25+07:00")},
                   {"A3", small_dossier("A3", "60", "100", "400", false, "2023-05-10T02:30:00.250Z")}},
                  1, {{1, "A1: 8, A2: 8, A3: 8", ""}});
    CHECK(r.order() == std::vector<std::string>{"A2", "A3", "A1"});
    CHECK(r.app("A1").status == Status::qualified);
    CHECK(*r.app("A1").rank == 3);
    CHECK(*r.app("A2").rank == 1);
    CHECK(*r.app("A3").rank == 1);
    CHECK(r.app("A2").status == Status::tied_first);
  }

  TEST_CASE("field rule on a number fact: prefer higher, shown as the number")
  {
    // Totals 21 and 21: F1 10 (ratios 60 and 70 are both >= 57), F2 10, P1 1.
    // Both have a submitted_at, which this rule must not show.
    ScoredRound r(small_criteria("  - field: equity\n    prefer: higher\n"),
                  {{"A1", small_dossier("A1", "60", "100", "400", false, "2023-05-10")},
                   {"A2", small_dossier("A2", "70", "100", "400", false, "2023-05-11")}},
                  1, {{1, "A1: 1, A2: 1", ""}});
    CHECK(r.order() == std::vector<std::string>{"A2", "A1"});
    REQUIRE(r.result->tie_steps.size() == 1);
    CHECK(r.result->tie_steps[0].values[0].applicant == "A2");
    CHECK(r.result->tie_steps[0].values[0].key == std::optional<Rational>(70));
    CHECK(r.result->tie_steps[0].values[1].applicant == "A1");
    CHECK(r.result->tie_steps[0].values[1].key == std::optional<Rational>(60));
  }

  TEST_CASE("field rule: equal values stay equal, for lower and for higher")
  {
    for (const char* prefer : {"lower", "higher"}) {
      CAPTURE(prefer);
      ScoredRound r(small_criteria(std::string("  - field: submitted_at\n    prefer: ") + prefer + "\n"),
                    {{"A1", small_dossier("A1", "60", "100", "400", false, "2023-05-10")},
                     {"A2", small_dossier("A2", "60", "100", "400", false, "2023-05-10T00:00:00+07:00")}},
                    1, {{1, "A1: 8, A2: 8", ""}});
      CHECK(r.app("A1").status == Status::tied_first);
      CHECK(r.app("A2").status == Status::tied_first);
    }
    // Two applicants without the value are equal too.
    ScoredRound r(small_criteria("  - field: submitted_at\n    prefer: lower\n"), same_facts({"A1", "A2"}), 1,
                  {{1, "A1: 8, A2: 8", ""}});
    CHECK(r.app("A1").status == Status::tied_first);
    CHECK(r.app("A2").status == Status::tied_first);
  }

  TEST_CASE("members: majority counts members who put one applicant strictly first")
  {
    // Means are equal (7); M1 and M2 put A1 first, M3 puts A2 first.
    ScoredRound r(small_criteria("  - members: majority\n  - members: chair\n"), same_facts({"A1", "A2"}), 3,
                  {{1, "A1: 5, A2: 7", ""}, {2, "A1: 8, A2: 7", ""}, {3, "A1: 8, A2: 7", ""}});
    CHECK(r.order() == std::vector<std::string>{"A1", "A2"});
    REQUIRE(r.result->tie_steps.size() == 1);
    CHECK(r.result->tie_steps[0].values[0].applicant == "A1");
    CHECK(r.result->tie_steps[0].values[0].key == std::optional<Rational>(2));
  }

  TEST_CASE("members: majority ignores members without an own total for every tied applicant")
  {
    // M2 and M3 recuse from A1; only M1 counts, and puts A2 first.
    ScoredRound r(small_criteria("  - members: majority\n"), same_facts({"A1", "A2"}), 3,
                  {{1, "A1: 7, A2: 8", ""}, {2, "A2: 6.5", "A1"}, {3, "A2: 6.5", "A1"}});
    CHECK(*r.app("A1").total == *r.app("A2").total);
    CHECK(r.order() == std::vector<std::string>{"A2", "A1"});
  }

  TEST_CASE("members: chair decides by the chair's own total, or not at all")
  {
    SUBCASE("the chair decides")
    {
      ScoredRound r(small_criteria("  - members: chair\n"), same_facts({"A1", "A2"}), 3,
                    {{1, "A1: 5, A2: 7", ""}, {2, "A1: 8, A2: 7", ""}, {3, "A1: 8, A2: 7", ""}});
      CHECK(r.order() == std::vector<std::string>{"A2", "A1"});
      CHECK(r.app("A2").status == Status::selected);
    }
    SUBCASE("a chair who recused from a tied applicant decides nothing")
    {
      ScoredRound r(small_criteria("  - members: chair\n"), same_facts({"A1", "A2"}), 3,
                    {{1, "A2: 7", "A1"}, {2, "A1: 8, A2: 7", ""}, {3, "A1: 6, A2: 7", ""}});
      CHECK(r.app("A1").status == Status::tied_first);
      CHECK(r.app("A2").status == Status::tied_first);
      // The rule compared nothing: no applicant is given a chair's total,
      // not even A2, whom the chair scored (a 0 would be a total nobody gave).
      REQUIRE(r.result->tie_steps.size() == 1);
      for (const auto& v : r.result->tie_steps[0].values) {
        CAPTURE(v.applicant);
        CHECK_FALSE(v.key.has_value());
      }
    }
  }

  TEST_CASE("members: majority counts only members whose own total is strictly first")
  {
    // Means all 7. M1 puts A1 and A2 level at the top: no vote. M2 puts A3
    // strictly first. M3 gives all three the same: no vote. So A3 wins with
    // one vote; counted with >=, every applicant would have two.
    ScoredRound r(small_criteria("  - members: majority\n"), same_facts({"A1", "A2", "A3"}), 3,
                  {{1, "A1: 8, A2: 8, A3: 5", ""}, {2, "A1: 6, A2: 6, A3: 9", ""}, {3, "A1: 7, A2: 7, A3: 7", ""}});
    CHECK(*r.app("A1").total == *r.app("A3").total);
    CHECK(r.order() == std::vector<std::string>{"A3", "A1", "A2"});
    CHECK(r.app("A3").status == Status::selected);
    CHECK(*r.app("A1").rank == 2);
    CHECK(r.app("A1").tied);
    REQUIRE(r.result->tie_steps.size() == 1);
    CHECK(r.result->tie_steps[0].values[0].applicant == "A3");
    CHECK(r.result->tie_steps[0].values[0].key == std::optional<Rational>(1));
    CHECK(r.result->tie_steps[0].values[1].key == std::optional<Rational>(0));
  }

  TEST_CASE("members: chair is the member whose role is chair, wherever the council lists it")
  {
    // Means equal (7 and 7). M1, listed first, prefers A1; the chair M3 prefers A2.
    ScoredRound r(small_criteria("  - members: chair\n"), same_facts({"A1", "A2"}), 3,
                  {{1, "A1: 8, A2: 6", ""}, {2, "A1: 6, A2: 7", ""}, {3, "A1: 7, A2: 8", ""}}, "", 3);
    CHECK(*r.app("A1").total == *r.app("A2").total);
    CHECK(r.order() == std::vector<std::string>{"A2", "A1"});
    CHECK(r.app("A2").status == Status::selected);
  }

  TEST_CASE("members: chair decides nothing when the chair handed in no sheet, or there is no chair")
  {
    SUBCASE("the chair is absent")
    {
      ScoredRound r(small_criteria("  - members: chair\n"), same_facts({"A1", "A2"}), 3,
                    {{1, "A1: 8, A2: 7", ""}, {2, "A1: 7, A2: 8", ""}}, "", 3);
      CHECK(r.app("A1").status == Status::tied_first);
      CHECK(r.app("A2").status == Status::tied_first);
      REQUIRE(r.result->tie_steps.size() == 1);
      CHECK_FALSE(r.result->tie_steps[0].separated);
    }
    SUBCASE("the council has no chair")
    {
      ScoredRound r(small_criteria("  - members: chair\n"), same_facts({"A1", "A2"}), 2,
                    {{1, "A1: 8, A2: 7", ""}, {2, "A1: 7, A2: 8", ""}}, "", 0);
      CHECK(r.app("A1").status == Status::tied_first);
      CHECK(r.app("A2").status == Status::tied_first);
      REQUIRE(r.result->tie_steps.size() == 1);
      CHECK_FALSE(r.result->tie_steps[0].values[0].key.has_value());
      CHECK_FALSE(r.result->tie_steps[0].values[1].key.has_value());
    }
  }

  TEST_CASE("criterion rule compares rounded points after weight, not exact or unweighted points")
  {
    // Precision 0, F2 weight 0.5. F2: A1 10 × 0.5 = 5; A2 10 × 47 / 50 = 9.4,
    // × 0.5 = 4.7, shown 5. Totals 23 (10 + 5 + 8) and 23 (22.7). Exact or
    // unweighted (10 against 9.4, or 9) A1 would win; rounded and weighted, they tie.
    std::string criteria = small_criteria("  - criterion: F2\n", "precision: 0\n");
    const std::string f2 = "{ id: F2, name: Rent, max: 10, of: rent, relative: lower }";
    criteria.replace(criteria.find(f2), f2.size(), "{ id: F2, name: Rent, max: 10, weight: 0.5, of: rent, relative: lower }");
    ScoredRound r(criteria,
                  {{"A1", small_dossier("A1", "60", "100", "47")}, {"A2", small_dossier("A2", "60", "100", "50")}}, 1,
                  {{1, "A1: 8, A2: 8", ""}});
    CHECK(*r.app("A1").total == 23);
    CHECK(*r.app("A2").total == 23);
    CHECK(r.app("A2").criteria[1].shown == 5);
    CHECK(r.app("A1").status == Status::tied_first);
    CHECK(r.app("A2").status == Status::tied_first);
    REQUIRE(r.result->tie_steps.size() == 1);
    CHECK_FALSE(r.result->tie_steps[0].separated);
  }

  TEST_CASE("members' own totals under rounding: criterion round each criterion first")
  {
    // Precision 0. A1: F2 10, chair's P1 0.5 -> 1: own total 11 (exact 10.5).
    // A2: F2 10 × 3 / 9 = 3.33 -> 3, chair's P1 8: own total 11 (exact 11.33).
    // Totals: A1 10 + round(mean 1) = 11, A2 3 + 8 = 11. The chair's own
    // totals are level, so the chair rule decides nothing.
    ScoredRound r(small_criteria("  - members: chair\n", "precision: 0\nrounding: criterion\n"),
                  {{"A1", small_dossier("A1", "50", "100", "3")}, {"A2", small_dossier("A2", "50", "100", "9")}}, 2,
                  {{1, "A1: 0.5, A2: 8", ""}, {2, "A1: 1.5, A2: 8", ""}});
    CHECK(*r.app("A1").total == 11);
    CHECK(*r.app("A2").total == 11);
    CHECK(r.app("A1").own_totals.at("M1") == 11);
    CHECK(r.app("A2").own_totals.at("M1") == 11);
    CHECK(r.app("A1").own_totals.at("M2") == 12);
    CHECK(r.app("A1").status == Status::tied_first);
    CHECK(r.app("A2").status == Status::tied_first);
  }

  TEST_CASE("members' own totals under rounding: total are rounded once, at the end")
  {
    // Precision 0. A2: F2 10/3 + chair's P1 8 = 11.33 -> 11; A1: 10 + 0.5 = 10.5 -> 11.
    ScoredRound r(small_criteria("  - members: chair\n", "precision: 0\n"),
                  {{"A1", small_dossier("A1", "50", "100", "3")}, {"A2", small_dossier("A2", "50", "100", "9")}}, 2,
                  {{1, "A1: 0.5, A2: 8", ""}, {2, "A1: 1.5, A2: 8", ""}});
    CHECK(r.app("A1").own_totals.at("M1") == 11);
    CHECK(r.app("A2").own_totals.at("M1") == 11);
  }

  TEST_CASE("the cascade: later rules only see the subsets still equal")
  {
    // All total 27. A3 has fin 10 + 8 = 18 and loses on fin; A1 and A2 (fin 20)
    // go on to majority, where only their own two totals count.
    ScoredRound r(small_criteria("  - group: fin\n  - members: majority\n"),
                  {{"A1", small_dossier("A1", "60", "100", "400")},
                   {"A2", small_dossier("A2", "60", "100", "400")},
                   {"A3", small_dossier("A3", "60", "100", "500")}},
                  3, {{1, "A1: 5, A2: 7, A3: 9", ""}, {2, "A1: 8, A2: 7, A3: 9", ""}, {3, "A1: 8, A2: 7, A3: 9", ""}});
    CHECK(*r.app("A1").total == 27);
    CHECK(*r.app("A3").total == 27);
    CHECK(r.order() == std::vector<std::string>{"A1", "A2", "A3"});
    CHECK(*r.app("A3").rank == 3);
    REQUIRE(r.result->tie_steps.size() == 2);
    CHECK(r.result->tie_steps[0].rule_index == 0);
    CHECK(r.result->tie_steps[1].rule_index == 1);
    CHECK(r.result->tie_steps[1].values.size() == 2);
  }

  TEST_CASE("listing order: ranked, then not qualified by total and id, then disqualified by id")
  {
    ScoredRound r(small_criteria("", "pass: { total: 15 }\n"),
                  {{"B", small_dossier("B", "10", "100", "400")},
                   {"A", small_dossier("A", "10", "100", "400")},
                   {"Z", small_dossier("Z", "60", "100", "400", true)},
                   {"Y", small_dossier("Y", "60", "100", "400", true)},
                   {"C", small_dossier("C", "60", "100", "400")}},
                  1, {{1, "A: 3, B: 4, C: 9", ""}});
    CHECK(r.order() == std::vector<std::string>{"C", "B", "A", "Y", "Z"});
    CHECK(r.app("B").status == Status::not_qualified);
    CHECK(r.app("Y").status == Status::disqualified);
  }
}
