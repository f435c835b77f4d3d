#pragma once
// The outcome of scoring a round: what the renderers print, computed once.

#include "load/round_load.hpp"
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

struct CriterionResult
{
  std::string id;
  Rational points;   // before weight, exact
  Rational weighted; // points × weight, exact
  Rational shown;    // weighted, rounded to the precision
  std::string basis; // one line: fact -> rule -> points
  std::vector<MemberScore> members; // judged only
  // What the renderers need to explain the points in other words:
  std::string value;          // the value of `of`, as text (not judged)
  std::optional<size_t> band; // bands: the band that applied
  Rational best;              // relative: the best value among the competition
  bool capped = false;        // per_unit: the product was above max
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
  std::vector<std::string> reasons;
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

// One application of a tie-break rule to a set of applicants with equal
// standing: which rule, each applicant's value, and whether it separated them.
struct TieStep
{
  size_t rule_index = 0; // into Criteria::tie_break
  std::string rule; // "group: finance", "members: majority", ...
  std::vector<std::pair<std::string, std::string>> values; // applicant -> value, best first
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
