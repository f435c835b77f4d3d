#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace ccn {

namespace {

// Decode one code point at `i`; returns its length, 0 if invalid.
size_t decode(std::string_view s, size_t i, char32_t& cp)
{
  const auto b0 = static_cast<unsigned char>(s[i]);
  size_t len = 0;
  char32_t min = 0;
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) {
    return 0;
  }
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      return 0;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return len;
}

// Eight bytes of `s` from `i` (the caller checks they are there), and the
// bit of each that only bytes outside ASCII set.
inline constexpr std::uint64_t k_high_bits = 0x8080808080808080ULL;
std::uint64_t load_word(std::string_view s, size_t i)
{
  std::uint64_t word = 0;
  std::memcpy(&word, s.data() + i, sizeof word);
  return word;
}

bool is_combining(char32_t cp)
{
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF)
         || (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF)
         || (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200B || cp == 0x200D;
}

bool is_wide(char32_t cp)
{
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF)
         || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
         || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x1F300 && cp <= 0x1FAFF);
}

} // namespace

std::optional<size_t> find_invalid_utf8(std::string_view text)
{
  size_t i = 0;
  while (i < text.size()) {
    // ASCII, eight bytes at a time: most of any input is.
    while (i + 8 <= text.size() && (load_word(text, i) & k_high_bits) == 0) {
      i += 8;
    }
    if (i == text.size()) {
      break;
    }
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    size_t len = decode(text, i, cp);
    if (len == 0) {
      return i;
    }
    i += len;
  }
  return std::nullopt;
}

std::string to_nfc(std::string_view text)
{
  bool ascii = true;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0x80) != 0) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    return std::string(text);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    return std::string(text);
  }
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString out = nfc->normalize(in, status);
  if (U_FAILURE(status)) {
    return std::string(text);
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

size_t display_width(std::string_view text)
{
  size_t width = 0;
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp = 0;
    size_t len = decode(text, i, cp);
    if (len == 0) {
      ++width;
      ++i;
      continue;
    }
    if (!is_combining(cp)) {
      width += is_wide(cp) ? 2 : 1;
    }
    i += len;
  }
  return width;
}

std::string truncate_display(std::string_view text, size_t width)
{
  if (display_width(text) <= width) {
    return std::string(text);
  }
  size_t budget = width > 3 ? width - 3 : 0;
  size_t used = 0;
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp = 0;
    size_t len = decode(text, i, cp);
    if (len == 0) {
      len = 1;
    }
    size_t w = len == 1 && cp == 0 ? 1 : is_combining(cp) ? 0 : is_wide(cp) ? 2 : 1;
    if (used + w > budget) {
      break;
    }
    used += w;
    i += len;
  }
  return std::string(text.substr(0, i)) + "...";
}

std::string pad_right(std::string_view text, size_t width)
{
  std::string out(text);
  size_t w = display_width(text);
  if (w < width) {
    out.append(width - w, ' ');
  }
  return out;
}

std::string pad_left(std::string_view text, size_t width)
{
  size_t w = display_width(text);
  std::string out = w < width ? std::string(width - w, ' ') : std::string();
  out += text;
  return out;
}

bool is_identifier(std::string_view text)
{
  if (text.empty() || text.size() > 64) {
    return false;
  }
  auto alnum = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  };
  if (!alnum(text[0])) {
    return false;
  }
  for (char c : text) {
    if (!alnum(c) && c != '_' && c != '-' && c != '.') {
      return false;
    }
  }
  return true;
}

bool is_field_identifier(std::string_view text)
{
  if (text.empty() || text.size() > 64) {
    return false;
  }
  if (!((text[0] >= 'a' && text[0] <= 'z') || text[0] == '_')) {
    return false;
  }
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

bool is_reserved_word(std::string_view text)
{
  return text == "and" || text == "or" || text == "not" || text == "true" || text == "false";
}

namespace {

// `text` cut to a short token for a message (see `short_token`); with
// `quoting`, double quotes and backslashes are escaped too.
std::string token_of(std::string_view text, bool quoting)
{
  std::string out;
  size_t shown = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (shown >= k_max_token_chars) {
      out += "...";
      break;
    }
    char32_t cp = 0;
    size_t len = decode(text, i, cp);
    if (len == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
      ++i;
    } else if (cp == '\n' && text.find_first_not_of("\r\n", i) != std::string_view::npos) {
      // The first line only: never several lines of a file in one message.
      out += "...";
      break;
    } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
      out += cp == '\n'  ? std::string("\\n")
             : cp < 0x80 ? fmt::format("\\x{:02x}", static_cast<unsigned>(cp))
                         : fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
      i += len;
    } else if (quoting && (cp == '"' || cp == '\\')) {
      out += '\\';
      out += static_cast<char>(cp);
      i += len;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
    ++shown;
  }
  return out;
}

} // namespace

std::string short_token(std::string_view text)
{
  return token_of(text, false);
}

std::string quote_found(std::string_view text)
{
  return "\"" + token_of(text, true) + "\"";
}

std::optional<ControlChar> find_control_char(std::string_view text)
{
  // A refused control is an ASCII byte (C0 but tab and line feed, DEL) or
  // U+0080..U+009F, written C2 80..C2 9F. Neither byte can continue a
  // character, so decoding would reach each of them: finding the first of
  // these bytes is finding the first refused control, without decoding.
  static constexpr auto k_suspect = [] {
    std::array<bool, 256> suspect{};
    for (unsigned b = 0; b < 0x20; ++b) {
      suspect[b] = b != '\t' && b != '\n';
    }
    suspect[0x7F] = true;
    suspect[0xC2] = true;
    return suspect;
  }();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char b = bytes[i];
    if (!k_suspect[b]) {
      continue;
    }
    if (b != 0xC2) {
      return ControlChar{i, b};
    }
    if (i + 1 < text.size() && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9F) {
      return ControlChar{i, static_cast<char32_t>(bytes[i + 1])};
    }
  }
  return std::nullopt;
}

bool is_refused_control(char32_t cp)
{
  return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F);
}

std::string terminal_safe(std::string_view text, bool keep_lines)
{
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp = 0;
    size_t len = decode(text, i, cp);
    if (len == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    const bool line_break = keep_lines && (cp == '\n' || cp == '\t');
    if ((cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) && !line_break) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
    } else if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

namespace {

// `-?[0-9]+(.[0-9]+)?`: how ccnscore writes a number, and what a spreadsheet
// reads as one and never as a formula.
bool is_plain_number(std::string_view text)
{
  size_t i = text.starts_with('-') ? 1 : 0;
  size_t digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    ++i;
    ++digits;
  }
  if (digits == 0) {
    return false;
  }
  if (i == text.size()) {
    return true;
  }
  if (text[i] != '.' || i + 1 == text.size()) {
    return false;
  }
  for (++i; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return false;
    }
  }
  return true;
}

} // namespace

std::string csv_field(std::string_view text)
{
  std::string cell;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos
      && !is_plain_number(text)) {
    cell = "'";
  }
  cell.append(text);
  if (cell.find_first_of(",\"\r\n") == std::string::npos) {
    return cell;
  }
  std::string out = "\"";
  for (char ch : cell) {
    out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  }
  return out + "\"";
}

namespace {

// `text` as code points, invalid bytes kept as themselves.
std::u32string code_points(std::string_view text)
{
  std::u32string out;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    size_t len = decode(text, i, cp);
    if (len == 0) {
      cp = static_cast<unsigned char>(text[i]);
      len = 1;
    }
    out.push_back(cp);
    i += len;
  }
  return out;
}

char32_t fold_ascii(char32_t c)
{
  return c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c;
}

// Optimal string alignment distance in half edits: a change of case alone
// costs 1, any other edit 2.
size_t edit_distance_halves(const std::u32string& a, const std::u32string& b)
{
  const size_t n = a.size();
  const size_t m = b.size();
  std::vector<std::vector<size_t>> d(n + 1, std::vector<size_t>(m + 1));
  for (size_t i = 0; i <= n; ++i) {
    d[i][0] = 2 * i;
  }
  for (size_t j = 0; j <= m; ++j) {
    d[0][j] = 2 * j;
  }
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      size_t change = a[i - 1] == b[j - 1] ? 0 : fold_ascii(a[i - 1]) == fold_ascii(b[j - 1]) ? 1 : 2;
      d[i][j] = std::min({d[i - 1][j] + 2, d[i][j - 1] + 2, d[i - 1][j - 1] + change});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 2);
      }
    }
  }
  return d[n][m];
}

} // namespace

std::optional<std::string> nearest_name(std::string_view name, const std::vector<std::string>& candidates)
{
  constexpr size_t k_max_name = 64; // longer names are not typing slips worth a guess
  const std::u32string wanted = code_points(name);
  if (wanted.empty() || wanted.size() > k_max_name) {
    return std::nullopt;
  }
  const size_t limit = 2 * std::min<size_t>(3, std::max<size_t>(1, wanted.size() / 3));
  std::optional<std::string> best;
  size_t best_distance = limit + 1;
  bool tied = false;
  for (const auto& c : candidates) {
    const std::u32string other = code_points(c);
    if (other.size() > k_max_name || other == wanted) {
      continue;
    }
    const size_t distance = edit_distance_halves(wanted, other);
    if (distance < best_distance) {
      best = c;
      best_distance = distance;
      tied = false;
    } else if (distance == best_distance && best && *best != c) {
      tied = true;
    }
  }
  if (!best || tied) {
    return std::nullopt;
  }
  return best;
}

} // namespace ccn
