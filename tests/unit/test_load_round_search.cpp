#include "helpers.hpp"
#include "load/round_search.hpp"
#include "util/file.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include <sys/wait.h>
#include <unistd.h>

using namespace ccn;
using namespace ccn::test;

TEST_SUITE("load/round_search")
{
  TEST_CASE("round files are found by their format, sorted, the output folder skipped")
  {
    TempDir dir;
    dir.write("b/round.yaml", "format: ccnscore/round@1\nid: dot-2\n");
    dir.write("a/round.yml", "format: ccnscore/round@1\nid: dot-1\n");
    dir.write("a/copy.yaml", "format: ccnscore/round@1\nid: dot-1\n");
    dir.write("a/criteria.yaml", "format: ccnscore/criteria@1\nid: tieu-chi\n");
    dir.write("a/notes.txt", "format: ccnscore/round@1\n");
    dir.write("out/r/round.yaml", "format: ccnscore/round@1\nid: ket-qua\n");
    auto out = folder_id(dir.path("out"));
    REQUIRE(out);
    Diagnostics diags;
    std::vector<FoundRound> found = find_round_files({dir.path("")}, *out, 2, diags);
    CHECK_FALSE(diags.has_errors());
    REQUIRE(found.size() == 3);
    CHECK(found[0].path == dir.path("a/copy.yaml"));
    CHECK(found[0].id == "dot-1");
    CHECK(found[0].duplicate_of.empty());
    CHECK(found[1].path == dir.path("a/round.yml"));
    CHECK(found[1].duplicate_of == dir.path("a/copy.yaml"));
    CHECK(found[2].id == "dot-2");
  }

  TEST_CASE("a round file that YAML cannot read is found all the same, to be reported")
  {
    TempDir dir;
    dir.write("a/round.yaml", "format: ccnscore/round@1\nid: hong\ndossiers: [\n");
    dir.write("b/round.yaml", "\xEF\xBB\xBF" "format:  \"ccnscore/round@1\"\nid: [\n");
    dir.write("c/dossier.yaml", "format: ccnscore/dossier@1\nnote: ccnscore/round@1\nfacts: [\n");
    dir.write("c/notes.yaml", "# format: ccnscore/round@1\nx: [\n");
    Diagnostics diags;
    std::vector<FoundRound> found = find_round_files({dir.path("")}, FolderId{}, 2, diags);
    CHECK_FALSE(diags.has_errors());
    REQUIRE(found.size() == 2);
    CHECK(found[0].path == dir.path("a/round.yaml"));
    CHECK(found[0].id.empty());
    CHECK(found[1].path == dir.path("b/round.yaml"));
  }

  TEST_CASE("nothing in the output folder is ranked, however it is reached")
  {
    namespace fs = std::filesystem;
    TempDir dir;
    dir.write("data/r1/round.yaml", "format: ccnscore/round@1\nid: mot\n");
    dir.write("out/r2/round.yaml", "format: ccnscore/round@1\nid: hai\n");
    dir.write("elsewhere/round.yaml", "format: ccnscore/round@1\nid: ba\n");
    fs::create_directory_symlink(dir.path("out"), dir.path("data/to-out"));
    fs::create_directory_symlink(dir.path("out"), dir.path("out-link"));
    fs::create_symlink(dir.path("out/r2/round.yaml"), dir.path("data/r1/linked-in-out.yaml"));
    fs::create_symlink(dir.path("elsewhere/round.yaml"), dir.path("data/r1/linked-elsewhere.yaml"));
    fs::create_symlink(dir.path("elsewhere/round.yaml"), dir.path("out/r2/leads-out.yaml"));
    auto out = folder_id(dir.path("out"));
    REQUIRE(out);
    auto found = [&](const std::string& where) {
      Diagnostics diags;
      std::vector<std::string> paths;
      for (const auto& f : find_round_files({dir.path(where)}, *out, 1, diags)) {
        paths.push_back(f.path);
      }
      CHECK_FALSE(diags.has_errors());
      return paths;
    };
    // A folder that holds rounds: a link to a file in the output folder is
    // skipped, a link to a file elsewhere is read, a link to the output
    // folder is not walked.
    CHECK(found("data") == std::vector<std::string>{dir.path("data/r1/linked-elsewhere.yaml"), dir.path("data/r1/round.yaml")});
    // The output folder itself, a folder in it, either through a link, and a
    // round file in it named on its own: what lies in it is not ranked; a
    // link there that leads out of it is, as a file given on its own would be.
    auto leads_out = [&](const std::string& where) { return std::vector<std::string>{dir.path(where + "/leads-out.yaml")}; };
    CHECK(found("out") == leads_out("out/r2"));
    CHECK(found("out/r2") == leads_out("out/r2"));
    CHECK(found("out-link") == leads_out("out-link/r2"));
    CHECK(found("out-link/r2") == leads_out("out-link/r2"));
    CHECK(found("data/to-out") == leads_out("data/to-out/r2"));
    CHECK(found("out/r2/round.yaml").empty());
    CHECK(found("out/r2/leads-out.yaml") == leads_out("out/r2"));
    CHECK(found("data/r1/linked-in-out.yaml").empty());
    CHECK(found("elsewhere/round.yaml") == std::vector<std::string>{dir.path("elsewhere/round.yaml")});
  }

  TEST_CASE("a YAML file that cannot be read is a file error, and the other rounds are still found")
  {
    namespace fs = std::filesystem;
    TempDir dir;
    dir.write("a/round.yaml", "format: ccnscore/round@1\nid: mot\n");
    // Reading a process's memory at its start fails, for root too.
    fs::create_directory(dir.path("b"));
    fs::create_symlink("/proc/self/mem", dir.path("b/round.yaml"));
    // A link to a round on a drive that is not there.
    fs::create_directory(dir.path("c"));
    fs::create_symlink(dir.path("no-such-drive/round.yaml"), dir.path("c/round.yaml"));
    Diagnostics diags;
    std::vector<FoundRound> found = find_round_files({dir.path("")}, FolderId{}, 2, diags);
    REQUIRE(found.size() == 1);
    CHECK(found[0].id == "mot");
    CHECK(diags.has_io_errors());
    REQUIRE(diags.items().size() == 2);
    std::set<std::string> paths;
    for (const auto& item : diags.items()) {
      CHECK(item.key == "batch_unreadable_file");
      paths.insert(item.pos.path);
    }
    CHECK(paths == std::set<std::string>{dir.path("b/round.yaml"), dir.path("c/round.yaml")});
  }

  TEST_CASE("a YAML file too large for any input is passed over: it is no round to rank")
  {
    TempDir dir;
    dir.write("a/round.yaml", "format: ccnscore/round@1\nid: mot\n");
    dir.write("b/lon.yaml", "format: ccnscore/round@1\nid: hai\n# " + std::string(k_max_file_bytes, 'x') + "\n");
    Diagnostics diags;
    std::vector<FoundRound> found = find_round_files({dir.path("")}, FolderId{}, 2, diags);
    REQUIRE(found.size() == 1);
    CHECK(found[0].id == "mot");
    CHECK(diags.items().empty());
  }

  TEST_CASE("a folder the walk may not enter is a file error, and the other rounds are still found")
  {
    namespace fs = std::filesystem;
    TempDir dir;
    dir.write("a/round.yaml", "format: ccnscore/round@1\nid: mot\n");
    dir.write("khoa/round.yaml", "format: ccnscore/round@1\nid: hai\n");
    fs::permissions(dir.path(""), fs::perms::all, fs::perm_options::add);
    fs::permissions(dir.path("a"), fs::perms::all, fs::perm_options::add);
    fs::permissions(dir.path("a/round.yaml"), fs::perms::all, fs::perm_options::add);
    fs::permissions(dir.path("khoa"), fs::perms::none);
    // Root may enter any folder: the search then runs in a child process
    // that has given up root for `nobody`.
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::close(pipe_fds[0]);
      int rc = 0;
      if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) {
        rc = 10;
      }
      std::string seen;
      if (rc == 0) {
        Diagnostics diags;
        for (const auto& f : find_round_files({dir.path("")}, FolderId{}, 1, diags)) {
          seen += "round " + f.id + "\n";
        }
        for (const auto& d : diags.items()) {
          seen += d.key + " " + d.pos.path + "\n";
        }
      }
      [[maybe_unused]] auto n = ::write(pipe_fds[1], seen.data(), seen.size());
      ::close(pipe_fds[1]);
      ::_exit(rc);
    }
    ::close(pipe_fds[1]);
    std::string seen;
    char buf[4096];
    for (ssize_t n; (n = ::read(pipe_fds[0], buf, sizeof buf)) > 0;) {
      seen.append(buf, static_cast<size_t>(n));
    }
    ::close(pipe_fds[0]);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    fs::permissions(dir.path("khoa"), fs::perms::owner_all);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(seen == "round mot\nbatch_unreadable_folder " + dir.path("khoa") + "\n");
  }

  TEST_CASE("a folder that does not exist is a file error")
  {
    TempDir dir;
    auto out = folder_id(dir.path(""));
    REQUIRE(out);
    Diagnostics diags;
    CHECK(find_round_files({dir.path("none")}, *out, 1, diags).empty());
    CHECK(diags.has_io_errors());
  }
}
