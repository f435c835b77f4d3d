#include "render/render.hpp"
#include "render/messages.hpp"
#include "render/words.hpp"

#include "score/score.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ccn {

namespace {

struct Style
{
  bool on;
  std::string bold(const std::string& s) const { return on ? "\033[1m" + s + "\033[0m" : s; }
  std::string status(Status st, const std::string& s) const
  {
    if (!on) {
      return s;
    }
    const char* code = st == Status::selected      ? "\033[1;32m"
                       : st == Status::tied_first  ? "\033[1;33m"
                       : st == Status::qualified   ? ""
                                                   : "\033[31m";
    return *code == '\0' ? s : code + s + "\033[0m";
  }
};

} // namespace

std::string render_table(const RoundResult& res, bool color, const Lang& lang)
{
  const Style style{color};
  const Locale L(lang);
  const Criteria& c = res.bundle->criteria;
  const int p = c.precision;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header = {L.text("head_rank"), L.text("head_applicant"), L.text("head_total")};
  for (const auto& g : c.groups) {
    header.push_back(g.id);
  }
  header.push_back(L.text("head_status"));
  for (const auto& a : res.applicants) {
    std::vector<std::string> row;
    row.push_back(a.rank ? fmt::format("{}{}", *a.rank, a.tied ? "=" : "") : "-");
    row.push_back(a.id() + "  " + terminal_safe(a.dossier->name));
    row.push_back(a.total ? L.fixed(*a.total, p) : "-");
    for (size_t gi = 0; gi < c.groups.size(); ++gi) {
      row.push_back(gi < a.groups.size() ? L.fixed(a.groups[gi].points, p) + (a.groups[gi].passed ? "" : "!") : "-");
    }
    row.push_back(L.status(a.status));
    rows.push_back(std::move(row));
  }
  std::vector<size_t> width(header.size(), 0);
  for (size_t i = 0; i < header.size(); ++i) {
    width[i] = display_width(header[i]);
    for (const auto& row : rows) {
      width[i] = std::max(width[i], display_width(row[i]));
    }
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (size_t i = 0; i < cells.size(); ++i) {
      bool left = i == 1 || i + 1 == cells.size();
      std::string cell = left ? pad_right(cells[i], width[i]) : pad_left(cells[i], width[i]);
      if (i + 1 == cells.size()) {
        cell = cells[i];
      }
      out += (i == 0 ? "" : "  ") + cell;
    }
    return out;
  };
  const RoundBundle& b = *res.bundle;
  std::string out = style.bold(fmt::format("{} — {}", b.round.id, terminal_safe(b.round.title))) + "\n";
  if (!b.round.cluster.empty() || b.round.date) {
    out += fmt::format("{}{}{}\n", terminal_safe(b.round.cluster), !b.round.cluster.empty() && b.round.date ? ", " : "",
                       b.round.date ? L.date(*b.round.date) : "");
  }
  out += "\n" + style.bold(line(header)) + "\n";
  for (size_t r = 0; r < rows.size(); ++r) {
    std::string l = line(rows[r]);
    size_t status_at = l.size() - rows[r].back().size();
    out += l.substr(0, status_at) + style.status(res.applicants[r].status, rows[r].back()) + "\n";
  }
  out += "\n";
  std::vector<std::string> groups;
  for (const auto& g : c.groups) {
    groups.push_back(L.text("table_group_legend", {{"id", g.id}, {"name", terminal_safe(g.name)}}));
  }
  std::string legend;
  for (const auto& g : groups) {
    legend += (legend.empty() ? "" : "; ") + g;
  }
  out += L.text("table_groups", {{"groups", legend}}) + "\n";
  out += L.text(c.round_each_criterion ? "table_scale_criterion" : "table_scale_total",
                {{"scale", L.number(res.scale)}, {"criteria", c.id}, {"precision", c.precision}})
         + "\n";
  std::vector<std::string> mins;
  for (const auto& g : c.groups) {
    if (c.group_min(g) > 0) {
      mins.push_back(L.text("table_group_min", {{"id", g.id}, {"minimum", L.number(c.group_min(g))}}));
    }
  }
  out += (mins.empty() ? L.text("table_pass_no_groups", {{"total", L.number(c.pass_total)}})
                       : L.text("table_pass_groups", {{"total", L.number(c.pass_total)}, {"groups", format_list(lang, mins)}}))
         + "\n";
  for (const auto& a : res.applicants) {
    for (const auto& reason : a.reasons) {
      out += L.text("table_reason", {{"applicant", a.id()}, {"status", L.status(a.status)},
                                      {"reason", terminal_safe(reason_words(res, reason, L))}})
             + "\n";
    }
  }
  auto ties = tie_break_lines(res, L);
  if (!ties.empty()) {
    out += "\n" + L.text("heading_tie_breaks") + "\n";
    for (const auto& t : ties) {
      out += "  " + terminal_safe(t) + "\n";
    }
  }
  auto devs = deviation_lines(res, L);
  if (!devs.empty()) {
    out += "\n" + L.text("heading_warnings") + "\n";
    for (const auto& d : devs) {
      out += "  " + terminal_safe(d) + "\n";
    }
  }
  return out;
}

} // namespace ccn
