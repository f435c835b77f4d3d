#include "scored_round.hpp"

using namespace ccn;
using namespace ccn::test;

TEST_SUITE("score/round")
{
  TEST_CASE("57% against a band from 57 is exact, where binary floating point is not")
  {
    // 0.57 * 100 is 56.99999999999999 in binary floating point.
    ScoredRound r(small_criteria(), {{"A1", small_dossier("A1", "0.57", "1", "400")}}, 1, {{1, "A1: 8", ""}});
    CHECK(r.app("A1").criteria[0].points == 10);
    CHECK(r.app("A1").criteria[0].band == std::optional<size_t>(0));
  }

  TEST_CASE("the council's mean is exact, and a mean on a half rounds away from zero")
  {
    ScoredRound r(small_criteria("", "precision: 0\n"), {{"A1", small_dossier("A1", "0", "1", "400")}}, 3,
                  {{1, "A1: 7", ""}, {2, "A1: 7.5", ""}, {3, "A1: 8", ""}});
    const auto& a = r.app("A1");
    CHECK(a.criteria[2].points == ratio(15, 2));
    CHECK(a.total_exact == ratio(35, 2)); // 0 + 10 + 7.5
    CHECK(*a.total == 18);
    CHECK(a.groups[1].points == 8);
  }

  TEST_CASE("relative: higher takes a value of 0, scored 0, and refuses a negative one")
  {
    std::string criteria = small_criteria();
    criteria.replace(criteria.find("relative: lower"), 15, "relative: higher");
    {
      ScoredRound r(criteria,
                    {{"A1", small_dossier("A1", "60", "100", "0")}, {"A2", small_dossier("A2", "60", "100", "400")}}, 1,
                    {{1, "A1: 8, A2: 8", ""}});
      REQUIRE(r.app("A1").criteria.size() == 3);
      CHECK(r.app("A1").criteria[1].id == "F2");
      CHECK(r.app("A1").criteria[1].points == 0);
      CHECK(r.app("A2").criteria[1].points == 10);
      CHECK(r.app("A1").criteria[1].best == 400);
    }
    {
      // Every value 0: the best is 0, and nobody gets points for it.
      ScoredRound r(criteria,
                    {{"A1", small_dossier("A1", "60", "100", "0")}, {"A2", small_dossier("A2", "60", "100", "0")}}, 1,
                    {{1, "A1: 8, A2: 8", ""}});
      CHECK(r.app("A1").criteria[1].points == 0);
      CHECK(r.app("A2").criteria[1].points == 0);
    }
    {
      ScoredRound r(criteria,
                    {{"A1", small_dossier("A1", "60", "100", "-0.5")}, {"A2", small_dossier("A2", "60", "100", "400")}},
                    1, {{1, "A1: 8, A2: 8", ""}});
      CHECK_FALSE(r.result);
      CHECK_MESSAGE(has_message(r.diags, "criterion 'F2' (relative: higher): rent = -0.5 is negative"),
                    all_messages(r.diags));
    }
  }

  TEST_CASE("recused and absent members do not count in the mean")
  {
    ScoredRound r(small_criteria(),
                  {{"A1", small_dossier("A1", "60", "100", "400")}, {"A2", small_dossier("A2", "60", "100", "400")}}, 4,
                  {{1, "A1: 9, A2: 5", ""}, {2, "A1: 6", "A2"}, {3, "A1: 6, A2: 6", ""}});
    CHECK(r.app("A1").criteria[2].points == 7);
    CHECK(r.app("A2").criteria[2].points == ratio(11, 2));
    const auto& members = r.app("A2").criteria[2].members;
    REQUIRE(members.size() == 4);
    CHECK(members[1].recused);
    CHECK_FALSE(members[3].present);
    CHECK(r.app("A2").own_totals.count("M2") == 0);
    CHECK(r.app("A2").own_totals.at("M1") == 25);
  }

  TEST_CASE("rounding by total and by criterion")
  {
    // F2 = 10 × 3 / 9 = 3.333...; P1 = 8.
    auto dossiers = std::vector<std::pair<std::string, std::string>>{
      {"A1", small_dossier("A1", "60", "100", "3")}, {"A2", small_dossier("A2", "60", "100", "9")}};
    SUBCASE("total")
    {
      ScoredRound r(small_criteria("", "precision: 1\n"), dossiers, 1, {{1, "A1: 8, A2: 8.5", ""}});
      const auto& a = r.app("A2");
      CHECK(a.total_exact == Rational(10) + ratio(10, 3) + ratio(17, 2));
      CHECK(*a.total == ratio(218, 10)); // 21.8333 -> 21.8
      CHECK(a.criteria[1].shown == ratio(33, 10));
    }
    SUBCASE("criterion: sums of rounded values")
    {
      ScoredRound r(small_criteria("", "precision: 0\nrounding: criterion\n"), dossiers, 1, {{1, "A1: 8, A2: 8.5", ""}});
      const auto& a = r.app("A2");
      CHECK(*a.total == 22); // 10 + 3 + 9
      CHECK(a.total_exact == Rational(10) + ratio(10, 3) + ratio(17, 2));
      CHECK(a.groups[0].points == 13);
    }
  }

  TEST_CASE("pass rules: rounded points against exact thresholds, one reason per failed rule")
  {
    ScoredRound r(small_criteria("", "precision: 0\npass: { total: 20.5, group_percent: 50 }\n"),
                  {{"A1", small_dossier("A1", "60", "100", "400")}, {"A2", small_dossier("A2", "10", "100", "400")}}, 1,
                  {{1, "A1: 10, A2: 4.5", ""}});
    CHECK(r.app("A1").status == Status::selected);
    const auto& a2 = r.app("A2");
    CHECK(a2.status == Status::not_qualified);
    CHECK_FALSE(a2.rank.has_value());
    // fin 10 meets its minimum 10; plan 4.5 rounds to 5 and meets 5; the total 14.5 rounds to 15 < 20.5.
    REQUIRE(a2.reasons.size() == 1);
    CHECK(a2.reasons[0].kind == Reason::Kind::total_below);
    CHECK(a2.reasons[0].points == 15);
    CHECK(a2.reasons[0].threshold == Rational(41, 2));
    CHECK(a2.groups[1].passed);
  }

  TEST_CASE("weights multiply points before groups, totals, the scale and group minimums")
  {
    // F2 weight 2, P1 weight 0.5: fin max 10 + 20, plan max 5, scale 35;
    // group_percent 50 makes the minimums 15 and 2.5.
    std::string criteria = small_criteria("", "pass: { group_percent: 50 }\n");
    const std::string f2 = "{ id: F2, name: Rent, max: 10, of: rent, relative: lower }";
    criteria.replace(criteria.find(f2), f2.size(), "{ id: F2, name: Rent, max: 10, weight: 2, of: rent, relative: lower }");
    const std::string p1 = "{ id: P1, name: Plan, max: 10, judged: { step: 0.5 } }";
    criteria.replace(criteria.find(p1), p1.size(), "{ id: P1, name: Plan, max: 10, weight: 0.5, judged: { step: 0.5 } }");
    // A1: F1 10, F2 10 × 2, P1 7 × 0.5. A2: F1 10, F2 5 × 2, P1 4.5 × 0.5.
    ScoredRound r(criteria,
                  {{"A1", small_dossier("A1", "60", "100", "400")}, {"A2", small_dossier("A2", "60", "100", "800")}}, 1,
                  {{1, "A1: 7, A2: 4.5", ""}});
    CHECK(r.result->scale == 35);
    const Criteria& c = r.bundle->criteria;
    CHECK(c.group_min(c.groups[0]) == 15);
    CHECK(c.group_min(c.groups[1]) == ratio(5, 2));
    const auto& a1 = r.app("A1");
    CHECK(a1.criteria[1].points == 10);
    CHECK(a1.criteria[1].weighted == 20);
    CHECK(a1.criteria[1].shown == 20);
    CHECK(a1.criteria[2].weighted == ratio(7, 2));
    CHECK(a1.groups[0].points == 30);
    CHECK(a1.groups[1].points == ratio(35, 10));
    CHECK(*a1.total == ratio(335, 10));
    CHECK(a1.total_exact == ratio(67, 2));
    const auto& a2 = r.app("A2");
    CHECK(*a2.total == ratio(2225, 100)); // 10 + 10 + 2.25
    CHECK(a2.groups[1].points == ratio(225, 100));
    CHECK_FALSE(a2.groups[1].passed); // 2.25 < 2.5
    CHECK(a2.status == Status::not_qualified);
    CHECK(r.order() == std::vector<std::string>{"A1", "A2"});
  }

  TEST_CASE("a group's own min overrides group_percent, and a group exactly at its min passes")
  {
    // plan: min 6, where group_percent 50 would give 5.
    std::string criteria = small_criteria("", "pass: { group_percent: 50 }\n");
    const std::string plan = "  - id: plan\n    name: Plan\n";
    criteria.replace(criteria.find(plan), plan.size(), plan + "    min: 6\n");
    ScoredRound r(criteria,
                  {{"A1", small_dossier("A1", "60", "100", "400")}, {"A2", small_dossier("A2", "60", "100", "400")}}, 1,
                  {{1, "A1: 5.5, A2: 6", ""}});
    CHECK(r.bundle->criteria.group_min(r.bundle->criteria.groups[1]) == 6);
    const auto& a1 = r.app("A1");
    CHECK(a1.status == Status::not_qualified);
    CHECK(a1.groups[1].min == 6);
    CHECK_FALSE(a1.groups[1].passed);
    CHECK(a1.groups[0].passed);
    CHECK(a1.reasons.size() == 1);
    CHECK(r.app("A2").groups[1].passed);
    CHECK(r.app("A2").status == Status::selected);
  }

  TEST_CASE("a gate that fails disqualifies, and the applicant leaves the relative competition")
  {
    ScoredRound r(small_criteria(),
                  {{"A1", small_dossier("A1", "60", "100", "400")}, {"A2", small_dossier("A2", "60", "100", "100", true)}},
                  1, {{1, "A1: 8", ""}});
    const auto& a2 = r.app("A2");
    CHECK(a2.status == Status::disqualified);
    CHECK_FALSE(a2.total.has_value());
    CHECK(a2.criteria.empty());
    CHECK(r.app("A1").criteria[1].points == 10); // best rent among the competition is A1's own
  }

  TEST_CASE("deviation warnings: strictly beyond p% of max, comments make them explained")
  {
    // Scores 4, 8, 9 -> mean 7: M1 is 3 away (30% of 10), M3 is 2 away (exactly 20%).
    ScoredRound r(small_criteria(), {{"A1", small_dossier("A1", "60", "100", "400")}}, 3,
                  {{1, "A1: 4", ""}, {2, "A1: 8", ""}, {3, "A1: 9", ""}}, "  deviation_percent: 20\n");
    REQUIRE(r.result);
    REQUIRE(r.result->deviations.size() == 1);
    CHECK(r.result->deviations[0].member == "M1");
    CHECK(r.result->deviations[0].mean == 7);
    CHECK_FALSE(r.result->deviations[0].explained);
  }

  TEST_CASE("an empty comment, or one of spaces, is allowed but explains nothing")
  {
    TempDir dir;
    dir.write("criteria.yaml", small_criteria());
    dir.write("A1.yaml", small_dossier("A1", "60", "100", "400"));
    dir.write("m1.yaml", small_sheet("M1", "A1: 4") + "comments:\n  A1: { P1: \"\" }\n");
    // Spaces alone are as empty as a workbook's comment cell of spaces.
    dir.write("m3.yaml", small_sheet("M3", "A1: 9") + "comments:\n  A1: { P1: \"   \" }\n");
    dir.write("m2.yaml", small_sheet("M2", "A1: 8") + "comments:\n  A1: { P1: \"Phương án rất cụ thể\" }\n");
    Diagnostics d;
    auto b = load_round(dir.write("round.yaml", small_round({"A1"}, 3, {1, 2, 3}, "  deviation_percent: 10\n")), d);
    REQUIRE_MESSAGE(b, all_messages(d));
    auto r = score_round(*b, d);
    REQUIRE(r);
    // Mean 7: M1 is 3 away, M2 1, M3 2; the limit is 10% of 10 = 1.
    REQUIRE(r->deviations.size() == 2);
    CHECK(r->deviations[0].member == "M1");
    CHECK_FALSE(r->deviations[0].explained);
    CHECK(r->deviations[1].member == "M3");
    CHECK_FALSE(r->deviations[1].explained);
  }

  TEST_CASE("evaluation errors stop the round and name applicant and values")
  {
    SUBCASE("division by zero")
    {
      ScoredRound r(small_criteria(), {{"A1", small_dossier("A1", "60", "0", "400")}}, 1, {{1, "A1: 8", ""}});
      CHECK_FALSE(r.result);
      CHECK(has_message(r.diags, "A1.yaml:3:7: error: applicant 'A1': criterion 'F1': measure 'ratio': division by zero "
                                 "in \"equity / investment * 100\" with equity = 60, investment = 0"));
    }
    SUBCASE("zero in a relative: lower criterion")
    {
      ScoredRound r(small_criteria(), {{"A1", small_dossier("A1", "60", "100", "0")}}, 1, {{1, "A1: 8", ""}});
      CHECK_FALSE(r.result);
      CHECK(has_message(r.diags, "criterion 'F2' (relative: lower): rent = 0, but every value must be > 0"));
    }
    SUBCASE("no scorer left")
    {
      ScoredRound r(small_criteria(), {{"A1", small_dossier("A1", "60", "100", "5")}}, 1, {{1, "", "A1"}});
      CHECK_FALSE(r.result);
      CHECK(has_message(r.diags, "criterion 'P1' has no scorer left"));
    }
    SUBCASE("missing judged score")
    {
      ScoredRound r(small_criteria(),
                    {{"A1", small_dossier("A1", "60", "100", "5")}, {"A2", small_dossier("A2", "60", "100", "5")}}, 1,
                    {{1, "A1: 8", ""}});
      CHECK_FALSE(r.result);
      CHECK(has_message(r.diags, "member 'M1' gives no score for applicant 'A2', criterion 'P1'"));
    }
    SUBCASE("a disqualified applicant needs no scores, and scores for it are ignored")
    {
      ScoredRound r(small_criteria(),
                    {{"A1", small_dossier("A1", "60", "100", "5")}, {"A2", small_dossier("A2", "60", "100", "5", true)}},
                    1, {{1, "A1: 8", ""}});
      CHECK(r.result);
    }
  }

  TEST_CASE("quorum: present >= quorum x members, compared exactly")
  {
    auto dossiers = std::vector<std::pair<std::string, std::string>>{{"A1", small_dossier("A1", "60", "100", "5")}};
    SUBCASE("2 of 3 meets 2/3")
    {
      ScoredRound r(small_criteria(), dossiers, 3, {{1, "A1: 8", ""}, {2, "A1: 8", ""}});
      CHECK(r.result);
    }
    SUBCASE("3 of 5 misses 2/3")
    {
      ScoredRound r(small_criteria(), dossiers, 5, {{1, "A1: 8", ""}, {2, "A1: 8", ""}, {3, "A1: 8", ""}});
      CHECK_FALSE(r.result);
      CHECK(has_message(r.diags, "no quorum: 3 of 5 members handed in a sheet; quorum 2/3 needs at least 4"));
    }
    SUBCASE("a decimal quorum")
    {
      ScoredRound r(small_criteria(), dossiers, 4, {{1, "A1: 8", ""}, {2, "A1: 8", ""}}, "  quorum: 0.5\n");
      CHECK(r.result);
    }
  }

  TEST_CASE("a round with no judged criterion scores with a council whose sheets score nobody")
  {
    // The criteria without P1; the members hand in `scores: {}`. Each
    // member's own total is then the applicant's total.
    std::string criteria = small_criteria("  - { members: majority }\n  - { members: chair }\n");
    auto judged = criteria.find("  - id: plan");
    criteria.erase(judged, criteria.find("tie_break:") - judged);
    TempDir dir;
    dir.write("criteria.yaml", criteria);
    dir.write("A1.yaml", small_dossier("A1", "60", "100", "400"));
    dir.write("A2.yaml", small_dossier("A2", "60", "100", "400"));
    for (int m = 1; m <= 3; ++m) {
      dir.write("m" + std::to_string(m) + ".yaml",
                "format: ccnscore/sheet@1\nround: r1\nmember: M" + std::to_string(m) + "\nscores: {}\n");
    }
    Diagnostics diags;
    auto bundle = load_round(dir.write("round.yaml", small_round({"A1", "A2"}, 3, {1, 2, 3})), diags);
    REQUIRE_MESSAGE(bundle, all_messages(diags));
    CHECK_FALSE(bundle->criteria.has_judged());
    auto result = score_round(*bundle, diags);
    REQUIRE_MESSAGE(result, all_messages(diags));
    const ApplicantResult* a1 = result->find("A1");
    REQUIRE(a1 != nullptr);
    CHECK(*a1->total == 20);
    CHECK(a1->own_totals.size() == 3);
    CHECK(a1->own_totals.at("M2") == 20);
    // Equal totals, and the members' rules cannot separate equal own totals.
    CHECK(a1->rank == 1);
    CHECK(result->find("A2")->rank == 1);
    CHECK(a1->status == Status::tied_first);
  }

  TEST_CASE("the sample round with weights other than 1 gives the totals worked out by hand")
  {
    // samples/hien-luong-2026 under criteria/phu-tho-2026.yaml: weights
    // I.1 1, I.2 0.5, II.1 1.5, III.1 2, III.2 2, IV.1 2, IV.2 1.5, IV.3 1;
    // rounding: criterion, precision 2, group_percent 30.
    Diagnostics diags;
    auto bundle = load_round(CCNSCORE_SOURCE_DIR "/samples/hien-luong-2026/round.yaml", diags);
    REQUIRE_MESSAGE(bundle, all_messages(diags));
    auto result = score_round(*bundle, diags);
    REQUIRE_MESSAGE(result, all_messages(diags));
    // Group maximums are max x weight: 10 + 5, 15, 20 + 10, 20 + 15 + 5.
    CHECK(result->scale == 100);
    CHECK(bundle->criteria.group_min(bundle->criteria.groups[2]) == 9); // 30% of 30
    // P1, by hand:
    //   I.1   judged (8 + 8.5 + 7.5 + 8 + 5.5) / 5 = 7.5                 x 1   =  7.50
    //   I.2   24 months -> band "to 24" 10                              x 0.5 =  5.00
    //   II.1  judged (7.5 + 7 + 7.5 + 8 + 7) / 5 = 7.4                   x 1.5 = 11.10
    //   III.1 3 projects x 2.5 = 7.5                                    x 2   = 15.00
    //   III.2 6 people -> band "from 5" 5                               x 2   = 10.00
    //   IV.1  98 / 420 = 23.33% -> band "from 20 below 30" 7            x 2   = 14.00
    //   IV.2  judged (8 + 7.5 + 8 + 7 + 7.5) / 5 = 7.6                   x 1.5 = 11.40
    //   IV.3  bank letter -> 5                                          x 1   =  5.00
    //   total 79.00; with every weight taken as 1 it would be 57.00.
    const ApplicantResult* p1 = result->find("P1");
    REQUIRE(p1 != nullptr);
    CHECK(*p1->total == 79);
    CHECK(p1->groups[3].points == ratio(3040, 100));
    CHECK(p1->status == Status::selected);
    // P2 (M5 recused, so 4 scorers):
    //   I.1   (7 + 7.5 + 6.5 + 7.5) / 4 = 7.125                           x 1   ->  7.13
    //   I.2   30 months -> band "above 24 to 36" 6                      x 0.5 =  3.00
    //   II.1  (8.5 + 8 + 8 + 7.5) / 4 = 8                                x 1.5 = 12.00
    //   III.1 1 project x 2.5                                           x 2   =  5.00
    //   III.2 4 people -> band "from 3 below 5" 3                       x 2   =  6.00
    //   IV.1  150 / 450 = 33.33% -> band "from 30" 10                   x 2   = 20.00
    //   IV.2  (8 + 8.5 + 8 + 6.5) / 4 = 7.75                             x 1.5 = 11.625 -> 11.63
    //   IV.3  no bank letter                                                  =  0.00
    //   exact sum 64.75, but each criterion is rounded first: total 64.76.
    const ApplicantResult* p2 = result->find("P2");
    REQUIRE(p2 != nullptr);
    CHECK(p2->total_exact == ratio(6475, 100));
    CHECK(*p2->total == ratio(6476, 100));
    CHECK(p2->groups[0].points == ratio(1013, 100));
    CHECK(p2->rank == 2);
    // P3: group III is 2.5 x 2 + 0 = 5, below 30% of 30 = 9, and the total
    // 5.80 + 3 + 6.60 + 5 + 0 + 8 + 9.45 + 5 = 42.85 is below 50: two reasons.
    const ApplicantResult* p3 = result->find("P3");
    REQUIRE(p3 != nullptr);
    CHECK(p3->groups[2].points == 5);
    CHECK_FALSE(p3->groups[2].passed);
    CHECK(*p3->total == ratio(4285, 100));
    CHECK(p3->status == Status::not_qualified);
    CHECK(p3->reasons.size() == 2);
  }
}
