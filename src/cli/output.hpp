#pragma once
// Writing a command's output file: atomically, and never over an input.

#include "cli/app.hpp"
#include "load/round_load.hpp"

#include <string>
#include <system_error>
#include <vector>

namespace ccn {

// Exit 2 with a message when `path` names one of `inputs`, else 0.
int refuse_input(const std::string& path, const std::vector<InputFile>& inputs, Console& console);

// Exit 2 with a message when `path` exists and is not a regular file or a
// symbolic link to one (a device, a FIFO, a folder...); exit 3 when it
// cannot be looked at; else 0.
int check_target(const std::string& path, Console& console);

// The checks of write_output without the writing: 0 when `path` may be
// written, else the exit status, with its message printed. Commands that
// write several files check them all first, so that none is written when
// one cannot be.
int check_output(const std::string& path, const std::vector<InputFile>& inputs, Console& console,
                 bool overwrite = true);

// Write `text` to `path` through a temporary file and a rename. Refuses a
// path that names one of `inputs` (exit 2) or, unless `overwrite`, an
// existing file (exit 2), and a target that check_target refuses; a failed
// write is exit 3. Returns the exit status.
int write_output(const std::string& path, const std::string& text, const std::vector<InputFile>& inputs,
                 Console& console, bool overwrite = true);

// Why a folder could not be created, in the catalogue's words for the
// common causes (a file in the path, no permission), else the system's.
Message folder_reason(const std::error_code& ec);

// An output folder (`batch -o`, `sheet --all -o`) that names something that
// exists and is not a folder: refused before anything is written, as a file
// named by -o that is not a regular file is (exit 2). k_exit_ok otherwise.
int refuse_non_folder(const std::string& path, Console& console);

// Open /dev/null on the standard descriptors that are closed, so that no
// file a command opens takes their place. Standard output gets it read-only,
// so that writing to a closed standard output still fails.
void guard_standard_descriptors();

// Flush standard output. When some of it could not be written (a full disk,
// a closed descriptor), say so on standard error and turn a success into
// exit 3; any other `status` is kept.
int finish_standard_output(int status);

} // namespace ccn
