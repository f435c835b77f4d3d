#pragma once
// `explain` as text: how one applicant's points came about and what
// separates it from another, in the words of the report.

#include "score/result.hpp"
#include "util/message.hpp"

#include <string>

namespace ccn {

// The explanation of `a` in `lang`, compared with `other` when given; with
// `exact`, every total and mean also as an exact fraction.
std::string render_explain(const RoundResult& res, const ApplicantResult& a, const ApplicantResult* other,
                           const Lang& lang, bool exact);

} // namespace ccn
