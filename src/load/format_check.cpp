#include "load/loaders.hpp"
#include "load/reader.hpp"

#include "util/text.hpp"


namespace ccn {

bool check_format(const Document& doc, std::string_view expected, Diagnostics& diags)
{
  const YNode& root = doc.root;
  if (root.kind != YNode::Kind::map) {
    // A file that is all one scalar is usually not YAML at all (a password
    // file, a spreadsheet saved as text): none of its text is repeated.
    Message found = root.kind == YNode::Kind::scalar ? Message{"found_text_not_map", {}} : Reader::describe(root);
    diags.error({doc.path, root.line, root.col}, "format_expected_map",
                {{"format", expected}, {"found", std::move(found)}});
    return false;
  }
  for (const auto& [key, value] : root.entries) {
    if (key.kind == YNode::Kind::scalar && key.text == "format") {
      if (value.kind == YNode::Kind::scalar && value.text == expected) {
        return true;
      }
      diags.error({doc.path, value.line, value.col}, "format_expected",
                  {{"format", expected}, {"found", Reader::describe(value)}});
      return false;
    }
  }
  diags.error({doc.path, root.line, root.col}, "format_missing", {{"format", expected}});
  return false;
}

} // namespace ccn
