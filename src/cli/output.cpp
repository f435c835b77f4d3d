#include "cli/output.hpp"

#include "util/file.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <ostream>

namespace ccn {

int refuse_input(const std::string& path, const std::vector<InputFile>& inputs, Console& console)
{
  for (const auto& in : inputs) {
    if (same_file(path, in.resolved)) {
      console.err << fmt::format("{}: error: refusing to overwrite an input of the round ({})\n", path, in.role);
      return k_exit_usage;
    }
  }
  return k_exit_ok;
}

int check_target(const std::string& path, Console& console)
{
  auto target = output_target(path);
  if (auto* err = std::get_if<FileError>(&target)) {
    if (err->refused) {
      console.err << fmt::format("{}: error: refusing to write there: {}\n", path, err->reason);
      return k_exit_usage;
    }
    console.err << fmt::format("{}: error: cannot write: {}\n", path, err->reason);
    return k_exit_io;
  }
  return k_exit_ok;
}

int write_output(const std::string& path, const std::string& text, const std::vector<InputFile>& inputs,
                 Console& console, bool overwrite)
{
  if (int rc = refuse_input(path, inputs, console); rc != k_exit_ok) {
    return rc;
  }
  if (int rc = check_target(path, console); rc != k_exit_ok) {
    return rc;
  }
  std::error_code ec;
  if (!overwrite && std::filesystem::exists(path, ec)) {
    console.err << fmt::format("{}: error: the file exists; give --force to replace it\n", path);
    return k_exit_usage;
  }
  if (std::string why = write_file_atomic(path, text); !why.empty()) {
    console.err << fmt::format("{}: error: cannot write: {}\n", path, why);
    return k_exit_io;
  }
  return k_exit_ok;
}

} // namespace ccn
