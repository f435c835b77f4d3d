#pragma once
// Loading the four input formats into validated models. Each loader records
// every problem it finds in `diags` and returns nothing if there was one.

#include "load/yaml_tree.hpp"
#include "model/criteria.hpp"
#include "model/round.hpp"
#include "util/diag.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace ccn {

inline constexpr std::string_view k_format_criteria = "ccnscore/criteria@1";
inline constexpr std::string_view k_format_round = "ccnscore/round@1";
inline constexpr std::string_view k_format_dossier = "ccnscore/dossier@1";
inline constexpr std::string_view k_format_sheet = "ccnscore/sheet@1";

// Whether `doc` declares format `expected`; an error naming what was found if not.
bool check_format(const Document& doc, std::string_view expected, Diagnostics& diags);

// A criteria file (section 2), with expressions parsed and type-checked.
std::optional<Criteria> load_criteria(const Document& doc, Diagnostics& diags);

// A dossier (section 4). With `criteria`, its facts are checked against the
// fields; without, only its shape is.
std::optional<Dossier> load_dossier(const Document& doc, const Criteria* criteria, Diagnostics& diags);

// A round file (section 3) on its own: paths are resolved, not read.
// Without `complete`, nothing when the file has an error; with it, what
// could be read all the same (so that the files it names can still be
// checked), and `*complete` says whether the file had no error.
std::optional<Round> load_round_file(const Document& doc, Diagnostics& diags, bool* complete = nullptr);

// A sheet (section 5), checked for shape only; `check_sheet` in
// load/round_load.hpp checks it against its round. Without `complete`,
// nothing when the file has an error; with it, what could be read all the
// same (so that its other scores can still be checked against the round),
// and `*complete` says whether the file had no error.
std::optional<Sheet> load_sheet(const Document& doc, Diagnostics& diags, bool* complete = nullptr);

} // namespace ccn
