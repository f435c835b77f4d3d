#include "helpers.hpp"
#include "util/folder.hpp"

#include <doctest/doctest.h>

#include <filesystem>
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
      REQUIRE(std::holds_alternative<FileError>(second));
      const std::string& why = std::get<FileError>(second).reason;
      CHECK(why.find("in use by another ccnscore (process " + std::to_string(::getpid()) + " on ") == 0);
      CHECK(why.find(" UTC; lock file " + dir.path(FolderLock::k_file_name) + ")") != std::string::npos);
    }
    CHECK(fs::is_empty(dir.path()));
    auto again = FolderLock::take(dir.path());
    CHECK(std::holds_alternative<std::unique_ptr<FolderLock>>(again));
    CHECK(std::holds_alternative<FileError>(FolderLock::take(dir.path("no/such/folder"))));
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
