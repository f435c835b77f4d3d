#include "model/criteria.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>

namespace ccn {

const std::string& Field::value_text(const std::string& value) const
{
  auto it = value_labels.find(value);
  return it == value_labels.end() ? value : it->second;
}

namespace {

// The item of `items` whose id is `key`: by `order` when it indexes them
// all, else in order.
template<typename T>
const T* find_by_id(const std::vector<T>& items, const std::vector<std::uint32_t>& order, std::string_view key)
{
  if (order.size() != items.size()) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == key; });
    return it == items.end() ? nullptr : &*it;
  }
  auto it = std::lower_bound(order.begin(), order.end(), key,
                             [&](std::uint32_t i, std::string_view k) { return items[i].id < k; });
  return it != order.end() && items[*it].id == key ? &items[*it] : nullptr;
}

template<typename T>
std::vector<std::uint32_t> order_by_id(const std::vector<T>& items)
{
  std::vector<std::uint32_t> order(items.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  // Stable: with an id written twice (a loader reports it), the first wins,
  // as it does in order.
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return items[a].id < items[b].id; });
  return order;
}

} // namespace

const Field* Criteria::field(const std::string& key) const
{
  return find_by_id(fields, field_order, key);
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
  return find_by_id(measures, measure_order, key);
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

void Criteria::index_ids()
{
  field_order = order_by_id(fields);
  measure_order = order_by_id(measures);
}

void Criteria::finish()
{
  index_ids();
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
