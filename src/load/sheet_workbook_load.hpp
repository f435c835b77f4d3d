#pragma once
// Reading a score sheet from a workbook (formats-v1 8.8): the zip with
// libzip, its XML parts with pugixml, everything bounded.

#include "model/round.hpp"
#include "util/diag.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace ccn {

// Largest part of a workbook read, uncompressed, and all parts together.
inline constexpr size_t k_max_workbook_part_bytes = 16 * 1024 * 1024;
inline constexpr size_t k_max_workbook_bytes = 48 * 1024 * 1024;
// Most entries a workbook's zip may hold.
inline constexpr size_t k_max_workbook_entries = 1000;

// Whether the `sheets:` entry `path` names a workbook (it ends in `.xlsx`,
// in any case: Windows shows `M2.XLSX` and `M2.xlsx` alike).
bool is_workbook_path(std::string_view path);

// The sheet in the workbook `bytes`, read as if from `path`: shape only, as
// `load_sheet` does for YAML; `check_sheet` checks it against its round.
// Every problem goes into `diags` at `path:Sheet!G8` or `path`. A workbook
// that cannot be read gives nothing; a cell in error is left out of the
// sheet and the rest is returned, so that the round's rules check the
// other cells in the same pass (the caller fails on any error).
std::optional<Sheet> load_sheet_workbook(const std::string& path, const std::string& bytes, Diagnostics& diags);

// The same for the workbook file at `path`, with its SHA-256 in `sha256`
// once its bytes are read (empty when they could not be).
std::optional<Sheet> load_sheet_workbook_file(const std::string& path, std::string& sha256, Diagnostics& diags);

// The value of the `ccnscore-format` document property of the workbook at
// `path` (k_workbook_format_sheet, k_workbook_format_ranking, or empty when
// it has none), or nothing when the file cannot be read as a workbook.
std::optional<std::string> workbook_format_mark(const std::string& path);

// A score cell's number from its text in the cell XML, exactly, as Excel
// holds it: at most 15 significant digits, so `7.4999999999999991`, which
// Excel shows and computes as 7.5, is 7.5. Nothing when the text is not a
// decimal number.
std::optional<Rational> workbook_number(std::string_view text);

} // namespace ccn
