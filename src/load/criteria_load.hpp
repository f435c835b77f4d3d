#pragma once
// Internal pieces of the criteria loader, shared by its two source files.

#include "load/reader.hpp"
#include "model/criteria.hpp"

namespace ccn::detail {

// Read `groups:` (with their criteria) into `c`; fields and measures must
// already be loaded so that `of:` can be checked.
void load_groups(Reader& r, const YNode& node, Criteria& c);

// Read `pass:` into `c`.
void load_pass(Reader& r, const YNode& node, Criteria& c);

// An error when `pass.total` is above the scale of the groups in `c`
// (formats-v1 8.1); `pass` is the `pass:` node, if any, and `groups` the
// `groups:` node (no check when a criterion of it failed to load).
void check_pass_reachable(Reader& r, const YNode* pass, const YNode& groups, const Criteria& c);

// Read `tie_break:` into `c`; groups and criteria must already be loaded.
void load_tie_break(Reader& r, const YNode& node, Criteria& c);

// The type an expression name has: a field's or a measure's.
std::optional<ValueType> name_type(const Criteria& c, const std::string& name);

} // namespace ccn::detail
