#include "helpers.hpp"
#include "load/reader.hpp"
#include "render/messages.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <map>

using namespace ccn;
using namespace ccn::test;

namespace {

// The value node of key `key` in a one-level YAML map.
struct Fixture
{
  Diagnostics diags;
  std::optional<Document> d;
  Reader reader{"t.yaml", diags};

  explicit Fixture(const std::string& yaml) : d(parse_document("t.yaml", yaml, diags)) { REQUIRE(d); }
  const YNode& at(const std::string& key) const
  {
    for (const auto& [k, v] : d->root.entries) {
      if (k.text == key) {
        return v;
      }
    }
    FAIL("no key " << key);
    return d->root;
  }
};

} // namespace

TEST_SUITE("load/reader")
{
  TEST_CASE("text of spaces alone is no text, as an empty one is not")
  {
    Fixture f("a: Công ty A\nb: \"   \"\nc: \"\\t \"\nd: ''\ne: \" x \"\n");
    CHECK(f.reader.text(f.at("a"), "a") == "Công ty A");
    CHECK(f.reader.text(f.at("e"), "e") == " x ");
    for (const char* k : {"b", "c", "d"}) {
      CHECK_FALSE(f.reader.text(f.at(k), k).has_value());
    }
    CHECK(has_message(f.diags, "t.yaml:2:4: error: b: expected text, found \"   \""));
    CHECK(f.diags.error_count() == 3);
  }

  TEST_CASE("only true and false, in three cases, are truths")
  {
    Fixture f("a: true\nb: True\nc: FALSE\nd: yes\ne: on\nf: \"true\"\ng: tRUE\n");
    CHECK(f.reader.boolean(f.at("a"), "a") == true);
    CHECK(f.reader.boolean(f.at("b"), "b") == true);
    CHECK(f.reader.boolean(f.at("c"), "c") == false);
    for (const char* k : {"d", "e", "f", "g"}) {
      CHECK_FALSE(f.reader.boolean(f.at(k), k).has_value());
    }
    CHECK(has_message(f.diags, "t.yaml:4:4: error: d: expected true or false, found \"yes\""));
  }

  TEST_CASE("numbers: exact, with hints for the Vietnamese way of writing them")
  {
    Fixture f("a: 0.1\nb: \"85,5\"\nc: 1.000.000\nd: .nan\ne: \"60\"\nf: sáu mươi tỷ\ng: ~\n");
    CHECK(f.reader.number(f.at("a"), "a") == ratio(1, 10));
    CHECK_FALSE(f.reader.number(f.at("b"), "b"));
    CHECK_FALSE(f.reader.number(f.at("c"), "c"));
    CHECK_FALSE(f.reader.number(f.at("d"), "d"));
    CHECK_FALSE(f.reader.number(f.at("e"), "e"));
    CHECK_FALSE(f.reader.number(f.at("f"), "fact 'equity'"));
    CHECK_FALSE(f.reader.number(f.at("g"), "g"));
    CHECK(has_message(f.diags, "write it as 85.5"));
    CHECK(has_message(f.diags, "write it as 1000000"));
    CHECK(has_message(f.diags, "not-a-number and infinity are not accepted"));
    CHECK(has_message(f.diags, "write it without quotes: 60"));
    CHECK(has_message(f.diags, "t.yaml:6:4: error: fact 'equity': expected a number, found \"sáu mươi tỷ\""));
    CHECK(has_message(f.diags, "g: expected a number, found nothing"));
  }

  TEST_CASE("a number with spaces between its thousands, or an invisible one after it, gets the plain form")
  {
    // "450 000", "450\u00a0000" (a no-break space), "450000\u00a0" (one
    // left over from a word processor) and "1 000,5".
    Fixture f("a: 450 000\nb: 450\u00a0000\nc: \"450000\u00a0\"\nd: 1 000,5\ne: 4 5 x\n");
    for (const char* k : {"a", "b", "c", "d", "e"}) {
      CHECK_FALSE(f.reader.number(f.at(k), k).has_value());
    }
    CHECK_MESSAGE(has_message(f.diags, "t.yaml:1:4: error: a: expected a number, found \"450 000\"; write it as 450000"),
                  all_messages(f.diags));
    CHECK(has_message(f.diags, "t.yaml:2:4: error: b: expected a number, found \"450\u00a0000\"; write it as 450000"));
    CHECK(has_message(f.diags, "t.yaml:3:4: error: c: expected a number, found the quoted text \"450000\u00a0\"; write it as 450000 ("));
    CHECK(has_message(f.diags, "d: expected a number, found \"1 000,5\"; write it as 1000.5"));
    CHECK(has_message(f.diags, "t.yaml:5:4: error: e: expected a number, found \"4 5 x\"\n"));
  }

  TEST_CASE("spaces that do not separate groups of three digits get no plain form, never a wrong one")
  {
    // "1.000 000" is a million to its writer, "1.000000" is one: no hint is
    // better than that one. The same for "2 500.000", "12 5" and "1 0000".
    Fixture f("a: 1.000 000\nb: 2 500.000\nc: 12 5\nd: 1 0000\ne: 1 250 000\nf: \"1 000,5 0\"\n");
    for (const char* k : {"a", "b", "c", "d", "e", "f"}) {
      CHECK_FALSE(f.reader.number(f.at(k), k).has_value());
    }
    const std::string all = all_messages(f.diags);
    for (const char* found : {"a: expected a number, found \"1.000 000\"", "b: expected a number, found \"2 500.000\"",
                              "c: expected a number, found \"12 5\"", "d: expected a number, found \"1 0000\"",
                              "f: expected a number, found the quoted text \"1 000,5 0\""}) {
      CAPTURE(found);
      const size_t at = all.find(found);
      REQUIRE(at != std::string::npos);
      const std::string line = all.substr(at, all.find('\n', at) - at);
      CHECK(line.find("write it as") == std::string::npos);
    }
    CHECK(has_message(f.diags, "e: expected a number, found \"1 250 000\"; write it as 1250000"));
  }

  TEST_CASE("a number with both thousands dots and a decimal comma gets the plain form")
  {
    // The dots are thousands separators once a comma is the decimal point.
    Fixture f("a: \"1.234,5\"\n");
    CHECK_FALSE(f.reader.number(f.at("a"), "a"));
    CHECK(has_message(f.diags, "write it as 1234.5"));
  }

  TEST_CASE("a quoted number with one decimal point keeps its point in the hint")
  {
    Fixture f("a: \"12.5\"\nb: \"1.5.0\"\n");
    CHECK_FALSE(f.reader.number(f.at("a"), "a"));
    CHECK_FALSE(f.reader.number(f.at("b"), "b"));
    CHECK_MESSAGE(has_message(f.diags, "t.yaml:1:4: error: a: expected a number, found the quoted text \"12.5\"; write "
                                       "it without quotes: 12.5"),
                  all_messages(f.diags));
    // Two points that do not part groups of three digits are no thousands
    // separators: a version number, or a slip, with no plain form to offer.
    CHECK_MESSAGE(has_message(f.diags, "t.yaml:2:4: error: b: expected a number, found the quoted text \"1.5.0\"\n"),
                  all_messages(f.diags));
  }

  TEST_CASE("separators get a plain form only where they have one reading, never a wrong one")
  {
    // "1,234.5" is written the English way: 1234.5, not 1.2345. "1,250" is
    // 1250 to some and 1.25 to others: no hint. "1.5.2" has no groups of three.
    Fixture f("a: \"1,234.5\"\nb: 1,000,000\nc: \"1,250\"\nd: 1.5.2\ne: \"-2.500.000,75\"\nf: 12.34.567\n"
              "g: \"1.234,5.6\"\nh: \"85,5\"\ni: 1.000.000\n");
    for (const char* k : {"a", "b", "c", "d", "e", "f", "g", "h", "i"}) {
      CHECK_FALSE(f.reader.number(f.at(k), k).has_value());
    }
    CHECK_MESSAGE(has_message(f.diags, "a: expected a number, found the quoted text \"1,234.5\"; write it as 1234.5 ("),
                  all_messages(f.diags));
    CHECK(has_message(f.diags, "b: expected a number, found \"1,000,000\"; write it as 1000000 ("));
    CHECK(has_message(f.diags, "c: expected a number, found the quoted text \"1,250\"\n"));
    CHECK(has_message(f.diags, "d: expected a number, found \"1.5.2\"\n"));
    CHECK(has_message(f.diags, "e: expected a number, found the quoted text \"-2.500.000,75\"; write it as -2500000.75 ("));
    CHECK(has_message(f.diags, "f: expected a number, found \"12.34.567\"\n"));
    CHECK(has_message(f.diags, "g: expected a number, found the quoted text \"1.234,5.6\"\n"));
    CHECK(has_message(f.diags, "h: expected a number, found the quoted text \"85,5\"; write it as 85.5 ("));
    CHECK(has_message(f.diags, "i: expected a number, found \"1.000.000\"; write it as 1000000 ("));
  }

  TEST_CASE("whole numbers")
  {
    Fixture f("a: 3\nb: 2.5\nc: 2.0\nd: -7\n");
    CHECK(f.reader.integer(f.at("a"), "a") == Rational(3));
    CHECK(f.reader.integer(f.at("d"), "d") == Rational(-7));
    CHECK_FALSE(f.reader.integer(f.at("b"), "b"));
    CHECK(has_message(f.diags, "t.yaml:2:4: error: b: expected a whole number, found 2.5"));
  }

  TEST_CASE("a whole number written with a point or an exponent is refused")
  {
    // formats-v1 8.2: `96.000` and `2.5e3` are whole, but not written as whole numbers.
    Fixture f("c: 2.0\nd: 96.000\ne: 2.5e3\nf: 1e2\n");
    CHECK_FALSE(f.reader.integer(f.at("c"), "c"));
    CHECK_FALSE(f.reader.integer(f.at("d"), "d"));
    CHECK_FALSE(f.reader.integer(f.at("e"), "e"));
    CHECK_FALSE(f.reader.integer(f.at("f"), "f"));
    CHECK(has_message(f.diags, "t.yaml:1:4: error: c: expected a whole number written with digits only, found 2.0"));
    CHECK(has_message(f.diags, "t.yaml:3:4: error: e: expected a whole number written with digits only, found 2.5e3"));
    CHECK(f.reader.number(f.at("e"), "e") == Rational(2500));
  }

  TEST_CASE("the two readings of a number written with a dot between thousands")
  {
    using Readings = std::optional<std::pair<std::string, std::string>>;
    CHECK(thousands_readings("480.000") == Readings({"480000", "480"}));
    CHECK(thousands_readings("1.000") == Readings({"1000", "1"}));
    CHECK(thousands_readings("-25.000") == Readings({"-25000", "-25"}));
    CHECK(thousands_readings("+7.000") == Readings({"7000", "7"}));
    CHECK(thousands_readings("1234.000") == Readings({"1234000", "1234"}));
    CHECK(thousands_readings("0.000") == Readings({"0", "0"}));
    CHECK_FALSE(thousands_readings("480.00"));
    CHECK_FALSE(thousands_readings("480.0000"));
    CHECK_FALSE(thousands_readings("480.500"));
    CHECK_FALSE(thousands_readings("480"));
    CHECK_FALSE(thousands_readings(".000"));
    CHECK_FALSE(thousands_readings("1.000.000"));
    CHECK_FALSE(thousands_readings("1.000e3"));
  }

  TEST_CASE("yes and no in Vietnamese or English are no truths, and the message says which truth to write")
  {
    Fixture f("a: có\nb: Không\nc: yes\nd: on\ne: \"có\"\n");
    for (const char* k : {"a", "b", "c", "d", "e"}) {
      CHECK_FALSE(f.reader.boolean(f.at(k), k).has_value());
    }
    CHECK(has_message(f.diags, "t.yaml:1:4: error: a: expected true or false, found \"có\"; write it as true"));
    CHECK(has_message(f.diags, "t.yaml:2:4: error: b: expected true or false, found \"Không\"; write it as false"));
    CHECK(has_message(f.diags, "c: expected true or false, found \"yes\"; write it as true"));
    // "on" is no yes or no word; a quoted word is text on purpose: no truth
    // is suggested for either.
    size_t suggested = 0;
    for (const auto& d : f.diags.items()) {
      suggested += d.key == "load_expected_boolean_word" ? 1 : 0;
    }
    CHECK(suggested == 3);
    CHECK(format_diagnostic(f.diags.items()[0], Lang{"vi"})
          == "t.yaml:1:4: lỗi: a: cần true (có) hoặc false (không), nhưng gặp \"có\"; hãy viết true");
    // In capitals, and without accents, as the man page lists them.
    Fixture caps("a: ĐÚNG\nb: SAI\nc: khong\n");
    for (const char* k : {"a", "b", "c"}) {
      CHECK_FALSE(caps.reader.boolean(caps.at(k), k).has_value());
    }
    CHECK(has_message(caps.diags, "a: expected true or false, found \"ĐÚNG\"; write it as true"));
    CHECK(has_message(caps.diags, "b: expected true or false, found \"SAI\"; write it as false"));
    CHECK(has_message(caps.diags, "c: expected true or false, found \"khong\"; write it as false"));
  }

  TEST_CASE("a date written day first, as Vietnamese writes it, gets the form to write")
  {
    Fixture f("a: 12/10/2026\nb: 5.9.2026\nc: 12-10-2026\nd: 31/02/2026\ne: 10/5/23\nf: 12/10-2026\n");
    for (const char* k : {"a", "b", "c", "d", "e", "f"}) {
      CHECK_FALSE(f.reader.date(f.at(k), k).has_value());
    }
    CHECK(has_message(f.diags, "t.yaml:1:4: error: a: expected a date YYYY-MM-DD, found \"12/10/2026\"; write it as 2026-10-12"));
    CHECK(has_message(f.diags, "b: expected a date YYYY-MM-DD, found \"5.9.2026\"; write it as 2026-09-05"));
    CHECK(has_message(f.diags, "c: expected a date YYYY-MM-DD, found \"12-10-2026\"; write it as 2026-10-12"));
    // No such day, a year of two digits, mixed separators: no form is guessed.
    CHECK(f.diags.error_count() == 6);
    size_t guessed = 0;
    for (const auto& d : f.diags.items()) {
      guessed += d.key == "load_expected_date_day_first" ? 1 : 0;
    }
    CHECK(guessed == 3);
    CHECK(format_diagnostic(f.diags.items()[0], Lang{"vi"})
          == "t.yaml:1:4: lỗi: a: cần một ngày theo dạng YYYY-MM-DD (năm-tháng-ngày), nhưng gặp \"12/10/2026\"; "
             "hãy viết 2026-10-12");
  }

  TEST_CASE("dates and date-times")
  {
    Fixture f("a: 2024-02-29\nb: 2023-02-29\nc: 2023-05-10T09:30:00+07:00\nd: 2023-05-10T02:30:00Z\n"
              "e: 2023-05-10T09:30:00\nf: 10/05/2023\ng: 2023-13-01\nh: 2023-05-10T25:00:00+07:00\n");
    CHECK(f.reader.date(f.at("a"), "a"));
    CHECK_FALSE(f.reader.date(f.at("b"), "b"));
    auto c = f.reader.date_or_datetime(f.at("c"), "c");
    auto d = f.reader.date_or_datetime(f.at("d"), "d");
    REQUIRE(c);
    REQUIRE(d);
    CHECK(*c == *d);
    CHECK_FALSE(f.reader.date_or_datetime(f.at("e"), "e"));
    CHECK(has_message(f.diags, "needs an offset"));
    CHECK_FALSE(f.reader.date(f.at("f"), "f"));
    CHECK_FALSE(f.reader.date(f.at("g"), "g"));
    CHECK_FALSE(f.reader.date_or_datetime(f.at("h"), "h"));
    // Only a missing or malformed offset is said to be one.
    Fixture offsets("a: 2023-05-10T09:30:00+7:00\nb: 2023-05-10T09:30:00,5+07:00\n");
    CHECK_FALSE(offsets.reader.date_or_datetime(offsets.at("a"), "a"));
    CHECK(has_message(offsets.diags, "a: a date-time needs an offset such as +07:00"));
    CHECK_FALSE(offsets.reader.date_or_datetime(offsets.at("b"), "b"));
    CHECK_MESSAGE(has_message(offsets.diags, "b: expected a date-time such as 2023-05-10T09:30:00+07:00, found "
                                       "\"2023-05-10T09:30:00,5+07:00\""),
                  all_messages(offsets.diags));
    CHECK(offsets.diags.error_count() == 2);
    SUBCASE("a date counts as 00:00 at +07:00")
    {
      Fixture g("a: 2023-05-10\nb: 2023-05-09T17:00:00Z\n");
      CHECK(*g.reader.date_or_datetime(g.at("a"), "a") == *g.reader.date_or_datetime(g.at("b"), "b"));
    }
    SUBCASE("fractions of a second count")
    {
      Fixture g("a: 2023-05-10T09:30:00.5+07:00\nb: 2023-05-10T09:30:00+07:00\n"
                "c: 2023-05-10T09:30:00.45+07:00\nd: 2023-05-10T09:30:00.500+07:00\n");
      auto half = *g.reader.date_or_datetime(g.at("a"), "a");
      auto whole = *g.reader.date_or_datetime(g.at("b"), "b");
      auto less = *g.reader.date_or_datetime(g.at("c"), "c");
      auto zeros = *g.reader.date_or_datetime(g.at("d"), "d");
      CHECK(whole < half);
      CHECK(less < half);
      CHECK(whole < less);
      CHECK(half == zeros);
    }
  }

  TEST_CASE("times of day and offsets are taken up to their last value and refused past it")
  {
    Fixture f("a: 2023-05-10T23:59:59Z\nb: 2023-05-11T00:00:00Z\nc: 2023-05-10T23:59:59+14:00\n"
              "d: 2023-05-10T23:59:59-14:00\ne: 2023-05-10T23:59:59+05:59\n"
              "f: 2023-05-10T24:00:00Z\ng: 2023-05-10T23:60:00Z\nh: 2023-05-10T23:59:60Z\n"
              "i: 2023-05-10T23:59:59+15:00\nj: 2023-05-10T23:59:59+05:60\n");
    auto last = f.reader.date_or_datetime(f.at("a"), "a");
    auto next = f.reader.date_or_datetime(f.at("b"), "b");
    REQUIRE(last);
    REQUIRE(next);
    CHECK(next->seconds - last->seconds == 1);
    CHECK(f.reader.date_or_datetime(f.at("c"), "c")->seconds == last->seconds - 14 * 3600);
    CHECK(f.reader.date_or_datetime(f.at("d"), "d")->seconds == last->seconds + 14 * 3600);
    CHECK(f.reader.date_or_datetime(f.at("e"), "e")->seconds == last->seconds - 5 * 3600 - 59 * 60);
    for (const char* k : {"f", "g", "h", "i", "j"}) {
      CAPTURE(k);
      CHECK_FALSE(f.reader.date_or_datetime(f.at(k), k));
    }
    CHECK(f.diags.items().size() == 5);
  }

  TEST_CASE("every calendar day follows the one before by exactly one day, from year 0000 to 9999")
  {
    // Every YYYY-MM-DD with a month of 1 to 12 and a day of 1 to 31 in a few
    // runs of years, in order: the reader must accept exactly the days of
    // the calendar (366 in a leap year, 365 otherwise) and put each 86400 s
    // after the one before, across month, year, century and era ends. The
    // first day of each run is pinned to its count of days since 1970-01-01
    // (Python's proleptic `datetime.date`, `date -u +%s` agrees; year 0000
    // is reached through 0000-12-31 and 0001-01-01).
    struct Run
    {
      int first_year;
      int last_year;
      int64_t first_day; // days since 1970-01-01 of first_year-01-01
    };
    const Run runs[] = {{0, 1, -719162 - 366},     {1899, 1901, -25932},    {1969, 1970, -365},
                        {1999, 2001, 10592},        {2023, 2024, 19358},     {2099, 2101, 47117},
                        {2399, 2400, 156689},       {9998, 9999, 2932167}};
    auto leap = [](int y) { return y == 0 || y == 2000 || y == 2024 || y == 2400; }; // in the runs above
    for (const Run& run : runs) {
      CAPTURE(run.first_year);
      std::string yaml;
      for (int y = run.first_year; y <= run.last_year; ++y) {
        for (int m = 1; m <= 12; ++m) {
          for (int d = 1; d <= 31; ++d) {
            yaml += fmt::format("- {:04}-{:02}-{:02}\n", y, m, d);
          }
        }
      }
      Diagnostics diags;
      auto doc = parse_document("t.yaml", yaml, diags);
      REQUIRE(doc);
      Reader reader("t.yaml", diags);
      std::optional<int64_t> previous;
      std::map<int, int> days_in_year;
      for (const YNode& item : doc->root.items) {
        auto t = reader.date(item, "d");
        if (!t) {
          continue;
        }
        CAPTURE(item.text);
        ++days_in_year[std::stoi(item.text.substr(0, 4))];
        const int64_t expected = previous ? *previous + 86400 : run.first_day * 86400 - 7 * 3600;
        REQUIRE(t->seconds == expected);
        previous = t->seconds;
      }
      for (int y = run.first_year; y <= run.last_year; ++y) {
        CAPTURE(y);
        CHECK(days_in_year[y] == (leap(y) ? 366 : 365));
      }
    }
    // Date-times take the same days: the epoch, and a leap day at +07:00.
    Fixture f("a: 1970-01-01T00:00:00Z\nb: 2000-03-01T07:00:00+07:00\nc: 0001-01-01T00:00:00z\n");
    CHECK(f.reader.date_or_datetime(f.at("a"), "a")->seconds == 0);
    CHECK(f.reader.date_or_datetime(f.at("b"), "b")->seconds == int64_t{11017} * 86400);
    CHECK(f.reader.date_or_datetime(f.at("c"), "c")->seconds == int64_t{-719162} * 86400);
  }

  TEST_CASE("strict keys: unknown and repeated keys are errors, x- keys are ignored")
  {
    Fixture f("id: a\nx-note: anything\nidd: b\nid: c\n");
    MapView m(f.reader, f.d->root, "thing", {"id", "title"});
    CHECK(m.get("id")->text == "a");
    CHECK(m.get("x-note") == nullptr);
    CHECK(m.require("title") == nullptr);
    CHECK(has_message(f.diags, "t.yaml:3:1: error: thing: unknown key \"idd\""));
    CHECK(has_message(f.diags, "t.yaml:4:1: error: thing: key \"id\" is repeated (first at line 1)"));
    CHECK(has_message(f.diags, "thing: missing required key 'title'"));
  }
}

TEST_SUITE("load/reader")
{
  TEST_CASE("every key the loaders word for themselves has its message in every language")
  {
    const Messages& m = Messages::built_in();
    for (std::string_view key : worded_keys()) {
      Message subject = key_subject(key);
      INFO("key ", key, ": ", subject.key);
      CHECK(subject.key != "load_key");
      for (const auto& code : m.languages()) {
        CHECK(m.has(Lang{code}, subject.key));
      }
    }
    CHECK(key_subject("title").key == "load_key");
    CHECK(m.text(Lang{"vi"}, key_subject("field name")) == "tên trường");
    CHECK(m.text(Lang{"en"}, key_subject("field name")) == "field name");
    CHECK(m.text(Lang{"vi"}, key_subject("pass total")) == "pass total");
  }
}

TEST_SUITE("load/reader")
{
  TEST_CASE("a number in a loader message is an exact decimal in the language's digits")
  {
    const Messages& m = Messages::built_in();
    MsgArgs args{decimal_arg("step", parse_decimal("0.01").value), decimal_arg("points", parse_decimal("7.3").value),
                 {"applicant", "A1"}, {"criterion", "NL3"}};
    CHECK(m.text(Lang{"en"}, "sheet_score_step", args)
          == "score of 'A1' for 'NL3': expected a multiple of step 0.01, found 7.3");
    CHECK(m.text(Lang{"vi"}, "sheet_score_step", args)
          == "điểm của nhà đầu tư “A1” ở tiêu chí “NL3”: cần là bội số của bước điểm 0,01, nhưng gặp 7,3");
  }

  TEST_CASE("a loader error reads in Vietnamese with what was expected and what was found")
  {
    Diagnostics diags;
    auto d = doc("x: sáu mươi tỷ\n", diags);
    REQUIRE(d);
    Reader r("b.yaml", diags);
    CHECK_FALSE(r.number(d->root.entries[0].second, Message{"load_fact", {{"fact", "equity"}}}));
    REQUIRE(diags.items().size() == 1);
    CHECK(format_diagnostic(diags.items()[0], Lang{"vi"})
          == "b.yaml:1:4: lỗi: số liệu “equity”: cần một số, nhưng gặp \"sáu mươi tỷ\"");
    CHECK(format_diagnostic(diags.items()[0], Lang{"en"})
          == "b.yaml:1:4: error: fact 'equity': expected a number, found \"sáu mươi tỷ\"");
  }
}
