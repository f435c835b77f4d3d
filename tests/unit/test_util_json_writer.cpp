#include "util/json_writer.hpp"

#include "util/json_exact.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

using namespace ccn;

namespace {

using Json = nlohmann::ordered_json;

// A small generator of its own, so that every run draws the same trees.
class Draw
{
public:
  explicit Draw(unsigned long seed) : m_state(seed) {}
  unsigned long below(unsigned long n)
  {
    m_state = m_state * 6364136223846793005UL + 1442695040888963407UL;
    return (m_state >> 33) % n;
  }

private:
  unsigned long m_state;
};

// A text of ASCII (control characters, quotes and backslashes included)
// and valid UTF-8.
std::string random_text(Draw& d)
{
  const std::string pieces[] = {"à", "Đ", "ữ", "→", "≈", "😀", "\"", "\\", "\n", "\x01", "\x7f", " "};
  std::string text;
  for (unsigned long k = d.below(24); k > 0; --k) {
    text += d.below(2) == 0 ? std::string(1, static_cast<char>(d.below(0x80))) : pieces[d.below(std::size(pieces))];
  }
  return text;
}

const char* const k_numbers[] = {"0", "-1", "48.5", "894736842105263157894736842105.263158", "1e-30", "100"};

Json random_tree(Draw& d, int depth)
{
  switch (d.below(depth > 4 ? 7 : 10)) {
  case 0:
    return random_text(d);
  case 1:
    return exact_number(k_numbers[d.below(std::size(k_numbers))]);
  case 2:
    return static_cast<std::int64_t>(d.below(2000000)) - 1000000;
  case 3:
    return std::uint64_t{18446744073709551615U} - d.below(3);
  case 4:
    return d.below(2) == 0;
  case 5:
    return nullptr;
  case 6:
    return "";
  case 7:
  case 8: {
    Json object = Json::object();
    for (unsigned long n = d.below(5); n > 0; --n) {
      object[random_text(d)] = random_tree(d, depth + 1);
    }
    return object;
  }
  default: {
    Json array = Json::array();
    for (unsigned long n = d.below(5); n > 0; --n) {
      array.push_back(random_tree(d, depth + 1));
    }
    return array;
  }
  }
}

// Whether `value` holds an exact number anywhere.
bool has_exact(const Json& value)
{
  if (value.is_binary()) {
    return true;
  }
  if (value.is_structured()) {
    for (const auto& item : value) {
      if (has_exact(item)) {
        return true;
      }
    }
  }
  return false;
}

// Whether JsonWriter::member takes a `T`.
template <class T>
concept member_value = requires(JsonWriter& w, T value) { w.member("a", value); };

// `value` written through the writer, value by value.
void write(const Json& value, JsonWriter& w)
{
  if (value.is_object()) {
    w.begin_object();
    for (auto it = value.begin(); it != value.end(); ++it) {
      w.key(it.key());
      write(it.value(), w);
    }
    w.end_object();
  } else if (value.is_array()) {
    w.begin_array();
    for (const auto& item : value) {
      write(item, w);
    }
    w.end_array();
  } else if (value.is_binary()) {
    const auto& bytes = value.get_binary();
    w.exact_number(std::string(bytes.begin(), bytes.end()));
  } else if (value.is_string()) {
    w.string(value.get_ref<const std::string&>());
  } else if (value.is_boolean()) {
    w.boolean(value.get<bool>());
  } else if (value.is_null()) {
    w.null();
  } else if (value.is_number_unsigned()) {
    w.unsigned_integer(value.get<std::uint64_t>());
  } else {
    w.integer(value.get<std::int64_t>());
  }
}

} // namespace

TEST_SUITE("util/json_writer")
{
  TEST_CASE("random trees are written byte for byte as dump_exact writes them")
  {
    Draw d(12);
    int containers = 0;
    int plain = 0;
    for (int i = 0; i < 2000; ++i) {
      Json tree = random_tree(d, 0);
      containers += tree.is_structured() ? 1 : 0;
      std::string out;
      JsonWriter w(out);
      write(tree, w);
      CAPTURE(i);
      REQUIRE(out == dump_exact(tree));
      // dump_exact writes texts with the writer's own escaping: a tree of
      // no exact number is held to nlohmann-json's own writing too, so that
      // a fault of that escaping cannot pass unseen.
      if (!has_exact(tree)) {
        ++plain;
        REQUIRE(out == tree.dump(2));
      }
    }
    CHECK(containers > 500);
    CHECK(plain > 500);
  }

  TEST_CASE("empty containers are written closed on one line, nested ones indented")
  {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.key("a");
    w.begin_array();
    w.end_array();
    w.key("b");
    w.begin_object();
    w.end_object();
    w.key("c");
    w.begin_array();
    w.integer(-3);
    w.begin_array();
    w.end_array();
    w.end_array();
    w.member("d", "x");
    w.member("e", true);
    w.exact_member("f", "1.50");
    w.end_object();
    CHECK(out == "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    -3,\n    []\n  ],\n  \"d\": \"x\",\n"
                 "  \"e\": true,\n  \"f\": 1.50\n}");
  }

  TEST_CASE("a member is a text, an exact number or a bool, never a number or pointer turned bool")
  {
    static_assert(member_value<bool>);
    static_assert(member_value<const std::string&>);
    static_assert(member_value<const char*>);
    static_assert(!member_value<int>);
    static_assert(!member_value<const std::string*>);
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.member("a", false);
    w.end_object();
    CHECK(out == "{\n  \"a\": false\n}");
  }

  TEST_CASE("the writer appends to what the string holds")
  {
    std::string out = "prefix ";
    JsonWriter w(out);
    w.string("a");
    CHECK(out == "prefix \"a\"");
  }

  TEST_CASE("text that is not UTF-8 is refused as nlohmann-json refuses it")
  {
    std::string out;
    JsonWriter w(out);
    w.begin_array();
    CHECK_THROWS_AS(w.string("broken \xc3"), nlohmann::json::type_error);
    CHECK_THROWS_AS(write_json_string("\xff", out), nlohmann::json::type_error);
  }
}
