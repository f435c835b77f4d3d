#include "render/render.hpp"
#include "render/words.hpp"

#include "score/score.hpp"

#include <fmt/format.h>

namespace ccn {

std::string shown(const Rational& value, int precision)
{
  return to_decimal_string(value, precision);
}

std::vector<std::string> tie_break_lines(const RoundResult& res, const Locale& L)
{
  std::vector<std::string> out;
  for (const auto& t : res.tie_steps) {
    out.push_back(tie_step_words(res, t, L));
  }
  for (const auto& a : res.applicants) {
    if (a.tied && a.rank) {
      out.push_back(still_tied_words(a, L));
    }
  }
  return out;
}

std::vector<std::string> deviation_lines(const RoundResult& res, const Locale& L)
{
  std::vector<std::string> out;
  for (const auto& d : res.deviations) {
    out.push_back(deviation_words(res, d, L));
  }
  return out;
}

} // namespace ccn
