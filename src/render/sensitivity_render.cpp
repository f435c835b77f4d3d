// Rendering the robustness analysis as a table and as JSON.

#include "render/messages.hpp"
#include "render/render.hpp"
#include "render/words.hpp"
#include "util/text.hpp"
#include "score/sensitivity.hpp"
#include "util/json_exact.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace ccn {

namespace {

// A share of the trials (0..1) as a percentage with one decimal, in the
// language's digits.
std::string percent(const Locale& L, double share)
{
  return format_decimal(L.lang(), fmt::format("{:.1f}", share * 100), 1) + " %";
}

// The applicants first, as the arguments `winners` and `count` of a
// message: with none, the message says so in its own words.
std::vector<MsgArg> first(const Locale& L, const std::vector<std::string>& ids)
{
  return {{"winners", format_list(L.lang(), ids)}, {"count", ids.size()}};
}

std::string criterion_name(const Criteria& c, const std::string& id)
{
  const Criterion* cr = c.criterion(id);
  return cr != nullptr ? id + " " + cr->name : id;
}

} // namespace

std::string render_sensitivity_table(const Sensitivity& s, const RoundResult& res, const SmaaOptions& opt,
                                     const Lang& lang)
{
  const Locale L(lang);
  const Criteria& c = res.bundle->criteria;
  // Equal totals: what put the first ahead, if anything did. The chair's
  // proposal is a tie-break rule, but the decision is the chair's, and an
  // applicant still tied with the second was put first by nothing (8.4).
  auto equal_totals_key = [](const RoundResult& r, const Sensitivity& sv) {
    const ApplicantResult* a = r.find(sv.first);
    const ApplicantResult* b = r.find(sv.second);
    if (a != nullptr && b != nullptr && a->rank && a->rank == b->rank) {
      return "sens_margin_still_tied";
    }
    return r.chair_proposal != nullptr && r.chair_proposal->selects == sv.first ? "sens_margin_proposal"
                                                                                  : "sens_margin_equal";
  };
  MsgArgs title{{"round", res.bundle->round.id}};
  for (auto& a : first(L, s.winners)) {
    title.push_back(std::move(a));
  }
  std::string out = L.text("sens_title", title) + "\n";
  if (s.first.empty()) {
    out += L.text("sens_not_enough") + "\n";
  } else {
    out += "\n"
           + (s.margin == 0 ? L.text(equal_totals_key(res, s), {{"first", s.first}, {"second", s.second}})
                            : L.text("sens_margin", {{"first", s.first}, {"second", s.second},
                                                     {"margin", points_words(L, c, s.margin)}}))
           + "\n";
    if (!res.awaiting_proposal.empty()) {
      out += proposal_needed_line(res, L) + "\n";
    }
    out += "\n" + L.text("sens_weights_heading") + "\n";
    for (const auto& w : s.weights) {
      MsgArgs args{{"criterion", criterion_name(c, w.criterion)}, {"weight", L.number(w.weight)}};
      if (w.change) {
        args.emplace_back("limit", amount_words(L, c, w.weight + *w.change));
        out += "  " + L.text(w.below ? "sens_weight_below" : "sens_weight_above", args) + "\n";
      } else {
        out += "  " + L.text("sens_weight_none", args) + "\n";
      }
    }
  }
  if (c.has_judged()) {
    out += "\n" + L.text("sens_moves", {{"tried", s.moves_tried}, {"flips", s.flips.size()}}) + "\n";
    for (const auto& f : s.flips) {
      MsgArgs args{{"member", f.member}, {"criterion", criterion_name(c, f.criterion)},
                   {"applicant", f.applicant}, {"from", L.number(f.from)}, {"to", L.number(f.to)}};
      for (auto& a : first(L, f.winners)) {
        args.push_back(std::move(a));
      }
      out += "  " + L.text("sens_flip", args) + "\n";
    }
    out += "\n" + L.text("sens_leave_heading") + "\n";
    for (const auto& l : s.leave_one_out) {
      if (!l.ranked) {
        out += "  " + L.text("sens_leave_unranked", {{"member", l.member}}) + "\n";
      } else {
        MsgArgs args{{"member", l.member}};
        for (auto& a : first(L, l.winners)) {
          args.push_back(std::move(a));
        }
        out += "  " + L.text(l.changes_winner ? "sens_leave_changes" : "sens_leave", args) + "\n";
      }
    }
  }
  const SmaaResult& m = s.smaa;
  if (m.applicants.empty()) {
    // No applicant qualified: the trials have nothing to rank, and none was drawn.
    return out + "\n" + L.text("sens_trials_nobody") + "\n";
  }
  out += "\n" + L.text(opt.judged_range ? "sens_trials_judged" : "sens_trials",
                        {{"samples", static_cast<int64_t>(m.samples)},
                         MsgArg::decimal("spread", fmt::format("{}", opt.spread_percent)),
                         {"seed", std::to_string(opt.seed)}})
         + "\n";
  // No trial drawn (--samples 0): no share to tell, not a share of 0 %.
  if (m.samples > 0) {
    out += "  " + L.text("sens_first_share", {{"applicant", m.applicants.front()},
                                              {"share", percent(L, m.acceptability.front().front())}})
           + "\n";
    out += "  " + L.text("sens_rank_table") + "\n";
    out += "    " + pad_right(L.text("head_applicant"), 10);
    for (size_t r = 0; r < m.applicants.size(); ++r) {
      out += "  " + pad_left(L.text("sens_rank", {{"rank", r + 1}}), 9);
    }
    out += "\n";
    for (size_t a = 0; a < m.applicants.size(); ++a) {
      out += "    " + pad_right(m.applicants[a], 10);
      for (double v : m.acceptability[a]) {
        out += "  " + pad_left(percent(L, v), 9);
      }
      out += "\n";
    }
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
