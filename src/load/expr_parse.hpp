#pragma once
// Parsing and type-checking expressions (formats-v1 section 2.2).

#include "model/expr.hpp"
#include "util/message.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace ccn {

// A problem in an expression, at a byte offset of its source.
struct ExprError
{
  int offset = 0;
  Message message;
};

// Parse `source`; on failure `error` says where and why.
std::optional<Expr> parse_expression(std::string_view source, ExprError& error);

// The type of an identifier, and for enums the field it belongs to.
struct SymbolType
{
  ValueType type = ValueType::invalid;
  std::string enum_field;
  std::vector<std::string> enum_values;
  Message why_invalid; // for text and date fields
};

// Resolves identifiers while type-checking; nullopt for unknown names.
using SymbolLookup = std::function<std::optional<SymbolType>(const std::string&)>;

// Type-check `expr` in place; reports the first problem in `error`.
bool check_expression(Expr& expr, const SymbolLookup& lookup, ExprError& error);

// Name of a value type for messages ("a number", "a truth", ...).
Message type_name(ValueType type);

} // namespace ccn
