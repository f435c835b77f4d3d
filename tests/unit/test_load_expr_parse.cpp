#include "load/expr_parse.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace ccn;

namespace {

SymbolLookup symbols()
{
  return [](const std::string& name) -> std::optional<SymbolType> {
    static const std::map<std::string, SymbolType> k = {
      {"equity", {ValueType::number, "", {}, ""}},
      {"ok", {ValueType::truth, "", {}, ""}},
      {"ww", {ValueType::enum_value, "ww", {"dedicated", "shared"}, ""}},
      {"day", {ValueType::invalid, "", {}, "date fields cannot be used in expressions"}},
    };
    auto it = k.find(name);
    return it == k.end() ? std::nullopt : std::optional<SymbolType>(it->second);
  };
}

// The type of `src`, or the error message.
std::string check(const std::string& src)
{
  ExprError err;
  auto e = parse_expression(src, err);
  if (!e) {
    return "parse error at " + std::to_string(err.offset) + ": " + err.message;
  }
  if (!check_expression(*e, symbols(), err)) {
    return "type error at " + std::to_string(err.offset) + ": " + err.message;
  }
  return type_name(e->type);
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

  TEST_CASE("deep expressions are refused, not overflowed")
  {
    CHECK(check(std::string(10000, '(') + "1" + std::string(10000, ')')).find("nested deeper") != std::string::npos);
    CHECK(check(std::string(10000, '-') + "1").find("nested deeper") != std::string::npos);
  }
}
