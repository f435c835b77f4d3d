#include "render/render.hpp"

#include "score/score.hpp"

#include <fmt/format.h>

namespace ccn {

std::string shown(const Rational& value, int precision)
{
  return to_decimal_string(value, precision);
}

std::vector<std::string> tie_break_lines(const RoundResult& res)
{
  std::vector<std::string> out;
  for (const auto& t : res.tie_steps) {
    std::string values;
    for (const auto& [app, v] : t.values) {
      values += fmt::format("{}{} {}", values.empty() ? "" : ", ", app, v);
    }
    out.push_back(fmt::format("{} {} ({})", t.rule, t.separated ? "separated" : "did not separate", values));
  }
  for (const auto& a : res.applicants) {
    if (a.tied && a.rank) {
      out.push_back(fmt::format("{} stays tied at rank {} after every rule", a.id(), *a.rank));
    }
  }
  if (const ChairProposal* cp = res.chair_proposal) {
    out.push_back(fmt::format("the chair's proposal settled the tie for first: {}, proposed {}{}; reason: {}",
                              chair_name(res), cp->selects, cp->date ? " on " + cp->date->text : "", cp->reason));
  }
  if (!res.awaiting_proposal.empty()) {
    out.push_back(proposal_needed_line(res));
  }
  return out;
}

std::string chair_name(const RoundResult& res)
{
  const auto& council = res.bundle->round.council;
  if (council) {
    for (const auto& m : council->members) {
      if (m.role == Role::chair) {
        return fmt::format("{} ({}), chair of the council", m.name, m.id);
      }
    }
  }
  return "the chair";
}

std::string proposal_needed_line(const RoundResult& res)
{
  std::string ids;
  for (const auto& id : res.awaiting_proposal) {
    ids += (ids.empty() ? "" : ", ") + id;
  }
  return fmt::format("{} are tied for first: under Decree 32/2024/NĐ-CP Art. 13(2) the council chair's proposal "
                     "decides. Record it in the round file with the id of the applicant the chair proposes, and "
                     "run again: chair_proposal: {{ selects: {}, reason: \"...\", date: YYYY-MM-DD }}",
                     ids, res.awaiting_proposal.front());
}

std::string basis_text(const RoundResult& res, size_t index, const CriterionResult& r)
{
  const Criteria& c = res.bundle->criteria;
  const Criterion& cr = c.criteria[index];
  const std::string prefix = cr.of + " = " + r.value + " → ";
  if (cr.kind == ScoringKind::judged || r.basis.rfind(prefix, 0) != 0) {
    return r.basis;
  }
  std::string name = cr.of;
  std::string value = r.value;
  std::string rest = r.basis.substr(prefix.size());
  if (const Field* f = c.field(cr.of)) {
    name = f->display_name();
    if (f->type == FieldType::enumeration && f->value_labels.count(r.value) != 0) {
      value = "“" + f->value_text(r.value) + "”";
      const std::string level = "level " + r.value + " → ";
      if (rest.rfind(level, 0) == 0) {
        rest = "level → " + rest.substr(level.size());
      }
    } else if (!f->unit.empty()) {
      value += (f->unit == "%" ? "" : " ") + f->unit;
    }
  } else if (const Measure* m = c.measure(cr.of)) {
    name = m->display_name();
    if (!m->unit.empty()) {
      value += (m->unit == "%" ? "" : " ") + m->unit;
    }
  }
  return name + " = " + value + " → " + rest;
}

std::vector<std::string> deviation_lines(const RoundResult& res)
{
  std::vector<std::string> out;
  const auto& council = res.bundle->round.council;
  for (const auto& d : res.deviations) {
    out.push_back(fmt::format("member {} scored {} on {} at {}, mean {} (more than {}% of max away; {})", d.member,
                              d.applicant, d.criterion, number_text(d.score), number_text(d.mean),
                              council ? number_text(*council->deviation_percent) : "?",
                              d.explained ? "explained in a comment" : "no comment"));
  }
  return out;
}

} // namespace ccn
