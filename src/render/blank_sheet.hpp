#pragma once
// A blank score sheet (`ccnscore sheet`): valid YAML with a placeholder for
// every score, and its instructions as comments in the chosen language.

#include "model/round_bundle.hpp"
#include "util/message.hpp"

#include <string>
#include <vector>

namespace ccn {

// The placeholder a member replaces with points; `check` rejects it.
inline constexpr const char* k_placeholder = "___";

// The blank sheet of member `m` for round `b`, listing the applicants whose
// `passed` entry is true (those that passed the gates).
std::string render_blank_sheet(const RoundBundle& b, const Member& m, const std::vector<bool>& passed,
                               const Lang& lang);

} // namespace ccn
