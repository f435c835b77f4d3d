#include "render/blank_sheet.hpp"

#include "render/locale.hpp"

#include <fmt/format.h>

namespace ccn {

namespace {

// A YAML comment line safe for any text: no line breaks.
std::string comment_text(std::string s)
{
  for (char& c : s) {
    if (c == '\n' || c == '\r') {
      c = ' ';
    }
  }
  return s;
}

// Every line of `text` as a YAML comment.
std::string comment_lines(const std::string& text)
{
  std::string out = "# ";
  for (char c : text) {
    out += c;
    if (c == '\n') {
      out += "# ";
    }
  }
  return out + "\n";
}

} // namespace

std::string render_blank_sheet(const RoundBundle& b, const Member& m, const std::vector<bool>& passed,
                               const Lang& lang)
{
  const Locale L(lang);
  const Criteria& c = b.criteria;
  std::string out;
  out += comment_lines(L.text("sheet_title", {{"round", comment_text(b.round.title)}}));
  out += comment_lines(L.text("sheet_member", {{"id", m.id}, {"name", comment_text(m.name)}, {"role", L.role(m.role)}}));
  out += comment_lines(L.text("sheet_instructions", {{"placeholder", k_placeholder}}));
  out += "format: ccnscore/sheet@1\n";
  out += fmt::format("round: {}\n", b.round.id);
  out += fmt::format("member: {}\n", m.id);
  out += "recused: []\n";
  out += "scores:\n";
  std::string comments;
  for (size_t i = 0; i < b.dossiers.size(); ++i) {
    if (!passed[i]) {
      continue;
    }
    const Dossier& d = b.dossiers[i];
    out += fmt::format("  # {}\n  {}:\n", comment_text(d.name), d.id);
    comments += fmt::format("  {}:\n", d.id);
    for (const Criterion& cr : c.criteria) {
      if (cr.kind != ScoringKind::judged) {
        continue;
      }
      std::string range = cr.step ? L.text("sheet_range_step", {{"max", L.number(cr.max)}, {"step", L.number(*cr.step)}})
                                  : L.text("sheet_range", {{"max", L.number(cr.max)}});
      out += fmt::format("    {}: {}    # {}; {}\n", cr.id, k_placeholder, comment_text(cr.name), range);
      comments += fmt::format("    {}:\n", cr.id);
    }
  }
  out += comment_lines(L.text("sheet_comments")) + "comments:\n" + comments;
  return out;
}

} // namespace ccn
