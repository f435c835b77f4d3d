#include "load/criteria_load.hpp"
#include "load/expr_parse.hpp"
#include "load/loaders.hpp"
#include "load/reader.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace ccn {

namespace {

std::optional<FieldType> field_type_from(std::string_view t)
{
  static const std::map<std::string_view, FieldType> k_types = {
    {"number", FieldType::number}, {"integer", FieldType::integer}, {"bool", FieldType::boolean},
    {"enum", FieldType::enumeration}, {"date", FieldType::date}, {"text", FieldType::text}};
  auto it = k_types.find(t);
  if (it == k_types.end()) {
    return std::nullopt;
  }
  return it->second;
}

// `values: { rieng: Trạm xử lý riêng, ... }`: the values are the keys, in
// file order, each with a non-empty label (formats-v1 8.3).
void load_labelled_values(Reader& r, const YNode& node, const Subject& what, Field& f)
{
  MapView vm(r, node, sub_key(what, "values"));
  if (vm.entries().empty() && vm.ok()) {
    r.error(node, what, "crit_enum_values_map_empty", {});
  }
  for (const auto& [key, value] : vm.entries()) {
    auto id = r.identifier(*key, Message{"crit_value_of", {{"of", what.message}}});
    auto label = r.text(*value, Message{"crit_value_label", {{"of", what.message}, {"value", short_token(key->text)}}});
    // A wrong label is its own error; the value still exists, so that
    // `levels:` and expressions naming it raise no second one.
    if (id) {
      f.values.push_back(*id);
    }
    if (id && label) {
      f.value_labels[*id] = *label;
    }
  }
}

void load_field(Reader& r, const YNode& key, const YNode& node, Criteria& c)
{
  auto id = r.field_identifier(key, "field name");
  Subject what = Message{"load_field", {{"field", short_token(key.text)}}};
  MapView m(r, node, what, {"type", "label", "unit", "min", "max", "required", "values"});
  if (!id || !m.ok()) {
    return;
  }
  Field f;
  f.id = *id;
  f.pos = r.pos(key);
  const YNode* type_node = m.require("type");
  if (type_node == nullptr) {
    return;
  }
  auto type_text = r.text(*type_node, sub_key(what, "type"));
  if (!type_text) {
    return;
  }
  auto type = field_type_from(*type_text);
  if (!type) {
    r.error(*type_node, what, "crit_field_type", {{"found", quote_found(*type_text)}});
    return;
  }
  f.type = *type;
  if (const YNode* n = m.get("label")) {
    f.label = r.text(*n, sub_key(what, "label")).value_or("");
  }
  if (const YNode* n = m.get("unit")) {
    f.unit = r.text(*n, sub_key(what, "unit")).value_or("");
  }
  if (const YNode* n = m.get("required")) {
    f.required = r.boolean(*n, sub_key(what, "required")).value_or(true);
  }
  bool numeric = f.type == FieldType::number || f.type == FieldType::integer;
  for (const char* bound : {"min", "max"}) {
    const YNode* n = m.get(bound);
    if (n == nullptr) {
      continue;
    }
    if (!numeric) {
      r.error(*n, what, "crit_field_bound_not_numeric", {{"bound", std::string_view(bound)}});
      continue;
    }
    auto v = r.number(*n, sub_key(what, bound));
    (std::string_view(bound) == "min" ? f.min : f.max) = v;
  }
  if (f.min && f.max && *f.min > *f.max) {
    r.error(node, what, "crit_field_min_above_max", {decimal_arg("min", *f.min), decimal_arg("max", *f.max)});
  }
  const YNode* values = m.get("values");
  if (f.type == FieldType::enumeration) {
    if (values == nullptr) {
      r.error(node, what, "crit_enum_needs_values", {});
      return;
    }
    if (values->kind == YNode::Kind::map) {
      load_labelled_values(r, *values, what, f);
    } else if (auto list = r.identifier_list(*values, sub_key(what, "values"))) {
      if (list->empty()) {
        r.error(*values, what, "crit_enum_values_empty", {});
      }
      f.values = *list;
    } else {
      return; // a failed field: what uses it raises no second error
    }
  } else if (values != nullptr) {
    r.error(*values, what, "crit_values_not_enum", {});
  }
  c.fields.push_back(std::move(f));
}

SourcePos expr_pos(Reader& r, const YNode& node, int offset)
{
  SourcePos p = r.pos(node);
  p.col += offset + (node.plain ? 0 : 1);
  return p;
}

// Parse an expression scalar; errors point into the expression.
std::optional<Expression> parse_at(Reader& r, const YNode& node, const Subject& what)
{
  auto src = r.text(node, what);
  if (!src) {
    return std::nullopt;
  }
  ExprError err;
  auto expr = parse_expression(*src, err);
  if (!expr) {
    r.diags().error(expr_pos(r, node, err.offset), "load_subject_detail", {{"what", what.message}, {"detail", err.message}});
    return std::nullopt;
  }
  return Expression{*src, std::move(*expr)};
}

SymbolLookup make_lookup(const Criteria& c, const std::map<std::string, ValueType>& measure_types,
                         const detail::Failed& failed)
{
  return [&c, &measure_types, &failed](const std::string& name) -> std::optional<SymbolType> {
    if (failed.fields.count(name) != 0) {
      return SymbolType{ValueType::invalid, {}, {}, {"expr_why_field_error", {}}};
    }
    if (const Field* f = c.field(name)) {
      SymbolType s;
      switch (f->type) {
      case FieldType::number:
      case FieldType::integer:
        s.type = ValueType::number;
        break;
      case FieldType::boolean:
        s.type = ValueType::truth;
        break;
      case FieldType::enumeration:
        s.type = ValueType::enum_value;
        s.enum_field = f->id;
        s.enum_values = f->values;
        break;
      case FieldType::date:
        s.why_invalid = {"expr_why_date_field", {}};
        break;
      case FieldType::text:
        s.why_invalid = {"expr_why_text_field", {}};
        break;
      }
      return s;
    }
    auto it = measure_types.find(name);
    if (it != measure_types.end()) {
      SymbolType s;
      s.type = it->second;
      if (s.type == ValueType::invalid) {
        s.why_invalid = {"expr_why_measure_error", {}};
      }
      return s;
    }
    if (failed.measures.count(name) != 0) {
      return SymbolType{ValueType::invalid, {}, {}, {"expr_why_measure_error", {}}};
    }
    return std::nullopt;
  };
}

struct PendingMeasure
{
  std::string id;
  const YNode* node; // the expression
  Expression expr;
  SourcePos pos;
  std::vector<std::string> uses;
  std::string label;
  std::string unit;
};

void load_measures(Reader& r, const YNode& node, Criteria& c, detail::Failed& failed)
{
  MapView m(r, node, "measures");
  if (!m.ok()) {
    return;
  }
  // Every measure the file names that does not load is a failed one
  // (recorded at the end, once the loaded ones are known).
  std::vector<std::string> named;
  for (const auto& entry : m.entries()) {
    named.push_back(entry.first->text);
  }
  std::vector<PendingMeasure> pending;
  for (const auto& [key, value] : m.entries()) {
    auto id = r.field_identifier(*key, "measure name");
    if (!id) {
      continue;
    }
    if (c.field(*id) != nullptr) {
      r.error(*key, "crit_measure_is_field", {{"measure", *id}});
      continue;
    }
    Subject what = Message{"subject_measure", {{"measure", *id}}};
    const YNode* expr_node = value;
    std::string label;
    std::string unit;
    if (value->kind == YNode::Kind::map) {
      // { expr: "...", label: ..., unit: ... } (formats-v1 8.3)
      MapView mm(r, *value, what, {"expr", "label", "unit"});
      expr_node = mm.require("expr");
      if (const YNode* n = mm.get("label")) {
        label = r.text(*n, sub_key(what, "label")).value_or("");
      }
      if (const YNode* n = mm.get("unit")) {
        unit = r.text(*n, sub_key(what, "unit")).value_or("");
      }
      if (expr_node == nullptr) {
        continue;
      }
    }
    auto expr = parse_at(r, *expr_node, what);
    if (!expr) {
      continue;
    }
    PendingMeasure p{*id, expr_node, std::move(*expr), r.pos(*key), {}, label, unit};
    collect_identifiers(p.expr.root, p.uses);
    pending.push_back(std::move(p));
  }
  // Order the measures so each follows those it uses; report cycles.
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < pending.size(); ++i) {
    index[pending[i].id] = i;
  }
  std::vector<int> state(pending.size(), 0); // 0 new, 1 visiting, 2 done
  std::vector<size_t> order;
  std::set<size_t> in_cycle;
  // Depth-first, with a stack of its own rather than recursion: a chain of
  // measures is as long as the file makes it. Each frame is a measure and
  // the next of its uses to follow.
  std::vector<std::pair<size_t, size_t>> stack;
  for (size_t root = 0; root < pending.size(); ++root) {
    if (state[root] != 0) {
      continue;
    }
    state[root] = 1;
    stack.emplace_back(root, 0);
    while (!stack.empty()) {
      auto& [i, next] = stack.back();
      if (next == pending[i].uses.size()) {
        state[i] = 2;
        order.push_back(i);
        stack.pop_back();
        continue;
      }
      const std::string& use = pending[i].uses[next++];
      auto it = index.find(use);
      if (it == index.end()) {
        continue;
      }
      if (state[it->second] == 1) {
        auto start = std::find_if(stack.begin(), stack.end(), [&](const auto& f) { return f.first == it->second; });
        std::string first;
        std::string last;
        const auto length = stack.end() - start;
        for (auto f = start; f != stack.end(); ++f) {
          in_cycle.insert(f->first);
          // A long cycle is shown by its first and last measures.
          const auto at = f - start;
          if (length <= 10 || at < 5) {
            first += pending[f->first].id + " -> ";
          } else if (at >= length - 2) {
            last += pending[f->first].id + " -> ";
          }
        }
        if (length <= 10) {
          r.diags().error(pending[it->second].pos, "crit_measure_cycle", {{"path", first + use}});
        } else {
          first.resize(first.size() - 4); // the last " -> "
          r.diags().error(pending[it->second].pos, "crit_measure_cycle_long",
                          {{"first", first}, {"more", length - 7}, {"last", last + use}});
        }
      } else if (state[it->second] == 0) {
        state[it->second] = 1;
        stack.emplace_back(it->second, 0);
      }
    }
  }
  std::map<std::string, ValueType> types;
  for (const auto& p : pending) {
    types[p.id] = ValueType::invalid;
  }
  auto lookup = make_lookup(c, types, failed);
  for (size_t i : order) {
    PendingMeasure& p = pending[i];
    if (in_cycle.count(i) != 0) {
      continue;
    }
    ExprError err;
    if (!check_expression(p.expr.root, lookup, err)) {
      r.diags().error(expr_pos(r, *p.node, err.offset), "load_subject_detail",
                      {{"what", Message{"subject_measure", {{"measure", p.id}}}}, {"detail", err.message}});
      continue;
    }
    if (p.expr.root.type != ValueType::number && p.expr.root.type != ValueType::truth) {
      r.diags().error(r.pos(*p.node), "crit_measure_not_number_or_truth",
                      {{"measure", p.id}, {"found", type_name(p.expr.root.type)}});
      continue;
    }
    types[p.id] = p.expr.root.type;
    c.measures.push_back(Measure{p.id, std::move(p.expr), p.label, p.unit, p.pos});
  }
  // The measures are all in: what refers to them (gates, criteria) finds
  // them by a binary search, however many the file holds.
  c.index_ids();
  for (const auto& name : named) {
    if (c.measure(name) == nullptr && c.field(name) == nullptr) {
      failed.measures.insert(name);
    }
  }
}

void load_gates(Reader& r, const YNode& node, Criteria& c, const detail::Failed& failed)
{
  if (!r.is_seq(node, "gates")) {
    return;
  }
  std::map<std::string, ValueType> types;
  for (const auto& m : c.measures) {
    types[m.id] = m.expr.root.type;
  }
  auto lookup = make_lookup(c, types, failed);
  for (const auto& item : node.items) {
    MapView m(r, item, "gate", {"id", "name", "require"});
    if (!m.ok()) {
      continue;
    }
    const YNode* id_node = m.require("id");
    const YNode* name_node = m.require("name");
    const YNode* req_node = m.require("require");
    auto id = id_node ? r.identifier(*id_node, "gate id") : std::nullopt;
    auto name = name_node ? r.text(*name_node, "gate name") : std::nullopt;
    if (!id || !name || req_node == nullptr) {
      continue;
    }
    if (std::any_of(c.gates.begin(), c.gates.end(), [&](const Gate& g) { return g.id == *id; })) {
      r.error(*id_node, "crit_gate_id_twice", {{"gate", *id}});
      continue;
    }
    Subject what = Message{"subject_gate", {{"gate", *id}}};
    auto expr = parse_at(r, *req_node, what);
    if (!expr) {
      continue;
    }
    ExprError err;
    if (!check_expression(expr->root, lookup, err)) {
      r.diags().error(expr_pos(r, *req_node, err.offset), "load_subject_detail",
                      {{"what", what.message}, {"detail", err.message}});
      continue;
    }
    if (expr->root.type != ValueType::truth) {
      r.error(*req_node, what, "crit_require_not_truth", {{"found", type_name(expr->root.type)}});
      continue;
    }
    c.gates.push_back(Gate{*id, *name, std::move(*expr), r.pos(*id_node)});
  }
}

} // namespace

namespace detail {

std::optional<ValueType> name_type(const Criteria& c, const std::string& name)
{
  if (const Field* f = c.field(name)) {
    switch (f->type) {
    case FieldType::number:
    case FieldType::integer:
      return ValueType::number;
    case FieldType::boolean:
      return ValueType::truth;
    case FieldType::enumeration:
      return ValueType::enum_value;
    default:
      return ValueType::invalid;
    }
  }
  if (const Measure* m = c.measure(name)) {
    return m->expr.root.type;
  }
  return std::nullopt;
}

} // namespace detail

std::optional<Criteria> load_criteria(const Document& doc, Diagnostics& diags)
{
  if (!check_format(doc, k_format_criteria, diags)) {
    return std::nullopt;
  }
  const size_t errors_before = diags.error_count();
  Reader r(doc.path, diags);
  MapView m(r, doc.root, "criteria",
            {"format", "id", "title", "issuer", "basis", "effective", "language", "precision", "rounding", "pass",
             "fields", "measures", "gates", "groups", "tie_break"});
  Criteria c;
  detail::Failed failed;
  c.path = doc.path;
  c.sha256 = doc.sha256;
  if (const YNode* n = m.require("id")) {
    c.id = r.identifier(*n, "id").value_or("");
  }
  if (const YNode* n = m.require("title")) {
    c.title = r.text(*n, "title").value_or("");
  }
  if (const YNode* n = m.get("issuer")) {
    c.issuer = r.text(*n, "issuer").value_or("");
  }
  if (const YNode* n = m.get("basis")) {
    c.basis = r.text(*n, "basis").value_or("");
  }
  if (const YNode* n = m.get("effective")) {
    c.effective = r.date(*n, "effective");
  }
  if (const YNode* n = m.get("language")) {
    auto v = r.text(*n, "language");
    if (v && *v != "vi" && *v != "en") {
      r.error(*n, "crit_language", {{"found", quote_found(*v)}});
    } else if (v) {
      c.language = *v;
      diags.note_language(c.language);
    }
  } else {
    diags.note_language(""); // none: English
  }
  if (const YNode* n = m.get("precision")) {
    auto v = r.integer(*n, "precision");
    if (v && (*v < 0 || *v > 6)) {
      r.error(*n, "crit_precision", {{"number", n->text}});
    } else if (v) {
      c.precision = static_cast<int>(v->get_num().get_si());
    }
  }
  if (const YNode* n = m.get("rounding")) {
    auto v = r.text(*n, "rounding");
    if (v && *v != "total" && *v != "criterion") {
      r.error(*n, "crit_rounding", {{"found", quote_found(*v)}});
    } else if (v) {
      c.round_each_criterion = *v == "criterion";
    }
  }
  if (const YNode* n = m.get("pass")) {
    detail::load_pass(r, *n, c);
  }
  if (const YNode* n = m.require("fields")) {
    MapView fields(r, *n, "fields");
    for (const auto& [key, value] : fields.entries()) {
      const size_t before = c.fields.size();
      load_field(r, *key, *value, c);
      if (c.fields.size() == before) {
        failed.fields.insert(key->text);
      }
    }
    c.index_ids(); // the measures look their names up among the fields
  }
  if (const YNode* n = m.get("measures")) {
    load_measures(r, *n, c, failed);
  }
  if (const YNode* n = m.get("gates")) {
    load_gates(r, *n, c, failed);
  }
  if (const YNode* n = m.require("groups")) {
    detail::load_groups(r, *n, c, failed);
    detail::check_pass_reachable(r, m.get("pass"), *n, c);
  }
  if (const YNode* n = m.get("tie_break")) {
    detail::load_tie_break(r, *n, c, failed);
  }
  if (diags.error_count() != errors_before) {
    return std::nullopt;
  }
  c.finish();
  return c;
}

} // namespace ccn
