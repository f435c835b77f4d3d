#include "render/render.hpp"
#include "render/words.hpp"

#include "util/json_writer.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <string_view>

namespace ccn {

namespace {

// A rounded value as a JSON number, written from its exact decimal text
// ("894736842179.263158"), never through a double.
void number(JsonWriter& w, std::string_view name, const Rational& rounded, int precision)
{
  w.exact_member(name, to_decimal_string(rounded, precision, true));
}

// An exact decimal (a score read from a sheet) as the text of a JSON
// number with as many decimals as it needs, never through a double.
std::string exact_decimal(const Rational& value)
{
  // The fewest decimals that hold `value` exactly, at most 80: a fraction
  // in lowest terms has a decimal form of d decimals when its denominator
  // divides 10^d, 2^a 5^b needing max(a, b). Read from the denominator
  // instead of rounding at 0, 1, 2... decimals until one is exact.
  constexpr int k_most = 80;
  if (value.small() && value.small_den() > 0) {
    // Most scores: counted in a machine word.
    auto rest = static_cast<std::uint64_t>(value.small_den());
    const int twos = std::countr_zero(rest);
    rest >>= twos;
    int fives = 0;
    for (; rest % 5 == 0; rest /= 5) {
      ++fives;
    }
    return to_decimal_string(value, rest == 1 ? std::min(std::max(twos, fives), k_most) : k_most, true);
  }
  mpz_class rest = value.get_den();
  const auto twos = static_cast<int>(mpz_scan1(rest.get_mpz_t(), 0));
  mpz_fdiv_q_2exp(rest.get_mpz_t(), rest.get_mpz_t(), twos);
  const mpz_class five = 5;
  const auto fives = static_cast<int>(mpz_remove(rest.get_mpz_t(), rest.get_mpz_t(), five.get_mpz_t()));
  const int decimals = rest == 1 ? std::min(std::max(twos, fives), k_most) : k_most;
  return to_decimal_string(value, decimals, true);
}

// One sheet's entry of the result's "sheets".
void sheet_json(JsonWriter& w, const Sheet& s, const std::string& path)
{
  w.begin_object();
  w.member("path", path);
  w.member("member", s.member);
  w.key("recused");
  w.begin_array();
  for (const auto& [applicant, pos] : s.recused) {
    w.string(applicant);
  }
  w.end_array();
  w.key("scores");
  w.begin_object();
  for (const auto& [applicant, by_criterion] : s.scores) {
    w.key(applicant);
    w.begin_object();
    for (const auto& [criterion, score] : by_criterion) {
      w.exact_member(criterion, exact_decimal(score.points));
    }
    w.end_object();
  }
  w.end_object();
  w.end_object();
}

// Each sheet's member, recusals and scores, so that verify can say which
// score changed, and tell a sheet changed only in its comments.
void sheets_json(JsonWriter& w, const RoundBundle& b)
{
  w.begin_array();
  for (const Sheet& s : b.sheets) {
    const std::string* path = &s.path;
    for (const InputFile& in : b.inputs) {
      if (in.role == "sheet" && in.resolved == s.path) {
        path = &in.path;
      }
    }
    sheet_json(w, s, *path);
  }
  w.end_array();
}

// An applicant's value under a tie-break rule, as data: a date or
// date-time as written, a count of members, or points; null when missing.
void tie_value_json(JsonWriter& w, const RoundResult& res, const TieRule& rule, const TieValue& v)
{
  if (!v.key) {
    w.null();
    return;
  }
  const Criteria& c = res.bundle->criteria;
  if (rule.kind == TieRule::Kind::field) {
    if (const ApplicantResult* a = res.find(v.applicant)) {
      if (rule.ref == "submitted_at" && c.field(rule.ref) == nullptr && a->dossier->submitted_at) {
        w.string(a->dossier->submitted_at->text);
        return;
      }
      if (auto it = a->dossier->facts.find(rule.ref); it != a->dossier->facts.end() && it->second.time) {
        w.string(it->second.time->text);
        return;
      }
    }
    w.string(to_exact_string(*v.key));
    return;
  }
  if (rule.kind == TieRule::Kind::majority) {
    w.string(to_exact_string(*v.key));
    return;
  }
  w.string(to_decimal_string(*v.key, c.precision));
}

void criterion_json(JsonWriter& w, const RoundResult& res, const ApplicantResult& a, size_t i, const Locale& L)
{
  const Criteria& c = res.bundle->criteria;
  const auto& r = a.criteria[i];
  const Criterion& cr = c.criteria[i];
  w.begin_object();
  w.member("id", r.id);
  number(w, "points", r.shown, c.precision);
  w.member("exact", to_exact_string(r.weighted));
  w.member("basis", criterion_basis(res, a, i, L));
  w.member("weight", to_exact_string(cr.weight));
  if (cr.kind == ScoringKind::judged) {
    // Each scorer's score, exact; recused members apart. Absent members
    // are those of the council missing from `round.present`.
    w.key("scores");
    w.begin_object();
    bool any_recused = false;
    for (const auto& ms : r.members) {
      if (ms.score) {
        w.member(ms.member, to_exact_string(*ms.score));
      }
      any_recused = any_recused || (!ms.score && ms.recused);
    }
    w.end_object();
    if (any_recused) {
      w.key("recused");
      w.begin_array();
      for (const auto& ms : r.members) {
        if (!ms.score && ms.recused) {
          w.string(ms.member);
        }
      }
      w.end_array();
    }
  }
  w.end_object();
}

void applicant_json(JsonWriter& w, const RoundResult& res, const ApplicantResult& a, const Locale& L)
{
  const Criteria& c = res.bundle->criteria;
  const int p = c.precision;
  w.begin_object();
  w.member("id", a.id());
  w.member("name", a.dossier->name);
  w.key("rank");
  a.rank ? w.integer(*a.rank) : w.null();
  w.member("status", status_name(a.status));
  w.member("tied", a.tied);
  w.key("total");
  a.total ? w.exact_number(to_decimal_string(*a.total, p, true)) : w.null();
  w.key("total_exact");
  a.total ? w.string(to_exact_string(a.total_exact)) : w.null();
  w.key("groups");
  w.begin_array();
  for (const auto& g : a.groups) {
    w.begin_object();
    w.member("id", g.id);
    number(w, "points", g.points, p);
    number(w, "min", round_half_away(g.min, 6), 6);
    w.member("min_exact", to_exact_string(g.min));
    w.member("passed", g.passed);
    w.end_object();
  }
  w.end_array();
  w.key("criteria");
  w.begin_array();
  for (size_t i = 0; i < a.criteria.size(); ++i) {
    criterion_json(w, res, a, i, L);
  }
  w.end_array();
  w.key("gates");
  w.begin_array();
  for (const auto& g : a.gates) {
    w.begin_object();
    w.member("id", g.id);
    w.member("passed", g.passed);
    w.end_object();
  }
  w.end_array();
  w.key("reasons");
  w.begin_array();
  for (const auto& r : a.reasons) {
    w.string(reason_words(res, r, L));
  }
  w.end_array();
  w.end_object();
}

// About how many bytes the result takes, a little more rather than less,
// so that its string grows once: most of it is each applicant's criteria
// (about 200 bytes and 12 a member's score) and the sheets' judged scores.
size_t expected_size(const RoundResult& res)
{
  const RoundBundle& b = *res.bundle;
  const size_t members = b.round.council ? b.round.council->members.size() : 0;
  const size_t criteria = b.criteria.criteria.size();
  const auto judged = static_cast<size_t>(std::count_if(b.criteria.criteria.begin(), b.criteria.criteria.end(),
                                                        [](const Criterion& c) { return c.kind == ScoringKind::judged; }));
  return 2048 + 160 * b.inputs.size() + res.applicants.size() * (512 + criteria * (200 + 12 * members))
         + b.sheets.size() * res.applicants.size() * judged * 28;
}

} // namespace

std::string render_json(const RoundResult& res, const Lang& lang, const std::string& inputs_root)
{
  const Locale L(lang);
  const RoundBundle& b = *res.bundle;
  const Criteria& c = b.criteria;
  std::string out;
  out.reserve(expected_size(res));
  JsonWriter w(out);
  w.begin_object();
  w.member("format", "ccnscore/result@1");
  w.key("tool");
  w.begin_object();
  w.member("name", "ccnscore");
  w.member("version", k_tool_version);
  w.end_object();
  w.key("round");
  w.begin_object();
  w.member("id", b.round.id);
  w.member("title", b.round.title);
  w.member("criteria", c.id);
  w.key("precision");
  w.integer(c.precision);
  number(w, "scale", res.scale, 6);
  if (!b.round.cluster.empty()) {
    w.member("cluster", b.round.cluster);
  }
  if (b.round.date) {
    w.member("date", b.round.date->text);
  }
  w.member("rounding", c.round_each_criterion ? "criterion" : "total");
  w.member("pass_total", to_exact_string(c.pass_total));
  if (b.round.council) {
    w.key("members");
    w.unsigned_integer(b.round.council->members.size());
    w.key("present");
    w.begin_array();
    for (const auto& m : res.present) {
      w.string(m);
    }
    w.end_array();
    w.member("quorum", b.round.council->quorum_text);
  }
  w.end_object();
  w.key("inputs");
  w.begin_array();
  for (const auto& in : b.inputs) {
    w.begin_object();
    w.member("role", in.role);
    w.member("path", in.path);
    w.member("sha256", in.sha256);
    w.end_object();
  }
  w.end_array();
  if (!inputs_root.empty()) {
    w.member("inputs_root", inputs_root);
  }
  w.key("applicants");
  w.begin_array();
  for (const auto& a : res.applicants) {
    applicant_json(w, res, a, L);
  }
  w.end_array();
  if (const ChairProposal* cp = res.chair_proposal) {
    w.key("chair_proposal");
    w.begin_object();
    w.member("selects", cp->selects);
    w.member("reason", cp->reason);
    w.key("date");
    cp->date ? w.string(cp->date->text) : w.null();
    w.end_object();
  }
  w.key("warnings");
  w.begin_array();
  for (const auto& d : res.deviations) {
    w.begin_object();
    w.member("kind", "deviation");
    w.member("member", d.member);
    w.member("applicant", d.applicant);
    w.member("criterion", d.criterion);
    w.exact_member("score", exact_decimal(d.score));
    number(w, "mean", round_half_away(d.mean, 6), 6);
    w.member("mean_exact", to_exact_string(d.mean));
    w.member("explained", d.explained);
    w.end_object();
  }
  w.end_array();
  w.key("tie_breaks");
  w.begin_array();
  for (const auto& t : res.tie_steps) {
    const TieRule& rule = c.tie_break[t.rule_index];
    w.begin_object();
    w.member("rule", tie_rule_spec(rule));
    w.member("separated", t.separated);
    w.key("values");
    w.begin_array();
    for (const auto& v : t.values) {
      w.begin_object();
      w.member("applicant", v.applicant);
      w.key("value");
      tie_value_json(w, res, rule, v);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("sheets");
  sheets_json(w, b);
  w.end_object();
  out += '\n';
  return out;
}

std::string render_sheet_json(const Sheet& sheet, const std::string& path)
{
  std::string out;
  JsonWriter w(out);
  sheet_json(w, sheet, path);
  return out;
}

} // namespace ccn
