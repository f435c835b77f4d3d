#include "load/expr_parse.hpp"
#include "model/expr.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace ccn;

TEST_SUITE("model/expr")
{
  TEST_CASE("collect_identifiers lists every name in order of appearance, repeats included")
  {
    ExprError error;
    auto e = parse_expression("if(ok, a * max(b, 2), a) - abs(c) >= \"x\"", error);
    REQUIRE(e);
    std::vector<std::string> names{"before"};
    collect_identifiers(*e, names);
    CHECK(names == std::vector<std::string>{"before", "ok", "a", "b", "a", "c"});
  }
}
