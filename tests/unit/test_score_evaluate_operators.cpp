#include "helpers.hpp"
#include "score/evaluate.hpp"

#include <doctest/doctest.h>

using namespace ccn;
using namespace ccn::test;

namespace {

// The value of expression `src` for the dossier x = 7, y = 3, ok = true,
// off = false, ww = shared, evaluated as the measure of a criteria file.
Value eval(const std::string& src)
{
  Diagnostics diags;
  auto c = criteria_from(R"(format: ccnscore/criteria@1
id: e
title: Expressions
fields:
  x: { type: number }
  y: { type: number }
  ok: { type: bool }
  off: { type: bool }
  ww: { type: enum, values: [dedicated, shared, none] }
measures:
  m: ')" + src + R"('
groups:
  - { id: g, name: G, criteria: [ { id: C1, name: C, max: 10, of: x, per_unit: 1 } ] }
)",
                        diags);
  REQUIRE_MESSAGE(c, all_messages(diags));
  auto d = doc("format: ccnscore/dossier@1\napplicant: { id: A1, name: Công ty A1 }\n"
               "facts: { x: 7, y: 3, ok: true, off: false, ww: shared }\n",
               diags, "a1.yaml");
  REQUIRE(d);
  auto dossier = load_dossier(*d, &*c, diags);
  REQUIRE_MESSAGE(dossier, all_messages(diags));
  Evaluator ev(*c, *dossier);
  return ev.value_of("m");
}

Rational num(const std::string& src)
{
  Value v = eval(src);
  REQUIRE(v.type == ValueType::number);
  return v.number;
}

bool truth(const std::string& src)
{
  Value v = eval(src);
  REQUIRE(v.type == ValueType::truth);
  return v.truth;
}

} // namespace

TEST_SUITE("score/evaluate")
{
  TEST_CASE("arithmetic is exact and left to right")
  {
    CHECK(num("x + y") == 10);
    CHECK(num("x - y") == 4);
    CHECK(num("x - y - 1") == 3);
    CHECK(num("x - (y - 1)") == 5);
    CHECK(num("x * y") == 21);
    CHECK(num("x / y") == ratio(7, 3));
    CHECK(num("x / y * 3") == 7);
    CHECK(num("-x + y") == -4);
    CHECK(num("0.57 * 100") == 57);
  }

  TEST_CASE("comparisons, each on both sides of its boundary")
  {
    CHECK_FALSE(truth("x < 7"));
    CHECK(truth("y < x"));
    CHECK_FALSE(truth("x < y"));
    CHECK(truth("x <= 7"));
    CHECK_FALSE(truth("x <= 6.99"));
    CHECK_FALSE(truth("x > 7"));
    CHECK(truth("x > y"));
    CHECK_FALSE(truth("y > x"));
    CHECK(truth("x >= 7"));
    CHECK_FALSE(truth("x >= 7.01"));
    CHECK(truth("x == 7"));
    CHECK_FALSE(truth("x == y"));
    CHECK_FALSE(truth("x != 7"));
    CHECK(truth("x != y"));
  }

  TEST_CASE("truths and enum values compare with == and !=")
  {
    CHECK(truth("ok == true"));
    CHECK_FALSE(truth("ok == off"));
    CHECK(truth("ok != off"));
    CHECK_FALSE(truth("off != false"));
    CHECK(truth("ww == \"shared\""));
    CHECK_FALSE(truth("ww == \"none\""));
    CHECK(truth("ww != \"none\""));
    CHECK_FALSE(truth("ww != \"shared\""));
  }

  TEST_CASE("and, or and not, with every combination")
  {
    CHECK(truth("ok and ok"));
    CHECK_FALSE(truth("ok and off"));
    CHECK_FALSE(truth("off and ok"));
    CHECK_FALSE(truth("off and off"));
    CHECK(truth("ok or off"));
    CHECK(truth("off or ok"));
    CHECK(truth("ok or ok"));
    CHECK_FALSE(truth("off or off"));
    CHECK_FALSE(truth("not ok"));
    CHECK(truth("not off"));
    CHECK(truth("not off and ok"));
    CHECK(truth("off or x > y and ok"));
  }

  TEST_CASE("values are shown exactly, or marked as rounded to six decimals")
  {
    Value v;
    v.type = ValueType::number;
    v.number = ratio(5, 2);
    CHECK(value_text(v) == "2.5");
    v.number = ratio(1, 3);
    CHECK(value_text(v) == "≈0.333333");
    v.number = 24;
    CHECK(value_text(v) == "24");
  }

  TEST_CASE("max, min, abs and if")
  {
    CHECK(num("max(x, y)") == 7);
    CHECK(num("max(y, x)") == 7);
    CHECK(num("max(y, 5, x, 2)") == 7);
    CHECK(num("min(x, y)") == 3);
    CHECK(num("min(y, x)") == 3);
    CHECK(num("min(x, 5, y, 4)") == 3);
    CHECK(num("max(-x, -y)") == -3);
    CHECK(num("abs(-x)") == 7);
    CHECK(num("abs(y - x)") == 4);
    CHECK(num("abs(x)") == 7);
    CHECK(num("if(ok, x, y)") == 7);
    CHECK(num("if(off, x, y)") == 3);
    CHECK(num("if(x >= 7, 15, 20)") == 15);
  }
}
