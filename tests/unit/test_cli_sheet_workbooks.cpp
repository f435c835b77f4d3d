#include "cli_helpers.hpp"
#include "workbook_helpers.hpp"

#include "load/sheet_workbook_load.hpp"

#include <doctest/doctest.h>

using namespace ccn;
using namespace ccn::test;

namespace {

size_t count(const std::string& text, const std::string& what)
{
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

} // namespace

TEST_SUITE("cli/sheet_workbooks")
{
  TEST_CASE("one workbook per member, named after the member, the same from run to run")
  {
    SampleCopy s;
    const std::string round = s.path("samples/bo-trai-song-da-2024/round.yaml");
    Run r = run({"sheet", round, "--all", "--format", "xlsx", "-o", s.path("so-cham")});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    // The criteria are in Vietnamese, and so is what the command says.
    CHECK(r.out.find("M5.xlsx: phiếu chấm điểm (Excel, để trống) của thành viên M5") != std::string::npos);
    const std::string first = read_text(s.path("so-cham/M2.xlsx"));
    Diagnostics d;
    auto sheet = load_sheet_workbook("M2.xlsx", first, d);
    REQUIRE_MESSAGE(sheet, all_messages(d));
    CHECK(sheet->round == "bo-trai-song-da-2024");
    CHECK(sheet->member == "M2");
    CHECK(sheet->scores.empty());
    CHECK(sheet->workbook_sheet == "Phiếu chấm điểm"); // the criteria are in Vietnamese
    const std::string xml = unzip_part(first, "xl/worksheets/sheet1.xml");
    // C1, C3 and C4 pass the gates, C2 does not; three judged criteria each.
    CHECK(count(xml, "<dataValidation ") == 9);
    CHECK(xml.find("<sheetProtection") != std::string::npos);
    CHECK(xml.find("MOD(") == std::string::npos);
    CHECK(xml.find("ABS(G8/0.5-ROUND(G8/0.5,0))") != std::string::npos);
    CHECK(xml.find("Nhập số từ 0 đến 10, là bội số của 0,5.") != std::string::npos);
    CHECK(unzip_part(first, "xl/worksheets/sheet2.xml").find("<sheetProtection") != std::string::npos);

    Run again = run({"sheet", round, "--member", "M2", "--format", "xlsx", "-o", s.path("so-cham"), "--lang", "en"});
    CHECK(again.status == 2);
    CHECK(again.err.find("exists; give --force to replace it") != std::string::npos);
    again = run({"sheet", round, "--member", "M2", "--format", "xlsx", "-o", s.path("so-cham"), "--force"});
    REQUIRE(again.status == 0);
    CHECK(read_text(s.path("so-cham/M2.xlsx")) == first);
    REQUIRE(run({"sheet", round, "--member", "M2", "--format", "xlsx", "-o", s.path("m2-copy.xlsx")}).status == 0);
    CHECK(read_text(s.path("m2-copy.xlsx")) == first);
  }

  TEST_CASE("--lang chooses the workbook's words over the criteria's language")
  {
    SampleCopy s;
    const std::string round = s.path("samples/bo-trai-song-da-2024/round.yaml");
    Run r = run({"sheet", round, "--member", "M1", "--format", "xlsx", "-o", s.path("out"), "--lang", "en"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.find("M1.xlsx: blank workbook of member M1") != std::string::npos);
    const std::string book = read_text(s.path("out/M1.xlsx"));
    CHECK(unzip_part(book, "xl/workbook.xml").find("name=\"Score sheet\"") != std::string::npos);
    CHECK(unzip_part(book, "xl/sharedStrings.xml").find("Enter a number from 0 to 10, a multiple of 0.5.") ==
          std::string::npos); // validation messages live in the worksheet
    CHECK(unzip_part(book, "xl/worksheets/sheet1.xml").find("Enter a number from 0 to 10, a multiple of 0.5.") !=
          std::string::npos);
  }

  TEST_CASE("a criterion without a step shows a dash, and the workbook's words follow the criteria's language")
  {
    TempDir dir;
    std::string criteria = small_criteria();
    criteria.replace(criteria.find("judged: { step: 0.5 }"), 21, "judged: {}");
    dir.write("criteria.yaml", criteria + "language: en\n");
    dir.write("A1.yaml", small_dossier("A1", "60", "100", "400"));
    std::string round = small_round({"A1"}, 2, {});
    round.erase(round.find("sheets:"));
    Run r = run({"sheet", dir.write("round.yaml", round), "--all", "-f", "xlsx", "-o", dir.path("out")});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const std::string book = read_text(dir.path("out/M1.xlsx"));
    CHECK(unzip_part(book, "xl/sharedStrings.xml").find("<t>\xE2\x80\x93</t>") != std::string::npos);
    CHECK(unzip_part(book, "xl/workbook.xml").find("name=\"Score sheet\"") != std::string::npos);
    CHECK(unzip_part(book, "xl/worksheets/sheet1.xml").find("ROUND(") == std::string::npos);
  }

  TEST_CASE("usage errors: no output folder, an unknown member, an output that is an input")
  {
    SampleCopy s;
    const std::string round = s.path("samples/thanh-ha-2023/round.yaml");
    CHECK(run({"sheet", round, "--member", "M2", "--format", "xlsx"}).status == 2);
    Run unknown = run({"sheet", round, "--member", "M9", "--format", "xlsx", "-o", s.path("out"), "--lang", "en"});
    CHECK(unknown.status == 2);
    CHECK(unknown.err.find("'M9' is not a member of the council") != std::string::npos);
    CHECK(run({"sheet", round, "--member", "M2", "--format", "ods", "-o", s.path("out")}).status == 2);
  }

  TEST_CASE("a name longer than a cell holds is cut and noted, and the workbook is still a sheet")
  {
    SampleCopy s;
    const std::string round = s.path("samples/thanh-ha-2023/round.yaml");
    std::string text = read_text(round);
    const std::string name = "name: Nguyễn Văn Thắng";
    REQUIRE(text.find(name) != std::string::npos);
    text.replace(text.find(name), name.size(), "name: " + std::string(40000, 'x'));
    std::ofstream(round, std::ios::binary) << text;
    const std::string out = s.path("m1.xlsx");
    Run r = run({"sheet", round, "--member", "M1", "-f", "xlsx", "-o", out, "--lang", "en"});
    CHECK_MESSAGE(r.status == 0, r.err);
    CHECK(r.err == out + ": warning: sheet 'Score sheet', cell C3: a text of 40008 bytes is longer than a cell holds "
                         "(32767 characters); it is cut and ends in \"…\"\n");
    Diagnostics d;
    std::string sha256;
    auto sheet = load_sheet_workbook_file(out, sha256, d);
    REQUIRE_MESSAGE(sheet, all_messages(d));
    CHECK(sheet->member == "M1");
    CHECK(sheet->round == "thanh-ha-2023");
  }

  TEST_CASE("the workbooks written are named with control characters as escapes")
  {
    SampleCopy s;
    const std::string round = s.path("samples/thanh-ha-2023/round.yaml");
    const std::string out = s.path("phieu\x1b[31m");
    Run r = run({"sheet", round, "--member", "M1", "-f", "xlsx", "-o", out, "--lang", "en"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find("phieu\\x1b[31m/M1.xlsx") != std::string::npos);
  }
}
