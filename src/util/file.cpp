#include "util/file.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <random>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace ccn {

std::variant<std::string, FileError> read_file(const std::string& path, size_t max_bytes)
{
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return FileError{std::strerror(errno), false, errno};
  }
  if (S_ISDIR(st.st_mode)) {
    return FileError{"is a directory, not a file", false, EISDIR};
  }
  if (!S_ISREG(st.st_mode)) {
    return FileError{"is not a regular file"};
  }
  if (static_cast<size_t>(st.st_size) > max_bytes) {
    return FileError{fmt::format("file is {} bytes; the limit is {} bytes", st.st_size, max_bytes), true, 0,
                     static_cast<uint64_t>(st.st_size)};
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    return FileError{std::strerror(errno), false, errno};
  }
  // Read straight into the text, sized by the file's size and one byte
  // more, so that one read usually sees the end; it grows if the file did.
  std::string out(static_cast<size_t>(st.st_size) + 1, '\0');
  size_t used = 0;
  while (true) {
    if (used == out.size()) {
      out.resize(out.size() * 2);
    }
    ssize_t n = ::read(fd, out.data() + used, out.size() - used);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      FileError e{std::strerror(errno), false, errno};
      ::close(fd);
      return e;
    }
    if (n == 0) {
      break;
    }
    used += static_cast<size_t>(n);
    if (used > max_bytes) {
      ::close(fd);
      return FileError{fmt::format("file is larger than the limit of {} bytes", max_bytes), true};
    }
  }
  ::close(fd);
  out.resize(used);
  return out;
}

namespace {

// What a non-regular file is: the catalogue key of its name.
std::string kind_of(mode_t mode)
{
  if (S_ISDIR(mode)) {
    return "file_kind_directory";
  }
  if (S_ISCHR(mode) || S_ISBLK(mode)) {
    return "file_kind_device";
  }
  if (S_ISFIFO(mode)) {
    return "file_kind_fifo";
  }
  if (S_ISSOCK(mode)) {
    return "file_kind_socket";
  }
  return "file_kind_other";
}

// The same in English words, for the callers that only pass a reason on.
std::string kind_in_words(mode_t mode)
{
  const std::string key = kind_of(mode);
  return key == "file_kind_directory" ? "a directory"
         : key == "file_kind_device"  ? "a device"
         : key == "file_kind_fifo"    ? "a FIFO (named pipe)"
         : key == "file_kind_socket"  ? "a socket"
                                      : "a special file";
}

// An output path refused: `message` says why, `english` too for the
// callers that only pass a reason on.
FileError refusal(Message message, std::string english)
{
  FileError e{std::move(english)};
  e.refused = true;
  e.message = std::move(message);
  return e;
}

// Create a new file or folder `.NAME.tmp-XXXXXX` beside `target` with
// `create(path)`, which returns -1 with errno EEXIST when the name is taken.
template<typename Create>
int create_beside(const std::filesystem::path& target, std::string& tmp_path, Create create)
{
  static constexpr std::string_view k_chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::filesystem::path dir = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
  // A name taken already is tried again, and the file is created only if
  // it is new: the names need to differ, not to come from the system's
  // randomness at each file (batch makes thousands). One generator a
  // thread, seeded from it once.
  thread_local std::mt19937_64 random(std::random_device{}());
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string suffix;
    for (int i = 0; i < 6; ++i) {
      suffix += k_chars[random() % k_chars.size()];
    }
    tmp_path = (dir / ("." + target.filename().string() + ".tmp-" + suffix)).string();
    int rc = create(tmp_path);
    if (rc >= 0 || errno != EEXIST) {
      return rc;
    }
  }
  return -1;
}

// A new temporary file beside `target`, mode 0666 so that the umask (and a
// default ACL) applies as to any new file. The descriptor, or -1.
int create_temporary(const std::filesystem::path& target, std::string& tmp_path)
{
  return create_beside(target, tmp_path, [](const std::string& p) {
    return ::open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  });
}

// write(2) of all of `text`, resumed after a signal; 0, else errno.
int write_whole(int fd, std::string_view text)
{
  while (!text.empty()) {
    ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return errno;
    }
    text.remove_prefix(static_cast<size_t>(n));
  }
  return 0;
}

std::string write_all(int fd, const std::string& content)
{
  const int errnum = write_whole(fd, content);
  return errnum == 0 ? std::string() : std::strerror(errnum);
}

#ifdef O_DIRECT
// Direct writes go from a buffer aligned, and in lengths rounded, to a block
// of 4 KiB, a multiple of the devices' logical blocks (512 B or 4 KiB); a
// file system that wants more refuses the write, and plain writes follow.
// The file is then cut back to its length. A writing thread keeps one
// such buffer.
constexpr size_t k_direct_block = 4096;
constexpr size_t k_direct_chunk = 1024 * 1024;

bool write_direct(int fd, std::string_view text)
{
  struct Buffer
  {
    char* data = static_cast<char*>(std::aligned_alloc(k_direct_block, k_direct_chunk));
    ~Buffer() { std::free(data); }
  };
  thread_local Buffer buffer;
  const int flags = ::fcntl(fd, F_GETFL);
  if (buffer.data == nullptr || flags < 0 || ::fcntl(fd, F_SETFL, flags | O_DIRECT) != 0) {
    return false;
  }
  bool ok = true;
  for (size_t at = 0; ok && at < text.size(); at += k_direct_chunk) {
    const size_t part = std::min(k_direct_chunk, text.size() - at);
    const size_t padded = (part + k_direct_block - 1) / k_direct_block * k_direct_block;
    std::memcpy(buffer.data, text.data() + at, part);
    std::memset(buffer.data + part, 0, padded - part);
    ssize_t n = 0;
    do {
      n = ::pwrite(fd, buffer.data, padded, static_cast<off_t>(at));
    } while (n < 0 && errno == EINTR);
    ok = n == static_cast<ssize_t>(padded);
  }
  ok = ::fcntl(fd, F_SETFL, flags) == 0 && ok;
  return ok && ::ftruncate(fd, static_cast<off_t>(text.size())) == 0;
}
#endif

} // namespace

int write_new_file(int fd, std::string_view text)
{
#ifdef O_DIRECT
  if (!text.empty() && write_direct(fd, text)) {
    return 0;
  }
  // The file system refused direct writes (or ran out of room part-way):
  // start again with plain ones, which say why if they fail too.
  if (::ftruncate(fd, 0) != 0 || ::lseek(fd, 0, SEEK_SET) != 0) {
    return errno;
  }
#endif
  return write_whole(fd, text);
}

std::variant<OutputTarget, FileError> output_target(const std::string& path)
{
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) {
      return OutputTarget{path, std::nullopt};
    }
    FileError err{std::strerror(errno)};
    err.errnum = errno;
    return err;
  }
  if (S_ISREG(st.st_mode)) {
    return OutputTarget{path, static_cast<unsigned>(st.st_mode & 0777)};
  }
  if (!S_ISLNK(st.st_mode)) {
    return refusal(Message{"output_refused_kind", {{"kind", Message{kind_of(st.st_mode), {}}}}},
                   fmt::format("it is {}, not a regular file", kind_in_words(st.st_mode)));
  }
  char* real = ::realpath(path.c_str(), nullptr);
  if (real == nullptr) {
    int error = errno;
    return refusal(Message{"output_refused_dangling",
                           {{"reason", error_code_reason(std::error_code(error, std::generic_category()))}}},
                   fmt::format("it is a symbolic link that leads nowhere ({})", std::strerror(error)));
  }
  std::string resolved(real);
  std::free(real);
  if (::stat(resolved.c_str(), &st) != 0) {
    return FileError{std::strerror(errno)};
  }
  if (!S_ISREG(st.st_mode)) {
    return refusal(Message{"output_refused_link", {{"target", resolved}, {"kind", Message{kind_of(st.st_mode), {}}}}},
                   fmt::format("it is a symbolic link to {}, {}", resolved, kind_in_words(st.st_mode)));
  }
  return OutputTarget{resolved, static_cast<unsigned>(st.st_mode & 0777)};
}

namespace {

// Fill a temporary file beside the file that `path` resolves to, synced and
// closed, and set `tmp` to it and `target` to that file. Empty on success,
// else why not, and then no temporary file is left.
std::string stage_file(const std::string& path, const FileFiller& fill, std::string& tmp, std::string& target)
{
  auto resolved = output_target(path);
  if (auto* err = std::get_if<FileError>(&resolved)) {
    return err->reason;
  }
  const OutputTarget& out = std::get<OutputTarget>(resolved);
  target = out.path;
  int fd = create_temporary(out.path, tmp);
  if (fd < 0) {
    return std::strerror(errno);
  }
  std::string why = fill(fd, tmp);
  if (why.empty() && out.mode && ::fchmod(fd, *out.mode) != 0) {
    why = std::strerror(errno);
  }
  if (why.empty() && ::fsync(fd) != 0) {
    why = std::strerror(errno);
  }
  if (::close(fd) != 0 && why.empty()) {
    why = std::strerror(errno);
  }
  if (!why.empty()) {
    ::unlink(tmp.c_str());
  }
  return why;
}

} // namespace

std::string write_file_atomic_with(const std::string& path, const FileFiller& fill)
{
  std::string tmp;
  std::string target;
  if (std::string why = stage_file(path, fill, tmp, target); !why.empty()) {
    return why;
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    return why;
  }
  sync_folder(std::filesystem::path(target).parent_path().string());
  return {};
}

std::string FileSet::add(const std::string& path, const std::string& content)
{
  Staged s;
  std::string why =
    stage_file(path, [&](int fd, const std::string&) { return write_all(fd, content); }, s.tmp, s.target);
  if (why.empty()) {
    m_staged.push_back(std::move(s));
  }
  return why;
}

std::string FileSet::commit()
{
  std::vector<std::string> folders;
  std::vector<std::string> created; // targets that did not exist before
  for (size_t i = 0; i < m_staged.size(); ++i) {
    struct stat before{};
    const bool existed = ::lstat(m_staged[i].target.c_str(), &before) == 0;
    if (::rename(m_staged[i].tmp.c_str(), m_staged[i].target.c_str()) != 0) {
      std::string why = std::strerror(errno);
      // The files this commit created go again (a file it replaced cannot
      // come back); the rest are discarded with the set.
      for (const auto& path : created) {
        ::unlink(path.c_str());
      }
      m_staged.erase(m_staged.begin(), m_staged.begin() + static_cast<std::ptrdiff_t>(i));
      return why;
    }
    if (!existed) {
      created.push_back(m_staged[i].target);
    }
    folders.push_back(std::filesystem::path(m_staged[i].target).parent_path().string());
  }
  m_staged.clear();
  std::sort(folders.begin(), folders.end());
  folders.erase(std::unique(folders.begin(), folders.end()), folders.end());
  for (const auto& folder : folders) {
    sync_folder(folder);
  }
  return {};
}

void FileSet::discard()
{
  for (const auto& s : m_staged) {
    ::unlink(s.tmp.c_str());
  }
  m_staged.clear();
}

FileSet::~FileSet()
{
  discard();
}

std::string write_file_atomic(const std::string& path, const std::string& content)
{
  return write_file_atomic_with(path, [&](int fd, const std::string&) { return write_all(fd, content); });
}

void sync_folder(const std::string& folder)
{
  int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

std::string create_temporary_folder(const std::string& target, std::string& tmp_path)
{
  int rc = create_beside(target, tmp_path, [](const std::string& p) { return ::mkdir(p.c_str(), 0777); });
  return rc == 0 ? std::string() : std::string(std::strerror(errno));
}

bool is_temporary_name(const std::string& name)
{
  static constexpr size_t k_suffix = std::string_view(".tmp-XXXXXX").size();
  if (name.size() < 2 + k_suffix || name.front() != '.') {
    return false;
  }
  std::string_view tail(name.data() + name.size() - k_suffix, k_suffix);
  if (tail.substr(0, 5) != ".tmp-" && tail.substr(0, 5) != ".old-") {
    return false;
  }
  return std::all_of(tail.begin() + 5, tail.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

bool same_file(const std::string& a, const std::string& b)
{
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec) && !ec;
}

Message error_code_reason(const std::error_code& ec)
{
  if (ec == std::errc::no_such_file_or_directory) {
    return {"file_reason_not_found", {}};
  }
  if (ec == std::errc::permission_denied) {
    return {"file_reason_no_permission", {}};
  }
  return {"file_reason_system", {{"text", ec.message()}}};
}

Message file_error_reason(const FileError& err)
{
  switch (err.errnum) {
  case ENOENT:
    return {"file_reason_not_found", {}};
  case EACCES:
    return {"file_reason_no_permission", {}};
  case EISDIR:
    return {"file_reason_directory", {}};
  case 0:
    return {"file_reason_not_regular", {}};
  default:
    return {"file_reason_system", {{"text", err.reason}}};
  }
}

} // namespace ccn
