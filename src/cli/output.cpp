#include "cli/output.hpp"

#include "util/file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace ccn {

int refuse_input(const std::string& path, const std::vector<InputFile>& inputs, Console& console)
{
  for (const auto& in : inputs) {
    if (same_file(path, in.resolved)) {
      print_error(console, path, "output_is_input", {MsgArg("role", Message{"input_role_" + in.role, {}})});
      return k_exit_usage;
    }
  }
  return k_exit_ok;
}

int check_target(const std::string& path, Console& console)
{
  auto target = output_target(path);
  if (auto* err = std::get_if<FileError>(&target)) {
    MsgArg why = err->message ? MsgArg("why", *err->message) : MsgArg("why", err->reason);
    if (err->refused) {
      print_error(console, path, "output_refused", {why});
      return k_exit_usage;
    }
    if (err->errnum == ENOTDIR) {
      // `-o afile/x.json`: said in the run's language, not the system's.
      print_error(console, path, "cannot_write", {MsgArg("reason", Message{"output_reason_not_a_folder", {}})});
    } else {
      print_error(console, path, "cannot_write", {{"reason", err->reason}});
    }
    return k_exit_io;
  }
  // A file inside a folder that does not exist: said in the run's language
  // and naming the folder, rather than in the system's words.
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path folder = fs::path(path).parent_path();
  if (!folder.empty() && !fs::exists(fs::symlink_status(path, ec)) && !fs::is_directory(folder, ec)) {
    print_error(console, path, "cannot_write",
                {MsgArg("reason", Message{"output_reason_no_folder", {{"folder", folder.string()}}})});
    return k_exit_io;
  }
  return k_exit_ok;
}

int check_output(const std::string& path, const std::vector<InputFile>& inputs, Console& console, bool overwrite)
{
  if (int rc = refuse_input(path, inputs, console); rc != k_exit_ok) {
    return rc;
  }
  if (int rc = check_target(path, console); rc != k_exit_ok) {
    return rc;
  }
  std::error_code ec;
  if (!overwrite && std::filesystem::exists(path, ec)) {
    print_error(console, path, "output_exists");
    return k_exit_usage;
  }
  return k_exit_ok;
}

int write_output(const std::string& path, const std::string& text, const std::vector<InputFile>& inputs,
                 Console& console, bool overwrite)
{
  if (int rc = check_output(path, inputs, console, overwrite); rc != k_exit_ok) {
    return rc;
  }
  if (std::string why = write_file_atomic(path, text); !why.empty()) {
    print_error(console, path, "cannot_write", {{"reason", why}});
    return k_exit_io;
  }
  return k_exit_ok;
}

int refuse_non_folder(const std::string& path, Console& console)
{
  std::error_code ec;
  if (std::filesystem::file_status st = std::filesystem::status(path, ec);
      std::filesystem::exists(st) && !std::filesystem::is_directory(st)) {
    print_error(console, path, "batch_output_not_folder");
    return k_exit_usage;
  }
  return k_exit_ok;
}

Message folder_reason(const std::error_code& ec)
{
  if (ec == std::errc::not_a_directory || ec == std::errc::file_exists) {
    return {"output_reason_not_a_folder", {}};
  }
  if (ec == std::errc::permission_denied || ec == std::errc::read_only_file_system) {
    return {"output_reason_no_write_permission", {}};
  }
  return {"file_reason_system", {{"text", ec.message()}}};
}

void guard_standard_descriptors()
{
  for (int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
    if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
      int null = ::open("/dev/null", fd == STDERR_FILENO ? O_WRONLY : O_RDONLY);
      if (null >= 0 && null != fd) {
        ::dup2(null, fd);
        ::close(null);
      }
    }
  }
}

int finish_standard_output(int status)
{
  std::cout.flush();
  errno = 0;
  bool lost = std::fflush(stdout) != 0;
  int error = errno;
  lost = lost || std::ferror(stdout) != 0 || !std::cout.good();
  if (!lost) {
    return status;
  }
  std::cerr << "ccnscore: error: cannot write to standard output"
            << (error != 0 ? std::string(": ") + std::strerror(error) : std::string()) << "\n";
  return status == k_exit_ok ? k_exit_io : status;
}

} // namespace ccn
