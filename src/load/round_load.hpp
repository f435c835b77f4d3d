#pragma once
// Loading a whole round: the round file and every file it names, checked
// against each other (formats-v1 sections 3 to 5).

#include "model/criteria.hpp"
#include "model/round.hpp"
#include "model/round_bundle.hpp"
#include "util/diag.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ccn {

// Whether the round's sheet folders must hold a sheet already. A round
// being prepared has none: `sheet` writes the blank ones into its empty
// sheet folder (formats-v1 8.5 makes an empty folder an error otherwise).
enum class SheetsNeeded { yes, not_yet };

// Load the round file at `path` and everything it names.
std::optional<RoundBundle> load_round(const std::string& path, Diagnostics& diags,
                                      SheetsNeeded sheets_needed = SheetsNeeded::yes);

// Load criteria and dossiers without a round (criteria with no judged criterion).
std::optional<RoundBundle> load_direct(const std::string& criteria_path, const std::vector<std::string>& dossier_paths,
                                       Diagnostics& diags);

// A dossier or score sheet that lies in one of a round's folders (the
// round file's own, and each folder that holds a listed dossier or sheet)
// but that no entry of the round names: it is not read, and a sheet left
// out this way counts as a member who did not score.
struct UnlistedFile
{
  std::string path; // as the round's folders are written, plus the name
  bool sheet = false; // a score sheet (YAML or workbook); else a dossier
  bool maybe = false; // a workbook that may be a sheet: unmarked, or not readable
};
std::vector<UnlistedFile> unlisted_inputs(const std::string& round_path);

// Load a criteria file on its own.
std::optional<Criteria> load_criteria_file(const std::string& path, Diagnostics& diags);

} // namespace ccn
