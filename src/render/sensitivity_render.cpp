// Rendering the robustness analysis as a table and as JSON.

#include "render/render.hpp"
#include "score/sensitivity.hpp"
#include "util/json_exact.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace ccn {

namespace {

std::string list(const std::vector<std::string>& ids)
{
  std::string out;
  for (const auto& id : ids) {
    out += (out.empty() ? "" : ", ") + id;
  }
  return out.empty() ? "nobody" : out;
}

} // namespace

std::string render_sensitivity_table(const Sensitivity& s, const RoundResult& res, const SmaaOptions& opt)
{
  const Criteria& c = res.bundle->criteria;
  std::string out = fmt::format("Robustness of round {}: first {}\n", res.bundle->round.id, list(s.winners));
  if (s.first.empty()) {
    out += "Fewer than two applicants are ranked: there is no order of the first two to reverse.\n";
  } else {
    out += fmt::format("\nMargin: {} leads {} by {} points (exact {}).\n", s.first, s.second,
                       shown(s.margin, c.precision), to_exact_string(s.margin_exact));
    out += "\nWeight change that would reverse the first two (all else fixed, exact totals):\n";
    for (const auto& w : s.weights) {
      if (w.change) {
        std::string change = number_text(*w.change);
        if (*w.change > 0) {
          change = change.rfind("≈", 0) == 0 ? "≈+" + change.substr(std::string_view("≈").size()) : "+" + change;
        }
        out += fmt::format("  {:<6} weight {}: reversed {} weight {} (a change of {})\n", w.criterion,
                           number_text(w.weight), w.below ? "below" : "above", number_text(w.weight + *w.change),
                           change);
      } else {
        out += fmt::format("  {:<6} weight {}: no weight ≥ 0 reverses them\n", w.criterion, number_text(w.weight));
      }
    }
  }
  if (c.has_judged()) {
    out += fmt::format("\nOne judged score moved by one step (or to 0 or max without a step): {} moves tried, {} "
                       "change who is first.\n",
                       s.moves_tried, s.flips.size());
    for (const auto& f : s.flips) {
      out += fmt::format("  {} on {} for {}: {} → {} makes {} first\n", f.member, f.criterion, f.applicant,
                         number_text(f.from), number_text(f.to), list(f.winners));
    }
    out += "\nLeave one member out:\n";
    for (const auto& l : s.leave_one_out) {
      if (!l.ranked) {
        out += fmt::format("  without {}: no ranking (quorum, or an applicant with no scorer left)\n", l.member);
      } else {
        out += fmt::format("  without {}: first {}{}\n", l.member, list(l.winners),
                           l.changes_winner ? "  <- this absence alone changes the winner" : "");
      }
    }
  }
  const SmaaResult& m = s.smaa;
  out += fmt::format("\nSMAA-2: {} samples, every weight uniform within ±{}%{}, seed {}.\n", m.samples,
                     opt.spread_percent, opt.judged_range ? ", judged points within the members' range" : "",
                     opt.seed);
  if (!m.applicants.empty()) {
    out += "  rank acceptability (share of samples in each rank):\n";
    out += "    applicant";
    for (size_t r = 0; r < m.applicants.size(); ++r) {
      out += fmt::format("  {:>6}", fmt::format("r{}", r + 1));
    }
    out += "\n";
    for (size_t a = 0; a < m.applicants.size(); ++a) {
      out += fmt::format("    {:<9}", m.applicants[a]);
      for (double v : m.acceptability[a]) {
        out += fmt::format("  {:>6.4f}", v);
      }
      out += "\n";
    }
    out += fmt::format("  central weight vector of {}:", m.applicants.front());
    for (size_t k = 0; k < m.central_weights.size(); ++k) {
      out += fmt::format(" {} {:.4f};", c.criteria[k].id, m.central_weights[k]);
    }
    out += fmt::format("\n  confidence factor of {}: {:.4f}\n", m.applicants.front(), m.confidence);
  }
  return out;
}

std::string render_sensitivity_json(const Sensitivity& s, const RoundResult& res, const SmaaOptions& opt)
{
  using Json = nlohmann::ordered_json;
  const Criteria& c = res.bundle->criteria;
  Json j;
  j["format"] = "ccnscore/sensitivity@1";
  j["tool"] = {{"name", "ccnscore"}, {"version", k_tool_version}};
  j["round"] = {{"id", res.bundle->round.id}, {"criteria", c.id}, {"precision", c.precision}};
  j["winners"] = s.winners;
  if (!s.first.empty()) {
    j["first"] = s.first;
    j["second"] = s.second;
    j["margin"] = exact_number(to_decimal_string(s.margin, c.precision, true));
    j["margin_exact"] = to_exact_string(s.margin_exact);
    Json weights = Json::array();
    for (const auto& w : s.weights) {
      weights.push_back({{"criterion", w.criterion},
                         {"weight", to_exact_string(w.weight)},
                         {"change", w.change ? Json(to_exact_string(*w.change)) : Json(nullptr)},
                         {"reverses", w.change ? Json(w.below ? "below" : "above") : Json(nullptr)}});
    }
    j["weights"] = weights;
  }
  Json flips = Json::array();
  for (const auto& f : s.flips) {
    flips.push_back({{"member", f.member}, {"applicant", f.applicant}, {"criterion", f.criterion},
                     {"from", to_exact_string(f.from)}, {"to", to_exact_string(f.to)}, {"winners", f.winners}});
  }
  j["score_moves"] = {{"tried", s.moves_tried}, {"changing_winner", flips}};
  Json loo = Json::array();
  for (const auto& l : s.leave_one_out) {
    loo.push_back({{"member", l.member}, {"ranked", l.ranked}, {"winners", l.winners},
                   {"changes_winner", l.changes_winner}});
  }
  j["leave_one_out"] = loo;
  Json acc = Json::array();
  for (size_t a = 0; a < s.smaa.applicants.size(); ++a) {
    acc.push_back({{"applicant", s.smaa.applicants[a]}, {"ranks", s.smaa.acceptability[a]}});
  }
  Json central = Json::array();
  for (size_t k = 0; k < s.smaa.central_weights.size(); ++k) {
    central.push_back({{"criterion", c.criteria[k].id}, {"weight", s.smaa.central_weights[k]}});
  }
  j["smaa"] = {{"samples", s.smaa.samples},       {"spread_percent", opt.spread_percent},
               {"seed", opt.seed},                {"judged_range", opt.judged_range},
               {"acceptability", acc},            {"central_weights", central},
               {"confidence", s.smaa.confidence}};
  return dump_exact(j) + "\n";
}

} // namespace ccn
