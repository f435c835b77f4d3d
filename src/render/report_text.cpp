// Explanations in words, shared by the report and `explain`.

#include "render/report.hpp"

#include <fmt/format.h>

namespace ccn {

std::string html_escape(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

namespace {

std::string band_words(const Band& b, const Locale& L)
{
  std::string lo;
  std::string hi;
  if (b.lower) {
    lo = fmt::format("{} {}", b.lower_inclusive ? L.pick("from", "từ") : L.pick("above", "trên"), L.number(*b.lower));
  }
  if (b.upper) {
    hi = fmt::format("{} {}", b.upper_inclusive ? L.pick("to", "đến") : L.pick("below", "dưới"), L.number(*b.upper));
  }
  if (lo.empty() && hi.empty()) {
    return std::string(L.pick("any other value", "các trường hợp còn lại"));
  }
  return lo + (lo.empty() || hi.empty() ? "" : " ") + hi;
}

std::string points(const Rational& p, const Locale& L)
{
  return fmt::format("{} {}", L.number(p), L.pick("points", "điểm"));
}

} // namespace

std::string explain_rule(const RoundResult& res, const ApplicantResult& a, size_t index, const Locale& L)
{
  const Criterion& cr = res.bundle->criteria.criteria[index];
  const CriterionResult& r = a.criteria[index];
  switch (cr.kind) {
  case ScoringKind::bands:
    if (r.band) {
      return fmt::format("{} {} → {}", L.pick("band", "khoảng"), band_words(cr.bands[*r.band], L), points(r.points, L));
    }
    return fmt::format("{} → {}", L.pick("in no band", "không thuộc khoảng nào"), points(r.points, L));
  case ScoringKind::levels:
    if (const Field* f = res.bundle->criteria.field(cr.of)) {
      return fmt::format("{} “{}” → {}", L.pick("level", "mức"), f->value_text(r.value), points(r.points, L));
    }
    return fmt::format("{} “{}” → {}", L.pick("level", "mức"), r.value, points(r.points, L));
  case ScoringKind::flag:
    return fmt::format("{} → {}", r.points > 0 ? L.pick("yes", "có") : L.pick("no", "không"), points(r.points, L));
  case ScoringKind::per_unit:
    return fmt::format("{} × {} {} = {}{}", L.decimal_text(r.value), L.number(cr.per_unit),
                       L.pick("per unit", "điểm/đơn vị"), points(r.points, L),
                       r.capped ? fmt::format(" ({} {})", L.pick("capped at the maximum", "giới hạn ở mức tối đa"),
                                              L.number(cr.max))
                                : "");
  case ScoringKind::relative:
    if (cr.lower_is_better) {
      return fmt::format("{} {}: {} × {} / {} = {}", L.pick("lowest among the applicants", "thấp nhất trong các hồ sơ"),
                         L.number(r.best), L.number(cr.max), L.number(r.best), L.decimal_text(r.value),
                         points(r.points, L));
    }
    if (r.best == 0) {
      return fmt::format("{} → {}", L.pick("the highest value is 0", "giá trị cao nhất bằng 0"), points(r.points, L));
    }
    return fmt::format("{} {}: {} × {} / {} = {}", L.pick("highest among the applicants", "cao nhất trong các hồ sơ"),
                       L.number(r.best), L.number(cr.max), L.decimal_text(r.value), L.number(r.best),
                       points(r.points, L));
  case ScoringKind::judged: {
    size_t n = 0;
    for (const auto& m : r.members) {
      n += m.score ? 1 : 0;
    }
    return fmt::format("{} {} {}: {}", L.pick("mean of the scores of", "bình quân điểm của"), n,
                       L.pick("members", "thành viên chấm"), points(r.points, L));
  }
  }
  return {};
}

} // namespace ccn
