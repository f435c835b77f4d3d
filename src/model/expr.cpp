#include "model/expr.hpp"

namespace ccn {

void collect_identifiers(const Expr& expr, std::vector<std::string>& out)
{
  if (expr.op == Expr::Op::ident) {
    out.push_back(expr.name);
  }
  for (const auto& a : expr.args) {
    collect_identifiers(a, out);
  }
}

} // namespace ccn
