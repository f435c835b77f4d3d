#pragma once
// The ranking as an Excel workbook for the secretariat.

#include "render/locale.hpp"
#include "score/result.hpp"

#include <string>
#include <vector>

namespace ccn {

// Write the workbook of `res` to `path` (overwritten): a ranking sheet, a
// per-criterion sheet and a member-scores sheet; numbers are stored as
// numbers, shown with the round's precision. A text longer than a cell
// holds (32,767 characters) is cut, ends in "…", and gets a line in `notes`.
// Empty on success, else why; every return value of the library is checked.
std::string write_xlsx(const RoundResult& res, const std::string& path, const Lang& lang, std::vector<std::string>& notes);

} // namespace ccn
