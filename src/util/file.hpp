#pragma once
// Reading and writing files safely: size limits, no partial writes.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <variant>
#include <vector>

#include "util/message.hpp"

namespace ccn {

// Largest input file accepted, in bytes.
inline constexpr size_t k_max_file_bytes = 8 * 1024 * 1024;

// Largest result file (`ccnscore/result@1`) that verify and batch read back,
// in bytes: a result gathers every input of a round, and one of 300
// applicants and 40 members is 9 MB.
inline constexpr size_t k_max_result_bytes = 64 * 1024 * 1024;

// Why a file could not be read or written.
struct FileError
{
  std::string reason;
  bool too_large = false; // an input error (exit 1), not an I/O failure
  int errnum = 0;         // the system's error number, 0 when the reason is not the system's
  uint64_t size = 0;      // of a file too large, 0 when not known
  bool refused = false;   // an output path that names no regular file (exit 2)
  // The reason as a catalogue message, for render/ to put into words; set
  // where the reason is ccnscore's own (an output path refused).
  std::optional<Message> message = std::nullopt;
};

// The bytes of the regular file at `path`, or why it cannot be read; a
// file larger than `max_bytes` is refused (`too_large`).
std::variant<std::string, FileError> read_file(const std::string& path, size_t max_bytes = k_max_file_bytes);

// Where writing to a path goes, decided before anything is written.
struct OutputTarget
{
  std::string path;             // the path, or the file its symbolic link(s) lead to
  std::optional<unsigned> mode; // permission bits of the file it replaces, if one exists
};

// Resolve `path` for writing: nothing there yet, a regular file, or a
// symbolic link to a regular file (written through, never replaced).
// A directory, device, FIFO, socket or dangling link is refused (`refused`).
std::variant<OutputTarget, FileError> output_target(const std::string& path);

// Fills the temporary file `tmp_path` (open as `fd`); empty on success, else why not.
using FileFiller = std::function<std::string(int fd, const std::string& tmp_path)>;

// Write a file at `path` through a temporary file beside it, filled by
// `fill`, and a rename, so that a failure never leaves a partial file. The
// target is resolved by output_target; a new file follows the umask, a
// replaced one keeps its permission bits. Empty on success, else why not.
std::string write_file_atomic_with(const std::string& path, const FileFiller& fill);

// write_file_atomic_with for `content` in memory.
std::string write_file_atomic(const std::string& path, const std::string& content);

// Files written all or none: each is written to a temporary file beside the
// file its path resolves to (as write_file_atomic does) and synced, and
// `commit` renames them into place only once every one is written, so that a
// full disk leaves none of them new. What is not committed is removed when
// the set goes away.
class FileSet
{
public:
  FileSet() = default;
  FileSet(const FileSet&) = delete;
  FileSet& operator=(const FileSet&) = delete;
  ~FileSet();

  // Write `content` for `path`, not yet in place; empty on success, else why not.
  std::string add(const std::string& path, const std::string& content);

  // Rename every file added into place and sync their folders; empty on
  // success, else why not.
  std::string commit();

  // Remove every file added and not committed.
  void discard();

private:
  struct Staged
  {
    std::string tmp;    // the temporary file, written and synced
    std::string target; // the file it replaces or creates
  };
  std::vector<Staged> m_staged;
};

// Write `text` into the new, empty file open for writing as `fd`, past the
// page cache where the file system takes direct writes (O_DIRECT), else as
// a plain write. For many files that nobody reads soon, as batch writes:
// they need not be copied into the cache, nor push out what is cached there.
// The file holds exactly `text` when it returns 0; else the system's error
// number, and the file's content is unspecified.
int write_new_file(int fd, std::string_view text);

// Ask the system to write the entries of `folder` (names created or renamed
// in it) to the disk, so that a rename survives a power cut. Best effort:
// a file system that cannot sync a folder leaves it as it was.
void sync_folder(const std::string& folder);

// Create a new folder `.NAME.tmp-XXXXXX` beside `target`, with the
// permissions the umask leaves, and set `tmp_path` to it. Empty on
// success, else why not.
std::string create_temporary_folder(const std::string& target, std::string& tmp_path);

// Whether `name` is one of the temporary names this file's writers (and
// batch) use: `.NAME.tmp-XXXXXX` or `.NAME.old-XXXXXX`.
bool is_temporary_name(const std::string& name);

// Lower-case hex SHA-256 of `bytes`.
std::string sha256_hex(const std::string& bytes);

// Why a file or folder could not be read, as a catalogue message.
Message error_code_reason(const std::error_code& ec);

// Why a file could not be read (`read_file`), as a catalogue message.
Message file_error_reason(const FileError& err);

// Whether `a` and `b` name the same existing file.
bool same_file(const std::string& a, const std::string& b);

} // namespace ccn
