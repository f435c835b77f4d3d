#include "cli_helpers.hpp"

#include <doctest/doctest.h>

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
}
