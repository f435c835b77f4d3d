#include "helpers.hpp"
#include "workbook_helpers.hpp"
#include "model/sheet_workbook.hpp"

#include "load/sheet_workbook_load.hpp"

#include <doctest/doctest.h>

using namespace ccn;
using namespace ccn::test;

namespace {

std::optional<Sheet> read(const TestBook& book, Diagnostics& d)
{
  return load_sheet_workbook("m2.xlsx", book.bytes(), d);
}

// A folder with the small criteria, dossiers A1 and A2, YAML sheets of M1
// and M3, and the workbook `book` as M2's sheet.
std::optional<RoundBundle> load_with(const TempDir& dir, const TestBook& book, Diagnostics& d)
{
  dir.write("criteria.yaml", small_criteria());
  dir.write("A1.yaml", small_dossier("A1", "60", "100", "400"));
  dir.write("A2.yaml", small_dossier("A2", "50", "100", "500"));
  dir.write("m1.yaml", small_sheet("M1", "A1: 8, A2: 7"));
  dir.write("m3.yaml", small_sheet("M3", "A1: 8, A2: 7"));
  dir.write("m2.xlsx", book.bytes());
  std::string round = small_round({"A1", "A2"}, 3, {1, 3});
  round += "  - m2.xlsx\n";
  return load_round(dir.write("round.yaml", round), d);
}

} // namespace

TEST_SUITE("load/sheet_workbook")
{
  TEST_CASE("a filled-in workbook gives its scores, comments and recusals with their cells")
  {
    TestBook book("r1", "M2");
    book.shared("<si><t>A1</t></si>");
    book.shared("<si><r><t>Phương án </t></r><r><t>khả thi</t></r><rPh><t>x</t></rPh></si>");
    book.raw(0, "A8", "t=\"s\"><v>0</v>");
    book.text(0, "C8", "P1");
    book.raw(0, "G8", "><v>8.5</v>");
    book.raw(0, "H8", "t=\"s\"><v>1</v>");
    book.row(9, "A2", "P1", "");
    book.recusal(3, "A1", "");
    book.recusal(4, "A2", "x");
    Diagnostics d;
    auto s = read(book, d);
    REQUIRE_MESSAGE(s, all_messages(d));
    CHECK(s->round == "r1");
    CHECK(s->member == "M2");
    CHECK(s->sha256.size() == 64);
    CHECK(s->scores.at("A1").at("P1").points == Rational(17, 2));
    CHECK(s->at(s->scores.at("A1").at("P1")).path == "m2.xlsx:Phiếu!G8");
    CHECK(s->scores.count("A2") == 0); // an empty score cell is a missing score
    CHECK(s->comments.at("A1").at("P1").text == "Phương án khả thi");
    CHECK(s->comments.at("A1").at("P1").pos.path == "m2.xlsx:Phiếu!H8");
    REQUIRE(s->recused.size() == 1);
    CHECK(s->recused.at("A2").path == "m2.xlsx:Recusals!C4");
    CHECK(s->member_pos.path == "m2.xlsx:Phiếu!B3");
  }

  TEST_CASE("cells that are not a score are errors at their cell")
  {
    TestBook book("r1", "M2");
    book.row(8, "A1", "P1", "t=\"inlineStr\"><is><t>8,5</t></is>");
    book.row(9, "A2", "P1", "><f>4+4</f><v>8</v>");
    book.row(10, "A3", "P1", "t=\"b\"><v>1</v>");
    book.row(11, "A4", "P1", "t=\"e\"><v>#DIV/0!</v>");
    book.row(12, "A1", "P1", "><v>7</v>");
    book.raw(0, "G13", "><v>7</v>");
    book.recusal(3, "A2", "có");
    Diagnostics d;
    auto s = read(book, d);
    REQUIRE(s); // the other cells still go through the round's rules
    CHECK(s->scores.size() == 0);
    CHECK(s->recused.empty());
    const std::string all = all_messages(d);
    CHECK_MESSAGE(has_message(d, "m2.xlsx:Phiếu!G8: error: score of 'A1' for 'P1': expected a number, found \"8,5\" "
                                 "(enter 8.5 as a number, not as text)"),
                  all);
    CHECK_MESSAGE(has_message(d, "m2.xlsx:Phiếu!G9: error: score of 'A2' for 'P1': type the points, not a formula"),
                  all);
    CHECK_MESSAGE(has_message(d, "m2.xlsx:Phiếu!G10: error: score of 'A3' for 'P1': expected a number, found \"TRUE\""),
                  all);
    CHECK_MESSAGE(has_message(d, "m2.xlsx:Phiếu!G11: error: score of 'A4' for 'P1': expected a number, found "
                                 "\"#DIV/0!\""),
                  all);
    CHECK_MESSAGE(has_message(d, "m2.xlsx:Phiếu!G12: error: scores: applicant 'A1', criterion 'P1' is given again "
                                 "(first on row 8)"),
                  all);
    CHECK_MESSAGE(has_message(d, "m2.xlsx:Phiếu!G13: error: scores: row 13 names no applicant"), all);
    CHECK_MESSAGE(has_message(d, "m2.xlsx:Recusals!C3: error: recused: write x to mark a recusal, or leave the cell "
                                 "empty; found \"có\""),
                  all);
  }

  TEST_CASE("a cell that refers to a shared string the workbook lacks: one message, not one per cell")
  {
    TestBook book("r1", "M2");
    book.shared("<si><t>A1</t></si>");
    book.raw(0, "A8", "t=\"s\"><v>1</v>");
    book.raw(0, "C8", "t=\"s\"><v>2</v>");
    Diagnostics d;
    CHECK_FALSE(read(book, d));
    CHECK(d.items().size() == 1);
    CHECK(has_message(d, "m2.xlsx:Phiếu!A8: error: the cell refers to shared string \"1\", but the workbook holds 1 "
                         "shared strings: the workbook is damaged"));
  }

  TEST_CASE("a TRUE or FALSE cell reads as Excel shows it, and an empty one as nothing")
  {
    TestBook book("r1", "M2");
    book.row(8, "A1", "P1", "><v>8</v>");
    book.raw(0, "H8", "t=\"b\"><v>0</v>");  // a comment that is FALSE
    book.row(9, "A2", "P1", "t=\"b\">");      // a TRUE/FALSE cell left empty: no score
    book.recusal(3, "A1", "");
    book.raw(1, "C3", "t=\"b\"><v>1</v>");  // a recusal marked TRUE instead of x
    Diagnostics d;
    auto s = read(book, d);
    REQUIRE_MESSAGE(s, all_messages(d));
    CHECK(s->comments.at("A1").at("P1").text == "FALSE");
    CHECK(s->scores.count("A2") == 0);
    CHECK_MESSAGE(d.error_count() == 1, all_messages(d));
    CHECK_MESSAGE(has_message(d, "m2.xlsx:Recusals!C3: error: recused: write x to mark a recusal, or leave the cell "
                                 "empty; found \"TRUE\""),
                  all_messages(d));
  }

  TEST_CASE("the round and member cells must hold their ids")
  {
    TestBook book("", "");
    Diagnostics d;
    read(book, d);
    CHECK(d.has_errors());
    CHECK(has_message(d, "m2.xlsx:Phiếu!B2: error: round: the cell of the round's id is empty"));
    CHECK(has_message(d, "m2.xlsx:Phiếu!B3: error: member: the cell of the member's id is empty"));
  }

  TEST_CASE("a file that is not a score-sheet workbook is an input error, never a crash")
  {
    Diagnostics d;
    SUBCASE("not a zip")
    {
      CHECK_FALSE(load_sheet_workbook("m2.xlsx", "format: ccnscore/sheet@1\n", d));
      CHECK(has_message(d, "m2.xlsx: error: not a workbook (.xlsx): the file is not a readable zip archive"));
    }
    SUBCASE("a cut-off zip")
    {
      std::string bytes = TestBook("r1", "M2").bytes();
      CHECK_FALSE(load_sheet_workbook("m2.xlsx", bytes.substr(0, bytes.size() / 2), d));
      CHECK(has_message(d, "m2.xlsx: error: "));
    }
    SUBCASE("a workbook that ccnscore did not write")
    {
      auto parts = TestBook("r1", "M2").parts();
      parts.erase("docProps/custom.xml");
      CHECK_FALSE(load_sheet_workbook("m2.xlsx", zip_parts(parts), d));
      // The message says what is missing, since the worksheets may all be there.
      CHECK(has_message(d, "m2.xlsx: error: not a score sheet workbook: it lacks the mark that 'ccnscore sheet "
                           "--format xlsx' writes (the document property ccnscore-format)"));
      CHECK(has_message(d, "copy the scores into it in Excel or LibreOffice"));
    }
    SUBCASE("a ranking written by rank --format xlsx")
    {
      auto parts = TestBook("r1", "M2").parts();
      std::string& custom = parts.at("docProps/custom.xml");
      const std::string sheet_mark = std::string(k_workbook_format_sheet);
      REQUIRE(custom.find(sheet_mark) != std::string::npos);
      custom.replace(custom.find(sheet_mark), sheet_mark.size(), std::string(k_workbook_format_ranking));
      CHECK_FALSE(load_sheet_workbook("xep-hang.xlsx", zip_parts(parts), d));
      CHECK_MESSAGE(has_message(d, "xep-hang.xlsx: error: not a score sheet: this workbook is a ranking, as 'ccnscore "
                                   "rank --format xlsx' writes it; list the members' score sheets under 'sheets:'"),
                    all_messages(d));
    }
    SUBCASE("broken XML")
    {
      auto parts = TestBook("r1", "M2").parts();
      parts["xl/worksheets/sheet1.xml"] = "<worksheet><sheetData><row><c r=\"A1\">";
      CHECK_FALSE(load_sheet_workbook("m2.xlsx", zip_parts(parts), d));
      CHECK(has_message(d, "m2.xlsx: error: xl/worksheets/sheet1.xml: broken XML at byte"));
    }
    SUBCASE("a cell reference that does not belong to its row")
    {
      TestBook book("r1", "M2");
      book.raw(0, "G8", "><v>1</v>");
      auto parts = book.parts();
      auto& xml = parts["xl/worksheets/sheet1.xml"];
      xml.replace(xml.find("r=\"G8\""), 6, "r=\"G9\"");
      CHECK_FALSE(load_sheet_workbook("m2.xlsx", zip_parts(parts), d));
      CHECK(has_message(d, "\"G9\" is not a cell of row 8"));
    }
    SUBCASE("a part that unpacks beyond the limit (a zip bomb)")
    {
      auto parts = TestBook("r1", "M2").parts();
      parts["xl/sharedStrings.xml"] = std::string(k_max_workbook_part_bytes + 1, ' ');
      CHECK_FALSE(load_sheet_workbook("m2.xlsx", zip_parts(parts), d));
      CHECK(has_message(d, "xl/sharedStrings.xml: the workbook unpacks to more than ccnscore reads"));
    }
    SUBCASE("too many entries")
    {
      auto parts = TestBook("r1", "M2").parts();
      for (size_t i = 0; i < k_max_workbook_entries; ++i) {
        parts["x/" + std::to_string(i)] = "";
      }
      CHECK_FALSE(load_sheet_workbook("m2.xlsx", zip_parts(parts), d));
      CHECK(has_message(d, "entries, more than 1000"));
    }
    CHECK(d.has_errors());
    CHECK_FALSE(d.has_io_errors());
  }

  TEST_CASE("a control character in a cell is an error at the cell, as in a YAML sheet")
  {
    TestBook book("r1", "M2");
    book.row(8, "A1", "P1", "><v>8</v>", "esc &#27;[31m");
    book.shared("<si><t>bell \x07</t></si>");
    book.row(9, "A2", "P1", "><v>7</v>");
    book.raw(0, "H9", "t=\"s\"><v>0</v>");
    book.row(10, "A3", "P1", "><v>7</v>", "tab\tand\nline");
    Diagnostics d;
    read(book, d);
    CHECK_MESSAGE(d.error_count() == 2, all_messages(d));
    CHECK_MESSAGE(has_message(d, "m2.xlsx:Phiếu!H8: error: control character U+001B in the cell; a cell may hold "
                                 "tabs and line breaks but no other control characters"),
                  all_messages(d));
    CHECK_MESSAGE(has_message(d, "m2.xlsx:Phiếu!H9: error: control character U+0007"), all_messages(d));
  }

  TEST_CASE("text in a cell is read in NFC, as a YAML sheet's is")
  {
    TestBook book("r1", "M2");
    // "Phương án" with its accents typed as combining marks.
    book.row(8, "A1", "P1", "><v>8</v>", "Phu\xCC\x9Bo\xCC\x9Bng a\xCC\x81n");
    Diagnostics d;
    auto s = read(book, d);
    REQUIRE_MESSAGE(s, all_messages(d));
    CHECK(s->comments.at("A1").at("P1").text == "Phương án");
  }

  TEST_CASE("a part that is not UTF-8 or holds a NUL is a damaged workbook, not text cut short")
  {
    Diagnostics d;
    SUBCASE("invalid UTF-8")
    {
      TestBook book("r1", "M2");
      book.row(8, "A1", "P1", "><v>8</v>", "bad \xff\xfe");
      CHECK_FALSE(read(book, d));
      CHECK_MESSAGE(has_message(d, "m2.xlsx: error: xl/worksheets/sheet1.xml: invalid UTF-8 at byte"), all_messages(d));
      CHECK_MESSAGE(has_message(d, "(byte 0xFF): the workbook is damaged"), all_messages(d));
    }
    SUBCASE("a NUL written as a character reference")
    {
      TestBook book("r1", "M2");
      book.shared("<si><t>cut &#x00; here</t></si>");
      CHECK_FALSE(read(book, d));
      CHECK_MESSAGE(has_message(d, "m2.xlsx: error: xl/sharedStrings.xml: a NUL character at byte"), all_messages(d));
    }
    SUBCASE("a NUL byte")
    {
      TestBook book("r1", "M2");
      book.row(8, "A1", "P1", "><v>8</v>", std::string("cut \0 here", 11));
      CHECK_FALSE(read(book, d));
      CHECK_MESSAGE(has_message(d, "m2.xlsx: error: xl/worksheets/sheet1.xml: a NUL character at byte"),
                    all_messages(d));
    }
    SUBCASE("references to other characters are text")
    {
      TestBook book("r1", "M2");
      book.row(8, "A1", "P1", "><v>8</v>", "&#10;&#x30;&#0010;&amp;");
      auto s = read(book, d);
      REQUIRE_MESSAGE(s, all_messages(d));
      CHECK(s->comments.at("A1").at("P1").text == "\n0\n&");
      CHECK_FALSE(d.has_errors());
    }
  }

  TEST_CASE("a workbook of exactly the entry limit is read, one entry more is refused")
  {
    auto parts = TestBook("r1", "M2").parts();
    for (size_t i = 0; parts.size() < k_max_workbook_entries; ++i) {
      parts["x/" + std::to_string(i)] = "";
    }
    Diagnostics d;
    auto s = load_sheet_workbook("m2.xlsx", zip_parts(parts), d);
    CHECK_MESSAGE(s, all_messages(d));
    parts["x/one-more"] = "";
    Diagnostics more;
    CHECK_FALSE(load_sheet_workbook("m2.xlsx", zip_parts(parts), more));
    CHECK(has_message(more, "holds 1001 entries, more than 1000"));
  }

  TEST_CASE("cell references are read up to Excel's last column and row, and refused one past them")
  {
    // A workbook with a score in G8 and one more cell `ref` holding 1.
    auto book_with = [](const std::string& ref) {
      TestBook book("r1", "M2");
      book.row(8, "A1", "P1", "><v>8</v>");
      book.raw(0, ref, "><v>1</v>");
      return book;
    };
    for (const char* ref : {"A1", "XFD8", "A1048576", "XFD1048576"}) {
      Diagnostics d;
      auto s = read(book_with(ref), d);
      REQUIRE_MESSAGE(s, ref, " ", all_messages(d));
      CHECK(s->scores.at("A1").at("P1").points == 8);
    }
    Diagnostics column;
    CHECK_FALSE(read(book_with("XFE8"), column));
    CHECK_MESSAGE(has_message(column, "xl/worksheets/sheet1.xml: \"XFE8\" is not a cell of row 8"),
                  all_messages(column));
    Diagnostics row;
    CHECK_FALSE(read(book_with("A1048577"), row));
    CHECK_MESSAGE(has_message(row, "xl/worksheets/sheet1.xml: a row numbered \"1048577\""), all_messages(row));
    for (const char* bad : {"8", "G", "G08x", "g8", "G0"}) {
      Diagnostics d;
      auto parts = book_with("Z8").parts();
      auto& xml = parts["xl/worksheets/sheet1.xml"];
      xml.replace(xml.find("r=\"Z8\""), 6, std::string("r=\"") + bad + "\"");
      CHECK_FALSE(load_sheet_workbook("m2.xlsx", zip_parts(parts), d));
      CHECK_MESSAGE(has_message(d, std::string("\"") + bad + "\" is not a cell of row 8"), bad, " ", all_messages(d));
    }
  }

  TEST_CASE("a number cell is read from its decimal text as Excel holds it, never through a double")
  {
    CHECK(*workbook_number("8.5") == Rational(17, 2));
    CHECK(*workbook_number("7") == 7);
    CHECK(*workbook_number("1E-3") == ratio(1, 1000));
    CHECK(*workbook_number("0.1") == ratio(1, 10));
    // Excel keeps 15 significant digits: these are 7.5 and 0.3 on screen and in its sums.
    CHECK(*workbook_number("7.4999999999999991") == Rational(15, 2));
    CHECK(*workbook_number("0.30000000000000004") == ratio(3, 10));
    CHECK(*workbook_number("8.50000000000000") == Rational(17, 2));
    CHECK(*workbook_number("0.123456789012345") == ratio(123456789012345, 1000000000000000));
    CHECK_FALSE(workbook_number("8,5"));
    CHECK_FALSE(workbook_number(""));
  }

  TEST_CASE("a workbook in a round keeps every rule of a sheet, at the cell")
  {
    TempDir dir;
    SUBCASE("valid: the same as a YAML sheet")
    {
      TestBook book("r1", "M2");
      book.row(8, "A1", "P1", "><v>8</v>");
      book.row(9, "A2", "P1", "><v>7</v>", "Ý kiến");
      Diagnostics d;
      auto b = load_with(dir, book, d);
      REQUIRE_MESSAGE(b, all_messages(d));
      REQUIRE(b->sheets.size() == 3);
      CHECK(b->sheets[2].member == "M2");
      CHECK(b->inputs.back().role == "sheet");
      CHECK(b->inputs.back().path == "m2.xlsx");
      CHECK(b->inputs.back().sha256 == b->sheets[2].sha256);
    }
    SUBCASE("range, step, recusal, unknown applicant and criterion, other round")
    {
      TestBook book("r2", "M2");
      book.row(8, "A1", "P1", "><v>10.5</v>");
      book.row(9, "A2", "P1", "><v>7.25</v>");
      book.row(10, "A9", "P1", "><v>5</v>");
      book.row(11, "A1", "Q9", "><v>5</v>");
      book.row(12, "A2", "F1", "><v>5</v>");
      Diagnostics d;
      CHECK_FALSE(load_with(dir, book, d));
      const std::string all = all_messages(d);
      const std::string at = dir.path("m2.xlsx") + ":Phiếu!";
      CHECK_MESSAGE(has_message(d, at + "B2: error: round: this sheet is for round 'r2'"), all);
      CHECK_MESSAGE(has_message(d, at + "G8: error: score of 'A1' for 'P1': expected 0 to 10, found 10.5"), all);
      CHECK_MESSAGE(has_message(d, at + "G9: error: score of 'A2' for 'P1': expected a multiple of step 0.5, found "
                                        "7.25"),
                    all);
      CHECK_MESSAGE(has_message(d, at + "G10: error: scores: unknown applicant 'A9'"), all);
      CHECK_MESSAGE(has_message(d, at + "G11: error: scores of 'A1': unknown criterion 'Q9'"), all);
      CHECK_MESSAGE(has_message(d, at + "G12: error: scores of 'A2': criterion 'F1' is not judged"), all);
    }
    SUBCASE("a recused applicant cannot be scored")
    {
      TestBook book("r1", "M2");
      book.row(8, "A1", "P1", "><v>8</v>");
      book.row(9, "A2", "P1", "><v>7</v>");
      book.recusal(3, "A2", "x");
      Diagnostics d;
      CHECK_FALSE(load_with(dir, book, d));
      CHECK_MESSAGE(has_message(d, dir.path("m2.xlsx") + ":Phiếu!G9: error: scores: member 'M2' recused from "
                                                         "applicant 'A2' and cannot score it"),
                    all_messages(d));
    }
    SUBCASE("a workbook that cannot be read is an input error of the round")
    {
      dir.write("criteria.yaml", small_criteria());
      dir.write("A1.yaml", small_dossier("A1", "60", "100", "400"));
      Diagnostics d;
      TestBook book("r1", "M2");
      auto parts = book.parts();
      parts.erase("xl/workbook.xml");
      dir.write("m2.xlsx", zip_parts(parts));
      CHECK_FALSE(load_round(dir.write("round.yaml", small_round({"A1"}, 3, {}) + "  - m2.xlsx\n"), d));
      CHECK(has_message(d, "m2.xlsx: error: not a score sheet workbook: it has no part xl/workbook.xml"));
    }
  }
}
