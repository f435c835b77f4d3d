#pragma once
// Ranking with tie-breaks and competition ranks (formats-v1 6.6 and 6.7).

#include "score/result.hpp"

namespace ccn {

// Order `res.applicants` into listing order, set ranks, ties and statuses,
// and record in `res.tie_steps` how each tie-break rule was applied.
void rank_applicants(RoundResult& res);

} // namespace ccn
