#include "cli_helpers.hpp"
#include "verify/verify.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace ccn;
using namespace ccn::test;

namespace {

using Archive = RankedSample;

// The language verify is told to write the recomputed result in.
Lang english(const Criteria&)
{
  return Lang{"en"};
}

} // namespace

TEST_SUITE("verify/verify")
{
  TEST_CASE("an untouched archive is recomputed and matches, as data")
  {
    Archive a;
    Verification v = verify_result(a.result, "", english);
    CHECK(v.result_errors.empty());
    CHECK(v.recompute == Verification::Recompute::done);
    CHECK(v.problems.empty());
    CHECK(v.total == 11);
    CHECK(v.matched == 11);
  }

  TEST_CASE("a changed dossier is a finding about its hash, and the round is still recomputed")
  {
    Archive a;
    std::ofstream(a.path("samples/bo-trai-song-da-2024/dossiers/c1.yaml"), std::ios::app) << "# sửa\n";
    Verification v = verify_result(a.result, "", english);
    CHECK(v.recompute == Verification::Recompute::done);
    CHECK(v.matched == 10);
    REQUIRE_FALSE(v.problems.empty());
    CHECK(v.problems.front().key == "verify_changed");
  }

  TEST_CASE("a missing input stops before the round is loaded")
  {
    Archive a;
    std::filesystem::remove(a.path("samples/bo-trai-song-da-2024/dossiers/c1.yaml"));
    Verification v = verify_result(a.result, "", english);
    CHECK(v.recompute == Verification::Recompute::not_tried);
    REQUIRE_FALSE(v.problems.empty());
    CHECK(v.problems.front().key == "verify_missing");
  }

  TEST_CASE("a result file that cannot be read is said at its path")
  {
    TempDir dir;
    Verification v = verify_result(dir.path("none.json"), "", english);
    REQUIRE(v.result_errors.size() == 1);
    CHECK(v.result_errors.front().key == "cannot_read");
    CHECK(v.result_unreadable);
  }
}
