#pragma once
// Evaluating measures and gates for one dossier, exactly.

#include "model/criteria.hpp"
#include "model/round.hpp"
#include "score/value.hpp"
#include "util/message.hpp"

#include <map>
#include <stdexcept>
#include <string>

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
class Evaluator
{
public:
  Evaluator(const Criteria& criteria, const Dossier& dossier) : m_criteria(criteria), m_dossier(dossier) {}

  // The value of field or measure `name`; throws EvalError.
  Value value_of(const std::string& name);
  // The value of `expr`; throws EvalError naming `what` (what is evaluated).
  Value evaluate(const Expression& expr, const Message& what);
  // The value of `part`, a node of `whole`; throws EvalError naming `what`.
  Value evaluate_part(const Expr& part, const Expression& whole, const Message& what)
  {
    return eval(part, whole, what);
  }

private:
  Value eval(const Expr& e, const Expression& whole, const Message& what);
  std::string values_used(const Expr& e);

  const Criteria& m_criteria;
  const Dossier& m_dossier;
  std::map<std::string, Value> m_measures;
};

// Short text of a value for explanations ("24", "true", "dedicated").
std::string value_text(const Value& v);

} // namespace ccn
