#include "cli_helpers.hpp"

#include <doctest/doctest.h>

using namespace ccn;
using namespace ccn::test;

TEST_SUITE("cli/batch")
{
  TEST_CASE("good and broken rounds: a summary, the right exit status, and rank's own output")
  {
    SampleCopy s;
    Run r = run({"batch", s.path("samples"), "-o", s.path("out"), "--jobs", "2", "--lang", "en"});
    CHECK(r.status == 1);
    CHECK(r.out.find("3 rounds ranked, 5 with errors") != std::string::npos);
    std::string summary = read_text(s.path("out/summary.csv"));
    CHECK(summary.rfind("round,cluster,winner,winner_total,status,errors,file\r\n", 0) == 0);
    CHECK(summary.find("yen-quang-2024,\"CCN Yên Quang, huyện Kỳ Sơn (30 ha)\",B1,71.00,selected,,") != std::string::npos);
    CHECK(summary.find("loi-chia-cho-khong,,,,error,") != std::string::npos);
    CHECK(r.err.find("division by zero") != std::string::npos);
    for (const char* id : {"thanh-ha-2023", "yen-quang-2024", "bo-trai-song-da-2024"}) {
      CAPTURE(id);
      std::string round = s.path(std::string("samples/") + id + "/round.yaml");
      CHECK(read_text(s.path(std::string("out/") + id + "/result.json")) == run({"rank", round, "-f", "json", "--lang", "en"}).out);
      CHECK(read_text(s.path(std::string("out/") + id + "/table.csv")) == run({"rank", round, "-f", "csv", "--lang", "en"}).out);
      CHECK(read_text(s.path(std::string("out/") + id + "/report.html")) == run({"report", round, "--no-robustness", "--lang", "en"}).out);
    }
    CHECK_FALSE(std::filesystem::exists(s.path("out/loi-chia-cho-khong")));
  }

  TEST_CASE("existing results are replaced only with --force; one and two jobs agree")
  {
    SampleCopy s;
    std::string good = s.path("samples/thanh-ha-2023");
    CHECK(run({"batch", good, "-o", s.path("out"), "-j", "1"}).status == 0);
    std::string first = read_text(s.path("out/thanh-ha-2023/result.json"));
    Run again = run({"batch", good, "-o", s.path("out")});
    CHECK(again.status == 1);
    CHECK(again.err.find("exists; give --force to replace it") != std::string::npos);
    CHECK(run({"batch", good, "-o", s.path("out"), "--force", "-j", "2"}).status == 0);
    CHECK(read_text(s.path("out/thanh-ha-2023/result.json")) == first);
    for (const auto& e : std::filesystem::directory_iterator(s.path("out"))) {
      CHECK(e.path().filename().string().front() != '.'); // no temporary folder left behind
    }
  }

  TEST_CASE("symlink loops do no harm, and a missing folder is an I/O error")
  {
    SampleCopy s;
    std::filesystem::create_directory_symlink(s.path("samples"), s.path("samples/thanh-ha-2023/loop"));
    Run r = run({"batch", s.path("samples/thanh-ha-2023"), "-o", s.path("out")});
    CHECK(r.status == 0);
    CHECK(run({"batch", s.path("nowhere"), "-o", s.path("out2")}).status == 3);
  }

  TEST_CASE("two rounds with one id: the second is an error")
  {
    SampleCopy s;
    std::filesystem::copy(s.path("samples/thanh-ha-2023"), s.path("samples/thanh-ha-copy"),
                          std::filesystem::copy_options::recursive);
    Run r = run({"batch", s.path("samples/thanh-ha-2023"), s.path("samples/thanh-ha-copy"), "-o", s.path("out")});
    CHECK(r.status == 1);
    CHECK(r.err.find("round id 'thanh-ha-2023' is also the id of") != std::string::npos);
  }

  TEST_CASE("table.csv and summary.csv neutralise cells a spreadsheet would run as a formula")
  {
    SampleCopy s;
    std::string round = s.path("samples/thanh-ha-2023/round.yaml");
    std::string text = read_text(round);
    const std::string cluster = "cluster: CCN Thanh Hà, huyện Lạc Thủy (45 ha)";
    REQUIRE(text.find(cluster) != std::string::npos);
    text.replace(text.find(cluster), cluster.size(), "cluster: \"@SUM(1+1)*cmd|' /C calc'!A0\"");
    std::ofstream(round, std::ios::binary) << text;
    std::string dossier = s.path("samples/thanh-ha-2023/dossiers/a1.yaml");
    text = read_text(dossier);
    const std::string name = "name: Công ty Cổ phần Đầu tư Hạ tầng Sông Đà Xanh";
    REQUIRE(text.find(name) != std::string::npos);
    text.replace(text.find(name), name.size(), "name: \"=1+1\"");
    std::ofstream(dossier, std::ios::binary) << text;
    Run r = run({"batch", s.path("samples/thanh-ha-2023"), "-o", s.path("out")});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    std::string summary = read_text(s.path("out/summary.csv"));
    CHECK(summary.find("thanh-ha-2023,'@SUM(1+1)*cmd|' /C calc'!A0,") != std::string::npos);
    std::string table = read_text(s.path("out/thanh-ha-2023/table.csv"));
    CHECK(table.find(",A1,'=1+1,") != std::string::npos);
  }
}
