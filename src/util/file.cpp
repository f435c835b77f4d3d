#include "util/file.hpp"

#include <openssl/evp.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ccn {

std::variant<std::string, FileError> read_file(const std::string& path)
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
  if (static_cast<size_t>(st.st_size) > k_max_file_bytes) {
    return FileError{fmt::format("file is {} bytes; the limit is {} bytes", st.st_size, k_max_file_bytes), true, 0,
                     static_cast<uint64_t>(st.st_size)};
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    return FileError{std::strerror(errno), false, errno};
  }
  std::string out;
  std::array<char, 65536> buf{};
  while (true) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
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
    out.append(buf.data(), static_cast<size_t>(n));
    if (out.size() > k_max_file_bytes) {
      ::close(fd);
      return FileError{fmt::format("file is larger than the limit of {} bytes", k_max_file_bytes), true};
    }
  }
  ::close(fd);
  return out;
}

std::string write_file_atomic(const std::string& path, const std::string& content)
{
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    return std::strerror(errno);
  }
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      std::string reason = std::strerror(errno);
      ::close(fd);
      ::unlink(tmpl.c_str());
      return reason;
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::fchmod(fd, 0644) != 0) {
    std::string reason = std::strerror(errno);
    ::close(fd);
    ::unlink(tmpl.c_str());
    return reason;
  }
  if (::close(fd) != 0) {
    std::string reason = std::strerror(errno);
    ::unlink(tmpl.c_str());
    return reason;
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    std::string reason = std::strerror(errno);
    ::unlink(tmpl.c_str());
    return reason;
  }
  return {};
}

std::string sha256_hex(const std::string& bytes)
{
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), md.data(), &len, EVP_sha256(), nullptr);
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out += fmt::format("{:02x}", md[i]);
  }
  return out;
}

bool same_file(const std::string& a, const std::string& b)
{
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec) && !ec;
}

} // namespace ccn
