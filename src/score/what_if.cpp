#include "score/what_if.hpp"

#include "score/rank.hpp"
#include "score/score.hpp"

#include <algorithm>

namespace ccn {

namespace {

// What ranking reads of `a`: its totals, groups, criteria points and
// members' own totals, without the members' scores, values and reasons.
ApplicantResult rankable(const ApplicantResult& a)
{
  ApplicantResult r;
  r.dossier = a.dossier;
  r.status = a.status;
  r.total = a.total;
  r.total_exact = a.total_exact;
  r.groups = a.groups;
  r.own_totals = a.own_totals;
  r.criteria.reserve(a.criteria.size());
  for (const auto& cr : a.criteria) {
    CriterionResult slim;
    slim.id = cr.id;
    slim.points = cr.points;
    slim.weighted = cr.weighted;
    slim.shown = cr.shown;
    r.criteria.push_back(std::move(slim));
  }
  return r;
}

// The values a judged score moves to: one step down and up, or 0 and max.
std::vector<Rational> moves_of(const Criterion& cr, const Rational& from)
{
  std::vector<Rational> out;
  std::vector<Rational> candidates;
  if (cr.step) {
    candidates = {from - *cr.step, from + *cr.step};
  } else {
    candidates = {Rational(0), cr.max};
  }
  for (auto& to : candidates) {
    if (to >= 0 && to <= cr.max && to != from) {
      out.push_back(std::move(to));
    }
  }
  return out;
}

} // namespace

std::vector<ScoreMove> one_step_moves(const RoundBundle& bundle, const RoundResult& base)
{
  const Criteria& c = bundle.criteria;
  std::vector<ScoreMove> out;
  for (size_t si = 0; si < bundle.sheets.size(); ++si) {
    for (const auto& [app, scores] : bundle.sheets[si].scores) {
      const ApplicantResult* a = base.find(app);
      if (a == nullptr || !a->total) {
        continue;
      }
      for (const auto& [crit, score] : scores) {
        const Criterion* cr = c.criterion(crit);
        if (cr == nullptr || cr->kind != ScoringKind::judged) {
          continue;
        }
        const auto k = static_cast<size_t>(cr - c.criteria.data());
        for (auto& to : moves_of(*cr, score.points)) {
          out.push_back({si, app, k, std::move(to)});
        }
      }
    }
  }
  return out;
}

WhatIf::WhatIf(const RoundBundle& bundle, const RoundResult& base) : m_bundle(bundle), m_base(base)
{
  const Criteria& c = bundle.criteria;
  std::map<std::string, const Sheet*> sheet_of;
  for (const Sheet& s : bundle.sheets) {
    sheet_of[s.member] = &s;
  }
  for (const ApplicantResult& a : base.applicants) {
    if (!a.total) {
      continue; // disqualified: no score of it counts
    }
    Applicant x;
    x.rankable = rankable(a);
    x.qualified = a.status != Status::not_qualified;
    std::vector<Rational> weighted;
    weighted.reserve(a.criteria.size());
    Rational fixed = 0;
    x.scorers.assign(a.criteria.size(), 0);
    for (size_t k = 0; k < a.criteria.size(); ++k) {
      weighted.push_back(a.criteria[k].weighted);
      if (c.criteria[k].kind != ScoringKind::judged) {
        fixed += total_part(c, a.criteria[k].weighted);
      }
      for (const auto& ms : a.criteria[k].members) {
        x.scorers[k] += ms.score ? 1 : 0;
      }
    }
    x.sums = sum_totals(c, weighted);
    // As score_round adds them: the dossier's criteria, then the member's own judged scores.
    for (const auto& [member, total] : a.own_totals) {
      const Sheet& sheet = *sheet_of.at(member);
      Rational own = fixed;
      if (auto scores = sheet.scores.find(a.id()); scores != sheet.scores.end()) {
        for (const Criterion& cr : c.criteria) {
          if (cr.kind == ScoringKind::judged) {
            own += total_part(c, scores->second.at(cr.id).points * cr.weight);
          }
        }
      }
      x.own_sums.emplace(member, std::move(own));
    }
    m_index.emplace(a.id(), m_apps.size());
    m_apps.push_back(std::move(x));
  }
}

bool WhatIf::set_points(ApplicantResult& r, TotalSums& sums, size_t k, const Rational& points) const
{
  const Criteria& c = m_bundle.criteria;
  CriterionResult& cr = r.criteria[k];
  Rational weighted = points * c.criteria[k].weight;
  sums.change(c, k, cr.weighted, weighted);
  cr.points = points;
  cr.weighted = std::move(weighted);
  cr.shown = round_half_away(cr.weighted, c.precision);
  Totals t = finish_totals(c, sums);
  r.total = t.total;
  r.total_exact = t.exact;
  for (size_t g = 0; g < r.groups.size(); ++g) {
    r.groups[g].points = t.groups[g];
  }
  return meets_thresholds(c, t);
}

void WhatIf::undo_points(ApplicantResult& r, const ApplicantResult& base, size_t k, const std::string& member)
{
  CriterionResult& cr = r.criteria[k];
  const CriterionResult& was = base.criteria[k];
  cr.points = was.points;
  cr.weighted = was.weighted;
  cr.shown = was.shown;
  r.own_totals.at(member) = base.own_totals.at(member); // a move is of a member who has one
}

std::vector<std::string> WhatIf::winners_among(const std::vector<const ApplicantResult*>& qualified,
                                               const std::vector<std::string>& present) const
{
  std::vector<const ApplicantResult*> block = leading_block(m_bundle, present, qualified);
  // As score/proposal.cpp settles it: the proposal picks one of a tie for
  // first (when it names the only one first, it changes nothing).
  const auto& cp = m_bundle.round.chair_proposal;
  if (cp && m_bundle.criteria.ends_with_chair_proposal() &&
      std::any_of(block.begin(), block.end(), [&](const ApplicantResult* a) { return a->id() == cp->selects; })) {
    return {cp->selects};
  }
  std::vector<std::string> out;
  out.reserve(block.size());
  for (const auto* a : block) {
    out.push_back(a->id());
  }
  return out;
}

std::vector<const ApplicantResult*> WhatIf::qualified_unchanged() const
{
  std::vector<const ApplicantResult*> out;
  for (const auto& a : m_apps) {
    if (a.qualified) {
      out.push_back(&a.rankable);
    }
  }
  return out;
}

std::vector<std::string> WhatIf::winners_after(const ScoreMove& move)
{
  const Sheet& sheet = m_bundle.sheets.at(move.sheet);
  const Criterion& cr = m_bundle.criteria.criteria.at(move.criterion);
  auto at = m_index.find(move.applicant);
  auto scores = sheet.scores.find(move.applicant);
  if (at == m_index.end() || scores == sheet.scores.end() || cr.kind != ScoringKind::judged ||
      scores->second.count(cr.id) == 0) {
    // A disqualified applicant's scores, or a score nobody reads: nothing changes.
    return winners_among(qualified_unchanged(), m_base.present);
  }
  const Applicant& a = m_apps[at->second];
  const Rational& from = scores->second.at(cr.id).points;
  const Criteria& c = m_bundle.criteria;
  // The mean of n scores moves by the change over n.
  if (m_moved_of == at->second) {
    undo_points(m_moved, a.rankable, m_moved_criterion, m_moved_member);
  } else {
    m_moved = a.rankable;
    m_moved_of = at->second;
  }
  m_moved_criterion = move.criterion;
  m_moved_member = sheet.member;
  TotalSums sums = a.sums;
  const Rational points = a.rankable.criteria[move.criterion].points + (move.to - from) / a.scorers[move.criterion];
  const bool qualified = set_points(m_moved, sums, move.criterion, points);
  Rational own = a.own_sums.at(sheet.member) - total_part(c, from * cr.weight) + total_part(c, move.to * cr.weight);
  m_moved.own_totals[sheet.member] = rounded_sum(c, own);

  std::vector<const ApplicantResult*> ranked;
  for (size_t i = 0; i < m_apps.size(); ++i) {
    if (i == at->second ? qualified : m_apps[i].qualified) {
      ranked.push_back(i == at->second ? &m_moved : &m_apps[i].rankable);
    }
  }
  return winners_among(ranked, m_base.present);
}

std::optional<std::vector<std::string>> WhatIf::winners_without(size_t sheet) const
{
  const Sheet& gone = m_bundle.sheets.at(sheet);
  const Criteria& c = m_bundle.criteria;
  std::vector<std::string> present;
  for (const auto& m : m_base.present) {
    if (m != gone.member) {
      present.push_back(m);
    }
  }
  if (c.has_judged() && m_bundle.round.council && !has_quorum(*m_bundle.round.council, present.size())) {
    return std::nullopt;
  }
  std::vector<ApplicantResult> changed;
  changed.reserve(m_apps.size());
  std::vector<const ApplicantResult*> ranked;
  for (const Applicant& a : m_apps) {
    changed.push_back(a.rankable);
    ApplicantResult& r = changed.back();
    r.own_totals.erase(gone.member);
    bool qualified = a.qualified;
    auto scores = gone.scores.find(r.id());
    if (scores != gone.scores.end()) {
      TotalSums sums = a.sums;
      for (size_t k = 0; k < c.criteria.size(); ++k) {
        auto score = scores->second.find(c.criteria[k].id);
        if (c.criteria[k].kind != ScoringKind::judged || score == scores->second.end()) {
          continue;
        }
        const long n = a.scorers[k];
        if (n == 1) {
          return std::nullopt; // nobody else scored it
        }
        qualified = set_points(r, sums, k, (r.criteria[k].points * n - score->second.points) / (n - 1));
      }
    }
    if (qualified) {
      ranked.push_back(&r);
    }
  }
  return winners_among(ranked, present);
}

} // namespace ccn
