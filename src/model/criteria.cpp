#include "model/criteria.hpp"

#include <algorithm>

namespace ccn {

const Field* Criteria::field(const std::string& key) const
{
  auto it = std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.id == key; });
  return it == fields.end() ? nullptr : &*it;
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

Rational Criteria::group_max(const Group& g) const
{
  Rational sum = 0;
  for (size_t i : g.criteria) {
    sum += criteria[i].max * criteria[i].weight;
  }
  return sum;
}

Rational Criteria::group_min(const Group& g) const
{
  if (g.min) {
    return *g.min;
  }
  return group_max(g) * group_percent / 100;
}

Rational Criteria::scale() const
{
  Rational sum = 0;
  for (const auto& g : groups) {
    sum += group_max(g);
  }
  return sum;
}

} // namespace ccn
