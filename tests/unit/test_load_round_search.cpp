#include "helpers.hpp"
#include "load/round_search.hpp"

#include <doctest/doctest.h>

#include <filesystem>

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

  TEST_CASE("a round file that YAML cannot read is found all the same, to be reported")
  {
    TempDir dir;
    dir.write("a/round.yaml", "format: ccnscore/round@1\nid: hong\ndossiers: [\n");
    dir.write("b/round.yaml", "\xEF\xBB\xBF" "format:  \"ccnscore/round@1\"\nid: [\n");
    dir.write("c/dossier.yaml", "format: ccnscore/dossier@1\nnote: ccnscore/round@1\nfacts: [\n");
    dir.write("c/notes.yaml", "# format: ccnscore/round@1\nx: [\n");
    Diagnostics diags;
    std::vector<FoundRound> found = find_round_files({dir.path("")}, FolderId{}, 2, diags);
    CHECK_FALSE(diags.has_errors());
    REQUIRE(found.size() == 2);
    CHECK(found[0].path == dir.path("a/round.yaml"));
    CHECK(found[0].id.empty());
    CHECK(found[1].path == dir.path("b/round.yaml"));
  }

  TEST_CASE("nothing in the output folder is ranked, however it is reached")
  {
    namespace fs = std::filesystem;
    TempDir dir;
    dir.write("data/r1/round.yaml", "format: ccnscore/round@1\nid: mot\n");
    dir.write("out/r2/round.yaml", "format: ccnscore/round@1\nid: hai\n");
    dir.write("elsewhere/round.yaml", "format: ccnscore/round@1\nid: ba\n");
    fs::create_directory_symlink(dir.path("out"), dir.path("data/to-out"));
    fs::create_directory_symlink(dir.path("out"), dir.path("out-link"));
    fs::create_symlink(dir.path("out/r2/round.yaml"), dir.path("data/r1/linked-in-out.yaml"));
    fs::create_symlink(dir.path("elsewhere/round.yaml"), dir.path("data/r1/linked-elsewhere.yaml"));
    fs::create_symlink(dir.path("elsewhere/round.yaml"), dir.path("out/r2/leads-out.yaml"));
    auto out = folder_id(dir.path("out"));
    REQUIRE(out);
    auto found = [&](const std::string& where) {
      Diagnostics diags;
      std::vector<std::string> paths;
      for (const auto& f : find_round_files({dir.path(where)}, *out, 1, diags)) {
        paths.push_back(f.path);
      }
      CHECK_FALSE(diags.has_errors());
      return paths;
    };
    // A folder that holds rounds: a link to a file in the output folder is
    // skipped, a link to a file elsewhere is read, a link to the output
    // folder is not walked.
    CHECK(found("data") == std::vector<std::string>{dir.path("data/r1/linked-elsewhere.yaml"), dir.path("data/r1/round.yaml")});
    // The output folder itself, a folder in it, either through a link, and a
    // round file in it named on its own: what lies in it is not ranked; a
    // link there that leads out of it is, as a file given on its own would be.
    auto leads_out = [&](const std::string& where) { return std::vector<std::string>{dir.path(where + "/leads-out.yaml")}; };
    CHECK(found("out") == leads_out("out/r2"));
    CHECK(found("out/r2") == leads_out("out/r2"));
    CHECK(found("out-link") == leads_out("out-link/r2"));
    CHECK(found("out-link/r2") == leads_out("out-link/r2"));
    CHECK(found("data/to-out") == leads_out("data/to-out/r2"));
    CHECK(found("out/r2/round.yaml").empty());
    CHECK(found("out/r2/leads-out.yaml") == leads_out("out/r2"));
    CHECK(found("data/r1/linked-in-out.yaml").empty());
    CHECK(found("elsewhere/round.yaml") == std::vector<std::string>{dir.path("elsewhere/round.yaml")});
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
