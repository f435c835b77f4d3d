// Fuzz target: the expression parser, type checker and evaluator. The input
// is the text of a measure over the bundled criteria's fields, evaluated
// for a dossier whose total investment is 0 (so that division by zero is
// reachable).
#include "fuzz_common.hpp"
#include "load/expr_parse.hpp"
#include "score/evaluate.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  const ccn::Criteria& c = ccn::fuzz::bundled_criteria();
  static const ccn::Dossier dossier = [&c] {
    ccn::Dossier d;
    d.id = "F1";
    for (const auto& f : c.fields) {
      ccn::Fact fact;
      fact.number = f.id == "investment" ? 0 : 7;
      fact.truth = true;
      fact.text = f.values.empty() ? "x" : f.values.front();
      d.facts[f.id] = fact;
    }
    return d;
  }();
  std::string text(reinterpret_cast<const char*>(data), size);
  ccn::ExprError err;
  auto expr = ccn::parse_expression(text, err);
  if (!expr) {
    return 0;
  }
  ccn::SymbolLookup lookup = [&c](const std::string& name) -> std::optional<ccn::SymbolType> {
    if (const ccn::Field* f = c.field(name)) {
      ccn::SymbolType s;
      s.type = f->type == ccn::FieldType::boolean       ? ccn::ValueType::truth
               : f->type == ccn::FieldType::enumeration ? ccn::ValueType::enum_value
               : f->type == ccn::FieldType::number || f->type == ccn::FieldType::integer ? ccn::ValueType::number
                                                                                         : ccn::ValueType::invalid;
      s.enum_field = f->id;
      s.enum_values = f->values;
      s.why_invalid = ccn::Message{"expr_why_text_field", {}};
      return s;
    }
    if (const ccn::Measure* m = c.measure(name)) {
      return ccn::SymbolType{m->expr.root.type, "", {}, {}};
    }
    return std::nullopt;
  };
  if (!ccn::check_expression(*expr, lookup, err)) {
    return 0;
  }
  ccn::Evaluator ev(c, dossier);
  try {
    (void)ev.evaluate(ccn::Expression{text, *expr}, ccn::Message{"subject_measure", {{"measure", "fuzz"}}});
  } catch (const ccn::EvalError&) {
  }
  return 0;
}
