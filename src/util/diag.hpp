#pragma once
// Diagnostics: every problem found in the inputs, with its place, collected
// so that a run can report all of them at once.

#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace ccn {

// A place in an input file; `line` and `col` are 1-based, 0 when unknown.
struct SourcePos
{
  std::string path;
  int line = 0;
  int col = 0;
};

// What kind of failure a diagnostic records; it decides the exit status.
enum class Severity { error, io_error, warning };

struct Diagnostic
{
  SourcePos pos;
  std::string message;
  Severity severity = Severity::error;
};

// Collects diagnostics in the order they are found, without repeats.
class Diagnostics
{
public:
  // Record an input error at `pos`.
  void error(const SourcePos& pos, std::string message);
  // Record that the file at `path` could not be read or written.
  void io_error(const std::string& path, std::string message);
  // Record a warning; warnings never change the exit status.
  void warning(const SourcePos& pos, std::string message);

  bool has_errors() const { return m_errors > 0; }
  bool has_io_errors() const { return m_io_errors > 0; }
  size_t error_count() const { return m_errors; }
  const std::vector<Diagnostic>& items() const { return m_items; }

  // Append everything from `other`.
  void merge(const Diagnostics& other);

private:
  void add(Diagnostic d);

  std::vector<Diagnostic> m_items;
  std::set<std::string> m_seen;
  size_t m_errors = 0;
  size_t m_io_errors = 0;
};

// `path:line:col: error: message` (or `path: error: message` without a line).
std::string format_diagnostic(const Diagnostic& d);

// Write every diagnostic of `diags` to `out`, one per line, made
// `terminal_safe`: a message quotes input text, and input may be hostile.
void print_diagnostics(const Diagnostics& diags, std::ostream& out);

} // namespace ccn
