#include "cli_helpers.hpp"
#include "scored_round.hpp"

#include "render/render.hpp"

#include <doctest/doctest.h>

using namespace ccn;
using namespace ccn::test;

namespace {

// Criteria with a relative criterion of maximum `max` and a flag criterion
// worth `flag`, at precision 6; A1 (rent 17) is best, A2 pays 19.
struct LargeRound
{
  TempDir dir;
  std::vector<std::string> args;

  LargeRound(const std::string& max, const std::string& flag)
  {
    std::string criteria = dir.write("criteria.yaml", "format: ccnscore/criteria@1\n"
                                                      "id: so-lon\n"
                                                      "title: Tiêu chí thử số lớn\n"
                                                      "precision: 6\n"
                                                      "fields:\n"
                                                      "  rent: { type: number, min: 0 }\n"
                                                      "  ok: { type: bool }\n"
                                                      "groups:\n"
                                                      "  - id: g\n"
                                                      "    name: Nhóm\n"
                                                      "    criteria:\n"
                                                      "      - { id: R1, name: Giá thuê, max: "
                                                        + max + ", of: rent, relative: lower }\n"
                                                        "      - { id: F1, name: Cam kết, max: "
                                                        + flag + ", of: ok, flag: " + flag + " }\n");
    std::string a1 = dir.write("a1.yaml", "format: ccnscore/dossier@1\n"
                                          "applicant: { id: A1, name: Công ty TNHH Phú Thịnh }\n"
                                          "facts: { rent: 17, ok: true }\n");
    std::string a2 = dir.write("a2.yaml", "format: ccnscore/dossier@1\n"
                                          "applicant: { id: A2, name: Công ty Cổ phần Hòa Lạc }\n"
                                          "facts: { rent: 19, ok: false }\n");
    args = {"rank", "--criteria", criteria, a1, a2, "-f", "json"};
  }
};

} // namespace

TEST_SUITE("render/json")
{
  TEST_CASE("numbers of the result are written from their exact decimal text")
  {
    SUBCASE("a maximum of a million million at precision 6")
    {
      LargeRound round("1000000000000", "1");
      Run r = run(round.args);
      REQUIRE(r.status == 0);
      // 10^12 × 17/19 = 894736842105.26315789…
      CHECK(r.out.find("\"total\": 894736842105.263158,") != std::string::npos);
      CHECK(r.out.find("\"total\": 1000000000001,") != std::string::npos);
      CHECK(r.out.find("\"scale\": 1000000000001,") != std::string::npos);
    }
    SUBCASE("a 40-digit maximum and an exponent of 30, the limits ccnscore(1) documents")
    {
      LargeRound round("1e30", "1234567890123456789012345678901234567890");
      Run r = run(round.args);
      REQUIRE(r.status == 0);
      CHECK(r.out.find("\"total\": 1234567891123456789012345678901234567890,") != std::string::npos);
      CHECK(r.out.find("\"total\": 894736842105263157894736842105.263158,") != std::string::npos);
      CHECK(r.out.find("\"points\": 894736842105263157894736842105.263158,") != std::string::npos);
      CHECK(r.out.find("\"exact\": \"17000000000000000000000000000000/19\"") != std::string::npos);
    }
  }

  TEST_CASE("a basis shows the values it computes with, not values rounded to the points' precision")
  {
    // Precision 0: the points are whole, but the rents 400.5 and 801 are
    // what 10 × 400.5 / 801 = 5 is computed from.
    ScoredRound r(small_criteria("", "precision: 0\n"),
                  {{"A1", small_dossier("A1", "60", "100", "400.5")}, {"A2", small_dossier("A2", "60", "100", "801")}}, 1,
                  {{1, "A1: 8, A2: 8", ""}});
    REQUIRE(r.result);
    const std::string json = render_json(*r.result, Lang{"en"});
    CHECK(json.find("10 × 400.5 / 801 = 5 points") != std::string::npos);
    CHECK(json.find("401") == std::string::npos);
  }

  TEST_CASE("a member's score is written with the decimals it holds exactly")
  {
    // 8.0625 = 129/16 needs four decimals, 7.04 = 176/25 two, 6.5 one, 9 none.
    std::string criteria = small_criteria();
    criteria.replace(criteria.find("step: 0.5"), 9, "step: 0.0025");
    ScoredRound r(criteria,
                  {{"A1", small_dossier("A1", "60", "100", "400")}, {"A2", small_dossier("A2", "60", "100", "400")},
                   {"A3", small_dossier("A3", "60", "100", "400")}, {"A4", small_dossier("A4", "60", "100", "400")}},
                  1, {{1, "A1: 8.0625, A2: 7.04, A3: 6.50, A4: 9", ""}});
    REQUIRE(r.result);
    const std::string json = render_json(*r.result, Lang{"en"});
    CHECK(json.find("\"P1\": 8.0625\n") != std::string::npos);
    CHECK(json.find("\"P1\": 7.04\n") != std::string::npos);
    CHECK(json.find("\"P1\": 6.5\n") != std::string::npos);
    CHECK(json.find("\"P1\": 9\n") != std::string::npos);
  }

  TEST_CASE("a deviation warning gives the score the member wrote, to its last decimal")
  {
    // Every score is far from the mean (9 + 9 + 0.0000001) / 3. M1's
    // warning names 0.0000001, not 0, which no member gave.
    std::string criteria = small_criteria();
    criteria.replace(criteria.find("judged: { step: 0.5 }"), 21, "judged: {}");
    ScoredRound r(criteria, {{"A1", small_dossier("A1", "60", "100", "400")}}, 3,
                  {{1, "A1: 0.0000001", ""}, {2, "A1: 9", ""}, {3, "A1: 9", ""}}, "  deviation_percent: 20\n");
    REQUIRE_MESSAGE(r.result, all_messages(r.diags));
    REQUIRE(r.result->deviations.size() == 3);
    const std::string json = render_json(*r.result, Lang{"en"});
    CHECK_MESSAGE(json.find("\"score\": 0.0000001,") != std::string::npos, json);
    CHECK(json.find("\"mean_exact\": \"180000001/30000000\"") != std::string::npos);
  }

  TEST_CASE("verify compares the numbers of a result to the last digit")
  {
    LargeRound round("1e30", "1");
    round.args.insert(round.args.end(), {"-o", round.dir.path("result.json")});
    REQUIRE(run(round.args).status == 0);
    CHECK(run({"verify", round.dir.path("result.json")}).status == 0);
    // One digit less in the 36th place: a double could not tell them apart.
    std::string text = read_text(round.dir.path("result.json"));
    const std::string shown = "894736842105263157894736842105.263158";
    size_t at = text.find("\"total\": " + shown);
    REQUIRE(at != std::string::npos);
    text.replace(at + 9, shown.size(), "894736842105263157894736842105.263157");
    round.dir.write("result.json", text);
    Run r = run({"verify", round.dir.path("result.json")});
    CHECK(r.status == 4);
    CHECK(r.out.find("total: recorded 894736842105263157894736842105.263157, recomputed "
                     "894736842105263157894736842105.263158")
          != std::string::npos);
  }
}
