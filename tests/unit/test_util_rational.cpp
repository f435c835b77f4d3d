#include "helpers.hpp"
#include "util/rational.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <limits>

using namespace ccn;
using namespace ccn::test;

namespace {

// 2^e exactly, for any sign of `e`.
Rational pow2(long e)
{
  mpz_class p;
  mpz_ui_pow_ui(p.get_mpz_t(), 2, static_cast<unsigned long>(std::labs(e)));
  return e < 0 ? Rational(mpz_class(1), p) : Rational(p);
}


// Numbers of every size that matters to the machine-integer form: small,
// near 2^31, near 2^62 and 2^63 (where products and sums leave 64 bits),
// and far beyond.
struct NumberSource
{
  unsigned long state = 1;

  unsigned long next()
  {
    state = state * 6364136223846793005UL + 1442695040888963407UL;
    return state >> 11;
  }

  mpz_class integer()
  {
    mpz_class z;
    switch (next() % 6) {
    case 0:
      z = static_cast<long>(next() % 21) - 10;
      break;
    case 1:
      z = static_cast<long>(next() % 2000001) - 1000000;
      break;
    case 2: // near 2^31
      z = mpz_class(1) << 31;
      z += static_cast<long>(next() % 7) - 3;
      break;
    case 3: // near 2^62 and 2^63
      z = mpz_class(1) << (62 + next() % 2);
      z += static_cast<long>(next() % 9) - 4;
      break;
    case 4: // a full 64-bit pattern
      z = static_cast<unsigned long>(next()) ^ (static_cast<unsigned long>(next()) << 21);
      break;
    default: // beyond 64 bits
      z = static_cast<unsigned long>(next());
      z <<= static_cast<mp_bitcnt_t>(next() % 100);
      z += static_cast<unsigned long>(next());
      break;
    }
    return next() % 2 == 0 ? mpz_class(-z) : z;
  }

  mpq_class rational()
  {
    mpz_class den = integer();
    if (den == 0 || next() % 3 == 0) {
      den = static_cast<long>(1 + next() % 12);
    }
    mpq_class q(integer(), den);
    q.canonicalize();
    return q;
  }
};

bool fits_machine(const mpq_class& q)
{
  return mpz_fits_slong_p(q.get_num_mpz_t()) != 0 && mpz_fits_slong_p(q.get_den_mpz_t()) != 0
         && q.get_num() != mpz_class(std::numeric_limits<long>::min());
}

// The reference rounding and printing, in GMP's numbers alone.
mpq_class rounded(const mpq_class& q, int decimals)
{
  mpz_class scale;
  mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(decimals));
  mpz_class top = abs(q.get_num()) * scale * 2 + q.get_den();
  mpz_class twice_den = q.get_den() * 2;
  mpz_class whole;
  mpz_fdiv_q(whole.get_mpz_t(), top.get_mpz_t(), twice_den.get_mpz_t());
  mpq_class out(sgn(q) < 0 ? mpz_class(-whole) : whole, scale);
  out.canonicalize();
  return out;
}

std::string decimal_text(const mpq_class& q, int decimals)
{
  mpz_class scale;
  mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(decimals));
  mpz_class whole = abs(q.get_num()) * scale;
  mpz_tdiv_q(whole.get_mpz_t(), whole.get_mpz_t(), q.get_den_mpz_t());
  std::string digits = whole.get_str();
  if (digits.size() <= static_cast<size_t>(decimals)) {
    digits.insert(0, static_cast<size_t>(decimals) + 1 - digits.size(), '0');
  }
  std::string out = sgn(q) < 0 && whole != 0 ? "-" : "";
  out += digits.substr(0, digits.size() - static_cast<size_t>(decimals));
  if (decimals > 0) {
    out += "." + digits.substr(digits.size() - static_cast<size_t>(decimals));
  }
  return out;
}
} // namespace

TEST_SUITE("util/rational")
{
  TEST_CASE("decimals are read exactly")
  {
    CHECK(parse_decimal("0.1").value == ratio(1, 10));
    CHECK(parse_decimal("2.5e11").value == Rational(250000000000L));
    CHECK(parse_decimal("-3").value == Rational(-3));
    CHECK(parse_decimal("+12.50").value == ratio(25, 2));
    CHECK(parse_decimal(".5").value == ratio(1, 2));
    CHECK(parse_decimal("5.").value == Rational(5));
    CHECK(parse_decimal("1E-2").value == ratio(1, 100));
    SUBCASE("010 is ten, not octal")
    {
      CHECK(parse_decimal("010").value == Rational(10));
      CHECK(parse_decimal("010").integral_syntax);
    }
  }

  TEST_CASE("forms outside the core schema are not numbers")
  {
    for (const char* text : {"0x1F", "0o17", "1_000", "1:30", ".nan", ".inf", "85,5", "1.000.000", "", "-", "1e",
                             "e5", "12a", " 1"}) {
      CAPTURE(text);
      CHECK(parse_decimal(text).kind == NumberParse::Kind::not_a_number);
    }
  }

  TEST_CASE("very long numbers and huge exponents are refused")
  {
    CHECK(parse_decimal(std::string(5000, '9')).kind == NumberParse::Kind::too_long);
    CHECK(parse_decimal("1e999999999").kind == NumberParse::Kind::bad_exponent);
    CHECK(parse_decimal("1e30").kind == NumberParse::Kind::ok);
  }

  TEST_CASE("rounding is half away from zero on the exact value")
  {
    CHECK(round_half_away(ratio(2345, 1000), 2) == ratio(235, 100));
    CHECK(round_half_away(ratio(2344999, 1000000), 2) == ratio(234, 100));
    CHECK(round_half_away(ratio(-2345, 1000), 2) == ratio(-235, 100));
    CHECK(round_half_away(ratio(1, 2), 0) == Rational(1));
    CHECK(round_half_away(ratio(-1, 2), 0) == Rational(-1));
    CHECK(round_half_away(ratio(2, 3), 2) == ratio(67, 100));
    SUBCASE("a value binary floating point would misround")
    {
      // 1.005 is 1.00499999999999989... as a double and rounds down there.
      CHECK(round_half_away(parse_decimal("1.005").value, 2) == ratio(101, 100));
    }
  }

  TEST_CASE("printing")
  {
    CHECK(to_decimal_string(ratio(853, 10), 2) == "85.30");
    CHECK(to_decimal_string(ratio(853, 10), 2, true) == "85.3");
    CHECK(to_decimal_string(Rational(20), 2, true) == "20");
    CHECK(to_decimal_string(ratio(-5, 100), 2) == "-0.05");
    CHECK(to_decimal_string(Rational(0), 0) == "0");
    CHECK(to_exact_string(ratio(97, 2)) == "97/2");
    CHECK(to_exact_string(ratio(30, 2)) == "15");
    CHECK(number_text(ratio(1, 3)) == "≈0.333333");
    CHECK(number_text(ratio(1, 8)) == "0.125");
  }

  TEST_CASE("powers of ten are exact on both sides of the ones computed once")
  {
    for (long e : {0L, 1L, 18L, 19L, 126L, 127L, 128L, 129L, 300L}) {
      CAPTURE(e);
      mpz_class p;
      mpz_ui_pow_ui(p.get_mpz_t(), 10, static_cast<unsigned long>(e));
      CHECK(pow10(e).mpq() == mpq_class(p));
      CHECK(pow10(-e).mpq() == mpq_class(mpz_class(1), p));
    }
  }

  TEST_CASE("machine integers and GMP give the same numbers, at 64 bits and beyond")
  {
    NumberSource source;
    for (int i = 0; i < 20000; ++i) {
      const mpq_class qa = source.rational();
      const mpq_class qb = source.rational();
      const Rational a(qa.get_num(), qa.get_den());
      const Rational b(qb.get_num(), qb.get_den());
      CAPTURE(qa.get_str());
      CAPTURE(qb.get_str());
      REQUIRE(a.mpq() == qa);
      CHECK(a.small() == fits_machine(qa));
      CHECK((a + b).mpq() == qa + qb);
      CHECK((a - b).mpq() == qa - qb);
      CHECK((a * b).mpq() == qa * qb);
      if (qb != 0) {
        CHECK((a / b).mpq() == qa / qb);
      }
      Rational sum = a;
      sum += b;
      Rational difference = a;
      difference -= b;
      CHECK(sum.mpq() == qa + qb);
      CHECK(difference.mpq() == qa - qb);
      for (const Rational& r : {a + b, a - b, a * b, sum, difference}) {
        CHECK(r.small() == fits_machine(r.mpq()));
      }
      // In place, on a number held in GMP, the same again: a big sum that
      // falls back within 64 bits is held in machine integers again.
      Rational back = a;
      back += b;
      back -= b;
      CHECK(back.mpq() == qa);
      CHECK(back.small() == a.small());
      CHECK((a == b) == (qa == qb));
      CHECK(((a <=> b) < 0) == (cmp(qa, qb) < 0));
      CHECK(((a <=> b) > 0) == (cmp(qa, qb) > 0));
      CHECK(sgn(a) == sgn(qa));
      CHECK(abs(a).mpq() == abs(qa));
      CHECK((-a).mpq() == -qa);
      CHECK(to_exact_string(a) == qa.get_str());
      CHECK(is_integer(a) == (qa.get_den() == 1));
      mpz_class ceiling;
      mpz_cdiv_q(ceiling.get_mpz_t(), qa.get_num_mpz_t(), qa.get_den_mpz_t());
      CHECK(a.ceil() == ceiling);
      const int decimals = static_cast<int>(source.next() % 21);
      CAPTURE(decimals);
      CHECK(round_half_away(a, decimals).mpq() == rounded(qa, decimals));
      CHECK(to_decimal_string(a, decimals) == decimal_text(qa, decimals));
    }
  }

  TEST_CASE("decimals read into machine integers equal those read by GMP")
  {
    NumberSource source;
    for (int i = 0; i < 5000; ++i) {
      std::string digits = std::to_string(source.next() % 1000000000000000000UL);
      const int point = static_cast<int>(source.next() % (digits.size() + 1));
      const int exponent = static_cast<int>(source.next() % 41) - 20;
      const std::string text = (source.next() % 2 == 0 ? "-" : "") + digits.substr(0, point) + "." + digits.substr(point)
                               + (source.next() % 2 == 0 ? "e" + std::to_string(exponent) : "");
      CAPTURE(text);
      const NumberParse read = parse_decimal(text);
      if (read.kind == NumberParse::Kind::too_long) {
        continue;
      }
      REQUIRE(read.kind == NumberParse::Kind::ok);
      // The same number as GMP reads "digits / 10^k × 10^e".
      mpz_class mantissa(digits.empty() ? "0" : digits);
      const long shift = (text.find('e') != std::string::npos ? exponent : 0) - static_cast<long>(digits.size() - point);
      mpz_class scale;
      mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(std::labs(shift)));
      mpq_class expected = shift >= 0 ? mpq_class(mantissa * scale) : mpq_class(mantissa, scale);
      expected.canonicalize();
      if (text[0] == '-') {
        expected = -expected;
      }
      CHECK(read.value.mpq() == expected);
      CHECK(read.value.small() == fits_machine(expected));
    }
  }

  TEST_CASE("to_double gives the nearest double")
  {
    using Limits = std::numeric_limits<double>;
    SUBCASE("where truncation and rounding differ")
    {
      // 0.1 lies nearer the double above it: GMP's get_d truncates to the one below.
      CHECK(to_double(ratio(1, 10)) == 0.1);
      CHECK(ratio(1, 10).mpq().get_d() != 0.1);
      CHECK(to_double(ratio(-1, 10)) == -0.1);
      CHECK(ratio(-1, 10).mpq().get_d() != -0.1);
    }
    SUBCASE("small fractions match IEEE division, which rounds to nearest")
    {
      for (long a = -60; a <= 60; ++a) {
        for (long b = 1; b <= 60; ++b) {
          CHECK_MESSAGE(to_double(ratio(a, b)) == static_cast<double>(a) / static_cast<double>(b), a, "/", b);
        }
      }
    }
    SUBCASE("decimals match the C library's correctly rounded reading")
    {
      for (const char* text : {"0.1", "83.16", "-450000.005", "1e-30", "2.5e30", "0.3333333333333333333333333",
                               "123456789012345678901234567890.123", "9007199254740993", "-0.000001"}) {
        CHECK_MESSAGE(to_double(parse_decimal(text).value) == std::strtod(text, nullptr), text);
      }
    }
    SUBCASE("a tie goes to the even neighbour")
    {
      CHECK(to_double(pow2(53) + 1) == 0x1p53);
      CHECK(to_double(pow2(53) + 3) == 0x1p53 + 4);
      CHECK(to_double(-(pow2(53) + 3)) == -(0x1p53 + 4));
    }
    SUBCASE("huge values")
    {
      CHECK(to_double(pow2(1023)) == 0x1p1023);
      CHECK(to_double(pow2(1024) - pow2(971)) == Limits::max());
      CHECK(to_double(pow2(1024) - pow2(970) - 1) == Limits::max());
      CHECK(to_double(pow2(1024) - pow2(970)) == Limits::infinity()); // the tie, to the even 2^1024
      CHECK(to_double(pow2(1024)) == Limits::infinity());
      CHECK(to_double(-pow10(400)) == -Limits::infinity());
    }
    SUBCASE("tiny values")
    {
      CHECK(to_double(pow2(-1022)) == Limits::min());
      CHECK(to_double(pow2(-1074)) == Limits::denorm_min());
      CHECK(to_double(pow2(-1074) * 3) == 3 * Limits::denorm_min());
      CHECK(to_double(pow2(-1076) * 3) == Limits::denorm_min()); // 0.75 of the smallest
      CHECK(to_double(pow2(-1075)) == 0.0);                      // the tie, to the even 0
      CHECK(to_double(pow2(-1075) + pow2(-1200)) == Limits::denorm_min());
      CHECK(to_double(pow10(-400)) == 0.0);
      CHECK(std::signbit(to_double(-pow10(-400))));
      CHECK(to_double(Rational(0)) == 0.0);
      CHECK_FALSE(std::signbit(to_double(Rational(0))));
    }
  }
}
