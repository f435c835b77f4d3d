#include "util/rational.hpp"

#include <cctype>
#include <cmath>
#include <limits>
#include <vector>

namespace ccn {

namespace {

bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}

} // namespace

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
  Rational r = exponent < 0 ? Rational(mpz_class(1), p) : Rational(p);
  r.canonicalize();
  return r;
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
  mpz_class mantissa;
  if (significant.size() <= 18) { // fits a long: no text conversion by GMP
    long m = 0;
    for (char c : significant) {
      m = m * 10 + (c - '0');
    }
    mantissa = m;
  } else {
    mantissa.set_str(std::string(significant), 10);
  }
  if (negative) {
    mantissa = -mantissa;
  }
  const long shift = exponent - static_cast<long>(frac_digits);
  if (shift >= 0) {
    out.value = Rational(mantissa * pow10_int(static_cast<unsigned long>(shift)));
  } else {
    out.value = Rational(mantissa, pow10_int(static_cast<unsigned long>(-shift)));
    out.value.canonicalize();
  }
  out.integral_syntax = !has_point && !has_exp;
  out.kind = NumberParse::Kind::ok;
  return out;
}

std::string to_exact_string(const Rational& value)
{
  Rational v = value;
  v.canonicalize();
  if (v.get_den() == 1) {
    return v.get_num().get_str();
  }
  return v.get_num().get_str() + "/" + v.get_den().get_str();
}

Rational round_half_away(const Rational& value, int decimals)
{
  const mpz_class& scale = pow10_int(static_cast<unsigned long>(decimals));
  const mpz_class& den = value.get_den();
  // floor((|num| × scale + den / 2) / den) = floor((2 |num| scale + den) / (2 den))
  mpz_class top = abs(value.get_num()) * scale * 2 + den;
  mpz_class whole;
  mpz_class twice_den = den * 2;
  mpz_fdiv_q(whole.get_mpz_t(), top.get_mpz_t(), twice_den.get_mpz_t());
  if (value < 0) {
    whole = -whole;
  }
  Rational out(whole, scale);
  out.canonicalize();
  return out;
}

std::string to_decimal_string(const Rational& value, int decimals, bool trim)
{
  mpz_class whole = abs(value.get_num()) * pow10_int(static_cast<unsigned long>(decimals));
  mpz_tdiv_q(whole.get_mpz_t(), whole.get_mpz_t(), value.get_den_mpz_t());
  std::string digits = whole.get_str();
  if (digits.size() <= static_cast<size_t>(decimals)) {
    digits.insert(0, static_cast<size_t>(decimals) + 1 - digits.size(), '0');
  }
  std::string int_part = digits.substr(0, digits.size() - static_cast<size_t>(decimals));
  std::string frac_part = digits.substr(digits.size() - static_cast<size_t>(decimals));
  if (trim) {
    while (!frac_part.empty() && frac_part.back() == '0') {
      frac_part.pop_back();
    }
  }
  std::string out = (value < 0 && whole != 0) ? "-" : "";
  out += int_part;
  if (!frac_part.empty()) {
    out += '.';
    out += frac_part;
  }
  return out;
}

std::string number_text(const Rational& value)
{
  if (value.get_den() == 1) {
    return value.get_num().get_str();
  }
  if (mpz_divisible_p(pow10_int(6).get_mpz_t(), value.get_den_mpz_t()) != 0) {
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
  const mpz_class& den = value.get_den();
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
  return value.get_den() == 1;
}

bool exceeds_exact_bits(const Rational& value)
{
  return mpz_sizeinbase(value.get_num_mpz_t(), 2) > k_max_exact_bits
         || mpz_sizeinbase(value.get_den_mpz_t(), 2) > k_max_exact_bits;
}

} // namespace ccn
