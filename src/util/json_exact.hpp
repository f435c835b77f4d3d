#pragma once
// JSON whose numbers keep their exact decimal text. nlohmann-json holds a
// number as a double, which keeps about 16 digits; a result may need 40.
// Here an exact number is a binary value of the tree (subtype
// `k_exact_number`) holding the number's text, which the writer puts out as
// a plain JSON number and the reader makes from one, so that `==` compares
// two numbers exactly.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace ccn {

// The binary subtype that marks an exact number.
inline constexpr std::uint64_t k_exact_number = 0x4e; // 'N'

// A JSON number written as `text`, a decimal such as "894736842179.263158".
nlohmann::ordered_json exact_number(std::string_view text);

// `value` as nlohmann-json's `dump(2)` writes it, with each exact number
// written as its text.
std::string dump_exact(const nlohmann::ordered_json& value);

// Deepest nesting of arrays and objects that parse_exact reads: a result
// nests a few levels, and comparing or writing a value recurses as deep as
// it nests, so that a deeper one would overflow the stack.
inline constexpr size_t k_max_json_depth = 64;

// Most values (numbers, strings, lists, objects...) that parse_exact reads:
// each takes memory far beyond its bytes, and a result of 300 applicants
// and 40 members holds some 200000.
inline constexpr size_t k_max_json_values = 2000000;

// Why a text is not read as JSON.
struct JsonProblem
{
  size_t line = 0;   // where its syntax breaks, 1-based; 0 when it does not
  size_t column = 0; // in characters
  bool too_deep = false; // it nests deeper than k_max_json_depth
  bool too_many = false; // it holds more than k_max_json_values values
};

// Parse the JSON `text`; every number becomes an exact number in canonical
// form ("48.50", "4.85e1" and "48.5" all become "48.5"). A value that is
// discarded when `text` is not JSON, nests too deep or holds more than
// `max_values` values, and then why in `problem` when given.
nlohmann::json parse_exact(std::string_view text, JsonProblem* problem = nullptr,
                           size_t max_values = k_max_json_values);

// An exact number's text, a string's text, or any other value's JSON, for
// a message.
std::string exact_text(const nlohmann::json& value);

} // namespace ccn
