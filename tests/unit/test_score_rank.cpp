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

  TEST_CASE("field rule: submitted_at, earlier wins; without a value loses")
  {
    ScoredRound r(small_criteria("  - field: submitted_at\n    prefer: lower\n"),
                  {{"A1", small_dossier("A1", "60", "100", "400", false, "2023-05-10T09:30:00+07:00")},
                   {"A2", small_dossier("A2", "60", "100", "400", false, "2023-05-10")},
                   {"A3", small_dossier("A3", "60", "100", "400")}},
                  1, {{1, "A1: 8, A2: 8, A3: 8", ""}});
    CHECK(r.order() == std::vector<std::string>{"A2", "A1", "A3"});
    CHECK(*r.app("A3").rank == 3);
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
    }
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
