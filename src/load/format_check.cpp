#include "load/loaders.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

namespace ccn {

bool check_format(const Document& doc, std::string_view expected, Diagnostics& diags)
{
  const YNode& root = doc.root;
  if (root.kind != YNode::Kind::map) {
    // A file that is all one scalar is usually not YAML at all (a password
    // file, a spreadsheet saved as text): none of its text is repeated.
    std::string found = root.kind == YNode::Kind::scalar ? "text, not a YAML map" : Reader::describe(root);
    diags.error({doc.path, root.line, root.col},
                fmt::format("expected a map with 'format: {}' at the top, found {}", expected, found));
    return false;
  }
  for (const auto& [key, value] : root.entries) {
    if (key.kind == YNode::Kind::scalar && key.text == "format") {
      if (value.kind == YNode::Kind::scalar && value.text == expected) {
        return true;
      }
      diags.error({doc.path, value.line, value.col},
                  fmt::format("expected format '{}', found {}", expected, Reader::describe(value)));
      return false;
    }
  }
  diags.error({doc.path, root.line, root.col},
              fmt::format("missing 'format:' key; expected 'format: {}' at the top", expected));
  return false;
}

} // namespace ccn
