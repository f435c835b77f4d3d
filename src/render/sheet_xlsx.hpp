#pragma once
// A member's blank score sheet as an Excel workbook (formats-v1 8.8); the
// layout is in model/sheet_workbook.hpp and ccnscore(5).

#include "model/round_bundle.hpp"
#include "render/locale.hpp"

#include <string>
#include <vector>

namespace ccn {

// Write the blank sheet of member `m` of round `b` to `path` (overwritten):
// one row per applicant that `passed` the gates and judged criterion, the
// score and comment cells unlocked and validated, everything else protected.
// The file is the same from run to run. A name longer than a cell holds is
// cut and gets a line in `notes`. Empty on success, else why.
std::string write_sheet_workbook(const RoundBundle& b, const Member& m, const std::vector<bool>& passed, Lang lang,
                                 const std::string& path, std::vector<std::string>& notes);

} // namespace ccn
