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

// Parse the JSON `text`; every number becomes an exact number in canonical
// form ("48.50", "4.85e1" and "48.5" all become "48.5"). A value that is
// discarded when `text` is not JSON.
nlohmann::json parse_exact(std::string_view text);

// An exact number's text, a string's text, or any other value's JSON, for
// a message.
std::string exact_text(const nlohmann::json& value);

} // namespace ccn
