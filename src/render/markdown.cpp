#include "render/render.hpp"

#include "score/score.hpp"

#include <fmt/format.h>

namespace ccn {

namespace {

// Escape what Markdown table cells would misread.
std::string cell(const std::string& s)
{
  std::string out;
  for (char ch : s) {
    if (ch == '|' || ch == '\\' || ch == '*' || ch == '_' || ch == '`' || ch == '<' || ch == '[') {
      out += '\\';
    }
    out += ch == '\n' || ch == '\r' ? ' ' : ch;
  }
  return out;
}

} // namespace

std::string render_markdown(const RoundResult& res)
{
  const RoundBundle& b = *res.bundle;
  const Criteria& c = b.criteria;
  const int p = c.precision;
  std::string out = fmt::format("# {}\n\n", cell(b.round.title));
  out += fmt::format("Round `{}`; criteria `{}` ({}); scale {} points; pass mark {}.\n\n", b.round.id, c.id,
                     cell(c.title), number_text(res.scale), number_text(c.pass_total));
  out += "| Rank | Applicant | Total |";
  std::string rule = "|---:|---|---:|";
  for (const auto& g : c.groups) {
    out += fmt::format(" {} |", cell(g.id));
    rule += "---:|";
  }
  out += " Status |\n" + rule + "---|\n";
  for (const auto& a : res.applicants) {
    out += fmt::format("| {} | {} ({}) | {} |", a.rank ? fmt::format("{}{}", *a.rank, a.tied ? "=" : "") : "–",
                       cell(a.dossier->name), cell(a.id()), a.total ? shown(*a.total, p) : "–");
    for (size_t gi = 0; gi < c.groups.size(); ++gi) {
      out += fmt::format(" {} |", gi < a.groups.size() ? shown(a.groups[gi].points, p) : "–");
    }
    out += fmt::format(" {} |\n", status_name(a.status));
  }
  auto ties = tie_break_lines(res);
  if (!ties.empty()) {
    out += "\n## Tie-breaks\n\n";
    for (const auto& t : ties) {
      out += "- " + cell(t) + "\n";
    }
  }
  auto devs = deviation_lines(res);
  if (!devs.empty()) {
    out += "\n## Warnings\n\n";
    for (const auto& d : devs) {
      out += "- " + cell(d) + "\n";
    }
  }
  for (const auto& a : res.applicants) {
    out += fmt::format("\n## {} — {}\n\n", cell(a.id()), cell(a.dossier->name));
    out += fmt::format("Status: **{}**", status_name(a.status));
    if (a.total) {
      out += fmt::format("; total {} (exact {})", shown(*a.total, p), to_exact_string(a.total_exact));
    }
    out += ".\n\n";
    for (const auto& g : a.gates) {
      out += fmt::format("- Gate {} ({}): {}\n", cell(g.id), cell(g.name), g.passed ? "passed" : "failed");
    }
    for (const auto& r : a.reasons) {
      out += fmt::format("- Reason: {}\n", cell(r));
    }
    if (!a.criteria.empty()) {
      out += "\n| Criterion | Name | Points | Basis |\n|---|---|---:|---|\n";
      for (size_t ci = 0; ci < a.criteria.size(); ++ci) {
        out += fmt::format("| {} | {} | {} | {} |\n", cell(a.criteria[ci].id), cell(c.criteria[ci].name),
                           shown(a.criteria[ci].shown, p), cell(basis_text(res, ci, a.criteria[ci])));
      }
    }
    if (!a.groups.empty()) {
      out += "\n| Group | Points | Minimum | Passed |\n|---|---:|---:|---|\n";
      for (const auto& g : a.groups) {
        out += fmt::format("| {} | {} | {} | {} |\n", cell(g.id), shown(g.points, p), number_text(g.min),
                           g.passed ? "yes" : "no");
      }
    }
  }
  return out;
}

} // namespace ccn
