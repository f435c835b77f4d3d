#include "render/render.hpp"
#include "render/messages.hpp"
#include "render/words.hpp"

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

std::string render_markdown(const RoundResult& res, const Lang& lang)
{
  const Locale L(lang);
  const RoundBundle& b = *res.bundle;
  const Criteria& c = b.criteria;
  const int p = c.precision;
  std::string out = fmt::format("# {}\n\n", cell(b.round.title));
  out += L.text("md_intro", {{"round", b.round.id}, {"criteria", c.id}, {"title", cell(c.title)},
                             {"scale", L.number(res.scale)}, {"pass", L.number(c.pass_total)}})
         + "\n\n";
  out += fmt::format("| {} | {} | {} |", L.text("head_rank"), L.text("head_applicant"), L.text("head_total"));
  std::string rule = "|---:|---|---:|";
  for (const auto& g : c.groups) {
    out += fmt::format(" {} |", cell(g.name));
    rule += "---:|";
  }
  out += " " + L.text("head_status") + " |\n" + rule + "---|\n";
  for (const auto& a : res.applicants) {
    out += fmt::format("| {} | {} ({}) | {} |", a.rank ? fmt::format("{}{}", *a.rank, a.tied ? "=" : "") : "–",
                       cell(a.dossier->name), cell(a.id()), a.total ? L.fixed(*a.total, p) : "–");
    for (size_t gi = 0; gi < c.groups.size(); ++gi) {
      out += fmt::format(" {} |", gi < a.groups.size() ? L.fixed(a.groups[gi].points, p) : "–");
    }
    out += fmt::format(" {} |\n", L.status(a.status));
  }
  auto ties = tie_break_lines(res, L);
  if (!ties.empty()) {
    out += "\n## " + L.text("heading_tie_breaks_md") + "\n\n";
    for (const auto& t : ties) {
      out += "- " + cell(t) + "\n";
    }
  }
  auto devs = deviation_lines(res, L);
  if (!devs.empty()) {
    out += "\n## " + L.text("heading_warnings_md") + "\n\n";
    for (const auto& d : devs) {
      out += "- " + cell(d) + "\n";
    }
  }
  for (const auto& a : res.applicants) {
    out += fmt::format("\n## {} — {}\n\n", cell(a.id()), cell(a.dossier->name));
    out += a.total ? L.text("md_status_total", {{"status", L.status(a.status)}, {"total", L.fixed(*a.total, p)}})
                   : L.text("md_status", {{"status", L.status(a.status)}});
    out += "\n\n";
    for (const auto& g : a.gates) {
      out += "- " + L.text(g.passed ? "md_gate_passed" : "md_gate_failed", {{"gate", cell(g.name)}}) + "\n";
    }
    for (const auto& r : a.reasons) {
      out += "- " + L.text("md_reason", {{"reason", cell(reason_words(res, r, L))}}) + "\n";
    }
    if (!a.criteria.empty()) {
      out += fmt::format("\n| {} | {} | {} |\n|---|---:|---|\n", L.text("head_criterion"), L.text("head_points"),
                         L.text("head_basis"));
      for (size_t ci = 0; ci < a.criteria.size(); ++ci) {
        out += fmt::format("| {} {} | {} | {} |\n", cell(a.criteria[ci].id), cell(c.criteria[ci].name),
                           L.fixed(a.criteria[ci].shown, p), cell(criterion_basis(res, a, ci, L)));
      }
    }
    if (!a.groups.empty()) {
      out += fmt::format("\n| {} | {} | {} | {} |\n|---|---:|---:|---|\n", L.text("head_group"), L.text("head_points"),
                         L.text("head_minimum"), L.text("head_outcome"));
      for (size_t gi = 0; gi < a.groups.size(); ++gi) {
        const auto& g = a.groups[gi];
        out += fmt::format("| {} | {} | {} | {} |\n", cell(c.groups[gi].name), L.fixed(g.points, p), L.number(g.min),
                           L.text(g.passed ? "group_met" : "group_not_met"));
      }
    }
  }
  return out;
}

} // namespace ccn
