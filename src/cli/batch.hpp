#pragma once
// `ccnscore batch`: what it runs for each round, so that tests can make a
// round fail in ways that no input can (an exception from a bug).

#include "cli/app.hpp"
#include "util/diag.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ccn {

// The options of `ccnscore batch`.
struct BatchOptions
{
  std::vector<std::string> dirs;
  std::string output;
  unsigned jobs = 0;
  bool force = false;
};

// A round file found under the folders, with what its id is.
struct BatchRound
{
  std::string path;
  std::string id;
  std::string duplicate_of; // another round file with the same id
  SourcePos id_pos;         // where the id is written
  Lang lang;                // --lang, else the locale's; the criteria's replaces it unless lang_asked
  bool lang_asked = false;
};

// The files of one round's folder, still to be written.
struct BatchFolder
{
  std::filesystem::path dir;
  std::vector<std::pair<std::string, std::string>> files; // name, bytes
  bool replace = false;                                   // a folder already there may be replaced
};

// What ranking one round gave: one line of summary.csv.
struct BatchOutcome
{
  std::string round;
  std::string cluster;
  std::string winner;
  std::string winner_total;
  std::string status;
  std::vector<std::string> errors;
  std::string path;
  // The language of its messages: --lang, else its criteria's, else the locale's.
  Lang lang;
  // What happened to its result: new, up_to_date, updated (inputs changed),
  // recomputed (--force, inputs unchanged); empty on error.
  std::string run;
  // What run_batch is to write for the round, when anything; writing it
  // may still fail and make the round an error.
  std::optional<BatchFolder> folder;
};

// Rank `round` for its folder under `out_dir` (the outcome's `folder`, which
// run_batch writes); its messages for standard error go to `diag_text`.
using RoundRanker = std::function<BatchOutcome(const BatchRound& round, const std::filesystem::path& out_dir,
                                               bool force, std::string& diag_text)>;

// The ranker batch uses: it writes nothing.
BatchOutcome rank_round_into(const BatchRound& round, const std::filesystem::path& out_dir, bool force,
                             std::string& diag_text);

// Run `ccnscore batch` with `opt`, ranking each round with `rank`.
int run_batch(const BatchOptions& opt, Console& console, const RoundRanker& rank = rank_round_into);

} // namespace ccn
