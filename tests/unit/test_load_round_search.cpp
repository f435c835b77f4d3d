#include "helpers.hpp"
#include "load/round_search.hpp"

#include <doctest/doctest.h>

using namespace ccn;
using namespace ccn::test;

TEST_SUITE("load/round_search")
{
  TEST_CASE("round files are found by their format, sorted, the output folder skipped")
  {
    TempDir dir;
    dir.write("b/round.yaml", "format: ccnscore/round@1\nid: dot-2\n");
    dir.write("a/round.yml", "format: ccnscore/round@1\nid: dot-1\n");
    dir.write("a/copy.yaml", "format: ccnscore/round@1\nid: dot-1\n");
    dir.write("a/criteria.yaml", "format: ccnscore/criteria@1\nid: tieu-chi\n");
    dir.write("a/notes.txt", "format: ccnscore/round@1\n");
    dir.write("out/r/round.yaml", "format: ccnscore/round@1\nid: ket-qua\n");
    auto out = folder_id(dir.path("out"));
    REQUIRE(out);
    Diagnostics diags;
    std::vector<FoundRound> found = find_round_files({dir.path("")}, *out, 2, diags);
    CHECK_FALSE(diags.has_errors());
    REQUIRE(found.size() == 3);
    CHECK(found[0].path == dir.path("a/copy.yaml"));
    CHECK(found[0].id == "dot-1");
    CHECK(found[0].duplicate_of.empty());
    CHECK(found[1].path == dir.path("a/round.yml"));
    CHECK(found[1].duplicate_of == dir.path("a/copy.yaml"));
    CHECK(found[2].id == "dot-2");
  }

  TEST_CASE("a folder that does not exist is a file error")
  {
    TempDir dir;
    auto out = folder_id(dir.path(""));
    REQUIRE(out);
    Diagnostics diags;
    CHECK(find_round_files({dir.path("none")}, *out, 1, diags).empty());
    CHECK(diags.has_io_errors());
  }
}
