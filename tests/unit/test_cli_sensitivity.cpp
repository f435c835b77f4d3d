#include "cli_helpers.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace ccn;
using namespace ccn::test;

namespace {

const std::string k_round = k_src + "/samples/yen-quang-2024/round.yaml";

Run sensitivity(const std::string& option, const std::string& value)
{
  return run({"sensitivity", k_round, "--samples", "200", "-j", "1", option, value});
}

} // namespace

TEST_SUITE("cli/sensitivity")
{
  TEST_CASE("a spread that is not a finite percent is refused")
  {
    for (const char* value : {"nan", "NaN", "inf", "-inf", "infinity", "-1", "100.5", "1e3", "10%", "", "0x10"}) {
      CAPTURE(value);
      Run r = sensitivity("--spread", value);
      CHECK(r.status == k_exit_usage);
      CHECK(r.out.empty());
      CHECK(r.err.find("--spread") != std::string::npos);
    }
    CHECK(sensitivity("--spread", "0").status == 0);
    CHECK(sensitivity("--spread", "12.5").status == 0);
    CHECK(sensitivity("--spread", "100").status == 0);
  }

  TEST_CASE("a seed that is not a whole number of 64 bits is refused")
  {
    for (const char* value : {"-1", "18446744073709551616", "99999999999999999999999", "1.5", "+1", " 1", "", "x"}) {
      CAPTURE(value);
      Run r = sensitivity("--seed", value);
      CHECK(r.status == k_exit_usage);
      CHECK(r.out.empty());
      CHECK(r.err.find("--seed") != std::string::npos);
    }
    CHECK(sensitivity("--seed", "0").status == 0);
    CHECK(sensitivity("--seed", "18446744073709551615").status == 0);
  }

  TEST_CASE("the margin is written from its exact decimal text")
  {
    TempDir dir;
    dir.write("criteria.yaml", "format: ccnscore/criteria@1\n"
                               "id: so-lon\n"
                               "title: Tiêu chí thử số lớn\n"
                               "precision: 6\n"
                               "fields:\n"
                               "  rent: { type: number, min: 0 }\n"
                               "groups:\n"
                               "  - id: g\n"
                               "    name: Nhóm\n"
                               "    criteria:\n"
                               "      - { id: R1, name: Giá thuê, max: 1e30, of: rent, relative: lower }\n");
    dir.write("a1.yaml", "format: ccnscore/dossier@1\n"
                         "applicant: { id: A1, name: Công ty TNHH Phú Thịnh }\n"
                         "facts: { rent: 17 }\n");
    dir.write("a2.yaml", "format: ccnscore/dossier@1\n"
                         "applicant: { id: A2, name: Công ty Cổ phần Hòa Lạc }\n"
                         "facts: { rent: 19 }\n");
    std::string round = dir.write("round.yaml", "format: ccnscore/round@1\n"
                                                "id: so-lon\n"
                                                "title: Vòng thử số lớn\n"
                                                "criteria: criteria.yaml\n"
                                                "dossiers: [a1.yaml, a2.yaml]\n");
    Run r = run({"sensitivity", round, "--samples", "10", "-j", "1", "-f", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    // 10^30 − 10^30 × 17/19 = 105263157894736842105263157894.736842…
    CHECK(r.out.find("\"margin\": 105263157894736842105263157894.736842,") != std::string::npos);
  }

  TEST_CASE("a round where no applicant passes says that none is first, in words")
  {
    SampleCopy s;
    const std::string criteria = s.path("criteria/nd66-khung-quoc-gia.yaml");
    std::string text = read_text(criteria);
    REQUIRE(text.find("pass:\n  total: 50\n") != std::string::npos);
    text.replace(text.find("pass:\n  total: 50\n"), 17, "pass:\n  total: 99\n");
    std::ofstream(criteria, std::ios::binary | std::ios::trunc) << text;
    const std::string round = s.path("samples/thanh-ha-2023/round.yaml");
    Run en = run({"sensitivity", round, "--samples", "100", "--lang", "en"});
    REQUIRE_MESSAGE(en.status == 0, en.err);
    CHECK(en.out.find("Robustness of round thanh-ha-2023: no applicant is first\n") == 0);
    CHECK(en.out.find("  without M1: no applicant first\n") != std::string::npos);
    CHECK(en.out.find("nobody") == std::string::npos);
    // No trials are drawn with nobody to rank: said so, not "In 0 trials".
    CHECK(en.out.ends_with("\nNo applicant passed: the trials that vary the weights have nothing to rank.\n"));
    CHECK(en.out.find("In 0 trials") == std::string::npos);
    Run vi = run({"sensitivity", round, "--samples", "0", "--lang", "vi"});
    REQUIRE(vi.status == 0);
    CHECK(vi.out.find("Mức độ vững chắc của kết quả đợt thanh-ha-2023: không có hồ sơ nào đứng đầu\n") == 0);
    CHECK(vi.out.find("  không có phiếu của M1: không có hồ sơ nào đứng đầu\n") != std::string::npos);
    // With a first, the same messages name it.
    Run ranked = run({"sensitivity", k_round, "--samples", "0", "--lang", "en"});
    CHECK(ranked.out.find("Robustness of round yen-quang-2024: first ") == 0);
  }

  TEST_CASE("no trial drawn is said so, not a share of 0 percent for the first")
  {
    Run none = run({"sensitivity", k_round, "--samples", "0", "--lang", "en"});
    CHECK(none.status == 0);
    CHECK(none.out.find("In 0 trials in which every weight varies") != std::string::npos);
    CHECK_MESSAGE(none.out.find("comes first in") == std::string::npos, none.out);
    CHECK(none.out.find("How often each applicant takes each place") == std::string::npos);
    Run some = run({"sensitivity", k_round, "--samples", "10", "--lang", "en"});
    CHECK(some.out.find("comes first in") != std::string::npos);
  }

  TEST_CASE("the table shows a name's direction override as an escape, as rank's table does")
  {
    SampleCopy s;
    const std::string criteria = s.path("criteria/nd66-khung-quoc-gia.yaml");
    std::string text = read_text(criteria);
    const std::string name = "name: Giải pháp quy hoạch, kỹ thuật và đấu nối hạ tầng";
    REQUIRE(text.find(name) != std::string::npos);
    text.replace(text.find(name), name.size(), "name: \"Giải pháp \\u202e quy hoạch\"");
    std::ofstream(criteria, std::ios::binary) << text;
    Run r = run({"sensitivity", s.path("samples/thanh-ha-2023/round.yaml"), "--samples", "10", "--lang", "en"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.find("\u202e") == std::string::npos);
    CHECK(r.out.find("Giải pháp \\u202e quy hoạch") != std::string::npos);
  }

  TEST_CASE("equal totals: the chair's proposal, or nothing, is named as what put the first ahead")
  {
    Run settled = run({"sensitivity", k_src + "/samples/dong-lai-2025/round.yaml", "--samples", "10", "--lang", "en"});
    REQUIRE_MESSAGE(settled.status == 0, settled.err);
    CHECK_MESSAGE(settled.out.find("D2 and D1 have equal totals; the council chair's proposal put D2 first.") !=
                    std::string::npos,
                  settled.out);
    Run waiting = run({"sensitivity", k_src + "/tests/golden/rounds/dong-lai-cho-de-xuat.yaml", "--samples", "10",
                       "--lang", "en"});
    REQUIRE_MESSAGE(waiting.status == 0, waiting.err);
    CHECK_MESSAGE(waiting.out.find("D1 and D2 have equal totals and are still tied after the tie-break rules.") !=
                    std::string::npos,
                  waiting.out);
    CHECK(waiting.out.find("put D1 first") == std::string::npos);
    // And, as every output for people, that the proposal is needed and how to record it (8.4).
    CHECK(waiting.out.find("chair_proposal: { selects: ___, reason: ___, date: ___ }") != std::string::npos);
    CHECK(settled.out.find("chair_proposal: {") == std::string::npos);
  }
}
