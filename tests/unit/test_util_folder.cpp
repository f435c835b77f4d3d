#include "helpers.hpp"
#include "util/folder.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace ccn;
using namespace ccn::test;

namespace fs = std::filesystem;

TEST_SUITE("util/folder")
{
  TEST_CASE("FolderLock: one holder at a time, the others told who, and no lock file left")
  {
    TempDir dir;
    {
      auto first = FolderLock::take(dir.path());
      REQUIRE(std::holds_alternative<std::unique_ptr<FolderLock>>(first));
      auto second = FolderLock::take(dir.path());
      REQUIRE(std::holds_alternative<Message>(second));
      const Message& why = std::get<Message>(second);
      CHECK(why.key == "lock_in_use");
      REQUIRE(why.args.size() == 4);
      CHECK(why.args[0].name == "pid");
      CHECK(why.args[0].text == std::to_string(::getpid()));
      CHECK(why.args[1].name == "host");
      CHECK_FALSE(why.args[1].text.empty());
      CHECK(why.args[2].name == "since");
      CHECK(why.args[2].text.size() == std::string("2026-11-26 21:00:00 UTC").size());
      CHECK(why.args[2].text.ends_with(" UTC"));
      CHECK(why.args[3].name == "path");
      CHECK(why.args[3].text == dir.path(FolderLock::k_file_name));
    }
    CHECK(fs::is_empty(dir.path()));
    auto again = FolderLock::take(dir.path());
    CHECK(std::holds_alternative<std::unique_ptr<FolderLock>>(again));
    auto nowhere = FolderLock::take(dir.path("no/such/folder"));
    REQUIRE(std::holds_alternative<Message>(nowhere));
    CHECK(std::get<Message>(nowhere).key == "lock_cannot_create");
  }

  TEST_CASE("FolderLock: a lock file whose holder has not written its line yet, or wrote another one")
  {
    TempDir dir;
    auto first = FolderLock::take(dir.path());
    REQUIRE(std::holds_alternative<std::unique_ptr<FolderLock>>(first));
    for (const char* line : {"", "12345", "12345 host", "abc host 2026-11-26 21:00:00 UTC", " host since"}) {
      CAPTURE(line);
      {
        std::ofstream(dir.path(FolderLock::k_file_name), std::ios::trunc) << line;
      }
      auto second = FolderLock::take(dir.path());
      REQUIRE(std::holds_alternative<Message>(second));
      CHECK(std::get<Message>(second).key == "lock_in_use_unknown");
    }
  }

  TEST_CASE("lies_in knows a folder by its identity, through a symbolic link too")
  {
    TempDir dir;
    fs::create_directories(dir.path("out/sub"));
    fs::create_directories(dir.path("data"));
    fs::create_directory_symlink(dir.path("out"), dir.path("data/link"));
    auto out = folder_id(dir.path("out"));
    REQUIRE(out.has_value());
    CHECK(folder_id(dir.path("data/link")) == out);
    CHECK_FALSE(folder_id(dir.write("file", "x")).has_value());
    CHECK(lies_in(dir.path("out/round.yaml"), *out));
    CHECK(lies_in(dir.path("out/sub/round.yaml"), *out));
    CHECK(lies_in(dir.path("data/link/sub/round.yaml"), *out));
    CHECK_FALSE(lies_in(dir.path("data/round.yaml"), *out));
    CHECK_FALSE(lies_in(dir.path("outside.yaml"), *out));
  }
}
