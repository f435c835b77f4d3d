#include "cli/sheet_workbooks.hpp"

#include "cli/output.hpp"
#include "render/messages.hpp"
#include "render/sheet_xlsx.hpp"
#include "util/file.hpp"
#include "util/text.hpp"


#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <variant>

namespace ccn {

namespace {

namespace fs = std::filesystem;

bool names_workbook(const std::string& path)
{
  return path.size() > 5 && path.compare(path.size() - 5, 5, ".xlsx") == 0;
}

// The workbook's bytes in `bytes`, built in a temporary file that is
// removed again, so that the output itself is written like every other:
// atomically, checked. Empty on success, else why.
std::string build(const RoundBundle& b, const Member& m, const std::vector<bool>& passed, Lang lang,
                  std::string& bytes, std::vector<std::string>& notes)
{
  std::error_code ec;
  fs::path dir = fs::temp_directory_path(ec);
  if (ec) {
    dir = "/tmp";
  }
  std::string tmp = (dir / "ccnscore-sheet-XXXXXX").string();
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    return std::string("cannot create a temporary file: ") + std::strerror(errno);
  }
  ::close(fd);
  std::string why = write_sheet_workbook(b, m, passed, lang, tmp, notes);
  if (why.empty()) {
    auto read = read_file(tmp);
    if (auto* err = std::get_if<FileError>(&read)) {
      why = err->reason;
    } else {
      bytes = std::move(std::get<std::string>(read));
    }
  }
  fs::remove(tmp, ec);
  return why;
}

} // namespace

int write_sheet_workbooks(const RoundBundle& b, const std::vector<const Member*>& members,
                          const std::vector<bool>& passed, Lang lang, const std::string& output, bool force,
                          Console& console)
{
  const bool one_file = members.size() == 1 && names_workbook(output);
  if (!one_file) {
    if (int rc = refuse_non_folder(output, console); rc != k_exit_ok) {
      return rc;
    }
    std::error_code ec;
    fs::create_directories(output, ec);
    if (ec) {
      print_error(console, output, "cannot_create_folder", {MsgArg("reason", folder_reason(ec))});
      return k_exit_io;
    }
  }
  // Every member's file is checked before any is written (see sheet).
  int refused = k_exit_ok;
  for (const Member* m : members) {
    std::string path = one_file ? output : (fs::path(output) / (m->id + ".xlsx")).string();
    if (int rc = check_output(path, b.inputs, console, force); rc != k_exit_ok) {
      refused = std::max(refused, rc);
    }
  }
  if (refused != k_exit_ok) {
    return refused;
  }
  // All written or none, as sheet's YAML files.
  FileSet written;
  std::vector<std::pair<std::string, std::string>> warnings; // path, note
  for (const Member* m : members) {
    std::string path = one_file ? output : (fs::path(output) / (m->id + ".xlsx")).string();
    std::string bytes;
    std::vector<std::string> notes;
    std::string why = build(b, *m, passed, lang, bytes, notes);
    for (auto& note : notes) {
      warnings.emplace_back(path, std::move(note));
    }
    if (why.empty()) {
      why = written.add(path, bytes);
    }
    if (!why.empty()) {
      print_error(console, path, "cannot_write", {{"reason", why}});
      return k_exit_io;
    }
  }
  if (std::string why = written.commit(); !why.empty()) {
    print_error(console, output, "cannot_write", {{"reason", why}});
    return k_exit_io;
  }
  for (const Member* m : members) {
    std::string path = one_file ? output : (fs::path(output) / (m->id + ".xlsx")).string();
    console.out << terminal_safe(tr(console.lang, "xlsx_sheet_written", {{"path", path}, {"member", m->id}})) << '\n';
  }
  for (const auto& [path, note] : warnings) {
    console.err << terminal_safe(path + ": " + tr(console.lang, "severity_warning") + ": " + note) << "\n";
  }
  return k_exit_ok;
}

} // namespace ccn
