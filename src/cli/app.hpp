#pragma once
// The command line: parses arguments, runs one command, and turns every
// error into a message and an exit status. Nothing below it prints.

#include "util/message.hpp"

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace ccn {

// Exit statuses (documented in ccnscore(1)).
enum ExitStatus : int {
  k_exit_ok = 0,
  k_exit_invalid = 1, // invalid input, or a round that cannot be scored
  k_exit_usage = 2,   // wrong arguments
  k_exit_io = 3,      // a file could not be read or written
  k_exit_unavailable = 69, // a library the command needs cannot be loaded (EX_UNAVAILABLE)
  k_exit_internal = 70,    // a bug: an exception escaped a command (EX_SOFTWARE)
};

// Where a command writes, what it may know of its terminal, and in which
// language it speaks (formats 8.6).
struct Console
{
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  bool no_color = false;
  bool err_is_terminal = false;
  // The language of every word written: --lang, else the criteria's
  // `language:` once a criteria file is read, else the locale's.
  Lang lang = Lang{"en"};
  // Whether `lang` came from --lang, so that no criteria file changes it.
  bool lang_asked = false;
};

// The language the environment asks for: the first set of LC_ALL,
// LC_MESSAGES and LANG starting with "vi" means Vietnamese, else English.
Lang locale_lang(const char* lc_all, const char* lc_messages, const char* lang);

// The language for words about a round with `criteria`: --lang, else the
// criteria's `language:` (English without one).
Lang console_lang_for(const Console& console, const struct Criteria& criteria);

// Write `who: error: <message key with args>` on the console's error stream
// in its language; `who` is a path or "ccnscore COMMAND".
void print_error(Console& console, const std::string& who, std::string_view key, const MsgArgs& args = {});

// Run the command line `args` (without the program name), guarded by
// `run_guarded`: no exception leaves it.
int run_cli(const std::vector<std::string>& args, Console& console);

// Run `command` and return its status; an exception that escapes it is a
// bug, reported as one line `ccnscore: internal error: ...` on `console.err`
// with a request to report it, and exit status `k_exit_internal`; except a
// library the command needs that cannot be loaded (MissingLibrary), which
// is said as such, with exit status `k_exit_unavailable`.
int run_guarded(Console& console, const std::function<int()>& command);

// The process entry point: real streams, terminal detection, NO_COLOR.
int ccnscore_main(int argc, char** argv);

} // namespace ccn
