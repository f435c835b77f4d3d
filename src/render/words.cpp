#include "render/words.hpp"

#include "render/messages.hpp"

#include <algorithm>
#include <utility>

namespace ccn {

namespace {

// `number` (already a localized text) followed by `unit` when there is one.
std::string with_unit(const std::string& number, const std::string& unit)
{
  return unit.empty() ? number : number + (unit == "%" ? " %" : " " + unit);
}

std::string band_words(const Locale& L, const Band& b, const std::string& unit)
{
  auto v = [&](const Rational& x) { return with_unit(L.number(x), unit); };
  if (b.lower && b.upper) {
    const char* key = b.lower_inclusive ? (b.upper_inclusive ? "band_from_to" : "band_from_below")
                                        : (b.upper_inclusive ? "band_above_to" : "band_above_below");
    return L.text(key, {{"low", v(*b.lower)}, {"high", v(*b.upper)}});
  }
  if (b.lower) {
    return L.text(b.lower_inclusive ? "band_from" : "band_above", {{"low", v(*b.lower)}});
  }
  if (b.upper) {
    return L.text(b.upper_inclusive ? "band_to" : "band_below", {{"high", v(*b.upper)}});
  }
  return L.text("band_otherwise");
}

std::string op_key(Expr::Op op)
{
  switch (op) {
  case Expr::Op::ge:
    return "gate_fail_ge";
  case Expr::Op::gt:
    return "gate_fail_gt";
  case Expr::Op::le:
    return "gate_fail_le";
  case Expr::Op::lt:
    return "gate_fail_lt";
  case Expr::Op::eq:
    return "gate_fail_eq";
  case Expr::Op::ne:
    return "gate_fail_ne";
  default:
    return "";
  }
}

const Dossier* dossier_of(const RoundResult& res, const std::string& id)
{
  const ApplicantResult* a = res.find(id);
  return a != nullptr ? a->dossier : nullptr;
}

} // namespace

std::string name_of(const Criteria& c, const std::string& id)
{
  if (const Field* f = c.field(id)) {
    return f->display_name();
  }
  if (const Measure* m = c.measure(id)) {
    return m->display_name();
  }
  return id;
}

std::string unit_of(const Criteria& c, const std::string& id)
{
  if (const Field* f = c.field(id)) {
    return f->unit;
  }
  if (const Measure* m = c.measure(id)) {
    return m->unit;
  }
  return {};
}

std::string enum_label(const Criteria& c, const std::string& field, const std::string& value)
{
  if (const Field* f = c.field(field)) {
    return f->value_text(value);
  }
  return value;
}

std::string amount_words(const Locale& L, const Criteria& c, const Rational& value)
{
  return L.decimal_text(to_decimal_string(round_half_away(value, c.precision), c.precision, true));
}

std::string points_words(const Locale& L, const Criteria& c, const Rational& points)
{
  return L.text("points_value", {{"points", L.fixed(round_half_away(points, c.precision), c.precision)}});
}

std::string value_words(const Locale& L, const Criteria& c, const std::string& id, const Value& v, const Dossier* d)
{
  switch (v.type) {
  case ValueType::number: {
    std::string number = amount_words(L, c, v.number);
    if (d != nullptr && c.field(id) != nullptr) {
      if (auto it = d->facts.find(id); it != d->facts.end() && !it->second.text.empty()) {
        number = L.decimal_text(it->second.text);
      }
    }
    return with_unit(number, unit_of(c, id));
  }
  case ValueType::truth:
    return L.text(v.truth ? "word_yes" : "word_no");
  case ValueType::enum_value:
    return enum_label(c, id, v.text);
  case ValueType::string:
    return v.text;
  case ValueType::invalid:
    break;
  }
  return "?";
}

std::string explain_rule(const RoundResult& res, const ApplicantResult& a, size_t index, const Locale& L)
{
  const Criteria& c = res.bundle->criteria;
  const Criterion& cr = c.criteria[index];
  const CriterionResult& r = a.criteria[index];
  // Each kind takes what it says: a judged criterion says no points, only
  // bands and relative points name the unit.
  const auto points = [&] { return points_words(L, c, r.points); };
  switch (cr.kind) {
  case ScoringKind::bands:
    if (r.band) {
      return L.text("rule_band", {{"band", band_words(L, cr.bands[*r.band], unit_of(c, cr.of))}, {"points", points()}});
    }
    return L.text("rule_no_band", {{"points", points()}});
  case ScoringKind::levels:
    return L.text("rule_level", {{"level", enum_label(c, cr.of, r.value.text)}, {"points", points()}});
  case ScoringKind::flag:
    return L.text(r.value.truth ? "rule_flag_yes" : "rule_flag_no", {{"points", points()}});
  case ScoringKind::per_unit: {
    // The value as read (not rounded to the points' precision), so that
    // value × rate gives the points shown.
    std::string out = L.text("rule_per_unit", {{"value", L.number(r.value.number)},
                                               {"rate", L.number(cr.per_unit)},
                                               {"points", points()}});
    if (r.capped) {
      out += " " + L.text("rule_capped", {{"max", points_words(L, c, cr.max)}});
    }
    return out;
  }
  case ScoringKind::relative: {
    if (!cr.lower_is_better && r.best == 0) {
      return L.text("rule_relative_zero", {{"points", points()}});
    }
    const std::string best = L.number(r.best);
    return L.text(cr.lower_is_better ? "rule_relative_lower" : "rule_relative_higher",
                  {{"best", with_unit(best, unit_of(c, cr.of))},
                   {"max", L.number(cr.max)},
                   {"best_number", best},
                   {"value", L.number(r.value.number)},
                   {"points", points()}});
  }
  case ScoringKind::judged: {
    size_t n = 0;
    for (const auto& m : r.members) {
      n += m.score ? 1 : 0;
    }
    return L.text("rule_judged", {{"members", n}, {"mean", amount_words(L, c, r.points)}});
  }
  }
  return {};
}

std::string criterion_input(const RoundResult& res, const ApplicantResult& a, size_t index, const Locale& L)
{
  const Criteria& c = res.bundle->criteria;
  const Criterion& cr = c.criteria[index];
  const CriterionResult& r = a.criteria[index];
  if (cr.kind != ScoringKind::judged) {
    return L.text("criterion_input", {{"name", name_of(c, cr.of)}, {"value", value_words(L, c, cr.of, r.value, a.dossier)}});
  }
  // One argument list for every member's score, its texts replaced: no
  // list and no argument names built again for each of them.
  MsgArgs member_args{{"member", ""}, {"score", ""}};
  std::vector<std::string> scores;
  scores.reserve(r.members.size());
  // Members give the same few scores: each is written in words once.
  std::vector<std::pair<const Rational*, std::string>> written;
  for (const auto& ms : r.members) {
    if (ms.score) {
      auto same = std::find_if(written.begin(), written.end(), [&](const auto& w) { return *w.first == *ms.score; });
      if (same == written.end()) {
        same = written.emplace(written.end(), &*ms.score, L.number(*ms.score));
      }
      member_args[0].text = ms.member;
      member_args[1].text = same->second;
      scores.push_back(L.text("member_score", member_args));
    } else {
      scores.push_back(L.text(ms.recused ? "member_recused" : "member_absent", {{"member", ms.member}}));
    }
  }
  return format_list(L.lang(), scores);
}

std::string criterion_basis(const RoundResult& res, const ApplicantResult& a, size_t index, const Locale& L)
{
  const Criteria& c = res.bundle->criteria;
  const Criterion& cr = c.criteria[index];
  const CriterionResult& r = a.criteria[index];
  // A level or a flag is named by the input already: the points follow it.
  const bool named = cr.kind == ScoringKind::levels || cr.kind == ScoringKind::flag;
  std::string out = L.text("basis_line", {{"input", criterion_input(res, a, index, L)},
                                          {"rule", named ? points_words(L, c, r.points) : explain_rule(res, a, index, L)}});
  if (cr.weight != 1) {
    out += " " + L.text("basis_weight", {{"weight", L.number(cr.weight)}, {"points", points_words(L, c, r.weighted)}});
  }
  return out;
}

std::string reason_words(const RoundResult& res, const Reason& r, const Locale& L)
{
  const Criteria& c = res.bundle->criteria;
  switch (r.kind) {
  case Reason::Kind::total_below:
    return L.text("reason_total_below", {{"total", points_words(L, c, r.points)},
                                         {"minimum", L.text("points_value", {{"points", L.number(r.threshold)}})}});
  case Reason::Kind::group_below: {
    std::string name = r.ref;
    for (const auto& g : c.groups) {
      if (g.id == r.ref) {
        name = g.name;
      }
    }
    return L.text("reason_group_below", {{"group", name},
                                         {"points", points_words(L, c, r.points)},
                                         {"minimum", L.text("points_value", {{"points", L.number(r.threshold)}})}});
  }
  case Reason::Kind::gate_failed:
    break;
  }
  const Gate* gate = nullptr;
  for (const auto& g : c.gates) {
    if (g.id == r.ref) {
      gate = &g;
    }
  }
  const std::string gate_name = gate != nullptr ? gate->name : r.ref;
  auto side = [&](const std::optional<Value>& v, const std::string& name, const std::string& unit_from) {
    return v ? value_words(L, c, name.empty() ? unit_from : name, *v) : std::string("?");
  };
  std::string detail;
  if (r.op && (*r.op == Expr::Op::not_ || *r.op == Expr::Op::ident) && r.left && !r.left_name.empty()) {
    detail = L.text("gate_fact_is", {{"name", name_of(c, r.left_name)}, {"value", side(r.left, r.left_name, "")}});
  } else if (r.op && !op_key(*r.op).empty() && r.left && r.right) {
    std::string name = r.left_name.empty() ? std::string() : name_of(c, r.left_name);
    // The right side takes the left side's unit: both are compared as one quantity.
    std::string left = side(r.left, r.left_name, r.right_name);
    std::string right = r.right->type == ValueType::number
                          ? with_unit(amount_words(L, c, r.right->number), unit_of(c, r.left_name.empty() ? r.right_name : r.left_name))
                          : side(r.right, r.right_name, r.left_name);
    detail = L.text(op_key(*r.op), {{"name", name}, {"value", left}, {"limit", right}});
  } else {
    std::vector<std::string> values;
    for (const auto& nv : r.values) {
      values.push_back(L.text("named_value", {{"name", name_of(c, nv.name)},
                                              {"value", nv.value ? value_words(L, c, nv.name, *nv.value) : "?"}}));
    }
    detail = format_list(L.lang(), values);
  }
  return L.text("reason_gate_failed",
                {{"gate", gate_name}, {"detail", detail}, {"rule", gate != nullptr ? gate->expr.source : std::string()}});
}

std::string tie_rule_words(const Criteria& c, const TieRule& r, const Locale& L)
{
  switch (r.kind) {
  case TieRule::Kind::group:
    for (const auto& g : c.groups) {
      if (g.id == r.ref) {
        return L.text("tie_rule_group", {{"group", g.name}});
      }
    }
    break;
  case TieRule::Kind::criterion:
    if (const Criterion* cr = c.criterion(r.ref)) {
      return L.text("tie_rule_criterion", {{"criterion", cr->name}});
    }
    break;
  case TieRule::Kind::field: {
    std::string name = r.ref == "submitted_at" && c.field(r.ref) == nullptr ? L.text("tie_submitted_at")
                                                                              : name_of(c, r.ref);
    return L.text(r.prefer_lower ? "tie_rule_field_lower" : "tie_rule_field_higher", {{"field", name}});
  }
  case TieRule::Kind::majority:
    return L.text("tie_rule_majority");
  case TieRule::Kind::chair:
    return L.text("tie_rule_chair");
  case TieRule::Kind::proposal:
    return L.text("tie_rule_proposal");
  }
  return r.ref;
}

std::string tie_rule_spec(const TieRule& r)
{
  switch (r.kind) {
  case TieRule::Kind::group:
    return "group: " + r.ref;
  case TieRule::Kind::criterion:
    return "criterion: " + r.ref;
  case TieRule::Kind::field:
    return "field: " + r.ref + ", prefer: " + (r.prefer_lower ? "lower" : "higher");
  case TieRule::Kind::majority:
    return "members: majority";
  case TieRule::Kind::chair:
    return "members: chair";
  case TieRule::Kind::proposal:
    return "proposal: chair";
  }
  return r.ref;
}

// Why `members: chair` compared nothing (6.7): the round has no council
// or the council no chair, or the chair has no own total for some of the
// tied applicants (recused, or absent).
std::string chair_rule_void_words(const RoundResult& res, const TieStep& t, const Locale& L)
{
  const std::string rule = tie_rule_words(res.bundle->criteria, res.bundle->criteria.tie_break[t.rule_index], L);
  const Member* chair = nullptr;
  if (const auto& council = res.bundle->round.council) {
    for (const auto& m : council->members) {
      if (m.role == Role::chair) {
        chair = &m;
      }
    }
  }
  if (!res.bundle->round.council) {
    return L.text("tie_chair_no_council", {{"rule", rule}});
  }
  if (chair == nullptr) {
    return L.text("tie_chair_none", {{"rule", rule}});
  }
  std::vector<std::string> without;
  for (const auto& v : t.values) {
    const ApplicantResult* a = res.find(v.applicant);
    if (a == nullptr || a->own_totals.count(chair->id) == 0) {
      without.push_back(v.applicant);
    }
  }
  return L.text("tie_chair_no_total", {{"rule", rule}, {"chair", chair->id}, MsgArg::list("applicants", without)});
}

std::string tie_step_words(const RoundResult& res, const TieStep& t, const Locale& L)
{
  const Criteria& c = res.bundle->criteria;
  const TieRule& rule = c.tie_break[t.rule_index];
  if (rule.kind == TieRule::Kind::chair
      && std::none_of(t.values.begin(), t.values.end(), [](const TieValue& v) { return v.key.has_value(); })) {
    return chair_rule_void_words(res, t, L);
  }
  std::vector<std::string> values;
  for (const auto& v : t.values) {
    std::string value;
    if (!v.key) {
      value = L.text("tie_no_value");
    } else if (rule.kind == TieRule::Kind::majority) {
      value = L.text("tie_majority_value", {{"members", v.key->get_num().get_si()}});
    } else if (rule.kind == TieRule::Kind::field) {
      const Dossier* d = dossier_of(res, v.applicant);
      std::optional<Timestamp> when;
      if (d != nullptr && rule.ref == "submitted_at" && c.field(rule.ref) == nullptr) {
        when = d->submitted_at;
      } else if (d != nullptr) {
        if (auto it = d->facts.find(rule.ref); it != d->facts.end() && it->second.time) {
          when = it->second.time;
        }
      }
      value = when ? L.date(*when) : with_unit(amount_words(L, c, *v.key), unit_of(c, rule.ref));
    } else {
      value = points_words(L, c, *v.key);
    }
    values.push_back(L.text("tie_value", {{"applicant", v.applicant}, {"value", value}}));
  }
  return L.text(t.separated ? "tie_step_separated" : "tie_step_not_separated",
                {{"rule", tie_rule_words(c, rule, L)}, {"values", format_list(L.lang(), values)}});
}

std::string still_tied_words(const std::vector<std::string>& applicants, int rank, const Locale& L)
{
  return L.text("tie_still_tied", {MsgArg::list("applicants", applicants), {"rank", rank}});
}

std::string deviation_words(const RoundResult& res, const Deviation& d, const Locale& L)
{
  const Criteria& c = res.bundle->criteria;
  std::string criterion = d.criterion;
  if (const Criterion* cr = c.criterion(d.criterion)) {
    criterion = cr->name;
  }
  Rational percent = res.bundle->round.council && res.bundle->round.council->deviation_percent
                       ? *res.bundle->round.council->deviation_percent
                       : Rational(0);
  return L.text(d.explained ? "deviation_explained" : "deviation_unexplained",
                {{"member", d.member},
                 {"applicant", d.applicant},
                 {"criterion", criterion},
                 {"score", L.number(d.score)},
                 {"mean", amount_words(L, c, d.mean)},
                 {"percent", L.number(percent)}});
}

} // namespace ccn
