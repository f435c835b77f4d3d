#include "score/evaluate.hpp"

#include "load/expr_parse.hpp"

#include <fmt/format.h>

#include <set>

namespace ccn {

std::string value_text(const Value& v)
{
  switch (v.type) {
  case ValueType::number:
    if (is_integer(v.number)) {
      return to_exact_string(v.number);
    }
    {
      Rational r = round_half_away(v.number, 6);
      std::string s = to_decimal_string(r, 6, true);
      return r == v.number ? s : "≈" + s;
    }
  case ValueType::truth:
    return v.truth ? "true" : "false";
  case ValueType::enum_value:
  case ValueType::string:
    return v.text;
  case ValueType::invalid:
    break;
  }
  return "?";
}

Value Evaluator::value_of(const std::string& name)
{
  if (const Field* f = m_criteria.field(name)) {
    auto it = m_dossier.facts.find(name);
    if (it == m_dossier.facts.end()) {
      throw EvalError({"eval_missing_fact", {{"fact", name}}});
    }
    Value v;
    switch (f->type) {
    case FieldType::number:
    case FieldType::integer:
      v.type = ValueType::number;
      v.number = it->second.number;
      break;
    case FieldType::boolean:
      v.type = ValueType::truth;
      v.truth = it->second.truth;
      break;
    case FieldType::enumeration:
      v.type = ValueType::enum_value;
      v.text = it->second.text;
      break;
    default:
      throw EvalError({"eval_field_not_usable", {{"field", name}}});
    }
    return v;
  }
  auto cached = m_measures.find(name);
  if (cached != m_measures.end()) {
    return cached->second;
  }
  const Measure* m = m_criteria.measure(name);
  if (m == nullptr) {
    throw EvalError({"eval_unknown_name", {{"name", name}}});
  }
  Value v = evaluate(m->expr, {"subject_measure", {{"measure", name}}});
  m_measures[name] = v;
  return v;
}

Value Evaluator::evaluate(const Expression& expr, const Message& what)
{
  return eval(expr.root, expr, what);
}

std::string Evaluator::values_used(const Expr& e)
{
  std::vector<std::string> names;
  collect_identifiers(e, names);
  std::set<std::string> seen;
  std::string out;
  for (const auto& n : names) {
    if (!seen.insert(n).second) {
      continue;
    }
    std::string shown;
    try {
      shown = value_text(value_of(n));
    } catch (const EvalError&) {
      shown = "?";
    }
    out += out.empty() ? "" : ", ";
    out += n + " = " + shown;
  }
  return out;
}

Value Evaluator::eval(const Expr& e, const Expression& whole, const Message& what)
{
  Value out;
  out.type = e.type;
  auto num = [&](size_t i) { return eval(e.args[i], whole, what).number; };
  auto truth = [&](size_t i) { return eval(e.args[i], whole, what).truth; };
  switch (e.op) {
  case Expr::Op::number:
    out.number = e.num;
    return out;
  case Expr::Op::truth:
    out.truth = e.truth;
    return out;
  case Expr::Op::string:
    out.text = e.name;
    return out;
  case Expr::Op::ident:
    return value_of(e.name);
  case Expr::Op::neg:
    out.number = -num(0);
    return out;
  case Expr::Op::abs:
    out.number = abs(num(0));
    return out;
  case Expr::Op::not_:
    out.truth = !truth(0);
    return out;
  case Expr::Op::add:
    out.number = num(0) + num(1);
    return out;
  case Expr::Op::sub:
    out.number = num(0) - num(1);
    return out;
  case Expr::Op::mul:
    out.number = num(0) * num(1);
    return out;
  case Expr::Op::div: {
    Rational a = num(0);
    Rational b = num(1);
    if (b == 0) {
      std::string values = values_used(whole.root);
      if (values.empty()) {
        throw EvalError({"eval_division_by_zero", {{"what", what}, {"expr", whole.source}}});
      }
      throw EvalError({"eval_division_by_zero_with", {{"what", what}, {"expr", whole.source}, {"values", values}}});
    }
    out.number = a / b;
    return out;
  }
  case Expr::Op::lt:
    out.truth = num(0) < num(1);
    return out;
  case Expr::Op::le:
    out.truth = num(0) <= num(1);
    return out;
  case Expr::Op::gt:
    out.truth = num(0) > num(1);
    return out;
  case Expr::Op::ge:
    out.truth = num(0) >= num(1);
    return out;
  case Expr::Op::eq:
  case Expr::Op::ne: {
    Value a = eval(e.args[0], whole, what);
    Value b = eval(e.args[1], whole, what);
    bool equal = a.type == ValueType::number ? a.number == b.number
                 : a.type == ValueType::truth ? a.truth == b.truth
                                              : a.text == b.text;
    out.truth = e.op == Expr::Op::eq ? equal : !equal;
    return out;
  }
  case Expr::Op::and_:
    out.truth = truth(0) && truth(1);
    return out;
  case Expr::Op::or_:
    out.truth = truth(0) || truth(1);
    return out;
  case Expr::Op::if_:
    out.number = truth(0) ? num(1) : num(2);
    return out;
  case Expr::Op::min:
  case Expr::Op::max: {
    out.number = num(0);
    for (size_t i = 1; i < e.args.size(); ++i) {
      Rational v = num(i);
      if (e.op == Expr::Op::min ? v < out.number : v > out.number) {
        out.number = v;
      }
    }
    return out;
  }
  }
  return out;
}

} // namespace ccn
