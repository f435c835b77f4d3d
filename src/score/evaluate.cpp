#include "score/evaluate.hpp"

#include "model/expr.hpp"
#include "util/text.hpp"


#include <optional>
#include <set>

namespace ccn {

namespace {

// Longest expression text that a message repeats whole.
constexpr size_t k_max_source_shown = 120;

// The text of an expression for a message, cut when it is very long.
std::string short_source(const std::string& source)
{
  if (source.size() <= k_max_source_shown) {
    return source;
  }
  size_t cut = k_max_source_shown;
  while (cut > 0 && (static_cast<unsigned char>(source[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return source.substr(0, cut) + "...";
}

} // namespace

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

Value Evaluator::fact_value(const Field& field, const std::string& name) const
{
  auto it = m_dossier.facts.find(name);
  if (it == m_dossier.facts.end()) {
    throw EvalError({"eval_missing_fact", {{"fact", name}}});
  }
  Value v;
  switch (field.type) {
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

const Measure* Evaluator::measure_named(const std::string& name)
{
  if (m_measure_index.empty()) {
    for (const Measure& m : m_criteria.measures) {
      m_measure_index.emplace(m.id, &m);
    }
  }
  auto it = m_measure_index.find(name);
  return it == m_measure_index.end() ? nullptr : it->second;
}

Value Evaluator::value_of(const std::string& name)
{
  if (const Field* f = m_criteria.field(name)) {
    return fact_value(*f, name);
  }
  auto cached = m_measures.find(name);
  if (cached != m_measures.end()) {
    return cached->second;
  }
  const Measure* m = measure_named(name);
  if (m == nullptr) {
    throw EvalError({"eval_unknown_name", {{"name", name}}});
  }
  Value v = run(m->expr.root, m->expr, {"subject_measure", {{"measure", name}}}, m);
  m_measures[name] = v;
  return v;
}

Value Evaluator::evaluate(const Expression& expr, const Message& what)
{
  return run(expr.root, expr, what, nullptr);
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

Value Evaluator::run(const Expr& root, const Expression& whole, Message what, const Measure* measure)
{
  std::vector<Context> contexts{{&whole, std::move(what), measure}};
  std::vector<Task> stack{Task{&root, 0, 0, {}}};
  if (measure != nullptr) {
    m_in_progress.insert(measure->id);
  }
  std::optional<Value> finished;
  try {
    while (true) {
      Task& top = stack.back();
      Step step = finished ? resume(top, std::move(*finished), contexts[top.context]) : start(top, contexts);
      finished.reset();
      if (step.child != nullptr) {
        stack.push_back(Task{step.child, step.context, 0, {}});
        continue;
      }
      stack.pop_back();
      if (stack.empty()) {
        if (measure != nullptr) {
          m_in_progress.erase(measure->id);
        }
        return step.value;
      }
      finished = std::move(step.value);
    }
  } catch (...) {
    for (const Context& c : contexts) {
      if (c.measure != nullptr) {
        m_in_progress.erase(c.measure->id);
      }
    }
    throw;
  }
}

Evaluator::Step Evaluator::start(Task& t, std::vector<Context>& contexts)
{
  const Expr& e = *t.expr;
  Step step;
  step.value.type = e.type;
  switch (e.op) {
  case Expr::Op::number:
    step.value.number = e.num;
    return step;
  case Expr::Op::truth:
    step.value.truth = e.truth;
    return step;
  case Expr::Op::string:
    step.value.text = e.name;
    return step;
  case Expr::Op::ident: {
    if (const Field* f = m_criteria.field(e.name)) {
      step.value = fact_value(*f, e.name);
      return step;
    }
    auto cached = m_measures.find(e.name);
    if (cached != m_measures.end()) {
      step.value = cached->second;
      return step;
    }
    const Measure* m = measure_named(e.name);
    if (m == nullptr) {
      throw EvalError({"eval_unknown_name", {{"name", e.name}}});
    }
    if (!m_in_progress.insert(m->id).second) {
      throw EvalError({"eval_measure_cycle", {{"measure", m->id}}});
    }
    // The measure's own expression, in a context of its own; `resume`
    // remembers the value it gives.
    contexts.push_back({&m->expr, {"subject_measure", {{"measure", m->id}}}, m});
    step.child = &m->expr.root;
    step.context = contexts.size() - 1;
    return step;
  }
  default:
    // Every other node has arguments, evaluated from the first.
    step.child = &e.args[0];
    step.context = t.context;
    return step;
  }
}

Rational Evaluator::checked(Rational value, const Context& ctx)
{
  if (exceeds_exact_bits(value)) {
    throw EvalError({"eval_too_large", {{"what", ctx.what}, {"expr", short_source(ctx.whole->source)}, {"bits", k_max_exact_bits}}});
  }
  return value;
}

Evaluator::Step Evaluator::resume(Task& t, Value arg, const Context& ctx)
{
  const Expr& e = *t.expr;
  const size_t i = t.done++;
  Step step;
  step.value.type = e.type;
  auto next = [&](size_t index) {
    step.child = &e.args[index];
    step.context = t.context;
    return step;
  };
  switch (e.op) {
  case Expr::Op::ident:
    m_measures[e.name] = arg;
    m_in_progress.erase(e.name);
    step.value = std::move(arg);
    return step;
  case Expr::Op::neg:
    step.value.number = -arg.number;
    return step;
  case Expr::Op::abs:
    step.value.number = abs(arg.number);
    return step;
  case Expr::Op::not_:
    step.value.truth = !arg.truth;
    return step;
  case Expr::Op::add:
  case Expr::Op::sub:
  case Expr::Op::mul:
  case Expr::Op::div:
    if (i == 0) {
      t.acc.number = std::move(arg.number);
    } else {
      switch (e.steps[i - 1]) {
      case Expr::Op::sub:
        t.acc.number -= arg.number;
        break;
      case Expr::Op::mul:
        t.acc.number *= arg.number;
        break;
      case Expr::Op::div:
        if (arg.number == 0) {
          std::string values = values_used(ctx.whole->root);
          std::string source = short_source(ctx.whole->source);
          if (values.empty()) {
            throw EvalError({"eval_division_by_zero", {{"what", ctx.what}, {"expr", source}}});
          }
          throw EvalError({"eval_division_by_zero_with", {{"what", ctx.what}, {"expr", source}, {"values", values}}});
        }
        t.acc.number /= arg.number;
        break;
      default:
        t.acc.number += arg.number;
        break;
      }
      t.acc.number = checked(std::move(t.acc.number), ctx);
    }
    if (i + 1 < e.args.size()) {
      return next(i + 1);
    }
    step.value.number = std::move(t.acc.number);
    return step;
  case Expr::Op::lt:
  case Expr::Op::le:
  case Expr::Op::gt:
  case Expr::Op::ge:
  case Expr::Op::eq:
  case Expr::Op::ne: {
    if (i == 0) {
      t.acc = std::move(arg);
      return next(1);
    }
    const Value& a = t.acc;
    const Value& b = arg;
    bool equal = a.type == ValueType::number ? a.number == b.number
                 : a.type == ValueType::truth ? a.truth == b.truth
                                              : a.text == b.text;
    switch (e.op) {
    case Expr::Op::lt:
      step.value.truth = a.number < b.number;
      break;
    case Expr::Op::le:
      step.value.truth = a.number <= b.number;
      break;
    case Expr::Op::gt:
      step.value.truth = a.number > b.number;
      break;
    case Expr::Op::ge:
      step.value.truth = a.number >= b.number;
      break;
    case Expr::Op::eq:
      step.value.truth = equal;
      break;
    default:
      step.value.truth = !equal;
      break;
    }
    return step;
  }
  case Expr::Op::and_:
  case Expr::Op::or_:
    // Stops at the first argument that decides, as `&&` and `||` do.
    if (arg.truth == (e.op == Expr::Op::or_) || i + 1 == e.args.size()) {
      step.value.truth = arg.truth;
      return step;
    }
    return next(i + 1);
  case Expr::Op::if_:
    if (i == 0) {
      return next(arg.truth ? 1 : 2);
    }
    step.value.number = std::move(arg.number); // the branch's value, a number
    step.value.truth = arg.truth;              // or a truth
    return step;
  case Expr::Op::min:
  case Expr::Op::max:
    if (i == 0 || (e.op == Expr::Op::min ? arg.number < t.acc.number : arg.number > t.acc.number)) {
      t.acc.number = std::move(arg.number);
    }
    if (i + 1 < e.args.size()) {
      return next(i + 1);
    }
    step.value.number = std::move(t.acc.number);
    return step;
  case Expr::Op::number:
  case Expr::Op::truth:
  case Expr::Op::string:
    break;
  }
  return step;
}

} // namespace ccn
