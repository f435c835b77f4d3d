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
      print_error(console, path, "output_is_input", {{"role", in.role}});
      return k_exit_usage;
    }
  }
  return k_exit_ok;
}

int write_output(const std::string& path, const std::string& text, const std::vector<InputFile>& inputs,
                 Console& console, bool overwrite)
{
  if (int rc = refuse_input(path, inputs, console); rc != k_exit_ok) {
    return rc;
  }
  std::error_code ec;
  if (!overwrite && std::filesystem::exists(path, ec)) {
    print_error(console, path, "output_exists");
    return k_exit_usage;
  }
  if (std::string why = write_file_atomic(path, text); !why.empty()) {
    print_error(console, path, "cannot_write", {{"reason", why}});
    return k_exit_io;
  }
  return k_exit_ok;
}

} // namespace ccn
