#pragma once
// What a workbook's cell holds: Excel's limit on the text of one cell.

#include <cstddef>
#include <string>
#include <string_view>

namespace ccn {

// Most UTF-16 code units that Excel holds in one cell.
inline constexpr size_t k_xlsx_cell_limit = 32767;

// `text` as a cell holds it: whole when it fits, else cut on a character
// boundary and ended with "…" (one unit), and `cut` set.
std::string fit_cell(std::string_view text, bool& cut);

} // namespace ccn
