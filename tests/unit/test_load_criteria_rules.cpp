#include "helpers.hpp"

#include <doctest/doctest.h>

using namespace ccn;
using namespace ccn::test;

namespace {

// Criteria with one group of two criteria (max 10 × weight 1.5, and 5).
std::string two_criteria(const std::string& group_extra, const std::string& top_extra,
                         const std::string& tie_break = "")
{
  return "format: ccnscore/criteria@1\nid: t\ntitle: T\n" + top_extra
         + "fields:\n  n: { type: number }\ngroups:\n  - id: g\n    name: G\n" + group_extra
         + "    criteria:\n"
           "      - { id: C1, name: C1, max: 10, weight: 1.5, of: n, per_unit: 1 }\n"
           "      - { id: C2, name: C2, max: 5, judged: {} }\n"
         + (tie_break.empty() ? "" : "tie_break:\n" + tie_break);
}

} // namespace

TEST_SUITE("load/criteria_rules")
{
  TEST_CASE("a group minimum above the group's maximum is an error, both written as decimals")
  {
    Diagnostics d;
    CHECK_FALSE(criteria_from(two_criteria("    min: 20.5\n", ""), d));
    // The group's maximum is 10 × 1.5 + 5 = 20, written "20", not "20/1"; the minimum "20.5", not "41/2".
    CHECK_MESSAGE(has_message(d, "c.yaml:9:10: error: group 'g': min 20.5 is above the group's maximum 20"),
                  all_messages(d));
    Diagnostics at_max;
    CHECK_MESSAGE(criteria_from(two_criteria("    min: 20\n", ""), at_max), all_messages(at_max));
  }

  TEST_CASE("a group maximum that is no whole number is written as a decimal")
  {
    Diagnostics half;
    std::string yaml = two_criteria("    min: 21\n", "");
    yaml.replace(yaml.find("weight: 1.5"), 11, "weight: 1.55");
    CHECK_FALSE(criteria_from(yaml, half));
    // 10 × 1.55 + 5 = 20.5 (41/2 as a fraction).
    CHECK_MESSAGE(has_message(half, "min 21 is above the group's maximum 20.5"), all_messages(half));
  }

  TEST_CASE("pass.total above the scale is an error at pass.total, both written as decimals")
  {
    Diagnostics d;
    CHECK_FALSE(criteria_from(two_criteria("", "pass:\n  total: 20.25\n"), d));
    CHECK_MESSAGE(has_message(d, "c.yaml:5:10: error: pass total: 20.25 is above the scale 20 "), all_messages(d));
    Diagnostics at_scale;
    CHECK_MESSAGE(criteria_from(two_criteria("", "pass:\n  total: 20\n"), at_scale), all_messages(at_scale));
    Diagnostics bundled;
    CHECK_MESSAGE(load_criteria_file(CCNSCORE_SOURCE_DIR "/criteria/nd32-khung-quoc-gia.yaml", bundled),
                  all_messages(bundled));
  }

  TEST_CASE("a field tie-break that names a measure says that it is a measure")
  {
    // 2.5: a field rule compares a fact of the dossier; a measure is none,
    // and "unknown field" would send the writer looking for a typo.
    std::string yaml = two_criteria("", "", "  - { field: twice, prefer: higher }\n");
    yaml.replace(yaml.find("groups:"), 7, "measures:\n  twice: \"n * 2\"\ngroups:");
    Diagnostics d;
    CHECK_FALSE(criteria_from(yaml, d));
    CHECK_MESSAGE(has_message(d, "error: tie_break: 'twice' is a measure, not a field: a field rule compares a fact "
                                 "of the dossier (a number, integer or date) or submitted_at"),
                  all_messages(d));
  }

  TEST_CASE("proposal: chair is a tie-break rule allowed only as the last one")
  {
    Diagnostics d;
    auto c = criteria_from(two_criteria("", "", "  - group: g\n  - proposal: chair\n"), d);
    REQUIRE_MESSAGE(c, all_messages(d));
    REQUIRE(c->tie_break.size() == 2);
    CHECK(c->tie_break[1].kind == TieRule::Kind::proposal);
    CHECK(c->ends_with_chair_proposal());

    Diagnostics alone;
    auto only = criteria_from(two_criteria("", "", "  - proposal: chair\n"), alone);
    REQUIRE_MESSAGE(only, all_messages(alone));
    CHECK(only->ends_with_chair_proposal());

    Diagnostics first;
    CHECK_FALSE(criteria_from(two_criteria("", "", "  - proposal: chair\n  - group: g\n"), first));
    CHECK_MESSAGE(has_message(first, "c.yaml:13:5: error: tie_break: 'proposal: chair' must be the last rule"),
                  all_messages(first));

    Diagnostics other;
    CHECK_FALSE(criteria_from(two_criteria("", "", "  - proposal: majority\n"), other));
    CHECK(has_message(other, "c.yaml:13:15: error: tie_break proposal: expected chair, found \"majority\""));

    Diagnostics both;
    CHECK_FALSE(criteria_from(two_criteria("", "", "  - { proposal: chair, group: g }\n"), both));
    CHECK(has_message(both, "expected exactly one of 'group', 'criterion', 'field', 'members' or 'proposal'"));

    Diagnostics none;
    auto without = criteria_from(two_criteria("", "", "  - group: g\n"), none);
    REQUIRE(without);
    CHECK_FALSE(without->ends_with_chair_proposal());
  }
}
