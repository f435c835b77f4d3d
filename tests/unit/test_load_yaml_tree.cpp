#include "helpers.hpp"
#include "util/file.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace ccn;
using namespace ccn::test;

TEST_SUITE("load/yaml_tree")
{
  TEST_CASE("positions are 1-based and an empty value points at its key")
  {
    Diagnostics d;
    auto doc = parse_document("t.yaml", "a: 1\nb:\n  c: x\nd:\n", d);
    REQUIRE(doc);
    const auto& e = doc->root.entries;
    REQUIRE(e.size() == 3);
    CHECK(e[0].second.line == 1);
    CHECK(e[0].second.col == 4);
    CHECK(e[1].second.entries[0].second.line == 3);
    CHECK(e[1].second.entries[0].second.col == 6);
    CHECK(e[2].second.kind == YNode::Kind::null);
    CHECK(e[2].second.line == 4);
    CHECK(e[2].second.col == 1);
  }

  TEST_CASE("quoted scalars are not plain")
  {
    Diagnostics d;
    auto doc = parse_document("t.yaml", "a: \"60\"\nb: 60\nc: '~'\nd: ~\n", d);
    REQUIRE(doc);
    const auto& e = doc->root.entries;
    CHECK_FALSE(e[0].second.plain);
    CHECK(e[1].second.plain);
    CHECK(e[2].second.kind == YNode::Kind::scalar);
    CHECK(e[3].second.kind == YNode::Kind::null);
  }

  TEST_CASE("a byte-order mark and CRLF line ends are accepted")
  {
    Diagnostics d;
    auto doc = parse_document("t.yaml", "\xEF\xBB\xBF" "a: 1\r\nb: x\r\n", d);
    REQUIRE(doc);
    CHECK(doc->root.entries[1].second.text == "x");
    CHECK(doc->root.entries[1].second.line == 2);
  }

  TEST_CASE("repeated keys are kept so that the reader can report them")
  {
    Diagnostics d;
    auto doc = parse_document("t.yaml", "a: 1\na: 2\n", d);
    REQUIRE(doc);
    CHECK(doc->root.entries.size() == 2);
  }

  TEST_CASE("hostile bytes are refused with their position")
  {
    Diagnostics d;
    SUBCASE("NUL")
    {
      CHECK_FALSE(parse_document("t.yaml", std::string("a: 1\nb\0", 8), d));
      CHECK(has_message(d, "t.yaml:2:2: error: a NUL byte"));
    }
    SUBCASE("invalid UTF-8")
    {
      CHECK_FALSE(parse_document("t.yaml", "a: 1\nb: C\xf4ng\n", d));
      CHECK(has_message(d, "t.yaml:2:5: error: invalid UTF-8"));
    }
    SUBCASE("empty")
    {
      CHECK_FALSE(parse_document("t.yaml", "\n  \n", d));
      CHECK(has_message(d, "the file is empty"));
    }
    SUBCASE("deep nesting")
    {
      CHECK_FALSE(parse_document("t.yaml", "a: " + std::string(100, '[') + std::string(100, ']'), d));
      CHECK(has_message(d, "nesting is deeper than 64 levels"));
    }
    SUBCASE("alias bomb")
    {
      std::string y = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
      for (char c = 'b'; c <= 'h'; ++c) {
        std::string prev(1, static_cast<char>(c - 1));
        y += std::string(1, c) + ": &" + c + " [";
        for (int i = 0; i < 10; ++i) {
          y += (i ? ", *" : "*") + prev;
        }
        y += "]\n";
      }
      CHECK_FALSE(parse_document("t.yaml", y, d));
      CHECK(has_message(d, "expands to more than"));
    }
    SUBCASE("syntax error")
    {
      CHECK_FALSE(parse_document("t.yaml", "a: [1, 2\n", d));
      CHECK(has_message(d, "YAML syntax"));
    }
    SUBCASE("explicit tags")
    {
      CHECK_FALSE(parse_document("t.yaml", "a: !!float 1\n", d));
      CHECK(has_message(d, "explicit YAML tags"));
    }
    CHECK(d.has_errors());
  }

  TEST_CASE("files that cannot be read are I/O errors, too large is an input error")
  {
    TempDir dir;
    Diagnostics d;
    SUBCASE("missing")
    {
      CHECK_FALSE(load_document(dir.path("nope.yaml"), d));
      CHECK(d.has_io_errors());
      CHECK(has_message(d, "No such file or directory"));
    }
    SUBCASE("directory")
    {
      CHECK_FALSE(load_document(dir.path(), d));
      CHECK(d.has_io_errors());
      CHECK(has_message(d, "is a directory"));
    }
    SUBCASE("fifo does not block")
    {
      std::string fifo = dir.path("pipe.yaml");
      REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
      CHECK_FALSE(load_document(fifo, d));
      CHECK(has_message(d, "is not a regular file"));
    }
    SUBCASE("a 100 MB file is refused before it is read")
    {
      std::string big = dir.write("huge.yaml", "");
      REQUIRE(::truncate(big.c_str(), 100L * 1024 * 1024) == 0); // sparse: no disk used
      CHECK_FALSE(load_document(big, d));
      CHECK(has_message(d, "file is 104857600 bytes; the limit is 8388608 bytes"));
    }
    SUBCASE("too large")
    {
      std::string big = dir.write("big.yaml", std::string(k_max_file_bytes + 1, '#'));
      CHECK_FALSE(load_document(big, d));
      CHECK(d.has_errors());
      CHECK_FALSE(d.has_io_errors());
      CHECK(has_message(d, "the limit is"));
    }
  }
}
