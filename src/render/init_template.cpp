#include "render/init_template.hpp"

#include "render/messages.hpp"
#include "util/rational.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ccn {

namespace {

// The catalogue key of a word of the templates: "round.head" -> "init_round_head".
std::string init_key(std::string_view word)
{
  std::string key = "init_" + std::string(word);
  std::replace(key.begin(), key.end(), '.', '_');
  return key;
}

// A YAML comment safe for any text: no line breaks.
std::string one_line(std::string s)
{
  for (char& c : s) {
    if (c == '\n' || c == '\r') {
      c = ' ';
    }
  }
  return s;
}

// `text` as a YAML scalar: plain when that is safe, else double-quoted.
std::string yaml_scalar(const std::string& text)
{
  bool plain = !text.empty() && text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                                       "0123456789._/-") == std::string::npos;
  if (plain) {
    return text;
  }
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    // A line break or tab in a double-quoted scalar would be read as a
    // space: written as its escape, it is read back as itself.
    out += c == '\n' ? std::string("\\n") : c == '\t' ? std::string("\\t") : std::string(1, c);
  }
  return out + "\"";
}

// What a field takes, for the comment beside its placeholder.
std::string field_comment(const Field& f, Lang lang)
{
  auto w = [lang](std::string_view key) { return tr(lang, init_key(key)); };
  std::string out = f.label.empty() ? f.id : f.label;
  switch (f.type) {
  case FieldType::number:
    out += "; " + w("type.number") + " (" + w("decimal") + ")";
    break;
  case FieldType::integer:
    out += "; " + w("type.integer");
    break;
  case FieldType::boolean:
    out += "; " + w("type.bool");
    break;
  case FieldType::enumeration: {
    std::string values;
    for (const auto& v : f.values) {
      values += values.empty() ? "" : ", ";
      values += v;
      if (f.value_text(v) != v) {
        values += " (" + f.value_text(v) + ")";
      }
    }
    out += "; " + w("type.enum") + ": " + values;
    break;
  }
  case FieldType::date:
    out += "; " + w("type.date");
    break;
  case FieldType::text:
    out += "; " + w("type.text");
    break;
  }
  if (!f.unit.empty()) {
    out += "; " + w("unit") + ": " + f.unit;
  }
  if (f.min) {
    out += "; " + w("min") + " " + number_text(*f.min);
  }
  if (f.max) {
    out += "; " + w("max") + " " + number_text(*f.max);
  }
  if (!f.required) {
    out += "; " + w("optional");
  }
  return one_line(out);
}

} // namespace

std::string dossier_template(const Criteria& c, const std::string& id, Lang lang)
{
  auto w = [lang](std::string_view key) { return tr(lang, init_key(key)); };
  std::string out = "# " + w("dossier.head") + "\n";
  if (std::any_of(c.fields.begin(), c.fields.end(), [](const Field& f) { return !f.required; })) {
    out += "# " + w("dossier.optional") + "\n";
  }
  out += "format: ccnscore/dossier@1\napplicant:\n";
  out += fmt::format("  id: {}\n", id);
  out += fmt::format("  name: {}    # {}\n", k_blank, w("dossier.name"));
  out += fmt::format("  tax_code: {}    # {}\n", k_blank, w("dossier.tax_code"));
  bool submitted = std::any_of(c.tie_break.begin(), c.tie_break.end(), [](const TieRule& t) {
    return t.kind == TieRule::Kind::field && t.ref == "submitted_at";
  });
  if (submitted) {
    out += fmt::format("  submitted_at: {}    # {}\n", k_blank, w("dossier.submitted_at"));
  }
  out += "facts:\n";
  for (const Field& f : c.fields) {
    out += fmt::format("  {}: {}    # {}\n", f.id, k_blank, field_comment(f, lang));
  }
  return out;
}

std::string round_template(const Criteria& c, const std::string& id, const std::string& criteria_path,
                           const std::string& dossiers, const std::string& sheets, unsigned members, Lang lang)
{
  auto w = [lang](std::string_view key) { return tr(lang, init_key(key)); };
  std::string out = "# " + w("round.head") + "\n# " + w("round.check") + "\n";
  out += "format: ccnscore/round@1\n";
  out += fmt::format("id: {}    # {}\n", id, w("round.id"));
  out += fmt::format("title: {}    # {}\n", k_blank, w("round.title"));
  out += fmt::format("cluster: {}    # {}\n", k_blank, w("round.cluster"));
  out += fmt::format("date: {}    # {}\n", k_blank, w("round.date"));
  out += fmt::format("criteria: {}    # {}\n", yaml_scalar(criteria_path), one_line(c.title));
  out += fmt::format("dossiers: [{}]    # {}\n", dossiers, w("round.dossiers"));
  if (members > 0) {
    out += "council:\n  quorum: \"2/3\"\n  members:\n";
    for (unsigned i = 1; i <= members; ++i) {
      out += fmt::format("    - {{ id: M{}, name: {}, role: {} }}    # {}\n", i, k_blank, i == 1 ? "chair" : "member",
                         w("round.member"));
    }
    out += fmt::format("# {} {}\n", w("round.sheet_cmd"), sheets);
    out += fmt::format("sheets: [{}]    # {}\n", sheets, w("round.sheets"));
  }
  // The meeting (formats-v1 8.7), commented out: the minutes read it once
  // the secretariat fills in what it knows and removes the '#'.
  out += "# " + w("round.meeting") + "\n# meeting:\n";
  for (const char* key : {"issuer", "document_number", "place", "start", "end", "secretary"}) {
    out += fmt::format("#   {}: {}    # {}\n", key, k_blank, w(std::string("round.meeting_") + key));
  }
  if (members > 0) {
    out += fmt::format("#   absent:    # {}\n#     M{}: {}\n", w("round.meeting_absent"), members, k_blank);
  }
  return out;
}

} // namespace ccn
