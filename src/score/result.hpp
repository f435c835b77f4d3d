#pragma once
// The outcome of scoring a round: what the renderers print, computed once.

#include "model/round_bundle.hpp"
#include "score/value.hpp"
#include "util/rational.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ccn {

enum class Status { selected, tied_first, qualified, not_qualified, disqualified };

// The result-format name of `s` ("selected", "tied_first", ...).
const char* status_name(Status s);

// One member's part in a judged criterion.
struct MemberScore
{
  std::string member;
  std::optional<Rational> score; // none when recused or absent
  bool recused = false;
  bool present = true;
  std::string comment;
};

// How a criterion's points came about, as data: render/ puts it into words
// (the kind is the criterion's own).
struct CriterionResult
{
  std::string id;
  Rational points;   // before weight, exact
  Rational weighted; // points × weight, exact
  Rational shown;    // weighted, rounded to the precision
  std::vector<MemberScore> members; // judged only
  Value value;                // the value of `of` (not judged)
  std::optional<size_t> band; // bands: the band that applied, none when no band held
  Rational best;              // relative: the best value among the competition
  bool capped = false;        // per_unit: the product was above max
};

// A fact or measure and its value for one applicant; no value when it
// could not be computed.
struct NamedValue
{
  std::string name;
  std::optional<Value> value;
};

// Why an applicant is disqualified or not qualified (6.1, 6.5).
struct Reason
{
  enum class Kind { gate_failed, group_below, total_below };
  Kind kind = Kind::gate_failed;
  std::string ref;                // the gate's or the group's id
  Rational points;                // group_below, total_below: the rounded points
  Rational threshold;             // group_below, total_below: the exact minimum
  std::vector<NamedValue> values; // gate_failed: every fact and measure its expression uses
  // gate_failed, when the gate is one comparison (`a >= b`) or `not a`: the
  // operator and both sides' values, and the side's name when it is a name.
  std::optional<Expr::Op> op;
  std::optional<Value> left;
  std::optional<Value> right;
  std::string left_name;
  std::string right_name;
};

struct GroupResult
{
  std::string id;
  Rational points; // rounded as in 6.4
  Rational min;    // exact threshold
  bool passed = true;
};

struct GateResult
{
  std::string id;
  std::string name;
  bool passed = true;
};

struct ApplicantResult
{
  const Dossier* dossier = nullptr;
  Status status = Status::qualified;
  std::optional<int> rank;
  bool tied = false;
  std::optional<Rational> total; // rounded; none when disqualified
  Rational total_exact;
  std::vector<GroupResult> groups;
  std::vector<CriterionResult> criteria;
  std::vector<GateResult> gates;
  std::vector<Reason> reasons;
  std::map<std::string, Rational> own_totals; // member -> own total (6.7)

  const std::string& id() const { return dossier->id; }
};

// A deviation warning (6.3).
struct Deviation
{
  std::string member;
  std::string applicant;
  std::string criterion;
  Rational score;
  Rational mean;
  bool explained = false;
};

// One applicant's value under a tie-break rule: points, a fact's number,
// a moment in seconds (dates), or a count of members; none when missing.
struct TieValue
{
  std::string applicant;
  std::optional<Rational> key;
};

// One application of a tie-break rule to a set of applicants with equal
// standing: which rule, each applicant's value, and whether it separated them.
struct TieStep
{
  size_t rule_index = 0;        // into Criteria::tie_break
  std::vector<TieValue> values; // best first
  bool separated = false;
};

struct RoundResult
{
  const RoundBundle* bundle = nullptr;
  Rational scale;
  std::vector<ApplicantResult> applicants; // listing order (6.6)
  std::vector<Deviation> deviations;
  std::vector<TieStep> tie_steps;
  std::vector<std::string> present; // members who handed in a sheet, council order
  // The round's chair's proposal when it settled a tie for first (8.4).
  const ChairProposal* chair_proposal = nullptr;
  // The applicants tied for first that wait for the chair's proposal: the
  // criteria end with `proposal: chair` and the round records none.
  std::vector<std::string> awaiting_proposal;

  const ApplicantResult* find(const std::string& id) const;
};

} // namespace ccn
