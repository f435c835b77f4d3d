#include "render/locale.hpp"

namespace ccn {

std::string Locale::decimal_text(std::string_view text) const
{
  std::string sign;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    sign = text[0] == '-' ? "-" : "";
    text.remove_prefix(1);
  }
  if (text.find_first_not_of("0123456789.") != std::string_view::npos) {
    return sign + std::string(text); // not a plain decimal (e.g. 2.5e11): leave it as written
  }
  auto point = text.find('.');
  std::string_view whole = text.substr(0, point);
  std::string_view frac = point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  const char group = m_lang == Lang::vi ? '.' : ',';
  const char dec = m_lang == Lang::vi ? ',' : '.';
  std::string out;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) {
      out += group;
    }
    out += whole[i];
  }
  if (!frac.empty()) {
    out += dec;
    out += frac;
  }
  return sign + out;
}

std::string Locale::fixed(const Rational& value, int decimals) const
{
  return decimal_text(to_decimal_string(value, decimals));
}

std::string Locale::number(const Rational& value) const
{
  std::string s = number_text(value);
  if (s.rfind("≈", 0) == 0) {
    return "≈" + decimal_text(s.substr(std::string_view("≈").size()));
  }
  return decimal_text(s);
}

std::string Locale::date(const Timestamp& t) const
{
  const std::string& s = t.text;
  if (m_lang != Lang::vi || s.size() < 10) {
    return s;
  }
  std::string out = s.substr(8, 2) + "/" + s.substr(5, 2) + "/" + s.substr(0, 4);
  if (s.size() > 10) {
    out += " " + s.substr(11);
  }
  return out;
}

std::string Locale::status(Status s) const
{
  switch (s) {
  case Status::selected:
    return std::string(pick("selected", "được đề xuất lựa chọn"));
  case Status::tied_first:
    return std::string(pick("tied for first", "bằng điểm cao nhất"));
  case Status::qualified:
    return std::string(pick("qualified", "đạt"));
  case Status::not_qualified:
    return std::string(pick("not qualified", "không đạt"));
  case Status::disqualified:
    return std::string(pick("disqualified", "bị loại"));
  }
  return "?";
}

std::string Locale::role(Role r) const
{
  switch (r) {
  case Role::chair:
    return std::string(pick("Chair", "Chủ tịch Hội đồng"));
  case Role::vice_chair:
    return std::string(pick("Vice-chair", "Phó Chủ tịch Hội đồng"));
  case Role::member:
    return std::string(pick("Member", "Thành viên"));
  }
  return "?";
}

} // namespace ccn
