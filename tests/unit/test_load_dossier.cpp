#include "helpers.hpp"

#include <doctest/doctest.h>

using namespace ccn;
using namespace ccn::test;

namespace {

// Criteria with a number field `rent` and an integer field `money`.
struct Money
{
  Diagnostics diags;
  std::optional<Criteria> criteria = criteria_from(
    "format: ccnscore/criteria@1\nid: t\ntitle: T\nfields:\n  rent: { type: number }\n"
    "  money: { type: integer, unit: đồng }\n"
    "groups:\n  - { id: g, name: G, criteria: [{ id: C1, name: C, max: 5, of: rent, per_unit: 1 }] }\n",
    diags);

  // Load a dossier whose facts are `rent: R` and `money: M`.
  std::optional<Dossier> load(const std::string& rent, const std::string& money, Diagnostics& d) const
  {
    REQUIRE_MESSAGE(criteria, all_messages(diags));
    auto doc = parse_document("d.yaml",
                              "format: ccnscore/dossier@1\napplicant: { id: A1, name: N }\nfacts:\n  rent: " + rent
                                + "\n  money: " + money + "\n",
                              d);
    REQUIRE(doc);
    return load_dossier(*doc, &*criteria, d);
  }
};

} // namespace

TEST_SUITE("load/dossier")
{
  TEST_CASE("480.000 in a number fact is an error that names both readings")
  {
    Money m;
    Diagnostics d;
    CHECK_FALSE(m.load("480.000", "1", d));
    CHECK_MESSAGE(has_message(d, "d.yaml:4:9: error: fact 'rent': 480.000 can be read as 480000 (a dot between "
                                 "thousands) or as 480 (a decimal point)"),
                  all_messages(d));
  }

  TEST_CASE("the same in an integer fact, and with a sign")
  {
    Money m;
    Diagnostics d;
    CHECK_FALSE(m.load("-25.000", "1.000", d));
    CHECK_MESSAGE(has_message(d, "d.yaml:4:9: error: fact 'rent': -25.000 can be read as -25000 (a dot between "
                                 "thousands) or as -25 (a decimal point)"),
                  all_messages(d));
    CHECK(has_message(d, "d.yaml:5:10: error: fact 'money': 1.000 can be read as 1000 (a dot between thousands) or "
                         "as 1 (a decimal point)"));
    // One message per fact: the integer rule does not add a second one.
    CHECK(d.error_count() == 2);
  }

  TEST_CASE("0.000 is refused too, with the one plain form it has")
  {
    Money m;
    Diagnostics d;
    CHECK_FALSE(m.load("0.000", "-0.000", d));
    CHECK_MESSAGE(has_message(d, "d.yaml:4:9: error: fact 'rent': 0.000 is 0 whichever way its dot is read, but a dot "
                                 "followed by three zeros is refused in a fact, so that 480.000 is never taken for 480; "
                                 "write 0"),
                  all_messages(d));
    CHECK(has_message(d, "d.yaml:5:10: error: fact 'money': -0.000 is 0 whichever way its dot is read"));
    CHECK(d.error_count() == 2);
  }

  TEST_CASE("other decimals in a number fact are read as written")
  {
    for (const char* text : {"480.00", "480.0000", "480.500", "0.5", "2.5e3", "480000"}) {
      Money m;
      Diagnostics d;
      auto dossier = m.load(text, "1", d);
      CHECK_MESSAGE(dossier, text << ": " << all_messages(d));
    }
  }

  TEST_CASE("an integer fact written with a point or an exponent is an error even when whole")
  {
    for (const char* text : {"96.5", "96.0", "96.00", "2.5e3", "1e6"}) {
      Money m;
      Diagnostics d;
      CHECK_FALSE(m.load("1", text, d));
      CHECK_MESSAGE(has_message(d, "d.yaml:5:10: error: fact 'money': expected a whole number"),
                    text << ": " << all_messages(d));
    }
    Money m;
    Diagnostics d;
    auto ok = m.load("1", "480000000000", d);
    REQUIRE_MESSAGE(ok, all_messages(d));
    CHECK(ok->facts.at("money").number == Rational(480000000000L));
  }

  TEST_CASE("a quoted 480.000 is text, not a number")
  {
    Money m;
    Diagnostics d;
    CHECK_FALSE(m.load("\"480.000\"", "1", d));
    CHECK(has_message(d, "fact 'rent': expected a number, found the quoted text \"480.000\""));
  }
}

TEST_SUITE("load/dossier without criteria")
{
  TEST_CASE("a dossier checked on its own refuses a list or a map as a fact, and allows an empty one")
  {
    Diagnostics d;
    auto doc = parse_document("d.yaml",
                              "format: ccnscore/dossier@1\napplicant: { id: A1, name: N }\nfacts:\n"
                              "  empty:\n  one: 5\n  list: [1, 2]\n  map: { a: 1 }\n",
                              d);
    REQUIRE(doc);
    CHECK_FALSE(load_dossier(*doc, nullptr, d));
    CHECK_MESSAGE(has_message(d, "d.yaml:6:9: error: fact 'list': expected a single value, found a list"),
                  all_messages(d));
    CHECK(has_message(d, "d.yaml:7:8: error: fact 'map': expected a single value, found a map"));
    CHECK_FALSE(has_message(d, "fact 'empty'"));
    CHECK_FALSE(has_message(d, "fact 'one'"));
  }
}

TEST_SUITE("load/dossier bounds")
{
  // The facts `n` (a number from 0 to 10) and `k` (an integer from 1 to 120)
  // of a dossier, or its error messages.
  std::string facts(const std::string& n, const std::string& k)
  {
    Diagnostics cd;
    auto c = criteria_from("format: ccnscore/criteria@1\nid: t\ntitle: T\nfields:\n"
                           "  n: { type: number, min: 0, max: 10 }\n  k: { type: integer, min: 1, max: 120 }\n"
                           "groups:\n  - { id: g, name: G, criteria: [{ id: C1, name: C, max: 5, of: n, per_unit: 1 }] "
                           "}\n",
                           cd);
    REQUIRE_MESSAGE(c, all_messages(cd));
    Diagnostics d;
    auto doc = parse_document("d.yaml",
                              "format: ccnscore/dossier@1\napplicant: { id: A1, name: N }\nfacts:\n  n: " + n
                                + "\n  k: " + k + "\n",
                              d);
    REQUIRE(doc);
    auto dossier = load_dossier(*doc, &*c, d);
    if (!dossier) {
      return all_messages(d);
    }
    return to_exact_string(dossier->facts.at("n").number) + " " + to_exact_string(dossier->facts.at("k").number);
  }

  TEST_CASE("a fact equal to its field's min or max is taken, one step past it is refused")
  {
    CHECK(facts("0", "1") == "0 1");
    CHECK(facts("10", "120") == "10 120");
    CHECK(facts("0.0", "1") == "0 1");
    CHECK(facts("-0.01", "1").find("fact 'n': -0.01 is below the minimum 0") != std::string::npos);
    CHECK(facts("10.01", "1").find("fact 'n': 10.01 is above the maximum 10") != std::string::npos);
    CHECK(facts("1", "0").find("fact 'k': 0 is below the minimum 1") != std::string::npos);
    CHECK(facts("1", "121").find("fact 'k': 121 is above the maximum 120") != std::string::npos);
  }
}

TEST_SUITE("load/dossier tax code")
{
  TEST_CASE("an optional tax code or submission time left empty says to give a value or delete the line")
  {
    Diagnostics d;
    auto doc = parse_document("d.yaml",
                              "format: ccnscore/dossier@1\napplicant:\n  id: A1\n  name: N\n  tax_code:\n"
                              "  submitted_at:\nfacts: {}\n",
                              d);
    REQUIRE(doc);
    CHECK_FALSE(load_dossier(*doc, nullptr, d));
    CHECK(has_message(d, "d.yaml:5:3: error: applicant tax_code: left empty; it is optional: give a value, or delete "
                         "the line"));
    CHECK(has_message(d, "d.yaml:6:3: error: applicant submitted_at: left empty; it is optional"));
    CHECK(d.error_count() == 2);
  }

  // Whether a dossier with `tax_code` loads; its error otherwise.
  std::string tax_code(const std::string& code)
  {
    Diagnostics d;
    auto doc = parse_document("d.yaml",
                              "format: ccnscore/dossier@1\napplicant: { id: A1, name: N, tax_code: \"" + code
                                + "\" }\nfacts: {}\n",
                              d);
    REQUIRE(doc);
    auto dossier = load_dossier(*doc, nullptr, d);
    return dossier ? "ok" : all_messages(d);
  }

  TEST_CASE("a tax code is 10 digits, or 10 digits, '-' and 3 digits, every digit from 0 to 9")
  {
    for (const char* ok : {"0123456789", "9876543210", "0101234567-001", "9999999999-999", "0000000000-000"}) {
      CHECK_MESSAGE(tax_code(ok) == "ok", ok);
    }
    const std::string error = "applicant tax_code: expected 10 digits, or 10 digits, '-' and 3 digits";
    for (const char* bad : {"012345678", "01234567890", "012345678/", "012345678:", "/123456789", ":123456789",
                            "01234a6789", "0101234567-00:", "0101234567-/01", "0101234567/001", "0101234567-0010",
                            "010123456:-001", "0101234567-01", "0101234567-"}) {
      CHECK_MESSAGE(tax_code(bad).find(error) != std::string::npos, bad, " ", tax_code(bad));
    }
  }
}
