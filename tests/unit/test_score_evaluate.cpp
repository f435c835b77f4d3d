#include "helpers.hpp"
#include "score/evaluate.hpp"

#include "render/messages.hpp"

#include <doctest/doctest.h>

using namespace ccn;
using namespace ccn::test;

namespace {

// A criteria file with fields `x` (number) and `ok` (bool), the measures
// given as YAML map lines, and one criterion scored from measure `top`.
std::string criteria_with(const std::string& measures)
{
  return "format: ccnscore/criteria@1\nid: ev\ntitle: Evaluation\nfields:\n"
         "  x: { type: number }\n  ok: { type: bool }\nmeasures:\n"
         + measures
         + "groups:\n  - id: g\n    name: G\n    criteria:\n"
           "      - { id: C1, name: C, max: 10, of: top, per_unit: 1 }\n";
}

Dossier dossier_with(const std::string& x, bool ok = true)
{
  Dossier d;
  d.id = "A1";
  d.facts["x"].number = parse_decimal(x).value;
  d.facts["ok"].truth = ok;
  return d;
}

// The value of measure `top`, or the evaluation error's message.
std::string top_of(const std::string& measures, const std::string& x, bool ok = true)
{
  Diagnostics diags;
  auto c = criteria_from(criteria_with(measures), diags);
  REQUIRE_MESSAGE(c, all_messages(diags));
  Dossier d = dossier_with(x, ok);
  Evaluator ev(*c, d);
  try {
    return value_text(ev.value_of("top"));
  } catch (const EvalError& e) {
    return Messages::built_in().text(Lang{"en"}, e.message);
  }
}

} // namespace

TEST_SUITE("score/evaluate")
{
  TEST_CASE("chains of operators evaluate left to right, exactly")
  {
    CHECK(top_of("  top: \"x - 2 + 3 - 4\"\n", "10") == "7");
    CHECK(top_of("  top: \"x / 4 * 2 / 5\"\n", "10") == "1");
    CHECK(top_of("  top: \"if(ok and x > 1 and x < 20 or false, min(x, 3, 4), 0)\"\n", "10") == "3");
    CHECK(top_of("  top: \"if(not ok or x > 1 and x < 5, 1, 2)\"\n", "10", false) == "1");
  }

  TEST_CASE("an if of truths gives the truth of the branch taken")
  {
    // A measure of truths is used by the criterion below only through
    // another if: top = if(t, 1, 0) with t = if(ok, x >= 15, x >= 20).
    const std::string m = "  top: \"if(t, 1, 0)\"\n  t: \"if(ok, x >= 15, x >= 20)\"\n";
    CHECK(top_of(m, "17", true) == "1");
    CHECK(top_of(m, "17", false) == "0");
    CHECK(top_of(m, "20", false) == "1");
    CHECK(top_of(m, "14", true) == "0");
  }

  TEST_CASE("evaluation is lazy: a branch that is not taken is not computed")
  {
    std::string m = "  top: \"if(x > 0, ratio, 0)\"\n  ratio: \"100 / x\"\n";
    CHECK(top_of(m, "0") == "0");
    CHECK(top_of(m, "4") == "25");
    CHECK(top_of("  top: \"if(x == 0 or 100 / x > 1, 1, 2)\"\n", "0") == "1");
    CHECK(top_of("  top: \"if(x != 0 and 100 / x > 1, 1, 2)\"\n", "0") == "2");
    CHECK(top_of("  top: \"x / (x - 4)\"\n", "4")
          == "measure 'top': division by zero in \"x / (x - 4)\" with x = 4");
  }

  TEST_CASE("a chain of 60000 measures takes no depth of the call stack")
  {
    // top -> m1 -> m2 -> ... -> m60000 -> x: recursion through value_of
    // would overflow the stack long before the end.
    const int n = 60000;
    std::string m = "  top: \"m1 + 1\"\n";
    for (int i = 1; i < n; ++i) {
      m += "  m" + std::to_string(i) + ": \"m" + std::to_string(i + 1) + "\"\n";
    }
    m += "  m" + std::to_string(n) + ": \"x * 2\"\n";
    CHECK(top_of(m, "4") == "9");
  }

  TEST_CASE("a number that grows beyond 10000 bits stops with an error naming the measure")
  {
    // Squaring again and again: 2^100 squared 14 times has 1.6 million bits.
    std::string m = "  top: \"s14\"\n  s0: \"x + 1267650600228229401496703205376\"\n";
    for (int i = 1; i <= 14; ++i) {
      m += "  s" + std::to_string(i) + ": \"s" + std::to_string(i - 1) + " * s" + std::to_string(i - 1) + "\"\n";
    }
    CHECK(top_of(m, "1") == "measure 's7': the exact value of \"s6 * s6\" grows beyond 10,000 bits in numerator or "
                            "denominator; exact arithmetic stops there");
    // Denominators are bounded the same way, within one chain of operators:
    // each factor adds about 100 bits.
    std::string product = "t";
    for (int i = 0; i < 120; ++i) {
      product += " * t";
    }
    CHECK(top_of("  top: \"" + product + "\"\n  t: \"1 / (x + 1267650600228229401496703205376)\"\n", "1")
              .find("measure 'top': the exact value of \"t * t * t") == 0);
  }

  TEST_CASE("a message repeats an expression of up to 120 characters whole, and cuts a longer one")
  {
    // 11 + 26 × 4 + 5 = 120 characters, and one more.
    std::string expr = "1 / (x - 1)";
    for (int i = 0; i < 26; ++i) {
      expr += " + 0";
    }
    const std::string longer = expr + " + 100";
    expr += " + 10";
    REQUIRE(expr.size() == 120);
    CHECK(top_of("  top: \"" + expr + "\"\n", "1").find("\"" + expr + "\"") != std::string::npos);
    CHECK(top_of("  top: \"" + longer + "\"\n", "1").find("\"" + expr + "...\"") != std::string::npos);
  }

  TEST_CASE("an evaluation error leaves the evaluator usable for the next expression")
  {
    Diagnostics diags;
    auto c = criteria_from(criteria_with("  top: \"100 / q\"\n  q: \"x - 1\"\n  r: \"q + 1\"\n"), diags);
    REQUIRE_MESSAGE(c, all_messages(diags));
    Dossier d = dossier_with("1");
    Evaluator ev(*c, d);
    CHECK_THROWS_AS(ev.value_of("top"), EvalError);
    CHECK(value_text(ev.value_of("r")) == "1");
    try {
      ev.value_of("top");
      FAIL("top divides by zero");
    } catch (const EvalError& e) {
      CHECK(Messages::built_in().text(Lang{"en"}, e.message).find("division by zero") != std::string::npos);
    }
  }
}
