#include "score/proposal.hpp"

#include <algorithm>

namespace ccn {

bool settle_by_chair_proposal(RoundResult& res, Diagnostics& diags)
{
  const Criteria& c = res.bundle->criteria;
  const auto& cp = res.bundle->round.chair_proposal;
  if (!c.ends_with_chair_proposal()) {
    return true; // a proposal without the rule is refused when the round is loaded
  }
  // Ranked applicants come first in listing order, so the tie for first is a prefix.
  size_t tied = 0;
  std::vector<std::string> names;
  while (tied < res.applicants.size() && res.applicants[tied].status == Status::tied_first) {
    names.push_back(res.applicants[tied].id());
    ++tied;
  }
  if (!cp) {
    for (size_t i = 0; i < tied; ++i) {
      res.awaiting_proposal.push_back(res.applicants[i].id());
    }
    return true;
  }
  if (tied == 0) {
    if (!res.applicants.empty() && res.applicants.front().status == Status::selected) {
      diags.error(cp->pos, "score_proposal_no_tie_selected", {{"applicant", res.applicants.front().id()}});
    } else {
      diags.error(cp->pos, "score_proposal_no_tie_none", {});
    }
    return false;
  }
  auto first = res.applicants.begin();
  auto last = first + static_cast<long>(tied);
  auto chosen = std::find_if(first, last, [&](const ApplicantResult& a) { return a.id() == cp->selects; });
  if (chosen == last) {
    diags.error(cp->pos, "score_proposal_not_tied", {{"applicant", cp->selects}, MsgArg::list("applicants", std::move(names))});
    return false;
  }
  // The chosen applicant first; the others keep their order by id.
  std::rotate(first, chosen, chosen + 1);
  for (auto it = first; it != last; ++it) {
    bool selected = it == first;
    it->rank = selected ? 1 : 2;
    it->status = selected ? Status::selected : Status::qualified;
    it->tied = !selected && tied > 2;
  }
  res.chair_proposal = &*cp;
  return true;
}

} // namespace ccn
