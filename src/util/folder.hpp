#pragma once
// Folders that a run writes into: a lock, identity by device and inode, and
// what a killed run left behind.

#include "util/file.hpp"
#include "util/message.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <sys/types.h>
#include <variant>

namespace ccn {

// An exclusive lock on a folder, held while the object lives: flock(2) on
// a lock file inside it, which says who holds it and is removed on release.
class FolderLock
{
public:
  // Name of the lock file inside the folder.
  static constexpr const char* k_file_name = ".ccnscore.lock";

  // Lock `dir`, or say why not: who holds it, or what failed.
  static std::variant<std::unique_ptr<FolderLock>, Message> take(const std::string& dir);

  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

private:
  FolderLock(int fd, std::string path) : m_fd(fd), m_path(std::move(path)) {}
  int m_fd;
  std::string m_path;
};

// A folder's identity: its device and inode, the same by any path to it,
// a bind mount or a symbolic link included.
struct FolderId
{
  dev_t dev = 0;
  ino_t ino = 0;
  bool operator==(const FolderId&) const = default;
};

// The identity of the folder at `path`, or nothing when it is no folder.
std::optional<FolderId> folder_id(const std::filesystem::path& path);

// Whether the file `path` lies in the folder `dir`, by whatever path: some
// folder above it is `dir` itself. Paths alone would miss a bind mount.
bool lies_in(const std::filesystem::path& path, const FolderId& dir);

// Remove the temporary folders and files of ccnscore's own naming
// (is_temporary_name) directly in `dir`; symbolic links are left alone.
// Call it only while holding the folder's lock, so that no run is writing them.
void remove_stale_temporaries(const std::string& dir);

} // namespace ccn
