#include "scored_round.hpp"
#include "score/sensitivity.hpp"

using namespace ccn;
using namespace ccn::test;

namespace {

SmaaOptions few(uint64_t samples = 2000)
{
  SmaaOptions o;
  o.samples = samples;
  return o;
}

} // namespace

TEST_SUITE("score/sensitivity")
{
  TEST_CASE("weight thresholds, computed by hand")
  {
    // A1: F1 10, F2 10 × 400 / 500 = 8, P1 5 -> 23. A2: F1 0, F2 10, P1 8 -> 18. Lead 5.
    ScoredRound r(small_criteria(),
                  {{"A1", small_dossier("A1", "60", "100", "500")}, {"A2", small_dossier("A2", "50", "100", "400")}}, 1,
                  {{1, "A1: 5, A2: 8", ""}});
    REQUIRE(r.result);
    Sensitivity s = analyse_sensitivity(*r.bundle, *r.result, few());
    CHECK(s.first == "A1");
    CHECK(s.margin_exact == 5);
    REQUIRE(s.weights.size() == 3);
    // F1: lead 5 + change × 10 < 0 below weight 1/2.
    CHECK(*s.weights[0].change == ratio(-1, 2));
    CHECK(s.weights[0].below);
    // F2: lead 5 - change × 2 < 0 above weight 7/2.
    CHECK(*s.weights[1].change == ratio(5, 2));
    CHECK_FALSE(s.weights[1].below);
    // P1: lead 5 - change × 3 < 0 above weight 8/3.
    CHECK(*s.weights[2].change == ratio(5, 3));
  }

  TEST_CASE("a criterion where the first two are equal, or that would need a negative weight, cannot reverse them")
  {
    // Equal F1 and F2; A1 leads on P1 by 3: lowering P1's weight to 0 still leaves them tied at best.
    ScoredRound r(small_criteria(),
                  {{"A1", small_dossier("A1", "60", "100", "400")}, {"A2", small_dossier("A2", "60", "100", "400")}}, 1,
                  {{1, "A1: 8, A2: 5", ""}});
    Sensitivity s = analyse_sensitivity(*r.bundle, *r.result, few());
    CHECK_FALSE(s.weights[0].change);
    CHECK_FALSE(s.weights[1].change);
    CHECK_FALSE(s.weights[2].change);
  }

  TEST_CASE("one judged score moved by one step")
  {
    // A1: 10 + 8 + 7.5 = 25.5; A2: 10 + 10 + 5 = 25: half a point apart, one step of 0.5.
    ScoredRound r(small_criteria(),
                  {{"A1", small_dossier("A1", "60", "100", "500")}, {"A2", small_dossier("A2", "60", "100", "400")}}, 1,
                  {{1, "A1: 7.5, A2: 5", ""}});
    Sensitivity s = analyse_sensitivity(*r.bundle, *r.result, few());
    CHECK(s.moves_tried == 4);
    REQUIRE(s.flips.size() == 2);
    CHECK(s.flips[0].applicant == "A1");
    CHECK(s.flips[0].to == 7);
    CHECK(s.flips[0].winners == std::vector<std::string>{"A1", "A2"}); // tied first: nobody selected
    CHECK(s.flips[1].applicant == "A2");
    CHECK(s.flips[1].to == ratio(11, 2));
  }

  TEST_CASE("leave one member out")
  {
    // P1 means: A1 (10 + 4 + 4) / 3 = 6, A2 5. Without M1, A1 has 4 and A2 wins.
    ScoredRound r(small_criteria(), {{"A1", small_dossier("A1", "60", "100", "400")}, {"A2", small_dossier("A2", "60", "100", "400")}},
                  3, {{1, "A1: 10, A2: 5", ""}, {2, "A1: 4, A2: 5", ""}, {3, "A1: 4, A2: 5", ""}});
    Sensitivity s = analyse_sensitivity(*r.bundle, *r.result, few());
    REQUIRE(s.leave_one_out.size() == 3);
    CHECK(s.leave_one_out[0].changes_winner);
    CHECK(s.leave_one_out[0].winners == std::vector<std::string>{"A2"});
    CHECK_FALSE(s.leave_one_out[1].changes_winner);
    SUBCASE("without the quorum there is no ranking")
    {
      ScoredRound q(small_criteria(), {{"A1", small_dossier("A1", "60", "100", "400")}}, 3,
                    {{1, "A1: 10", ""}, {2, "A1: 4", ""}});
      Sensitivity t = analyse_sensitivity(*q.bundle, *q.result, few());
      REQUIRE(t.leave_one_out.size() == 2);
      CHECK_FALSE(t.leave_one_out[0].ranked);
    }
  }

  TEST_CASE("SMAA: zero spread, symmetry, and reproducibility")
  {
    TempDir dir;
    std::string c = dir.write("c.yaml", "format: ccnscore/criteria@1\nid: t\ntitle: T\nfields:\n  x: { type: number }\n"
                                        "  y: { type: number }\ngroups:\n  - id: g\n    name: G\n    criteria:\n"
                                        "      - { id: C1, name: X, max: 10, of: x, per_unit: 1 }\n"
                                        "      - { id: C2, name: Y, max: 10, of: y, per_unit: 1 }\n");
    auto dossier = [&](const std::string& id, int x, int y) {
      return dir.write(id + ".yaml", "format: ccnscore/dossier@1\napplicant: { id: " + id + ", name: N }\nfacts: { x: " +
                                       std::to_string(x) + ", y: " + std::to_string(y) + " }\n");
    };
    Diagnostics d;
    SUBCASE("with zero spread the winner is first in every sample")
    {
      auto b = load_direct(c, {dossier("A1", 7, 4), dossier("A2", 4, 6)}, d);
      REQUIRE(b);
      auto res = score_round(*b, d);
      REQUIRE(res);
      SmaaOptions o = few(5000);
      o.spread_percent = 0;
      SmaaResult m = run_smaa(*b, *res, o);
      CHECK(m.applicants.front() == "A1");
      CHECK(m.acceptability[0][0] == 1.0);
      CHECK(m.confidence == 1.0);
    }
    SUBCASE("two mirror-image applicants are first half the time")
    {
      auto b = load_direct(c, {dossier("A1", 6, 4), dossier("A2", 4, 6)}, d);
      REQUIRE(b);
      auto res = score_round(*b, d);
      REQUIRE(res);
      SmaaOptions o = few(100000);
      SmaaResult m = run_smaa(*b, *res, o);
      // The sampling error of a share near 0.5 at 10^5 samples is 0.0016.
      CHECK(m.acceptability[0][0] == doctest::Approx(0.5).epsilon(0.02));
      CHECK(m.acceptability[0][0] + m.acceptability[1][0] == doctest::Approx(1.0));
      SmaaOptions one = o;
      one.threads = 1;
      SmaaOptions two = o;
      two.threads = 2;
      CHECK(run_smaa(*b, *res, one).acceptability == run_smaa(*b, *res, two).acceptability);
      CHECK(run_smaa(*b, *res, one).central_weights == run_smaa(*b, *res, two).central_weights);
      SmaaOptions other = o;
      other.seed = 2;
      CHECK(run_smaa(*b, *res, other).acceptability != m.acceptability);
    }
  }
}

TEST_SUITE("score/sensitivity with the chair's proposal")
{
  TEST_CASE("a move that breaks the tie the chair settled lets the points decide, and is counted")
  {
    Diagnostics d;
    auto b = load_round(CCNSCORE_SOURCE_DIR "/samples/dong-lai-2025/round.yaml", d);
    REQUIRE_MESSAGE(b, all_messages(d));
    auto res = score_round(*b, d);
    REQUIRE_MESSAGE(res, all_messages(d));
    Sensitivity s = analyse_sensitivity(*b, *res, few(200));
    CHECK(s.winners == std::vector<std::string>{"D2"});
    // Every one-step move of a score of D1 or D2 breaks their tie at 80: raising D1
    // or lowering D2 makes D1 first on points; the others keep D2 first.
    CHECK(s.moves_tried == 120);
    REQUIRE(s.flips.size() == 40);
    for (const auto& f : s.flips) {
      CHECK(f.winners == std::vector<std::string>{"D1"});
    }
  }

  TEST_CASE("without a member the quorum is lost, also when the chair's proposal settled the tie")
  {
    // Two members, a quorum of 2/3: each sheet is needed. A1 and A2 tie at 7.5; the chair picks A2.
    TempDir dir;
    dir.write("criteria.yaml", small_criteria("  - proposal: chair\n"));
    dir.write("A1.yaml", small_dossier("A1", "60", "100", "400"));
    dir.write("A2.yaml", small_dossier("A2", "60", "100", "400"));
    dir.write("m1.yaml", small_sheet("M1", "A1: 8, A2: 7"));
    dir.write("m2.yaml", small_sheet("M2", "A1: 7, A2: 8"));
    Diagnostics d;
    auto b = load_round(dir.write("round.yaml", small_round({"A1", "A2"}, 2, {1, 2}) +
                                                  "chair_proposal:\n  selects: A2\n  reason: Phương án khả thi hơn\n"),
                        d);
    REQUIRE_MESSAGE(b, all_messages(d));
    auto res = score_round(*b, d);
    REQUIRE_MESSAGE(res, all_messages(d));
    Sensitivity s = analyse_sensitivity(*b, *res, few(200));
    CHECK(s.winners == std::vector<std::string>{"A2"});
    REQUIRE(s.leave_one_out.size() == 2);
    CHECK_FALSE(s.leave_one_out[0].ranked);
    CHECK_FALSE(s.leave_one_out[1].ranked);
  }
}

TEST_SUITE("score/sensitivity SMAA")
{
  TEST_CASE("only the ranked applicants take part, in listing order")
  {
    ScoredRound r(small_criteria(),
                  {{"A1", small_dossier("A1", "60", "100", "500")}, {"A2", small_dossier("A2", "60", "100", "400")},
                   {"A3", small_dossier("A3", "60", "100", "400", true)}},
                  1, {{1, "A1: 9, A2: 5, A3: 10", ""}});
    REQUIRE_MESSAGE(r.result, all_messages(r.diags));
    SmaaResult m = run_smaa(*r.bundle, *r.result, few(1000));
    CHECK(m.applicants == std::vector<std::string>{"A1", "A2"}); // A3 failed a gate
    REQUIRE(m.acceptability.size() == 2);
    CHECK(m.acceptability[0].size() == 2);
    CHECK(m.central_weights.size() == 3);
  }

  TEST_CASE("every sample of every wave of chunks is counted")
  {
    // 300000 samples are more than one wave of 64 chunks of 4096. With no
    // spread every sample ranks A1 first and A2 second, with the weights as they are.
    ScoredRound r(small_criteria(),
                  {{"A1", small_dossier("A1", "60", "100", "400")}, {"A2", small_dossier("A2", "60", "100", "400")}}, 1,
                  {{1, "A1: 8, A2: 5", ""}});
    REQUIRE(r.result);
    SmaaOptions o = few(300000);
    o.spread_percent = 0;
    o.threads = 2;
    SmaaResult m = run_smaa(*r.bundle, *r.result, o);
    CHECK(m.samples == 300000);
    CHECK(m.acceptability[0] == std::vector<double>{1.0, 0.0});
    CHECK(m.acceptability[1] == std::vector<double>{0.0, 1.0});
    CHECK(m.central_weights == std::vector<double>{1.0, 1.0, 1.0});
    CHECK(m.confidence == 1.0);
  }

  TEST_CASE("the judged points of every applicant vary within the members' range, not only the first's")
  {
    // A1: 10 + 10 + 6 = 26 whatever is drawn; A2: 10 + 8 + P1 drawn in [2, 10]
    // (M1 gave 2, M2 10): A2 is first when its P1 is above 8, once in four.
    ScoredRound r(small_criteria(),
                  {{"A1", small_dossier("A1", "60", "100", "400")}, {"A2", small_dossier("A2", "60", "100", "500")}}, 2,
                  {{1, "A1: 6, A2: 2", ""}, {2, "A1: 6, A2: 10", ""}});
    REQUIRE_MESSAGE(r.result, all_messages(r.diags));
    SmaaOptions o = few(20000);
    o.spread_percent = 0;
    o.judged_range = true;
    SmaaResult m = run_smaa(*r.bundle, *r.result, o);
    REQUIRE(m.applicants == std::vector<std::string>{"A1", "A2"});
    CHECK(m.acceptability[1][0] == doctest::Approx(0.25).epsilon(0.05));
  }

  TEST_CASE("the winner's confidence is a share of the draws, exactly one when it is first in every draw")
  {
    // A1: 10 + 10 + P1 in [7, 9]; A2: 10 + 8 + P1 in [2, 4]. A1 leads on F2
    // and on P1 whatever the weights and the draws.
    ScoredRound r(small_criteria(),
                  {{"A1", small_dossier("A1", "60", "100", "400")}, {"A2", small_dossier("A2", "60", "100", "500")}}, 2,
                  {{1, "A1: 7, A2: 2", ""}, {2, "A1: 9, A2: 4", ""}});
    REQUIRE_MESSAGE(r.result, all_messages(r.diags));
    SmaaOptions o = few(1000);
    o.judged_range = true;
    SmaaResult m = run_smaa(*r.bundle, *r.result, o);
    CHECK(m.acceptability[0][0] == 1.0);
    CHECK(m.confidence == 1.0);
  }

  TEST_CASE("judged points vary within the members' range, not beyond it")
  {
    // A1: 10 + 10 + mean(2, 10) = 26; A2: 10 + 8 + 6 = 24 (rent 500 against 400).
    // With P1 of A1 drawn in [2, 10] and A2's fixed at 6, A1 is first when
    // its P1 is above 4: three times in four.
    ScoredRound r(small_criteria(),
                  {{"A1", small_dossier("A1", "60", "100", "400")}, {"A2", small_dossier("A2", "60", "100", "500")}}, 2,
                  {{1, "A1: 2, A2: 6", ""}, {2, "A1: 10, A2: 6", ""}});
    REQUIRE_MESSAGE(r.result, all_messages(r.diags));
    SmaaOptions o = few(100000);
    o.spread_percent = 0;
    CHECK(run_smaa(*r.bundle, *r.result, o).acceptability[0][0] == 1.0);
    o.judged_range = true;
    SmaaResult m = run_smaa(*r.bundle, *r.result, o);
    CHECK(m.acceptability[0][0] == doctest::Approx(0.75).epsilon(0.02));
    CHECK(m.acceptability[1][0] == doctest::Approx(0.25).epsilon(0.05));
    // The central weights are the weights (no spread); the winner is first
    // with them as often as its P1 is above 4.
    CHECK(m.confidence == doctest::Approx(0.75).epsilon(0.02));
  }
}
