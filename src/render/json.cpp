#include "render/render.hpp"
#include "render/words.hpp"

#include "util/json_exact.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

namespace ccn {

namespace {

using Json = nlohmann::ordered_json;

// A rounded value as a JSON number, written from its exact decimal text
// ("894736842179.263158"), never through a double.
Json number(const Rational& rounded, int precision)
{
  return exact_number(to_decimal_string(rounded, precision, true));
}

// An exact decimal (a score read from a sheet) as a JSON number with as
// many decimals as it needs, never through a double.
Json exact_decimal(const Rational& value)
{
  // The fewest decimals that hold `value` exactly, at most 80: a fraction
  // in lowest terms has a decimal form of d decimals when its denominator
  // divides 10^d, 2^a 5^b needing max(a, b). Read from the denominator
  // instead of rounding at 0, 1, 2... decimals until one is exact.
  constexpr int k_most = 80;
  mpz_class rest = value.get_den();
  const auto twos = static_cast<int>(mpz_scan1(rest.get_mpz_t(), 0));
  mpz_fdiv_q_2exp(rest.get_mpz_t(), rest.get_mpz_t(), twos);
  const mpz_class five = 5;
  const auto fives = static_cast<int>(mpz_remove(rest.get_mpz_t(), rest.get_mpz_t(), five.get_mpz_t()));
  const int decimals = rest == 1 ? std::min(std::max(twos, fives), k_most) : k_most;
  return exact_number(to_decimal_string(value, decimals, true));
}

// An empty object with room for `members`: an object of the ordered JSON
// is a vector of (const key, value) pairs, so each time it grows every key
// is copied.
Json object_with_room(size_t members)
{
  Json out = Json::object();
  out.get_ref<Json::object_t&>().reserve(members);
  return out;
}

// Each sheet's member, recusals and scores, so that verify can say which
// score changed, and tell a sheet changed only in its comments.
Json sheets_json(const RoundBundle& b)
{
  Json out = Json::array();
  for (const Sheet& s : b.sheets) {
    Json recused = Json::array();
    for (const auto& [applicant, pos] : s.recused) {
      recused.push_back(applicant);
    }
    Json scores = object_with_room(s.scores.size());
    for (const auto& [applicant, by_criterion] : s.scores) {
      Json row = object_with_room(by_criterion.size());
      for (const auto& [criterion, score] : by_criterion) {
        row[criterion] = exact_decimal(score.points);
      }
      scores[applicant] = std::move(row);
    }
    std::string path = s.path;
    for (const InputFile& in : b.inputs) {
      if (in.role == "sheet" && in.resolved == s.path) {
        path = in.path;
      }
    }
    out.push_back({{"path", path}, {"member", s.member}, {"recused", std::move(recused)}, {"scores", std::move(scores)}});
  }
  return out;
}

// An applicant's value under a tie-break rule, as data: a date or
// date-time as written, a count of members, or points; null when missing.
Json tie_value_json(const RoundResult& res, const TieRule& rule, const TieValue& v)
{
  if (!v.key) {
    return Json(nullptr);
  }
  const Criteria& c = res.bundle->criteria;
  if (rule.kind == TieRule::Kind::field) {
    if (const ApplicantResult* a = res.find(v.applicant)) {
      if (rule.ref == "submitted_at" && c.field(rule.ref) == nullptr && a->dossier->submitted_at) {
        return a->dossier->submitted_at->text;
      }
      if (auto it = a->dossier->facts.find(rule.ref); it != a->dossier->facts.end() && it->second.time) {
        return it->second.time->text;
      }
    }
    return to_exact_string(*v.key);
  }
  if (rule.kind == TieRule::Kind::majority) {
    return to_exact_string(*v.key);
  }
  return to_decimal_string(*v.key, c.precision);
}

Json applicant_json(const RoundResult& res, const ApplicantResult& a, const Locale& L)
{
  const Criteria& c = res.bundle->criteria;
  const int p = c.precision;
  Json j = object_with_room(14);
  j["id"] = a.id();
  j["name"] = a.dossier->name;
  j["rank"] = a.rank ? Json(*a.rank) : Json(nullptr);
  j["status"] = status_name(a.status);
  j["tied"] = a.tied;
  j["total"] = a.total ? number(*a.total, p) : Json(nullptr);
  j["total_exact"] = a.total ? Json(to_exact_string(a.total_exact)) : Json(nullptr);
  j["groups"] = Json::array();
  for (const auto& g : a.groups) {
    j["groups"].push_back({{"id", g.id}, {"points", number(g.points, p)}, {"min", number(round_half_away(g.min, 6), 6)},
                           {"min_exact", to_exact_string(g.min)}, {"passed", g.passed}});
  }
  j["criteria"] = Json::array();
  for (size_t i = 0; i < a.criteria.size(); ++i) {
    const auto& r = a.criteria[i];
    const Criterion& cr = c.criteria[i];
    Json cj{{"id", r.id}, {"points", number(r.shown, p)}, {"exact", to_exact_string(r.weighted)}, {"basis", criterion_basis(res, a, i, L)}};
    cj["weight"] = to_exact_string(cr.weight);
    if (cr.kind == ScoringKind::judged) {
      // Each scorer's score, exact; recused members apart. Absent members
      // are those of the council missing from `round.present`.
      Json scores = object_with_room(r.members.size());
      Json recused = Json::array();
      for (const auto& ms : r.members) {
        if (ms.score) {
          scores[ms.member] = to_exact_string(*ms.score);
        } else if (ms.recused) {
          recused.push_back(ms.member);
        }
      }
      cj["scores"] = std::move(scores);
      if (!recused.empty()) {
        cj["recused"] = std::move(recused);
      }
    }
    j["criteria"].push_back(std::move(cj));
  }
  j["gates"] = Json::array();
  for (const auto& g : a.gates) {
    j["gates"].push_back({{"id", g.id}, {"passed", g.passed}});
  }
  j["reasons"] = Json::array();
  for (const auto& r : a.reasons) {
    j["reasons"].push_back(reason_words(res, r, L));
  }
  return j;
}

} // namespace

std::string render_json(const RoundResult& res, const Lang& lang, const std::string& inputs_root)
{
  const Locale L(lang);
  const RoundBundle& b = *res.bundle;
  const Criteria& c = b.criteria;
  Json j;
  j["format"] = "ccnscore/result@1";
  j["tool"] = {{"name", "ccnscore"}, {"version", k_tool_version}};
  Json round{{"id", b.round.id},
             {"title", b.round.title},
             {"criteria", c.id},
             {"precision", c.precision},
             {"scale", number(res.scale, 6)}};
  if (!b.round.cluster.empty()) {
    round["cluster"] = b.round.cluster;
  }
  if (b.round.date) {
    round["date"] = b.round.date->text;
  }
  round["rounding"] = c.round_each_criterion ? "criterion" : "total";
  round["pass_total"] = to_exact_string(c.pass_total);
  if (b.round.council) {
    round["members"] = b.round.council->members.size();
    round["present"] = res.present;
    round["quorum"] = b.round.council->quorum_text;
  }
  j["round"] = std::move(round);
  j["inputs"] = Json::array();
  for (const auto& in : b.inputs) {
    j["inputs"].push_back({{"role", in.role}, {"path", in.path}, {"sha256", in.sha256}});
  }
  if (!inputs_root.empty()) {
    j["inputs_root"] = inputs_root;
  }
  j["applicants"] = Json::array();
  for (const auto& a : res.applicants) {
    j["applicants"].push_back(applicant_json(res, a, L));
  }
  if (const ChairProposal* cp = res.chair_proposal) {
    j["chair_proposal"] = {{"selects", cp->selects},
                           {"reason", cp->reason},
                           {"date", cp->date ? Json(cp->date->text) : Json(nullptr)}};
  }
  j["warnings"] = Json::array();
  for (const auto& d : res.deviations) {
    j["warnings"].push_back({{"kind", "deviation"},
                             {"member", d.member},
                             {"applicant", d.applicant},
                             {"criterion", d.criterion},
                             {"score", number(d.score, 6)},
                             {"mean", number(round_half_away(d.mean, 6), 6)},
                             {"mean_exact", to_exact_string(d.mean)},
                             {"explained", d.explained}});
  }
  j["tie_breaks"] = Json::array();
  for (const auto& t : res.tie_steps) {
    Json values = Json::array();
    const TieRule& rule = c.tie_break[t.rule_index];
    for (const auto& v : t.values) {
      values.push_back({{"applicant", v.applicant}, {"value", tie_value_json(res, rule, v)}});
    }
    j["tie_breaks"].push_back({{"rule", tie_rule_spec(rule)}, {"separated", t.separated}, {"values", std::move(values)}});
  }
  j["sheets"] = sheets_json(b);
  return dump_exact(j) + "\n";
}

} // namespace ccn
