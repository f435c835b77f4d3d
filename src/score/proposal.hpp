#pragma once
// The chair's proposal that settles a tie for first (formats-v1 8.4,
// Decree 32/2024/NĐ-CP Article 13(2)).

#include "score/result.hpp"
#include "util/diag.hpp"

namespace ccn {

// After ranking: when the criteria end with `proposal: chair`, let the
// round's `chair_proposal` settle a tie for first, or note that the tie
// waits for one. A proposal that names no tied applicant, or that has no
// tie to settle, is an error at its `selects` (returns false).
bool settle_by_chair_proposal(RoundResult& res, Diagnostics& diags);

} // namespace ccn
