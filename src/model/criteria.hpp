#pragma once
// The criteria file: fields, measures, gates, groups of criteria with their
// scoring kinds, pass rules and tie-breaks (formats-v1 section 2).

#include "model/expr.hpp"
#include "model/timestamp.hpp"
#include "util/diag.hpp"
#include "util/rational.hpp"

#include "util/message.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ccn {

enum class FieldType { number, integer, boolean, enumeration, date, text };

struct Field
{
  std::string id;
  FieldType type = FieldType::number;
  std::string label;
  std::string unit;
  std::optional<Rational> min;
  std::optional<Rational> max;
  bool required = true;
  std::vector<std::string> values; // enum, in file order
  std::map<std::string, std::string> value_labels; // enum value -> label, when given (8.3)
  SourcePos pos;

  // What people read for enum value `value`: its label, else the value.
  const std::string& value_text(const std::string& value) const;
  // What people read for this field: its label, else its id.
  const std::string& display_name() const { return label.empty() ? id : label; }
};

struct Measure
{
  std::string id;
  Expression expr;
  std::string label; // optional (8.3)
  std::string unit;  // optional (8.3)
  SourcePos pos;

  // What people read for this measure: its label, else its id.
  const std::string& display_name() const { return label.empty() ? id : label; }
};

struct Gate
{
  std::string id;
  std::string name;
  Expression expr;
  SourcePos pos;
};

enum class ScoringKind { bands, levels, flag, per_unit, relative, judged };

// A band: the points for values within optional lower and upper bounds.
struct Band
{
  std::optional<Rational> lower;
  bool lower_inclusive = true; // from (>=) or above (>)
  std::optional<Rational> upper;
  bool upper_inclusive = true; // to (<=) or below (<)
  Rational points;
  SourcePos pos;
};

struct Criterion
{
  std::string id;
  std::string name;
  Rational max;
  Rational weight = 1;
  ScoringKind kind = ScoringKind::judged;
  std::string of;                    // field or measure
  std::vector<Band> bands;
  std::map<std::string, Rational> levels;
  Rational flag_points;
  Rational per_unit;
  bool lower_is_better = false;      // relative
  std::optional<Rational> step;      // judged
  size_t group = 0;                  // index into Criteria::groups
  SourcePos pos;
};

struct Group
{
  std::string id;
  std::string name;
  std::optional<Rational> min;
  std::vector<size_t> criteria; // indexes into Criteria::criteria
  SourcePos pos;
  Rational max_points; // set by `Criteria::finish`
  Rational min_points; // set by `Criteria::finish`
};

struct TieRule
{
  // `proposal` is `{ proposal: chair }` (8.4): it decides nothing on its
  // own; the round's `chair_proposal` settles a tie for first.
  enum class Kind { group, criterion, field, majority, chair, proposal };
  Kind kind = Kind::group;
  std::string ref;            // group, criterion or field id
  bool prefer_lower = false;  // field
  SourcePos pos;
};

struct Criteria
{
  std::string path;
  std::string sha256;
  std::string id;
  std::string title;
  std::string issuer;
  std::string basis;
  std::optional<Timestamp> effective;
  std::string language;
  int precision = 2;
  bool round_each_criterion = false; // rounding: criterion
  Rational pass_total = 0;
  Rational group_percent = 0;
  std::vector<Field> fields;
  std::vector<Measure> measures;   // in an order where each follows what it uses
  std::vector<Gate> gates;
  std::vector<Group> groups;
  std::vector<Criterion> criteria; // in file order, across groups
  std::vector<TieRule> tie_break;
  Rational scale_points; // set by `finish`
  // Fields that measures, gates or criteria use, with what first uses each
  // (the message "measure 'equity_ratio'"); set by `finish`.
  std::map<std::string, Message> used_fields;
  // The positions of `fields` and of `measures` sorted by id, set by
  // `finish`: a round looks fields up thousands of times. Until `finish`
  // (while a loader or a test still adds to them) they are searched in order.
  std::vector<std::uint32_t> field_order;
  std::vector<std::uint32_t> measure_order;

  const Field* field(const std::string& id) const;
  // The ids of the fields, in file order (for "did you mean").
  std::vector<std::string> field_ids() const;
  const Measure* measure(const std::string& id) const;
  const Criterion* criterion(const std::string& id) const;
  bool has_judged() const;
  // Whether the last tie-break rule is `{ proposal: chair }`.
  bool ends_with_chair_proposal() const
  {
    return !tie_break.empty() && tie_break.back().kind == TieRule::Kind::proposal;
  }
  // Index the fields and measures by id, so that field() and measure() are
  // binary searches rather than linear ones; a loader calls it once they
  // are loaded, and finish() does.
  void index_ids();
  // Compute what is derived from the file once it is loaded: each group's
  // maximum and minimum, and the scale.
  void finish();
  // A group's maximum: the sum of max × weight of its criteria.
  Rational group_max(const Group& g) const;
  // A group's minimum: its `min`, else `group_percent` % of its maximum.
  Rational group_min(const Group& g) const;
  // The scale: the sum of every group's maximum.
  Rational scale() const;
};

} // namespace ccn
