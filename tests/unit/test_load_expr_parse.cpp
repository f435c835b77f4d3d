#include "load/expr_parse.hpp"
#include "render/messages.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <map>

using namespace ccn;

namespace {

SymbolLookup symbols()
{
  return [](const std::string& name) -> std::optional<SymbolType> {
    static const std::map<std::string, SymbolType> k = {
      {"equity", {ValueType::number, "", {}, {}}},
      {"ok", {ValueType::truth, "", {}, {}}},
      {"ww", {ValueType::enum_value, "ww", {"dedicated", "shared"}, {}}},
      {"day", {ValueType::invalid, "", {}, Message{"expr_why_date_field", {}}}},
    };
    auto it = k.find(name);
    return it == k.end() ? std::nullopt : std::optional<SymbolType>(it->second);
  };
}

// A message in English.
std::string english(const Message& m)
{
  return Messages::built_in().text(Lang{"en"}, m);
}

// The type of `src`, or the error message.
std::string check(const std::string& src)
{
  ExprError err;
  auto e = parse_expression(src, err);
  if (!e) {
    return "parse error at " + std::to_string(err.offset) + ": " + english(err.message);
  }
  if (!check_expression(*e, symbols(), err)) {
    return "type error at " + std::to_string(err.offset) + ": " + english(err.message);
  }
  return english(type_name(e->type));
}

} // namespace

TEST_SUITE("load/expr_parse")
{
  TEST_CASE("precedence: not binds looser than comparison, * tighter than +")
  {
    ExprError err;
    auto e = parse_expression("1 + 2 * 3", err);
    REQUIRE(e);
    CHECK(e->op == Expr::Op::add);
    CHECK(e->args[1].op == Expr::Op::mul);
    auto n = parse_expression("not equity > 1 and ok", err);
    REQUIRE(n);
    CHECK(n->op == Expr::Op::and_);
    CHECK(n->args[0].op == Expr::Op::not_);
    CHECK(n->args[0].args[0].op == Expr::Op::gt);
  }

  TEST_CASE("well-typed expressions")
  {
    CHECK(check("equity / 2 * 100") == "a number");
    CHECK(check("equity >= if(ok, 15, 20)") == "a truth (true or false)");
    CHECK(check("ww == \"dedicated\" or not ok") == "a truth (true or false)");
    CHECK(check("min(equity, 3, abs(-equity))") == "a number");
    CHECK(check("-(-equity)") == "a number");
  }

  TEST_CASE("if gives a truth when both its branches are truths")
  {
    // 2.2 asks of if only a truth for its condition: a gate may read
    // "if(area >= 20, ratio >= 15, ratio >= 20)". Its branches share a type.
    CHECK(check("if(ok, equity >= 15, equity >= 20)") == "a truth (true or false)");
    CHECK(check("if(ok, true, not ok)") == "a truth (true or false)");
    CHECK(check("if(ok, 1, 2)") == "a number");
    CHECK(check("if(ok, 1, true)") == "type error at 10: if needs a number, found a truth (true or false)");
    CHECK(check("if(ok, true, 1)") == "type error at 13: if needs a truth (true or false), found a number");
    CHECK(check("if(ok, true, false) + 1") == "type error at 0: arithmetic needs a number, found a truth (true or false)");
  }

  TEST_CASE("syntax errors say where")
  {
    CHECK(check("equity / ") == "parse error at 9: expected a value, found the end of the expression");
    CHECK(check("(equity") == "parse error at 7: expected ')'");
    CHECK(check("pow(equity, 2)").rfind("parse error at 0: unknown function 'pow'", 0) == 0);
    CHECK(check("1 < 2 < 3") == "parse error at 6: comparisons cannot be chained; use 'and'");
    CHECK(check("equity # 2") == "parse error at 7: unexpected '#'");
    CHECK(check("\"open") == "parse error at 0: string is not closed with '\"'");
  }

  TEST_CASE("type errors are found before any dossier is read")
  {
    CHECK(check("equity and ok") == "type error at 0: 'and' needs a truth (true or false), found a number");
    CHECK(check("capital + 1") == "type error at 0: unknown name 'capital': not a field or measure");
    CHECK(check("ww == \"none\"").find("\"none\" is not a value of 'ww'") != std::string::npos);
    CHECK(check("ww == 1").find("enum field is compared") != std::string::npos);
    CHECK(check("day + 1").find("date fields cannot be used") != std::string::npos);
    CHECK(check("if(equity, 1, 2)").find("the condition of if needs a truth") != std::string::npos);
    CHECK(check("min(equity)") == "type error at 0: min takes two or more numbers");
    CHECK(check("abs(1, 2)") == "type error at 0: abs takes one number");
    CHECK(check("ok == 1") == "type error at 3: cannot compare a truth (true or false) with a number");
  }

  TEST_CASE("names take the letters a to z and A to Z, the underscore, and digits after the first")
  {
    // Every bound of the character classes: a, z, A, Z, _, 0, 9.
    ExprError err;
    auto e = parse_expression("az + zA + AZ + Z_ + _09 + a0 + z9", err);
    REQUIRE_MESSAGE(e, english(err.message));
    REQUIRE(e->args.size() == 7);
    std::vector<std::string> names;
    for (const auto& a : e->args) {
      CHECK(a.op == Expr::Op::ident);
      names.push_back(a.name);
    }
    CHECK(names == std::vector<std::string>{"az", "zA", "AZ", "Z_", "_09", "a0", "z9"});
    CHECK(check("9z") == "parse error at 1: unexpected 'z'");
    CHECK(check("{a") == "parse error at 0: unexpected '{'");
    CHECK(check("`a") == "parse error at 0: unexpected '`'");
  }

  TEST_CASE("numbers take every digit from 0 to 9 and a decimal point")
  {
    ExprError err;
    auto e = parse_expression("1234567890.09", err);
    REQUIRE(e);
    CHECK(e->op == Expr::Op::number);
    CHECK(e->num == Rational(123456789009, 100));
  }

  TEST_CASE("numbers take an exponent as YAML numbers do, read exactly")
  {
    for (const auto& [src, value] : std::map<std::string, Rational>{{"2.5e11", Rational(250000000000)},
                                                                    {"5E+10", Rational(50000000000)},
                                                                    {"15e-1", Rational(3, 2)},
                                                                    {"1e30", Rational(mpz_class("1" + std::string(30, '0')))}}) {
      CAPTURE(src);
      ExprError err;
      auto e = parse_expression(src, err);
      REQUIRE(e);
      CHECK(e->op == Expr::Op::number);
      CHECK(e->num == value);
    }
    CHECK(check("equity >= 5e10") == "a truth (true or false)");
    CHECK(check("equity * 1e-2 + 2") == "a number");
    // An exponent beyond what a file may hold is refused as a number; an
    // 'e' with no digits after it is not an exponent.
    CHECK(check("1e400") == "parse error at 0: '1e400' is not a number");
    CHECK(check("2e") == "parse error at 1: unexpected 'e'");
    CHECK(check("2e+") == "parse error at 1: unexpected 'e'");
  }

  TEST_CASE("spaces, tabs and line breaks separate the parts of an expression")
  {
    ExprError err;
    auto e = parse_expression(" equity\t+\n1\r\n- 2 ", err);
    REQUIRE_MESSAGE(e, english(err.message));
    CHECK(e->op == Expr::Op::add);
    CHECK(e->args.size() == 3);
    CHECK(check("equity\t*\r\n2") == "a number");
  }

  TEST_CASE("a run of one operator is one flat node, with the operator before each term")
  {
    ExprError err;
    auto e = parse_expression("1 - 2 + equity - 4", err);
    REQUIRE(e);
    CHECK(e->op == Expr::Op::add);
    REQUIRE(e->args.size() == 4);
    CHECK(e->steps == std::vector<Expr::Op>{Expr::Op::sub, Expr::Op::add, Expr::Op::sub});
    CHECK(e->args[2].op == Expr::Op::ident);
    auto p = parse_expression("equity / 2 * 3", err);
    REQUIRE(p);
    CHECK(p->op == Expr::Op::mul);
    CHECK(p->steps == std::vector<Expr::Op>{Expr::Op::div, Expr::Op::mul});
    auto a = parse_expression("ok and ok and not ok or ok", err);
    REQUIRE(a);
    CHECK(a->op == Expr::Op::or_);
    CHECK(a->args.size() == 2);
    CHECK(a->args[0].op == Expr::Op::and_);
    CHECK(a->args[0].args.size() == 3);
    CHECK(check("ok and equity and ok") == "type error at 7: 'and' needs a truth (true or false), found a number");
  }

  TEST_CASE("a 50000-term sum parses in linear time")
  {
    // Each term used to copy the whole tree built so far: 10000 terms took
    // 16 s. Now 50000 terms are one node with 50000 arguments.
    std::string src = "1";
    for (int i = 1; i < 50000; ++i) {
      src += i % 2 ? "+1" : " - equity";
    }
    auto started = std::chrono::steady_clock::now();
    ExprError err;
    auto e = parse_expression(src, err);
    REQUIRE(e);
    CHECK(e->args.size() == 50000);
    CHECK(check(src) == "a number");
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  }

  TEST_CASE("an expression of more than 100000 parts is refused")
  {
    std::string src = "1";
    for (int i = 0; i < 100000; ++i) {
      src += "+1";
    }
    CHECK(check(src).find("expression has more than 100000 parts") != std::string::npos);
  }

  TEST_CASE("an expression of exactly 100000 parts is read, one more part is refused")
  {
    // Parts: each number, and the one sum that holds them.
    std::string src = "1";
    for (int i = 0; i < 99998; ++i) {
      src += "+1";
    }
    CHECK(check(src) == "a number");
    // The error points at the part beyond the limit: the last number.
    CHECK(check(src + "+1") == "parse error at " + std::to_string(src.size() + 1)
                                 + ": expression has more than 100000 parts");
  }

  TEST_CASE("messages quote a short token of what they found")
  {
    CHECK(check(std::string(300, 'q') + "(1)").size() < 160);
    CHECK(check(std::string(300, 'q')).size() < 160);
    CHECK(check("1" + std::string(300, '.')).size() < 100);
  }

  TEST_CASE("deep expressions are refused, not overflowed")
  {
    CHECK(check(std::string(10000, '(') + "1" + std::string(10000, ')')).find("nested deeper") != std::string::npos);
    CHECK(check(std::string(10000, '-') + "1").find("nested deeper") != std::string::npos);
  }

  TEST_CASE("nesting is refused at the first level beyond 64, not before")
  {
    // The whole expression and its `not` level take two levels, each minus
    // sign one more, and the number under them one: 61 signs reach 64.
    CHECK(check(std::string(61, '-') + "1") == "a number");
    CHECK(check(std::string(62, '-') + "1").find("expression nested deeper than 64 levels") != std::string::npos);
  }
}
