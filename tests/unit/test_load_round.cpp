#include "helpers.hpp"
#include "workbook_helpers.hpp"
#include "model/sheet_workbook.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace ccn;
using namespace ccn::test;

namespace {

// A folder with the small criteria, dossiers A1 and A2, and sheets of M1..M3.
struct RoundFiles
{
  TempDir dir;
  RoundFiles()
  {
    dir.write("criteria.yaml", small_criteria());
    dir.write("A1.yaml", small_dossier("A1", "60", "100", "400"));
    dir.write("A2.yaml", small_dossier("A2", "50", "100", "500"));
    for (int i = 1; i <= 3; ++i) {
      dir.write("m" + std::to_string(i) + ".yaml", small_sheet("M" + std::to_string(i), "A1: 8, A2: 7"));
    }
  }
  std::optional<RoundBundle> load(const std::string& round, Diagnostics& d)
  {
    return load_round(dir.write("round.yaml", round), d);
  }
};

} // namespace

TEST_SUITE("load/round")
{
  TEST_CASE("a dossier or sheet in the round's folder that no entry names is found, in any case of its ending")
  {
    RoundFiles f;
    f.dir.write("A3.YAML", small_dossier("A3", "60", "100", "400"));
    f.dir.write("m4.Yml", small_sheet("M4", "A1: 8, A2: 7"));
    f.dir.write("notes.txt", "format: ccnscore/dossier@1\n");
    const std::string round = f.dir.write("round.yaml", small_round({"A1", "A2"}, 3, {1, 2, 3}));
    auto unlisted = unlisted_inputs(round);
    REQUIRE(unlisted.size() == 2);
    CHECK(unlisted[0].path.ends_with("A3.YAML"));
    CHECK_FALSE(unlisted[0].sheet);
    CHECK(unlisted[1].path.ends_with("m4.Yml"));
    CHECK(unlisted[1].sheet);
  }

  TEST_CASE("a workbook beside the round counts as an unlisted sheet unless it says it is none")
  {
    RoundFiles f;
    // A score sheet that no entry names; one that lost its mark (another
    // program saved it without); one that cannot even be opened: each may
    // be a member's sheet. A ranking saved beside the round is none.
    f.dir.write("m4.xlsx", TestBook("r1", "M4").bytes());
    auto parts = TestBook("r1", "M5").parts();
    parts.erase("docProps/custom.xml");
    f.dir.write("m5.xlsx", zip_parts(parts));
    f.dir.write("m6.xlsx", "not a zip");
    auto ranking = TestBook("r1", "M7").parts();
    const std::string sheet_mark = std::string(k_workbook_format_sheet);
    std::string& custom = ranking.at("docProps/custom.xml");
    REQUIRE(custom.find(sheet_mark) != std::string::npos);
    custom.replace(custom.find(sheet_mark), sheet_mark.size(), std::string(k_workbook_format_ranking));
    f.dir.write("xep-hang.xlsx", zip_parts(ranking));
    const std::string round = f.dir.write("round.yaml", small_round({"A1", "A2"}, 3, {1, 2, 3}));
    auto unlisted = unlisted_inputs(round);
    REQUIRE(unlisted.size() == 3);
    CHECK(unlisted[0].path.ends_with("m4.xlsx"));
    CHECK_FALSE(unlisted[0].maybe);
    CHECK(unlisted[1].path.ends_with("m5.xlsx"));
    CHECK(unlisted[1].maybe);
    CHECK(unlisted[2].path.ends_with("m6.xlsx"));
    CHECK(unlisted[2].maybe);
    for (const auto& u : unlisted) {
      CHECK(u.sheet);
    }
  }

  TEST_CASE("a consistent round loads with every input fingerprinted")
  {
    RoundFiles f;
    Diagnostics d;
    auto b = f.load(small_round({"A1", "A2"}, 3, {1, 2, 3}), d);
    REQUIRE_MESSAGE(b, all_messages(d));
    CHECK(b->dossiers.size() == 2);
    CHECK(b->sheets.size() == 3);
    REQUIRE(b->inputs.size() == 7);
    CHECK(b->inputs[0].role == "round");
    CHECK(b->inputs[1].role == "criteria");
    CHECK(b->inputs[1].path == "criteria.yaml");
    CHECK(b->inputs[1].sha256.size() == 64);
  }

  TEST_CASE("a file that cannot be read is said with the line of the round file that names it")
  {
    RoundFiles f;
    auto io_errors = [](const Diagnostics& d) {
      std::vector<Diagnostic> out;
      for (const auto& item : d.items()) {
        if (item.severity == Severity::io_error) {
          out.push_back(item);
        }
      }
      return out;
    };
    SUBCASE("a dossier and a sheet")
    {
      Diagnostics d;
      CHECK_FALSE(f.load(small_round({"A1", "A9"}, 3, {1, 2, 7}), d));
      auto errors = io_errors(d);
      REQUIRE(errors.size() == 2);
      CHECK(errors[0].pos.path.ends_with("A9.yaml"));
      CHECK(errors[0].named_at.path.ends_with("round.yaml"));
      CHECK(errors[0].named_at.line == 7); // "  - A9.yaml", after 5 lines of heading and A1's
      CHECK(errors[0].named_at.col == 5);
      CHECK(errors[1].pos.path.ends_with("m7.yaml"));
      CHECK(errors[1].named_at.line == 16);
      CHECK(format_diagnostic(errors[0], Lang{"en"}) ==
            errors[0].pos.path + ": error: cannot read: No such file or directory (named at " +
              errors[0].named_at.path + ":7:5)");
      CHECK(format_diagnostic(errors[0], Lang{"vi"}).ends_with("(tệp được nêu tại " + errors[0].named_at.path + ":7:5)"));
    }
    SUBCASE("the criteria, and when they are missing the dossiers still read alone")
    {
      std::string round = small_round({"A1", "A9"}, 3, {1, 2, 3});
      round.replace(round.find("criteria.yaml"), 13, "nowhere.yaml");
      Diagnostics d;
      CHECK_FALSE(f.load(round, d));
      auto errors = io_errors(d);
      REQUIRE(errors.size() == 2);
      CHECK(errors[0].pos.path.ends_with("nowhere.yaml"));
      CHECK(errors[0].named_at.line == 4);
      CHECK(errors[0].named_at.col == 11);
      CHECK(errors[1].pos.path.ends_with("A9.yaml"));
      CHECK(errors[1].named_at.line == 7);
    }
    SUBCASE("a folder entry")
    {
      std::string round = small_round({"A1", "A2"}, 3, {1, 2, 3});
      round.replace(round.find("  - A2.yaml"), 11, "  - gone/");
      Diagnostics d;
      CHECK_FALSE(f.load(round, d));
      auto errors = io_errors(d);
      REQUIRE(errors.size() == 1);
      CHECK(errors[0].key == "cannot_read_folder");
      CHECK(errors[0].named_at.line == 7);
    }
    SUBCASE("a file given on the command line has no line to name")
    {
      Diagnostics d;
      CHECK_FALSE(load_direct(f.dir.path("nowhere.yaml"), {f.dir.path("A1.yaml")}, d));
      auto errors = io_errors(d);
      REQUIRE(errors.size() == 1);
      CHECK(errors[0].named_at.line == 0);
      CHECK(format_diagnostic(errors[0], Lang{"en"}).find("named at") == std::string::npos);
    }
  }

  TEST_CASE("paths inside a round are relative to the round's folder")
  {
    RoundFiles f;
    f.dir.write("sub/round.yaml", "format: ccnscore/round@1\nid: r1\ntitle: T\ncriteria: ../criteria.yaml\n"
                                  "dossiers: [../A1.yaml]\ncouncil:\n  members: [{ id: M1, name: N, role: chair }]\n"
                                  "sheets: [sheet.yaml]\n");
    f.dir.write("sub/sheet.yaml", small_sheet("M1", "A1: 8"));
    Diagnostics d;
    auto b = load_round(f.dir.path("sub/round.yaml"), d);
    CHECK_MESSAGE(b, all_messages(d));
  }

  TEST_CASE("a file whose name is not UTF-8 is refused, since the result names every file")
  {
    RoundFiles f;
    // A dossier in a listed folder, named in Latin-1 as an old archive may
    // leave it; the round file itself, being UTF-8, cannot name it.
    const std::string latin1 = "h\xf4-s\xf5.yaml";
    f.dir.write("ho-so/" + latin1, small_dossier("A2", "50", "100", "500"));
    std::string round = small_round({"A1"}, 3, {1, 2, 3});
    round.replace(round.find("  - A1.yaml\n"), 12, "  - A1.yaml\n  - ho-so/\n");
    Diagnostics d;
    CHECK_FALSE(f.load(round, d));
    CHECK_MESSAGE(d.error_count() == 1, all_messages(d));
    CHECK_MESSAGE(has_message(d, "-s\xf5.yaml: error: the name of this file is not valid UTF-8 (byte 0xf4)"),
                  all_messages(d));
    // The same file under a UTF-8 name loads.
    std::filesystem::rename(f.dir.path("ho-so/" + latin1), f.dir.path("ho-so/hồ-sơ.yaml"));
    Diagnostics ok;
    CHECK_MESSAGE(f.load(round, ok), all_messages(ok));
    // Named on the command line, without a round file.
    const std::string criteria = f.dir.write("direct.yaml", "format: ccnscore/criteria@1\nid: t\ntitle: T\n"
                                                            "fields:\n  x: { type: number }\ngroups:\n  - id: g\n"
                                                            "    name: G\n    criteria:\n"
                                                            "      - { id: C1, name: X, max: 10, of: x, per_unit: 1 }\n");
    const std::string dossier = "format: ccnscore/dossier@1\napplicant: { id: A1, name: N }\nfacts: { x: 3 }\n";
    Diagnostics direct;
    CHECK_FALSE(load_direct(criteria, {f.dir.write("direct/" + latin1, dossier)}, direct));
    CHECK_MESSAGE(direct.error_count() == 1, all_messages(direct));
    CHECK_MESSAGE(has_message(direct, "not valid UTF-8 (byte 0xf4)"), all_messages(direct));
    Diagnostics direct_ok;
    CHECK_MESSAGE(load_direct(criteria, {f.dir.write("direct/hồ-sơ.yaml", dossier)}, direct_ok), all_messages(direct_ok));
  }

  TEST_CASE("cross-references: duplicates, unknown members and applicants, other rounds")
  {
    RoundFiles f;
    f.dir.write("m4.yaml", small_sheet("M4", "A1: 8, A2: 7"));
    f.dir.write("m1b.yaml", small_sheet("M1", "A1: 8, A2: 7"));
    f.dir.write("m2.yaml", small_sheet("M2", "A1: 8, A3: 7", "", "r2"));
    f.dir.write("m3.yaml", small_sheet("M3", "A1: 10.5, A2: 7.25"));
    Diagnostics d;
    std::string round = small_round({"A1", "A2", "A1"}, 3, {1, 2, 3, 4});
    round += "  - m1b.yaml\n";
    CHECK_FALSE(f.load(round, d));
    CHECK(has_message(d, "gives applicant 'A1' again"));
    CHECK(has_message(d, "member 'M4' is not a member of the council"));
    CHECK(has_message(d, "member 'M1' already handed in a sheet"));
    CHECK(has_message(d, "this sheet is for round 'r2'"));
    CHECK(has_message(d, "scores: unknown applicant 'A3'"));
    CHECK(has_message(d, "expected 0 to 10, found 10.5"));
    CHECK(has_message(d, "expected a multiple of step 0.5, found 7.25"));
  }

  TEST_CASE("a sheet with a malformed score still has its other scores checked against the round")
  {
    RoundFiles f;
    // A Vietnamese decimal comma on A1, and a score above the maximum of 10 on A2.
    f.dir.write("m1.yaml", "format: ccnscore/sheet@1\nround: r1\nmember: M1\nscores:\n"
                           "  A1:\n    P1: 7,5\n  A2: { P1: 11 }\n  A9: { P1: 5 }\n");
    Diagnostics d;
    CHECK_FALSE(f.load(small_round({"A1", "A2"}, 3, {1, 2, 3}), d));
    CHECK(has_message(d, "found \"7,5\""));
    CHECK(has_message(d, "expected 0 to 10, found 11"));
    CHECK(has_message(d, "scores: unknown applicant 'A9'"));
    CHECK(d.error_count() == 3);
  }

  TEST_CASE("a sheet whose member cannot be read is not also called a stranger to the council")
  {
    RoundFiles f;
    f.dir.write("m1.yaml", "format: ccnscore/sheet@1\nround: r1\nmember: [M1]\nscores:\n  A1: { P1: 8 }\n  A2: { P1: 7 }\n");
    Diagnostics d;
    CHECK_FALSE(f.load(small_round({"A1", "A2"}, 3, {1, 2, 3}), d));
    CHECK(d.error_count() == 1);
  }

  TEST_CASE("a sheet may not score an applicant it recuses itself from")
  {
    RoundFiles f;
    f.dir.write("m1.yaml", small_sheet("M1", "A1: 8, A2: 7", "A2, A9"));
    Diagnostics d;
    CHECK_FALSE(f.load(small_round({"A1", "A2"}, 3, {1, 2, 3}), d));
    CHECK(has_message(d, "member 'M1' recused from applicant 'A2' and cannot score it"));
    CHECK(has_message(d, "recused: unknown applicant 'A9'"));
  }

  TEST_CASE("judged criteria need a council")
  {
    RoundFiles f;
    Diagnostics d;
    CHECK_FALSE(f.load("format: ccnscore/round@1\nid: r1\ntitle: T\ncriteria: criteria.yaml\ndossiers: [A1.yaml]\n", d));
    CHECK(has_message(d, "needs a 'council:'"));
  }

  TEST_CASE("an optional fact that a measure, gate or criterion uses must be given")
  {
    TempDir dir;
    dir.write("c.yaml", "format: ccnscore/criteria@1\nid: t\ntitle: T\nfields:\n"
                        "  used: { type: number, required: false }\n  spare: { type: number, required: false }\n"
                        "  when: { type: date, required: false }\nmeasures:\n  twice: \"used * 2\"\n"
                        "groups:\n  - { id: g, name: G, criteria: [{ id: C1, name: C, max: 5, of: twice, per_unit: 1 }] }\n");
    Diagnostics d;
    auto c = load_criteria_file(dir.path("c.yaml"), d);
    REQUIRE_MESSAGE(c, all_messages(d));
    auto load = [&](const std::string& facts, Diagnostics& diags) {
      auto doc = parse_document("d.yaml", "format: ccnscore/dossier@1\napplicant: { id: A1, name: N }\nfacts:" + facts,
                                diags);
      REQUIRE(doc);
      return load_dossier(*doc, &*c, diags);
    };
    Diagnostics ok;
    CHECK(load(" { used: 1 }\n", ok));
    Diagnostics missing;
    CHECK_FALSE(load(" { spare: 1, used: ~ }\n", missing));
    CHECK(has_message(missing, "facts: missing fact 'used'; it is optional, but measure 'twice' uses it"));
  }

  TEST_CASE("dossier facts: types, bounds, enum values, required and unknown facts")
  {
    TempDir dir;
    dir.write("criteria.yaml",
              "format: ccnscore/criteria@1\nid: t\ntitle: T\nfields:\n  n: { type: number, min: 0, max: 10 }\n"
              "  i: { type: integer }\n  e: { type: enum, values: [p, q] }\n  d: { type: date }\n"
              "  o: { type: number, required: false }\n  t: { type: text }\n"
              "groups:\n  - { id: g, name: G, criteria: [{ id: C1, name: C, max: 5, of: n, per_unit: 1 }] }\n");
    Diagnostics d;
    auto c = load_criteria_file(dir.path("criteria.yaml"), d);
    REQUIRE_MESSAGE(c, all_messages(d));
    auto load = [&](const std::string& facts, Diagnostics& diags) {
      auto doc = parse_document("d.yaml", "format: ccnscore/dossier@1\napplicant: { id: A1, name: N }\nfacts:\n" + facts,
                                diags);
      REQUIRE(doc);
      return load_dossier(*doc, &*c, diags);
    };
    Diagnostics ok;
    auto good = load("  n: 10\n  i: 3\n  e: q\n  d: 2023-01-31\n  t: văn bản\n  o: ~\n", ok);
    REQUIRE_MESSAGE(good, all_messages(ok));
    CHECK(good->facts.count("o") == 0);
    Diagnostics bad;
    CHECK_FALSE(load("  n: 10.5\n  i: 3.5\n  e: r\n  d: 2023-02-29\n  z: 1\n", bad));
    CHECK(has_message(bad, "fact 'n': 10.5 is above the maximum 10"));
    CHECK(has_message(bad, "fact 'i': expected a whole number"));
    CHECK(has_message(bad, "fact 'e': expected one of p, q, found \"r\""));
    CHECK(has_message(bad, "fact 'd': expected a date of the calendar"));
    CHECK(has_message(bad, "'z' is not a field of criteria 't'"));
    CHECK(has_message(bad, "missing required fact 't'"));
    // A key of another file's length is quoted as a short token.
    Diagnostics foreign;
    CHECK_FALSE(load("  \"" + std::string(500, 'k') + "\": 1\n", foreign));
    CHECK(has_message(foreign, "facts: '" + std::string(32, 'k') + "...' is not a field of criteria 't'"));
  }
}
