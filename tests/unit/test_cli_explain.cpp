#include "cli_helpers.hpp"
#include "scored_round.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace ccn;
using namespace ccn::test;

TEST_SUITE("cli/explain")
{
  TEST_CASE("control characters and direction overrides in a name are shown as escapes")
  {
    SampleCopy s;
    std::string path = s.path("samples/thanh-ha-2023/dossiers/a1.yaml");
    std::string text = read_text(path);
    const std::string name = "name: Công ty Cổ phần Đầu tư Hạ tầng Sông Đà Xanh";
    REQUIRE(text.find(name) != std::string::npos);
    // Control characters are refused when the dossier is read; direction
    // overrides are text, and are escaped when shown.
    text.replace(text.find(name), name.size(), "name: \"Công ty\\u2067ẩn\\u2069\"");
    std::ofstream(path, std::ios::binary) << text;
    Run r = run({"explain", s.path("samples/thanh-ha-2023/round.yaml"), "A1"});
    REQUIRE(r.status == 0);
    CHECK(r.out.find("A1 — Công ty\\u2067ẩn\\u2069\n") != std::string::npos);
    CHECK(r.out.find("\xe2\x81\xa7") == std::string::npos);
  }

  TEST_CASE("a difference below the precision is shown exactly, not as -0")
  {
    // Precision 0: rents 400 and 401 give F2 10 and 9.975..., both shown as
    // 10, and equal totals; the difference of 0.0249... is written exactly.
    ScoredRound r(small_criteria("", "precision: 0\n"),
                  {{"A1", small_dossier("A1", "60", "100", "400")}, {"A2", small_dossier("A2", "60", "100", "401")}}, 1,
                  {{1, "A1: 8, A2: 8", ""}});
    REQUIRE(r.result);
    Run run_en = run({"explain", r.dir.path("round.yaml"), "A1", "--vs", "A2", "--lang", "en"});
    REQUIRE(run_en.status == 0);
    CHECK(run_en.out.find("equal totals.") != std::string::npos);
    CHECK(run_en.out.find("F2 +≈0.024938 (10 against ≈9.975062) Rent") != std::string::npos);
    CHECK(run_en.out.find("+0 ") == std::string::npos);
  }

  TEST_CASE("the chair's proposal is not said to decide against an applicant that failed a rule with the same total")
  {
    // A1 and A2 tie for first at 20 (finance 20, plan 0), and the chair
    // proposes A1. A3 has 20 too (finance 10, plan 10) but fails the
    // finance minimum of 15: it was never tied with A1.
    std::string criteria = small_criteria("  - proposal: chair\n");
    const std::string finance = "    name: Finance\n";
    REQUIRE(criteria.find(finance) != std::string::npos);
    criteria.replace(criteria.find(finance), finance.size(), finance + "    min: 15\n");
    ScoredRound r(criteria,
                  {{"A1", small_dossier("A1", "60", "100", "400")}, {"A2", small_dossier("A2", "60", "100", "400")},
                   {"A3", small_dossier("A3", "50", "100", "400")}},
                  1, {{1, "A1: 0, A2: 0, A3: 10", ""}});
    REQUIRE(r.result);
    std::ofstream(r.dir.path("round.yaml"), std::ios::app)
      << "chair_proposal:\n  selects: A1\n  reason: Phương án khả thi hơn\n";
    Run tied = run({"explain", r.dir.path("round.yaml"), "A1", "--vs", "A2", "--lang", "en"});
    REQUIRE_MESSAGE(tied.status == 0, tied.err);
    Run failed = run({"explain", r.dir.path("round.yaml"), "A1", "--vs", "A3", "--lang", "en"});
    REQUIRE_MESSAGE(failed.status == 0, failed.err);
    CHECK(failed.out.find("equal totals.") != std::string::npos);
    // The line that the proposal settled it: for A2, not for A3.
    const std::string settled = tied.out.substr(tied.out.rfind("\n  ", tied.out.size() - 2));
    REQUIRE_MESSAGE(settled.find("proposal") != std::string::npos, tied.out);
    CHECK_MESSAGE(failed.out.find("proposal") == std::string::npos, failed.out);
  }

  TEST_CASE("a pass rule missed is said after the groups, not under the gates")
  {
    // Criteria without gates: the total below the pass mark is no gate.
    TempDir dir;
    dir.write("c.yaml", "format: ccnscore/criteria@1\nid: c\ntitle: C\npass: { total: 5 }\nfields:\n"
                        "  n: { type: number }\ngroups:\n  - { id: g, name: Nhóm, criteria: [{ id: C1, name: Tiêu "
                        "chí, max: 10, of: n, per_unit: 1 }] }\n");
    dir.write("a1.yaml", "format: ccnscore/dossier@1\napplicant: { id: A1, name: Một }\nfacts: { n: 8 }\n");
    dir.write("a2.yaml", "format: ccnscore/dossier@1\napplicant: { id: A2, name: Hai }\nfacts: { n: 3 }\n");
    const std::string round = dir.write("r.yaml", "format: ccnscore/round@1\nid: r\ntitle: R\ncriteria: c.yaml\n"
                                                  "dossiers: [a1.yaml, a2.yaml]\n");
    Run r = run({"explain", round, "A2", "--lang", "en"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK_MESSAGE(r.out.find("Gates:\n  the criteria have no gates\n\nHow each point came about:") != std::string::npos,
                  r.out);
    const size_t groups = r.out.find("Groups:");
    const size_t reason = r.out.find("Not qualified:\n  the total of 3.00 points is below the pass mark of 5 points\n");
    REQUIRE_MESSAGE(reason != std::string::npos, r.out);
    CHECK(reason > groups);
    Run vi = run({"explain", round, "A2", "--lang", "vi"});
    CHECK(vi.out.find("Điều kiện loại:\n  bộ tiêu chí không quy định điều kiện loại\n") != std::string::npos);
  }

  TEST_CASE("an unknown applicant is named with its control characters escaped")
  {
    Run r = run({"explain", k_src + "/samples/thanh-ha-2023/round.yaml", "A9\x1b[2J", "--lang", "en"});
    CHECK(r.status == k_exit_usage);
    CHECK(r.err.find("no applicant 'A9\\x1b[2J'") != std::string::npos);
  }
}
