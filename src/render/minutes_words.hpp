#pragma once
// Every word of the minutes (biên bản) and of the paper score sheet (form
// 01), by key, in English and Vietnamese. One table, so that it moves into
// the message catalogue as it stands. `{}` marks what the renderer fills in,
// in order; the Vietnamese is what an official reads aloud.

#include "render/locale.hpp"

#include <string_view>

namespace ccn {

struct MinutesWord
{
  std::string_view key;
  std::string_view en;
  std::string_view vi;
};

inline constexpr MinutesWord k_minutes_words[] = {
  // The heading of an administrative document (Decree 30/2020/NĐ-CP, Appendix I).
  {"nation", "SOCIALIST REPUBLIC OF VIETNAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
  {"motto", "Independence - Freedom - Happiness", "Độc lập - Tự do - Hạnh phúc"},
  {"number", "No.: {}", "Số: {}"},
  {"place_date", "{}, {}", "{}, {}"},
  {"date", "{day} {month_name} {year}", "ngày {day} tháng {month} năm {year}"},
  {"date_blank", "day …… month …… year ……", "ngày …… tháng …… năm ……"},
  {"time", "{hour}:{minute}{zone} on {date}", "{hour} giờ {minute} phút{zone}, {date}"},
  {"time_blank", "……:……", "…… giờ …… phút"},
  // The minutes.
  {"title", "MINUTES", "BIÊN BẢN"},
  {"subtitle", "Meeting of the council evaluating and scoring the dossiers", "Họp Hội đồng đánh giá, chấm điểm hồ sơ"},
  {"s_time_place", "I. TIME AND PLACE", "I. THỜI GIAN, ĐỊA ĐIỂM"},
  {"start", "1. Time: the meeting began at {}.", "1. Thời gian: cuộc họp bắt đầu vào lúc {}."},
  {"place", "2. Place: {}.", "2. Địa điểm: {}."},
  {"s_attendance", "II. ATTENDANCE", "II. THÀNH PHẦN THAM DỰ"},
  {"present", "1. Members of the council present ({}/{}):", "1. Thành viên Hội đồng có mặt ({}/{}):"},
  {"present_blank", "1. Members of the council present:", "1. Thành viên Hội đồng có mặt:"},
  {"absent", "2. Members of the council absent ({}/{}):", "2. Thành viên Hội đồng vắng mặt ({}/{}):"},
  {"absent_none", "2. Members of the council absent: none.", "2. Thành viên Hội đồng vắng mặt: không có."},
  {"absent_blank", "2. Members of the council absent:", "2. Thành viên Hội đồng vắng mặt:"},
  {"absent_reason", "reason: {}", "lý do: {}"},
  {"secretary", "3. Secretary of the meeting: {} (not a member of the council: does not score).",
   "3. Thư ký cuộc họp: {} (không phải thành viên Hội đồng, không tham gia chấm điểm)."},
  {"quorum", "{} of {} members present; the quorum of {} (at least {}) is {}.",
   "Có mặt {}/{} thành viên Hội đồng; túc số {} (ít nhất {} thành viên): {}."},
  {"quorum_met", "met", "bảo đảm"},
  {"quorum_not_met", "not met", "không bảo đảm"},
  {"s_content", "III. PROCEEDINGS", "III. NỘI DUNG CUỘC HỌP"},
  {"s_criteria", "1. Criteria applied and their legal basis", "1. Căn cứ và bộ tiêu chí áp dụng"},
  {"criteria", "The council evaluated and scored the dossiers by “{}”, issued by {}.",
   "Hội đồng đánh giá, chấm điểm hồ sơ theo “{}” do {} ban hành."},
  {"effective", "In force from {}.", "Có hiệu lực từ {}."},
  {"basis", "Legal basis: {}.", "Căn cứ: {}."},
  {"pass", "A dossier qualifies with a total of at least {} points out of {}{}.",
   "Hồ sơ đạt yêu cầu khi có tổng điểm từ {} điểm trở lên trên thang {} điểm{}."},
  {"pass_group", ", and at least {points} points in “{group}”", ", đồng thời nhóm “{group}” đạt từ {points} điểm trở lên"},
  {"s_results", "2. Results of the scoring", "2. Kết quả đánh giá, chấm điểm"},
  {"results_intro", "The council examined {} dossiers. Results:", "Hội đồng đã xem xét {} hồ sơ, kết quả như sau:"},
  {"col_rank", "Rank", "Xếp hạng"},
  {"col_no", "No.", "STT"},
  {"col_applicant", "Applicant", "Nhà đầu tư"},
  {"col_total", "Total points", "Tổng điểm"},
  {"col_outcome", "Outcome", "Kết quả"},
  {"results_annex", "The points of every criterion of every dossier are in the annex to these minutes.",
   "Điểm từng tiêu chí của từng hồ sơ tại Phụ lục kèm theo Biên bản này."},
  {"s_deviations", "3. Scores far from the mean, and their explanation",
   "3. Điểm chấm chênh lệch lớn so với điểm bình quân và giải trình"},
  {"deviations_none", "No member's score stands far from the mean.",
   "Không có điểm chấm nào chênh lệch lớn so với điểm bình quân."},
  {"deviation", "{member} gave {score} points to criterion {criterion} of dossier {applicant} (mean {mean}); ",
   "{member} chấm tiêu chí {criterion} của hồ sơ {applicant}: {score} điểm (bình quân {mean}); "},
  {"explained", "explanation: “{}”.", "giải trình: “{}”."},
  {"not_explained", "explanation: {}.", "giải trình: {}."},
  {"s_tie", "4. Tie for the highest score", "4. Trường hợp bằng điểm cao nhất"},
  {"tie", "{} have the same highest total ({} points).", "Các hồ sơ {} có cùng tổng điểm cao nhất ({} điểm)."},
  {"proposal",
   "Under Decree 32/2024/NĐ-CP, Article 13(2), {}{} proposed to select {}; reason: {}.",
   "Theo khoản 2 Điều 13 Nghị định 32/2024/NĐ-CP, {}{} đề xuất lựa chọn {}; lý do: {}."},
  {"proposal_on", " on {}", " {}"},
  {"proposal_needed",
   "Under Decree 32/2024/NĐ-CP, Article 13(2), the council chair's proposal is needed to choose among them; "
   "it is not recorded in the round.",
   "Theo khoản 2 Điều 13 Nghị định 32/2024/NĐ-CP, cần có đề xuất của Chủ tịch Hội đồng để lựa chọn; vòng đánh "
   "giá chưa ghi nhận đề xuất này."},
  {"proposal_blank", "The chair's proposal, and its reason:", "Đề xuất của Chủ tịch Hội đồng và lý do:"},
  {"tie_unresolved", "The tie-break rules of the criteria did not separate them.",
   "Các tiêu chí phụ của bộ tiêu chí không phân định được thứ tự."},
  {"tie_rules", "The tie-break rules of the criteria decided their order (see the annex).",
   "Thứ tự được xác định theo các tiêu chí phụ của bộ tiêu chí (chi tiết tại Phụ lục)."},
  {"s_conclusion", "IV. CONCLUSION", "IV. KẾT LUẬN"},
  {"conclusion",
   "The council proposes that the provincial People's Committee select {} as the investor in the technical "
   "infrastructure of {}: ",
   "Hội đồng đề xuất Ủy ban nhân dân tỉnh lựa chọn {} làm chủ đầu tư xây dựng hạ tầng kỹ thuật {}, "},
  {"because_highest", "its dossier qualifies with the highest total, {} points out of {}.",
   "do hồ sơ đạt yêu cầu và có tổng điểm cao nhất: {}/{} điểm."},
  {"because_proposal",
   "its dossier qualifies, shares the highest total ({} points out of {}), and the council chair proposed it "
   "(Decree 32/2024/NĐ-CP, Article 13(2)).",
   "do hồ sơ đạt yêu cầu, có tổng điểm cao nhất bằng nhau ({}/{} điểm) và được Chủ tịch Hội đồng đề xuất lựa "
   "chọn theo khoản 2 Điều 13 Nghị định 32/2024/NĐ-CP."},
  {"because_tie_rules", "its dossier qualifies with the highest total, {} points out of {}, and comes first by the "
                        "tie-break rules of the criteria.",
   "do hồ sơ đạt yêu cầu, có tổng điểm cao nhất ({}/{} điểm) và được xếp thứ nhất theo các tiêu chí phụ của bộ "
   "tiêu chí."},
  {"conclusion_tie",
   "The council does not yet propose an investor: {} are tied for the highest score and wait for the council "
   "chair's proposal. Investor proposed, and why:",
   "Hội đồng chưa đề xuất chủ đầu tư: các hồ sơ {} bằng điểm cao nhất, chờ đề xuất của Chủ tịch Hội đồng. Nhà "
   "đầu tư được đề xuất và lý do:"},
  {"conclusion_tie_rules",
   "The council does not yet propose an investor: {} remain tied for the highest score after every tie-break "
   "rule. Investor proposed, and why:",
   "Hội đồng chưa đề xuất chủ đầu tư: các hồ sơ {} vẫn bằng điểm cao nhất sau khi xét các tiêu chí phụ. Nhà "
   "đầu tư được đề xuất và lý do:"},
  {"conclusion_none", "No dossier qualifies: the council proposes no investor.",
   "Không có hồ sơ nào đạt yêu cầu; Hội đồng không đề xuất nhà đầu tư."},
  {"end", "The meeting ended at {}.", "Cuộc họp kết thúc vào lúc {}."},
  {"end_same_day", "The meeting ended at {hour}:{minute}{zone} the same day.", "Cuộc họp kết thúc vào lúc {hour} giờ {minute} phút{zone} cùng ngày."},
  {"sign_secretary", "SECRETARY", "THƯ KÝ"},
  {"sign_chair", "CHAIR OF THE COUNCIL", "CHỦ TỊCH HỘI ĐỒNG"},
  {"sign_presiding", "PRESIDING", "CHỦ TRÌ CUỘC HỌP"},
  {"sign_members", "MEMBERS OF THE COUNCIL PRESENT", "CÁC THÀNH VIÊN HỘI ĐỒNG CÓ MẶT"},
  {"sign_hint", "(signature, full name)", "(Ký, ghi rõ họ tên)"},
  {"recipients", "Recipients:", "Nơi nhận:"},
  {"recipient_province", "- The provincial People's Committee (to report);", "- UBND tỉnh (để báo cáo);"},
  {"recipient_members", "- The members of the council;", "- Các thành viên Hội đồng;"},
  {"recipient_file", "- File: ……", "- Lưu: VT, ……"},
  {"annex", "ANNEX", "PHỤ LỤC"},
  {"annex_of", "(To the minutes No. {} of {} of {})", "(Kèm theo Biên bản số {} {} của {})"},
  // The paper score sheet (form 01).
  {"sheet_title", "SCORE SHEET", "PHIẾU CHẤM ĐIỂM"},
  {"sheet_member", "Member: {}, {} ({})", "Thành viên Hội đồng: {}, {} ({})"},
  {"sheet_howto",
   "Write your points for each criterion in its box, from 0 to the maximum, in the steps shown. A comment "
   "explains a score far from the others.",
   "Ghi điểm chấm của từng tiêu chí vào ô tương ứng, từ 0 đến điểm tối đa, theo bước điểm đã ghi. Điểm chấm "
   "chênh lệch lớn cần ghi nhận xét, giải trình."},
  {"col_criterion", "Criterion", "Tiêu chí"},
  {"col_max", "Max.", "Điểm tối đa"},
  {"col_step", "Step", "Bước điểm"},
  {"col_score", "Score", "Điểm chấm"},
  {"col_comment", "Comment", "Nhận xét, giải trình"},
  {"dossier", "Dossier {}: {}", "Hồ sơ {}: {}"},
  {"recused", "Not scored by this member: conflict of interest.",
   "Thành viên không chấm hồ sơ này (xung đột lợi ích)."},
  {"recuse_box", "☐ I do not score this dossier (conflict of interest)",
   "☐ Tôi không chấm hồ sơ này (xung đột lợi ích)"},
  {"any_step", "any", "bất kỳ"},
  {"sheet_signer", "THE MEMBER", "NGƯỜI CHẤM ĐIỂM"},
  // Shared.
  {"blank", "……………………", "……………………"},
  {"and", " and ", " và "},
};

// The words of `key` in `lang`; the key itself when there is none (a bug
// that the unit tests catch).
inline std::string_view minutes_word(std::string_view key, const Lang& lang)
{
  for (const auto& w : k_minutes_words) {
    if (w.key == key) {
      return lang.code == "vi" ? w.vi : w.en;
    }
  }
  return key;
}

} // namespace ccn
