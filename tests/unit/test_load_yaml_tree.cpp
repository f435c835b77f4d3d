#include "helpers.hpp"
#include "util/file.hpp"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace ccn;
using namespace ccn::test;

namespace {

// The tree as yaml-cpp's own node tree has it, written out: kinds,
// positions (an empty map value at its key), plain or not, and text.
std::string yaml_cpp_tree(const YAML::Node& node, YAML::Mark at)
{
  const YAML::Mark mark = node.Mark();
  const std::string pos = std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
  switch (node.Type()) {
  case YAML::NodeType::Scalar:
    return (node.Tag() == "?" ? "plain " : "quoted ") + pos + " '" + node.Scalar() + "'";
  case YAML::NodeType::Sequence: {
    std::string out = "list " + pos + " [";
    for (const auto& item : node) {
      out += yaml_cpp_tree(item, item.Mark()) + ", ";
    }
    return out + "]";
  }
  case YAML::NodeType::Map: {
    std::string out = "map " + pos + " {";
    for (const auto& kv : node) {
      out += yaml_cpp_tree(kv.first, kv.first.Mark()) + ": " + yaml_cpp_tree(kv.second, kv.first.Mark()) + ", ";
    }
    return out + "}";
  }
  default:
    return "null " + std::to_string(at.line + 1) + ":" + std::to_string(at.column + 1);
  }
}

// The same for our tree.
std::string our_tree(const YNode& node)
{
  const std::string pos = std::to_string(node.line) + ":" + std::to_string(node.col);
  switch (node.kind) {
  case YNode::Kind::scalar:
    return (node.plain ? "plain " : "quoted ") + pos + " '" + node.text + "'";
  case YNode::Kind::seq: {
    std::string out = "list " + pos + " [";
    for (const auto& item : node.items) {
      out += our_tree(item) + ", ";
    }
    return out + "]";
  }
  case YNode::Kind::map: {
    std::string out = "map " + pos + " {";
    for (const auto& [key, value] : node.entries) {
      out += our_tree(key) + ": " + our_tree(value) + ", ";
    }
    return out + "}";
  }
  case YNode::Kind::null:
    break;
  }
  return "null " + pos;
}


// The first limit a walk over yaml-cpp's node graph meets, as the tree it
// stands for (each node before its children, a key before its value, an
// alias walked again where it is used, so an alias inside its own anchor
// goes round until a limit): the key of the message ("text" for both text
// limits) and the node's place, or "none".
struct ReferenceWalk
{
  size_t nodes = 0;
  size_t text = 0;
  std::string hit = "none";

  bool walk(const YAML::Node& node, size_t depth)
  {
    const YAML::Mark m = node.Mark();
    const std::string at = " " + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
    if (++nodes > k_max_nodes) {
      hit = "yaml_too_many_nodes" + at;
      return false;
    }
    if (depth > static_cast<size_t>(k_max_depth)) {
      hit = "yaml_nesting_too_deep" + at;
      return false;
    }
    if (node.IsScalar()) {
      text += node.Scalar().size();
      if (text > k_max_text_bytes) {
        hit = "text" + at;
        return false;
      }
    }
    if (node.IsSequence()) {
      for (const auto& item : node) {
        if (!walk(item, depth + 1)) {
          return false;
        }
      }
    }
    if (node.IsMap()) {
      for (const auto& kv : node) {
        if (!walk(kv.first, depth + 1) || !walk(kv.second, depth + 1)) {
          return false;
        }
      }
    }
    return true;
  }
};

// A random flow-style YAML text with anchors on lists and maps, aliases to
// nodes already complete and to nodes still open (cycles), and texts long
// and short.
struct CycleGenerator
{
  unsigned long state = 1;
  unsigned wide_odds = 12; // one list or map in this many is wide
  unsigned long_odds = 8;  // one text in this many is long
  int next_anchor = 0;
  int next_key = 0;
  std::vector<std::string> open;
  std::vector<std::string> done;

  unsigned pick(unsigned n)
  {
    state = state * 6364136223846793005UL + 1442695040888963407UL;
    return static_cast<unsigned>((state >> 33) % n);
  }

  std::string leaf()
  {
    // An alias of a wide node goes to a complete node: its cycles, if any,
    // come after it, so that each round walks it all again.
    if (pick(4) == 0 && !done.empty()) {
      return "*" + done[pick(static_cast<unsigned>(done.size()))];
    }
    return "t" + std::to_string(pick(100));
  }

  std::string node(int depth)
  {
    const unsigned kind = pick(depth >= 4 ? 3 : 6);
    if (kind == 0 && !(open.empty() && done.empty())) {
      const bool cycle = !open.empty() && (done.empty() || pick(2) == 0);
      const auto& from = cycle ? open : done;
      return "*" + from[pick(static_cast<unsigned>(from.size()))];
    }
    if (kind <= 2) {
      const unsigned long length = pick(long_odds) == 0 ? 1000UL * (1 + pick(300)) : 1 + pick(6);
      if (pick(3) == 0) {
        const std::string anchor = "a" + std::to_string(next_anchor++);
        done.push_back(anchor);
        return "&" + anchor + " t" + std::string(length, 'x');
      }
      return "t" + std::string(length, 'x');
    }
    std::string anchor;
    if (pick(2) == 0) {
      anchor = "a" + std::to_string(next_anchor++);
      open.push_back(anchor);
    }
    const bool map = pick(2) == 0;
    std::string out = (anchor.empty() ? "" : "&" + anchor + " ") + (map ? "{" : "[");
    // Now and then a wide one, of short texts and aliases only.
    const bool wide = pick(wide_odds) == 0;
    const unsigned n = wide ? 50 + pick(12000) : pick(5);
    for (unsigned i = 0; i < n; ++i) {
      out += i == 0 ? "" : (pick(3) == 0 ? ",\n  " : ", ");
      if (map) {
        out += "k" + std::to_string(next_key++) + ": ";
      }
      out += wide ? leaf() : node(depth + 1);
    }
    out += map ? "}" : "]";
    if (!anchor.empty()) {
      open.erase(std::find(open.begin(), open.end(), anchor));
      done.push_back(anchor);
    }
    return out;
  }
};

} // namespace

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

  TEST_CASE("a byte-order mark written twice at the start is accepted as one, not read as a second document")
  {
    Diagnostics d;
    auto doc = parse_document("t.yaml", "\xEF\xBB\xBF\xEF\xBB\xBF" "a: 1\nb: x\n", d);
    REQUIRE_MESSAGE(doc, all_messages(d));
    CHECK(doc->root.entries[1].second.text == "x");
    CHECK(doc->root.entries[1].second.line == 2);
    CHECK(doc->root.entries[1].second.col == 4);
  }

  TEST_CASE("a UTF-16 file is named as such, with or without its byte-order mark")
  {
    for (std::string bytes : {std::string("\xFF\xFE" "a\0:\0 \0" "1\0", 10), std::string("a\0:\0 \0" "1\0\n\0", 10),
                              std::string("\0a\0:\0 \0" "1\0\n", 10)}) {
      Diagnostics d;
      CHECK_FALSE(parse_document("t.yaml", bytes, d));
      REQUIRE(d.items().size() == 1);
      CHECK(d.items()[0].key == "yaml_utf16");
    }
    Diagnostics d;
    CHECK_FALSE(parse_document("t.yaml", std::string("a: 1\0", 5), d));
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].key == "yaml_nul_byte");
  }

  TEST_CASE("columns count bytes after Vietnamese text, for the checks before parsing as for the parser")
  {
    // "tên: Đà" is 7 characters and 10 bytes: what follows it is at column 11.
    const std::string before = "x: 1\nt\xC3\xAAn: \xC4\x90\xC3\xA0";
    struct Case
    {
      std::string bytes;
      const char* key;
    };
    for (const Case& c : {Case{before + std::string("\0\n", 2), "yaml_nul_byte"},
                          Case{before + "\xFF\n", "yaml_invalid_utf8"},
                          Case{before + "\x01\n", "yaml_control_character"},
                          Case{before + "\r", "yaml_lone_cr"},
                          Case{before + ": b\n", "yaml_colon_in_text"}}) {
      CAPTURE(std::string(c.key));
      Diagnostics d;
      CHECK_FALSE(parse_document("t.yaml", c.bytes, d));
      REQUIRE_FALSE(d.items().empty());
      CHECK(d.items()[0].key == c.key);
      CHECK(d.items()[0].pos.line == 2);
      CHECK(d.items()[0].pos.col == 11);
    }
    // The parser's own marks count bytes too: the value after the text.
    Diagnostics d;
    auto doc = parse_document("t.yaml", "\xC4\x91\xE1\xBA\xA5t: [a, \"b\\x01\"]\n", d);
    CHECK_FALSE(doc);
    REQUIRE_FALSE(d.items().empty());
    CHECK(d.items()[0].key == "yaml_control_character");
    // "đất: [a, \"b" is 11 characters and 14 bytes: the escape is at column 15.
    CHECK(d.items()[0].pos.col == 15);
  }

  TEST_CASE("an empty file saved as UTF-16 is its byte-order mark alone, and is named as such")
  {
    // Notepad's "Unicode" writes an empty file as the two bytes FF FE.
    for (std::string bytes : {std::string("\xFF\xFE"), std::string("\xFE\xFF")}) {
      Diagnostics d;
      CHECK_FALSE(parse_document("t.yaml", bytes, d));
      REQUIRE(d.items().size() == 1);
      CHECK(d.items()[0].key == "yaml_utf16");
    }
  }

  TEST_CASE("a stray FE or FF byte is invalid UTF-8, not half of a UTF-16 byte-order mark")
  {
    for (std::string bytes : {std::string("\xFE" "a: 1\n"), std::string("\xFF" "a: 1\n"), std::string("a\xFE: 1\n"),
                              std::string("a\xFF: 1\n")}) {
      CAPTURE(bytes);
      Diagnostics d;
      CHECK_FALSE(parse_document("t.yaml", bytes, d));
      REQUIRE(d.items().size() == 1);
      CHECK(d.items()[0].key == "yaml_invalid_utf8");
    }
  }

  TEST_CASE("a tab in the indentation has its own message, a tab elsewhere does not")
  {
    Diagnostics d;
    CHECK_FALSE(parse_document("t.yaml", "a:\n  b: 1\n\tc: 2\n", d));
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].key == "yaml_tab_indent");
    CHECK(d.items()[0].pos.line == 3);
    CHECK(d.items()[0].pos.col == 1);
    Diagnostics ok;
    CHECK(parse_document("t.yaml", "a: [1,\t2]\nb:\t3\n", ok));
    CHECK(ok.items().empty());
    // A syntax error with no tab before it keeps yaml-cpp's message.
    Diagnostics other;
    CHECK_FALSE(parse_document("t.yaml", "a: [1\nb: \t2\n", other));
    REQUIRE_FALSE(other.items().empty());
    CHECK(other.items()[0].key == "yaml_syntax");
    // A line of white space only, with a tab in it, has no indentation to speak of.
    Diagnostics blank;
    CHECK_FALSE(parse_document("t.yaml", "a: 1\n \t\nb: [1\n", blank));
    REQUIRE_FALSE(blank.items().empty());
    CHECK_MESSAGE(blank.items()[0].key == "yaml_syntax", all_messages(blank));
  }

  TEST_CASE("a plain text holding ': ' is shown written in quotes")
  {
    Diagnostics d;
    CHECK_FALSE(parse_document("round.yaml", "id: r1\ntitle: Đợt 1: Lựa chọn \"chủ đầu tư\"  # tên\r\nx: 1\n", d));
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].key == "yaml_colon_in_text");
    CHECK(d.items()[0].pos.line == 2);
    CHECK(d.items()[0].pos.col == 16);
    CHECK(all_messages(d) == "round.yaml:2:16: error: YAML syntax: the text after 'title:' holds ': ', which YAML reads "
                             "as the start of a key; write the text in double quotes: title: \"Đợt 1: Lựa chọn "
                             "\\\"chủ đầu tư\\\"\" # tên\n");
    // In a list, and further in: the key is the entry's.
    Diagnostics item;
    CHECK_FALSE(parse_document("s.yaml", "a:\n  - b: Lý do: khác\n", item));
    REQUIRE(item.items().size() == 1);
    CHECK(item.items()[0].key == "yaml_colon_in_text");
    CHECK(all_messages(item).find("the text after 'b:' holds ': '") != std::string::npos);
    CHECK(all_messages(item).find("double quotes:   - b: \"Lý do: khác\"") != std::string::npos);
    // Not of that form (the colon on a continuation line of the text, a
    // value that is no plain text): the parser's own words.
    for (const char* text : {"reason: Phương án khả thi\n  hơn: vì\n", "a: [1]: 2\n", "a: : b\n"}) {
      CAPTURE(text);
      Diagnostics other;
      CHECK_FALSE(parse_document("t.yaml", text, other));
      REQUIRE_FALSE(other.items().empty());
      CHECK_MESSAGE(other.items()[0].key == "yaml_syntax", all_messages(other));
    }
  }

  TEST_CASE("repeated keys are kept so that the reader can report them")
  {
    Diagnostics d;
    auto doc = parse_document("t.yaml", "a: 1\na: 2\n", d);
    REQUIRE(doc);
    CHECK(doc->root.entries.size() == 2);
  }

  TEST_CASE("the tree is yaml-cpp's own node tree, with its positions")
  {
    // Anchors and aliases (of lists, maps, texts and empty values, as keys
    // and values), `<<` (an ordinary key: yaml-cpp does not merge), flow
    // and block styles, empty and null values, quoted and plain texts.
    const char* inputs[] = {
      "a: &l [1, 2]\nb: *l\nc: [*l, *l]\n",
      "a: &m {k: v, e: }\nb: *m\nc:\n  - *m\n",
      "a: &n\nb: *n\nc: [*n, x]\n",
      "? &k key\n: 1\n*k : 2\n",
      "base: &b {x: 1}\nd:\n  <<: *b\n  y: 2\n",
      "[a, b: c, {d: e}, [f]]\n",
      "{a, b: , ? c}\n",
      "- ~\n- null\n- ''\n- \"\"\n- ! x\n- 'q'\n- \"~\"\n",
      "- !\n- ! null\n- &e !\n- *e\n",
      "a: |\n  x\n  y\nb: >-\n  z\n",
      "? [a, b]\n: c\n",
      "a: &a [x]\nb: &a [y]\nc: *a\n",
      "outer: &o\n  inner: &i {e: }\n  again: *i\nuse: [*o]\n",
    };
    for (const char* input : inputs) {
      CAPTURE(input);
      Diagnostics d;
      auto doc = parse_document("t.yaml", input, d);
      REQUIRE_MESSAGE(doc, all_messages(d));
      CHECK(our_tree(doc->root) == yaml_cpp_tree(YAML::Load(input), YAML::Mark{}));
    }
  }

  TEST_CASE("an explicit tag is refused on an empty value too")
  {
    for (const char* input : {"a: !!str\n", "a: !x\n", "a: !!null\n"}) {
      CAPTURE(input);
      Diagnostics d;
      CHECK_FALSE(parse_document("t.yaml", input, d));
      CHECK_MESSAGE(has_message(d, "t.yaml:1:4: error: explicit YAML tags such as"), all_messages(d));
    }
  }

  TEST_CASE("line ends the parser would read and an editor may not show are refused where they stand")
  {
    SUBCASE("U+2028 in a comment, which would make the rest of the line data")
    {
      Diagnostics d;
      CHECK_FALSE(parse_document("t.yaml", "a: 1\n# note\xE2\x80\xA8" "b: 2\n", d));
      CHECK_MESSAGE(has_message(d, "t.yaml:2:7: error: a Unicode line separator (U+2028)"), all_messages(d));
    }
    SUBCASE("U+2029 in a text")
    {
      Diagnostics d;
      CHECK_FALSE(parse_document("t.yaml", "a: x\xE2\x80\xA9y\n", d));
      CHECK_MESSAGE(has_message(d, "t.yaml:1:5: error: a Unicode line separator (U+2029)"), all_messages(d));
    }
    SUBCASE("a carriage return alone")
    {
      Diagnostics d;
      CHECK_FALSE(parse_document("t.yaml", "a: 1\nb: 2\rc: 3\r\n", d));
      CHECK_MESSAGE(has_message(d, "t.yaml:2:5: error: a line ends with a carriage return alone"), all_messages(d));
    }
    SUBCASE("CR LF is a line end like LF")
    {
      Diagnostics d;
      auto doc = parse_document("t.yaml", "a: 1\r\nb: \"x\"\r\n", d);
      REQUIRE_MESSAGE(doc, all_messages(d));
      CHECK(our_tree(doc->root) == "map 1:1 {plain 1:1 'a': plain 1:4 '1', plain 2:1 'b': quoted 2:4 'x', }");
    }
  }

  TEST_CASE("a tab where the parser wants a space after a dash gets the tab message")
  {
    Diagnostics d;
    CHECK_FALSE(parse_document("t.yaml", "a:\n  -\tx\n", d));
    REQUIRE_FALSE(d.items().empty());
    CHECK_MESSAGE(d.items()[0].key == "yaml_tab_indent", all_messages(d));
    CHECK(d.items()[0].pos.line == 2);
    CHECK(d.items()[0].pos.col == 4);
  }

  TEST_CASE("anchors nested in one another may not copy more than a file's worth")
  {
    SUBCASE("nodes: 60 levels round a list of 199,000 items")
    {
      std::string y;
      for (int level = 0; level < 60; ++level) {
        y += std::string(static_cast<size_t>(2 * level), ' ') + "- &n" + std::to_string(level) + "\n";
      }
      y += std::string(120, ' ') + "- [1";
      for (int i = 1; i < 199000; ++i) {
        y += ",1";
      }
      y += "]\n";
      Diagnostics d;
      CHECK_FALSE(parse_document("t.yaml", y, d));
      CHECK_MESSAGE(has_message(d, "error: anchors nested in one another hold more than 200000 nodes"), all_messages(d));
    }
    SUBCASE("text: 5 levels round 4 MB of text")
    {
      std::string y;
      for (int level = 0; level < 5; ++level) {
        y += std::string(static_cast<size_t>(2 * level), ' ') + "- &t" + std::to_string(level) + "\n";
      }
      y += std::string(10, ' ') + "- " + std::string(4 * 1024 * 1024, 'x') + "\n";
      Diagnostics d;
      CHECK_FALSE(parse_document("t.yaml", y, d));
      CHECK_MESSAGE(has_message(d, "bytes of text between them"), all_messages(d));
    }
    SUBCASE("an anchor of a whole large list, once, is fine")
    {
      std::string y = "a: &l [1";
      for (int i = 1; i < 150000; ++i) {
        y += ",1";
      }
      y += "]\n";
      Diagnostics d;
      CHECK_MESSAGE(parse_document("t.yaml", y, d), all_messages(d));
    }
  }

  TEST_CASE("an empty item of a list is where its dash is, not at the next item")
  {
    Diagnostics d;
    auto doc = parse_document("t.yaml", "- \n- a\n-\n", d);
    REQUIRE_MESSAGE(doc, all_messages(d));
    CHECK(our_tree(doc->root) == "list 1:1 [null 1:2, plain 2:3 'a', null 3:2, ]");
  }

  TEST_CASE("a file of comments only is an empty value at its start")
  {
    Diagnostics d;
    auto doc = parse_document("t.yaml", "# nothing here\n", d);
    REQUIRE(doc);
    CHECK(doc->root.kind == YNode::Kind::null);
    CHECK(doc->root.line == 1);
    CHECK(doc->root.col == 1);
  }

  TEST_CASE("an alias inside the node it names is too deep at that node")
  {
    Diagnostics d;
    SUBCASE("at once")
    {
      CHECK_FALSE(parse_document("t.yaml", "a: &a [x, *a]\n", d));
      CHECK_MESSAGE(has_message(d, "t.yaml:1:8: error: nesting is deeper than 64 levels"), all_messages(d));
    }
    SUBCASE("further down, inside a map")
    {
      CHECK_FALSE(parse_document("t.yaml", "a: &a\n  b: {c: [1, *a]}\n", d));
      CHECK_MESSAGE(has_message(d, "t.yaml:2:3: error: nesting is deeper than 64 levels"), all_messages(d));
    }
    SUBCASE("many nodes before it reach the node count first")
    {
      std::string y = "a: &a [";
      for (int i = 0; i < 5000; ++i) {
        y += "x, ";
      }
      y += "*a]\n";
      CHECK_FALSE(parse_document("t.yaml", y, d));
      CHECK_MESSAGE(has_message(d, "error: the file expands to more than 200000 nodes"), all_messages(d));
    }
    SUBCASE("many nodes in a value before it, inside a map, reach the node count first")
    {
      // The alias walks the map again each time round: the key and the value of every entry before it.
      std::string y = "a: &a\n  x: [";
      for (int i = 0; i < 5000; ++i) {
        y += "1, ";
      }
      y += "1]\n  b: *a\n";
      CHECK_FALSE(parse_document("t.yaml", y, d));
      CHECK_MESSAGE(has_message(d, "error: the file expands to more than 200000 nodes"), all_messages(d));
    }
  }

  TEST_CASE("the first limit met is the one a walk over yaml-cpp's node graph meets, on random alias cycles")
  {
    int limited = 0;
    int kinds[3] = {0, 0, 0};
    for (unsigned long seed = 1; seed <= 400; ++seed) {
      CycleGenerator gen;
      gen.state = seed;
      // A third of the rounds lean to wide nodes, a third to long texts.
      gen.wide_odds = seed % 3 == 1 ? 2 : 12;
      gen.long_odds = seed % 3 == 2 ? 1 : 8;
      gen.wide_odds = seed % 3 == 2 ? 4 : gen.wide_odds;
      const std::string yaml = "x: " + gen.node(0) + "\n";
      CAPTURE(seed);
      CAPTURE(yaml.substr(0, 300));
      ReferenceWalk ref;
      ref.walk(YAML::Load(yaml), 0);
      Diagnostics d;
      auto doc = parse_document("t.yaml", yaml, d);
      std::string ours = "none";
      if (!doc) {
        REQUIRE_MESSAGE(d.items().size() == 1, all_messages(d));
        const auto& item = d.items()[0];
        const std::string key = item.key.rfind("yaml_too_much_text", 0) == 0 ? "text" : item.key;
        ours = key + " " + std::to_string(item.pos.line) + ":" + std::to_string(item.pos.col);
      }
      CHECK(ours == ref.hit);
      if (ref.hit != "none") {
        ++limited;
        kinds[ref.hit.rfind("text", 0) == 0 ? 0 : ref.hit.rfind("yaml_nesting", 0) == 0 ? 1 : 2] += 1;
      }
    }
    // The rounds reached every limit, and not only limits.
    CHECK(limited > 50);
    CHECK(limited < 390);
    CHECK(kinds[0] > 5);
    CHECK(kinds[1] > 5);
    CHECK(kinds[2] > 5);
  }

  TEST_CASE("an empty value is a node like any other for the nesting limit")
  {
    // The map is level 0, so the 64 lists reach level 64 and what they hold is one deeper.
    Diagnostics d;
    CHECK_FALSE(parse_document("t.yaml", "a: " + std::string(64, '[') + "~" + std::string(64, ']') + "\n", d));
    CHECK_MESSAGE(has_message(d, "t.yaml:1:68: error: nesting is deeper than 64 levels"), all_messages(d));
    Diagnostics ok;
    CHECK_MESSAGE(parse_document("t.yaml", "a: " + std::string(63, '[') + "~" + std::string(63, ']') + "\n", ok),
                  all_messages(ok));
  }

  TEST_CASE("a limit met early gives way to a syntax error or a second document further on")
  {
    Diagnostics d;
    const std::string deep = "a: " + std::string(70, '[') + std::string(70, ']') + "\n";
    SUBCASE("syntax error")
    {
      CHECK_FALSE(parse_document("t.yaml", deep + "b: [1\n", d));
      CHECK_MESSAGE(has_message(d, "YAML syntax"), all_messages(d));
      CHECK_FALSE(has_message(d, "nesting"));
    }
    SUBCASE("second document")
    {
      CHECK_FALSE(parse_document("t.yaml", deep + "---\nb: 1\n", d));
      CHECK_MESSAGE(has_message(d, "t.yaml:2:1: error: a second YAML document"), all_messages(d));
    }
    SUBCASE("nothing else: the limit")
    {
      CHECK_FALSE(parse_document("t.yaml", deep, d));
      CHECK_MESSAGE(has_message(d, "t.yaml:1:68: error: nesting is deeper than 64 levels"), all_messages(d));
    }
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

  TEST_CASE("the text written in the file counts with the text that aliases copy")
  {
    // 1 MB of text and 15 copies of it: 16 MB, and the keys make it more.
    auto file = [](int uses) {
      std::string y = "format: x\nx-big: &big '" + std::string(1024 * 1024, 'x') + "'\nx-uses: [*big";
      for (int i = 1; i < uses; ++i) {
        y += ", *big";
      }
      return y + "]\n";
    };
    Diagnostics d;
    CHECK_FALSE(parse_document("t.yaml", file(15), d));
    CHECK_MESSAGE(has_message(d, "t.yaml:2:8: error: the file expands to more than 16777216 bytes of text"),
                  all_messages(d));
    Diagnostics ok;
    CHECK_MESSAGE(parse_document("t.yaml", file(14), ok), all_messages(ok));
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
    SUBCASE("an escape of four or eight hex digits near the start of the file")
    {
      // Each points at its backslash, however few bytes come before it.
      CHECK_FALSE(parse_document("t.yaml", "\"\\u0007\"\n", d));
      CHECK_MESSAGE(has_message(d, "t.yaml:1:2: error: control character U+0007"), all_messages(d));
      CHECK_FALSE(parse_document("t.yaml", "a: \"\\U0000001B\"\n", d));
      CHECK_MESSAGE(has_message(d, "t.yaml:1:5: error: control character U+001B"), all_messages(d));
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

  TEST_CASE("a syntax error reads in the run's language: the parser's English words are translated")
  {
    struct Case
    {
      std::string text;
      std::string en;
      std::string vi;
    };
    const std::vector<Case> cases{
      {"a: { b: 1\nc: 2\n", "did not find expected ',' or '}' while parsing a flow mapping",
       "không tìm thấy dấu “,” hoặc “}” khi đọc một nhóm khóa viết trong dấu ngoặc nhọn"},
      {"a:\n  b: 1\n c: 2\n", "did not find expected key while parsing a block mapping",
       "không tìm thấy khóa ở chỗ cần có khóa khi đọc một nhóm khóa"},
      {"a: b\n  c: d\n", "mapping values are not allowed in this context",
       "không được viết giá trị của khóa (sau dấu “:”) ở chỗ này"},
      {"a: *x\n", "the referenced anchor is not defined", "tham chiếu “*” tới một neo chưa định nghĩa"},
      {"a: \"\\q\"\n", "found unknown escape character while parsing a quoted scalar",
       "gặp ký tự thoát không hợp lệ sau dấu “\\” khi đọc một chuỗi trong dấu ngoặc kép"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.text);
      Diagnostics d;
      CHECK_FALSE(parse_document("t.yaml", c.text, d));
      REQUIRE(d.items().size() == 1);
      CHECK(format_diagnostic(d.items()[0], Lang{"en"}).find("YAML syntax: " + c.en) != std::string::npos);
      const std::string vi = format_diagnostic(d.items()[0], Lang{"vi"});
      CHECK_MESSAGE(vi.find("sai cú pháp YAML: " + c.vi) != std::string::npos, vi);
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
    SUBCASE("a bad escape, short: the parser's message, at the escape")
    {
      CHECK_FALSE(parse_document("t.yaml", "a: \"\\q\"\n", d));
      CHECK_MESSAGE(has_message(d, "t.yaml:1:5: error: YAML syntax: found unknown escape character while parsing a quoted scalar\n"),
                    all_messages(d));
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
