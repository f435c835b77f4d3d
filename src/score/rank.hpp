#pragma once
// Ranking with tie-breaks and competition ranks (formats-v1 6.6 and 6.7).

#include "score/result.hpp"

namespace ccn {

// Order `res.applicants` into listing order, set ranks, ties and statuses,
// and record in `res.tie_steps` how each tie-break rule was applied.
void rank_applicants(RoundResult& res);

// The applicants that rank_applicants puts first among `qualified` (those
// that passed every threshold), ordered by id: the highest total, narrowed
// by the tie-break rules in the same way. `present` is as in RoundResult.
std::vector<const ApplicantResult*> leading_block(const RoundBundle& bundle, const std::vector<std::string>& present,
                                                  const std::vector<const ApplicantResult*>& qualified);

} // namespace ccn
