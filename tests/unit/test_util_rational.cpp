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
  Rational r = e < 0 ? Rational(mpz_class(1), p) : Rational(p);
  r.canonicalize();
  return r;
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

  TEST_CASE("to_double gives the nearest double")
  {
    using Limits = std::numeric_limits<double>;
    SUBCASE("where truncation and rounding differ")
    {
      // 0.1 lies nearer the double above it: GMP's get_d truncates to the one below.
      CHECK(to_double(ratio(1, 10)) == 0.1);
      CHECK(ratio(1, 10).get_d() != 0.1);
      CHECK(to_double(ratio(-1, 10)) == -0.1);
      CHECK(ratio(-1, 10).get_d() != -0.1);
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
