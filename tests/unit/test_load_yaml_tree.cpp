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

  TEST_CASE("aliases are counted by the bytes they expand to, not only by nodes")
  {
    // 1 MB of anchored text used 100 times under an x- key: few nodes,
    // 100 MB of text once every alias is copied.
    std::string y = "format: x\nx-big: &big '" + std::string(1024 * 1024, 'x') + "'\nx-uses: [";
    for (int i = 0; i < 100; ++i) {
      y += i ? ", *big" : "*big";
    }
    y += "]\n";
    Diagnostics d;
    CHECK_FALSE(parse_document("t.yaml", y, d));
    // yaml-cpp gives an alias the position of its anchor: the error points
    // at the text that is copied too often.
    CHECK_MESSAGE(has_message(d, "t.yaml:2:8: error: the file expands to more than 16777216 bytes of text "
                                 "(aliases included); the text anchored here is used too many times"),
                  all_messages(d));
  }

  TEST_CASE("control characters other than tab and line feed are refused where they are")
  {
    Diagnostics d;
    SUBCASE("a NUL written as an escape points at the escape")
    {
      CHECK_FALSE(parse_document("t.yaml", "a: 1\nname: \"C\\x00ng ty\"\n", d));
      CHECK_MESSAGE(has_message(d, "t.yaml:2:9: error: control character U+0000 in text"), all_messages(d));
    }
    SUBCASE("other escapes")
    {
      CHECK_FALSE(parse_document("t.yaml", "a: \"x\\\"y\\ez\"\n", d));
      CHECK_MESSAGE(has_message(d, "t.yaml:1:9: error: control character U+001B"), all_messages(d));
    }
    SUBCASE("an escaped C1 control")
    {
      CHECK_FALSE(parse_document("t.yaml", "a: \"x\\u0085\"\n", d));
      CHECK(has_message(d, "t.yaml:1:6: error: control character U+0085"));
    }
    SUBCASE("in a key")
    {
      CHECK_FALSE(parse_document("t.yaml", "\"k\\x07\": 1\n", d));
      CHECK(has_message(d, "t.yaml:1:3: error: control character U+0007"));
    }
    SUBCASE("a raw escape character in the file")
    {
      CHECK_FALSE(parse_document("t.yaml", "a: 1\nb: x\x1b[31my\n", d));
      CHECK(has_message(d, "t.yaml:2:5: error: control character U+001B"));
    }
    SUBCASE("a carriage return written as an escape")
    {
      CHECK_FALSE(parse_document("t.yaml", "a: \"x\\ry\"\n", d));
      CHECK(has_message(d, "t.yaml:1:6: error: control character U+000D"));
    }
    CHECK(d.has_errors());
  }

  TEST_CASE("tabs and line breaks in text are accepted, escaped or not")
  {
    Diagnostics d;
    auto doc = parse_document("t.yaml", "a: \"x\\ty\\nz\"\nb: |\r\n  line one\r\n  line\ttwo\r\n", d);
    REQUIRE_MESSAGE(doc, all_messages(d));
    CHECK(doc->root.entries[0].second.text == "x\ty\nz");
    CHECK(doc->root.entries[1].second.text == "line one\nline\ttwo\n");
  }

  TEST_CASE("a file holds one YAML document")
  {
    Diagnostics d;
    SUBCASE("a second document after ---")
    {
      CHECK_FALSE(parse_document("t.yaml", "format: a\nx: 1\n---\nformat: b\n", d));
      CHECK_MESSAGE(has_message(d, "t.yaml:3:1: error: a second YAML document"), all_messages(d));
    }
    SUBCASE("text after the end marker ...")
    {
      CHECK_FALSE(parse_document("t.yaml", "format: a\n...\ngarbage here\n", d));
      CHECK_MESSAGE(has_message(d, "t.yaml:3:1: error: a second YAML document"), all_messages(d));
    }
    SUBCASE("an empty second document")
    {
      CHECK_FALSE(parse_document("t.yaml", "format: a\n---\n", d));
      CHECK_MESSAGE(has_message(d, "t.yaml:2:1: error: a second YAML document"), all_messages(d));
    }
    SUBCASE("one document with its markers is fine")
    {
      CHECK(parse_document("t.yaml", "---\nformat: a\n...\n", d));
      CHECK_FALSE(d.has_errors());
    }
  }

  TEST_CASE("messages quote a short token, never a whole line of a foreign file")
  {
    Diagnostics d;
    SUBCASE("a bad escape")
    {
      CHECK_FALSE(parse_document("t.yaml", "a: \"\\q" + std::string(500, 'z') + "\"\n", d));
      CHECK(all_messages(d).size() < 120);
    }
    SUBCASE("a long tag")
    {
      CHECK_FALSE(parse_document("t.yaml", "a: !" + std::string(500, 't') + " 1\n", d));
      CHECK(has_message(d, "explicit YAML tags"));
      CHECK(all_messages(d).size() < 160);
    }
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
