#pragma once
// Diagnostics: every problem found in the inputs, with its place, collected
// so that a run can report all of them at once. A diagnostic is data (a
// message key and its arguments); render/diagnostic_text.hpp puts it into
// words in the chosen language.

#include "util/message.hpp"

#include <optional>
#include <set>
#include <string>
#include <utility>
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
  std::string key; // a key of the message catalogue (render/messages/*.yaml)
  MsgArgs args;
  Severity severity = Severity::error;
  // The name the input most likely meant ("did you mean ..."), if any.
  std::string suggestion;
  // For a file that could not be read: where an input named it (a line of
  // a round file), when it was named in one; line 0 when not.
  SourcePos named_at = {};
};

// Collects diagnostics in the order they are found, without repeats.
class Diagnostics
{
public:
  // Record an input error at `pos`: the catalogue message `key` with `args`.
  void error(const SourcePos& pos, std::string key, MsgArgs args);
  // The same, with the name that was most likely meant, when there is one.
  void error(const SourcePos& pos, std::string key, MsgArgs args, std::optional<std::string> suggestion);
  // Record that the file at `path` could not be read or written.
  void io_error(const std::string& path, std::string key, MsgArgs args);
  // Record a warning; warnings never change the exit status.
  void warning(const SourcePos& pos, std::string key, MsgArgs args);

  // Say that the file behind each "cannot read" recorded since the first
  // `from` items was named at `where` (a line of a round file), so that the
  // message leads to the line to correct.
  void name_place(size_t from, const SourcePos& where);

  bool has_errors() const { return m_errors > 0; }
  bool has_io_errors() const { return m_io_errors > 0; }
  size_t error_count() const { return m_errors; }
  const std::vector<Diagnostic>& items() const { return m_items; }

  // Append everything from `other` (and its language, when none is known).
  void merge(const Diagnostics& other);

  // The `language:` of the first criteria file read in this run ("" when it
  // has none, which means English); unset while no criteria file was read.
  // Messages are written in it unless --lang says otherwise (formats-v1 8.6).
  void note_language(const std::string& language)
  {
    if (!m_language) {
      m_language = language;
    }
  }
  const std::optional<std::string>& language() const { return m_language; }

private:
  void add(Diagnostic d);

  std::vector<Diagnostic> m_items;
  std::set<std::string> m_seen; // position, key and arguments of each item
  size_t m_errors = 0;
  size_t m_io_errors = 0;
  std::optional<std::string> m_language;
};

} // namespace ccn
