#include "cli_helpers.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>

using namespace ccn;
using namespace ccn::test;

TEST_SUITE("cli/sheet")
{
  TEST_CASE("a blank sheet fails check until filled in, then ranks as the sample's own sheets")
  {
    SampleCopy s;
    const std::string round_dir = s.path("samples/bo-trai-song-da-2024/");
    Run before = run({"rank", round_dir + "round.yaml", "--format", "json"});
    REQUIRE(before.status == 0);
    Run all = run({"sheet", round_dir + "round.yaml", "--all", "-o", s.path("blank")});
    REQUIRE_MESSAGE(all.status == 0, all.err);
    // Said in the language of the round's criteria, Vietnamese.
    CHECK(all.out.find(s.path("blank/M1.yaml") + ": phiếu chấm điểm để trống của thành viên M1\n") != std::string::npos);
    for (int m = 1; m <= 5; ++m) {
      std::string member = "M" + std::to_string(m);
      std::string blank = s.path("blank/" + member + ".yaml");
      Run check = run({"check", blank});
      CHECK(check.status == 1);
      CHECK(check.err.find("not filled in yet; replace ___ with a number") != std::string::npos);
      CHECK(read_text(blank).find("C2:") == std::string::npos); // disqualified: nothing to score
      // Fill it in from the member's own sheet in the sample.
      std::string own = read_text(round_dir + "sheets/m" + std::to_string(m) + ".yaml");
      std::string text = read_text(blank);
      for (const char* app : {"C1", "C3", "C4"}) {
        std::smatch row;
        bool has_row = std::regex_search(own, row, std::regex(std::string("  ") + app + ": \\{([^}]*)\\}"));
        for (const char* crit : {"HT2", "NL3", "TC4"}) {
          std::string line = std::string("    ") + crit + ": ___";
          auto block = text.find(std::string("  ") + app + ":\n");
          REQUIRE(block != std::string::npos);
          auto at = text.find(line, block);
          REQUIRE(at != std::string::npos);
          std::smatch v;
          std::string cells = has_row ? row[1].str() : "";
          if (std::regex_search(cells, v, std::regex(std::string(crit) + ": ([0-9.]+)"))) {
            text.replace(at, line.size(), std::string("    ") + crit + ": " + v[1].str());
          } else {
            text.replace(at, line.size(), "");
          }
        }
      }
      if (m == 3) {
        text.replace(text.find("recused: []"), 11, "recused: [C4]");
        text.replace(text.find("  C4:\n"), 6, ""); // its scores; its empty comments may stay
      }
      std::ofstream(round_dir + "sheets/m" + std::to_string(m) + ".yaml", std::ios::binary) << text;
    }
    Run filled = run({"check", round_dir + "round.yaml"});
    CHECK_MESSAGE(filled.status == 0, filled.err);
    Run after = run({"rank", round_dir + "round.yaml", "--format", "csv"});
    Run sample = run({"rank", k_src + "/samples/bo-trai-song-da-2024/round.yaml", "--format", "csv"});
    CHECK(after.out == sample.out);
  }

  TEST_CASE("one member's sheet, and what it refuses")
  {
    SampleCopy s;
    std::string round = s.path("samples/thanh-ha-2023/round.yaml");
    Run one = run({"sheet", round, "--member", "M2", "--lang", "en"});
    CHECK(one.status == 0);
    CHECK(one.out.find("member: M2\n") != std::string::npos);
    CHECK(one.out.find("    HT2: ___    # Giải pháp quy hoạch, kỹ thuật và đấu nối hạ tầng; 0 to 10, step 0.5\n")
          != std::string::npos);
    CHECK(run({"sheet", round, "--member", "M9"}).status == 2);
    CHECK(run({"sheet", round}).status == 2);
    CHECK(run({"sheet", round, "--all"}).status == 2);
    Run over = run({"sheet", round, "--member", "M1", "--lang", "en", "-o", s.path("samples/thanh-ha-2023/sheets/m1.yaml")});
    CHECK(over.status == 2);
    CHECK(over.err.find("refusing to overwrite an input") != std::string::npos);
    std::string out = s.path("m2.yaml");
    CHECK(run({"sheet", round, "--member", "M2", "-o", out}).status == 0);
    CHECK(run({"sheet", round, "--member", "M2", "-o", out}).status == 2);
    CHECK(run({"sheet", round, "--member", "M2", "-o", out, "--force"}).status == 0);
  }

  TEST_CASE("sheet --all when every member is recorded absent writes nothing and says why")
  {
    SampleCopy s;
    const std::string round_path = s.path(k_tan_nguyen_round);
    std::string round = tan_nguyen_without_sheets(s);
    std::string absent = "  absent:\n";
    for (int m = 1; m <= 7; ++m) {
      absent += "    M" + std::to_string(m) + ": Đi công tác\n";
    }
    round.replace(round.find("  absent:\n"), std::string::npos, absent);
    std::ofstream(round_path, std::ios::binary | std::ios::trunc) << round;
    for (const char* format : {"yaml", "xlsx", "html"}) {
      CAPTURE(format);
      Run r = run({"sheet", round_path, "--all", "-f", format, "-o", s.path("out"), "--lang", "en"});
      CHECK(r.status == k_exit_invalid);
      CHECK(r.err == round_path + ": error: every member of the council of round tan-nguyen-2026 is recorded absent "
                                  "from the meeting: there is no sheet to write\n");
      CHECK_FALSE(std::filesystem::exists(s.path("out")));
    }
  }

  TEST_CASE("sheet --all into a file that is not a folder is refused as batch refuses it")
  {
    SampleCopy s;
    const std::string round = s.path("samples/bo-trai-song-da-2024/round.yaml");
    const std::string file = s.path("phieu");
    std::ofstream(file, std::ios::binary) << "not a folder\n";
    for (const char* format : {"yaml", "xlsx"}) {
      CAPTURE(format);
      Run r = run({"sheet", round, "--all", "-f", format, "-o", file, "--lang", "en"});
      CHECK(r.status == k_exit_usage);
      CHECK(r.err == file + ": error: refusing to write there: it is not a folder\n");
      CHECK(read_text(file) == "not a folder\n");
    }
    Run batch = run({"batch", s.path("samples/bo-trai-song-da-2024"), "-o", file, "--lang", "en"});
    CHECK(batch.status == k_exit_usage);
    CHECK(batch.err == file + ": error: refusing to write there: it is not a folder\n");
  }

  TEST_CASE("sheet --all writes no sheet when one of them cannot be written")
  {
    SampleCopy s;
    std::string round = s.path("samples/thanh-ha-2023/round.yaml");
    std::filesystem::create_directories(s.path("phieu/M4.xlsx"));
    std::ofstream(s.path("phieu/M3.yaml"), std::ios::binary) << "# điền dở\n";
    Run yaml = run({"sheet", round, "--all", "-o", s.path("phieu"), "--lang", "en"});
    CHECK(yaml.status == 2);
    CHECK(yaml.err.find("M3.yaml: error: the file exists; give --force to replace it") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(s.path("phieu/M1.yaml")));
    CHECK_FALSE(std::filesystem::exists(s.path("phieu/M2.yaml")));
    Run xlsx = run({"sheet", round, "--all", "-f", "xlsx", "-o", s.path("phieu"), "--lang", "en"});
    CHECK(xlsx.status == 2);
    CHECK(xlsx.err.find("M4.xlsx: error:") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(s.path("phieu/M1.xlsx")));
    CHECK(read_text(s.path("phieu/M3.yaml")) == "# điền dở\n");
  }

  TEST_CASE("sheet --all that cannot write every sheet writes none, YAML or workbook")
  {
    SampleCopy s;
    // The last member's id is long, so that its sheet is the largest.
    std::string round = s.path("samples/thanh-ha-2023/round.yaml");
    std::string text = read_text(round);
    const std::string last = "{ id: M5,";
    REQUIRE(text.find(last) != std::string::npos);
    text.replace(text.find(last), last.size(), "{ id: M5-thanh-vien-du-khuyet-cua-hoi-dong,");
    std::ofstream(round, std::ios::binary) << text;
    for (const std::string format : {"yaml", "xlsx"}) {
      CAPTURE(format);
      const std::string whole = s.path("whole-" + format);
      REQUIRE(run({"sheet", round, "--all", "-f", format, "-o", whole, "--lang", "en"}).status == 0);
      // Every sheet fits but the last one.
      std::uintmax_t others = 0;
      for (const std::string m : {"M1", "M2", "M3", "M4"}) {
        others = std::max(others, std::filesystem::file_size(whole + "/" + m + "." + format));
      }
      REQUIRE(std::filesystem::file_size(whole + "/M5-thanh-vien-du-khuyet-cua-hoi-dong." + format) > others);
      const std::string out = s.path("phieu-" + format);
      std::filesystem::create_directories(out);
      Run r;
      {
        FileSizeLimit limit(others);
        r = run({"sheet", round, "--all", "-f", format, "-o", out, "--lang", "en"});
      }
      CHECK(r.status == 3);
      CHECK_MESSAGE(r.err.find("M5-thanh-vien-du-khuyet-cua-hoi-dong." + format + ": error: cannot write: ")
                      != std::string::npos,
                    r.err);
      CHECK(r.out.empty());
      CHECK(std::filesystem::is_empty(out));
    }
  }
}
