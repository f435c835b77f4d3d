#include "render/catalogue_scan.hpp"

#include "util/text.hpp"

#include <algorithm>

namespace ccn {

bool scan_plain_catalogue(std::string_view yaml, std::deque<std::string>& unescaped,
                          const std::function<void(std::string_view, std::string_view)>& put)
{
  auto is_key_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; };
  while (!yaml.empty()) {
    const size_t end = yaml.find('\n');
    if (end == std::string_view::npos) {
      return false; // the last line ends with a line feed
    }
    std::string_view line = yaml.substr(0, end);
    yaml.remove_prefix(end + 1);
    if (line.empty() || line[0] == '#') {
      continue;
    }
    size_t colon = 0;
    while (colon < line.size() && is_key_char(line[colon])) {
      ++colon;
    }
    if (colon == 0 || line.substr(colon, 2) != ": " || line.size() == colon + 2) {
      return false;
    }
    const std::string_view key = line.substr(0, colon);
    const std::string_view raw = line.substr(colon + 2);
    std::string_view value;
    if (raw[0] == '"') {
      // Double-quoted, closed at the end of the line: the runs between
      // escapes are copied whole, not a character at a time, and a text
      // without escapes is not copied at all.
      if (raw.size() < 2 || raw.back() != '"') {
        return false;
      }
      const std::string_view body = raw.substr(1, raw.size() - 2);
      auto run_end = [&](size_t from) {
        while (from < body.size() && body[from] != '"' && body[from] != '\\'
               && static_cast<unsigned char>(body[from]) >= 0x20) {
          ++from;
        }
        return from;
      };
      size_t stop = run_end(0);
      if (stop == body.size()) {
        value = body;
      } else {
        std::string& text = unescaped.emplace_back();
        text.reserve(body.size());
        for (size_t i = 0;; stop = run_end(i)) {
          text.append(body.substr(i, stop - i));
          if (stop == body.size()) {
            break;
          }
          if (body[stop] != '\\') {
            return false; // a quote before the end of the line, or a control character
          }
          const char next = stop + 1 < body.size() ? body[stop + 1] : '\0';
          if (next == '"' || next == '\\') {
            text += next;
          } else if (next == 'n') {
            text += '\n';
          } else {
            return false;
          }
          i = stop + 2;
        }
        value = text;
      }
    } else {
      // Plain: words and punctuation that cannot start or end anything.
      if (std::string_view("'#&*!|>%@`{}[],?:-\" ~").find(raw[0]) != std::string_view::npos
          || raw.find(": ") != std::string_view::npos || raw.find(" #") != std::string_view::npos
          || raw.back() == ' ' || raw.back() == ':' || is_yaml_null(raw)
          || std::any_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
        return false;
      }
      value = raw;
    }
    put(key, value);
  }
  return true;
}

std::optional<std::map<std::string, std::string, std::less<>>> read_plain_catalogue(std::string_view yaml)
{
  std::map<std::string, std::string, std::less<>> table;
  std::deque<std::string> unescaped;
  const bool plain = scan_plain_catalogue(yaml, unescaped, [&](std::string_view key, std::string_view value) {
    table.insert_or_assign(std::string(key), std::string(value));
  });
  if (!plain) {
    return std::nullopt;
  }
  return table;
}

} // namespace ccn
