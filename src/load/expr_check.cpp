// Type-checking expressions (formats-v1 section 2.2): every name known and
// of the right type, enum values compared only with their own values.

#include "load/expr_parse.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace ccn {

namespace {

struct CheckFailure
{
  ExprError error;
};

class Checker
{
public:
  explicit Checker(const SymbolLookup& lookup) : m_lookup(lookup) {}

  void check(Expr& e)
  {
    switch (e.op) {
    case Expr::Op::number:
      e.type = ValueType::number;
      return;
    case Expr::Op::truth:
      e.type = ValueType::truth;
      return;
    case Expr::Op::string:
      e.type = ValueType::string;
      return;
    case Expr::Op::ident: {
      auto sym = m_lookup(e.name);
      if (!sym) {
        fail(e, {"expr_unknown_name", {{"name", short_token(e.name)}}});
      }
      if (sym->type == ValueType::invalid) {
        fail(e, {"expr_name_not_usable", {{"name", e.name}, {"why", sym->why_invalid}}});
      }
      e.type = sym->type;
      e.enum_field = sym->enum_field;
      m_enum_values[e.name] = sym->enum_values;
      return;
    }
    case Expr::Op::neg:
    case Expr::Op::abs:
      if (e.op == Expr::Op::abs && e.args.size() != 1) {
        fail(e, {"expr_abs_arguments", {}});
      }
      expect(e.args[0], ValueType::number, token(e.op == Expr::Op::abs ? "abs" : "'-'"));
      e.type = ValueType::number;
      return;
    case Expr::Op::not_:
      expect(e.args[0], ValueType::truth, token("'not'"));
      e.type = ValueType::truth;
      return;
    case Expr::Op::add:
    case Expr::Op::sub:
    case Expr::Op::mul:
    case Expr::Op::div:
      for (auto& a : e.args) {
        expect(a, ValueType::number, {"expr_where_arithmetic", {}});
      }
      e.type = ValueType::number;
      return;
    case Expr::Op::lt:
    case Expr::Op::le:
    case Expr::Op::gt:
    case Expr::Op::ge:
      expect(e.args[0], ValueType::number, {"expr_where_comparison", {}});
      expect(e.args[1], ValueType::number, {"expr_where_comparison", {}});
      e.type = ValueType::truth;
      return;
    case Expr::Op::eq:
    case Expr::Op::ne:
      check_equality(e);
      e.type = ValueType::truth;
      return;
    case Expr::Op::and_:
    case Expr::Op::or_:
      for (auto& a : e.args) {
        expect(a, ValueType::truth, token(e.op == Expr::Op::and_ ? "'and'" : "'or'"));
      }
      e.type = ValueType::truth;
      return;
    case Expr::Op::if_:
      if (e.args.size() != 3) {
        fail(e, {"expr_if_arguments", {{"count", e.args.size()}}});
      }
    {
      // 2.2 asks a truth of the condition only: the branches are two
      // numbers, or two truths ("if(area >= 20, ratio >= 15, ratio >= 20)").
      expect(e.args[0], ValueType::truth, {"expr_where_if_condition", {}});
      check(e.args[1]);
      const ValueType branch = e.args[1].type == ValueType::truth ? ValueType::truth : ValueType::number;
      expect(e.args[1], branch, token("if"));
      expect(e.args[2], branch, token("if"));
      e.type = branch;
      return;
    }
    case Expr::Op::min:
    case Expr::Op::max:
      if (e.args.size() < 2) {
        fail(e, {"expr_min_max_arguments", {{"function", e.name}}});
      }
      for (auto& a : e.args) {
        expect(a, ValueType::number, token(e.name));
      }
      e.type = ValueType::number;
      return;
    }
  }

private:
  // Where a value is used, named by its operator or function.
  static Message token(std::string_view text) { return {"expr_where_token", {{"token", text}}}; }

  [[noreturn]] static void fail(const Expr& e, Message message)
  {
    throw CheckFailure{{e.offset, std::move(message)}};
  }

  void expect(Expr& e, ValueType type, const Message& where)
  {
    check(e);
    if (e.type != type) {
      fail(e, {"expr_type_needed", {{"where", where}, {"needed", type_name(type)}, {"found", type_name(e.type)}}});
    }
  }

  void check_equality(Expr& e)
  {
    check(e.args[0]);
    check(e.args[1]);
    Expr* a = &e.args[0];
    Expr* b = &e.args[1];
    if (a->type == ValueType::string) {
      std::swap(a, b);
    }
    if (a->type == ValueType::enum_value && b->type == ValueType::string) {
      const auto& values = m_enum_values[a->name];
      if (std::find(values.begin(), values.end(), b->name) == values.end()) {
        std::string list;
        for (const auto& v : values) {
          list += list.empty() ? "" : ", ";
          list += v;
        }
        fail(*b, {"expr_not_enum_value", {{"found", quote_found(b->name)}, {"field", a->name}, {"values", list}}});
      }
      return;
    }
    if (a->type == ValueType::enum_value || b->type == ValueType::string) {
      fail(e, {"expr_enum_comparison", {}});
    }
    if (a->type != b->type) {
      fail(e, {"expr_cannot_compare", {{"left", type_name(a->type)}, {"right", type_name(b->type)}}});
    }
  }

  const SymbolLookup& m_lookup;
  std::map<std::string, std::vector<std::string>> m_enum_values;
};

} // namespace

Message type_name(ValueType type)
{
  switch (type) {
  case ValueType::number:
    return {"type_number", {}};
  case ValueType::truth:
    return {"type_truth", {}};
  case ValueType::enum_value:
    return {"type_enum_value", {}};
  case ValueType::string:
    return {"type_string", {}};
  case ValueType::invalid:
    break;
  }
  return {"type_nothing_usable", {}};
}
bool check_expression(Expr& expr, const SymbolLookup& lookup, ExprError& error)
{
  try {
    Checker c(lookup);
    c.check(expr);
    return true;
  } catch (const CheckFailure& f) {
    error = f.error;
    return false;
  }
}

} // namespace ccn
