#include "util/rational.hpp"

#include <charconv>
#include <cctype>
#include <cstdint>
#include <numeric>
#include <ostream>
#include <utility>
#include <cmath>
#include <limits>
#include <vector>

namespace ccn {

namespace {

bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}

using u128 = wide_uint;

int trailing_zeros(u128 x)
{
  const auto low = static_cast<std::uint64_t>(x);
  return low != 0 ? __builtin_ctzll(low) : 64 + __builtin_ctzll(static_cast<std::uint64_t>(x >> 64));
}

u128 gcd_wide(u128 a, u128 b)
{
  if ((a >> 64) == 0 && (b >> 64) == 0) {
    return std::gcd(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(b));
  }
  if (a == 0 || b == 0) {
    return a | b;
  }
  const int shift = trailing_zeros(a | b);
  a >>= trailing_zeros(a);
  do {
    b >>= trailing_zeros(b);
    if (a > b) {
      std::swap(a, b);
    }
    b -= a;
  } while (b != 0);
  return a << shift;
}

mpz_class mpz_from_wide(u128 v)
{
  mpz_class z(static_cast<unsigned long>(v >> 64));
  z <<= 64;
  z += static_cast<unsigned long>(v);
  return z;
}

// 10^n for n up to 18, as machine integers.
constexpr std::int64_t k_pow10[19] = {1,
                                      10,
                                      100,
                                      1000,
                                      10000,
                                      100000,
                                      1000000,
                                      10000000,
                                      100000000,
                                      1000000000,
                                      10000000000,
                                      100000000000,
                                      1000000000000,
                                      10000000000000,
                                      100000000000000,
                                      1000000000000000,
                                      10000000000000000,
                                      100000000000000000,
                                      1000000000000000000};

std::string wide_to_string(u128 v)
{
  if (v <= std::numeric_limits<std::uint64_t>::max()) {
    // A 64-bit division per digit, not a 128-bit one.
    char digits[24];
    return std::string(digits, std::to_chars(digits, digits + sizeof digits, static_cast<std::uint64_t>(v)).ptr);
  }
  char buf[48];
  char* end = buf + sizeof buf;
  char* p = end;
  do {
    *--p = static_cast<char>('0' + static_cast<int>(v % 10));
    v /= 10;
  } while (v != 0);
  return std::string(p, end);
}

} // namespace

Rational::Rational(const mpz_class& num, const mpz_class& den)
{
  mpq_class q(num, den);
  q.canonicalize();
  set_big(std::move(q));
}

namespace {

// Whether a number in lowest terms fits the 64-bit form (whose numerator
// is never INT64_MIN, so that negating it stays in range).
bool fits_machine(mpz_srcptr num, mpz_srcptr den)
{
  return mpz_fits_slong_p(num) != 0 && mpz_fits_slong_p(den) != 0 && mpz_cmp_si(num, INT64_MIN) != 0;
}

} // namespace

void Rational::set_big(mpq_class value)
{
  mpz_srcptr num = value.get_num_mpz_t();
  mpz_srcptr den = value.get_den_mpz_t();
  if (fits_machine(num, den)) {
    m_num = mpz_get_si(num);
    m_den = mpz_get_si(den);
    m_big.reset();
    return;
  }
  m_big = std::make_unique<mpq_class>(std::move(value));
}

void Rational::fit_big()
{
  mpz_srcptr num = mpq_numref(m_big->get_mpq_t());
  mpz_srcptr den = mpq_denref(m_big->get_mpq_t());
  if (fits_machine(num, den)) {
    m_num = mpz_get_si(num);
    m_den = mpz_get_si(den);
    m_big.reset();
  }
}

void Rational::big_in_place(void (*op)(mpq_ptr, mpq_srcptr, mpq_srcptr), const Rational& b)
{
  if (b.m_big) {
    op(m_big->get_mpq_t(), m_big->get_mpq_t(), b.m_big->get_mpq_t());
  } else {
    mpq_class q;
    mpq_set_si(q.get_mpq_t(), b.m_num, static_cast<unsigned long>(b.m_den));
    op(m_big->get_mpq_t(), m_big->get_mpq_t(), q.get_mpq_t());
  }
  fit_big();
}

Rational& Rational::operator+=(const Rational& b)
{
  if (!m_big) {
    return *this = *this + b;
  }
  big_in_place(mpq_add, b);
  return *this;
}

Rational& Rational::operator-=(const Rational& b)
{
  if (!m_big) {
    return *this = *this - b;
  }
  big_in_place(mpq_sub, b);
  return *this;
}

mpq_class Rational::mpq() const
{
  if (m_big) {
    return *m_big;
  }
  mpq_class q;
  mpq_set_si(q.get_mpq_t(), m_num, static_cast<unsigned long>(m_den));
  return q;
}

Rational Rational::from_wide(wide_int num, wide_int den)
{
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const bool negative = num < 0;
  u128 n = negative ? -static_cast<u128>(num) : static_cast<u128>(num);
  u128 d = static_cast<u128>(den);
  if ((n >> 64) == 0 && (d >> 64) == 0) {
    auto n64 = static_cast<std::uint64_t>(n);
    auto d64 = static_cast<std::uint64_t>(d);
    // Sums of whole points stay whole: no gcd. Otherwise one division first
    // brings the numerator below the denominator, which is most often small,
    // so the binary gcd that follows takes a few steps, not one per bit.
    const std::uint64_t g = d64 == 1 ? 1 : std::gcd(d64, n64 % d64);
    if (g > 1) {
      n64 /= g;
      d64 /= g;
    }
    n = n64;
    d = d64;
  } else {
    const u128 g = gcd_wide(n, d);
    if (g > 1) {
      n /= g;
      d /= g;
    }
  }
  Rational r;
  if (n <= static_cast<u128>(INT64_MAX) && d <= static_cast<u128>(INT64_MAX)) {
    r.m_num = negative ? -static_cast<std::int64_t>(n) : static_cast<std::int64_t>(n);
    r.m_den = static_cast<std::int64_t>(d);
    return r;
  }
  mpz_class big_num = mpz_from_wide(n);
  if (negative) {
    big_num = -big_num;
  }
  r.m_big = std::make_unique<mpq_class>(big_num, mpz_from_wide(d)); // already in lowest terms
  return r;
}

Rational Rational::operator-() const
{
  if (!m_big) {
    Rational r;
    r.m_num = -m_num;
    r.m_den = m_den;
    return r;
  }
  Rational r;
  r.set_big(-*m_big);
  return r;
}

Rational operator+(const Rational& a, const Rational& b)
{
  if (!a.m_big && !b.m_big) {
    if (a.m_den == b.m_den) {
      return Rational::from_wide(static_cast<wide_int>(a.m_num) + b.m_num, a.m_den);
    }
    return Rational::from_wide(static_cast<wide_int>(a.m_num) * b.m_den + static_cast<wide_int>(b.m_num) * a.m_den,
                               static_cast<wide_int>(a.m_den) * b.m_den);
  }
  Rational r;
  r.set_big(a.mpq() + b.mpq());
  return r;
}

Rational operator-(const Rational& a, const Rational& b)
{
  if (!a.m_big && !b.m_big) {
    if (a.m_den == b.m_den) {
      return Rational::from_wide(static_cast<wide_int>(a.m_num) - b.m_num, a.m_den);
    }
    return Rational::from_wide(static_cast<wide_int>(a.m_num) * b.m_den - static_cast<wide_int>(b.m_num) * a.m_den,
                               static_cast<wide_int>(a.m_den) * b.m_den);
  }
  Rational r;
  r.set_big(a.mpq() - b.mpq());
  return r;
}

Rational operator*(const Rational& a, const Rational& b)
{
  if (!a.m_big && !b.m_big) {
    return Rational::from_wide(static_cast<wide_int>(a.m_num) * b.m_num, static_cast<wide_int>(a.m_den) * b.m_den);
  }
  Rational r;
  r.set_big(a.mpq() * b.mpq());
  return r;
}

Rational operator/(const Rational& a, const Rational& b)
{
  if (!a.m_big && !b.m_big && b.m_num != 0) {
    return Rational::from_wide(static_cast<wide_int>(a.m_num) * b.m_den, static_cast<wide_int>(a.m_den) * b.m_num);
  }
  Rational r;
  r.set_big(a.mpq() / b.mpq()); // by 0: GMP's own division by zero
  return r;
}

std::strong_ordering operator<=>(const Rational& a, const Rational& b)
{
  if (!a.m_big && !b.m_big) {
    return static_cast<wide_int>(a.m_num) * b.m_den <=> static_cast<wide_int>(b.m_num) * a.m_den;
  }
  const int c = cmp(a.mpq(), b.mpq());
  return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
}

int sgn(const Rational& a)
{
  if (a.m_big) {
    return sgn(*a.m_big);
  }
  return (a.m_num > 0) - (a.m_num < 0);
}

std::ostream& operator<<(std::ostream& out, const Rational& a)
{
  return out << a.mpq();
}

mpz_class Rational::ceil() const
{
  if (!m_big) {
    std::int64_t q = m_num / m_den;
    if (m_num % m_den != 0 && m_num > 0) {
      ++q;
    }
    return mpz_class(static_cast<long>(q));
  }
  mpz_class out;
  mpz_cdiv_q(out.get_mpz_t(), m_big->get_num_mpz_t(), m_big->get_den_mpz_t());
  return out;
}

// 10^n as an integer; small powers are computed once.
const mpz_class& pow10_int(unsigned long n)
{
  static const std::vector<mpz_class> k_small = [] {
    std::vector<mpz_class> v(128);
    for (unsigned long i = 0; i < v.size(); ++i) {
      mpz_ui_pow_ui(v[i].get_mpz_t(), 10, i);
    }
    return v;
  }();
  if (n < k_small.size()) {
    return k_small[n];
  }
  thread_local mpz_class big;
  mpz_ui_pow_ui(big.get_mpz_t(), 10, n);
  return big;
}

Rational pow10(long exponent)
{
  const mpz_class& p = pow10_int(static_cast<unsigned long>(exponent < 0 ? -exponent : exponent));
  return exponent < 0 ? Rational(mpz_class(1), p) : Rational(p);
}

NumberParse parse_decimal(std::string_view text)
{
  NumberParse out;
  size_t i = 0;
  const size_t n = text.size();
  bool negative = false;
  if (i < n && (text[i] == '+' || text[i] == '-')) {
    negative = text[i] == '-';
    ++i;
  }
  std::string digits;
  size_t int_digits = 0;
  size_t frac_digits = 0;
  while (i < n && is_digit(text[i])) {
    digits += text[i++];
    ++int_digits;
  }
  bool has_point = false;
  if (i < n && text[i] == '.') {
    has_point = true;
    ++i;
    while (i < n && is_digit(text[i])) {
      digits += text[i++];
      ++frac_digits;
    }
  }
  if (int_digits + frac_digits == 0) {
    return out;
  }
  bool has_exp = false;
  long exponent = 0;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    has_exp = true;
    ++i;
    bool exp_negative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) {
      exp_negative = text[i] == '-';
      ++i;
    }
    size_t exp_digits = 0;
    while (i < n && is_digit(text[i])) {
      if (exponent < 1000000) {
        exponent = exponent * 10 + (text[i] - '0');
      }
      ++i;
      ++exp_digits;
    }
    if (exp_digits == 0) {
      return out;
    }
    if (exp_negative) {
      exponent = -exponent;
    }
  }
  if (i != n) {
    return out;
  }
  if (text.size() > k_max_number_chars) {
    out.kind = NumberParse::Kind::too_long;
    return out;
  }
  if (exponent > k_max_exponent || exponent < -k_max_exponent) {
    out.kind = NumberParse::Kind::bad_exponent;
    return out;
  }
  size_t first_nonzero = digits.find_first_not_of('0');
  std::string_view significant =
    first_nonzero == std::string::npos ? std::string_view("0") : std::string_view(digits).substr(first_nonzero);
  const long shift = exponent - static_cast<long>(frac_digits);
  out.integral_syntax = !has_point && !has_exp;
  out.kind = NumberParse::Kind::ok;
  if (significant.size() <= 18 && shift >= -18 && shift <= 18) { // machine integers all through
    std::int64_t m = 0;
    for (char c : significant) {
      m = m * 10 + (c - '0');
    }
    if (negative) {
      m = -m;
    }
    const std::int64_t scale = k_pow10[shift < 0 ? -shift : shift];
    out.value = shift >= 0 ? Rational::from_wide(static_cast<wide_int>(m) * scale, 1) : Rational::from_wide(m, scale);
    return out;
  }
  mpz_class mantissa;
  {
    mantissa.set_str(std::string(significant), 10);
  }
  if (negative) {
    mantissa = -mantissa;
  }
  if (shift >= 0) {
    out.value = Rational(mpz_class(mantissa * pow10_int(static_cast<unsigned long>(shift))));
  } else {
    out.value = Rational(mantissa, pow10_int(static_cast<unsigned long>(-shift)));
  }
  return out;
}

std::string to_exact_string(const Rational& value)
{
  if (value.small()) {
    std::string out = std::to_string(value.small_num());
    if (value.small_den() != 1) {
      out += '/';
      out += std::to_string(value.small_den());
    }
    return out;
  }
  const mpz_class num = value.get_num();
  const mpz_class den = value.get_den();
  if (den == 1) {
    return num.get_str();
  }
  return num.get_str() + "/" + den.get_str();
}

Rational round_half_away(const Rational& value, int decimals)
{
  if (value.small() && decimals >= 0 && decimals <= 18) {
    // |num| < 2^63 and scale < 2^60: 2 |num| scale + den < 2^125.
    const std::int64_t num = value.small_num();
    const auto den = static_cast<u128>(value.small_den());
    const auto scale = static_cast<u128>(k_pow10[decimals]);
    const u128 magnitude = num < 0 ? -static_cast<u128>(static_cast<wide_int>(num)) : static_cast<u128>(num);
    const u128 whole = (magnitude * scale * 2 + den) / (den * 2);
    const auto signed_whole = static_cast<wide_int>(whole);
    return Rational::from_wide(num < 0 ? -signed_whole : signed_whole, static_cast<wide_int>(scale));
  }
  const mpz_class& scale = pow10_int(static_cast<unsigned long>(decimals));
  const mpz_class den = value.get_den();
  // floor((|num| × scale + den / 2) / den) = floor((2 |num| scale + den) / (2 den))
  mpz_class top = abs(value.get_num()) * scale * 2 + den;
  mpz_class whole;
  mpz_class twice_den = den * 2;
  mpz_fdiv_q(whole.get_mpz_t(), top.get_mpz_t(), twice_den.get_mpz_t());
  if (value < 0) {
    whole = -whole;
  }
  return Rational(whole, scale);
}

std::string to_decimal_string(const Rational& value, int decimals, bool trim)
{
  // The digits of |value| × 10^decimals, truncated, then the point put
  // in: one string built, none for the parts.
  std::string digits;
  bool zero = false;
  if (value.small() && decimals >= 0 && decimals <= 18) {
    const std::int64_t num = value.small_num();
    const u128 magnitude = num < 0 ? -static_cast<u128>(static_cast<wide_int>(num)) : static_cast<u128>(num);
    const u128 whole = magnitude * static_cast<u128>(k_pow10[decimals]) / static_cast<u128>(value.small_den());
    digits = wide_to_string(whole);
    zero = whole == 0;
  } else {
    const mpz_class den = value.get_den();
    mpz_class whole = abs(value.get_num()) * pow10_int(static_cast<unsigned long>(decimals));
    mpz_tdiv_q(whole.get_mpz_t(), whole.get_mpz_t(), den.get_mpz_t());
    digits = whole.get_str();
    zero = whole == 0;
  }
  const auto places = static_cast<size_t>(decimals);
  if (digits.size() <= places) {
    digits.insert(0, places + 1 - digits.size(), '0');
  }
  const size_t point = digits.size() - places;
  size_t end = digits.size();
  if (trim) {
    while (end > point && digits[end - 1] == '0') {
      --end;
    }
  }
  std::string out;
  out.reserve(end + 2);
  if (sgn(value) < 0 && !zero) {
    out += '-';
  }
  out.append(digits, 0, point);
  if (end > point) {
    out += '.';
    out.append(digits, point, end - point);
  }
  return out;
}

std::string number_text(const Rational& value)
{
  if (value.integer()) {
    return to_exact_string(value);
  }
  const bool six_decimals = value.small() ? k_pow10[6] % value.small_den() == 0
                                          : mpz_divisible_p(pow10_int(6).get_mpz_t(), value.get_den().get_mpz_t()) != 0;
  if (six_decimals) {
    return to_decimal_string(value, 6, true);
  }
  Rational r = round_half_away(value, 6);
  std::string s = to_decimal_string(r, 6, true);
  return r == value ? s : "≈" + s;
}

double to_double(const Rational& value)
{
  const int sign = sgn(value);
  if (sign == 0) {
    return 0.0;
  }
  const mpz_class num = abs(value.get_num());
  const mpz_class den = value.get_den();
  // |value| lies in [2^(bits - 1), 2^(bits + 1)).
  const long bits = static_cast<long>(mpz_sizeinbase(num.get_mpz_t(), 2))
                    - static_cast<long>(mpz_sizeinbase(den.get_mpz_t(), 2));
  constexpr int k_digits = std::numeric_limits<double>::digits;         // 53
  constexpr long k_min_exponent = std::numeric_limits<double>::min_exponent - k_digits; // -1074
  if (bits > std::numeric_limits<double>::max_exponent + 1) {
    return std::copysign(std::numeric_limits<double>::infinity(), sign);
  }
  if (bits < k_min_exponent - 1) { // below half the smallest subnormal
    return std::copysign(0.0, sign);
  }
  // |value| = (q + r / d) × 2^e with q of 53 bits, or fewer when subnormal.
  auto quotient = [&](long e, mpz_class& q, mpz_class& r, mpz_class& d) {
    mpz_class n = num;
    d = den;
    if (e >= 0) {
      d <<= static_cast<mp_bitcnt_t>(e);
    } else {
      n <<= static_cast<mp_bitcnt_t>(-e);
    }
    mpz_fdiv_qr(q.get_mpz_t(), r.get_mpz_t(), n.get_mpz_t(), d.get_mpz_t());
  };
  long e = std::max(bits - k_digits, k_min_exponent);
  mpz_class q;
  mpz_class r;
  mpz_class d;
  quotient(e, q, r, d);
  if (mpz_sizeinbase(q.get_mpz_t(), 2) > static_cast<size_t>(k_digits)) {
    quotient(++e, q, r, d);
  }
  const int half = cmp(r * 2, d);
  if (half > 0 || (half == 0 && mpz_odd_p(q.get_mpz_t()) != 0)) {
    ++q; // 2^53 at most, still exact as a double
  }
  // Exact but for overflow, which gives infinity as rounding to nearest does.
  return std::copysign(std::ldexp(q.get_d(), static_cast<int>(e)), sign);
}

bool is_integer(const Rational& value)
{
  return value.integer();
}

bool exceeds_exact_bits(const Rational& value)
{
  if (value.small()) {
    return false; // 64 bits at most
  }
  const mpq_class q = value.mpq();
  return mpz_sizeinbase(q.get_num_mpz_t(), 2) > k_max_exact_bits
         || mpz_sizeinbase(q.get_den_mpz_t(), 2) > k_max_exact_bits;
}

} // namespace ccn
