#include "cli/init_words.hpp"

#include <array>

namespace ccn {

namespace {

struct Word
{
  std::string_view key;
  std::string_view en;
  std::string_view vi;
};

constexpr std::array k_words{
  Word{"round.head",
       "A selection round: replace every ___ with its value, or delete the line of an optional key.",
       "Vòng lựa chọn chủ đầu tư: thay mỗi ___ bằng giá trị, hoặc xoá dòng của mục không bắt buộc."},
  Word{"round.check", "When everything is filled in, 'ccnscore check' on this file says ok.",
       "Điền xong, chạy 'ccnscore check' với tệp này để kiểm tra."},
  Word{"round.id", "identifier of the round: letters, digits, - and _",
       "mã vòng: chữ không dấu, chữ số, - và _"},
  Word{"round.title", "title of the round", "tên vòng lựa chọn"},
  Word{"round.cluster", "industrial cluster (optional: delete the line if not used)", "cụm công nghiệp (không bắt buộc: xoá dòng nếu không dùng)"},
  Word{"round.date", "date of the council meeting, YYYY-MM-DD (optional: delete the line if not known yet)",
       "ngày họp hội đồng, YYYY-MM-DD (không bắt buộc: xoá dòng nếu chưa có)"},
  Word{"round.dossiers", "every .yaml file in this folder is one applicant's dossier",
       "mỗi tệp .yaml trong thư mục này là hồ sơ của một nhà đầu tư"},
  Word{"round.sheets", "put each member's filled-in score sheet (.yaml) into this folder",
       "đặt phiếu chấm điểm đã điền (.yaml) của từng thành viên vào thư mục này"},
  Word{"round.sheet_cmd", "blank sheets: ccnscore sheet round.yaml --all -o",
       "phiếu trắng: ccnscore sheet round.yaml --all -o"},
  Word{"round.member", "full name", "họ và tên"},
  Word{"dossier.head", "Dossier of one applicant: replace every ___ with the value taken from the dossier.",
       "Hồ sơ của một nhà đầu tư: thay mỗi ___ bằng giá trị lấy từ hồ sơ đề xuất."},
  Word{"dossier.optional", "An optional fact may be left empty.", "Thông tin không bắt buộc có thể để trống."},
  Word{"dossier.name", "name of the enterprise", "tên doanh nghiệp"},
  Word{"dossier.tax_code", "tax code: 10 digits, or 10 digits - 3 digits (optional: delete the line when unknown)",
       "mã số thuế: 10 chữ số, hoặc 10 chữ số - 3 chữ số (không bắt buộc: xoá dòng nếu không có)"},
  Word{"dossier.submitted_at", "when the dossier was received, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+07:00",
       "thời điểm nhận hồ sơ, YYYY-MM-DD hoặc YYYY-MM-DDThh:mm:ss+07:00"},
  Word{"type.number", "number", "số"},
  Word{"type.integer", "whole number", "số nguyên"},
  Word{"type.bool", "true or false", "true (có) hoặc false (không)"},
  Word{"type.enum", "one of", "một trong"},
  Word{"type.date", "date YYYY-MM-DD", "ngày YYYY-MM-DD"},
  Word{"type.text", "text", "văn bản"},
  Word{"unit", "unit", "đơn vị"},
  Word{"min", "at least", "tối thiểu"},
  Word{"max", "at most", "tối đa"},
  Word{"optional", "optional", "không bắt buộc"},
  Word{"decimal", "decimal point, no thousands separators", "dấu chấm thập phân, không dấu phân cách hàng nghìn"},
};

} // namespace

std::string_view init_word(std::string_view key, Lang lang)
{
  for (const Word& w : k_words) {
    if (w.key == key) {
      return lang.code == "vi" ? w.vi : w.en;
    }
  }
  return key;
}

} // namespace ccn
