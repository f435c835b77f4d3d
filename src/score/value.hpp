#pragma once
// A value an expression yields: a number, a truth, an enum value or a string.

#include "model/criteria.hpp"

#include <string>

namespace ccn {

struct Value
{
  ValueType type = ValueType::invalid;
  Rational number;
  bool truth = false;
  std::string text; // enum value or string literal
};

} // namespace ccn
