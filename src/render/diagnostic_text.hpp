#pragma once
// Diagnostics in words: the one place a diagnostic becomes a line of text.

#include "util/diag.hpp"
#include "util/message.hpp"

#include <ostream>
#include <string>

namespace ccn {

// `path:line:col: error: message` (or `path: error: message` without a
// line) in `lang`; the prefix up to the colon is the same in every language.
std::string format_diagnostic(const Diagnostic& d, const Lang& lang);

// Write every diagnostic of `diags` to `out` in `lang`, one per line, made
// `terminal_safe`: a message quotes input text, and input may be hostile.
void print_diagnostics(const Diagnostics& diags, std::ostream& out, const Lang& lang);

// `who: error: message` for an error that belongs to no input file, such as
// a usage error of a command (`who` is "ccnscore rank").
std::string format_program_error(const std::string& who, const Lang& lang, std::string_view key,
                                 const MsgArgs& args = {});

} // namespace ccn
