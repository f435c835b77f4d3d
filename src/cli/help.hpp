#pragma once
// `--help` in the language of the command line: every description, group
// name and word of the usage line from the message catalogue.

#include "util/message.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace ccn {

// The language asked for on the command line `args` before it is parsed:
// the last `--lang CODE` or `--lang=CODE` naming a catalogue, else
// `fallback` (the locale's, formats 8.6: no criteria file is read yet).
Lang language_asked(const std::vector<std::string>& args, const Lang& fallback);

// Whether `args` may ask for help (`-h`, alone or among short flags, or
// `--help`): only then are the help texts worth putting together, which
// would cost every start of the program a little.
bool asks_for_help(const std::vector<std::string>& args);

// Give `app` and each of its commands their help texts in `lang`: each
// description from the catalogue key `help_cmd_<command>`, and
// `help_opt_<command>_<option>` or else `help_opt_<option>` for an option
// (its long name, '-' as '_'). Throws std::logic_error naming the key when
// an option has neither, so that a new option cannot go undocumented.
void localize_help(CLI::App& app, const Lang& lang);

} // namespace ccn
