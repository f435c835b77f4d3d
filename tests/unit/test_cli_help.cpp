#include "cli/help.hpp"
#include "cli_helpers.hpp"
#include "render/messages.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>

using namespace ccn;
using namespace ccn::test;

namespace {

const std::vector<std::string> k_commands = {"",       "check", "rank",  "report", "explain",
                                             "sensitivity", "sheet", "verify", "batch", "init"};

// `ccnscore COMMAND --help` run with the locale's language `locale`.
Run help(const std::string& command, const Lang& locale, const std::vector<std::string>& more = {})
{
  std::vector<std::string> args;
  if (!command.empty()) {
    args.push_back(command);
  }
  args.insert(args.end(), more.begin(), more.end());
  args.push_back("--help");
  std::ostringstream out;
  std::ostringstream err;
  Console console{out, err, false, false, false, locale, false};
  Run r;
  r.status = run_cli(args, console);
  r.out = out.str();
  r.err = err.str();
  return r;
}

} // namespace

TEST_SUITE("cli/help")
{
  TEST_CASE("every command's help has a text for every option in every language")
  {
    for (const auto& code : Messages::built_in().languages()) {
      for (const auto& command : k_commands) {
        INFO("ccnscore ", command, " --help --lang ", code);
        Run r = help(command, Lang{"en"}, command.empty() ? std::vector<std::string>{} : std::vector<std::string>{"--lang", code});
        CHECK(r.status == k_exit_ok);
        CHECK(r.err.empty());
      }
    }
  }

  TEST_CASE("the Vietnamese help has none of CLI11's English words")
  {
    for (const auto& command : k_commands) {
      Run r = help(command, Lang{"vi"});
      INFO("ccnscore ", command, " --help:\n", r.out);
      REQUIRE(r.status == k_exit_ok);
      CHECK(r.out.find("Cách dùng: ccnscore") != std::string::npos);
      for (const char* word : {"Usage", "OPTIONS", "SUBCOMMAND", "Options:", "Positionals", "Subcommands", "REQUIRED",
                               "TEXT", "UINT", "FLOAT", " in [", "Print this help", "Display program version"}) {
        CHECK_MESSAGE(r.out.find(word) == std::string::npos, word);
      }
    }
  }

  TEST_CASE("an option's value is named by what it is, a positional argument by its own name")
  {
    const std::string vi = help("sheet", Lang{"vi"}).out;
    CHECK(vi.find("\n  tệp_đợt (bắt buộc) ") != std::string::npos);
    CHECK(vi.find("\n  --member MÃ ") != std::string::npos);
    CHECK(vi.find("\n  -o,--output ĐƯỜNG_DẪN ") != std::string::npos);
    CHECK(vi.find("\n  -f,--format {yaml,xlsx,html}") != std::string::npos);
    CHECK(vi.find("\n  --lang {en,vi} ") != std::string::npos);
    const std::string en = help("batch", Lang{"en"}).out;
    CHECK(en.find("\n  dirs ... REQUIRED ") != std::string::npos);
    CHECK(en.find("\n  -o,--output DIR REQUIRED ") != std::string::npos);
    CHECK(help("verify", Lang{"vi"}).out.find("\n  --root THƯ_MỤC ") != std::string::npos);
  }

  TEST_CASE("the locale decides without --lang, and --lang wins over it")
  {
    CHECK(help("rank", Lang{"vi"}).out.find("Tùy chọn:") != std::string::npos);
    CHECK(help("rank", Lang{"en"}).out.find("Options:") != std::string::npos);
    CHECK(help("rank", Lang{"vi"}, {"--lang", "en"}).out.find("Options:") != std::string::npos);
    CHECK(help("rank", Lang{"en"}, {"--lang=vi"}).out.find("Tùy chọn:") != std::string::npos);
  }

  TEST_CASE("options are aligned by the characters shown, not by bytes")
  {
    // "  --criteria TỆP" is 16 characters but more bytes: its text starts
    // in the same column as the English one's.
    Run r = help("rank", Lang{"vi"});
    CHECK(r.out.find("\n  --criteria TỆP              Xếp hạng trực tiếp") != std::string::npos);
    CHECK(help("rank", Lang{"en"}).out.find("\n  --criteria FILE             Rank dossiers") != std::string::npos);
  }

  TEST_CASE("language_asked reads --lang before the command line is parsed")
  {
    CHECK(language_asked({"rank", "--lang", "vi"}, Lang{"en"}) == Lang{"vi"});
    CHECK(language_asked({"rank", "--lang=vi"}, Lang{"en"}) == Lang{"vi"});
    CHECK(language_asked({"rank", "--lang", "vi", "--lang", "en"}, Lang{"vi"}) == Lang{"en"});
    CHECK(language_asked({"rank", "--lang", "xx"}, Lang{"vi"}) == Lang{"vi"});
    CHECK(language_asked({"rank", "--lang"}, Lang{"vi"}) == Lang{"vi"});
    CHECK(language_asked({"rank"}, Lang{"vi"}) == Lang{"vi"});
  }

  TEST_CASE("help texts are put together only when help may be asked for")
  {
    CHECK(asks_for_help({"rank", "--help"}));
    CHECK(asks_for_help({"-h"}));
    CHECK(asks_for_help({"rank", "-fh"}));
    CHECK_FALSE(asks_for_help({"rank", "round.yaml", "--format", "json"}));
    CHECK_FALSE(asks_for_help({"sheet", "round.yaml", "--member", "hai"}));
    CHECK_FALSE(asks_for_help({"rank", "-"}));
  }

  TEST_CASE("an option without a text in the catalogue is refused")
  {
    CLI::App app{"", "ccnscore"};
    std::string value;
    app.add_subcommand("rank")->add_option("--undocumented", value);
    CHECK_THROWS_AS(localize_help(app, Lang{"en"}), std::logic_error);
  }
}
