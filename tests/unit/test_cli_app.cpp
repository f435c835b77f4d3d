#include "cli_helpers.hpp"
#include "util/shared_library.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sys/resource.h>
#include <sstream>
#include <stdexcept>

using namespace ccn;
using namespace ccn::test;

namespace {

const std::string k_round = k_src + "/samples/bo-trai-song-da-2024/round.yaml";

std::string read(const std::string& path)
{
  return read_text(path);
}

} // namespace

TEST_SUITE("cli/app")
{
  TEST_CASE("rank -o writes the same bytes as standard output")
  {
    TempDir dir;
    Run to_stdout = run({"rank", k_round, "--format", "json"});
    REQUIRE(to_stdout.status == 0);
    Run to_file = run({"rank", k_round, "--format", "json", "-o", dir.path("result.json")});
    CHECK(to_file.status == 0);
    CHECK(to_file.out.empty());
    CHECK(read(dir.path("result.json")) == to_stdout.out);
  }

  TEST_CASE("rank -o refuses to overwrite an input of the round")
  {
    std::string sheet = k_src + "/samples/bo-trai-song-da-2024/sheets/m1.yaml";
    std::string before = read(sheet);
    Run r = run({"rank", k_round, "--lang", "en", "-o", sheet});
    CHECK(r.status == k_exit_usage);
    CHECK(r.err.find("refusing to overwrite an input of the round (score sheet)") != std::string::npos);
    CHECK(read(sheet) == before);
    // In Vietnamese, the kind of input is named in Vietnamese too.
    Run vi = run({"rank", k_round, "--lang", "vi", "-o", k_round});
    CHECK(vi.status == k_exit_usage);
    CHECK(vi.err.find("không ghi đè lên tệp đầu vào của đợt lựa chọn (tệp đợt lựa chọn)") != std::string::npos);
  }

  TEST_CASE("a write that fails leaves no file behind and exits 3")
  {
    TempDir dir;
    Run r = run({"rank", k_round, "--lang", "en", "-o", dir.path("no/such/folder/result.json")});
    CHECK(r.status == k_exit_io);
    CHECK(r.err.find("cannot write") != std::string::npos);
    CHECK(std::filesystem::is_empty(dir.path()));
  }

  TEST_CASE("a full disk: the write fails, no partial file is left, exit 3")
  {
    TempDir dir;
    // A file size limit makes every write past 1,000 bytes fail as a full disk would.
    struct sigaction ignore {};
    struct sigaction old {};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGXFSZ, &ignore, &old);
    rlimit before{};
    ::getrlimit(RLIMIT_FSIZE, &before);
    rlimit small = before;
    small.rlim_cur = 1000;
    ::setrlimit(RLIMIT_FSIZE, &small);
    Run r = run({"rank", k_round, "--lang", "en", "--format", "json", "-o", dir.path("result.json")});
    ::setrlimit(RLIMIT_FSIZE, &before);
    ::sigaction(SIGXFSZ, &old, nullptr);
    CHECK(r.status == k_exit_io);
    CHECK(r.err.find("cannot write: File too large") != std::string::npos);
    CHECK(std::filesystem::is_empty(dir.path()));
  }

  TEST_CASE("an invalid round writes nothing, not even a partial output")
  {
    TempDir dir;
    Run r = run({"rank", k_src + "/samples/bad/round-division/round.yaml", "-o", dir.path("out.json")});
    CHECK(r.status == k_exit_invalid);
    CHECK_FALSE(std::filesystem::exists(dir.path("out.json")));
  }

  TEST_CASE("colour only on a terminal, and never with NO_COLOR")
  {
    CHECK(run({"rank", k_round}, true, false).out.find("\033[") != std::string::npos);
    CHECK(run({"rank", k_round}, true, true).out.find("\033[") == std::string::npos);
    CHECK(run({"rank", k_round}, false, false).out.find("\033[") == std::string::npos);
  }

  TEST_CASE("the same round gives byte-identical JSON, whatever the order of its dossiers and sheets")
  {
    Run first = run({"rank", k_round, "--format", "json"});
    CHECK(run({"rank", k_round, "--format", "json"}).out == first.out);
    TempDir dir;
    std::string base = k_src + "/samples/bo-trai-song-da-2024/";
    std::string round = "format: ccnscore/round@1\nid: bo-trai-song-da-2024\n"
                        "title: Lựa chọn chủ đầu tư xây dựng hạ tầng kỹ thuật CCN Bờ trái Sông Đà\n"
                        "cluster: CCN Bờ trái Sông Đà, thành phố Hòa Bình (18 ha)\ndate: 2024-09-10\n"
                        "criteria: " + k_src + "/criteria/nd66-khung-quoc-gia.yaml\ndossiers:\n";
    for (const char* d : {"c4", "c2", "c3", "c1"}) {
      round += "  - " + base + "dossiers/" + d + ".yaml\n";
    }
    round += "council:\n  quorum: \"2/3\"\n  deviation_percent: 20\n  members:\n"
             "    - { id: M1, name: Nguyễn Thị Minh Nguyệt, role: chair }\n"
             "    - { id: M2, name: Bùi Văn Tiến, role: vice_chair }\n"
             "    - { id: M3, name: Xa Văn Thành, role: member }\n"
             "    - { id: M4, name: Hà Thị Phương, role: member }\n"
             "    - { id: M5, name: Lò Văn Quyết, role: member }\nsheets:\n";
    for (const char* s : {"m5", "m3", "m1", "m4", "m2"}) {
      round += "  - " + base + "sheets/" + s + ".yaml\n";
    }
    Run shuffled = run({"rank", dir.write("round.yaml", round), "--format", "json"});
    REQUIRE_MESSAGE(shuffled.status == 0, shuffled.err);
    auto a = nlohmann::json::parse(first.out);
    auto b = nlohmann::json::parse(shuffled.out);
    CHECK(a["applicants"] == b["applicants"]);
    CHECK(a["warnings"] == b["warnings"]);
  }

  TEST_CASE("the JSON result follows formats-v1 section 7")
  {
    auto j = nlohmann::json::parse(run({"rank", k_round, "--format", "json"}).out);
    CHECK(j["format"] == "ccnscore/result@1");
    CHECK(j["round"]["scale"] == 100);
    CHECK(j["inputs"].size() == 11);
    const auto& first = j["applicants"][0];
    CHECK(first["id"] == "C1");
    CHECK(first["status"] == "selected");
    CHECK(first["total"] == 94.7);
    CHECK(first["total_exact"] == "947/10");
    const auto& c4 = j["applicants"][1];
    CHECK(c4["total"].dump() == "69.13");
    CHECK(c4["total_exact"] == "553/8");
    const auto& c2 = j["applicants"][3];
    CHECK(c2["status"] == "disqualified");
    CHECK(c2["rank"].is_null());
    CHECK(c2["total"].is_null());
    CHECK(c2["groups"].empty());
    CHECK(c2["criteria"].empty());
    CHECK(j["warnings"].size() == 2);
    CHECK(j["warnings"][0]["explained"] == true);
  }

  TEST_CASE("direct mode ranks dossiers against criteria without judged criteria")
  {
    TempDir dir;
    std::string criteria = dir.write("c.yaml", "format: ccnscore/criteria@1\nid: t\ntitle: T\nfields:\n"
                                               "  x: { type: number }\ngroups:\n  - id: g\n    name: G\n"
                                               "    criteria: [{ id: C1, name: C, max: 10, of: x, per_unit: 1 }]\n");
    std::string a = dir.write("a.yaml", "format: ccnscore/dossier@1\napplicant: { id: A, name: \"Công ty A, \\\"B\\\"\" }\n"
                                        "facts: { x: 3 }\n");
    std::string b = dir.write("b.yaml", "format: ccnscore/dossier@1\napplicant: { id: B, name: Công ty B }\nfacts: { x: 4 }\n");
    Run r = run({"rank", "--criteria", criteria, a, b, "--format", "csv"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out == "rank,id,name,status,total,group:g,criterion:C1\r\n"
                   "1,B,Công ty B,selected,4.00,4.00,4.00\r\n"
                   "2,A,\"Công ty A, \"\"B\"\"\",qualified,3.00,3.00,3.00\r\n");
  }

  TEST_CASE("usage errors exit 2 and say what to do")
  {
    CHECK(run({}).status == k_exit_usage);
    CHECK(run({"frobnicate"}).err.find("unknown command 'frobnicate'") != std::string::npos);
    CHECK(run({"rank", k_round, "--format", "xml"}).status == k_exit_usage);
    CHECK(run({"--help"}).status == k_exit_ok);
    CHECK(run({"--version"}).out == "ccnscore 1.0.0\n");
  }

  TEST_CASE("check reports every error of every file, then a summary")
  {
    Run r = run({"check", k_src + "/samples/bad/criteria-scoring.yaml", k_src + "/samples/bad/sheet-shape.yaml",
                 k_round});
    CHECK(r.status == k_exit_invalid);
    CHECK(r.out.find("3 files checked: 2 with errors, 16 errors in all") != std::string::npos);
    Run missing = run({"check", k_round, k_src + "/nope.yaml"});
    CHECK(missing.status == k_exit_io);
  }

  TEST_CASE("check warns of a member who handed in no sheet and whom the meeting does not record as absent")
  {
    SampleCopy s;
    const std::string round = s.path("samples/yen-quang-2024/round.yaml");
    std::string text = read_text(round);
    text.erase(text.find("  - sheets/m5.yaml\n"));
    std::filesystem::remove(s.path("samples/yen-quang-2024/sheets/m5.yaml"));
    std::ofstream(round, std::ios::binary) << text;
    Run r = run({"check", round, "--lang", "en"});
    CHECK(r.status == k_exit_ok); // 4 of 5 is a quorum of 2/3: a warning only
    CHECK(r.err.find("round.yaml:18:13: warning: member 'M5' (Vũ Đình Long) handed in no sheet and counts as absent, "
                     "but the round does not record the absence")
          != std::string::npos);
    std::ofstream(round, std::ios::binary) << text << "meeting:\n  absent:\n    M5: Đi công tác\n";
    Run recorded = run({"check", round});
    CHECK(recorded.status == k_exit_ok);
    CHECK(recorded.err.empty());
  }

  TEST_CASE("a file of no known format is said at its format value, naming what was found")
  {
    // Section 1: the error names what was found, and where: the value of
    // 'format:' (as in a round, where the format a file must have is known),
    // the top of the file when there is no such key.
    TempDir dir;
    Run other = run({"check", dir.write("a.yaml", "# note\nformat: ccnscore/criteria@2\n")});
    CHECK_MESSAGE(other.err.find("a.yaml:2:9: error: expected 'format:' to be one of ") != std::string::npos, other.err);
    CHECK(other.err.find("found 'ccnscore/criteria@2'") != std::string::npos);
    Run list = run({"check", dir.write("b.yaml", "format: [ccnscore/criteria@1]\n")});
    CHECK_MESSAGE(list.err.find("b.yaml:1:9: error: expected 'format:' to be one of ") != std::string::npos, list.err);
    CHECK(list.err.find(", found a list\n") != std::string::npos);
    Run none = run({"check", dir.write("c.yaml", "id: x\n")});
    CHECK_MESSAGE(none.err.find("c.yaml:1:1: error: expected 'format:' to be one of ") != std::string::npos, none.err);
    CHECK(none.err.find("found no format") != std::string::npos);
    CHECK(list.status == k_exit_invalid);
  }

  TEST_CASE("an exception that escapes a command is reported as an internal error, exit 70")
  {
    std::ostringstream out;
    std::ostringstream err;
    Console console{out, err, false, false, false};
    SUBCASE("a standard exception, with its message made safe for a terminal")
    {
      int status = run_guarded(console, []() -> int { throw std::out_of_range("map::at\x1b[2J\nsecond line"); });
      CHECK(status == k_exit_internal);
      CHECK(status == 70);
      CHECK(err.str() == "ccnscore: internal error: map::at\\x1b[2J\\x0asecond line; this is a bug in ccnscore, "
                         "please report it with the command and its input files\n");
    }
    SUBCASE("anything else that is thrown")
    {
      CHECK(run_guarded(console, []() -> int { throw 42; }) == k_exit_internal);
      CHECK(err.str().rfind("ccnscore: internal error: an exception of unknown type; ", 0) == 0);
    }
    SUBCASE("a command that returns is left alone")
    {
      CHECK(run_guarded(console, [] { return k_exit_invalid; }) == k_exit_invalid);
      CHECK(err.str().empty());
    }
    CHECK(out.str().empty());
  }

  TEST_CASE("a library a command needs and the system lacks is said as such, exit 69")
  {
    std::ostringstream out;
    std::ostringstream err;
    Console console{out, err, false, false, false};
    auto missing = []() -> int { throw MissingLibrary("libxlsxwriter.so.4", "cannot open shared object file"); };
    SUBCASE("in English")
    {
      CHECK(run_guarded(console, missing) == k_exit_unavailable);
      CHECK(k_exit_unavailable == 69);
      CHECK(err.str() == "ccnscore: error: cannot load the library libxlsxwriter.so.4 (cannot open shared object "
                         "file); this command needs it: install the package that provides it\n");
    }
    SUBCASE("in Vietnamese")
    {
      console.lang = Lang{"vi"};
      CHECK(run_guarded(console, missing) == k_exit_unavailable);
      CHECK(err.str() == "ccnscore: lỗi: không nạp được thư viện libxlsxwriter.so.4 (cannot open shared object "
                         "file); lệnh này cần thư viện đó: hãy cài đặt gói phần mềm cung cấp thư viện này\n");
    }
    CHECK(out.str().empty());
  }

  TEST_CASE("a command that throws is stopped at run_cli, not by an abort")
  {
    // Standard output that throws on the first write, as a stream set to
    // throw on a failed write would: rank's output escapes as an exception.
    struct Refusing : std::streambuf
    {
      int overflow(int) override { return traits_type::eof(); }
      std::streamsize xsputn(const char*, std::streamsize) override { return 0; }
    } refusing;
    std::ostream out(&refusing);
    out.exceptions(std::ios::badbit);
    std::ostringstream err;
    Console console{out, err, false, false, false};
    int status = run_cli({"rank", k_round}, console);
    CHECK(status == k_exit_internal);
    const std::string message = err.str();
    CHECK(message.rfind("ccnscore: internal error: ", 0) == 0);
    CHECK(std::count(message.begin(), message.end(), '\n') == 1);
  }
}

TEST_SUITE("cli_lang")
{
  TEST_CASE("the locale decides the language only through LC_ALL, LC_MESSAGES and LANG, in that order")
  {
    CHECK(locale_lang(nullptr, nullptr, nullptr) == Lang{"en"});
    CHECK(locale_lang(nullptr, nullptr, "vi_VN.UTF-8") == Lang{"vi"});
    CHECK(locale_lang("C.UTF-8", nullptr, "vi_VN.UTF-8") == Lang{"en"});
    CHECK(locale_lang("", "vi_VN", "en_US.UTF-8") == Lang{"vi"});
    CHECK(locale_lang(nullptr, nullptr, "en_US") == Lang{"en"});
  }

  TEST_CASE("--lang is accepted by every command and beats the criteria's language")
  {
    for (const char* cmd : {"check", "rank", "report", "explain", "sensitivity", "sheet", "verify", "batch"}) {
      CAPTURE(cmd);
      Run r = run({cmd, "--lang", "fr"});
      CHECK(r.status == k_exit_usage);
      CHECK(r.err.find("--lang: 'fr' is not one of the accepted values, en and vi") != std::string::npos);
    }
    Run vi = run({"explain", k_round, "NOBODY"});
    CHECK(vi.err.find("ccnscore explain: lỗi: không có nhà đầu tư “NOBODY”") != std::string::npos);
    Run en = run({"explain", k_round, "NOBODY", "--lang", "en"});
    CHECK(en.err.find("ccnscore explain: error: no applicant 'NOBODY'") != std::string::npos);
  }

  TEST_CASE("errors before any criteria file is read use --lang, else English in tests")
  {
    Run en = run({"rank", "no-such-round.yaml"});
    CHECK(en.err.find("no-such-round.yaml: error: ") == 0);
    Run vi = run({"rank", "no-such-round.yaml", "--lang", "vi"});
    CHECK(vi.err.find("no-such-round.yaml: lỗi: ") == 0);
  }
}
