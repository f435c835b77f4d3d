#pragma once
// Evaluating measures and gates for one dossier, exactly.

#include "model/criteria.hpp"
#include "model/round.hpp"
#include "score/value.hpp"
#include "util/message.hpp"

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace ccn {


// Why an evaluation could not finish (division by zero, a missing optional
// fact); the message names the expression and the values involved.
class EvalError : public std::runtime_error
{
public:
  explicit EvalError(Message m) : std::runtime_error(m.key), message(std::move(m)) {}
  Message message;
};

// Evaluates names for one dossier, remembering measures once computed.
//
// Evaluation keeps its own stack instead of recursing, so that a chain of
// measures as long as a file can hold takes no depth of the call stack; it
// stays lazy (`if`, `and`, `or` evaluate only what decides), so a measure
// that only an untaken branch uses is never computed. Every number it
// computes is bounded by `k_max_exact_bits`.
class Evaluator
{
public:
  Evaluator(const Criteria& criteria, const Dossier& dossier) : m_criteria(criteria), m_dossier(dossier) {}

  // The value of field or measure `name`; throws EvalError.
  Value value_of(const std::string& name);
  // The value of `expr`; throws EvalError naming `what`.
  Value evaluate(const Expression& expr, const Message& what);
  // The value of `part`, a node of `whole`; throws EvalError naming `what`.
  Value evaluate_part(const Expr& part, const Expression& whole, const Message& what)
  {
    return run(part, whole, what, nullptr);
  }

private:
  // An expression whose value is being computed: what it is for messages,
  // and the measure whose value it is, if any.
  struct Context
  {
    const Expression* whole;
    Message what;
    const Measure* measure;
  };
  // One node being evaluated, with what its arguments gave so far.
  struct Task
  {
    const Expr* expr;
    size_t context;
    size_t done = 0; // arguments evaluated
    Value acc;       // the value built so far
  };
  // What a task does next: evaluate `child`, or it is finished with `value`.
  struct Step
  {
    const Expr* child = nullptr;
    size_t context = 0; // of `child`
    Value value;
  };

  // The value of `root`, a node of `whole` (its root, or a part of it).
  Value run(const Expr& root, const Expression& whole, Message what, const Measure* measure);
  Step start(Task& t, std::vector<Context>& contexts);
  Step resume(Task& t, Value arg, const Context& ctx);
  Value fact_value(const Field& field, const std::string& name) const;
  const Measure* measure_named(const std::string& name);
  Rational checked(Rational value, const Context& ctx);
  std::string values_used(const Expr& e);

  const Criteria& m_criteria;
  const Dossier& m_dossier;
  std::map<std::string, Value> m_measures;
  std::set<std::string> m_in_progress; // measures being computed
  std::unordered_map<std::string, const Measure*> m_measure_index;
};

// Short text of a value for explanations ("24", "true", "dedicated").
std::string value_text(const Value& v);

} // namespace ccn
