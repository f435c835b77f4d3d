#include "cli_helpers.hpp"
#include "workbook_helpers.hpp"

#include "load/sheet_workbook_load.hpp"
#include "model/sheet_workbook.hpp"

#include <doctest/doctest.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

using namespace ccn;
using namespace ccn::test;

namespace {

// Two dossiers ranked directly against a small criteria file; A1's name is
// `name` (a YAML double-quoted scalar, escapes allowed).
struct NamedRound
{
  TempDir dir;
  std::vector<std::string> args;

  explicit NamedRound(const std::string& name)
  {
    std::string criteria = dir.write("criteria.yaml", "format: ccnscore/criteria@1\n"
                                                      "id: thu\n"
                                                      "title: Tiêu chí thử\n"
                                                      "language: en\n"
                                                      "fields:\n"
                                                      "  ok: { type: bool }\n"
                                                      "groups:\n"
                                                      "  - id: g\n"
                                                      "    name: Nhóm\n"
                                                      "    criteria:\n"
                                                      "      - { id: F1, name: Cam kết, max: 10, of: ok, flag: 10 }\n");
    std::string a1 = dir.write("a1.yaml", "format: ccnscore/dossier@1\n"
                                          "applicant: { id: A1, name: \"" + name + "\" }\n"
                                          "facts: { ok: true }\n");
    std::string a2 = dir.write("a2.yaml", "format: ccnscore/dossier@1\n"
                                          "applicant: { id: A2, name: Công ty Cổ phần Hòa Lạc }\n"
                                          "facts: { ok: false }\n");
    args = {"rank", "--criteria", criteria, a1, a2};
  }

  Run rank(const std::vector<std::string>& more) const
  {
    std::vector<std::string> all = args;
    all.insert(all.end(), more.begin(), more.end());
    return run(all);
  }
};

} // namespace

TEST_SUITE("cli/rank")
{
  TEST_CASE("CSV written to a file starts with a byte-order mark for Excel, CSV on standard output has none")
  {
    NamedRound round("Công ty Cổ phần Sông Đà");
    Run out = round.rank({"-f", "csv"});
    REQUIRE(out.status == 0);
    CHECK(out.out.rfind("\xEF\xBB\xBF", 0) == std::string::npos);
    const std::string file = round.dir.path("table.csv");
    REQUIRE(round.rank({"-f", "csv", "-o", file}).status == 0);
    CHECK(read_text(file) == "\xEF\xBB\xBF" + out.out);
    SUBCASE("no other format gets one")
    {
      const std::string md = round.dir.path("table.md");
      REQUIRE(round.rank({"-f", "md", "-o", md}).status == 0);
      CHECK(read_text(md).rfind("\xEF\xBB\xBF", 0) == std::string::npos);
    }
  }

  TEST_CASE("CSV: a name a spreadsheet would run as a formula is neutralised")
  {
    NamedRound round("=HYPERLINK(\\\"http://x.example/\\\",\\\"Xem\\\")");
    Run r = round.rank({"-f", "csv"});
    REQUIRE(r.status == 0);
    CHECK(r.out.find("1,A1,\"'=HYPERLINK(\"\"http://x.example/\"\",\"\"Xem\"\")\",selected,10") != std::string::npos);
    SUBCASE("the other characters OWASP names")
    {
      for (const char* lead : {"+", "-", "@", "\\t"}) {
        CAPTURE(lead);
        NamedRound other(std::string(lead) + "1+1");
        Run o = other.rank({"-f", "csv"});
        CHECK(o.out.find(",A1,'") != std::string::npos);
      }
    }
  }

  TEST_CASE("the table shows control characters and direction overrides as escapes")
  {
    // Control characters in a name are refused when the dossier is read
    // (at their position); a direction override is text, escaped when shown.
    NamedRound refused("Công ty\\e]0;owned\\a\\e[2J");
    Run bad = refused.rank({});
    CHECK(bad.status == 1);
    CHECK(bad.err.find("control character U+001B") != std::string::npos);
    CHECK(bad.err.find('\x1b') == std::string::npos);
    NamedRound round("Công ty \\u202Etxt.exe");
    Run r = round.rank({});
    REQUIRE(r.status == 0);
    CHECK(r.out.find("\xe2\x80\xae") == std::string::npos);
    CHECK(r.out.find("Công ty \\u202etxt.exe") != std::string::npos);
    SUBCASE("colours of its own stay")
    {
      Run c = run(round.args, true);
      CHECK(c.out.find("\x1b[1m") != std::string::npos);
      CHECK(c.out.find("\\u202etxt.exe") != std::string::npos);
    }
  }

  TEST_CASE("diagnostics show control characters as escapes")
  {
    TempDir dir;
    std::string round = dir.write("round.yaml", "format: ccnscore/round@1\n"
                                                "id: r\n"
                                                "title: Vòng thử\n"
                                                "criteria: tieu-chi.yaml\n"
                                                "dossiers: [\"a\\u202e.yaml\"]\n");
    // A file name from the command line may hold any byte.
    Run r = run({"check", round, dir.path("tieu-chi\x1b[31m.yaml")});
    CHECK(r.status != 0);
    CHECK(r.err.find('\x1b') == std::string::npos);
    CHECK(r.err.find("\xe2\x80\xae") == std::string::npos);
    CHECK(r.err.find("tieu-chi\\x1b[31m.yaml") != std::string::npos);
  }

  TEST_CASE("XLSX: a text longer than a cell holds is cut visibly and noted, never dropped")
  {
    NamedRound round(std::string(40000, 'x'));
    TempDir out;
    Run r = round.rank({"-f", "xlsx", "-o", out.path("ket-qua.xlsx")});
    CHECK(r.status == 0);
    CHECK(r.err.find("ket-qua.xlsx: warning: sheet 'Ranking', cell C2: a text of 40000 bytes is longer than a cell holds "
                     "(32767 characters); it is cut and ends in \"…\"")
          != std::string::npos);
    CHECK(std::filesystem::exists(out.path("ket-qua.xlsx")));
    // The cut text itself is read back by tests/check_xlsx.py.
  }

  TEST_CASE("XLSX: a ranking is marked as one, so that check does not take it for a score sheet")
  {
    NamedRound round("Công ty Cổ phần Bình An");
    TempDir out;
    REQUIRE(round.rank({"-f", "xlsx", "-o", out.path("ket-qua.xlsx")}).status == 0);
    CHECK(workbook_format_mark(out.path("ket-qua.xlsx")) == std::string(k_workbook_format_ranking));
  }

  TEST_CASE("XLSX: a disk that fills up is said in one line with the system's reason, and no file is left")
  {
    NamedRound round("Công ty Cổ phần Bình An");
    TempDir out;
    const std::string path = out.path("ket-qua.xlsx");
    // What libxlsxwriter writes to the process's standard error, not to the console.
    TempDir stderr_dir;
    const std::string captured = stderr_dir.path("stderr");
    std::fflush(stderr);
    const int saved = ::dup(STDERR_FILENO);
    const int file = ::open(captured.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(saved >= 0);
    REQUIRE(file >= 0);
    ::dup2(file, STDERR_FILENO);
    Run r;
    {
      FileSizeLimit limit(1000);
      r = round.rank({"-f", "xlsx", "-o", path});
    }
    std::fflush(stderr);
    ::dup2(saved, STDERR_FILENO);
    ::close(saved);
    ::close(file);
    CHECK(r.status == 3);
    CHECK(r.err == path + ": error: cannot write: " + std::strerror(EFBIG) + "\n");
    CHECK(read_text(captured).empty());
    CHECK(std::filesystem::is_empty(out.path()));
  }

  TEST_CASE("XLSX: a weight with more than six decimals is its nearest double, not zero")
  {
    TempDir dir;
    std::string criteria = dir.write("criteria.yaml", "format: ccnscore/criteria@1\n"
                                                      "id: thu\n"
                                                      "title: Tiêu chí thử\n"
                                                      "fields:\n"
                                                      "  ok: { type: bool }\n"
                                                      "groups:\n"
                                                      "  - id: g\n"
                                                      "    name: Nhóm\n"
                                                      "    criteria:\n"
                                                      "      - { id: F1, name: Cam kết, max: 10, weight: 0.1234567, of: ok, "
                                                      "flag: 10 }\n");
    std::string a1 = dir.write("a1.yaml", "format: ccnscore/dossier@1\n"
                                          "applicant: { id: A1, name: Công ty Cổ phần Hòa Lạc }\n"
                                          "facts: { ok: true }\n");
    Run r = run({"rank", "--criteria", criteria, a1, "-f", "xlsx", "-o", dir.path("ket-qua.xlsx")});
    REQUIRE(r.status == 0);
    const std::string book = read_text(dir.path("ket-qua.xlsx"));
    // The criteria sheet: the weight in E2, the weighted points in F2.
    const std::string sheet = unzip_part(book, "xl/worksheets/sheet2.xml");
    CHECK(sheet.find("<c r=\"E2\"><v>0.1234567</v></c>") != std::string::npos);
  }

  TEST_CASE("a tie waiting for the chair's proposal in rank --criteria says a round file is needed to record it")
  {
    TempDir dir;
    dir.write("c.yaml", "format: ccnscore/criteria@1\nid: c\ntitle: C\nfields:\n  n: { type: number }\ngroups:\n"
                        "  - { id: g, name: G, criteria: [{ id: C1, name: C, max: 10, of: n, per_unit: 1 }] }\n"
                        "tie_break:\n  - proposal: chair\n");
    dir.write("a1.yaml", "format: ccnscore/dossier@1\napplicant: { id: A1, name: Một }\nfacts: { n: 8 }\n");
    dir.write("a2.yaml", "format: ccnscore/dossier@1\napplicant: { id: A2, name: Hai }\nfacts: { n: 8 }\n");
    Run r = run({"rank", "--criteria", dir.path("c.yaml"), dir.path("a1.yaml"), dir.path("a2.yaml"), "--lang", "en"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK_MESSAGE(r.out.find("Dossiers ranked with --criteria have no round file to record it in: write one") !=
                    std::string::npos,
                  r.out);
    CHECK(r.out.find("chair_proposal: { selects: ___, reason: ___, date: ___ }") != std::string::npos);
    CHECK(r.out.find("Record it in the round file") == std::string::npos);
  }
}
