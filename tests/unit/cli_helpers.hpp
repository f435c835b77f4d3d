#pragma once
// Running the command line in-process, for tests of the commands.

#include "cli/app.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/resource.h>

namespace ccn::test {

struct Run
{
  int status = -1;
  std::string out;
  std::string err;
};

inline Run run(const std::vector<std::string>& args, bool terminal = false, bool no_color = false)
{
  std::ostringstream out;
  std::ostringstream err;
  Console console{out, err, terminal, no_color, false, Lang{"en"}, false};
  Run r;
  r.status = run_cli(args, console);
  r.out = out.str();
  r.err = err.str();
  return r;
}

inline const std::string k_src = CCNSCORE_SOURCE_DIR;

inline std::string read_text(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A copy of the bundled criteria and sample rounds in a temporary folder.
struct SampleCopy
{
  TempDir dir;
  SampleCopy()
  {
    namespace fs = std::filesystem;
    fs::copy(k_src + "/criteria", dir.path("criteria"), fs::copy_options::recursive);
    fs::copy(k_src + "/samples", dir.path("samples"), fs::copy_options::recursive);
  }
  std::string path(const std::string& name) const { return dir.path(name); }
};

// The copy of tan-nguyen-2026 in `s` as a round is before its sheets are
// handed in: its `sheets:` names the empty folder phieu-moi/. Its text, to
// change further; the round file is `s.path(k_tan_nguyen_round)`.
inline const std::string k_tan_nguyen_round = "samples/tan-nguyen-2026/round.yaml";
inline std::string tan_nguyen_without_sheets(const SampleCopy& s)
{
  std::ifstream in(s.path(k_tan_nguyen_round), std::ios::binary);
  std::string round((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const size_t from = round.find("sheets:\n");
  const size_t to = round.find("meeting:\n");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  round.replace(from, to - from, "sheets: [phieu-moi/]\n");
  std::ofstream(s.path(k_tan_nguyen_round), std::ios::binary | std::ios::trunc) << round;
  std::filesystem::create_directory(s.path("samples/tan-nguyen-2026/phieu-moi"));
  return round;
}

// A sample round copied to a temporary folder and ranked into result.json.
struct RankedSample : SampleCopy
{
  std::string result = path("result.json");
  RankedSample()
  {
    Run r = run({"rank", path("samples/bo-trai-song-da-2024/round.yaml"), "--format", "json", "-o", result});
    REQUIRE_MESSAGE(r.status == 0, r.err);
  }
};

// No file this process writes may grow beyond `bytes` while the object
// lives: a write past it fails (EFBIG) as on a full disk, instead of
// raising SIGXFSZ.
class FileSizeLimit
{
public:
  explicit FileSizeLimit(rlim_t bytes) : m_handler(std::signal(SIGXFSZ, SIG_IGN))
  {
    ::getrlimit(RLIMIT_FSIZE, &m_old);
    rlimit limit = m_old;
    limit.rlim_cur = bytes;
    ::setrlimit(RLIMIT_FSIZE, &limit);
  }
  ~FileSizeLimit()
  {
    ::setrlimit(RLIMIT_FSIZE, &m_old);
    std::signal(SIGXFSZ, m_handler);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
  rlimit m_old{};
  void (*m_handler)(int);
};

} // namespace ccn::test
