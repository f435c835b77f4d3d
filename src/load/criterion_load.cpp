// Groups, criteria and their scoring kinds (formats-v1 section 2.3).

#include "load/criteria_load.hpp"
#include "load/expr_parse.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ccn::detail {

namespace {

std::string fmt_num(const Rational& v)
{
  return number_text(v);
}

// Points must lie within [0, max].
bool check_points(Reader& r, const YNode& node, const Rational& points, const Criterion& c, std::string_view what)
{
  if (points < 0 || points > c.max) {
    r.error(node, fmt::format("criterion '{}': {} {} is outside 0 to max {}", c.id, what, fmt_num(points),
                              fmt_num(c.max)));
    return false;
  }
  return true;
}

// Whether two bands can both hold for some value.
bool bands_overlap(const Band& a, const Band& b)
{
  std::optional<Rational> lo;
  bool lo_incl = true;
  for (const Band* x : {&a, &b}) {
    if (!x->lower) {
      continue;
    }
    if (!lo || *x->lower > *lo) {
      lo = x->lower;
      lo_incl = x->lower_inclusive;
    } else if (*x->lower == *lo) {
      lo_incl = lo_incl && x->lower_inclusive;
    }
  }
  std::optional<Rational> hi;
  bool hi_incl = true;
  for (const Band* x : {&a, &b}) {
    if (!x->upper) {
      continue;
    }
    if (!hi || *x->upper < *hi) {
      hi = x->upper;
      hi_incl = x->upper_inclusive;
    } else if (*x->upper == *hi) {
      hi_incl = hi_incl && x->upper_inclusive;
    }
  }
  if (!lo || !hi) {
    return true;
  }
  return *lo < *hi || (*lo == *hi && lo_incl && hi_incl);
}

std::string band_text(const Band& b)
{
  std::string s;
  if (b.lower) {
    s += (b.lower_inclusive ? "from " : "above ") + fmt_num(*b.lower);
  }
  if (b.upper) {
    s += s.empty() ? "" : " ";
    s += (b.upper_inclusive ? "to " : "below ") + fmt_num(*b.upper);
  }
  return s.empty() ? "otherwise" : s;
}

void load_bands(Reader& r, const YNode& node, Criterion& c)
{
  std::string what = fmt::format("criterion '{}' bands", c.id);
  if (!r.is_seq(node, what)) {
    return;
  }
  if (node.items.empty()) {
    r.error(node, what + ": the list is empty");
    return;
  }
  for (size_t i = 0; i < node.items.size(); ++i) {
    const YNode& item = node.items[i];
    MapView m(r, item, what, {"from", "above", "to", "below", "points"});
    if (!m.ok()) {
      continue;
    }
    Band b;
    b.pos = r.pos(item);
    if (m.get("from") && m.get("above")) {
      r.error(item, what + ": a band has at most one lower bound ('from' or 'above')");
      continue;
    }
    if (m.get("to") && m.get("below")) {
      r.error(item, what + ": a band has at most one upper bound ('to' or 'below')");
      continue;
    }
    bool ok = true;
    auto bound = [&](const char* key, std::optional<Rational>& out, bool& incl, bool inclusive) {
      if (const YNode* n = m.get(key)) {
        out = r.number(*n, fmt::format("{} {}", what, key));
        incl = inclusive;
        ok = ok && out.has_value();
      }
    };
    bound("from", b.lower, b.lower_inclusive, true);
    bound("above", b.lower, b.lower_inclusive, false);
    bound("to", b.upper, b.upper_inclusive, true);
    bound("below", b.upper, b.upper_inclusive, false);
    const YNode* p = m.require("points");
    if (p == nullptr || !ok) {
      continue;
    }
    auto points = r.number(*p, what + " points");
    if (!points || !check_points(r, *p, *points, c, "band points")) {
      continue;
    }
    b.points = *points;
    if (b.lower && b.upper
        && (*b.lower > *b.upper || (*b.lower == *b.upper && !(b.lower_inclusive && b.upper_inclusive)))) {
      r.error(item, fmt::format("{}: band '{}' holds for no value", what, band_text(b)));
      continue;
    }
    if (!b.lower && !b.upper && i + 1 != node.items.size()) {
      r.error(item, what + ": a band without bounds (the \"otherwise\" band) must be the last");
      continue;
    }
    for (const Band& other : c.bands) {
      if ((other.lower || other.upper) && (b.lower || b.upper) && bands_overlap(other, b)) {
        r.error(item, fmt::format("{}: band '{}' overlaps band '{}' at line {}", what, band_text(b),
                                  band_text(other), other.pos.line));
      }
    }
    c.bands.push_back(b);
  }
}

void load_levels(Reader& r, const YNode& node, Criterion& c, const Criteria& all)
{
  std::string what = fmt::format("criterion '{}' levels", c.id);
  MapView m(r, node, what);
  if (!m.ok()) {
    return;
  }
  const Field* f = all.field(c.of);
  for (const auto& [key, value] : m.entries()) {
    if (f != nullptr && std::find(f->values.begin(), f->values.end(), key->text) == f->values.end()) {
      r.error(*key, fmt::format("{}: '{}' is not a value of field '{}'", what, short_token(key->text), f->id));
      continue;
    }
    auto points = r.number(*value, fmt::format("{} {}", what, short_token(key->text)));
    if (points && check_points(r, *value, *points, c, "level points")) {
      c.levels[key->text] = *points;
    }
  }
  if (f != nullptr) {
    for (const auto& v : f->values) {
      if (m.get(v) == nullptr) {
        r.error(node, fmt::format("{}: missing points for '{}', a value of field '{}'", what, v, f->id));
      }
    }
  }
}

void load_kind(Reader& r, const MapView& m, Criterion& c, const Criteria& all)
{
  static constexpr const char* k_kinds[] = {"bands", "levels", "flag", "per_unit", "relative", "judged"};
  std::vector<const char*> present;
  for (const char* k : k_kinds) {
    if (m.get(k) != nullptr) {
      present.push_back(k);
    }
  }
  std::string what = fmt::format("criterion '{}'", c.id);
  if (present.size() != 1) {
    r.error(m.node(), fmt::format("{}: expected exactly one scoring kind (bands, levels, flag, per_unit, relative "
                                  "or judged), found {}",
                                  what, present.size()));
    return;
  }
  std::string kind = present[0];
  const YNode& value = *m.get(kind);
  const YNode* of = m.get("of");
  if (kind == "judged") {
    c.kind = ScoringKind::judged;
    if (of != nullptr) {
      r.error(*of, what + ": a judged criterion takes no 'of'");
    }
    if (value.kind != YNode::Kind::null) {
      MapView j(r, value, what + " judged", {"step"});
      if (const YNode* s = j.get("step")) {
        auto step = r.number(*s, what + " step");
        if (step && *step <= 0) {
          r.error(*s, fmt::format("{}: step must be > 0, found {}", what, s->text));
        } else {
          c.step = step;
        }
      }
    }
    return;
  }
  if (of == nullptr) {
    r.error(m.node(), fmt::format("{}: missing 'of', the field or measure that {} scores", what, kind));
    return;
  }
  auto of_id = r.text(*of, what + " of");
  if (!of_id) {
    return;
  }
  c.of = *of_id;
  auto type = name_type(all, c.of);
  if (!type) {
    r.error(*of, fmt::format("{}: unknown field or measure '{}'", what, c.of));
    return;
  }
  ValueType needed = kind == "levels" ? ValueType::enum_value : kind == "flag" ? ValueType::truth : ValueType::number;
  if (*type != needed) {
    r.error(*of, fmt::format("{}: {} needs {} for 'of', but '{}' is {}", what, kind,
                             needed == ValueType::enum_value ? "an enum field" : type_name(needed), c.of,
                             *type == ValueType::invalid ? "a date or text field" : type_name(*type)));
    return;
  }
  if (kind == "bands") {
    c.kind = ScoringKind::bands;
    load_bands(r, value, c);
  } else if (kind == "levels") {
    c.kind = ScoringKind::levels;
    load_levels(r, value, c, all);
  } else if (kind == "flag") {
    c.kind = ScoringKind::flag;
    if (auto p = r.number(value, what + " flag")) {
      if (check_points(r, value, *p, c, "flag points")) {
        c.flag_points = *p;
      }
    }
  } else if (kind == "per_unit") {
    c.kind = ScoringKind::per_unit;
    if (auto p = r.number(value, what + " per_unit")) {
      if (*p <= 0) {
        r.error(value, fmt::format("{}: per_unit must be > 0, found {}", what, value.text));
      }
      c.per_unit = *p;
    }
  } else {
    c.kind = ScoringKind::relative;
    auto v = r.text(value, what + " relative");
    if (v && *v != "lower" && *v != "higher") {
      r.error(value, fmt::format("{}: relative: expected lower or higher, found {}", what, quote_found(*v)));
    }
    c.lower_is_better = v && *v == "lower";
  }
}

// "criterion 'F1'" when the node has a usable id, for messages about its keys.
std::string criterion_label(const YNode& node)
{
  for (const auto& [k, v] : node.entries) {
    if (k.text == "id" && v.kind == YNode::Kind::scalar && is_identifier(v.text)) {
      return fmt::format("criterion '{}'", v.text);
    }
  }
  return "criterion";
}

void load_criterion(Reader& r, const YNode& node, Criteria& all, size_t group_index)
{
  MapView m(r, node, criterion_label(node),
            {"id", "name", "max", "weight", "of", "bands", "levels", "flag", "per_unit", "relative", "judged"});
  if (!m.ok()) {
    return;
  }
  Criterion c;
  c.group = group_index;
  c.pos = r.pos(node);
  const YNode* id_node = m.require("id");
  const YNode* name_node = m.require("name");
  const YNode* max_node = m.require("max");
  auto id = id_node ? r.identifier(*id_node, "criterion id") : std::nullopt;
  if (!id) {
    return;
  }
  c.id = *id;
  std::string what = fmt::format("criterion '{}'", c.id);
  if (all.criterion(c.id) != nullptr) {
    r.error(*id_node, fmt::format("criterion id '{}' is used twice (first at line {})", c.id,
                                  all.criterion(c.id)->pos.line));
    return;
  }
  c.name = name_node ? r.text(*name_node, what + " name").value_or("") : "";
  if (max_node == nullptr) {
    return;
  }
  auto max = r.number(*max_node, what + " max");
  if (!max) {
    return;
  }
  if (*max <= 0) {
    r.error(*max_node, fmt::format("{}: max must be > 0, found {}", what, max_node->text));
    return;
  }
  c.max = *max;
  if (const YNode* w = m.get("weight")) {
    auto weight = r.number(*w, what + " weight");
    if (weight && *weight <= 0) {
      r.error(*w, fmt::format("{}: weight must be > 0, found {}", what, w->text));
    } else if (weight) {
      c.weight = *weight;
    }
  }
  load_kind(r, m, c, all);
  all.criteria.push_back(std::move(c));
}

} // namespace

void load_groups(Reader& r, const YNode& node, Criteria& c)
{
  if (!r.is_seq(node, "groups")) {
    return;
  }
  if (node.items.empty()) {
    r.error(node, "groups: expected at least one group");
    return;
  }
  for (const auto& item : node.items) {
    MapView m(r, item, "group", {"id", "name", "min", "criteria"});
    if (!m.ok()) {
      continue;
    }
    Group g;
    g.pos = r.pos(item);
    const YNode* id_node = m.require("id");
    const YNode* name_node = m.require("name");
    const YNode* crit_node = m.require("criteria");
    auto id = id_node ? r.identifier(*id_node, "group id") : std::nullopt;
    if (!id) {
      continue;
    }
    g.id = *id;
    std::string what = fmt::format("group '{}'", g.id);
    if (std::any_of(c.groups.begin(), c.groups.end(), [&](const Group& o) { return o.id == g.id; })) {
      r.error(*id_node, fmt::format("group id '{}' is used twice", g.id));
      continue;
    }
    g.name = name_node ? r.text(*name_node, what + " name").value_or("") : "";
    if (const YNode* n = m.get("min")) {
      g.min = r.number(*n, what + " min");
      if (g.min && *g.min < 0) {
        r.error(*n, fmt::format("{}: min must be ≥ 0, found {}", what, n->text));
      }
    }
    if (crit_node == nullptr || !r.is_seq(*crit_node, what + " criteria")) {
      continue;
    }
    if (crit_node->items.empty()) {
      r.error(*crit_node, what + ": expected at least one criterion");
    }
    size_t index = c.groups.size();
    size_t first = c.criteria.size();
    for (const auto& ci : crit_node->items) {
      load_criterion(r, ci, c, index);
    }
    for (size_t i = first; i < c.criteria.size(); ++i) {
      g.criteria.push_back(i);
    }
    Rational gmax = 0;
    for (size_t i : g.criteria) {
      gmax += c.criteria[i].max * c.criteria[i].weight;
    }
    if (g.min && *g.min > gmax && g.criteria.size() == crit_node->items.size()) {
      r.error(*m.get("min"), fmt::format("{}: min {} is above the group's maximum {}", what, to_exact_string(*g.min),
                                         to_exact_string(gmax)));
    }
    c.groups.push_back(std::move(g));
  }
}

} // namespace ccn::detail
