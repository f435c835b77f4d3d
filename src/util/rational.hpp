#pragma once
// Exact rational numbers: parsing YAML decimals, rounding and printing.
// Binary floating point appears only in `to_double`, the one way out of
// exact arithmetic for what must be a double.

#include <gmpxx.h>

#include <compare>
#include <concepts>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ccn {

// 128-bit integers (GCC's and Clang's), in which two 64-bit numbers
// multiply and add without overflow.
__extension__ typedef __int128 wide_int;
__extension__ typedef unsigned __int128 wide_uint;

// An exact rational number, always in lowest terms with a positive
// denominator. While the numerator and the denominator fit in 64 bits it
// computes with machine integers (products and sums in 128 bits, so that
// nothing can overflow unseen); a result that does not fit is held by GMP,
// and a GMP result that fits again goes back to machine integers. Scores,
// weights and the numbers of a round's files nearly always fit: the
// profile of `rank` put GMP's allocations and divisions at a tenth of the
// loading and scoring time.
class Rational
{
public:
  Rational() = default;
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  Rational(I value) // NOLINT: implicit, as an integer is a rational
  {
    if constexpr (std::is_unsigned_v<I> && sizeof(I) >= sizeof(std::int64_t)) {
      if (value > static_cast<std::uint64_t>(INT64_MAX)) {
        set_big(mpq_class(mpz_class(static_cast<unsigned long>(value))));
        return;
      }
    } else if constexpr (std::is_signed_v<I> && sizeof(I) >= sizeof(std::int64_t)) {
      if (value == INT64_MIN) {
        set_big(mpq_class(mpz_class(static_cast<long>(value))));
        return;
      }
    }
    m_num = static_cast<std::int64_t>(value);
  }
  explicit Rational(const mpz_class& value) { set_big(mpq_class(value)); }
  // `num / den`, put in lowest terms; `den` must not be 0.
  Rational(const mpz_class& num, const mpz_class& den);
  explicit Rational(const mpq_class& value)
  {
    mpq_class q(value);
    q.canonicalize(); // one made from a numerator and a denominator may not be
    set_big(std::move(q));
  }

  Rational(const Rational& other) : m_num(other.m_num), m_den(other.m_den)
  {
    if (other.m_big) {
      m_big = std::make_unique<mpq_class>(*other.m_big);
    }
  }
  Rational(Rational&&) noexcept = default;
  Rational& operator=(const Rational& other)
  {
    if (this != &other) {
      m_num = other.m_num;
      m_den = other.m_den;
      m_big = other.m_big ? std::make_unique<mpq_class>(*other.m_big) : nullptr;
    }
    return *this;
  }
  Rational& operator=(Rational&&) noexcept = default;
  ~Rational() = default;

  mpz_class get_num() const { return m_big ? mpz_class(m_big->get_num()) : mpz_class(static_cast<long>(m_num)); }
  mpz_class get_den() const { return m_big ? mpz_class(m_big->get_den()) : mpz_class(static_cast<long>(m_den)); }
  // The same number as GMP holds it.
  mpq_class mpq() const;
  // Whether it is held in machine integers, and then its numerator and
  // denominator.
  bool small() const { return !m_big; }
  std::int64_t small_num() const { return m_num; }
  std::int64_t small_den() const { return m_den; }

  // A sum held in GMP is added to in place, without a copy of its limbs:
  // a total over many relative criteria stays there (denominators grow).
  Rational& operator+=(const Rational& b);
  Rational& operator-=(const Rational& b);
  Rational& operator*=(const Rational& b) { return *this = *this * b; }
  Rational& operator/=(const Rational& b) { return *this = *this / b; }
  Rational operator-() const;
  Rational operator+() const { return *this; }

  friend Rational operator+(const Rational& a, const Rational& b);
  friend Rational operator-(const Rational& a, const Rational& b);
  friend Rational operator*(const Rational& a, const Rational& b);
  // `b` must not be 0.
  friend Rational operator/(const Rational& a, const Rational& b);
  friend bool operator==(const Rational& a, const Rational& b)
  {
    if (!a.m_big && !b.m_big) {
      return a.m_num == b.m_num && a.m_den == b.m_den;
    }
    return a.mpq() == b.mpq();
  }
  friend std::strong_ordering operator<=>(const Rational& a, const Rational& b);
  friend int sgn(const Rational& a);
  friend Rational abs(const Rational& a) { return sgn(a) < 0 ? -a : a; }
  friend int cmp(const Rational& a, const Rational& b)
  {
    const auto c = a <=> b;
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  friend std::ostream& operator<<(std::ostream& out, const Rational& a);

  // Whether it is a whole number.
  bool integer() const { return m_big ? m_big->get_den() == 1 : m_den == 1; }
  // The smallest integer not below it.
  mpz_class ceil() const;

  // `num / den` from 128-bit integers (`den` not 0), in lowest terms.
  static Rational from_wide(wide_int num, wide_int den);

private:
  // Holds `value`, in lowest terms already (as GMP's arithmetic leaves
  // it), in machine integers when it fits, else in GMP.
  void set_big(mpq_class value);
  // Back to machine integers when the number held in GMP fits them again.
  void fit_big();
  // `op` (mpq_add or mpq_sub) of this number, held in GMP, and `b`, in place.
  void big_in_place(void (*op)(mpq_ptr, mpq_srcptr, mpq_srcptr), const Rational& b);

  std::int64_t m_num = 0;
  std::int64_t m_den = 1;
  std::unique_ptr<mpq_class> m_big; // when set, m_num and m_den mean nothing
};

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
