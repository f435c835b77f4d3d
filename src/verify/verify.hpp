#pragma once
// `verify` as a stage: read an archived result, check each recorded input's
// SHA-256, load and score the round again, and compare. Everything found is
// data (message keys and arguments); cli/ prints it and picks the exit status.

#include "model/criteria.hpp"
#include "util/diag.hpp"
#include "util/message.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ccn {

// What verifying one result file found.
struct Verification
{
  // Why the result file itself cannot be verified, each said at its path;
  // empty when it was read and has the shape of a result.
  std::vector<Message> result_errors;
  // With `result_errors`: the file could not be read (not merely too large).
  bool result_unreadable = false;
  // With `result_errors`: where the file stops being JSON, 1-based; 0 when
  // no one place is to blame.
  size_t result_line = 0;
  size_t result_column = 0;

  // How far the recomputation went: not tried when an input is missing.
  enum class Recompute { not_tried, failed, done };
  Recompute recompute = Recompute::not_tried;
  // Problems of loading and scoring the round again.
  Diagnostics diags;
  // The result was written by another version of ccnscore.
  std::optional<Message> version_note;
  // Each difference: a missing or changed input, a changed score, a
  // differing result.
  std::vector<Message> problems;
  // Sheets whose bytes changed but whose scores did not (comments only).
  std::vector<Message> notes;
  // The folder the recorded paths start from when the result records it
  // (`inputs_root`, as batch writes it) and no root was given: a hint that
  // none was found names it. Empty otherwise.
  std::string recorded_root;
  // Inputs whose SHA-256 matches the record, of `total` recorded.
  size_t matched = 0;
  size_t total = 0;
};

// The language of the round once its criteria are read (--lang, else the
// criteria's `language:`); the recomputed result is written in it.
using LanguageFor = std::function<Lang(const Criteria&)>;

// Verify the result file at `result_path`, its recorded paths resolved
// against `root` (default: as the result records them, see recorded_inputs).
Verification verify_result(const std::string& result_path, const std::string& root, const LanguageFor& language);

} // namespace ccn
