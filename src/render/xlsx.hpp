#pragma once
// The ranking as an Excel workbook for the secretariat.

#include "render/locale.hpp"
#include "score/result.hpp"

#include <string>

namespace ccn {

// Write the workbook of `res` to `path` (overwritten): a ranking sheet, a
// per-criterion sheet and a member-scores sheet; numbers are stored as
// numbers, shown with the round's precision. Empty on success, else why.
std::string write_xlsx(const RoundResult& res, const std::string& path, Lang lang);

} // namespace ccn
