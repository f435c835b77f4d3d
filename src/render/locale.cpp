#include "render/locale.hpp"

#include "render/messages.hpp"


namespace ccn {

std::string Locale::text(std::string_view key, const MsgArgs& args) const
{
  return Messages::built_in().text(m_lang, key, args);
}

std::string Locale::text(std::string_view key, std::initializer_list<MsgArg> args) const
{
  return Messages::built_in().text(m_lang, key, args);
}

std::string Locale::decimal_text(std::string_view text) const
{
  return format_decimal(m_lang, text);
}

std::string Locale::fixed(const Rational& value, int decimals) const
{
  return format_decimal(m_lang, to_decimal_string(value, decimals), decimals);
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
  if (s.size() < 10) {
    return s;
  }
  std::string out = text("date", {{"year", s.substr(0, 4)}, {"month", s.substr(5, 2)}, {"day", s.substr(8, 2)}});
  if (s.size() > 10) {
    out += " " + s.substr(11);
  }
  return out;
}

std::string Locale::status(Status s) const
{
  return text(std::string("status_") + status_name(s));
}

std::string Locale::role(Role r) const
{
  switch (r) {
  case Role::chair:
    return text("role_chair");
  case Role::vice_chair:
    return text("role_vice_chair");
  case Role::member:
    return text("role_member");
  }
  return "?";
}

} // namespace ccn
