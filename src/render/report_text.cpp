// Escaping text for the HTML report.

#include "render/report.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace ccn {

std::string html_escape(std::string_view text)
{
  // No input text holds a control character, but a file's name may: shown
  // as a visible escape, as on a terminal, it cannot reach a terminal that
  // the HTML is printed on, nor reorder what a browser shows.
  const std::string safe = terminal_safe(text, true);
  std::string out;
  out.reserve(safe.size());
  for (char c : safe) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

} // namespace ccn
