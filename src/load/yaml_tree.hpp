#pragma once
// The first loading step: bytes -> a plain tree of YAML nodes with 1-based
// positions, after the checks that protect everything downstream (size,
// encoding, nesting depth, node count).

#include "util/diag.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ccn {

// Deepest nesting of lists and maps accepted.
inline constexpr int k_max_depth = 64;
// Most nodes one file may expand to (aliases count each time they are used).
inline constexpr size_t k_max_nodes = 200000;
// Most bytes of text (keys and values) one file may expand to, counting the
// text of an alias each time it is used: twice the largest file.
inline constexpr size_t k_max_text_bytes = 16 * 1024 * 1024;

struct YEntry;

// One YAML node. Scalars keep their text and whether they were plain
// (unquoted), which decides how YAML 1.2's core schema reads them.
struct YNode
{
  enum class Kind { null, scalar, seq, map };
  Kind kind = Kind::null;
  std::string text;
  bool plain = true;
  int line = 0;
  int col = 0;
  std::vector<YNode> items;                        // seq
  std::vector<YEntry> entries;                     // map, in file order
};

// A key and its value in a map.
struct YEntry
{
  YNode first;  // the key
  YNode second; // the value
};

// A loaded input file.
struct Document
{
  std::string path;   // as given
  std::string sha256; // of the bytes on disk
  YNode root;
};

// Read and parse the YAML file at `path`. Every problem goes to `diags`
// (unreadable files as I/O errors); returns nothing when the file is unusable.
std::optional<Document> load_document(const std::string& path, Diagnostics& diags);

// Parse `bytes` as if read from `path` (used by tests and `load_document`).
std::optional<Document> parse_document(const std::string& path, std::string bytes, Diagnostics& diags);

} // namespace ccn
