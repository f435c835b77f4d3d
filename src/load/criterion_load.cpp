// Groups, criteria and their scoring kinds (formats-v1 section 2.3).

#include "load/criteria_load.hpp"
#include "load/expr_parse.hpp"
#include "util/text.hpp"


#include <algorithm>

namespace ccn::detail {

namespace {

// What a message says about criterion `c`: "criterion 'C1'".
Subject criterion_subject(const Criterion& c)
{
  return Message{"load_criterion", {{"criterion", c.id}}};
}

// Points must lie within [0, max]; `what` is the key of the points' name.
bool check_points(Reader& r, const YNode& node, const Rational& points, const Criterion& c, const char* what)
{
  if (points < 0 || points > c.max) {
    r.error(node, "crit_points_out_of_range",
            {{"criterion", c.id}, {"points_of", Message{what, {}}}, decimal_arg("points", points),
             decimal_arg("max", c.max)});
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

// A band in words: "from 25 below 35", "otherwise".
Message band_text(const Band& b)
{
  std::string key = "load_band";
  MsgArgs args;
  if (b.lower) {
    key += b.lower_inclusive ? "_from" : "_above";
    args.push_back(decimal_arg("low", *b.lower));
  }
  if (b.upper) {
    key += b.upper_inclusive ? "_to" : "_below";
    args.push_back(decimal_arg("high", *b.upper));
  }
  return {key == "load_band" ? "load_band_otherwise" : key, std::move(args)};
}

void load_bands(Reader& r, const YNode& node, Criterion& c)
{
  Subject what = sub_key(criterion_subject(c), "bands");
  if (!r.is_seq(node, what)) {
    return;
  }
  if (node.items.empty()) {
    r.error(node, what, "crit_list_empty", {});
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
      r.error(item, what, "crit_band_two_lower", {});
      continue;
    }
    if (m.get("to") && m.get("below")) {
      r.error(item, what, "crit_band_two_upper", {});
      continue;
    }
    bool ok = true;
    auto bound = [&](const char* key, std::optional<Rational>& out, bool& incl, bool inclusive) {
      if (const YNode* n = m.get(key)) {
        out = r.number(*n, sub_key(what, key));
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
    auto points = r.number(*p, sub_key(what, "points"));
    if (!points || !check_points(r, *p, *points, c, "points_band")) {
      continue;
    }
    b.points = *points;
    if (b.lower && b.upper
        && (*b.lower > *b.upper || (*b.lower == *b.upper && !(b.lower_inclusive && b.upper_inclusive)))) {
      r.error(item, what, "crit_band_empty", {{"band", band_text(b)}});
      continue;
    }
    if (!b.lower && !b.upper && i + 1 != node.items.size()) {
      r.error(item, what, "crit_band_otherwise_not_last", {});
      continue;
    }
    for (const Band& other : c.bands) {
      if ((other.lower || other.upper) && (b.lower || b.upper) && bands_overlap(other, b)) {
        r.error(item, what, "crit_band_overlap",
                {{"band", band_text(b)}, {"other", band_text(other)}, {"line", std::to_string(other.pos.line)}});
      }
    }
    c.bands.push_back(b);
  }
}

void load_levels(Reader& r, const YNode& node, Criterion& c, const Criteria& all)
{
  Subject what = sub_key(criterion_subject(c), "levels");
  MapView m(r, node, what);
  if (!m.ok()) {
    return;
  }
  const Field* f = all.field(c.of);
  for (const auto& [key, value] : m.entries()) {
    if (f != nullptr && std::find(f->values.begin(), f->values.end(), key->text) == f->values.end()) {
      r.error(*key, what, "crit_level_not_value", {{"value", short_token(key->text)}, {"field", f->id}});
      continue;
    }
    auto points = r.number(*value, sub_key(what, short_token(key->text)));
    if (points && check_points(r, *value, *points, c, "points_level")) {
      c.levels[key->text] = *points;
    }
  }
  if (f != nullptr) {
    for (const auto& v : f->values) {
      if (m.get(v) == nullptr) {
        r.error(node, what, "crit_level_missing", {{"value", v}, {"field", f->id}});
      }
    }
  }
}

void load_kind(Reader& r, const MapView& m, Criterion& c, const Criteria& all, const Failed& failed)
{
  static constexpr const char* k_kinds[] = {"bands", "levels", "flag", "per_unit", "relative", "judged"};
  std::vector<const char*> present;
  for (const char* k : k_kinds) {
    if (m.get(k) != nullptr) {
      present.push_back(k);
    }
  }
  Subject what = criterion_subject(c);
  if (present.size() != 1) {
    r.error(m.node(), what, "crit_scoring_kind", {{"count", present.size()}});
    return;
  }
  std::string kind = present[0];
  const YNode& value = *m.get(kind);
  const YNode* of = m.get("of");
  if (kind == "judged") {
    c.kind = ScoringKind::judged;
    if (of != nullptr) {
      r.error(*of, what, "crit_judged_of", {});
    }
    if (value.kind != YNode::Kind::null) {
      MapView j(r, value, sub_key(what, "judged"), {"step"});
      if (const YNode* s = j.get("step")) {
        auto step = r.number(*s, sub_key(what, "step"));
        if (step && *step <= 0) {
          r.error(*s, what, "crit_step_positive", {{"number", s->text}});
        } else {
          c.step = step;
        }
      }
    }
    return;
  }
  if (of == nullptr) {
    r.error(m.node(), what, "crit_missing_of", {{"kind", kind}});
    return;
  }
  auto of_id = r.text(*of, sub_key(what, "of"));
  if (!of_id) {
    return;
  }
  c.of = *of_id;
  auto type = name_type(all, c.of);
  if (!type && failed.has_name(c.of)) {
    return;
  }
  if (!type) {
    std::vector<std::string> names = all.field_ids();
    for (const auto& ms : all.measures) {
      names.push_back(ms.id);
    }
    r.error(*of, what, "crit_unknown_of", {{"name", c.of}}, nearest_name(c.of, names));
    return;
  }
  ValueType needed = kind == "levels" ? ValueType::enum_value : kind == "flag" ? ValueType::truth : ValueType::number;
  if (*type != needed) {
    r.error(*of, what, "crit_of_type",
            {{"kind", kind},
             {"needed", needed == ValueType::enum_value ? Message{"type_enum_field", {}} : type_name(needed)},
             {"name", c.of},
             {"found", *type == ValueType::invalid ? Message{"type_date_or_text_field", {}} : type_name(*type)}});
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
    if (auto p = r.number(value, sub_key(what, "flag"))) {
      if (check_points(r, value, *p, c, "points_flag")) {
        c.flag_points = *p;
      }
    }
  } else if (kind == "per_unit") {
    c.kind = ScoringKind::per_unit;
    if (auto p = r.number(value, sub_key(what, "per_unit"))) {
      if (*p <= 0) {
        r.error(value, what, "crit_per_unit_positive", {{"number", value.text}});
      }
      c.per_unit = *p;
    }
  } else {
    c.kind = ScoringKind::relative;
    auto v = r.text(value, sub_key(what, "relative"));
    if (v && *v != "lower" && *v != "higher") {
      r.error(value, what, "crit_relative", {{"found", quote_found(*v)}});
    }
    c.lower_is_better = v && *v == "lower";
  }
}

// "criterion 'F1'" when the node has a usable id, for messages about its keys.
Subject criterion_label(const YNode& node)
{
  for (const auto& [k, v] : node.entries) {
    if (k.text == "id" && v.kind == YNode::Kind::scalar && is_identifier(v.text)) {
      return Message{"load_criterion", {{"criterion", v.text}}};
    }
  }
  return "criterion";
}

void load_criterion(Reader& r, const YNode& node, Criteria& all, size_t group_index, const Failed& failed)
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
  Subject what = criterion_subject(c);
  if (all.criterion(c.id) != nullptr) {
    r.error(*id_node, "crit_criterion_id_twice",
            {{"criterion", c.id}, {"line", std::to_string(all.criterion(c.id)->pos.line)}});
    return;
  }
  c.name = name_node ? r.text(*name_node, sub_key(what, "name")).value_or("") : "";
  if (max_node == nullptr) {
    return;
  }
  auto max = r.number(*max_node, sub_key(what, "max"));
  if (!max) {
    return;
  }
  if (*max <= 0) {
    r.error(*max_node, what, "crit_max_positive", {{"number", max_node->text}});
    return;
  }
  c.max = *max;
  if (const YNode* w = m.get("weight")) {
    auto weight = r.number(*w, sub_key(what, "weight"));
    if (weight && *weight <= 0) {
      r.error(*w, what, "crit_weight_positive", {{"number", w->text}});
    } else if (weight) {
      c.weight = *weight;
    }
  }
  load_kind(r, m, c, all, failed);
  all.criteria.push_back(std::move(c));
}

} // namespace

void load_groups(Reader& r, const YNode& node, Criteria& c, Failed& failed)
{
  if (!r.is_seq(node, "groups")) {
    return;
  }
  if (node.items.empty()) {
    r.error(node, "crit_no_group", {});
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
    Subject what = Message{"load_group", {{"group", g.id}}};
    if (std::any_of(c.groups.begin(), c.groups.end(), [&](const Group& o) { return o.id == g.id; })) {
      r.error(*id_node, "crit_group_id_twice", {{"group", g.id}});
      continue;
    }
    g.name = name_node ? r.text(*name_node, sub_key(what, "name")).value_or("") : "";
    if (const YNode* n = m.get("min")) {
      g.min = r.number(*n, sub_key(what, "min"));
      if (g.min && *g.min < 0) {
        r.error(*n, what, "crit_group_min_negative", {{"number", n->text}});
      }
    }
    if (crit_node == nullptr || !r.is_seq(*crit_node, sub_key(what, "criteria"))) {
      continue;
    }
    if (crit_node->items.empty()) {
      r.error(*crit_node, what, "crit_group_no_criterion", {});
    }
    size_t index = c.groups.size();
    size_t first = c.criteria.size();
    for (const auto& ci : crit_node->items) {
      const size_t before = c.criteria.size();
      load_criterion(r, ci, c, index, failed);
      if (c.criteria.size() == before) {
        for (const auto& [k, v] : ci.entries) {
          if (k.text == "id" && v.kind == YNode::Kind::scalar && c.criterion(v.text) == nullptr) {
            failed.criteria.insert(v.text);
          }
        }
      }
    }
    for (size_t i = first; i < c.criteria.size(); ++i) {
      g.criteria.push_back(i);
    }
    Rational gmax = 0;
    for (size_t i : g.criteria) {
      gmax += c.criteria[i].max * c.criteria[i].weight;
    }
    if (g.min && *g.min > gmax && g.criteria.size() == crit_node->items.size()) {
      r.error(*m.get("min"), what, "crit_group_min_above_max", {decimal_arg("min", *g.min), decimal_arg("max", gmax)});
    }
    c.groups.push_back(std::move(g));
  }
}

} // namespace ccn::detail
