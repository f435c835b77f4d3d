#pragma once
// What CLI11 found wrong with a command line, as a catalogue message.

#include "util/message.hpp"

#include <CLI/Error.hpp>
#include <CLI/Validators.hpp>

namespace ccn {

// CLI11 states its parse errors as English sentences only. The forms it uses
// (CLI11 2.1: Error.hpp, and the Range and IsMember validators, whose form
// ccnscore's own validators follow) are recognised and become messages of
// the catalogue with their parts as arguments; a form not recognised is
// passed on as CLI11 wrote it (`k_raw_message`).
Message usage_error_message(const CLI::Error& e);

// A path option given an empty value (`-o ""`, as a script's unset
// variable gives): a usage error, not "no option", so that nothing is
// silently written to standard output instead of the file meant.
extern const CLI::Validator k_path_value;

// A folder option (`verify --root`): not empty, and a folder that exists,
// so that a mistyped folder is a usage error rather than every input missing.
extern const CLI::Validator k_existing_folder;

} // namespace ccn
