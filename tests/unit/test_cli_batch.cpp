#include "cli/batch.hpp"
#include "cli_helpers.hpp"
#include "util/file.hpp"
#include "util/folder.hpp"
#include "util/text.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>

using namespace ccn;
using namespace ccn::test;

namespace {

void write_text(const std::string& path, const std::string& text)
{
  std::ofstream(path, std::ios::binary) << text;
}

// Change one judged score of the copied dong-lai-2025 sample, so that its
// result is out of date.
void change_a_score(const SampleCopy& s)
{
  const std::string sheet = s.path("samples/dong-lai-2025/phieu/m2.yaml");
  std::string text = read_text(sheet);
  REQUIRE(text.find("D3: { HT: 10.5,") != std::string::npos);
  text.replace(text.find("D3: { HT: 10.5,"), 15, "D3: { HT: 10,");
  write_text(sheet, text);
}

} // namespace

TEST_SUITE("cli/batch")
{
  TEST_CASE("good and broken rounds: a summary, the right exit status, and rank's own output")
  {
    SampleCopy s;
    Run r = run({"batch", s.path("samples"), "-o", s.path("out"), "--jobs", "2", "--lang", "en"});
    CHECK(r.status == 1);
    CHECK(r.out.find("6 rounds ranked, 12 with errors") != std::string::npos);
    std::string summary = read_text(s.path("out/summary.csv"));
    // Files Excel opens start with a byte-order mark, so that it reads UTF-8.
    CHECK(summary.rfind("\xEF\xBB\xBFround,cluster,winner,winner_total,status,errors,file,run\r\n", 0) == 0);
    CHECK(summary.find("yen-quang-2024,\"CCN Yên Quang, huyện Kỳ Sơn (30 ha)\",B1,71.00,selected,,") != std::string::npos);
    CHECK(summary.find("loi-chia-cho-khong,,,,error,") != std::string::npos);
    CHECK(r.err.find("division by zero") != std::string::npos);
    for (const char* id : {"thanh-ha-2023", "yen-quang-2024", "bo-trai-song-da-2024"}) {
      CAPTURE(id);
      std::string round = s.path(std::string("samples/") + id + "/round.yaml");
      // The same bytes as rank's, but for the one key that batch adds.
      std::string batch_json = read_text(s.path(std::string("out/") + id + "/result.json"));
      auto root = batch_json.find("  \"inputs_root\": ");
      REQUIRE(root != std::string::npos);
      batch_json.erase(root, batch_json.find('\n', root) + 1 - root);
      CHECK(batch_json == run({"rank", round, "-f", "json", "--lang", "en"}).out);
      CHECK(read_text(s.path(std::string("out/") + id + "/table.csv")) ==
            "\xEF\xBB\xBF" + run({"rank", round, "-f", "csv", "--lang", "en"}).out);
      CHECK(read_text(s.path(std::string("out/") + id + "/report.html")) == run({"report", round, "--no-robustness", "--lang", "en"}).out);
    }
    CHECK_FALSE(std::filesystem::exists(s.path("out/loi-chia-cho-khong")));
  }

  TEST_CASE("a round whose tie for first waits for the chair's proposal is said on standard error")
  {
    SampleCopy s;
    const std::string round = s.path("samples/dong-lai-2025/round.yaml");
    Run settled = run({"batch", s.path("samples/dong-lai-2025"), "-o", s.path("out"), "--lang", "en"});
    REQUIRE_MESSAGE(settled.status == 0, settled.err);
    CHECK_MESSAGE(settled.err.find("chair's proposal") == std::string::npos, settled.err);
    std::string text = read_text(round);
    const size_t at = text.find("chair_proposal:");
    REQUIRE(at != std::string::npos);
    std::ofstream(round, std::ios::binary) << text.substr(0, at);
    Run waiting = run({"batch", s.path("samples/dong-lai-2025"), "-o", s.path("out"), "--lang", "en"});
    REQUIRE_MESSAGE(waiting.status == 0, waiting.err);
    CHECK_MESSAGE(waiting.err.find("round.yaml: warning: D1 and D2 are tied for first and wait for the council "
                                   "chair's proposal") != std::string::npos,
                  waiting.err);
    CHECK(read_text(s.path("out/summary.csv")).find(",D1 D2,80.00,tied_first,") != std::string::npos);
  }

  TEST_CASE("a folder in the way is replaced only with --force, and one and two jobs agree")
  {
    SampleCopy s;
    std::string good = s.path("samples/thanh-ha-2023");
    CHECK(run({"batch", good, "-o", s.path("out"), "-j", "1"}).status == 0);
    std::string first = read_text(s.path("out/thanh-ha-2023/result.json"));
    std::filesystem::rename(s.path("out/thanh-ha-2023/result.json"), s.path("out/thanh-ha-2023/kept.json"));
    Run again = run({"batch", good, "-o", s.path("out"), "--lang", "en"});
    CHECK(again.status == 1);
    CHECK(again.err.find("cannot be read") != std::string::npos);
    CHECK(again.err.find("give --force to replace it") != std::string::npos);
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
    // An error of the round file, at its id, in its criteria's language
    // (Vietnamese), as the round's other messages would be.
    CHECK(r.err.find("thanh-ha-copy/round.yaml:2:5: lỗi: mã đợt “thanh-ha-2023” trùng với mã đợt của") != std::string::npos);
    CHECK(read_text(s.path("out/summary.csv")).find("thanh-ha-copy/round.yaml:2:5: lỗi: mã đợt") != std::string::npos);
    Run en = run({"batch", s.path("samples/thanh-ha-2023"), s.path("samples/thanh-ha-copy"), "-o", s.path("out2"),
                  "--lang", "en"});
    CHECK(en.err.find("round.yaml:2:5: error: round id 'thanh-ha-2023' is also the id of") != std::string::npos);
  }

  TEST_CASE("a round that YAML cannot read, or with no id, is an error row saying what is wrong with it")
  {
    SampleCopy s;
    const std::string round = s.path("samples/thanh-ha-2023/round.yaml");
    const std::string text = read_text(round);
    std::filesystem::copy(s.path("samples/thanh-ha-2023"), s.path("samples/khong-ma"),
                          std::filesystem::copy_options::recursive);
    std::string no_id = text;
    no_id.erase(no_id.find("id: thanh-ha-2023\n"), std::string("id: thanh-ha-2023\n").size());
    write_text(s.path("samples/khong-ma/round.yaml"), no_id);
    write_text(round, text + "council2: [\n");
    Run r = run({"batch", s.path("samples/thanh-ha-2023"), s.path("samples/khong-ma"), "-o", s.path("out"), "--lang",
                 "en"});
    CHECK(r.status == 1);
    CHECK(r.out.find("0 rounds ranked, 2 with errors") != std::string::npos);
    CHECK_MESSAGE(r.err.find("thanh-ha-2023/round.yaml:") != std::string::npos, r.err);
    CHECK_MESSAGE(r.err.find(": error: YAML syntax: ") != std::string::npos, r.err);
    CHECK_MESSAGE(r.err.find("khong-ma/round.yaml:1:1: error: round: missing required key 'id'") != std::string::npos,
                  r.err);
    CHECK_MESSAGE(r.err.find("result.json cannot be read") == std::string::npos, r.err);
  }

  TEST_CASE("a previous result larger than an input may be is read back, and found up to date")
  {
    SampleCopy s;
    const std::vector<std::string> args{"batch", s.path("samples/thanh-ha-2023"), "-o", s.path("out"), "--lang", "en"};
    REQUIRE(run(args).status == 0);
    // A large round's result is over 8 MiB; the same size, in white space.
    const std::string result = s.path("out/thanh-ha-2023/result.json");
    std::string text = read_text(result);
    text.insert(text.rfind('}'), std::string(k_max_file_bytes, ' '));
    write_text(result, text);
    Run again = run(args);
    CHECK_MESSAGE(again.status == 0, again.err);
    CHECK(again.out.find("thanh-ha-2023: up to date") != std::string::npos);
  }

  TEST_CASE("summary.csv stays UTF-8 when a round's path is not: its bytes are written as escapes")
  {
    SampleCopy s;
    std::filesystem::rename(s.path("samples/thanh-ha-2023"), s.path("samples/thanh-h\xE0"));
    Run r = run({"batch", s.path("samples/thanh-h\xE0"), "-o", s.path("out"), "--lang", "en"});
    // A result names its files in UTF-8: the round is an error row.
    CHECK(r.status == 1);
    std::string summary = read_text(s.path("out/summary.csv"));
    CHECK_FALSE(find_invalid_utf8(summary).has_value());
    CHECK(summary.find("samples/thanh-h\\xe0/round.yaml: error: the name of this file is not valid UTF-8") !=
          std::string::npos);
    CHECK(summary.find("samples/thanh-h\\xe0/round.yaml,\r\n") != std::string::npos);
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

TEST_SUITE("cli/batch")
{
  TEST_CASE("a round whose ranking throws is that round's error row, and the summary is still written")
  {
    SampleCopy s;
    RoundRanker failing = [](const BatchRound& round, const std::filesystem::path& out, bool force,
                             std::string& text) -> BatchOutcome {
      if (round.id == "thanh-ha-2023") {
        throw std::runtime_error("map::at");
      }
      if (round.id == "loi-chia-cho-khong") {
        throw 42;
      }
      return rank_round_into(round, out, force, text);
    };
    std::ostringstream out;
    std::ostringstream err;
    Console console{out, err, false, false, false, Lang{"en"}, false};
    int status = run_batch({{s.path("samples")}, s.path("out"), 2, false}, console, failing);
    CHECK(status == 1);
    std::string summary = read_text(s.path("out/summary.csv"));
    CHECK(summary.find("thanh-ha-2023,,,,error,\"internal error: map::at; this is a bug in ccnscore, please report "
                       "it with the command and its input files\",")
          != std::string::npos);
    CHECK(summary.find("loi-chia-cho-khong,,,,error,\"internal error: an exception of unknown type; this is a bug")
          != std::string::npos);
    CHECK(summary.find("yen-quang-2024,\"CCN Yên Quang, huyện Kỳ Sơn (30 ha)\",B1,71.00,selected,,")
          != std::string::npos);
    CHECK(err.str().find("/samples/thanh-ha-2023/round.yaml: error: internal error: map::at;") != std::string::npos);
    // The same rounds without the two failures: thanh-ha-2023 moves from
    // ranked to errors; loi-chia-cho-khong (samples/bad) is an error anyway.
    std::ostringstream base_out;
    std::ostringstream base_err;
    Console base{base_out, base_err, false, false, false, Lang{"en"}, false};
    run_batch({{s.path("samples")}, s.path("out-base"), 2, false}, base, rank_round_into);
    int ranked = 0;
    int errors = 0;
    const std::string base_text = base_out.str();
    const size_t at = base_text.find(" rounds ranked");
    REQUIRE(at != std::string::npos);
    const size_t line = base_text.rfind('\n', at);
    const size_t start = line == std::string::npos ? 0 : line + 1;
    REQUIRE(std::sscanf(base_text.c_str() + start, "%d rounds ranked, %d with errors", &ranked, &errors) == 2);
    REQUIRE(ranked >= 4);
    CHECK(out.str().find(std::to_string(ranked - 1) + " rounds ranked, " + std::to_string(errors + 1) + " with errors")
          != std::string::npos);
    CHECK(std::filesystem::exists(s.path("out/yen-quang-2024/result.json")));
    CHECK_FALSE(std::filesystem::exists(s.path("out/thanh-ha-2023")));
  }

  TEST_CASE("with two jobs the rounds' messages come in the rounds' order, whichever finishes first")
  {
    SampleCopy s;
    // The first round found is held back until every other round has been
    // ranked: its messages must still come first.
    std::mutex m;
    std::condition_variable cv;
    std::string first;
    size_t others = 0;
    size_t total = 0;
    RoundRanker slow_first = [&](const BatchRound& round, const std::filesystem::path& out, bool force,
                                 std::string& text) -> BatchOutcome {
      BatchOutcome o = rank_round_into(round, out, force, text);
      std::unique_lock<std::mutex> lock(m);
      if (first.empty()) {
        first = round.id;
        cv.wait_for(lock, std::chrono::seconds(10), [&] { return others + 1 == total; });
      } else {
        ++others;
        cv.notify_all();
      }
      return o;
    };
    std::ostringstream out1;
    std::ostringstream err1;
    Console one{out1, err1, false, false, false, Lang{"en"}, false};
    RoundRanker counting = [&](const BatchRound& round, const std::filesystem::path& out, bool force,
                               std::string& text) -> BatchOutcome {
      ++total;
      return rank_round_into(round, out, force, text);
    };
    run_batch({{s.path("samples")}, s.path("out1"), 1, false}, one, counting);
    REQUIRE(total > 3);
    std::ostringstream out2;
    std::ostringstream err2;
    Console two{out2, err2, false, false, false, Lang{"en"}, false};
    run_batch({{s.path("samples")}, s.path("out2"), 2, false}, two, slow_first);
    CHECK(others + 1 == total);
    // The errors name the rounds' paths, which differ only in out1/out2's
    // absence from them: the texts are the same bytes.
    REQUIRE(err1.str().find("error:") != std::string::npos);
    CHECK(err2.str() == err1.str());
  }

  TEST_CASE("ranking a round writes nothing, and a folder that cannot be written is that round's error")
  {
    SampleCopy s;
    const std::string round = s.path("samples/thanh-ha-2023/round.yaml");
    std::string text;
    BatchOutcome o = rank_round_into({round, "thanh-ha-2023", {}, {}, Lang{"en"}, true}, s.path("out"), false, text);
    CHECK(o.run == "new");
    CHECK_FALSE(std::filesystem::exists(s.path("out")));
    REQUIRE(o.folder);
    std::vector<std::string> names;
    for (const auto& [name, bytes] : o.folder->files) {
      names.push_back(name);
    }
    CHECK(names == std::vector<std::string>{"result.json", "table.csv", "report.html"});
    // Round folders go where a file stands in the way: writing fails after
    // ranking, and each round says so in the summary.
    RoundRanker blocked = [&](const BatchRound& r, const std::filesystem::path& out, bool force,
                              std::string& diag) -> BatchOutcome {
      BatchOutcome ranked = rank_round_into(r, out, force, diag);
      if (ranked.folder) {
        ranked.folder->dir = s.path("in-the-way") + "/" + r.id;
      }
      return ranked;
    };
    write_text(s.path("in-the-way"), "a file\n");
    std::ostringstream out;
    std::ostringstream err;
    Console console{out, err, false, false, false, Lang{"en"}, false};
    // Rounds that ranked but could not be written: the status of an output
    // that could not be written.
    CHECK(run_batch({{s.path("samples/thanh-ha-2023"), s.path("samples/yen-quang-2024")}, s.path("out"), 2, false},
                    console, blocked)
          == 3);
    // Both rounds speak Vietnamese, their criteria's language: so does the closing line.
    CHECK(out.str().find("Đã xếp hạng 0 đợt, 2 đợt có lỗi") != std::string::npos);
    std::string summary = read_text(s.path("out/summary.csv"));
    for (const char* id : {"thanh-ha-2023", "yen-quang-2024"}) {
      CAPTURE(id);
      CHECK(summary.find(std::string(id) + ",") != std::string::npos);
      // In the round's language, which its criteria set to Vietnamese.
      CHECK(err.str().find(std::string(id) + "/round.yaml: lỗi: không tạo được thư mục trong " + s.path("in-the-way"))
            != std::string::npos);
    }
    CHECK(summary.find(",selected,") == std::string::npos);
    // A round whose result was not written has no winner in the summary.
    CHECK(summary.find("thanh-ha-2023,\"CCN Thanh Hà, huyện Lạc Thủy (45 ha)\",,,error,") != std::string::npos);
  }

  TEST_CASE("temporary folders and files left by a killed run are removed, and nothing else")
  {
    SampleCopy s;
    namespace fs = std::filesystem;
    s.dir.write("out/.thanh-ha-2023.tmp-AbC123/result.json", "half");
    s.dir.write("out/.yen-quang-2024.old-x9Y8z7/table.csv", "old");
    s.dir.write("out/.summary.csv.tmp-000000", "half");
    s.dir.write("out/notes.txt", "the secretary's notes");
    s.dir.write("out/.ghi-chu", "hidden notes");
    s.dir.write("out/.thanh-ha-2023.tmp-short/keep", "not our name");
    s.dir.write("elsewhere/keep", "not ours");
    fs::create_directory_symlink(s.path("elsewhere"), s.path("out/.link.tmp-AAAAAA"));
    Run r = run({"batch", s.path("samples/thanh-ha-2023"), "-o", s.path("out")});
    CHECK_MESSAGE(r.status == 0, r.err);
    std::set<std::string> left;
    for (const auto& e : fs::directory_iterator(s.path("out"))) {
      left.insert(e.path().filename().string());
    }
    CHECK(left == std::set<std::string>{".ghi-chu", ".link.tmp-AAAAAA", ".thanh-ha-2023.tmp-short", "notes.txt",
                                        "summary.csv", "thanh-ha-2023"});
    CHECK(read_text(s.path("elsewhere/keep")) == "not ours");
  }

  TEST_CASE("a second batch into a folder in use says who holds it, exits 3 and writes nothing")
  {
    SampleCopy s;
    std::filesystem::create_directories(s.path("out"));
    {
      auto held = FolderLock::take(s.path("out"));
      REQUIRE(std::holds_alternative<std::unique_ptr<FolderLock>>(held));
      Run r = run({"batch", s.path("samples/thanh-ha-2023"), "-o", s.path("out")});
      CHECK(r.status == 3);
      CHECK(r.err.find(s.path("out") + ": error: in use by another ccnscore (process " + std::to_string(::getpid())
                       + " on ")
            != std::string::npos);
      CHECK_FALSE(std::filesystem::exists(s.path("out/summary.csv")));
      CHECK_FALSE(std::filesystem::exists(s.path("out/thanh-ha-2023")));
    }
    Run after = run({"batch", s.path("samples/thanh-ha-2023"), "-o", s.path("out")});
    CHECK(after.status == 0);
    CHECK_FALSE(std::filesystem::exists(s.path("out") + "/" + FolderLock::k_file_name));
  }

  TEST_CASE("the folders and files batch creates follow the umask")
  {
    SampleCopy s;
    mode_t old = ::umask(027);
    Run r = run({"batch", s.path("samples/thanh-ha-2023"), "-o", s.path("out")});
    ::umask(old);
    CHECK(r.status == 0);
    auto mode = [](const std::string& p) {
      struct stat st {};
      ::stat(p.c_str(), &st);
      return st.st_mode & 07777;
    };
    CHECK(mode(s.path("out/thanh-ha-2023")) == 0750);
    CHECK(mode(s.path("out/thanh-ha-2023/result.json")) == 0640);
    CHECK(mode(s.path("out/summary.csv")) == 0640);
  }

  TEST_CASE("an OUTDIR that exists and is not a folder is refused with exit 2 and left as it is")
  {
    SampleCopy s;
    REQUIRE(::mkfifo(s.path("fifo").c_str(), 0644) == 0);
    std::string file = s.dir.write("file.txt", "notes");
    for (const std::string& out : {s.path("fifo"), file}) {
      CAPTURE(out);
      Run r = run({"batch", s.path("samples/thanh-ha-2023"), "-o", out});
      CHECK(r.status == 2);
      CHECK(r.err == out + ": error: refusing to write there: it is not a folder\n");
    }
    CHECK(std::filesystem::is_fifo(s.path("fifo")));
    CHECK(read_text(file) == "notes");
  }

  TEST_CASE("run three times: fresh, unchanged, one sheet changed")
  {
    SampleCopy s;
    std::vector<std::string> args{"batch", s.path("samples/thanh-ha-2023"), s.path("samples/dong-lai-2025"), "-o",
                                  s.path("out"), "--lang", "en"};
    Run fresh = run(args);
    CHECK(fresh.status == 0);
    CHECK(read_text(s.path("out/summary.csv")).find(",new\r\n") != std::string::npos);
    const std::string result = s.path("out/dong-lai-2025/result.json");
    const std::string first = read_text(result);
    auto before = std::filesystem::last_write_time(result);

    Run unchanged = run(args);
    CHECK(unchanged.status == 0);
    CHECK(unchanged.out.find("dong-lai-2025: up to date") != std::string::npos);
    CHECK(unchanged.out.find("thanh-ha-2023: up to date") != std::string::npos);
    CHECK(std::filesystem::last_write_time(result) == before);
    // Without --lang, each round's line speaks its criteria's language.
    Run in_vietnamese = run(std::vector<std::string>(args.begin(), args.end() - 2));
    CHECK(in_vietnamese.out.find("thanh-ha-2023: các tệp đầu vào không thay đổi, giữ nguyên kết quả")
          != std::string::npos);
    CHECK(in_vietnamese.out.find("Đã xếp hạng 2 đợt (0 đợt mới, 0 đợt cập nhật, 2 đợt giữ nguyên")
          != std::string::npos);
    CHECK(read_text(s.path("out/summary.csv")).find(",up_to_date\r\n") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(s.path("out/dong-lai-2025/result.previous.json")));

    change_a_score(s);
    Run changed = run(args);
    CHECK(changed.status == 0);
    CHECK(changed.out.find("dong-lai-2025: updated") != std::string::npos);
    CHECK(changed.out.find("thanh-ha-2023: up to date") != std::string::npos);
    CHECK(read_text(s.path("out/dong-lai-2025/result.previous.json")) == first);
    CHECK(read_text(result) != first);
    CHECK(read_text(s.path("out/summary.csv")).find(",updated\r\n") != std::string::npos);
    CHECK(run({"verify", "--lang", "en", result}).status == 0);

    Run forced = run({"batch", s.path("samples/thanh-ha-2023"), "-o", s.path("out"), "--force"});
    CHECK(forced.status == 0);
    CHECK(read_text(s.path("out/summary.csv")).find(",recomputed\r\n") != std::string::npos);
  }

  TEST_CASE("batch speaks Vietnamese: the summary, the rounds kept or updated, a folder in use, no folder")
  {
    SampleCopy s;
    const std::string out = s.path("out");
    std::vector<std::string> args{"batch", "--lang", "vi", s.path("samples/thanh-ha-2023"),
                                  s.path("samples/dong-lai-2025"), "-o", out};
    Run fresh = run(args);
    CHECK(fresh.status == 0);
    CHECK(fresh.out == "Đã xếp hạng 2 đợt, 0 đợt có lỗi; bảng tổng hợp ở " + out + "/summary.csv\n");

    change_a_score(s);
    Run changed = run(args);
    CHECK(changed.status == 0);
    CHECK(changed.out.find("thanh-ha-2023: các tệp đầu vào không thay đổi, giữ nguyên kết quả\n")
          != std::string::npos);
    CHECK(changed.out.find("dong-lai-2025: đã cập nhật; kết quả trước được lưu ở " + out
                           + "/dong-lai-2025/result.previous.json\n")
          != std::string::npos);
    CHECK(changed.out.find("Đã xếp hạng 2 đợt (0 đợt mới, 1 đợt cập nhật, 1 đợt giữ nguyên, 0 đợt tính lại), 0 đợt "
                           "có lỗi; bảng tổng hợp ở " + out + "/summary.csv\n")
          != std::string::npos);

    {
      auto held = FolderLock::take(out);
      REQUIRE(std::holds_alternative<std::unique_ptr<FolderLock>>(held));
      Run busy = run(args);
      CHECK(busy.status == 3);
      CHECK(busy.err.rfind(out + ": lỗi: thư mục đang được một lượt chạy ccnscore khác sử dụng (tiến trình "
                               + std::to_string(::getpid()) + " trên máy ",
                           0)
            == 0);
      CHECK(busy.err.find("; tệp khóa " + out + "/" + FolderLock::k_file_name + ")\n") != std::string::npos);
    }

    std::string file = s.dir.write("file.txt", "notes");
    Run refused = run({"batch", "--lang", "vi", s.path("samples/thanh-ha-2023"), "-o", file});
    CHECK(refused.status == 2);
    CHECK(refused.err == file + ": lỗi: không ghi vào đó: đây không phải là thư mục\n");
  }

  TEST_CASE("a round with errors is reported in its criteria's language when none is asked for")
  {
    SampleCopy s;
    // The criteria of samples/bad/round-numbers say `language: vi`; the
    // locale of the test run is not Vietnamese.
    Run r = run({"batch", s.path("samples/bad/round-numbers"), "-o", s.path("out")});
    CHECK(r.status == 1);
    CHECK(r.err.find("/d1.yaml:6:11: lỗi: số liệu “equity”: 96.000 có thể hiểu là 96000") != std::string::npos);
    CHECK(r.err.find(": error: ") == std::string::npos);
    CHECK(read_text(s.path("out/summary.csv")).find("lỗi: số liệu “equity”") != std::string::npos);
  }

  TEST_CASE("a folder in the way of a round's results is that round's error, in the round's language")
  {
    SampleCopy s;
    std::filesystem::create_directories(s.path("out/thanh-ha-2023"));
    Run r = run({"batch", "--lang", "vi", s.path("samples/thanh-ha-2023"), "-o", s.path("out")});
    CHECK(r.status == 1);
    CHECK(r.err.find(": lỗi: " + s.path("out") + "/thanh-ha-2023 đã có, nhưng không đọc được tệp result.json trong đó")
          != std::string::npos);
    CHECK(read_text(s.path("out/summary.csv")).find("thêm --force để ghi thay") != std::string::npos);
  }

  TEST_CASE("a result written by batch verifies from another working folder")
  {
    SampleCopy s;
    namespace fs = std::filesystem;
    const fs::path start = fs::current_path();
    fs::current_path(s.path("samples"));
    Run r = run({"batch", "dong-lai-2025", "-o", "../out"});
    fs::current_path("/");
    Run v = run({"verify", "--lang", "en", s.path("out/dong-lai-2025/result.json")});
    fs::current_path(s.path("out"));
    Run w = run({"verify", "--lang", "en", "dong-lai-2025/result.json"});
    fs::current_path(start);
    CHECK(r.status == 0);
    CHECK(v.status == 0);
    CHECK(v.out.find("verified: all") != std::string::npos);
    CHECK(w.status == 0);
  }

  TEST_CASE("verify names a changed score by member, applicant and criterion, and lets a comment change stand")
  {
    SampleCopy s;
    REQUIRE(run({"batch", s.path("samples/dong-lai-2025"), "-o", s.path("out")}).status == 0);
    const std::string result = s.path("out/dong-lai-2025/result.json");
    const std::string sheet = s.path("samples/dong-lai-2025/phieu/m2.yaml");
    const std::string original = read_text(sheet);

    write_text(sheet, original + "# Đã soát lại ngày họp.\n");
    Run comments = run({"verify", "--lang", "en", result});
    CHECK(comments.status == 0);
    CHECK(comments.out.find("sheet phieu/m2.yaml: changed only in its comments") != std::string::npos);

    std::string text = original;
    text.replace(text.find("D3: { HT: 10.5,"), 15, "D3: { HT: 10,");
    write_text(sheet, text);
    Run score = run({"verify", "--lang", "en", result});
    CHECK(score.status == 4);
    CHECK(score.out.find("changed: sheet phieu/m2.yaml: M2, D3, HT: 10.5 → 10\n") != std::string::npos);
  }
}
