#pragma once
// Reading and writing files safely: size limits, no partial writes.

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

namespace ccn {

// Largest input file accepted, in bytes.
inline constexpr size_t k_max_file_bytes = 8 * 1024 * 1024;

// Why a file could not be read or written.
struct FileError
{
  std::string reason;
  bool too_large = false; // an input error (exit 1), not an I/O failure
  int errnum = 0;         // the system's error number, 0 when the reason is not the system's
  uint64_t size = 0;      // of a file too large, 0 when not known
};

// The bytes of the regular file at `path`, or why it cannot be read.
std::variant<std::string, FileError> read_file(const std::string& path);

// Write `content` to `path` through a temporary file in the same folder and
// a rename, so that a failure never leaves a partial file. Empty on success.
std::string write_file_atomic(const std::string& path, const std::string& content);

// Lower-case hex SHA-256 of `bytes`.
std::string sha256_hex(const std::string& bytes);

// Whether `a` and `b` name the same existing file.
bool same_file(const std::string& a, const std::string& b);

} // namespace ccn
