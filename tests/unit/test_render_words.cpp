#include "scored_round.hpp"

#include "render/render.hpp"

#include <doctest/doctest.h>

using namespace ccn;
using namespace ccn::test;

namespace {

std::vector<std::pair<std::string, std::string>> same_facts(const std::vector<std::string>& ids)
{
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& id : ids) {
    out.emplace_back(id, small_dossier(id, "60", "100", "400"));
  }
  return out;
}

} // namespace

TEST_SUITE("render/words")
{
  TEST_CASE("a chair's rule that decides nothing says why, and gives no chair's total")
  {
    // Equal means; `members: chair` cannot compare. The explanation must
    // not show a total of 0.00 for the chair: nobody gave it.
    SUBCASE("the chair recused from a tied applicant")
    {
      ScoredRound r(small_criteria("  - members: chair\n"), same_facts({"A1", "A2"}), 3,
                    {{1, "A2: 7", "A1"}, {2, "A1: 8, A2: 7", ""}, {3, "A1: 6, A2: 7", ""}});
      REQUIRE_MESSAGE(r.result, all_messages(r.diags));
      const std::string en = render_table(*r.result, false, Lang{"en"});
      CHECK_MESSAGE(en.find("Tie-break by the total on the chair's own sheet: the chair (M1) has no own total for A1, "
                            "so this rule decides nothing.")
                      != std::string::npos,
                    en);
      CHECK(en.find("0.00 points") == std::string::npos);
      const std::string vi = render_table(*r.result, false, Lang{"vi"});
      CHECK_MESSAGE(vi.find("Chủ tịch Hội đồng (M1) không có tổng điểm riêng cho A1 nên tiêu chí này không phân định "
                            "được thứ tự.")
                      != std::string::npos,
                    vi);
      const std::string json = render_json(*r.result, Lang{"en"});
      CHECK(json.find("\"value\": \"0.00\"") == std::string::npos);
      CHECK(json.find("\"value\": null") != std::string::npos);
    }
    SUBCASE("the council has no chair")
    {
      ScoredRound r(small_criteria("  - members: chair\n"), same_facts({"A1", "A2"}), 2,
                    {{1, "A1: 8, A2: 7", ""}, {2, "A1: 7, A2: 8", ""}}, "", 0);
      REQUIRE_MESSAGE(r.result, all_messages(r.diags));
      const std::string en = render_table(*r.result, false, Lang{"en"});
      CHECK_MESSAGE(en.find("Tie-break by the total on the chair's own sheet: the council has no chair, so this rule "
                            "decides nothing.")
                      != std::string::npos,
                    en);
      const std::string vi = render_table(*r.result, false, Lang{"vi"});
      CHECK_MESSAGE(vi.find("Hội đồng không có Chủ tịch nên tiêu chí này không phân định được thứ tự.") != std::string::npos,
                    vi);
    }
    SUBCASE("the round has no council: its criteria have no judged criterion")
    {
      TempDir dir;
      std::string criteria = small_criteria("  - members: chair\n");
      criteria.replace(criteria.find("      - { id: P1, name: Plan, max: 10, judged: { step: 0.5 } }"), 62,
                       "      - { id: P1, name: Plan, max: 10, of: rent, per_unit: 1 }");
      dir.write("criteria.yaml", criteria);
      dir.write("A1.yaml", small_dossier("A1", "60", "100", "400"));
      dir.write("A2.yaml", small_dossier("A2", "60", "100", "400"));
      Diagnostics d;
      auto b = load_round(dir.write("round.yaml", "format: ccnscore/round@1\nid: r1\ntitle: T\ncriteria: criteria.yaml\n"
                                                  "dossiers: [A1.yaml, A2.yaml]\n"),
                          d);
      REQUIRE_MESSAGE(b, all_messages(d));
      auto r = score_round(*b, d);
      REQUIRE_MESSAGE(r, all_messages(d));
      const std::string en = render_table(*r, false, Lang{"en"});
      CHECK_MESSAGE(en.find("Tie-break by the total on the chair's own sheet: the round has no council, so this rule "
                            "decides nothing.")
                      != std::string::npos,
                    en);
    }
  }
}
