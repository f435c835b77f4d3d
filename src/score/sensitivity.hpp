#pragma once
// How robust is a round's result? Exact what-if analyses (weights, one
// judged score, one member's absence) and a stochastic acceptability
// analysis of the weights (SMAA-2, Lahdelma and Salminen).

#include "model/round_bundle.hpp"
#include "score/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ccn {

// For one criterion: the change of its weight, all else fixed, at which the
// first two would swap their exact totals.
struct WeightThreshold
{
  std::string criterion;
  Rational weight;
  std::optional<Rational> change; // none when no weight >= 0 can reverse them
  bool below = false;             // the order reverses below weight + change (else above it)
};

// One judged score moved by one step (or to 0 / to max without a step).
struct ScoreFlip
{
  std::string member;
  std::string applicant;
  std::string criterion;
  Rational from;
  Rational to;
  std::vector<std::string> winners; // rank-1 applicants after the change
};

// The round without one member's sheet.
struct LeaveOneOut
{
  std::string member;
  bool ranked = true;               // false: no ranking without this sheet (quorum, or no scorer left)
  std::vector<std::string> winners; // rank-1 applicants without it
  bool changes_winner = false;
};

struct SmaaOptions
{
  uint64_t samples = 100000;
  double spread_percent = 10;
  uint64_t seed = 1;
  bool judged_range = false; // also vary judged points within the members' range
  unsigned threads = 0;      // 0: all cores
};

struct SmaaResult
{
  std::vector<std::string> applicants;           // the ranked applicants, in listing order
  std::vector<std::vector<double>> acceptability; // [applicant][rank-1]
  std::vector<double> central_weights;            // of the winner, per criterion
  double confidence = 0;                          // of the winner
  uint64_t samples = 0;
};

struct Sensitivity
{
  std::vector<std::string> winners; // rank-1 applicants as ranked
  std::string first;                // first two in listing order (empty if fewer)
  std::string second;
  Rational margin;                  // rounded totals, first minus second
  Rational margin_exact;
  std::vector<WeightThreshold> weights;
  std::vector<ScoreFlip> flips;     // only the moves that change who is first
  size_t moves_tried = 0;
  std::vector<LeaveOneOut> leave_one_out;
  SmaaResult smaa;
};

// Analyse `bundle`, whose ranking is `base`. Pure: no I/O.
Sensitivity analyse_sensitivity(const RoundBundle& bundle, const RoundResult& base, const SmaaOptions& options);

// The stochastic part alone (used by the benchmark).
SmaaResult run_smaa(const RoundBundle& bundle, const RoundResult& base, const SmaaOptions& options);

} // namespace ccn
