#pragma once
// The files `init` writes for a new round: round.yaml and the dossier
// templates, each placeholder commented in the chosen language.

#include "model/criteria.hpp"
#include "util/message.hpp"

#include <string>

namespace ccn {

// What `check` names as not filled in yet (Reader::unfilled).
inline constexpr const char* k_blank = "___";

// A dossier template for applicant `id` of a round judged by `c`: every
// field of `c` with a placeholder and what it takes.
std::string dossier_template(const Criteria& c, const std::string& id, Lang lang);

// round.yaml of a new round `id` judged by the criteria at `criteria_path`,
// its dossiers in the folder `dossiers` and, with `members` > 0, a council
// and the folder `sheets`.
std::string round_template(const Criteria& c, const std::string& id, const std::string& criteria_path,
                           const std::string& dossiers, const std::string& sheets, unsigned members, Lang lang);

} // namespace ccn
