#include "util/folder.hpp"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ccn {

namespace fs = std::filesystem;

namespace {

// Who is taking a lock now, as the lock file records it for whoever finds
// the lock held: one line, "PID HOST SINCE", SINCE in UTC.
std::string holder_line()
{
  std::array<char, 256> host{};
  if (::gethostname(host.data(), host.size() - 1) != 0 || host[0] == '\0') {
    std::strcpy(host.data(), "localhost");
  }
  for (char* c = host.data(); *c != '\0'; ++c) {
    if (*c == ' ' || *c == '\n' || *c == '\r') {
      *c = '_';
    }
  }
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  std::array<char, 32> when{};
  std::strftime(when.data(), when.size(), "%Y-%m-%d %H:%M:%S UTC", &utc);
  return fmt::format("{} {} {}\n", ::getpid(), host.data(), when.data());
}

// Why the lock at `path` is not ours: the holder its file names, when it
// has written its line yet.
Message held_by(const std::string& line, const std::string& path)
{
  const size_t host = line.find(' ');
  const size_t since = host == std::string::npos ? host : line.find(' ', host + 1);
  if (since == std::string::npos || host == 0 || since == host + 1 || since + 1 >= line.size()
      || line.find_first_not_of("0123456789") != host) {
    return Message{"lock_in_use_unknown", {{"path", path}}};
  }
  return Message{"lock_in_use",
                 {{"pid", line.substr(0, host)},
                  {"host", line.substr(host + 1, since - host - 1)},
                  {"since", line.substr(since + 1)},
                  {"path", path}}};
}

} // namespace

std::variant<std::unique_ptr<FolderLock>, Message> FolderLock::take(const std::string& dir)
{
  const std::string path = (std::filesystem::path(dir) / k_file_name).string();
  // A holder that releases the lock removes the file: a lock taken on a
  // file that is no longer at `path` is taken again on the new one.
  for (int attempt = 0; attempt < 100; ++attempt) {
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) {
      return Message{"lock_cannot_create", {{"path", path}, {"reason", std::strerror(errno)}}};
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      int error = errno;
      std::array<char, 512> text{};
      ssize_t n = error == EWOULDBLOCK ? ::pread(fd, text.data(), text.size() - 1, 0) : -1;
      ::close(fd);
      if (error != EWOULDBLOCK) {
        return Message{"lock_cannot_lock", {{"path", path}, {"reason", std::strerror(error)}}};
      }
      std::string holder(text.data(), n > 0 ? static_cast<size_t>(n) : 0);
      while (!holder.empty() && (holder.back() == '\n' || holder.back() == '\r')) {
        holder.pop_back();
      }
      return held_by(holder, path);
    }
    struct stat locked {};
    struct stat named {};
    if (::fstat(fd, &locked) == 0 && ::stat(path.c_str(), &named) == 0 && locked.st_dev == named.st_dev
        && locked.st_ino == named.st_ino) {
      std::string holder = holder_line();
      if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, holder.data(), holder.size(), 0) < 0) {
        // The lock holds without the note; whoever finds it is told less.
      }
      return std::unique_ptr<FolderLock>(new FolderLock(fd, path));
    }
    ::close(fd);
  }
  return Message{"lock_replaced", {{"path", path}}};
}

FolderLock::~FolderLock()
{
  ::unlink(m_path.c_str());
  ::close(m_fd);
}

std::optional<FolderId> folder_id(const fs::path& path)
{
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return std::nullopt;
  }
  return FolderId{st.st_dev, st.st_ino};
}

bool lies_in(const fs::path& path, const FolderId& dir)
{
  std::error_code ec;
  fs::path q = fs::weakly_canonical(path, ec);
  if (ec) {
    q = fs::absolute(path, ec).lexically_normal();
  }
  while (q.has_relative_path()) {
    q = q.parent_path();
    if (folder_id(q) == dir) {
      return true;
    }
  }
  return false;
}

void remove_stale_temporaries(const std::string& dir)
{
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::error_code ignore;
    fs::file_status st = it->symlink_status(ignore);
    if (is_temporary_name(it->path().filename().string()) && (fs::is_directory(st) || fs::is_regular_file(st))) {
      fs::remove_all(it->path(), ignore);
    }
  }
}

} // namespace ccn
