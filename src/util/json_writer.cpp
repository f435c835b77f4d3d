#include "util/json_writer.hpp"

#include "util/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace ccn {

namespace {

constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
constexpr std::uint64_t k_highs = 0x8080808080808080ULL;

// Whether one of the eight bytes of `word` is below `n` (at most 0x80).
constexpr bool has_below(std::uint64_t word, std::uint64_t n)
{
  return ((word - k_ones * n) & ~word & k_highs) != 0;
}

// Whether one of the eight bytes of `word` needs an escape: a control
// character, a quote or a backslash.
constexpr bool has_escape(std::uint64_t word)
{
  return has_below(word, 0x20) || has_below(word ^ (k_ones * '"'), 1) || has_below(word ^ (k_ones * '\\'), 1);
}

} // namespace

void write_json_string(std::string_view text, std::string& out)
{
  static constexpr char k_hex[] = "0123456789abcdef";
  const size_t start = out.size();
  out += '"';
  size_t run = 0; // start of the bytes not yet copied
  std::uint64_t high = 0; // the bytes passed eight at a time, or-ed
  bool ascii = true;
  for (size_t i = 0; i < text.size(); ++i) {
    // Eight bytes at a time while none needs an escape.
    while (i + 8 <= text.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + i, 8);
      if (has_escape(word)) {
        break;
      }
      high |= word;
      i += 8;
    }
    if (i == text.size()) {
      break;
    }
    const auto u = static_cast<unsigned char>(text[i]);
    if (u >= 0x80) {
      ascii = false;
      continue;
    }
    if (u >= 0x20 && u != '"' && u != '\\') {
      continue;
    }
    out.append(text, run, i - run);
    run = i + 1;
    switch (u) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\f':
      out += "\\f";
      break;
    case '\r':
      out += "\\r";
      break;
    default:
      out += "\\u00";
      out += k_hex[u >> 4];
      out += k_hex[u & 0x0f];
      break;
    }
  }
  if ((!ascii || (high & k_highs) != 0) && find_invalid_utf8(text)) {
    // Left to nlohmann, which refuses it.
    out.resize(start);
    out += nlohmann::ordered_json(std::string(text)).dump();
    return;
  }
  out.append(text, run, text.size() - run);
  out += '"';
}

void JsonWriter::key(std::string_view name)
{
  before_value();
  // Keys are nearly all short names in ASCII, which need no escape: written
  // as they are, without write_json_string's checks for longer texts.
  const bool plain = std::all_of(name.begin(), name.end(), [](char c) {
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
  });
  if (plain) {
    m_out += '"';
    m_out += name;
    m_out += "\": ";
  } else {
    write_json_string(name, m_out);
    m_out += ": ";
  }
  m_after_key = true;
}

void JsonWriter::before_value()
{
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (m_items.empty()) {
    return;
  }
  m_out += m_items.back()++ == 0 ? "\n" : ",\n";
  m_out.append(2 * m_items.size(), ' ');
}

void JsonWriter::open(char bracket)
{
  before_value();
  m_out += bracket;
  m_items.push_back(0);
}

void JsonWriter::close(char bracket)
{
  const bool empty = m_items.back() == 0;
  m_items.pop_back();
  if (!empty) {
    m_out += '\n';
    m_out.append(2 * m_items.size(), ' ');
  }
  m_out += bracket;
}

void JsonWriter::string(std::string_view text)
{
  before_value();
  write_json_string(text, m_out);
}

void JsonWriter::exact_number(std::string_view text)
{
  before_value();
  m_out += text;
}

void JsonWriter::integer(std::int64_t value)
{
  before_value();
  char digits[24];
  m_out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

void JsonWriter::unsigned_integer(std::uint64_t value)
{
  before_value();
  char digits[24];
  m_out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

void JsonWriter::boolean(bool value)
{
  before_value();
  m_out += value ? "true" : "false";
}

void JsonWriter::null()
{
  before_value();
  m_out += "null";
}

} // namespace ccn
