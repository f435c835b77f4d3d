#include "load/loaders.hpp"
#include "load/reader.hpp"
#include "util/text.hpp"


namespace ccn {

namespace {

bool valid_tax_code(const std::string& s)
{
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') {
        return false;
      }
    }
    return true;
  };
  return (s.size() == 10 && digits(0, 10)) || (s.size() == 14 && digits(0, 10) && s[10] == '-' && digits(11, 3));
}

std::optional<Fact> read_fact(Reader& r, const YNode& node, const Field& f)
{
  Fact fact;
  const bool numeric = f.type == FieldType::number || f.type == FieldType::integer;
  if (numeric && node.kind == YNode::Kind::scalar && node.plain) {
    // `rent: 480.000` is 480 to YAML and 480000 to a Vietnamese reader (8.2).
    if (auto readings = thousands_readings(node.text)) {
      if (readings->first == readings->second) {
        // 0.000 is zero either way: still refused, as the rule says, with the one plain form.
        r.error(node, "dossier_thousands_same", {{"fact", f.id}, {"number", node.text}, {"value", std::string("0")}});
      } else {
        r.error(node, "dossier_thousands_ambiguous",
                {{"fact", f.id}, {"number", node.text}, {"thousands", readings->first}, {"decimal", readings->second}});
      }
      return std::nullopt;
    }
  }
  // The common case first, without building the message of an error.
  if (f.type == FieldType::number && node.kind == YNode::Kind::scalar && node.plain) {
    NumberParse p = parse_decimal(node.text);
    if (p.kind == NumberParse::Kind::ok && (!f.min || p.value >= *f.min) && (!f.max || p.value <= *f.max)) {
      fact.number = std::move(p.value);
      fact.text = node.text;
      return fact;
    }
  }
  Subject what = Message{"load_fact", {{"fact", f.id}}};
  switch (f.type) {
  case FieldType::number:
  case FieldType::integer: {
    auto v = f.type == FieldType::number ? r.number(node, what) : r.integer(node, what);
    if (!v) {
      return std::nullopt;
    }
    if (f.min && *v < *f.min) {
      r.error(node, what, "dossier_below_min", {{"number", node.text}, decimal_arg("min", *f.min)});
      return std::nullopt;
    }
    if (f.max && *v > *f.max) {
      r.error(node, what, "dossier_above_max", {{"number", node.text}, decimal_arg("max", *f.max)});
      return std::nullopt;
    }
    fact.number = *v;
    fact.text = node.text;
    return fact;
  }
  case FieldType::boolean: {
    auto v = r.boolean(node, what);
    if (!v) {
      return std::nullopt;
    }
    fact.truth = *v;
    fact.text = *v ? "true" : "false";
    return fact;
  }
  case FieldType::enumeration: {
    std::string list;
    for (const auto& x : f.values) {
      list += list.empty() ? "" : ", ";
      list += x;
    }
    if (r.unfilled(node, what, Message{"load_want_one_of", {{"values", list}}})) {
      return std::nullopt;
    }
    auto v = r.text(node, what);
    if (!v) {
      return std::nullopt;
    }
    if (std::find(f.values.begin(), f.values.end(), *v) == f.values.end()) {
      r.error(node, what, "dossier_enum_value", {{"values", list}, {"found", quote_found(*v)}});
      return std::nullopt;
    }
    fact.text = *v;
    return fact;
  }
  case FieldType::date: {
    auto v = r.date_or_datetime(node, what);
    if (!v) {
      return std::nullopt;
    }
    fact.time = v;
    fact.text = v->text;
    return fact;
  }
  case FieldType::text: {
    auto v = r.text(node, what);
    if (!v) {
      return std::nullopt;
    }
    fact.text = *v;
    return fact;
  }
  }
  return std::nullopt;
}

void load_facts(Reader& r, const YNode& node, const Criteria* criteria, Dossier& d)
{
  MapView m(r, node, "facts");
  if (!m.ok()) {
    return;
  }
  for (const auto& [key, value] : m.entries()) {
    if (criteria == nullptr) {
      if (r.field_identifier(*key, "fact name") && value->kind != YNode::Kind::scalar
          && value->kind != YNode::Kind::null) {
        r.error(*value, "dossier_single_value", {{"fact", key->text}, {"found", Reader::describe(*value)}});
      }
      continue;
    }
    const Field* f = criteria->field(key->text);
    if (f == nullptr) {
      r.error(*key, "dossier_unknown_fact", {{"fact", short_token(key->text)}, {"criteria", criteria->id}},
              nearest_name(key->text, criteria->field_ids()));
      continue;
    }
    if (value->kind == YNode::Kind::null && !f->required) {
      continue;
    }
    if (auto fact = read_fact(r, *value, *f)) {
      d.facts[f->id] = std::move(*fact);
    }
  }
  if (criteria != nullptr) {
    for (const auto& f : criteria->fields) {
      const YNode* given = m.get(f.id);
      if (f.required && given == nullptr) {
        if (f.label.empty()) {
          r.error(node, "dossier_missing_fact", {{"fact", f.id}});
        } else {
          r.error(node, "dossier_missing_fact_label", {{"fact", f.id}, {"label", f.label}});
        }
      } else if (!f.required && (given == nullptr || is_null_node(*given))) {
        // An optional fact that a measure, gate or criterion uses must be given (formats-v1 2.2).
        auto used = criteria->used_fields.find(f.id);
        if (used != criteria->used_fields.end()) {
          r.error(given != nullptr ? *given : node,
                  "dossier_missing_used_fact", {{"fact", f.id}, {"user", used->second}});
        }
      }
    }
  }
}

} // namespace

std::optional<Dossier> load_dossier(const Document& doc, const Criteria* criteria, Diagnostics& diags)
{
  if (!check_format(doc, k_format_dossier, diags)) {
    return std::nullopt;
  }
  const size_t errors_before = diags.error_count();
  Reader r(doc.path, diags);
  MapView m(r, doc.root, "dossier", {"format", "applicant", "facts", "sources"});
  Dossier d;
  d.path = doc.path;
  d.sha256 = doc.sha256;
  d.pos = r.pos(doc.root);
  if (const YNode* a = m.require("applicant")) {
    MapView am(r, *a, "applicant", {"id", "name", "tax_code", "submitted_at"});
    if (const YNode* n = am.require("id")) {
      d.id = r.identifier(*n, "applicant id").value_or("");
      d.pos = r.pos(*n);
    }
    if (const YNode* n = am.require("name")) {
      d.name = r.text(*n, "applicant name").value_or("");
    }
    if (const YNode* n = am.get("tax_code"); n != nullptr && !r.left_empty(*n, "applicant tax_code")) {
      auto t = r.text(*n, "applicant tax_code");
      if (t && !valid_tax_code(*t)) {
        r.error(*n, "dossier_tax_code", {{"found", quote_found(*t)}});
      } else if (t) {
        d.tax_code = *t;
      }
    }
    if (const YNode* n = am.get("submitted_at"); n != nullptr && !r.left_empty(*n, "applicant submitted_at")) {
      d.submitted_at = r.date_or_datetime(*n, "applicant submitted_at");
    }
  }
  if (const YNode* f = m.require("facts")) {
    load_facts(r, *f, criteria, d);
  }
  if (const YNode* s = m.get("sources")) {
    MapView sm(r, *s, "sources");
    for (const auto& [key, value] : sm.entries()) {
      if (criteria != nullptr && criteria->field(key->text) == nullptr) {
        r.error(*key, "dossier_unknown_source", {{"fact", short_token(key->text)}, {"criteria", criteria->id}},
                nearest_name(key->text, criteria->field_ids()));
        continue;
      }
      if (auto t = r.text(*value, Message{"load_source_of", {{"fact", short_token(key->text)}}})) {
        d.sources[key->text] = *t;
      }
    }
  }
  if (diags.error_count() != errors_before) {
    return std::nullopt;
  }
  return d;
}

} // namespace ccn
