#pragma once
// The subcommands, each registered on the application by one function.

#include "cli/app.hpp"
#include "load/round_load.hpp"
#include "score/result.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <optional>

namespace ccn {

// What a registered subcommand runs once the arguments are parsed.
using Action = std::function<int(Console&)>;

// Register `check` on `app`; `action` is set to run it when chosen.
CLI::App* add_check_command(CLI::App& app, Action& action);
// Register `rank` on `app`.
CLI::App* add_rank_command(CLI::App& app, Action& action);
// Register `sheet` on `app`.
CLI::App* add_sheet_command(CLI::App& app, Action& action);
// Register `verify` on `app`.
CLI::App* add_verify_command(CLI::App& app, Action& action);
// Register `report` on `app`.
CLI::App* add_report_command(CLI::App& app, Action& action);
// Register `explain` on `app`.
CLI::App* add_explain_command(CLI::App& app, Action& action);
// Register `sensitivity` on `app`.
CLI::App* add_sensitivity_command(CLI::App& app, Action& action);
// Register `batch` on `app`.
CLI::App* add_batch_command(CLI::App& app, Action& action);
// Register `init` on `app`.
CLI::App* add_init_command(CLI::App& app, Action& action);

// Print every diagnostic in the console's language (that of the criteria
// read, see adopt_language_read) and return the exit status they call for.
int report(const class Diagnostics& diags, Console& console);

// From now on speak the language of `criteria` (its `language:`, English
// without one), unless --lang chose the language.
void adopt_criteria_language(Console& console, const Criteria& criteria);

// The language of the first criteria file that `diags` saw read, even when
// it or a file after it has errors (English when it has no `language:`);
// nothing when no criteria file was read.
std::optional<Lang> language_read(const Diagnostics& diags);

// From now on speak language_read(diags), unless --lang was given.
void adopt_language_read(Console& console, const Diagnostics& diags);

// A round loaded and scored. The result points into the bundle, so the
// pair is kept together on the heap and never moved apart.
struct ScoredRound
{
  RoundBundle bundle;
  RoundResult result;
};

// Load and score the round file at `path`. On failure, print why and set
// `status` to the exit status; returns nothing then.
std::unique_ptr<ScoredRound> load_and_score(const std::string& path, Console& console, int& status);

} // namespace ccn
