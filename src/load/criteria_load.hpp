#pragma once
// Internal pieces of the criteria loader, shared by its two source files.

#include "load/reader.hpp"
#include "model/criteria.hpp"

#include <set>
#include <string>

namespace ccn::detail {

// What the file defines but whose definition has an error. A use of it
// elsewhere is no second error: the definition's own message says what to
// fix, and "unknown field" would send the reader looking for a typo.
struct Failed
{
  std::set<std::string> fields;
  std::set<std::string> measures;
  std::set<std::string> criteria; // ids
  bool has_name(const std::string& name) const { return fields.count(name) != 0 || measures.count(name) != 0; }
};

// Read `groups:` (with their criteria) into `c`; fields and measures must
// already be loaded so that `of:` can be checked.
// Criteria that fail to load go into `failed`; an `of:` naming a failed
// field or measure is no error of its own.
void load_groups(Reader& r, const YNode& node, Criteria& c, Failed& failed);

// Read `pass:` into `c`.
void load_pass(Reader& r, const YNode& node, Criteria& c);

// An error when `pass.total` is above the scale of the groups in `c`
// (formats-v1 8.1); `pass` is the `pass:` node, if any, and `groups` the
// `groups:` node (no check when a criterion of it failed to load).
void check_pass_reachable(Reader& r, const YNode* pass, const YNode& groups, const Criteria& c);

// Read `tie_break:` into `c`; groups and criteria must already be loaded.
// A rule naming something in `failed` is dropped without an error of its own.
void load_tie_break(Reader& r, const YNode& node, Criteria& c, const Failed& failed);

// The type an expression name has: a field's or a measure's.
std::optional<ValueType> name_type(const Criteria& c, const std::string& name);

} // namespace ccn::detail
