#include "scored_round.hpp"
#include "what_if_check.hpp"

#include <filesystem>
#include <random>

using namespace ccn;
using namespace ccn::test;

namespace {

// A random round made to tie: applicants with nearly equal facts, scores
// from a narrow set, random tie-break rules (members' own totals and the
// chair's proposal among them), both rounding modes, thresholds near the
// totals, recusals and an absent member.
struct RandomRound
{
  TempDir dir;
  Diagnostics diags;
  std::optional<RoundBundle> bundle;
  std::optional<RoundResult> result;

  explicit RandomRound(unsigned seed)
  {
    std::mt19937 rng(seed);
    auto pick = [&](std::vector<std::string> from) { return from[rng() % from.size()]; };
    auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };

    std::vector<std::string> rules = {"  - group: a\n", "  - criterion: J1\n", "  - members: majority\n",
                                      "  - members: chair\n", "  - field: submitted_at\n    prefer: lower\n"};
    std::shuffle(rules.begin(), rules.end(), rng);
    rules.resize(rng() % 4);
    const bool proposal_rule = chance(0.4);
    std::string tie_break;
    for (const auto& r : rules) {
      tie_break += r;
    }
    tie_break += proposal_rule ? "  - proposal: chair\n" : "";
    dir.write("criteria.yaml",
              "format: ccnscore/criteria@1\nid: rnd\ntitle: Random\nprecision: " + pick({"0", "1", "2"}) +
                "\nrounding: " + pick({"total", "criterion"}) + "\npass:\n  total: " + pick({"0", "9", "11.5"}) +
                "\nfields:\n  x: { type: number, min: 0 }\ngroups:\n  - id: a\n    name: A\n" +
                pick({"", "    min: 8\n"}) +
                "    criteria:\n"
                "      - { id: C1, name: C1, max: 10, of: x, per_unit: 1 }\n"
                "      - { id: J1, name: J1, max: 10, weight: 1.5, judged: { step: 0.5 } }\n"
                "  - id: b\n    name: B\n    criteria:\n"
                "      - { id: J2, name: J2, max: 4, weight: 0.35, judged: {} }\n"
                "      - { id: J3, name: J3, max: 3, judged: { step: 1 } }\n" +
                (tie_break.empty() ? "" : "tie_break:\n" + tie_break));
    const int applicants = 2 + static_cast<int>(rng() % 3);
    std::vector<std::string> ids;
    for (int i = 1; i <= applicants; ++i) {
      std::string id = "A" + std::to_string(i);
      ids.push_back(id);
      std::string submitted = pick({"", "  submitted_at: 2024-05-10\n", "  submitted_at: 2024-05-11\n"});
      dir.write(id + ".yaml", "format: ccnscore/dossier@1\napplicant:\n  id: " + id + "\n  name: Công ty " + id +
                                "\n" + submitted + "facts:\n  x: " + pick({"1", "1", "1.5"}) + "\n");
    }
    const int members = 1 + static_cast<int>(rng() % 4);
    std::vector<int> sheets;
    const int absent = members >= 3 && chance(0.3) ? 1 + static_cast<int>(rng() % members) : 0;
    for (int m = 1; m <= members; ++m) {
      if (m == absent) {
        continue;
      }
      sheets.push_back(m);
      std::string recused;
      std::string scores;
      for (const auto& id : ids) {
        if (sheets.size() > 1 && chance(0.15)) {
          recused += (recused.empty() ? "" : ", ") + id;
          continue;
        }
        scores += "  " + id + ": { J1: " + pick({"4", "4.5", "5"}) + ", J2: " + pick({"0", "1.5", "4"}) +
                  ", J3: " + pick({"1", "2"}) + " }\n";
      }
      dir.write("m" + std::to_string(m) + ".yaml",
                "format: ccnscore/sheet@1\nround: r1\nmember: M" + std::to_string(m) + "\n" +
                  (recused.empty() ? "" : "recused: [" + recused + "]\n") + "scores:\n" + scores);
    }
    const std::string round = small_round(ids, members, sheets, "", static_cast<int>(rng() % (members + 1)));
    bundle = load_round(dir.write("round.yaml", round), diags);
    result = bundle ? score_round(*bundle, diags) : std::nullopt;
    if (result && !result->awaiting_proposal.empty() && chance(0.8)) {
      // The chair settles the tie for first.
      const auto& tied = result->awaiting_proposal;
      std::string selects = tied[rng() % tied.size()];
      result.reset();
      bundle = load_round(dir.write("round.yaml", round + "chair_proposal:\n  selects: " + selects +
                                                    "\n  reason: Phương án khả thi hơn\n"),
                          diags);
      result = bundle ? score_round(*bundle, diags) : std::nullopt;
    }
  }
};

} // namespace

TEST_SUITE("score/what_if")
{
  TEST_CASE("every what-if of every sample round gives the winners of scoring the changed round")
  {
    WhatIfCheck all;
    size_t rounds = 0;
    for (const auto& entry : std::filesystem::directory_iterator(CCNSCORE_SOURCE_DIR "/samples")) {
      const auto path = entry.path() / "round.yaml";
      if (!std::filesystem::exists(path)) {
        continue;
      }
      CAPTURE(path.string());
      Diagnostics d;
      auto bundle = load_round(path.string(), d);
      REQUIRE_MESSAGE(bundle, all_messages(d));
      auto base = score_round(*bundle, d);
      REQUIRE_MESSAGE(base, all_messages(d));
      WhatIfCheck one = check_what_ifs(*bundle, *base);
      for (const auto& diff : one.differences) {
        FAIL_CHECK(diff);
      }
      all.moves += one.moves;
      all.moves_changing += one.moves_changing;
      all.left_out += one.left_out;
      ++rounds;
    }
    CHECK(rounds >= 5);
    // The comparison means something only if some moves change the winners.
    CHECK(all.moves > 500);
    CHECK(all.moves_changing > 40);
    CHECK(all.left_out > 10);
  }

  TEST_CASE("every what-if of random rounds gives the winners of scoring the changed round")
  {
    WhatIfCheck all;
    size_t rounds = 0;
    for (unsigned seed = 1; seed <= 300; ++seed) {
      RandomRound r(seed);
      if (!r.result) {
        continue; // a random round without a scorer for someone, say
      }
      CAPTURE(seed);
      WhatIfCheck one = check_what_ifs(*r.bundle, *r.result);
      for (const auto& diff : one.differences) {
        FAIL_CHECK(diff);
      }
      all.moves += one.moves;
      all.moves_changing += one.moves_changing;
      all.left_out += one.left_out;
      all.left_out_changing += one.left_out_changing;
      all.left_out_unranked += one.left_out_unranked;
      ++rounds;
    }
    MESSAGE(rounds << " rounds, " << all.moves << " moves (" << all.moves_changing << " change the winners), "
                   << all.left_out << " sheets left out (" << all.left_out_changing << " change the winners, "
                   << all.left_out_unranked << " leave no ranking)");
    CHECK(rounds > 200);
    CHECK(all.moves_changing > 1000);
    CHECK(all.left_out_changing > 50);
    CHECK(all.left_out_unranked > 10);
  }

  TEST_CASE("a move of a disqualified applicant's score, or of a score nobody reads, changes nothing")
  {
    ScoredRound r(small_criteria(), {{"A1", small_dossier("A1", "60", "100", "400")},
                                     {"A2", small_dossier("A2", "60", "100", "400", true)}},
                  1, {{1, "A1: 5, A2: 9", ""}});
    REQUIRE(r.result);
    WhatIf w(*r.bundle, *r.result);
    const size_t p1 = 2;
    CHECK(w.winners_after({0, "A2", p1, Rational(0)}) == std::vector<std::string>{"A1"});
    CHECK(w.winners_after({0, "A1", 0, Rational(0)}) == std::vector<std::string>{"A1"}); // F1 is not judged
    // Only A1 passed the gates: only its scores are moves.
    auto moves = one_step_moves(*r.bundle, *r.result);
    REQUIRE(moves.size() == 2);
    CHECK(moves[0].applicant == "A1");
    CHECK(moves[0].to == ratio(9, 2));
    CHECK(moves[1].to == ratio(11, 2));
  }

  TEST_CASE("leaving out a member whose sheet scores a disqualified applicant in part changes only what counted")
  {
    // Two judged criteria. A2 fails the gate: M1's sheet gives it P1 only,
    // which the spec allows and ignores (section 5). Each member left out in
    // turn must give the winners of scoring the round without that sheet.
    std::string criteria = small_criteria();
    const std::string p1 = "      - { id: P1, name: Plan, max: 10, judged: { step: 0.5 } }\n";
    criteria.replace(criteria.find(p1), p1.size(), p1 + "      - { id: P2, name: Market, max: 10, judged: {} }\n");
    TempDir dir;
    dir.write("criteria.yaml", criteria);
    dir.write("A1.yaml", small_dossier("A1", "60", "100", "400"));
    dir.write("A2.yaml", small_dossier("A2", "60", "100", "300", true));
    dir.write("A3.yaml", small_dossier("A3", "60", "100", "400"));
    auto sheet = [](const std::string& member, const std::string& scores) {
      return "format: ccnscore/sheet@1\nround: r1\nmember: " + member + "\nscores:\n" + scores;
    };
    dir.write("m1.yaml", sheet("M1", "  A1: { P1: 5, P2: 6 }\n  A2: { P1: 9 }\n  A3: { P1: 10, P2: 10 }\n"));
    dir.write("m2.yaml", sheet("M2", "  A1: { P1: 7, P2: 8 }\n  A2: { P1: 3, P2: 4 }\n  A3: { P1: 6, P2: 6 }\n"));
    dir.write("m3.yaml", sheet("M3", "  A1: { P1: 6, P2: 6 }\n  A3: { P1: 6, P2: 6 }\n"));
    Diagnostics diags;
    auto bundle = load_round(dir.write("round.yaml", small_round({"A1", "A2", "A3"}, 3, {1, 2, 3}, "  quorum: \"1/2\"\n")), diags);
    REQUIRE_MESSAGE(bundle, all_messages(diags));
    auto result = score_round(*bundle, diags);
    REQUIRE_MESSAGE(result, all_messages(diags));
    REQUIRE(bundle->sheets[0].scores.at("A2").size() == 1); // the part-scored disqualified applicant
    WhatIfCheck check = check_what_ifs(*bundle, *result);
    CHECK(check.left_out == 3);
    CHECK_MESSAGE(check.differences.empty(), check.differences.front());
    // A3 leads on its 10s from M1 (judged points 22/3 + 22/3 against A1's
    // 6 + 20/3); without M1 it has 6 + 6 against A1's 13/2 + 7.
    CHECK(rank_one(*result) == std::vector<std::string>{"A3"});
    CHECK(WhatIf(*bundle, *result).winners_without(0) == std::vector<std::string>{"A1"});
  }

  TEST_CASE("moves stay within 0 and max: both ends are reached, never passed")
  {
    // The moves of A1's one judged score `score`, as "to" values in order.
    auto moves_from = [](const std::string& criteria, const std::string& score) {
      ScoredRound r(criteria, {{"A1", small_dossier("A1", "60", "100", "400")}}, 1, {{1, "A1: " + score, ""}});
      REQUIRE_MESSAGE(r.result, all_messages(r.diags));
      std::vector<std::string> out;
      for (const auto& m : one_step_moves(*r.bundle, *r.result)) {
        out.push_back(to_exact_string(m.to));
      }
      return out;
    };
    using V = std::vector<std::string>;
    const std::string stepped = small_criteria(); // P1: max 10, step 0.5
    CHECK(moves_from(stepped, "0") == V{"1/2"});
    CHECK(moves_from(stepped, "0.5") == V{"0", "1"});
    CHECK(moves_from(stepped, "9.5") == V{"9", "10"});
    CHECK(moves_from(stepped, "10") == V{"19/2"});
    std::string free = small_criteria();
    free.replace(free.find("judged: { step: 0.5 }"), 21, "judged: {}");
    CHECK(moves_from(free, "0") == V{"10"});
    CHECK(moves_from(free, "4") == V{"0", "10"});
    CHECK(moves_from(free, "10") == V{"0"});
  }

  TEST_CASE("leaving out the only scorer of a criterion, or the quorum, leaves no ranking")
  {
    // M2 recused from A2: without M1 nobody scored A2. A quorum of one half.
    ScoredRound r(small_criteria(), {{"A1", small_dossier("A1", "60", "100", "400")},
                                     {"A2", small_dossier("A2", "60", "100", "400")}},
                  2, {{1, "A1: 5, A2: 6", ""}, {2, "A1: 7", "A2"}}, "  quorum: \"1/2\"\n");
    REQUIRE_MESSAGE(r.result, all_messages(r.diags));
    WhatIf w(*r.bundle, *r.result);
    CHECK_FALSE(w.winners_without(0));
    CHECK(w.winners_without(1) == std::vector<std::string>{"A2"});
    ScoredRound q(small_criteria(), {{"A1", small_dossier("A1", "60", "100", "400")}}, 3,
                  {{1, "A1: 10", ""}, {2, "A1: 4", ""}});
    REQUIRE(q.result);
    CHECK_FALSE(WhatIf(*q.bundle, *q.result).winners_without(0));
  }
}
