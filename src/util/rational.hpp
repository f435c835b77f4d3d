#pragma once
// Exact rational numbers: parsing YAML decimals, rounding and printing.
// Binary floating point appears only in `to_double`, the one way out of
// exact arithmetic for what must be a double.

#include <gmpxx.h>

#include <optional>
#include <string>
#include <string_view>

namespace ccn {

using Rational = mpq_class;

// Longest number literal accepted, in characters.
inline constexpr size_t k_max_number_chars = 40;
// Largest decimal exponent magnitude accepted (`2.5e11` has 11).
inline constexpr long k_max_exponent = 30;

// Most bits the numerator or the denominator of a number that evaluation
// computes may have. Numbers read from files have at most about 230; a
// measure squared again and again would otherwise take all memory.
inline constexpr size_t k_max_exact_bits = 10000;

// Outcome of reading a plain YAML scalar as a number.
struct NumberParse
{
  enum class Kind { ok, not_a_number, too_long, bad_exponent };
  Kind kind = Kind::not_a_number;
  Rational value;
  bool integral_syntax = false; // written without '.' or exponent
};

// Read `text` as a YAML 1.2 core-schema integer or decimal, exactly.
NumberParse parse_decimal(std::string_view text);

// `p/q` in lowest terms, or `p` when the denominator is 1.
std::string to_exact_string(const Rational& value);

// Round `value` to `decimals` places, half away from zero.
Rational round_half_away(const Rational& value, int decimals);

// Fixed-point text of `value` (already rounded to `decimals`), e.g. "85.30".
// With `trim`, trailing zeros and a bare point are dropped ("85.3", "20").
std::string to_decimal_string(const Rational& value, int decimals, bool trim = false);

// Text of a number for people: exact when it has at most 6 decimals, else
// rounded to 6 decimals and marked with "≈".
std::string number_text(const Rational& value);

// `10^exponent` as a rational (`exponent` may be negative).
Rational pow10(long exponent);

// Whether the numerator or the denominator of `value` has more than
// `k_max_exact_bits` bits.
bool exceeds_exact_bits(const Rational& value);

// The double nearest to `value` (ties to the even one), as IEEE 754
// rounding to nearest gives it: subnormal near zero, ±infinity beyond the
// largest double, -0.0 for a negative value too small for any double.
// The only conversion of an exact number to a double: the workbook's number
// cells and the SMAA sampling go through it. GMP's own `get_d` truncates
// toward zero, and text through strtod is only as exact as the text.
double to_double(const Rational& value);

// Whether `value` is a whole number.
bool is_integer(const Rational& value);

} // namespace ccn
