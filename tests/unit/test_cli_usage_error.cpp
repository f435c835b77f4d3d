#include "cli/usage_error.hpp"
#include "cli_helpers.hpp"
#include "render/messages.hpp"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>

#include <regex>

using namespace ccn;
using namespace ccn::test;

namespace {

// The message as the user reads it in `lang`.
std::string words(const CLI::Error& e, const char* lang)
{
  Message m = usage_error_message(e);
  return tr(Lang{lang}, m.key, m.args);
}

} // namespace

TEST_SUITE("cli/usage_error")
{
  TEST_CASE("each form of CLI11's errors becomes a message of the catalogue")
  {
    CHECK(usage_error_message(CLI::ExtrasError("ccnscore", {"--bogus", "--other"})).key == "usage_unexpected");
    // As CLI11 keeps them (in the order typed) and lists them (last first):
    // the message gives them as typed.
    CHECK(words(CLI::ExtrasError("ccnscore", {"--bogus", "--other"}), "vi") == "lệnh không nhận tham số: --bogus --other");
    CHECK(words(CLI::ExtrasError(std::vector<std::string>{"x"}), "en") == "this argument was not expected: x");
    CHECK(words(CLI::RequiredError::Subcommand(1), "vi") == "chưa ghi lệnh cần chạy");
    CHECK(words(CLI::RequiredError("round"), "vi") == "chưa nêu tệp đợt lựa chọn: hãy ghi tên tệp đợt (ROUND.yaml)");
    CHECK(words(CLI::RequiredError("round"), "en") == "no round file given: name the round file (ROUND.yaml)");
    CHECK(words(CLI::RequiredError("applicant"), "vi")
          == "chưa nêu nhà đầu tư: hãy ghi mã nhà đầu tư (ví dụ A1) sau tên tệp đợt lựa chọn");
    CHECK(words(CLI::RequiredError("--output"), "vi") == "thiếu tùy chọn --output");
    CHECK(words(CLI::ArgumentMismatch::TypedAtLeast("--member", 1, "TEXT"), "vi") == "--member cần có giá trị đi kèm");
    CHECK(words(CLI::ArgumentMismatch::AtMost("--format", 1, 2), "vi")
          == "--format được ghi 2 lần; chỉ được ghi một lần");
    CHECK(words(CLI::ArgumentMismatch::AtMost("--format", 1, 2), "en") == "--format is given 2 times; give it once");
    CHECK(words(CLI::ValidationError("--jobs", "Value 0 not in range 1 to 256"), "vi")
          == "--jobs: “0” không phải là số từ 1 đến 256");
    CHECK(words(CLI::ValidationError("--format", "pdf not in {table,json}"), "vi")
          == "--format: “pdf” không thuộc các giá trị được chấp nhận là table và json");
    CHECK(words(CLI::ValidationError("--format", "pdf not in {table,json}"), "en")
          == "--format: 'pdf' is not one of the accepted values, table and json");
    CHECK(words(CLI::ValidationError("--output", "empty path"), "vi")
          == "--output: đường dẫn để trống; hãy ghi tên tệp hoặc thư mục");
    CHECK(words(CLI::ConversionError("--jobs", std::vector<std::string>{"abc"}), "vi")
          == "--jobs: “abc” không phải là số");
  }

  TEST_CASE("a form not known is passed on as CLI11 wrote it")
  {
    Message m = usage_error_message(CLI::ExcludesError("--all", "--member"));
    CHECK(m.key == k_raw_message);
    CHECK(tr(Lang{"vi"}, m.key, m.args) == "--all excludes --member");
  }

  TEST_CASE("the usage errors of real command lines read in Vietnamese, without an English word")
  {
    const std::string round = k_src + "/samples/thanh-ha-2023/round.yaml";
    const std::vector<std::vector<std::string>> lines = {
      {},
      {"report"},
      {"rank", round, "--bogus"},
      {"rank", round, "-f", "pdf"},
      {"sensitivity", round, "--samples", "-5"},
      {"sensitivity", round, "--spread", "abc"},
      {"sensitivity", round, "--seed", "x"},
      {"batch", "samples", "-o", "out", "--jobs", "0"},
      {"sheet", round, "--member"},
      {"rank", "--lang", "xx", round},
      {"rank", round, "-f", "json", "-f", "csv"},
      {"rank", round, "--lang", "vi", "--lang", "vi"},
    };
    const std::regex english("\\b(the|is|not|was|were|required|expected|value|range|missing|convert|number)\\b",
                             std::regex::icase);
    for (auto args : lines) {
      args.insert(args.begin(), {"--lang", "vi"});
      if (args.size() > 2 && args[2] != "--lang") {
        std::rotate(args.begin(), args.begin() + 2, args.begin() + 3); // the command first
      }
      CAPTURE(args);
      Run r = run(args);
      CHECK(r.status == 2);
      const std::string first = r.err.substr(0, r.err.find('\n'));
      CHECK(first.rfind("ccnscore: lỗi: ", 0) == 0);
      CHECK_FALSE(std::regex_search(first, english));
    }
  }

  TEST_CASE("an argument quoted in a usage error shows its control characters as escapes")
  {
    const std::string round = k_src + "/samples/thanh-ha-2023/round.yaml";
    for (const auto& args : std::vector<std::vector<std::string>>{{"rank", round, "-f", "\x1b[31m"},
                                                                  {"rank", round, "--\x1b[2J"},
                                                                  {"sensitivity", round, "--seed", "\x1b[31m"}}) {
      CAPTURE(args);
      Run r = run(args);
      CHECK(r.status == 2);
      CHECK(r.err.find('\x1b') == std::string::npos);
      CHECK_MESSAGE(r.err.find("\\x1b[") != std::string::npos, r.err);
    }
  }

  TEST_CASE("verify --root that is not a folder is a usage error, not every input missing")
  {
    const std::string result = k_src + "/samples/thanh-ha-2023/result.json";
    for (const std::string& root : {k_src + "/samples/no-such-folder", result}) {
      CAPTURE(root);
      Run r = run({"verify", "--lang", "en", result, "--root", root});
      CHECK(r.status == 2);
      CHECK(r.out.empty());
      CHECK(r.err == "ccnscore: error: --root: there is no folder " + root + "\nRun 'ccnscore --help' for more information.\n");
    }
    CHECK(run({"verify", "--lang", "en", result, "--root", k_src + "/samples/thanh-ha-2023"}).status == 0);
  }

  TEST_CASE("an empty path is a usage error, and nothing goes to standard output instead")
  {
    const std::string round = k_src + "/samples/yen-quang-2024/round.yaml";
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"rank", round, "-o", ""}, {"report", round, "--output", ""},
          {"sheet", round, "--member", "M1", "-o", ""}, {"check", "--criteria", "", round},
          {"verify", k_src + "/samples/thanh-ha-2023/result.json", "--root", ""},
          {"batch", k_src + "/samples/yen-quang-2024", "-o", ""}}) {
      CAPTURE(args[0]);
      Run r = run(args);
      CHECK(r.status == 2);
      CHECK(r.out.empty());
      CHECK(r.err.find(": the path is empty; name a file or folder") != std::string::npos);
    }
  }

  TEST_CASE("an option where a path belongs is a forgotten value, not a file of that name")
  {
    const std::string round = k_src + "/samples/yen-quang-2024/round.yaml";
    const std::string dossier = k_src + "/samples/thanh-ha-2023/dossiers/a1.yaml";
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"rank", "--criteria", "--lang", "en", dossier}, "--lang"},
      {{"rank", round, "-o", "-f", "json"}, "-f"},
      {{"report", round, "--output", "--format=md"}, "--format=md"},
      {{"check", "--criteria", "--lang", "en", dossier}, "--lang"},
      {{"verify", k_src + "/samples/thanh-ha-2023/result.json", "--root", "--lang"}, "--lang"},
      {{"batch", k_src + "/samples/yen-quang-2024", "-o", "--jobs", "2"}, "--jobs"}};
    for (const auto& [args, value] : cases) {
      CAPTURE(args[0]);
      Run r = run(args);
      CHECK(r.status == 2);
      CHECK(r.out.empty());
      CHECK(r.err.find("needs a value: '" + value + "' is an option; for a file of that name, write ./" + value)
            != std::string::npos);
    }
    CHECK(words(CLI::ValidationError("--criteria", "an option, not a value: --lang"), "vi")
          == "--criteria cần có giá trị đi kèm: “--lang” là một tùy chọn; nếu đó là tên tệp, hãy viết ./--lang");
    // A path that only starts with a dash is still a path.
    CHECK(k_path_value("-").empty());
    CHECK(k_path_value("./--lang").empty());
    CHECK(k_path_value("-2024.json").empty());
  }
}
