#include "helpers.hpp"

#include <doctest/doctest.h>

using namespace ccn;
using namespace ccn::test;

namespace {

// Criteria with one number field `x`, a bool `b`, an enum `e` and the
// criteria list `criteria` in one group.
std::string with_criteria(const std::string& criteria, const std::string& more = "")
{
  return "format: ccnscore/criteria@1\nid: t\ntitle: T\nfields:\n  x: { type: number }\n  b: { type: bool }\n"
         "  e: { type: enum, values: [p, q] }\n  d: { type: date }\n"
         + more + "groups:\n  - id: g\n    name: G\n    criteria:\n" + criteria;
}

} // namespace

TEST_SUITE("load/criteria")
{
  TEST_CASE("the bundled criteria and the small test criteria load")
  {
    Diagnostics d;
    auto c = criteria_from(small_criteria(), d);
    REQUIRE_MESSAGE(c, all_messages(d));
    CHECK(c->scale() == 30);
    CHECK(c->has_judged());
    Diagnostics d2;
    auto bundled = load_criteria_file(std::string(CCNSCORE_SOURCE_DIR) + "/criteria/nd66-khung-quoc-gia.yaml", d2);
    REQUIRE_MESSAGE(bundled, all_messages(d2));
    CHECK(bundled->scale() == 100);
    CHECK(bundled->pass_total == 50);
    CHECK(bundled->tie_break.size() == 4);
  }

  TEST_CASE("the format key must be exactly criteria@1")
  {
    Diagnostics d;
    CHECK_FALSE(criteria_from("format: ccnscore/round@1\nid: x\n", d));
    CHECK(has_message(d, "c.yaml:1:9: error: expected format 'ccnscore/criteria@1', found \"ccnscore/round@1\""));
    Diagnostics d2;
    CHECK_FALSE(criteria_from("id: x\n", d2));
    CHECK(has_message(d2, "missing 'format:' key"));
  }

  TEST_CASE("bands: adjacent bands are fine, overlapping ones are named")
  {
    Diagnostics ok;
    CHECK(criteria_from(with_criteria("      - { id: C1, name: C, max: 5, of: x, bands: [{ from: 30, points: 5 }, "
                                      "{ from: 20, below: 30, points: 3 }, { below: 20, points: 1 }] }\n"),
                        ok));
    CHECK_MESSAGE(!ok.has_errors(), all_messages(ok));
    SUBCASE("closed ends meet")
    {
      Diagnostics d;
      CHECK_FALSE(criteria_from(
        with_criteria("      - { id: C1, name: C, max: 5, of: x, bands: [{ from: 30, points: 5 }, { from: 20, to: 30, "
                      "points: 3 }] }\n"),
        d));
      CHECK(has_message(d, "band 'from 20 to 30' overlaps band 'from 30'"));
    }
    SUBCASE("above and below at the same value do not meet")
    {
      Diagnostics d;
      CHECK(criteria_from(with_criteria("      - { id: C1, name: C, max: 5, of: x, bands: [{ above: 30, points: 5 }, "
                                        "{ below: 30, points: 3 }, { points: 0 }] }\n"),
                          d));
    }
    SUBCASE("a band of one value meets the open bands on either side of it, in any order")
    {
      for (const char* bands : {"[{ from: 5, to: 5, points: 5 }, { above: 5, points: 3 }, { below: 5, points: 1 }]",
                                "[{ above: 5, points: 3 }, { below: 5, points: 1 }, { from: 5, to: 5, points: 5 }]"}) {
        Diagnostics d;
        CHECK_MESSAGE(criteria_from(with_criteria(std::string("      - { id: C1, name: C, max: 5, of: x, bands: ")
                                                  + bands + " }\n"),
                                    d),
                      bands, " ", all_messages(d));
      }
      Diagnostics d;
      CHECK_FALSE(criteria_from(with_criteria("      - { id: C1, name: C, max: 5, of: x, bands: [{ above: 4, to: 5, "
                                              "points: 3 }, { from: 5, to: 5, points: 5 }] }\n"),
                                d));
      CHECK_MESSAGE(has_message(d, "band 'from 5 to 5' overlaps band 'above 4 to 5'"), all_messages(d));
    }
    SUBCASE("a band without points, or with a bound that is no number, is reported alone and left out")
    {
      Diagnostics d;
      CHECK_FALSE(criteria_from(
        with_criteria("      - { id: C1, name: C, max: 5, of: x, bands: [{ from: 1 }, { points: 0 }] }\n"
                      "      - { id: C2, name: C, max: 5, of: x, bands: [{ from: 2, points: 5 }, "
                      "{ from: abc, points: 3 }, { points: 0 }] }\n"),
        d));
      CHECK_MESSAGE(d.error_count() == 2, all_messages(d));
      CHECK_MESSAGE(has_message(d, "c.yaml:13:51: error: criterion 'C1' bands: missing required key 'points'"),
                    all_messages(d));
      CHECK_MESSAGE(has_message(d, "criterion 'C2' bands from: expected a number, found \"abc\""), all_messages(d));
    }
    SUBCASE("otherwise must be last, no two lower bounds, no empty bands")
    {
      Diagnostics d;
      CHECK_FALSE(criteria_from(
        with_criteria("      - { id: C1, name: C, max: 5, of: x, bands: [{ points: 0 }, { from: 1, points: 5 }] }\n"
                      "      - { id: C2, name: C, max: 5, of: x, bands: [{ from: 1, above: 2, points: 5 }] }\n"
                      "      - { id: C3, name: C, max: 5, of: x, bands: [{ from: 5, below: 5, points: 5 }] }\n"),
        d));
      CHECK(has_message(d, "must be the last"));
      CHECK(has_message(d, "at most one lower bound"));
      CHECK(has_message(d, "holds for no value"));
    }
  }

  TEST_CASE("points above max or below 0 are criteria errors, for every kind")
  {
    Diagnostics d;
    CHECK_FALSE(criteria_from(
      with_criteria("      - { id: C1, name: C, max: 5, of: x, bands: [{ from: 1, points: 6 }] }\n"
                    "      - { id: C2, name: C, max: 5, of: e, levels: { p: 5, q: -1 } }\n"
                    "      - { id: C3, name: C, max: 5, of: b, flag: 5.5 }\n"
                    "      - { id: C4, name: C, max: 0, judged: {} }\n"
                    "      - { id: C5, name: C, max: 5, weight: 0, judged: {} }\n"),
      d));
    CHECK(has_message(d, "band points 6 is outside 0 to max 5"));
    CHECK(has_message(d, "level points -1 is outside 0 to max 5"));
    CHECK(has_message(d, "flag points 5.5 is outside 0 to max 5"));
    CHECK(has_message(d, "max must be > 0"));
    CHECK(has_message(d, "weight must be > 0"));
  }

  TEST_CASE("levels must cover every enum value and nothing else")
  {
    Diagnostics d;
    CHECK_FALSE(criteria_from(with_criteria("      - { id: C1, name: C, max: 5, of: e, levels: { p: 5, z: 1 } }\n"), d));
    CHECK(has_message(d, "'z' is not a value of field 'e'"));
    CHECK(has_message(d, "missing points for 'q'"));
  }

  TEST_CASE("each kind needs an 'of' of the right type, judged needs none")
  {
    Diagnostics d;
    CHECK_FALSE(criteria_from(
      with_criteria("      - { id: C1, name: C, max: 5, of: b, per_unit: 1 }\n"
                    "      - { id: C2, name: C, max: 5, of: x, levels: { p: 1, q: 2 } }\n"
                    "      - { id: C3, name: C, max: 5, of: d, relative: lower }\n"
                    "      - { id: C4, name: C, max: 5, bands: [{ points: 1 }] }\n"
                    "      - { id: C5, name: C, max: 5, of: x, judged: {} }\n"
                    "      - { id: C6, name: C, max: 5, of: nothing, flag: 1 }\n"
                    "      - { id: C7, name: C, max: 5 }\n"
                    "      - { id: C8, name: C, max: 5, of: x, relative: best }\n"),
      d));
    CHECK(has_message(d, "criterion 'C1': per_unit needs a number for 'of', but 'b' is a truth"));
    CHECK(has_message(d, "criterion 'C2': levels needs an enum field for 'of', but 'x' is a number"));
    CHECK(has_message(d, "criterion 'C3': relative needs a number for 'of', but 'd' is a date or text field"));
    CHECK(has_message(d, "criterion 'C4': missing 'of'"));
    CHECK(has_message(d, "criterion 'C5': a judged criterion takes no 'of'"));
    CHECK(has_message(d, "criterion 'C6': unknown field or measure 'nothing'"));
    CHECK(has_message(d, "criterion 'C7': expected exactly one scoring kind"));
    CHECK(has_message(d, "relative: expected lower or higher"));
  }

  TEST_CASE("criterion ids are unique across groups")
  {
    Diagnostics d;
    std::string y = with_criteria("      - { id: C1, name: C, max: 5, judged: {} }\n") +
                    "  - id: h\n    name: H\n    criteria:\n      - { id: C1, name: C, max: 5, judged: {} }\n";
    CHECK_FALSE(criteria_from(y, d));
    CHECK(has_message(d, "criterion id 'C1' is used twice (first at line"));
  }

  TEST_CASE("measures: cycles are named, types checked, names must not clash")
  {
    Diagnostics d;
    CHECK_FALSE(criteria_from(with_criteria("      - { id: C1, name: C, max: 5, of: m1, per_unit: 1 }\n",
                                            "measures:\n  m1: \"m2 + 1\"\n  m2: \"m3 * 2\"\n  m3: \"m1 - x\"\n"
                                            "  x: \"1\"\n  m4: \"e\"\n"),
                              d));
    CHECK(has_message(d, "measures form a cycle: m1 -> m2 -> m3 -> m1"));
    CHECK(has_message(d, "measure 'x' has the name of a field"));
    CHECK(has_message(d, "measure 'm4': expected a number or a truth, found an enum value"));
  }

  TEST_CASE("a chain of 60000 measures is ordered without recursion, and a long cycle is named briefly")
  {
    const int n = 60000;
    auto chain = [n](const std::string& last) {
      std::string m = "measures:\n";
      for (int i = 1; i < n; ++i) {
        m += "  m" + std::to_string(i) + ": \"m" + std::to_string(i + 1) + "\"\n";
      }
      return m + "  m" + std::to_string(n) + ": \"" + last + "\"\n";
    };
    const std::string criterion = "      - { id: C1, name: C, max: 5, of: m1, per_unit: 1 }\n";
    Diagnostics d;
    auto c = criteria_from(with_criteria(criterion, chain("x + 1")), d);
    REQUIRE_MESSAGE(c, all_messages(d));
    CHECK(c->measures.size() == static_cast<size_t>(n));
    CHECK(c->measures.front().id == "m60000");
    Diagnostics cyclic;
    CHECK_FALSE(criteria_from(with_criteria(criterion, chain("m1")), cyclic));
    CHECK_MESSAGE(has_message(cyclic, "c.yaml:10:3: error: measures form a cycle: m1 -> m2 -> m3 -> m4 -> m5 -> "
                                      "... (59993 more) -> m59999 -> m60000 -> m1"),
                  all_messages(cyclic));
  }

  TEST_CASE("a cycle of up to 10 measures is named in full, a longer one by its first five and last two")
  {
    auto cycle = [](int n) {
      std::string m = "measures:\n";
      for (int i = 1; i <= n; ++i) {
        m += "  m" + std::to_string(i) + ": \"m" + std::to_string(i % n + 1) + "\"\n";
      }
      return m;
    };
    const std::string criterion = "      - { id: C1, name: C, max: 5, of: m1, per_unit: 1 }\n";
    Diagnostics ten;
    CHECK_FALSE(criteria_from(with_criteria(criterion, cycle(10)), ten));
    CHECK_MESSAGE(has_message(ten, "measures form a cycle: m1 -> m2 -> m3 -> m4 -> m5 -> m6 -> m7 -> m8 -> m9 -> m10 "
                                   "-> m1"),
                  all_messages(ten));
    Diagnostics eleven;
    CHECK_FALSE(criteria_from(with_criteria(criterion, cycle(11)), eleven));
    CHECK_MESSAGE(has_message(eleven, "measures form a cycle: m1 -> m2 -> m3 -> m4 -> m5 -> ... (4 more) -> m10 -> "
                                      "m11 -> m1"),
                  all_messages(eleven));
  }

  TEST_CASE("a field name of 64 characters is read, one of 65 is refused with the limit said")
  {
    // Section 1: field identifiers are identifiers (1 to 64 characters),
    // only stricter in their characters. The message gives the limit, or a
    // name of lower-case letters only would seem to fit what it asks.
    auto with_field = [](const std::string& name) {
      return "format: ccnscore/criteria@1\nid: t\ntitle: T\nfields:\n  " + name
             + ": { type: number }\ngroups:\n  - id: g\n    name: G\n    criteria:\n"
               "      - { id: C1, name: C1, max: 10, of: " + name + ", per_unit: 1 }\n";
    };
    Diagnostics ok;
    CHECK_MESSAGE(criteria_from(with_field(std::string(64, 'a')), ok), all_messages(ok));
    Diagnostics d;
    CHECK_FALSE(criteria_from(with_field(std::string(65, 'a')), d));
    CHECK_MESSAGE(has_message(d, "c.yaml:5:3: error: field name: expected a name of 1 to 64 lower-case letters"),
                  all_messages(d));
  }

  TEST_CASE("gates need a truth")
  {
    Diagnostics d;
    CHECK_FALSE(criteria_from(with_criteria("      - { id: C1, name: C, max: 5, judged: {} }\n",
                                            "gates:\n  - { id: G1, name: N, require: \"x * 2\" }\n"
                                            "  - { id: G1, name: N, require: \"b\" }\n"),
                              d));
    CHECK(has_message(d, "gate 'G1': 'require' needs a truth, found a number"));
  }

  TEST_CASE("tie-break rules must name what exists, once each")
  {
    Diagnostics d;
    CHECK_FALSE(criteria_from(small_criteria("  - group: fin\n  - group: fin\n  - group: none\n  - criterion: Z9\n"
                                             "  - field: land_violation\n    prefer: lower\n  - field: equity\n"
                                             "  - field: submitted_at\n    prefer: earlier\n  - members: chair\n"
                                             "  - { group: plan, criterion: P1 }\n"),
                              d));
    CHECK(has_message(d, "this rule is already in the list"));
    CHECK(has_message(d, "unknown group 'none'"));
    CHECK(has_message(d, "unknown criterion 'Z9'"));
    CHECK(has_message(d, "field 'land_violation' must be a number, integer or date"));
    CHECK(has_message(d, "field 'equity': missing 'prefer: lower' or 'prefer: higher'"));
    CHECK(has_message(d, "tie_break prefer: expected lower or higher, found \"earlier\""));
    CHECK(has_message(d, "expected exactly one of 'group', 'criterion', 'field', 'members' or 'proposal'"));
  }

  TEST_CASE("a tie-break field is a number, an integer or a date, never a truth, a choice or text")
  {
    const std::string criterion = "      - { id: C1, name: C, max: 5, judged: {} }\n";
    const std::string text_field = "  t: { type: text }\n  i: { type: integer }\n";
    for (const char* field : {"x", "i", "d", "submitted_at"}) {
      Diagnostics d;
      auto c = criteria_from(with_criteria(criterion, text_field) + "tie_break:\n  - field: " + field
                               + "\n    prefer: lower\n",
                             d);
      REQUIRE_MESSAGE(c, field, " ", all_messages(d));
      REQUIRE(c->tie_break.size() == 1);
      CHECK(c->tie_break[0].kind == TieRule::Kind::field);
    }
    for (const char* field : {"b", "e", "t"}) {
      Diagnostics d;
      CHECK_FALSE(criteria_from(with_criteria(criterion, text_field) + "tie_break:\n  - field: " + field
                                  + "\n    prefer: lower\n",
                                d));
      CHECK_MESSAGE(has_message(d, std::string("field '") + field + "' must be a number, integer or date"), field, " ",
                    all_messages(d));
    }
  }

  TEST_CASE("pass rules and group minimums")
  {
    Diagnostics d;
    auto c = criteria_from(small_criteria("", "pass: { total: 12.5, group_percent: 50 }\n"), d);
    REQUIRE_MESSAGE(c, all_messages(d));
    CHECK(c->pass_total == ratio(25, 2));
    CHECK(c->group_min(c->groups[0]) == 10);
    CHECK(c->group_min(c->groups[1]) == 5);
    Diagnostics d2;
    CHECK_FALSE(criteria_from(small_criteria("", "pass: { total: -1, group_percent: 101 }\n"), d2));
    CHECK(has_message(d2, "pass total: expected a number ≥ 0"));
    CHECK(has_message(d2, "pass group_percent: expected a number from 0 to 100"));
  }

  TEST_CASE("precision is taken from 0 to 6 and refused just outside")
  {
    for (const char* ok : {"0", "6"}) {
      Diagnostics d;
      auto c = criteria_from(small_criteria("", std::string("precision: ") + ok + "\n"), d);
      REQUIRE_MESSAGE(c, all_messages(d));
      CHECK(c->precision == std::stoi(ok));
    }
    for (const char* bad : {"-1", "7"}) {
      Diagnostics d;
      CHECK_FALSE(criteria_from(small_criteria("", std::string("precision: ") + bad + "\n"), d));
      CHECK_MESSAGE(has_message(d, std::string("precision: expected a whole number from 0 to 6, found ") + bad),
                    all_messages(d));
    }
  }

  TEST_CASE("pass rules take their bounds: a total of 0, a group_percent of 0 or 100")
  {
    for (const char* rules : {"pass: { total: 0, group_percent: 0 }\n", "pass: { total: 0, group_percent: 100 }\n"}) {
      Diagnostics d;
      auto c = criteria_from(small_criteria("", rules), d);
      REQUIRE_MESSAGE(c, all_messages(d));
      CHECK(c->pass_total == 0);
    }
    Diagnostics full;
    auto c = criteria_from(small_criteria("", "pass: { group_percent: 100 }\n"), full);
    REQUIRE_MESSAGE(c, all_messages(full));
    CHECK(c->group_min(c->groups[0]) == 20);
    Diagnostics d;
    CHECK_FALSE(criteria_from(small_criteria("", "pass: { total: -0.01, group_percent: -0.01 }\n"), d));
    CHECK(has_message(d, "pass total: expected a number ≥ 0, found -0.01"));
    CHECK(has_message(d, "pass group_percent: expected a number from 0 to 100, found -0.01"));
  }

  TEST_CASE("a step and points per unit must be above 0, a group's min may be 0")
  {
    Diagnostics ok;
    auto c = criteria_from(with_criteria("      - { id: C1, name: C, max: 5, judged: { step: 0.01 } }\n"
                                         "      - { id: C2, name: C, max: 5, of: x, per_unit: 0.01 }\n")
                             + "    min: 0\n",
                           ok);
    REQUIRE_MESSAGE(c, all_messages(ok));
    REQUIRE(c->groups[0].min);
    CHECK(*c->groups[0].min == 0);
    Diagnostics zero;
    CHECK_FALSE(criteria_from(with_criteria("      - { id: C1, name: C, max: 5, judged: { step: 0 } }\n"
                                            "      - { id: C2, name: C, max: 5, of: x, per_unit: 0 }\n")
                                + "    min: -0.5\n",
                              zero));
    CHECK_MESSAGE(has_message(zero, "step must be > 0, found 0"), all_messages(zero));
    CHECK_MESSAGE(has_message(zero, "per_unit must be > 0, found 0"), all_messages(zero));
    CHECK_MESSAGE(has_message(zero, "min must be ≥ 0, found -0.5"), all_messages(zero));
  }

  TEST_CASE("every error of a file is reported, not only the first")
  {
    Diagnostics d;
    CHECK_FALSE(criteria_from("format: ccnscore/criteria@1\nid: bad id\ntitle: T\nprecision: 9\nrounding: up\n"
                              "fields:\n  Bad: { type: number }\ngroups: []\n",
                              d));
    CHECK(d.error_count() == 5);
  }
}

TEST_SUITE("load/criteria labels")
{
  TEST_CASE("enum values given as a map of labels keep the file order")
  {
    Diagnostics d;
    auto c = criteria_from("format: ccnscore/criteria@1\nid: t\ntitle: T\nfields:\n"
                           "  ww: { type: enum, values: { rieng: Trạm xử lý riêng, dung_chung: Dùng chung trạm của KCN, "
                           "khong: Không có } }\n"
                           "groups:\n  - { id: g, name: G, criteria: [{ id: C1, name: C, max: 10, of: ww, "
                           "levels: { rieng: 10, dung_chung: 6, khong: 0 } }] }\n",
                           d);
    REQUIRE_MESSAGE(c, all_messages(d));
    const Field* f = c->field("ww");
    REQUIRE(f != nullptr);
    CHECK(f->values == std::vector<std::string>{"rieng", "dung_chung", "khong"});
    CHECK(f->value_text("dung_chung") == "Dùng chung trạm của KCN");
    CHECK(f->value_text("other") == "other");
  }

  TEST_CASE("a definition with an error is reported once, not again where it is used")
  {
    Diagnostics d;
    CHECK_FALSE(criteria_from(
      "format: ccnscore/criteria@1\nid: t\ntitle: T\nfields:\n"
      "  x: { type: nummber }\n"
      "  y: { type: number }\n"
      "  e: { type: enum, values: { p: Nhan, q: \"\" } }\n"
      "measures:\n  bad: \"y +\"\n  uses_x: \"x * 2\"\n"
      "gates:\n  - { id: G1, name: G, require: \"bad > 0\" }\n"
      "groups:\n  - id: g\n    name: G\n    criteria:\n"
      "      - { id: C1, name: C, max: 5, of: x, per_unit: 1 }\n"
      "      - { id: C2, name: C, max: 5, of: bad, per_unit: 1 }\n"
      "      - { id: C3, name: C, max: 0, of: y, per_unit: 1 }\n"
      "      - { id: C4, name: C, max: 5, of: e, levels: { p: 5, q: 1 } }\n"
      "tie_break:\n  - criterion: C3\n  - { field: x, prefer: lower }\n",
      d));
    CHECK_MESSAGE(has_message(d, "c.yaml:5:14: error: field 'x': expected a type"), all_messages(d));
    CHECK(has_message(d, "c.yaml:9:12: error: measure 'bad': expected a value, found the end of the expression"));
    CHECK(has_message(d, "c.yaml:19:33: error: criterion 'C3': max must be > 0, found 0"));
    CHECK(has_message(d, "c.yaml:7:42: error: field 'e' value 'q' label: expected text, found \"\""));
    // Where they are used, the message says that the definition is wrong,
    // not that the name is unknown; where nothing more is to say, nothing.
    CHECK(has_message(d, "c.yaml:10:12: error: measure 'uses_x': 'x' cannot be used in an expression: that field has an error"));
    CHECK(has_message(d, "c.yaml:12:34: error: gate 'G1': 'bad' cannot be used in an expression: that measure has an error"));
    CHECK_FALSE(has_message(d, "unknown"));
    CHECK_FALSE(has_message(d, "is not a value"));
    CHECK(d.error_count() == 6);
  }

  TEST_CASE("an id that starts with x- is valid, with a warning where it is defined: as a key it is ignored")
  {
    Diagnostics d;
    CHECK_FALSE(criteria_from("format: ccnscore/criteria@1\nid: t\ntitle: T\nfields:\n"
                              "  e: { type: enum, values: [x-rieng, chung] }\n"
                              "groups:\n  - id: g\n    name: G\n    criteria:\n"
                              "      - { id: x-c1, name: C, max: 10, judged: {} }\n"
                              "      - { id: C2, name: C, max: 10, of: e, levels: { chung: 1 } }\n",
                              d));
    CHECK_MESSAGE(has_message(d, "c.yaml:5:29: warning: field 'e' values: \"x-rieng\" starts with x-, which marks a key "
                                 "to ignore"),
                  all_messages(d));
    CHECK(has_message(d, "c.yaml:10:15: warning: criterion id: \"x-c1\" starts with x-"));
    // What the warning foretells: levels: cannot name the value.
    CHECK(has_message(d, "c.yaml:11:52: error: criterion 'C2' levels: missing points for 'x-rieng'"));
    CHECK(d.error_count() == 1);
    // Without such a key, the criteria are valid (section 1 allows the id).
    Diagnostics ok;
    CHECK(criteria_from("format: ccnscore/criteria@1\nid: x-t\ntitle: T\nfields: {}\n"
                        "groups:\n  - id: g\n    name: G\n    criteria:\n"
                        "      - { id: x-c1, name: C, max: 10, judged: {} }\n",
                        ok));
    CHECK_MESSAGE(ok.error_count() == 0, all_messages(ok));
    CHECK(has_message(ok, "c.yaml:2:5: warning: id: \"x-t\" starts with x-"));
  }

  TEST_CASE("a labelled enum needs identifiers for values and non-empty labels")
  {
    Diagnostics d;
    CHECK_FALSE(criteria_from("format: ccnscore/criteria@1\nid: t\ntitle: T\nfields:\n"
                              "  a: { type: enum, values: { p: Nhan, q: \"\", r: ~ } }\n"
                              "  b: { type: enum, values: { \"x y\": Nhãn } }\n"
                              "  c: { type: enum, values: {} }\n"
                              "groups:\n  - { id: g, name: G, criteria: [{ id: C1, name: C, max: 10, judged: {} }] }\n",
                              d));
    CHECK_MESSAGE(has_message(d, "c.yaml:5:42: error: field 'a' value 'q' label: expected text, found \"\""),
                  all_messages(d));
    CHECK(has_message(d, "c.yaml:5:46: error: field 'a' value 'r' label: expected text, found nothing"));
    CHECK(has_message(d, "c.yaml:6:30: error: field 'b' value: expected an identifier"));
    CHECK(has_message(d, "c.yaml:7:28: error: field 'c': values: the map is empty"));
  }

  TEST_CASE("a measure may be a map with expr, label and unit")
  {
    Diagnostics d;
    auto c = criteria_from("format: ccnscore/criteria@1\nid: t\ntitle: T\nfields:\n  e: { type: number }\n"
                           "  i: { type: number }\nmeasures:\n"
                           "  ratio: { expr: \"e / i * 100\", label: Tỷ lệ vốn chủ sở hữu, unit: \"%\" }\n"
                           "  plain: \"e + i\"\n  named: { expr: \"ratio * 2\" }\n"
                           "groups:\n  - { id: g, name: G, criteria: [{ id: C1, name: C, max: 10, of: named, "
                           "per_unit: 1 }] }\n",
                           d);
    REQUIRE_MESSAGE(c, all_messages(d));
    const Measure* m = c->measure("ratio");
    REQUIRE(m != nullptr);
    CHECK(m->label == "Tỷ lệ vốn chủ sở hữu");
    CHECK(m->unit == "%");
    CHECK(m->display_name() == "Tỷ lệ vốn chủ sở hữu");
    CHECK(c->measure("plain")->display_name() == "plain");
    CHECK(c->measure("named")->label.empty());
  }

  TEST_CASE("a message about a criterion's keys names it by its id wherever the id stands")
  {
    Diagnostics d;
    CHECK_FALSE(criteria_from("format: ccnscore/criteria@1\nid: t\ntitle: T\n"
                              "groups:\n  - id: g\n    name: G\n    criteria:\n"
                              "      - { name: Plan, max: 10, id: C1, colour: red, judged: {} }\n"
                              "      - { name: Other, id: [C2], max: 5, colour: blue, judged: {} }\n",
                              d));
    CHECK_MESSAGE(has_message(d, "criterion 'C1': unknown key \"colour\""), all_messages(d));
    // An id that is not a single identifier does not name the criterion; nor does its name.
    CHECK(has_message(d, "criterion: unknown key \"colour\""));
    CHECK_FALSE(has_message(d, "criterion '':"));
    CHECK_FALSE(has_message(d, "criterion 'Plan'"));
    CHECK_FALSE(has_message(d, "criterion 'Other'"));
  }

  TEST_CASE("a measure map needs expr, allows no other key, and points errors into its expr")
  {
    Diagnostics d;
    CHECK_FALSE(criteria_from("format: ccnscore/criteria@1\nid: t\ntitle: T\nfields:\n  e: { type: number }\n"
                              "measures:\n"
                              "  a: { label: Không có biểu thức }\n"
                              "  b: { expr: \"e +\", unit: \"%\" }\n"
                              "  c: { expr: \"e\", note: x }\n"
                              "  d: { expr: \"e\", label: \"\" }\n"
                              "groups:\n  - { id: g, name: G, criteria: [{ id: C1, name: C, max: 10, judged: {} }] }\n",
                              d));
    CHECK_MESSAGE(has_message(d, "c.yaml:7:6: error: measure 'a': missing required key 'expr'"), all_messages(d));
    CHECK(has_message(d, "c.yaml:8:18: error: measure 'b':"));
    CHECK(has_message(d, "c.yaml:9:19: error: measure 'c': unknown key \"note\""));
    CHECK(has_message(d, "c.yaml:10:26: error: measure 'd' label: expected text, found \"\""));
  }

  TEST_CASE("the bundled criteria of the law in force load, with their labels")
  {
    for (const char* name : {"nd32-khung-quoc-gia", "lao-cai-2026"}) {
      Diagnostics d;
      auto c = load_criteria_file(std::string(CCNSCORE_SOURCE_DIR "/criteria/") + name + ".yaml", d);
      REQUIRE_MESSAGE(c, all_messages(d));
      CHECK(c->scale() == 100);
      CHECK(c->pass_total == 50);
      CHECK(c->ends_with_chair_proposal());
      CHECK(c->tie_break.size() == 1);
      CHECK(c->effective.has_value() == (std::string(name) == "nd32-khung-quoc-gia"));
      std::map<std::string, Rational> groups;
      for (const auto& g : c->groups) {
        groups[g.id] = c->group_max(g);
      }
      CHECK(groups == std::map<std::string, Rational>{
                        {"ha_tang", 15}, {"moi_truong", 15}, {"nang_luc", 30}, {"tai_chinh", 40}});
      CHECK(c->field("equity")->type == FieldType::integer);
      CHECK(c->field("investment")->type == FieldType::integer);
      CHECK(c->measure("equity_ratio")->unit == "%");
    }
  }
}
