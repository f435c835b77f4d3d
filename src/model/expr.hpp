#pragma once
// The expression language of measures and gates (formats-v1 section 2.2).

#include "util/rational.hpp"

#include <string>
#include <vector>

namespace ccn {

// What an expression yields.
enum class ValueType { number, truth, enum_value, string, invalid };

// One node of a parsed expression.
//
// A run of operators of one precedence is one node, so that a long sum is
// neither a deep tree nor copied while it is parsed: `a - b + c` is `add`
// with args {a, b, c} and steps {sub, add}; `a * b / c` is `mul` with steps
// {mul, div}; `a and b and c` is `and_` with three args (likewise `or_`).
// `sub` and `div` appear only as steps.
struct Expr
{
  enum class Op {
    number, truth, string, ident,
    neg, not_, add, sub, mul, div,
    lt, le, gt, ge, eq, ne, and_, or_,
    if_, min, max, abs
  };
  Op op = Op::number;
  Rational num;
  bool truth = false;
  std::string name;      // identifier, string literal or function name
  std::vector<Expr> args;
  std::vector<Op> steps; // add and mul: the operator before each of args[1..]
  int offset = 0;        // byte offset in the source text
  ValueType type = ValueType::invalid; // set by the type checker
  std::string enum_field; // for enum values: the field whose values they are
};

// A parsed expression with its source text.
struct Expression
{
  std::string source;
  Expr root;
};

// Every identifier `expr` refers to, in order of appearance.
void collect_identifiers(const Expr& expr, std::vector<std::string>& out);

} // namespace ccn
