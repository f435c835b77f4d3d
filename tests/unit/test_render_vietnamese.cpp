// Every Vietnamese output of the samples, read for English words and for
// numbers written with a decimal point: what a council cannot put into its
// minutes as it is.

#include "cli_helpers.hpp"
#include "render/render.hpp"

#include <doctest/doctest.h>

#include <regex>

using namespace ccn;
using namespace ccn::test;

namespace {

// Words of English that an output for people must not hold in Vietnamese.
const std::vector<std::string> k_english = {
  "the",      "and",       "of",       "is",       "points",   "point",    "total",     "rank",      "applicant",
  "criterion", "criteria", "group",    "groups",   "member",   "members",  "mean",      "selected",  "qualified",
  "disqualified", "tie",   "tied",     "passed",   "failed",   "yes",      "no",        "below",     "above",
  "with",     "weight",    "level",    "flag",     "band",     "otherwise", "absent",   "recused",   "score",
  "scale",    "pass",      "status",   "error",    "warning",  "round",    "gate",      "met",       "first",
  "separated", "decimals", "rounding", "none",     "lowest",   "highest",  "per",       "unit",      "step"};

// `text` without HTML tags and entities, and without names quoted in “”
// that are identifiers (a YAML key or a command the text refers to).
std::string readable(std::string text)
{
  text = std::regex_replace(text, std::regex("<style>[^]*?</style>"), " ");
  text = std::regex_replace(text, std::regex("<[^>]*>"), " ");
  text = std::regex_replace(text, std::regex("&[a-z#0-9]+;"), " ");
  text = std::regex_replace(text, std::regex("“[A-Za-z0-9_.-]+”"), " ");
  text = std::regex_replace(text, std::regex("[^ \n]*\\.yaml"), " ");
  text = std::regex_replace(text, std::regex("--[a-z-]+"), " ");
  return text;
}

void check_vietnamese(const std::string& what, const std::string& raw)
{
  CAPTURE(what);
  std::string text = readable(raw);
  for (const auto& word : k_english) {
    std::regex re("(^|[^A-Za-z0-9_])" + word + "($|[^A-Za-z0-9_])", std::regex::icase);
    std::smatch m;
    bool found = std::regex_search(text, m, re);
    std::string context = found ? text.substr(static_cast<size_t>(std::max<long>(0, m.position(0) - 40)), 100) : "";
    CAPTURE(word);
    CAPTURE(context);
    CHECK_FALSE(found);
  }
  // A decimal point: digits, a point, then one, two or more than three digits.
  std::string no_version = std::regex_replace(text, std::regex(std::string("ccnscore ") + k_tool_version), " ");
  std::smatch m;
  bool point = std::regex_search(no_version, m, std::regex("[0-9]\\.([0-9]{1,2}|[0-9]{4,})([^0-9]|$)"));
  std::string context = point ? no_version.substr(static_cast<size_t>(std::max<long>(0, m.position(0) - 40)), 100) : "";
  CAPTURE(context);
  CHECK_FALSE(point);
}

// The lines of `yaml` that are comments: the words of a blank sheet.
std::string comments_of(const std::string& yaml)
{
  std::string out;
  std::istringstream in(yaml);
  for (std::string line; std::getline(in, line);) {
    auto hash = line.find('#');
    if (hash != std::string::npos) {
      out += line.substr(hash + 1) + "\n";
    }
  }
  return out;
}

const char* const k_rounds[] = {"thanh-ha-2023", "yen-quang-2024", "bo-trai-song-da-2024"};

} // namespace

TEST_SUITE("render_vietnamese")
{
  TEST_CASE("every Vietnamese output of the samples is free of English words and decimal points")
  {
    for (const char* id : k_rounds) {
      CAPTURE(id);
      const std::string round = k_src + "/samples/" + id + "/round.yaml";
      for (const char* format : {"table", "md"}) {
        Run r = run({"rank", round, "--format", format, "--lang", "vi"});
        REQUIRE(r.status == 0);
        check_vietnamese(std::string("rank ") + format, r.out);
      }
      Run report = run({"report", round, "--lang", "vi", "--no-robustness"});
      REQUIRE(report.status == 0);
      check_vietnamese("report", report.out);
      Run json = run({"rank", round, "--format", "json", "--lang", "vi"});
      REQUIRE(json.status == 0);
      std::smatch m;
      std::string rest = json.out;
      while (std::regex_search(rest, m, std::regex("\"basis\": \"([^\"]*)\""))) {
        check_vietnamese("JSON basis", m[1].str());
        rest = m.suffix();
      }
      for (const char* applicant : {"A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3", "C4"}) {
        Run e = run({"explain", round, applicant, "--lang", "vi"});
        if (e.status == 0) {
          check_vietnamese(std::string("explain ") + applicant, e.out);
        }
      }
      Run sens = run({"sensitivity", round, "--samples", "500", "--jobs", "1", "--lang", "vi"});
      REQUIRE(sens.status == 0);
      check_vietnamese("sensitivity", sens.out);
      Run sheet = run({"sheet", round, "--member", "M1", "--lang", "vi"});
      REQUIRE(sheet.status == 0);
      check_vietnamese("blank sheet", comments_of(sheet.out));
    }
    Run robust = run({"report", k_src + "/samples/yen-quang-2024/round.yaml", "--lang", "vi"});
    REQUIRE(robust.status == 0);
    check_vietnamese("report with its robustness section", robust.out);
    Run check = run({"check", k_src + "/samples/thanh-ha-2023/round.yaml", "--lang", "vi"});
    check_vietnamese("check", check.out);
  }

  TEST_CASE("messages of the command line and of scoring are Vietnamese too")
  {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"rank", k_src + "/samples/bad/round-evaluation/round.yaml", "--lang", "vi"},
          std::vector<std::string>{"rank", k_src + "/samples/bad/round-division/round.yaml", "--lang", "vi"},
          std::vector<std::string>{"explain", k_src + "/samples/thanh-ha-2023/round.yaml", "X9", "--lang", "vi"},
          std::vector<std::string>{"sheet", k_src + "/samples/thanh-ha-2023/round.yaml", "--lang", "vi"},
          std::vector<std::string>{"nosuchcommand", "--lang", "vi"}}) {
      CAPTURE(args[0]);
      Run r = run(args);
      CHECK(r.status != 0);
      // Paths and the identifiers quoted from the files are not words.
      std::string text = std::regex_replace(r.err, std::regex("[^ ]*\\.yaml"), " ");
      text = std::regex_replace(text, std::regex("“[^”]*”"), " ");
      check_vietnamese("messages", text);
    }
  }
  TEST_CASE("the secretariat's commands speak Vietnamese too: batch, init, sheet --all, -o refused, usage errors")
  {
    SampleCopy s;
    const std::string round = s.path("samples/thanh-ha-2023/round.yaml");
    std::vector<std::pair<std::string, Run>> runs;
    const std::vector<std::string> batch{"batch", "--lang", "vi", s.path("samples/thanh-ha-2023"), "-o", s.path("out")};
    runs.emplace_back("batch, new", run(batch));
    runs.emplace_back("batch, kept", run(batch));
    const std::string file = s.dir.write("notes.txt", "notes");
    runs.emplace_back("batch, no folder", run({"batch", "--lang", "vi", s.path("samples/thanh-ha-2023"), "-o", file}));
    const std::vector<std::string> init{"init", "--lang", "vi", s.path("new"), "--criteria",
                                        s.path("criteria/lao-cai-2026.yaml")};
    runs.emplace_back("init", run(init));
    runs.emplace_back("init, files there", run(init));
    runs.emplace_back("sheet --all", run({"sheet", "--lang", "vi", round, "--all", "-o", s.path("blank")}));
    runs.emplace_back("-o a folder", run({"rank", "--lang", "vi", round, "-o", s.path("blank")}));
    runs.emplace_back("unknown option", run({"rank", "--lang", "vi", round, "--bogus"}));
    runs.emplace_back("bad value", run({"rank", "--lang", "vi", round, "--format", "pdf"}));
    runs.emplace_back("missing value", run({"sheet", "--lang", "vi", round, "--member"}));
    runs.emplace_back("no command", run({"--lang", "vi"}));
    for (const auto& [what, r] : runs) {
      CAPTURE(what);
      CHECK_FALSE((r.out + r.err).empty());
      // Paths are not words.
      std::string text = std::regex_replace(r.out + r.err, std::regex("/[^ \n,;()]*"), " ");
      check_vietnamese(what, text);
    }
  }
}
