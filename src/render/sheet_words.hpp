#pragma once
// Every word of a score-sheet workbook, in one table so that the words can
// move into the message catalogue in one piece.

#include "render/locale.hpp"

#include <string_view>

namespace ccn {

struct SheetWords
{
  std::string_view score_sheet;   // the worksheet of the scores (at most 31 characters)
  std::string_view recusal_sheet; // the worksheet of the recusals (at most 31 characters)
  std::string_view title;
  std::string_view round;
  std::string_view member;
  std::string_view recusals;
  std::string_view recusal_note;
  std::string_view instruction;
  std::string_view applicant;
  std::string_view applicant_name;
  std::string_view criterion;
  std::string_view criterion_name;
  std::string_view maximum;
  std::string_view step;
  std::string_view no_step;
  std::string_view points;
  std::string_view comment;
  std::string_view recusal_instruction;
  std::string_view recusal_mark;
  std::string_view range_rule;  // {max}
  std::string_view step_rule;   // {step}
  std::string_view mark_rule;
};

inline const SheetWords& sheet_words(Lang lang)
{
  static const SheetWords en{
    "Score sheet",
    "Recusals",
    "SCORE SHEET",
    "Round",
    "Member",
    "Recusals",
    "Applicants you do not score (conflict of interest): mark them with x on the sheet \u201cRecusals\u201d.",
    "Enter your points in the column \u201cPoints\u201d: from 0 to the maximum, a multiple of the step where there "
    "is one. Use the column \u201cComment\u201d to explain a score that stands far from the others.",
    "Applicant",
    "Name",
    "Criterion",
    "Criterion name",
    "Maximum",
    "Step",
    "\u2013",
    "Points",
    "Comment",
    "Applicants that this member does not score because of a conflict of interest: write x in the last column.",
    "Not scored (x)",
    "Enter a number from 0 to {max}",
    ", a multiple of {step}",
    "Write x, or leave the cell empty.",
  };
  static const SheetWords vi{
    "Phiếu chấm điểm",
    "Không chấm điểm",
    "PHIẾU CHẤM ĐIỂM",
    "Đợt lựa chọn",
    "Thành viên",
    "Không chấm điểm",
    "Hồ sơ thành viên không chấm điểm do xung đột lợi ích: đánh dấu x tại trang \u201cKhông chấm điểm\u201d.",
    "Ghi điểm vào cột \u201cĐiểm\u201d: từ 0 đến điểm tối đa, là bội số của bước điểm (nếu có). Cột \u201cÝ "
    "kiến\u201d dùng để giải trình điểm chênh lệch nhiều so với các thành viên khác.",
    "Mã hồ sơ",
    "Tên doanh nghiệp",
    "Mã tiêu chí",
    "Nội dung tiêu chí",
    "Điểm tối đa",
    "Bước điểm",
    "\u2013",
    "Điểm",
    "Ý kiến",
    "Hồ sơ thành viên không chấm điểm do xung đột lợi ích: ghi x vào cột cuối.",
    "Không chấm (x)",
    "Nhập số từ 0 đến {max}",
    ", là bội số của {step}",
    "Ghi x hoặc để trống.",
  };
  return lang == Lang::vi ? vi : en;
}

} // namespace ccn
