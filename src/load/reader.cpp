#include "load/reader.hpp"

#include "util/text.hpp"


#include <fmt/format.h>

#include <algorithm>
#include <sstream>
#include <string_view>
#include <vector>
#include <unordered_map>
#include <unordered_set>

namespace ccn {

namespace {

bool digits_at(std::string_view s, size_t pos, size_t count)
{
  if (pos + count > s.size()) {
    return false;
  }
  return std::all_of(s.begin() + static_cast<long>(pos), s.begin() + static_cast<long>(pos + count),
                     [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s, size_t pos, size_t count)
{
  int v = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool is_leap(int y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m)
{
  static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : k_days[m - 1];
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
int64_t days_from_civil(int y, int m, int d)
{
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// Parses YYYY-MM-DD at the start of `s`; the key of the error message when
// it is no date (its argument `found` is `s`).
std::optional<std::string> parse_date_part(std::string_view s, int64_t& days)
{
  if (s.size() < 10 || !digits_at(s, 0, 4) || s[4] != '-' || !digits_at(s, 5, 2) || s[7] != '-'
      || !digits_at(s, 8, 2)) {
    return "load_expected_date";
  }
  int y = to_int(s, 0, 4);
  int m = to_int(s, 5, 2);
  int d = to_int(s, 8, 2);
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
    return "load_date_not_in_calendar";
  }
  days = days_from_civil(y, m, d);
  return std::nullopt;
}

// A date written day first, as Vietnamese writes it ("12/10/2026",
// "5.9.2026", "12-10-2026"), in the form the files take ("2026-10-12"),
// when that day exists; else nothing.
std::optional<std::string> iso_of_day_first(std::string_view s)
{
  int parts[3] = {0, 0, 0};
  size_t widths[3] = {0, 0, 0};
  size_t part = 0;
  char separator = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (++widths[part] > (part == 2 ? 4U : 2U)) {
        return std::nullopt;
      }
      parts[part] = parts[part] * 10 + (c - '0');
    } else if ((c == '/' || c == '.' || c == '-') && part < 2 && widths[part] > 0
               && (separator == 0 || c == separator)) {
      separator = c;
      ++part;
    } else {
      return std::nullopt;
    }
  }
  if (part != 2 || widths[2] != 4) {
    return std::nullopt;
  }
  const int d = parts[0];
  const int m = parts[1];
  const int y = parts[2];
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
    return std::nullopt;
  }
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

// `text` with each space that separates thousands or that a copy from a
// word processor leaves around a number written as `as`: ASCII, no-break
// (U+00A0), figure (U+2007), thin (U+2009), zero-width (U+200B) and narrow
// no-break (U+202F).
std::string with_spaces_as(const std::string& text, std::string_view as)
{
  static const std::string_view k_spaces[] = {" ", "\xC2\xA0", "\xE2\x80\x87", "\xE2\x80\x89", "\xE2\x80\x8B",
                                              "\xE2\x80\xAF"};
  std::string out;
  for (size_t i = 0; i < text.size();) {
    auto space = std::find_if(std::begin(k_spaces), std::end(k_spaces),
                              [&](std::string_view s) { return std::string_view(text).substr(i, s.size()) == s; });
    if (space != std::end(k_spaces)) {
      i += space->size();
      out += as;
      continue;
    }
    out += text[i++];
  }
  return out;
}

std::string without_spaces(const std::string& text)
{
  return with_spaces_as(text, "");
}

// Whether the spaces in `written` only separate groups of three digits in
// its whole part ("450 000", "-1 250 000", "1 000,5") or trail it
// ("450000 "): the only spaces a hint may take out. "12 5", "2 500.000" or
// "1.000 000" have no plain form to suggest.
bool spaces_group_thousands(const std::string& written)
{
  const std::string spaced = with_spaces_as(written, " ");
  const size_t comma = spaced.find(',');
  const std::string whole = spaced.substr(0, comma);
  if (comma != std::string::npos) {
    std::string decimals = spaced.substr(comma);
    decimals.erase(decimals.find_last_not_of(' ') + 1);
    if (decimals.find(' ') != std::string::npos) {
      return false; // a space inside the decimals
    }
  }
  std::vector<std::string> groups;
  std::istringstream in(whole);
  for (std::string g; in >> g;) {
    groups.push_back(g);
  }
  if (groups.size() <= 1) {
    return true;
  }
  for (size_t i = 0; i < groups.size(); ++i) {
    std::string_view g = groups[i];
    if (i == 0 && !g.empty() && (g[0] == '-' || g[0] == '+')) {
      g.remove_prefix(1);
    }
    const bool digits = !g.empty() && g.find_first_not_of("0123456789") == std::string_view::npos;
    if (!digits || (i == 0 ? g.size() > 3 : g.size() != 3)) {
      return false;
    }
  }
  return true;
}

// `text` (signs, digits, dots and commas) with its thousands separators
// taken out and its decimal comma made a point, when it has one reading:
// "1.000.000" and "1,000,000" are a million, "1.234,5" and "1,234.5" are
// 1234.5, "85,5" is 85.5. Separators that do not part groups of three
// digits ("1.5.2") give none, and neither does a lone comma before three
// digits ("1,250": 1250 to some, 1.25 to others): no hint is better than a
// wrong one.
std::string separators_taken_out(const std::string& text)
{
  const size_t dots = std::count(text.begin(), text.end(), '.');
  const size_t commas = std::count(text.begin(), text.end(), ',');
  char thousands = 0;
  char decimal = 0;
  if (dots > 0 && commas > 0) {
    decimal = text[text.find_last_of(".,")];
    thousands = decimal == '.' ? ',' : '.';
  } else if (dots > 1) {
    thousands = '.';
  } else if (commas > 1) {
    thousands = ',';
  } else if (commas == 1) {
    decimal = ',';
  } else {
    return text;
  }
  const size_t at = decimal != 0 ? text.find(decimal) : std::string::npos;
  if (at != std::string::npos && text.find_first_of(".,", at + 1) != std::string::npos) {
    return {}; // a separator after the decimal one
  }
  const std::string decimals = at != std::string::npos ? text.substr(at + 1) : "";
  if (at != std::string::npos
      && (decimals.empty() || decimals.find_first_not_of("0123456789") != std::string::npos
          || (thousands == 0 && decimals.size() == 3))) {
    return {};
  }
  std::string whole = text.substr(0, at);
  std::string sign;
  if (!whole.empty() && (whole[0] == '-' || whole[0] == '+')) {
    sign = whole.substr(0, 1);
    whole.erase(0, 1);
  }
  std::string digits;
  size_t group_start = 0;
  for (size_t i = 0; i <= whole.size(); ++i) {
    if (i < whole.size() && whole[i] != thousands) {
      continue;
    }
    const std::string group = whole.substr(group_start, i - group_start);
    const bool first = group_start == 0;
    const bool grouped = thousands != 0 && whole.find(thousands) != std::string::npos;
    if (group.find_first_not_of("0123456789") != std::string::npos
        || (grouped && (first ? group.empty() || group.size() > 3 : group.size() != 3))) {
      return {};
    }
    digits += group;
    group_start = i + 1;
  }
  return sign + digits + (at != std::string::npos ? "." + decimals : "");
}

// The plain form of a number written the Vietnamese way ("85,5",
// "1.000.000", "450 000"); empty when there is none to suggest.
std::string number_hint(const std::string& written)
{
  const std::string text = without_spaces(written);
  if (text != written && (!spaces_group_thousands(written) || thousands_readings(text))) {
    return {};
  }
  if (text != written && text.find_first_not_of("+-0123456789.") == std::string::npos
      && std::count(text.begin(), text.end(), '.') <= 1 && parse_decimal(text).kind == NumberParse::Kind::ok) {
    return text;
  }
  if (text.empty() || text.find_first_not_of("+-0123456789.,") != std::string::npos) {
    return {};
  }
  std::string plain = separators_taken_out(text);
  if (plain.empty() || plain == written || parse_decimal(plain).kind != NumberParse::Kind::ok) {
    return {};
  }
  return plain;
}

} // namespace

const std::vector<std::string_view>& worded_keys()
{
  static const std::vector<std::string_view> k_keys = {
    "applicant", "applicant id", "applicant name", "applicant submitted_at", "applicant tax_code", "comments",
    "council", "council members", "criteria", "criterion", "criterion id", "dossier", "fact name",
    "field name", "gate", "gate id", "gate name", "group", "group id", "measure name", "member",
    "member id", "round", "scores", "sheet", "tie_break rule"};
  return k_keys;
}

Message key_subject(std::string_view key)
{
  const auto& keys = worded_keys();
  if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
    return {"load_key", {{"key", key}}};
  }
  std::string name = "load_key_" + std::string(key);
  std::replace(name.begin(), name.end(), ' ', '_');
  return {name, {}};
}

MsgArg decimal_arg(std::string name, const Rational& value)
{
  // A number read from a file has a denominator that divides a power of
  // ten, at most as many digits as a number may have: written exactly.
  for (int decimals = 0; decimals <= static_cast<int>(k_max_number_chars); ++decimals) {
    if (is_integer(value * pow10(decimals))) {
      return MsgArg::decimal(std::move(name), to_decimal_string(value, decimals, true));
    }
  }
  return MsgArg(std::move(name), number_text(value));
}

void Reader::error(const YNode& node, const Subject& what, std::string key, MsgArgs args,
                   std::optional<std::string> suggestion)
{
  args.insert(args.begin(), MsgArg("what", what.message));
  m_diags.error(pos(node), std::move(key), std::move(args), std::move(suggestion));
}

bool is_null_node(const YNode& node)
{
  return node.kind == YNode::Kind::null;
}

Message Reader::describe(const YNode& node)
{
  switch (node.kind) {
  case YNode::Kind::null:
    return {"found_nothing", {}};
  case YNode::Kind::seq:
    return {"found_list", {}};
  case YNode::Kind::map:
    return {"found_map", {}};
  case YNode::Kind::scalar:
    break;
  }
  return {"found_text", {{"text", quote_found(node.text)}}};
}

bool Reader::is_map(const YNode& node, const Subject& what)
{
  if (node.kind == YNode::Kind::map) {
    return true;
  }
  error(node, what, "load_expected_map", {{"found", describe(node)}});
  return false;
}

bool Reader::is_seq(const YNode& node, const Subject& what)
{
  if (node.kind == YNode::Kind::seq) {
    return true;
  }
  error(node, what, "load_expected_list", {{"found", describe(node)}});
  return false;
}

bool Reader::unfilled(const YNode& node, const Subject& what, const Message& expected)
{
  if (node.kind != YNode::Kind::scalar || !node.plain || node.text.empty()
      || node.text.find_first_not_of('_') != std::string::npos) {
    return false;
  }
  error(node, what, "load_unfilled", {{"found", short_token(node.text)}, {"expected", expected}});
  ++m_unfilled;
  return true;
}

bool Reader::left_empty(const YNode& node, const Subject& what)
{
  if (!is_null_node(node)) {
    return false;
  }
  error(node, what, "load_optional_left_empty", {});
  return true;
}

std::optional<std::string> Reader::text(const YNode& node, const Subject& what)
{
  if (unfilled(node, what, Message{"load_want_text", {}})) {
    return std::nullopt;
  }
  // Spaces alone are no text either: a name or label of blanks would show
  // as nothing in every output.
  if (node.kind != YNode::Kind::scalar || node.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    error(node, what, "load_expected_text", {{"found", describe(node)}});
    return std::nullopt;
  }
  return to_nfc(node.text);
}

std::optional<std::string> Reader::identifier(const YNode& node, const Subject& what)
{
  auto t = text(node, what);
  if (t && !is_identifier(*t)) {
    error(node, what, "load_expected_identifier", {{"found", quote_found(*t)}});
    return std::nullopt;
  }
  // Keys that start with x- are ignored everywhere (formats-v1 section 1),
  // so such an id could never be a key: a sheet could not score the
  // applicant, nor levels: give the value its points. The identifier is
  // valid (section 1), so this is a warning, where it is defined.
  if (t && t->rfind("x-", 0) == 0) {
    m_diags.warning(pos(node), "load_identifier_extension",
                    {MsgArg("what", what.message), {"found", quote_found(*t)}});
  }
  return t;
}

std::optional<std::string> Reader::field_identifier(const YNode& node, const Subject& what)
{
  auto t = text(node, what);
  if (!t) {
    return std::nullopt;
  }
  if (!is_field_identifier(*t)) {
    error(node, what, "load_expected_field_name", {{"found", quote_found(*t)}});
    return std::nullopt;
  }
  if (is_reserved_word(*t)) {
    error(node, what, "load_reserved_word", {{"word", *t}});
    return std::nullopt;
  }
  return t;
}

std::optional<Rational> Reader::number(const YNode& node, const Subject& what)
{
  if (node.kind != YNode::Kind::scalar) {
    error(node, what, "load_expected_number", {{"found", describe(node)}});
    return std::nullopt;
  }
  if (node.plain) {
    NumberParse p = parse_decimal(node.text);
    switch (p.kind) {
    case NumberParse::Kind::ok:
      return p.value;
    case NumberParse::Kind::too_long:
      error(node, what, "load_number_too_long", {{"length", node.text.size()}, {"max", k_max_number_chars}});
      return std::nullopt;
    case NumberParse::Kind::bad_exponent:
      error(node, what, "load_number_exponent", {{"number", node.text}, {"max", k_max_exponent}});
      return std::nullopt;
    case NumberParse::Kind::not_a_number:
      break;
    }
    std::string lower = node.text;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower == ".nan" || lower == ".inf" || lower == "+.inf" || lower == "-.inf") {
      error(node, what, "load_number_not_finite", {{"number", node.text}});
      return std::nullopt;
    }
  }
  if (unfilled(node, what, Message{"load_want_number", {}})) {
    return std::nullopt;
  }
  Message found = node.plain ? Message{"found_text", {{"text", quote_found(node.text)}}}
                             : Message{"found_quoted_text", {{"text", quote_found(node.text)}}};
  if (std::string plain = number_hint(node.text); !plain.empty()) {
    error(node, what, "load_expected_number_plain", {{"found", found}, {"plain", plain}});
  } else if (!node.plain && parse_decimal(node.text).kind == NumberParse::Kind::ok) {
    error(node, what, "load_expected_number_unquoted", {{"found", found}, {"plain", node.text}});
  } else {
    error(node, what, "load_expected_number", {{"found", found}});
  }
  return std::nullopt;
}

std::optional<Rational> Reader::integer(const YNode& node, const Subject& what)
{
  auto n = number(node, what);
  if (n && !is_integer(*n)) {
    error(node, what, "load_expected_whole_number", {{"number", node.text}});
    return std::nullopt;
  }
  // `96.000` or `2.5e3` is whole, but whoever wrote it may have meant
  // something else; a whole number is written with digits only (8.2).
  if (n && !parse_decimal(node.text).integral_syntax) {
    error(node, what, "load_expected_whole_number_digits", {{"number", node.text}});
    return std::nullopt;
  }
  return n;
}

std::optional<std::pair<std::string, std::string>> thousands_readings(std::string_view text)
{
  // [sign] digits "." "000", and nothing else.
  size_t i = text.empty() || (text[0] != '-' && text[0] != '+') ? 0 : 1;
  size_t digits = text.find_first_not_of("0123456789", i);
  if (digits == std::string_view::npos || digits == i || text.substr(digits) != ".000") {
    return std::nullopt;
  }
  std::string sign = text[0] == '-' ? "-" : "";
  std::string whole(text.substr(i, digits - i));
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
  return std::pair{sign + (whole == "0" ? whole : whole + "000"), sign + whole};
}

std::optional<bool> Reader::boolean(const YNode& node, const Subject& what)
{
  if (unfilled(node, what, Message{"load_want_boolean", {}})) {
    return std::nullopt;
  }
  if (node.kind == YNode::Kind::scalar && node.plain) {
    const std::string& t = node.text;
    if (t == "true" || t == "True" || t == "TRUE") {
      return true;
    }
    if (t == "false" || t == "False" || t == "FALSE") {
      return false;
    }
    // The Vietnamese words for yes and no, and the English ones, which YAML
    // 1.2 reads as text: say which truth they would be.
    static const std::pair<std::string_view, bool> k_words[] = {
      {"có", true},      {"Có", true},      {"CÓ", true},     {"co", true},     {"Co", true},
      {"đúng", true},    {"Đúng", true},    {"ĐÚNG", true},   {"yes", true},    {"Yes", true},
      {"YES", true},     {"không", false},  {"Không", false}, {"KHÔNG", false}, {"khong", false},
      {"Khong", false},  {"sai", false},    {"Sai", false},   {"SAI", false},   {"no", false},
      {"No", false},     {"NO", false}};
    for (const auto& [word, truth] : k_words) {
      if (t == word) {
        error(node, what, "load_expected_boolean_word",
              {{"found", describe(node)}, {"truth", truth ? "true" : "false"}});
        return std::nullopt;
      }
    }
  }
  error(node, what, "load_expected_boolean", {{"found", describe(node)}});
  return std::nullopt;
}

std::optional<Timestamp> Reader::date(const YNode& node, const Subject& what)
{
  if (unfilled(node, what, Message{"load_want_date", {}})) {
    return std::nullopt;
  }
  if (node.kind != YNode::Kind::scalar) {
    error(node, what, "load_expected_date", {{"found", describe(node)}});
    return std::nullopt;
  }
  int64_t days = 0;
  if (auto iso = iso_of_day_first(node.text)) {
    error(node, what, "load_expected_date_day_first", {{"found", quote_found(node.text)}, {"iso", *iso}});
    return std::nullopt;
  }
  if (node.text.size() != 10) {
    error(node, what, "load_expected_date", {{"found", quote_found(node.text)}});
    return std::nullopt;
  }
  if (auto err = parse_date_part(node.text, days)) {
    error(node, what, *err, {{"found", quote_found(node.text)}});
    return std::nullopt;
  }
  return Timestamp{days * 86400 - 7 * 3600, true, node.text, {}};
}

std::optional<Timestamp> Reader::date_or_datetime(const YNode& node, const Subject& what)
{
  if (unfilled(node, what, Message{"load_want_date_or_datetime", {}})) {
    return std::nullopt;
  }
  if (node.kind != YNode::Kind::scalar) {
    error(node, what, "load_expected_date_or_datetime", {{"found", describe(node)}});
    return std::nullopt;
  }
  const std::string& s = node.text;
  if (s.size() == 10) {
    return date(node, what);
  }
  auto fail = [&](std::string why) {
    error(node, what, std::move(why), {{"found", quote_found(s)}});
    return std::nullopt;
  };
  int64_t days = 0;
  if (auto err = parse_date_part(s, days)) {
    error(node, what, *err, {{"found", quote_found(node.text)}});
    return std::nullopt;
  }
  // YYYY-MM-DDTHH:MM[:SS[.fff]](Z|+HH:MM|-HH:MM)
  if (s.size() < 16 || (s[10] != 'T' && s[10] != 't') || !digits_at(s, 11, 2) || s[13] != ':'
      || !digits_at(s, 14, 2)) {
    return fail("load_expected_datetime");
  }
  int hh = to_int(s, 11, 2);
  int mi = to_int(s, 14, 2);
  int ss = 0;
  std::string fraction;
  size_t i = 16;
  if (i < s.size() && s[i] == ':') {
    if (!digits_at(s, i + 1, 2)) {
      return fail("load_expected_datetime");
    }
    ss = to_int(s, i + 1, 2);
    i += 3;
    if (i < s.size() && s[i] == '.') {
      ++i;
      size_t start = i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        ++i;
      }
      if (i == start) {
        return fail("load_datetime_fraction");
      }
      fraction = s.substr(start, i - start);
      fraction.erase(fraction.find_last_not_of('0') + 1);
    }
  }
  if (hh > 23 || mi > 59 || ss > 59) {
    return fail("load_datetime_time_range");
  }
  int64_t offset = 0;
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z') && i + 1 == s.size()) {
    offset = 0;
  } else if (i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && digits_at(s, i + 1, 2) && s[i + 3] == ':'
             && digits_at(s, i + 4, 2)) {
    int oh = to_int(s, i + 1, 2);
    int om = to_int(s, i + 4, 2);
    if (oh > 14 || om > 59) {
      return fail("load_datetime_offset_range");
    }
    offset = (oh * 3600 + om * 60) * (s[i] == '-' ? -1 : 1);
  } else if (i == s.size() || std::string_view("+-Zz").find(s[i]) != std::string_view::npos) {
    return fail("load_datetime_needs_offset"); // none, or one that is not +HH:MM
  } else {
    return fail("load_expected_datetime"); // "09:30:00,5+07:00": not an offset that is wrong
  }
  return Timestamp{days * 86400 + hh * 3600 + mi * 60 + ss - offset, false, s, fraction};
}

std::optional<std::vector<std::string>> Reader::identifier_list(const YNode& node, const Subject& what)
{
  if (!is_seq(node, what)) {
    return std::nullopt;
  }
  std::vector<std::string> out;
  std::unordered_set<std::string> seen; // a long list stays linear
  bool ok = true;
  for (const auto& item : node.items) {
    auto id = identifier(item, what);
    if (!id) {
      ok = false;
      continue;
    }
    if (!seen.insert(*id).second) {
      error(item, what, "load_listed_twice", {{"id", *id}});
      ok = false;
      continue;
    }
    out.push_back(*id);
  }
  if (!ok) {
    return std::nullopt;
  }
  return out;
}

MapView::MapView(Reader& reader, const YNode& node, Subject what, std::initializer_list<std::string_view> allowed)
  : m_reader(reader), m_node(&node), m_what(std::move(what))
{
  collect(true, allowed);
}

MapView::MapView(Reader& reader, const YNode& node, Subject what)
  : m_reader(reader), m_node(&node), m_what(std::move(what))
{
  collect(false, {});
}

void MapView::collect(bool check_allowed, std::initializer_list<std::string_view> allowed)
{
  if (!m_reader.is_map(*m_node, m_what)) {
    return;
  }
  m_ok = true;
  m_entries.reserve(m_node->entries.size());
  // The first key of each text taken so far: looked for along the entries
  // while they are few, then in an index, so a map of many keys stays linear.
  constexpr size_t k_few_keys = 32;
  std::unordered_map<std::string_view, const YNode*> first_key;
  auto taken = [&](const std::string& text) -> const YNode* {
    if (m_entries.size() <= k_few_keys) {
      for (const auto& [k, v] : m_entries) {
        if (k->text == text) {
          return k;
        }
      }
      return nullptr;
    }
    if (first_key.empty()) {
      for (const auto& [k, v] : m_entries) {
        first_key.emplace(k->text, k);
      }
    }
    auto first = first_key.find(text);
    return first == first_key.end() ? nullptr : first->second;
  };
  for (const auto& [key, value] : m_node->entries) {
    if (key.kind != YNode::Kind::scalar) {
      m_reader.error(key, m_what, "load_expected_key", {{"found", Reader::describe(key)}});
      continue;
    }
    if (key.text.rfind("x-", 0) == 0) {
      continue;
    }
    if (const YNode* first = taken(key.text)) {
      m_reader.error(key, m_what, "load_key_repeated",
                     {{"found", quote_found(key.text)}, {"line", std::to_string(first->line)}});
      continue;
    }
    if (check_allowed && std::find(allowed.begin(), allowed.end(), key.text) == allowed.end()) {
      std::string keys;
      std::vector<std::string> names;
      for (auto k : allowed) {
        keys += keys.empty() ? "" : ", ";
        keys += k;
        names.emplace_back(k);
      }
      m_reader.error(key, m_what, "load_unknown_key", {{"found", quote_found(key.text)}, {"keys", keys}},
                     nearest_name(key.text, names));
      continue;
    }
    if (!first_key.empty()) {
      first_key.emplace(key.text, &key);
    }
    m_entries.emplace_back(&key, &value);
  }
}

const YNode* MapView::get(std::string_view key) const
{
  for (const auto& [k, v] : m_entries) {
    if (k->text == key) {
      return v;
    }
  }
  return nullptr;
}

const YNode* MapView::require(std::string_view key) const
{
  const YNode* v = get(key);
  if (v == nullptr && m_ok) {
    m_reader.error(*m_node, m_what, "load_missing_key", {{"key", std::string(key)}});
  }
  return v;
}

std::string document_format(const YNode& root)
{
  if (root.kind != YNode::Kind::map) {
    return {};
  }
  for (const auto& [k, v] : root.entries) {
    if (k.kind == YNode::Kind::scalar && k.text == "format" && v.kind == YNode::Kind::scalar) {
      return v.text;
    }
  }
  return {};
}

} // namespace ccn
