#pragma once
// JSON written as a stream into one string, byte for byte as `dump_exact`
// (util/json_exact.hpp) writes the same tree: nlohmann-json's `dump(2)`
// layout, strings escaped as nlohmann escapes them, exact numbers as their
// text. No tree is built: a result of thousands of values costs no
// allocation per value.

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ccn {

// `text` as a JSON string appended to `out`, as nlohmann-json writes it
// (UTF-8 as it is; a quote, a backslash and control characters escaped).
// Throws nlohmann's type_error, as nlohmann does, when `text` is not UTF-8.
void write_json_string(std::string_view text, std::string& out);

class JsonWriter
{
public:
  // Writes into `out`, after what it holds already.
  explicit JsonWriter(std::string& out) : m_out(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // The key of the next member of the open object.
  void key(std::string_view name);

  void string(std::string_view text);
  // A JSON number written as `text`, a decimal such as "894736842179.263158".
  void exact_number(std::string_view text);
  void integer(std::int64_t value);
  void unsigned_integer(std::uint64_t value);
  void boolean(bool value);
  void null();

  // A key and its value, the common case.
  void member(std::string_view name, std::string_view text)
  {
    key(name);
    string(text);
  }
  void member(std::string_view name, const char* text) { member(name, std::string_view(text)); }
  // Only a bool: a number or a pointer would turn into `true` unseen.
  template <class Bool>
    requires std::same_as<Bool, bool>
  void member(std::string_view name, Bool value)
  {
    key(name);
    boolean(value);
  }
  void exact_member(std::string_view name, std::string_view text)
  {
    key(name);
    exact_number(text);
  }

private:
  void open(char bracket);
  void close(char bracket);
  // Before a value: the line break and indentation of an array's item, or
  // nothing after a key.
  void before_value();

  std::string& m_out;
  std::vector<size_t> m_items; // per open container, the values written in it
  bool m_after_key = false;
};

} // namespace ccn
