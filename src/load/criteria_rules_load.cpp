// Pass rules and tie-break rules of a criteria file (formats-v1 2.4, 2.5).

#include "load/criteria_load.hpp"
#include "util/text.hpp"


#include <algorithm>

namespace ccn::detail {

void load_pass(Reader& r, const YNode& node, Criteria& c)
{
  MapView m(r, node, "pass", {"total", "group_percent"});
  if (const YNode* n = m.get("total")) {
    if (auto v = r.number(*n, "pass total")) {
      if (*v < 0) {
        r.error(*n, "rules_pass_total", {{"number", n->text}});
      } else {
        c.pass_total = *v;
      }
    }
  }
  if (const YNode* n = m.get("group_percent")) {
    if (auto v = r.number(*n, "pass group_percent")) {
      if (*v < 0 || *v > 100) {
        r.error(*n, "rules_group_percent", {{"number", n->text}});
      } else {
        c.group_percent = *v;
      }
    }
  }
}

void check_pass_reachable(Reader& r, const YNode* pass, const YNode& groups, const Criteria& c)
{
  if (pass == nullptr || pass->kind != YNode::Kind::map || groups.kind != YNode::Kind::seq) {
    return;
  }
  // A criterion that failed to load would make the scale look smaller.
  size_t written = 0;
  for (const auto& g : groups.items) {
    for (const auto& [k, v] : g.entries) {
      written += k.text == "criteria" && v.kind == YNode::Kind::seq ? v.items.size() : 0;
    }
  }
  if (written != c.criteria.size()) {
    return;
  }
  const YNode* total = nullptr;
  for (const auto& [k, v] : pass->entries) {
    if (k.text == "total") {
      total = &v;
    }
  }
  Rational scale = 0;
  for (const auto& cr : c.criteria) {
    scale += cr.max * cr.weight;
  }
  if (total != nullptr && c.pass_total > scale) {
    r.error(*total, "rules_pass_total_above_scale", {decimal_arg("total", c.pass_total), decimal_arg("scale", scale)});
  }
}

void load_tie_break(Reader& r, const YNode& node, Criteria& c, const Failed& failed)
{
  if (!r.is_seq(node, "tie_break")) {
    return;
  }
  for (const auto& item : node.items) {
    MapView m(r, item, "tie_break rule", {"group", "criterion", "field", "prefer", "members", "proposal"});
    if (!m.ok()) {
      continue;
    }
    int kinds = (m.get("group") ? 1 : 0) + (m.get("criterion") ? 1 : 0) + (m.get("field") ? 1 : 0)
                + (m.get("members") ? 1 : 0) + (m.get("proposal") ? 1 : 0);
    if (kinds != 1) {
      r.error(item, "rules_tie_break_kind", {});
      continue;
    }
    TieRule rule;
    rule.pos = r.pos(item);
    const YNode* prefer = m.get("prefer");
    if (prefer != nullptr && m.get("field") == nullptr) {
      r.error(*prefer, "rules_prefer_not_field", {});
      continue;
    }
    if (const YNode* n = m.get("group")) {
      auto id = r.identifier(*n, "tie_break group");
      if (!id) {
        continue;
      }
      if (std::none_of(c.groups.begin(), c.groups.end(), [&](const Group& g) { return g.id == *id; })) {
        std::vector<std::string> names;
        for (const auto& g : c.groups) {
          names.push_back(g.id);
        }
        r.error(*n, "rules_unknown_group", {{"group", *id}}, nearest_name(*id, names));
        continue;
      }
      rule.kind = TieRule::Kind::group;
      rule.ref = *id;
    } else if (const YNode* n2 = m.get("criterion")) {
      auto id = r.identifier(*n2, "tie_break criterion");
      if (!id) {
        continue;
      }
      if (c.criterion(*id) == nullptr && failed.criteria.count(*id) != 0) {
        continue;
      }
      if (c.criterion(*id) == nullptr) {
        std::vector<std::string> names;
        for (const auto& cr : c.criteria) {
          names.push_back(cr.id);
        }
        r.error(*n2, "rules_unknown_criterion", {{"criterion", *id}}, nearest_name(*id, names));
        continue;
      }
      rule.kind = TieRule::Kind::criterion;
      rule.ref = *id;
    } else if (const YNode* n3 = m.get("field")) {
      auto id = r.text(*n3, "tie_break field");
      if (!id) {
        continue;
      }
      const Field* f = c.field(*id);
      if (f == nullptr && failed.fields.count(*id) != 0) {
        continue;
      }
      if (f == nullptr && *id != "submitted_at" && c.measure(*id) != nullptr) {
        r.error(*n3, "rules_field_is_measure", {{"field", *id}});
        continue;
      }
      if (*id != "submitted_at" && f == nullptr) {
        std::vector<std::string> names{"submitted_at"};
        for (const auto& fd : c.fields) {
          names.push_back(fd.id);
        }
        r.error(*n3, "rules_unknown_field", {{"field", *id}}, nearest_name(*id, names));
        continue;
      }
      if (f != nullptr && f->type != FieldType::number && f->type != FieldType::integer && f->type != FieldType::date) {
        r.error(*n3, "rules_field_not_comparable", {{"field", *id}});
        continue;
      }
      if (prefer == nullptr) {
        r.error(item, "rules_missing_prefer", {{"field", *id}});
        continue;
      }
      auto p = r.text(*prefer, "tie_break prefer");
      if (!p || (*p != "lower" && *p != "higher")) {
        if (p) {
          r.error(*prefer, "rules_prefer", {{"found", quote_found(*p)}});
        }
        continue;
      }
      rule.kind = TieRule::Kind::field;
      rule.ref = *id;
      rule.prefer_lower = *p == "lower";
    } else if (const YNode* n5 = m.get("proposal")) {
      auto v = r.text(*n5, "tie_break proposal");
      if (!v) {
        continue;
      }
      if (*v != "chair") {
        r.error(*n5, "rules_proposal_not_chair", {{"found", quote_found(*v)}});
        continue;
      }
      if (&item != &node.items.back()) {
        r.error(item, "rules_proposal_not_last", {});
        continue;
      }
      rule.kind = TieRule::Kind::proposal;
    } else {
      const YNode* n4 = m.get("members");
      auto v = r.text(*n4, "tie_break members");
      if (!v) {
        continue;
      }
      if (*v != "majority" && *v != "chair") {
        r.error(*n4, "rules_members", {{"found", quote_found(*v)}});
        continue;
      }
      rule.kind = *v == "majority" ? TieRule::Kind::majority : TieRule::Kind::chair;
    }
    auto same = [&](const TieRule& o) { return o.kind == rule.kind && o.ref == rule.ref; };
    if (std::any_of(c.tie_break.begin(), c.tie_break.end(), same)) {
      r.error(item, "rules_repeated", {});
      continue;
    }
    c.tie_break.push_back(rule);
  }
}

} // namespace ccn::detail
