#pragma once
// `sheet --format xlsx`: one blank workbook per member (formats-v1 8.8).

#include "cli/app.hpp"
#include "load/round_load.hpp"
#include "render/locale.hpp"

#include <string>
#include <vector>

namespace ccn {

// Write the blank workbook of each of `members` into the folder `output` as
// `ID.xlsx` (or, for one member, to `output` itself when it ends in
// `.xlsx`), in language `lang`. Like every output it never replaces an input
// of the round, nor, unless `force`, an existing file. Returns the exit status.
int write_sheet_workbooks(const RoundBundle& b, const std::vector<const Member*>& members,
                          const std::vector<bool>& passed, Lang lang, const std::string& output, bool force,
                          Console& console);

} // namespace ccn
