#include "model/criteria.hpp"

#include <algorithm>

namespace ccn {

const std::string& Field::value_text(const std::string& value) const
{
  auto it = value_labels.find(value);
  return it == value_labels.end() ? value : it->second;
}

const Field* Criteria::field(const std::string& key) const
{
  auto it = std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.id == key; });
  return it == fields.end() ? nullptr : &*it;
}

std::vector<std::string> Criteria::field_ids() const
{
  std::vector<std::string> out;
  for (const auto& f : fields) {
    out.push_back(f.id);
  }
  return out;
}

const Measure* Criteria::measure(const std::string& key) const
{
  auto it = std::find_if(measures.begin(), measures.end(), [&](const Measure& m) { return m.id == key; });
  return it == measures.end() ? nullptr : &*it;
}

const Criterion* Criteria::criterion(const std::string& key) const
{
  auto it = std::find_if(criteria.begin(), criteria.end(), [&](const Criterion& c) { return c.id == key; });
  return it == criteria.end() ? nullptr : &*it;
}

bool Criteria::has_judged() const
{
  return std::any_of(criteria.begin(), criteria.end(),
                     [](const Criterion& c) { return c.kind == ScoringKind::judged; });
}

void Criteria::finish()
{
  used_fields.clear();
  auto note = [this](const Expr& e, const Message& user, auto& self) -> void {
    if (e.op == Expr::Op::ident && field(e.name) != nullptr) {
      used_fields.emplace(e.name, user);
    }
    for (const auto& a : e.args) {
      self(a, user, self);
    }
  };
  for (const auto& m : measures) {
    note(m.expr.root, Message{"subject_measure", {{"measure", m.id}}}, note);
  }
  for (const auto& g : gates) {
    note(g.expr.root, Message{"subject_gate", {{"gate", g.id}}}, note);
  }
  for (const auto& c : criteria) {
    if (!c.of.empty() && field(c.of) != nullptr) {
      used_fields.emplace(c.of, Message{"load_criterion", {{"criterion", c.id}}});
    }
  }
  scale_points = 0;
  for (auto& g : groups) {
    g.max_points = 0;
    for (size_t i : g.criteria) {
      g.max_points += criteria[i].max * criteria[i].weight;
    }
    g.min_points = g.min ? *g.min : Rational(g.max_points * group_percent / 100);
    scale_points += g.max_points;
  }
}

Rational Criteria::group_max(const Group& g) const
{
  return g.max_points;
}

Rational Criteria::group_min(const Group& g) const
{
  return g.min_points;
}

Rational Criteria::scale() const
{
  return scale_points;
}

} // namespace ccn
