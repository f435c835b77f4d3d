#include "cli_helpers.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <sys/stat.h>
#include <sys/sysmacros.h>

using namespace ccn;
using namespace ccn::test;

namespace {

namespace fs = std::filesystem;

const std::string k_round = k_src + "/samples/thanh-ha-2023/round.yaml";

unsigned mode_of(const std::string& path)
{
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

// Every command line that writes one file with -o, given that file, in
// English (the sample's criteria would choose Vietnamese).
std::vector<std::vector<std::string>> writers(const std::string& out)
{
  return {
    {"rank", "--lang", "en", k_round, "-f", "json", "-o", out},
    {"rank", "--lang", "en", k_round, "-f", "xlsx", "-o", out},
    {"report", "--lang", "en", k_round, "--no-robustness", "-o", out},
    {"sheet", "--lang", "en", k_round, "--member", "M1", "--force", "-o", out},
  };
}

} // namespace

TEST_SUITE("cli/output")
{
  TEST_CASE("-o refuses a FIFO, a folder and a device node with exit 2, and leaves them as they are")
  {
    TempDir dir;
    REQUIRE(::mkfifo(dir.path("fifo").c_str(), 0644) == 0);
    fs::create_directory(dir.path("folder"));
    std::vector<std::pair<std::string, std::string>> targets = {
      {"fifo", "refusing to write there: it is a FIFO (named pipe), not a regular file"},
      {"folder", "refusing to write there: it is a directory, not a regular file"},
    };
    // A device node like /dev/null, made in the temporary folder (needs root).
    if (::mknod(dir.path("null").c_str(), S_IFCHR | 0666, ::makedev(1, 3)) == 0) {
      targets.emplace_back("null", "refusing to write there: it is a device, not a regular file");
    } else {
      MESSAGE("mknod is not permitted here: the device node case is not run");
    }
    for (const auto& [name, message] : targets) {
      for (const auto& args : writers(dir.path(name))) {
        CAPTURE(name);
        CAPTURE(args[0] + " " + args[4] + " " + args[5]);
        Run r = run(args);
        CHECK(r.status == k_exit_usage);
        CHECK(r.err == dir.path(name) + ": error: " + message + "\n");
      }
    }
    CHECK(fs::is_fifo(fs::symlink_status(dir.path("fifo"))));
    CHECK(fs::is_directory(fs::symlink_status(dir.path("folder"))));
    CHECK(fs::is_empty(dir.path("folder")));
    if (targets.size() == 3) {
      CHECK(fs::is_character_file(fs::symlink_status(dir.path("null"))));
    }
  }

  TEST_CASE("-o's refusals are said in the chosen language, a link to a folder named with its target")
  {
    TempDir dir;
    REQUIRE(::mkfifo(dir.path("fifo").c_str(), 0644) == 0);
    fs::create_directory(dir.path("folder"));
    fs::create_symlink(dir.path("folder"), dir.path("link"));
    fs::create_symlink(dir.path("nowhere"), dir.path("dangling"));
    const std::string round = k_src + "/samples/thanh-ha-2023/round.yaml";
    auto refused = [&](const std::string& lang, const std::string& name) {
      Run r = run({"rank", "--lang", lang, round, "-o", dir.path(name)});
      CHECK(r.status == k_exit_usage);
      return r.err;
    };
    CHECK(refused("vi", "fifo")
          == dir.path("fifo") + ": lỗi: không ghi vào đó: đó là đường ống có tên (FIFO), không phải tệp thông thường\n");
    CHECK(refused("vi", "folder") == dir.path("folder") + ": lỗi: không ghi vào đó: đó là thư mục, không phải tệp thông thường\n");
    CHECK(refused("vi", "link")
          == dir.path("link") + ": lỗi: không ghi vào đó: đó là liên kết tượng trưng tới thư mục " + dir.path("folder")
               + ", không phải tệp thông thường\n");
    CHECK(refused("en", "link")
          == dir.path("link") + ": error: refusing to write there: it is a symbolic link to " + dir.path("folder")
               + ", a directory\n");
    CHECK(refused("vi", "dangling")
          == dir.path("dangling")
               + ": lỗi: không ghi vào đó: đó là liên kết tượng trưng không trỏ tới tệp nào (không có tệp hoặc thư mục này)\n");
    CHECK(refused("en", "dangling")
          == dir.path("dangling") + ": error: refusing to write there: it is a symbolic link that leads nowhere (No such "
                                    "file or directory)\n");
  }

  TEST_CASE("-o writes through a symbolic link to a file, and refuses one that leads nowhere")
  {
    for (const auto& args : writers("link")) {
      CAPTURE(args[0] + " " + args[4] + " " + args[5]);
      TempDir dir;
      std::string target = dir.write("kept/target", "old");
      fs::create_symlink(target, dir.path("link"));
      std::vector<std::string> a = args;
      a.back() = dir.path("link");
      Run r = run(a);
      CHECK_MESSAGE(r.status == 0, r.err);
      CHECK(fs::is_symlink(dir.path("link")));
      CHECK(read_text(target) != "old");
      CHECK(fs::file_size(target) > 100);

      fs::create_symlink(dir.path("nowhere"), dir.path("dangling"));
      a.back() = dir.path("dangling");
      Run dangling = run(a);
      CHECK(dangling.status == k_exit_usage);
      CHECK(dangling.err.find("a symbolic link that leads nowhere") != std::string::npos);
      CHECK(fs::is_symlink(dir.path("dangling")));
      CHECK_FALSE(fs::exists(dir.path("nowhere")));
    }
  }

  TEST_CASE("-o: a new file follows the umask, a replaced file keeps its mode")
  {
    for (const auto& args : writers("out")) {
      CAPTURE(args[0] + " " + args[4] + " " + args[5]);
      TempDir dir;
      std::vector<std::string> a = args;
      a.back() = dir.path("out");
      mode_t old = ::umask(027);
      Run fresh = run(a);
      ::umask(077);
      std::string existing = dir.write("existing", "old");
      ::chmod(existing.c_str(), 0664);
      a.back() = existing;
      Run replaced = run(a);
      ::umask(old);
      CHECK(fresh.status == 0);
      CHECK(mode_of(dir.path("out")) == 0640);
      CHECK(replaced.status == 0);
      CHECK(mode_of(existing) == 0664);
      CHECK(read_text(existing) != "old");
    }
  }
}
