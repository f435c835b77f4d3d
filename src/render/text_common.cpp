#include "render/messages.hpp"
#include "render/render.hpp"
#include "render/words.hpp"

#include "score/score.hpp"

#include <fmt/format.h>

namespace ccn {

std::string shown(const Rational& value, int precision)
{
  return to_decimal_string(value, precision);
}

std::string chair_name(const RoundResult& res, const Locale& L)
{
  const auto& council = res.bundle->round.council;
  if (council) {
    for (const auto& m : council->members) {
      if (m.role == Role::chair) {
        return L.text("proposal_chair_named", {{"name", m.name}, {"id", m.id}});
      }
    }
  }
  return L.text("proposal_chair");
}

std::string proposal_needed_line(const RoundResult& res, const Locale& L)
{
  // Ranked with --criteria there is no round file to add the block to.
  return L.text(res.bundle->direct ? "proposal_needed_direct" : "proposal_needed",
                {MsgArg::list("applicants", res.awaiting_proposal)});
}

std::string proposal_settled_line(const RoundResult& res, const Locale& L)
{
  const ChairProposal& cp = *res.chair_proposal;
  return L.text(cp.date ? "proposal_settled_on" : "proposal_settled",
                {{"chair", chair_name(res, L)},
                 {"applicant", cp.selects},
                 {"date", cp.date ? L.date(*cp.date) : std::string()},
                 {"reason", cp.reason}});
}

std::vector<std::string> tie_break_lines(const RoundResult& res, const Locale& L, bool with_proposal)
{
  std::vector<std::string> out;
  for (const auto& t : res.tie_steps) {
    out.push_back(tie_step_words(res, t, L));
  }
  // Applicants that share a rank are next to each other in the listing:
  // one sentence for each such set, not one for each of its applicants.
  std::vector<std::string> level;
  int rank = 0;
  auto flush = [&] {
    if (!level.empty()) {
      out.push_back(still_tied_words(level, rank, L));
      level.clear();
    }
  };
  for (const auto& a : res.applicants) {
    if (!a.tied || !a.rank || *a.rank != rank) {
      flush();
    }
    if (a.tied && a.rank) {
      rank = *a.rank;
      level.push_back(a.id());
    }
  }
  flush();
  if (with_proposal && res.chair_proposal != nullptr) {
    out.push_back(proposal_settled_line(res, L));
  }
  if (with_proposal && !res.awaiting_proposal.empty()) {
    out.push_back(proposal_needed_line(res, L));
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
