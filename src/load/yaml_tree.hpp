#pragma once
// The first loading step: bytes -> a plain tree of YAML nodes with 1-based
// positions, after the checks that protect everything downstream (size,
// encoding, nesting depth, node count).

#include "util/diag.hpp"

#include <cstdint>
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
// (The members are in this order so that no padding is left between them:
// a file's tree holds many nodes.)
struct YNode
{
  enum class Kind : std::uint8_t { null, scalar, seq, map };
  std::string text;
  std::vector<YNode> items;                        // seq
  std::vector<YEntry> entries;                     // map, in file order
  int line = 0;
  int col = 0;
  Kind kind = Kind::null;
  bool plain = true;
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

// The bytes of the input file at `path`; when it cannot be read, records
// why (too large: an input error; otherwise an I/O error) and gives none.
std::optional<std::string> read_input_file(const std::string& path, Diagnostics& diags);

// Parse `bytes` as if read from `path` (used by tests and `load_document`).
std::optional<Document> parse_document(const std::string& path, std::string bytes, Diagnostics& diags);

} // namespace ccn
