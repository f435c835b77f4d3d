#pragma once
// Scoring a validated round (formats-v1 section 6). Pure: no I/O.

#include "model/round_bundle.hpp"
#include "score/result.hpp"
#include "util/diag.hpp"

#include <optional>

namespace ccn {

// Score and rank `bundle`. Evaluation errors (division by zero, a zero in a
// `relative: lower` criterion, no scorer, no quorum, missing judged scores)
// go to `diags` and give no result. `bundle` must outlive the result.
std::optional<RoundResult> score_round(const RoundBundle& bundle, Diagnostics& diags);

// Whether `present` members of `council` make its quorum (6.2).
bool has_quorum(const Council& council, size_t present);

// Whether each dossier of `bundle` (in its order) passes every gate; nothing
// when a gate cannot be evaluated (the errors go to `diags`).
std::optional<std::vector<bool>> evaluate_gates(const RoundBundle& bundle, Diagnostics& diags);

} // namespace ccn
