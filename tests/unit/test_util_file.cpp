#include "helpers.hpp"
#include "util/file.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <openssl/evp.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <set>
#include <csignal>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sys/sysmacros.h>

using namespace ccn;
using namespace ccn::test;

namespace {

namespace fs = std::filesystem;

std::string slurp(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

unsigned mode_of(const std::string& path)
{
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

// Sets the umask for the life of the object.
class Umask
{
public:
  explicit Umask(mode_t mask) : m_old(::umask(mask)) {}
  ~Umask() { ::umask(m_old); }
  Umask(const Umask&) = delete;
  Umask& operator=(const Umask&) = delete;

private:
  mode_t m_old;
};

// Nothing but `names` in `dir`: no temporary file was left behind.
void check_only(const TempDir& dir, std::set<std::string> names)
{
  std::set<std::string> found;
  for (const auto& e : fs::directory_iterator(dir.path())) {
    found.insert(e.path().filename().string());
  }
  CHECK(found == names);
}

} // namespace

TEST_SUITE("util/file")
{
  TEST_CASE("sha256_hex gives the standard digests in lower-case hex")
  {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
          == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    // Longer than a block many times over, and not a whole number of blocks.
    CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }

  TEST_CASE("output_target: a new path, a regular file, and a symbolic link to one")
  {
    TempDir dir;
    auto fresh = output_target(dir.path("new.txt"));
    REQUIRE(std::holds_alternative<OutputTarget>(fresh));
    CHECK(std::get<OutputTarget>(fresh).path == dir.path("new.txt"));
    CHECK_FALSE(std::get<OutputTarget>(fresh).mode.has_value());

    std::string file = dir.write("old.txt", "old");
    ::chmod(file.c_str(), 0640);
    auto old = output_target(file);
    REQUIRE(std::holds_alternative<OutputTarget>(old));
    CHECK(std::get<OutputTarget>(old).mode == 0640u);

    fs::create_symlink("old.txt", dir.path("link"));
    auto link = output_target(dir.path("link"));
    REQUIRE(std::holds_alternative<OutputTarget>(link));
    CHECK(std::get<OutputTarget>(link).path == fs::canonical(file).string());
  }

  TEST_CASE("output_target refuses what is not a regular file, and says what it is")
  {
    TempDir dir;
    REQUIRE(::mkfifo(dir.path("fifo").c_str(), 0644) == 0);
    fs::create_directory(dir.path("folder"));
    fs::create_symlink("nowhere", dir.path("dangling"));
    fs::create_symlink("fifo", dir.path("to-fifo"));
    const std::vector<std::pair<std::string, std::string>> cases = {
      {"fifo", "it is a FIFO (named pipe), not a regular file"},
      {"folder", "it is a directory, not a regular file"},
      {"dangling", "it is a symbolic link that leads nowhere"},
      {"to-fifo", "a FIFO (named pipe)"},
    };
    for (const auto& [name, why] : cases) {
      CAPTURE(name);
      auto t = output_target(dir.path(name));
      REQUIRE(std::holds_alternative<FileError>(t));
      CHECK(std::get<FileError>(t).refused);
      CHECK(std::get<FileError>(t).reason.find(why) != std::string::npos);
    }
  }

  TEST_CASE("write_file_atomic never replaces a FIFO, a device node or a symbolic link")
  {
    TempDir dir;
    REQUIRE(::mkfifo(dir.path("fifo").c_str(), 0644) == 0);
    CHECK(write_file_atomic(dir.path("fifo"), "text").find("FIFO") != std::string::npos);
    CHECK(fs::is_fifo(fs::symlink_status(dir.path("fifo"))));

    // A device node like /dev/null, made in the temporary folder (needs root).
    if (::mknod(dir.path("null").c_str(), S_IFCHR | 0666, ::makedev(1, 3)) == 0) {
      CHECK(write_file_atomic(dir.path("null"), "text").find("device") != std::string::npos);
      CHECK(fs::is_character_file(fs::symlink_status(dir.path("null"))));
    } else {
      MESSAGE("mknod is not permitted here: the device node case is not run");
    }

    std::string target = dir.write("target.txt", "old");
    fs::create_symlink("target.txt", dir.path("link"));
    CHECK(write_file_atomic(dir.path("link"), "new") == "");
    CHECK(fs::is_symlink(dir.path("link")));
    CHECK(slurp(target) == "new");
    std::set<std::string> expected{"fifo", "link", "target.txt"};
    if (fs::exists(fs::symlink_status(dir.path("null")))) {
      expected.insert("null");
    }
    check_only(dir, expected);
  }

  TEST_CASE("a new file follows the umask, a replaced one keeps its mode")
  {
    TempDir dir;
    {
      Umask mask(027);
      CHECK(write_file_atomic(dir.path("a.txt"), "a") == "");
      CHECK(mode_of(dir.path("a.txt")) == 0640);
    }
    {
      Umask mask(077);
      CHECK(write_file_atomic(dir.path("b.txt"), "b") == "");
      CHECK(mode_of(dir.path("b.txt")) == 0600);
    }
    {
      Umask mask(022);
      std::string kept = dir.write("kept.txt", "old");
      ::chmod(kept.c_str(), 0604);
      CHECK(write_file_atomic(kept, "new") == "");
      CHECK(mode_of(kept) == 0604);
      CHECK(slurp(kept) == "new");
      // Through a symbolic link: the mode of the file it leads to.
      std::string linked = dir.write("linked.txt", "old");
      ::chmod(linked.c_str(), 0660);
      fs::create_symlink("linked.txt", dir.path("link"));
      CHECK(write_file_atomic(dir.path("link"), "new") == "");
      CHECK(mode_of(linked) == 0660);
    }
  }

  TEST_CASE("write_file_atomic_with: a filler that fails leaves the target untouched and no temporary file")
  {
    TempDir dir;
    std::string file = dir.write("out.txt", "old");
    std::string seen;
    std::string why = write_file_atomic_with(file, [&](int, const std::string& tmp) {
      seen = tmp;
      return std::string("the filler gave up");
    });
    CHECK(why == "the filler gave up");
    CHECK(is_temporary_name(fs::path(seen).filename().string()));
    CHECK(slurp(file) == "old");
    check_only(dir, {"out.txt"});
  }

  TEST_CASE("FileSet puts its files in place all at once, or none of them")
  {
    TempDir dir;
    std::string kept = dir.write("b.txt", "old");
    SUBCASE("every file written: all in place on commit, none before")
    {
      FileSet set;
      CHECK(set.add(dir.path("a.txt"), "A") == "");
      CHECK(set.add(kept, "B") == "");
      CHECK_FALSE(fs::exists(dir.path("a.txt")));
      CHECK(slurp(kept) == "old");
      CHECK(set.commit() == "");
      CHECK(slurp(dir.path("a.txt")) == "A");
      CHECK(slurp(kept) == "B");
      check_only(dir, {"a.txt", "b.txt"});
    }
    SUBCASE("one file that cannot be written: the others are not put in place")
    {
      {
        FileSet set;
        CHECK(set.add(dir.path("a.txt"), "A") == "");
        CHECK(set.add(kept, "B") == "");
        CHECK(set.add(dir.path("no-such-folder/c.txt"), "C") != "");
      }
      CHECK(slurp(kept) == "old");
      check_only(dir, {"b.txt"});
    }
    SUBCASE("a rename that fails on commit: the files it created go again")
    {
      {
        FileSet set;
        CHECK(set.add(dir.path("a.txt"), "A") == "");
        CHECK(set.add(dir.path("c.txt"), "C") == "");
        // c.txt becomes a folder with a file in it: no file can be renamed onto it.
        fs::create_directory(dir.path("c.txt"));
        dir.write("c.txt/inside", "x");
        CHECK(set.commit() != "");
      }
      CHECK_FALSE(fs::exists(dir.path("a.txt")));
      CHECK(slurp(kept) == "old");
      check_only(dir, {"b.txt", "c.txt"});
    }
  }

  TEST_CASE("write_new_file leaves exactly the text, whatever its length against the blocks of a direct write")
  {
    TempDir dir;
    // Lengths around a block of 4 KiB and around the 1 MiB a direct write takes at a time.
    for (size_t size : {size_t{0}, size_t{1}, size_t{4095}, size_t{4096}, size_t{4097}, size_t{1048576} + 5,
                        size_t{2097152}}) {
      CAPTURE(size);
      std::string text(size, '\0');
      for (size_t i = 0; i < size; ++i) {
        text[i] = static_cast<char>('a' + (i * 7 + i / 4096) % 26);
      }
      const std::string path = dir.path(fmt::format("f{}.txt", size));
      int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      REQUIRE(fd >= 0);
      CHECK(write_new_file(fd, text) == 0);
      REQUIRE(::close(fd) == 0);
      const std::string back = slurp(path);
      CHECK(back.size() == size);
      CHECK(back == text);
    }
  }

  TEST_CASE("write_new_file falls back to plain writes when a direct one fails, and says why both failed")
  {
    // A limit on a file's size that a direct write, rounded up to its
    // blocks, passes, and the text itself does not: the direct write fails
    // and the plain one must do the work.
    TempDir dir;
    // The limit and the signal's handler as they were, put back however the
    // test ends.
    struct Saved
    {
      struct rlimit limit {};
      void (*handler)(int) = std::signal(SIGXFSZ, SIG_IGN);
      Saved() { ::getrlimit(RLIMIT_FSIZE, &limit); }
      ~Saved()
      {
        ::setrlimit(RLIMIT_FSIZE, &limit);
        std::signal(SIGXFSZ, handler);
      }
    } saved;
    struct rlimit small = saved.limit;
    small.rlim_cur = 6000;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    auto write_one = [&](const std::string& name, const std::string& text) {
      int fd = ::open(dir.path(name).c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      REQUIRE(fd >= 0);
      int errnum = write_new_file(fd, text);
      ::close(fd);
      return errnum;
    };
    const std::string fits(5000, 'x');
    const int fits_errnum = write_one("fits.txt", fits);
    const int too_big_errnum = write_one("too-big.txt", std::string(7000, 'y'));
    CHECK(fits_errnum == 0);
    CHECK(slurp(dir.path("fits.txt")) == fits);
    CHECK(too_big_errnum == EFBIG);
  }

  TEST_CASE("is_temporary_name knows the names of the temporary files and folders, and no others")
  {
    CHECK(is_temporary_name(".thanh-ha-2023.tmp-a1B2c3"));
    CHECK(is_temporary_name(".summary.csv.tmp-XXXXXX"));
    CHECK(is_temporary_name(".yen-quang.old-Zz9yY8"));
    CHECK_FALSE(is_temporary_name("thanh-ha-2023.tmp-a1B2c3"));
    CHECK_FALSE(is_temporary_name(".tmp-a1B2c3"));
    CHECK_FALSE(is_temporary_name(".round.tmp-a1B2c"));
    CHECK_FALSE(is_temporary_name(".round.tmp-a1B2c3d"));
    CHECK_FALSE(is_temporary_name(".round.tmp-a1/2c3"));
    CHECK_FALSE(is_temporary_name(".round.bak-a1B2c3"));
    CHECK_FALSE(is_temporary_name("summary.csv"));
  }
}
