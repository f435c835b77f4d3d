#pragma once
// The layout of a score sheet as a workbook (formats-v1 8.8), shared by the
// writer (`sheet --format xlsx`) and the reader of `sheets:` entries ending
// in `.xlsx`. ccnscore(5) documents it; change both together.

#include <string>
#include <string_view>

namespace ccn {

// The custom document property that marks a workbook as a ccnscore sheet,
// and its values: a score sheet (`sheet --format xlsx`), or a ranking
// (`rank --format xlsx`), which is none.
inline constexpr std::string_view k_workbook_format_property = "ccnscore-format";
inline constexpr std::string_view k_workbook_format_sheet = "ccnscore/sheet@1";
inline constexpr std::string_view k_workbook_format_ranking = "ccnscore/ranking@1";
// Rows and columns are 0-based here; messages name cells as Excel does (G8).
namespace sheet_layout {
// First worksheet: the scores.
inline constexpr int k_round_row = 1;  // A2 label, B2 round id, C2 round title
inline constexpr int k_member_row = 2; // A3 label, B3 member id, C3 name and role
inline constexpr int k_recusal_row = 3;
inline constexpr int k_instruction_row = 4;
inline constexpr int k_heading_row = 6;
inline constexpr int k_first_score_row = 7; // row 8: the first applicant × criterion
inline constexpr int k_value_col = 1;       // column B of the round and member rows
inline constexpr int k_applicant_col = 0;   // A
inline constexpr int k_applicant_name_col = 1;
inline constexpr int k_criterion_col = 2; // C
inline constexpr int k_criterion_name_col = 3;
inline constexpr int k_max_col = 4;
inline constexpr int k_step_col = 5;
inline constexpr int k_score_col = 6;   // G
inline constexpr int k_comment_col = 7; // H
// Second worksheet: the applicants, with a cell to mark a recusal with "x".
inline constexpr int k_first_recusal_row = 2; // row 3
inline constexpr int k_recusal_applicant_col = 0;
inline constexpr int k_recusal_mark_col = 2; // C
} // namespace sheet_layout

// The Excel name of the cell at 0-based `row` and `col` ("G8").
inline std::string cell_name(int row, int col)
{
  std::string letters;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return letters + std::to_string(row + 1);
}

} // namespace ccn
