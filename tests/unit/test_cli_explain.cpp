#include "cli_helpers.hpp"

#include <doctest/doctest.h>

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

  TEST_CASE("an unknown applicant is named with its control characters escaped")
  {
    Run r = run({"explain", k_src + "/samples/thanh-ha-2023/round.yaml", "A9\x1b[2J", "--lang", "en"});
    CHECK(r.status == k_exit_usage);
    CHECK(r.err.find("no applicant 'A9\\x1b[2J'") != std::string::npos);
  }
}
