#include "cli_helpers.hpp"
#include "util/file.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace ccn;
using namespace ccn::test;

namespace {

// A sample round copied to a temporary folder and ranked into result.json.
struct Archive : SampleCopy
{
  std::string result = path("result.json");
  Archive()
  {
    Run r = run({"rank", path("samples/bo-trai-song-da-2024/round.yaml"), "--format", "json", "-o", result});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    // The recorded round path is the one given; make it relative to the archive.
    std::string text = read_text(result);
    auto at = text.find(path(""));
    REQUIRE(at != std::string::npos);
    text.replace(at, path("").size(), "");
    std::ofstream(result, std::ios::binary) << text;
  }
  void edit(const std::string& file, const std::string& from, const std::string& to) const
  {
    std::string text = read_text(path(file));
    auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
    std::ofstream(path(file), std::ios::binary) << text;
  }
};

} // namespace

TEST_SUITE("cli/verify")
{
  TEST_CASE("untouched inputs verify")
  {
    Archive a;
    Run r = run({"verify", a.result});
    CHECK_MESSAGE(r.status == 0, (r.out + r.err));
    CHECK(r.out == "verified: all 11 inputs match and the result recomputes identically\n");
  }

  TEST_CASE("--root says where the recorded paths start")
  {
    Archive a;
    std::filesystem::create_directories(a.path("elsewhere"));
    std::filesystem::rename(a.result, a.path("elsewhere/result.json"));
    CHECK(run({"verify", a.path("elsewhere/result.json")}).status == 4);
    CHECK(run({"verify", a.path("elsewhere/result.json"), "--root", a.path("")}).status == 0);
  }

  TEST_CASE("one changed byte in each kind of input is caught")
  {
    const std::vector<std::tuple<std::string, std::string, std::string, std::string>> edits = {
      {"round", "samples/bo-trai-song-da-2024/round.yaml", "deviation_percent: 20", "deviation_percent: 21"},
      {"criteria", "criteria/nd66-khung-quoc-gia.yaml", "total: 50", "total: 51"},
      {"dossier", "samples/bo-trai-song-da-2024/dossiers/c4.yaml", "rent: 480000", "rent: 480001"},
      {"sheet", "samples/bo-trai-song-da-2024/sheets/m2.yaml", "C1: { HT2: 8.5", "C1: { HT2: 8.0"},
    };
    for (const auto& [role, file, from, to] : edits) {
      CAPTURE(role);
      Archive a;
      a.edit(file, from, to);
      Run r = run({"verify", a.result});
      CHECK(r.status == 4);
      CHECK(r.out.find("changed: " + role) != std::string::npos);
      CHECK(r.out.find("NOT VERIFIED") != std::string::npos);
    }
  }

  TEST_CASE("a missing input is caught")
  {
    Archive a;
    std::filesystem::remove(a.path("samples/bo-trai-song-da-2024/sheets/m5.yaml"));
    Run r = run({"verify", a.result});
    CHECK(r.status == 4);
    CHECK(r.out.find("missing: sheet sheets/m5.yaml") != std::string::npos);
  }

  TEST_CASE("a hand-edited total, rank or status in the result is caught")
  {
    const std::vector<std::pair<std::string, std::string>> edits = {
      {"\"total\": 94.7,", "\"total\": 95.7,"},
      {"\"rank\": 2,", "\"rank\": 1,"},
      {"\"status\": \"not_qualified\"", "\"status\": \"qualified\""},
      {"\"explained\": false", "\"explained\": true"},
    };
    for (const auto& [from, to] : edits) {
      CAPTURE(from);
      Archive a;
      a.edit("result.json", from, to);
      Run r = run({"verify", a.result});
      CHECK(r.status == 4);
      CHECK(r.out.find("differs: ") != std::string::npos);
    }
  }

  TEST_CASE("inputs that match their fingerprints but no longer validate: exit 1")
  {
    Archive a;
    a.edit("samples/bo-trai-song-da-2024/dossiers/c1.yaml", "rent: 500000", "rent: năm trăm nghìn");
    auto j = nlohmann::json::parse(read_text(a.result));
    for (auto& in : j["inputs"]) {
      if (in["path"] == "dossiers/c1.yaml") {
        in["sha256"] = sha256_hex(read_text(a.path("samples/bo-trai-song-da-2024/dossiers/c1.yaml")));
      }
    }
    std::ofstream(a.result) << j.dump(2);
    Run r = run({"verify", a.result});
    CHECK(r.status == 1);
    CHECK(r.err.find("fact 'rent': expected a number") != std::string::npos);
  }

  TEST_CASE("a result from another version is compared on the contract's fields, and the version is named")
  {
    Archive a;
    a.edit("result.json", "\"version\": \"1.0.0\"", "\"version\": \"0.9.0\"");
    auto j = nlohmann::json::parse(read_text(a.result));
    j.erase("tie_breaks");
    for (auto& app : j["applicants"]) {
      for (auto& c : app["criteria"]) {
        c.erase("scores");
        c.erase("weight");
      }
    }
    std::ofstream(a.result) << j.dump(2);
    Run r = run({"verify", a.result});
    CHECK(r.status == 0);
    CHECK(r.out.find("note: recorded by ccnscore 0.9.0, verified with ccnscore 1.0.0") != std::string::npos);
  }

  TEST_CASE("files that are not results")
  {
    TempDir dir;
    CHECK(run({"verify", dir.write("x.json", "{ not json")}).status == 1);
    CHECK(run({"verify", dir.write("y.json", "{\"format\": \"ccnscore/result@2\"}")}).status == 1);
    CHECK(run({"verify", dir.path("none.json")}).status == 3);
  }

  TEST_CASE("text of a tampered result is shown with its control characters escaped")
  {
    Archive a;
    a.edit("result.json", "\"version\": \"1.0.0\"", "\"version\": \"\\u001b]0;x\\u0007\"");
    a.edit("result.json", "\"name\": \"Công ty Cổ phần Đầu tư và Phát triển Hạ tầng Hòa Bình Xanh\"",
           "\"name\": \"Công ty\\u001b[2J\\u202e\"");
    Run r = run({"verify", a.result});
    CHECK(r.status == 4);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find("\xe2\x80\xae") == std::string::npos);
    CHECK(r.out.find("note: recorded by ccnscore \\x1b]0;x\\x07,") != std::string::npos);
    CHECK(r.out.find("name: recorded Công ty\\x1b[2J\\u202e, recomputed") != std::string::npos);
  }
}
