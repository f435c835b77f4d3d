#include "score/evaluate.hpp"
#include "score/kinds.hpp"
#include "score/proposal.hpp"
#include "score/rank.hpp"
#include "score/score.hpp"
#include "score/totals.hpp"

#include "model/expr.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace ccn {

const char* status_name(Status s)
{
  switch (s) {
  case Status::selected:
    return "selected";
  case Status::tied_first:
    return "tied_first";
  case Status::qualified:
    return "qualified";
  case Status::not_qualified:
    return "not_qualified";
  case Status::disqualified:
    return "disqualified";
  }
  return "?";
}

const ApplicantResult* RoundResult::find(const std::string& id) const
{
  auto it = std::find_if(applicants.begin(), applicants.end(), [&](const ApplicantResult& a) { return a.id() == id; });
  return it == applicants.end() ? nullptr : &*it;
}

namespace {

// Every fact and measure `expr` uses, once each in order, with its value.
std::vector<NamedValue> values_used(const Expression& expr, Evaluator& ev)
{
  std::vector<std::string> names;
  collect_identifiers(expr.root, names);
  std::set<std::string> seen;
  std::vector<NamedValue> out;
  for (const auto& n : names) {
    if (!seen.insert(n).second) {
      continue;
    }
    NamedValue nv{n, std::nullopt};
    try {
      nv.value = ev.value_of(n);
    } catch (const EvalError&) {
      // shown as not computable
    }
    out.push_back(std::move(nv));
  }
  return out;
}

// A total or group below its threshold: both numbers.
Reason threshold_reason(Reason::Kind kind, std::string ref, const Rational& points, const Rational& threshold)
{
  Reason r;
  r.kind = kind;
  r.ref = std::move(ref);
  r.points = points;
  r.threshold = threshold;
  return r;
}

// Why gate `g` failed: the values it used and, for a gate that is one
// comparison or one negation, both sides.
Reason gate_reason(const Gate& g, Evaluator& ev)
{
  Reason r;
  r.kind = Reason::Kind::gate_failed;
  r.ref = g.id;
  r.values = values_used(g.expr, ev);
  const Expr& root = g.expr.root;
  auto side = [&](const Expr& e, std::optional<Value>& value, std::string& name) {
    try {
      value = ev.evaluate_part(e, g.expr, {"subject_gate", {{"gate", g.id}}});
    } catch (const EvalError&) {
      value.reset();
    }
    if (e.op == Expr::Op::ident) {
      name = e.name;
    }
  };
  switch (root.op) {
  case Expr::Op::lt:
  case Expr::Op::le:
  case Expr::Op::gt:
  case Expr::Op::ge:
  case Expr::Op::eq:
  case Expr::Op::ne:
    r.op = root.op;
    side(root.args[0], r.left, r.left_name);
    side(root.args[1], r.right, r.right_name);
    break;
  case Expr::Op::not_:
  case Expr::Op::ident:
    r.op = root.op;
    side(root.op == Expr::Op::not_ ? root.args[0] : root, r.left, r.left_name);
    break;
  default:
    break;
  }
  return r;
}

struct Scorer
{
  const RoundBundle& b;
  const Criteria& c;
  Diagnostics& diags;
  std::map<std::string, const Sheet*> sheet_of;
  std::vector<std::string> present;

  void error(const Dossier& d, Message message) const
  {
    diags.error(d.pos, "score_applicant_error", {{"applicant", d.id}, {"detail", std::move(message)}});
  }

  bool recused(const Sheet& s, const std::string& app) const { return s.recused.count(app) != 0; }

  void run_gates(ApplicantResult& a, Evaluator& ev) const
  {
    for (const Gate& g : c.gates) {
      GateResult gr{g.id, g.name, true};
      try {
        gr.passed = ev.evaluate(g.expr, {"subject_gate", {{"gate", g.id}}}).truth;
      } catch (const EvalError& e) {
        error(*a.dossier, e.message);
        gr.passed = false;
      }
      if (!gr.passed) {
        a.status = Status::disqualified;
        a.reasons.push_back(gate_reason(g, ev));
      }
      a.gates.push_back(gr);
    }
  }

  void check_sheets(const std::vector<ApplicantResult>& apps) const
  {
    for (const Sheet& s : b.sheets) {
      for (const auto& a : apps) {
        if (a.status == Status::disqualified || recused(s, a.id())) {
          continue;
        }
        auto scores = s.scores.find(a.id());
        for (const Criterion& cr : c.criteria) {
          if (cr.kind != ScoringKind::judged) {
            continue;
          }
          if (scores == s.scores.end() || scores->second.count(cr.id) == 0) {
            // At the row of the empty score cell in a workbook, or at the
            // applicant's key in a YAML sheet; else at the member.
            diags.error(s.score_keys.of(a.id(), cr.id, s.score_keys.of(a.id(), s.member_pos)), "score_sheet_missing_score",
                        {{"member", s.member}, {"applicant", a.id()}, {"criterion", cr.id}});
          }
        }
      }
    }
  }

  void check_quorum() const
  {
    if (!c.has_judged() || !b.round.council) {
      return;
    }
    const Council& council = *b.round.council;
    if (!has_quorum(council, present.size())) {
      Rational need_exact = council.quorum * Rational(static_cast<long>(council.members.size()));
      const mpz_class need = need_exact.ceil();
      diags.error(council.pos, "score_no_quorum",
                  {{"present", present.size()}, {"members", council.members.size()}, MsgArg::decimal("quorum", council.quorum_text),
                   {"needed", need.get_str()}});
    }
  }

  // A member's sheet and its row for one applicant, looked up once for all
  // the applicant's judged criteria rather than once a criterion.
  struct MemberRow
  {
    const Sheet* sheet = nullptr; // none: absent
    bool recused = false;
    const std::map<std::string, Score>* scores = nullptr;
    const std::map<std::string, Comment>* comments = nullptr;
  };

  std::vector<MemberRow> rows_of(const ApplicantResult& a) const
  {
    std::vector<MemberRow> rows;
    rows.reserve(b.round.council->members.size());
    for (const Member& m : b.round.council->members) {
      MemberRow row;
      auto it = sheet_of.find(m.id);
      if (it != sheet_of.end()) {
        row.sheet = it->second;
        row.recused = recused(*row.sheet, a.id());
        if (!row.recused) {
          row.scores = &row.sheet->scores.at(a.id());
          auto app_comments = row.sheet->comments.find(a.id());
          row.comments = app_comments == row.sheet->comments.end() ? nullptr : &app_comments->second;
        }
      }
      rows.push_back(row);
    }
    return rows;
  }

  // Judged points: the mean of the scorers' scores; `rows` are rows_of(a).
  std::optional<CriterionResult> judged(const ApplicantResult& a, const Criterion& cr,
                                        const std::vector<MemberRow>& rows) const
  {
    CriterionResult out;
    out.id = cr.id;
    out.members.reserve(rows.size());
    Rational sum = 0;
    long n = 0;
    const auto& members = b.round.council->members;
    for (size_t k = 0; k < members.size(); ++k) {
      const MemberRow& row = rows[k];
      MemberScore ms;
      ms.member = members[k].id;
      if (row.sheet == nullptr) {
        ms.present = false;
      } else if (row.recused) {
        ms.recused = true;
      } else {
        ms.score = row.scores->at(cr.id).points;
        if (row.comments != nullptr) {
          auto cm = row.comments->find(cr.id);
          if (cm != row.comments->end()) {
            ms.comment = cm->second.text;
          }
        }
        sum += *ms.score;
        ++n;
      }
      out.members.push_back(std::move(ms));
    }
    if (n == 0) {
      error(*a.dossier, {"score_no_scorer", {{"criterion", cr.id}}});
      return std::nullopt;
    }
    out.points = sum / n;
    return out;
  }
};

void add_deviations(RoundResult& res, const Criteria& c, const Council& council)
{
  if (!council.deviation_percent) {
    return;
  }
  // |s − m| × 100 > p × max, i.e. |s − m| > p × max / 100, per criterion.
  std::vector<Rational> limit(c.criteria.size());
  for (size_t i = 0; i < c.criteria.size(); ++i) {
    limit[i] = *council.deviation_percent * c.criteria[i].max / 100;
  }
  Rational distance;
  for (const auto& a : res.applicants) {
    for (size_t i = 0; i < a.criteria.size(); ++i) {
      const Criterion& cr = c.criteria[i];
      if (cr.kind != ScoringKind::judged) {
        continue;
      }
      const CriterionResult& r = a.criteria[i];
      for (const auto& ms : r.members) {
        if (!ms.score) {
          continue;
        }
        distance = *ms.score - r.points;
        if (abs(distance) > limit[i]) {
          res.deviations.push_back({ms.member, a.id(), cr.id, *ms.score, r.points, !ms.comment.empty()});
        }
      }
    }
  }
}

} // namespace

bool has_quorum(const Council& council, size_t present)
{
  return !(Rational(static_cast<long>(present)) < council.quorum * Rational(static_cast<long>(council.members.size())));
}

std::optional<std::vector<bool>> evaluate_gates(const RoundBundle& b, Diagnostics& diags)
{
  const size_t errors_before = diags.error_count();
  Scorer sc{b, b.criteria, diags, {}, {}};
  std::vector<bool> out;
  for (const Dossier& d : b.dossiers) {
    ApplicantResult a;
    a.dossier = &d;
    Evaluator ev(b.criteria, d);
    sc.run_gates(a, ev);
    out.push_back(a.status != Status::disqualified);
  }
  if (diags.error_count() != errors_before) {
    return std::nullopt;
  }
  return out;
}

std::optional<RoundResult> score_round(const RoundBundle& b, Diagnostics& diags)
{
  const Criteria& c = b.criteria;
  const size_t errors_before = diags.error_count();
  Scorer sc{b, c, diags, {}, {}};
  for (const Sheet& s : b.sheets) {
    sc.sheet_of[s.member] = &s;
  }
  if (b.round.council) {
    for (const Member& m : b.round.council->members) {
      if (sc.sheet_of.count(m.id) != 0) {
        sc.present.push_back(m.id);
      }
    }
  }
  std::vector<ApplicantResult> apps;
  apps.reserve(b.dossiers.size());
  std::vector<Evaluator> evals;
  evals.reserve(b.dossiers.size());
  for (const Dossier& d : b.dossiers) {
    ApplicantResult a;
    a.dossier = &d;
    evals.emplace_back(c, d);
    sc.run_gates(a, evals.back());
    apps.push_back(std::move(a));
  }
  sc.check_sheets(apps);
  sc.check_quorum();
  if (diags.error_count() != errors_before) {
    return std::nullopt;
  }

  // Values of every `of:` for the applicants that passed the gates.
  std::vector<std::vector<Value>> values(apps.size(), std::vector<Value>(c.criteria.size()));
  for (size_t ai = 0; ai < apps.size(); ++ai) {
    if (apps[ai].status == Status::disqualified) {
      continue;
    }
    for (size_t ci = 0; ci < c.criteria.size(); ++ci) {
      if (c.criteria[ci].kind == ScoringKind::judged) {
        continue;
      }
      try {
        values[ai][ci] = evals[ai].value_of(c.criteria[ci].of);
      } catch (const EvalError& e) {
        sc.error(*apps[ai].dossier, {"score_criterion_error", {{"criterion", c.criteria[ci].id}, {"detail", e.message}}});
      }
    }
  }
  if (diags.error_count() != errors_before) {
    return std::nullopt;
  }
  // The best value of each relative criterion among the competition.
  std::vector<Rational> best(c.criteria.size());
  for (size_t ci = 0; ci < c.criteria.size(); ++ci) {
    const Criterion& cr = c.criteria[ci];
    if (cr.kind != ScoringKind::relative) {
      continue;
    }
    bool first = true;
    for (size_t ai = 0; ai < apps.size(); ++ai) {
      if (apps[ai].status == Status::disqualified) {
        continue;
      }
      const Rational& v = values[ai][ci].number;
      if (cr.lower_is_better && v <= 0) {
        sc.error(*apps[ai].dossier,
                 {"score_relative_lower_not_positive", {{"criterion", cr.id}, {"of", cr.of}, {"value", number_text(v)}}});
        continue;
      }
      if (!cr.lower_is_better && v < 0) {
        sc.error(*apps[ai].dossier,
                 {"score_relative_higher_negative", {{"criterion", cr.id}, {"of", cr.of}, {"value", number_text(v)}}});
        continue;
      }
      if (first || (cr.lower_is_better ? v < best[ci] : v > best[ci])) {
        best[ci] = v;
        first = false;
      }
    }
  }
  for (size_t ai = 0; ai < apps.size(); ++ai) {
    ApplicantResult& a = apps[ai];
    if (a.status == Status::disqualified) {
      continue;
    }
    a.criteria.reserve(c.criteria.size());
    std::vector<Scorer::MemberRow> rows;
    for (size_t ci = 0; ci < c.criteria.size(); ++ci) {
      const Criterion& cr = c.criteria[ci];
      CriterionResult r;
      r.id = cr.id;
      if (cr.kind == ScoringKind::judged) {
        if (rows.empty()) {
          rows = sc.rows_of(a);
        }
        auto j = sc.judged(a, cr, rows);
        if (!j) {
          continue;
        }
        r = std::move(*j);
      } else {
        const Value& v = values[ai][ci];
        KindOutcome k;
        switch (cr.kind) {
        case ScoringKind::bands:
          k = score_bands(cr, v.number);
          break;
        case ScoringKind::levels:
          k = score_levels(cr, v.text);
          break;
        case ScoringKind::flag:
          k = score_flag(cr, v.truth);
          break;
        case ScoringKind::per_unit:
          k = score_per_unit(cr, v.number);
          break;
        case ScoringKind::relative:
          if ((cr.lower_is_better && v.number <= 0) || (!cr.lower_is_better && v.number < 0)) {
            continue;
          }
          k = score_relative(cr, v.number, best[ci]);
          break;
        case ScoringKind::judged:
          break;
        }
        r.points = k.points;
        r.value = v;
        r.band = k.band;
        r.capped = k.capped;
        r.best = best[ci];
      }
      r.weighted = r.points * cr.weight;
      r.shown = round_half_away(r.weighted, c.precision);
      a.criteria.push_back(std::move(r));
    }
  }
  if (diags.error_count() != errors_before) {
    return std::nullopt;
  }

  for (ApplicantResult& a : apps) {
    if (a.status == Status::disqualified) {
      continue;
    }
    std::vector<Rational> weighted;
    for (const auto& r : a.criteria) {
      weighted.push_back(r.weighted);
    }
    Totals t = compute_totals(c, weighted);
    a.total = t.total;
    a.total_exact = t.exact;
    bool passed = true;
    for (size_t gi = 0; gi < c.groups.size(); ++gi) {
      const Group& g = c.groups[gi];
      GroupResult gr{g.id, t.groups[gi], c.group_min(g), t.groups[gi] >= c.group_min(g)};
      if (!gr.passed) {
        passed = false;
        a.reasons.push_back(threshold_reason(Reason::Kind::group_below, g.id, gr.points, gr.min));
      }
      a.groups.push_back(gr);
    }
    if (t.total < c.pass_total) {
      passed = false;
      a.reasons.push_back(threshold_reason(Reason::Kind::total_below, {}, t.total, c.pass_total));
    }
    a.status = passed ? Status::qualified : Status::not_qualified;
    // Each present, non-recused member's own total (6.7): the criteria read
    // from the dossier stay, the judged ones take the member's own scores.
    Rational fixed = 0;
    for (size_t ci = 0; ci < c.criteria.size(); ++ci) {
      if (c.criteria[ci].kind != ScoringKind::judged) {
        fixed += total_part(c, a.criteria[ci].weighted);
      }
    }
    for (const auto& [member, sheet] : sc.sheet_of) {
      if (sc.recused(*sheet, a.id())) {
        continue;
      }
      // Without judged criteria a sheet may score nobody (`scores: {}`):
      // the member's own total is then the applicant's total.
      auto scores = sheet->scores.find(a.id());
      if (scores == sheet->scores.end() && c.has_judged()) {
        continue; // the sheet loader requires these scores; never read past the map
      }
      Rational own = fixed;
      for (size_t ci = 0; ci < c.criteria.size(); ++ci) {
        const Criterion& cr = c.criteria[ci];
        if (cr.kind == ScoringKind::judged) {
          own += total_part(c, scores->second.at(cr.id).points * cr.weight);
        }
      }
      a.own_totals[member] = rounded_sum(c, own);
    }
  }

  RoundResult res;
  res.bundle = &b;
  res.scale = c.scale();
  res.present = sc.present;
  res.applicants = std::move(apps);
  rank_applicants(res);
  if (!settle_by_chair_proposal(res, diags)) {
    return std::nullopt;
  }
  if (b.round.council) {
    add_deviations(res, c, *b.round.council);
  }
  return res;
}

} // namespace ccn
