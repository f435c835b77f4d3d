#include "render/render.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

namespace ccn {

namespace {

std::string row(const std::vector<std::string>& cells)
{
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    out += (i == 0 ? "" : ",") + csv_field(cells[i]);
  }
  return out + "\r\n";
}

} // namespace

std::string render_csv(const RoundResult& res, const Lang& lang)
{
  const Locale L(lang);
  const Criteria& c = res.bundle->criteria;
  const int p = c.precision;
  std::vector<std::string> header = {L.text("csv_rank"), L.text("csv_id"), L.text("csv_name"), L.text("csv_status"),
                                     L.text("csv_total")};
  for (const auto& g : c.groups) {
    header.push_back(L.text("csv_group", {{"id", g.id}, {"name", g.name}}));
  }
  for (const auto& cr : c.criteria) {
    header.push_back(L.text("csv_criterion", {{"id", cr.id}, {"name", cr.name}}));
  }
  std::string out = row(header);
  for (const auto& a : res.applicants) {
    std::vector<std::string> cells = {a.rank ? std::to_string(*a.rank) : "", a.id(), a.dossier->name,
                                      status_name(a.status), a.total ? shown(*a.total, p) : ""};
    for (size_t gi = 0; gi < c.groups.size(); ++gi) {
      cells.push_back(gi < a.groups.size() ? shown(a.groups[gi].points, p) : "");
    }
    for (size_t ci = 0; ci < c.criteria.size(); ++ci) {
      cells.push_back(ci < a.criteria.size() ? shown(a.criteria[ci].shown, p) : "");
    }
    out += row(cells);
  }
  return out;
}

} // namespace ccn
