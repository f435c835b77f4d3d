// The message catalogue: complete in every language, and formatting as
// each language writes.

#include "render/diagnostic_text.hpp"
#include "render/locale.hpp"
#include "render/messages.hpp"

#include <doctest/doctest.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <bit>
#include <set>

using namespace ccn;

namespace {

// `pattern` filled by ICU's MessageFormat in the language `code`: a count
// as a number, any other argument as its text.
std::string icu_text(const std::string& pattern, const std::string& code, const MsgArgs& args)
{
  UErrorCode status = U_ZERO_ERROR;
  icu::MessageFormat format(icu::UnicodeString::fromUTF8(pattern), icu::Locale(code.c_str()), status);
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (const auto& a : args) {
    names.push_back(icu::UnicodeString::fromUTF8(a.name));
    if (a.kind == MsgArg::Kind::count) {
      values.emplace_back(static_cast<int64_t>(a.count));
    } else {
      values.emplace_back(icu::UnicodeString::fromUTF8(a.text));
    }
  }
  icu::UnicodeString out;
  format.format(names.data(), values.data(), static_cast<int32_t>(args.size()), out, status);
  REQUIRE(U_SUCCESS(status));
  std::string text;
  out.toUTF8String(text);
  return text;
}

} // namespace

TEST_SUITE("render_messages")
{
  TEST_CASE("the catalogues read without yaml-cpp hold what yaml-cpp reads in them")
  {
    for (const auto& src : embedded_catalogues()) {
      CAPTURE(src.code);
      auto plain = read_plain_catalogue(src.yaml);
      REQUIRE(plain); // else every start of the program parses it with yaml-cpp
      std::map<std::string, std::string, std::less<>> expected;
      for (const auto& item : YAML::Load(std::string(src.yaml))) {
        expected[item.first.as<std::string>()] = item.second.as<std::string>();
      }
      CHECK(*plain == expected);
    }
  }

  TEST_CASE("the tables built into the program hold what the scanner reads in each catalogue")
  {
    for (const auto& src : embedded_catalogues()) {
      CAPTURE(src.code);
      auto plain = read_plain_catalogue(src.yaml);
      REQUIRE(plain);
      REQUIRE_FALSE(src.entries.empty()); // else every start of the program scans the file
      std::map<std::string, std::string, std::less<>> built;
      for (size_t i = 0; i < src.entries.size(); ++i) {
        // Sorted, each key once: the lookup is a binary search.
        CHECK((i == 0 || src.entries[i - 1].key < src.entries[i].key));
        built.emplace(src.entries[i].key, src.entries[i].pattern);
      }
      CHECK(built == *plain);
      // Its hash table: a power of two of slots, each entry in one of them.
      CHECK(std::has_single_bit(src.slots.size()));
      std::vector<size_t> slots_of(src.entries.size());
      for (const uint16_t slot : src.slots) {
        if (slot != 0) {
          ++slots_of.at(slot - 1U);
        }
      }
      CHECK(std::all_of(slots_of.begin(), slots_of.end(), [](size_t n) { return n == 1; }));
    }
  }

  TEST_CASE("a key is found in a built table as in the same catalogue scanned at run time")
  {
    for (const auto& src : embedded_catalogues()) {
      CAPTURE(src.code);
      const Messages scanned(std::vector<EmbeddedCatalogue>{{src.code, src.yaml}});
      const Messages& built = Messages::built_in();
      const Lang lang{std::string(src.code)};
      std::vector<std::string> keys{"", "a", "zzz", "raw_", "severity_errors"};
      for (const auto& [key, pattern] : scanned.patterns(lang.code)) {
        keys.push_back(key);
        keys.push_back(key.substr(0, key.size() - 1));
        keys.push_back(key + "_");
      }
      for (const auto& key : keys) {
        CAPTURE(key);
        CHECK(built.has(lang, key) == scanned.has(lang, key));
        MsgArgs args;
        if (scanned.has(lang, key)) {
          for (const auto& name : message_arguments(scanned.patterns(lang.code).at(key))) {
            args.emplace_back(name, "‹" + name + "›");
          }
        }
        CHECK(built.text(lang, key, args) == scanned.text(lang, key, args));
      }
      CHECK(built.patterns(lang.code) == scanned.patterns(lang.code));
    }
  }

  TEST_CASE("of a key written twice in a catalogue, the last is read")
  {
    const char* yaml = "twice: first\nother: x\ntwice: \"second\"\n";
    REQUIRE(read_plain_catalogue(yaml));
    CHECK(read_plain_catalogue(yaml)->at("twice") == "second");
    const Messages m(std::vector<EmbeddedCatalogue>{{"en", yaml}});
    CHECK(m.text(Lang{"en"}, "twice") == "second");
  }

  TEST_CASE("a pattern filled without ICU reads as ICU writes it")
  {
    // Every pattern of every language, its arguments given as texts
    // (Vietnamese letters, braces and a quote among them).
    size_t simple = 0;
    for (const auto& code : Messages::built_in().languages()) {
      for (const auto& [key, pattern] : Messages::built_in().patterns(code)) {
        CAPTURE(key);
        MsgArgs args;
        for (const auto& name : message_arguments(pattern)) {
          args.emplace_back(name, "‹" + name + " {x} 'q' Hòa›");
        }
        auto filled = fill_simple_pattern(pattern, args, [](const MsgArg& a) { return a.text; });
        if (!filled) {
          continue;
        }
        ++simple;
        CHECK(*filled == icu_text(pattern, code, args));
      }
    }
    CHECK(simple > 500); // most sentences are filled without ICU
  }

  TEST_CASE("a count filled without ICU reads as ICU writes it")
  {
    // Every pattern of every language, each argument a count, from zero to
    // past the thousands, negative too.
    size_t simple = 0;
    for (const auto& code : Messages::built_in().languages()) {
      for (std::int64_t n : {0LL, 1LL, 2LL, 7LL, 42LL, 999LL, 1000LL, 1234LL, 98765LL, 1234567LL, -1LL, -3LL, -4321LL}) {
        for (const auto& [key, pattern] : Messages::built_in().patterns(code)) {
          CAPTURE(key);
          CAPTURE(n);
          MsgArgs args;
          for (const auto& name : message_arguments(pattern)) {
            args.emplace_back(name, n);
          }
          auto filled = fill_simple_pattern(pattern, args, [](const MsgArg& a) { return a.text; }, &code);
          if (!filled) {
            continue;
          }
          simple += args.empty() ? 0 : 1;
          CHECK(*filled == icu_text(pattern, code, args));
        }
      }
    }
    CHECK(simple > 1000);
  }

  TEST_CASE("a plural filled without ICU selects as ICU selects, beside other arguments")
  {
    // Every pattern with a plural, its counts from 0 to 1001, its other
    // arguments texts.
    size_t plurals = 0;
    for (const auto& code : Messages::built_in().languages()) {
      for (const auto& [key, pattern] : Messages::built_in().patterns(code)) {
        if (pattern.find("plural") == std::string::npos) {
          continue;
        }
        CAPTURE(key);
        UErrorCode parse_status = U_ZERO_ERROR;
        icu::MessagePattern parsed(icu::UnicodeString::fromUTF8(pattern), nullptr, parse_status);
        REQUIRE(U_SUCCESS(parse_status));
        std::set<std::string> counted;
        for (int i = 0; i < parsed.countParts(); ++i) {
          const auto& part = parsed.getPart(i);
          if (part.getType() == UMSGPAT_PART_TYPE_ARG_START && part.getValue() == UMSGPAT_ARG_TYPE_PLURAL) {
            std::string name;
            parsed.getSubstring(parsed.getPart(i + 1)).toUTF8String(name);
            counted.insert(name);
          }
        }
        for (std::int64_t n = 0; n <= 1001; n += n < 30 ? 1 : 97) {
          CAPTURE(n);
          MsgArgs args;
          for (const auto& name : message_arguments(pattern)) {
            if (counted.count(name) != 0) {
              args.emplace_back(name, n);
            } else {
              args.emplace_back(name, "‹" + name + " Hòa›");
            }
          }
          auto filled = fill_simple_pattern(pattern, args, [](const MsgArg& a) { return a.text; }, &code);
          if (!filled) {
            continue;
          }
          ++plurals;
          CHECK(*filled == icu_text(pattern, code, args));
        }
      }
    }
    CHECK(plurals > 100); // the catalogues' plurals are in the plain form
  }

  TEST_CASE("patterns ICU reads differently are left to ICU")
  {
    const MsgArgs args{{"a", "x"}, {"n", 1234}, {"bad", "\xff"}};
    auto text = [](const MsgArg& a) { return a.text; };
    CHECK(fill_simple_pattern("plain {a} text", args, text) == "plain x text");
    CHECK_FALSE(fill_simple_pattern("it''s {a}", args, text));
    CHECK_FALSE(fill_simple_pattern("{n} files", args, text));
    const std::string en = "en", vi = "vi", other = "ar";
    CHECK(fill_simple_pattern("{n} files", args, text, &en) == "1,234 files");
    CHECK(fill_simple_pattern("{n} tệp", args, text, &vi) == "1.234 tệp");
    CHECK_FALSE(fill_simple_pattern("{n} files", args, text, &other)); // digits left to ICU
    // Plurals in their plain form, in a language whose rules are known.
    const std::string plural = "{n, plural, =0 {no file} one {# file} other {# files}}, {a}";
    CHECK(fill_simple_pattern(plural, args, text, &en) == "1,234 files, x");
    CHECK(fill_simple_pattern(plural, MsgArgs{{"n", 1}, {"a", "y"}}, text, &en) == "1 file, y");
    CHECK(fill_simple_pattern(plural, MsgArgs{{"n", 0}, {"a", "y"}}, text, &en) == "no file, y");
    CHECK(fill_simple_pattern(plural, MsgArgs{{"n", 1}, {"a", "y"}}, text, &vi) == "1 files, y");
    CHECK_FALSE(fill_simple_pattern(plural, args, text, &other));
    CHECK_FALSE(fill_simple_pattern("{n, plural, offset:1 one {#} other {#}}", args, text, &en));
    CHECK_FALSE(fill_simple_pattern("{n, plural, one {# file}}", args, text, &en)); // no other
    CHECK_FALSE(fill_simple_pattern("{n, select, one {a} other {b}}", args, text, &en));
    CHECK_FALSE(fill_simple_pattern("{n, plural, one\n{a} other {b}}", args, text, &en));
    CHECK_FALSE(fill_simple_pattern("{n, plural, one {a} other {b}", args, text, &en));
    CHECK_FALSE(fill_simple_pattern("{a, plural, one {a} other {b}}", args, text, &en)); // a text
    // What ICU reads otherwise: a number written with a leading zero, a
    // quote in a message not selected, an error in one, a count past 2^53.
    const MsgArgs one{{"n", 1}, {"a", "y"}};
    CHECK_FALSE(fill_simple_pattern("{n, plural, =01 {exact} one {one} other {#}}", one, text, &en));
    CHECK_FALSE(fill_simple_pattern("{n, plural, one {a'{'} other {b}} other {c}}", args, text, &en));
    CHECK_FALSE(fill_simple_pattern("{n, plural, one {{}} other {y}}", args, text, &en));
    CHECK_FALSE(fill_simple_pattern("{n, plural, one {{n, foo}} other {y}}", args, text, &en));
    CHECK_FALSE(fill_simple_pattern("{n, plural, =9007199254740992 {big} other {#}}",
                                    MsgArgs{{"n", (std::int64_t{1} << 53) + 1}}, text, &en));
    CHECK(fill_simple_pattern("{n, plural, =10 {ten} one {one {a}} other {# {a}}}", args, text, &en) == "1,234 x");
    CHECK_FALSE(fill_simple_pattern("{n, plural, one {# file} other {# files}}", args, text));
    CHECK_FALSE(fill_simple_pattern("{missing}", args, text));
    CHECK_FALSE(fill_simple_pattern("{bad}", args, text));
    CHECK_FALSE(fill_simple_pattern("a } b", args, text));
    CHECK(Messages::built_in().text(Lang{"en"}, "raw", {{"text", "\xff"}}) == "\xef\xbf\xbd");
  }

  TEST_CASE("a catalogue in another form of YAML is left to yaml-cpp")
  {
    const char* others[] = {
      "key: \"\\u00e9\"\n", "key: |\n  block\n", "key: 'single'\n", "key: ~\n", "key:\n", "key: a: b\n",
      "key: text # comment\n", "key: \"text\" # comment\n", "  key: indented\n", "key: \"open\n  line\"\n",
      "key: text", "---\nkey: text\n", "key: [a, b]\n", "key: \"open\\\"\n", "key: \"a\" b\"\n",
      "key: \"tab\there\"\n", "key: \"\n", "key: \"a\\tb\"\n",
    };
    for (const char* yaml : others) {
      CAPTURE(yaml);
      CHECK_FALSE(read_plain_catalogue(yaml));
    }
    // The escapes the plain form reads itself, between runs of text.
    auto plain = read_plain_catalogue("key: \"a \\\"b\\\" \\\\ c\\nd\"\nempty: \"\"\n");
    REQUIRE(plain);
    CHECK(plain->at("key") == "a \"b\" \\ c\nd");
    CHECK(plain->at("empty") == "");
    Messages m(std::vector<EmbeddedCatalogue>{{"en", "single: 'it''s'\nescaped: \"\\u00e9\"\n"}});
    CHECK(m.patterns("en").at("single") == "it's");
    CHECK(m.patterns("en").at("escaped") == "\u00e9");
  }

  TEST_CASE("every key is in every language with the same arguments")
  {
    const Messages& m = Messages::built_in();
    const auto langs = m.languages();
    REQUIRE(langs.size() >= 2);
    CHECK(std::find(langs.begin(), langs.end(), "en") != langs.end());
    CHECK(std::find(langs.begin(), langs.end(), "vi") != langs.end());
    std::set<std::string> keys;
    for (const auto& code : langs) {
      for (const auto& [key, pattern] : m.patterns(code)) {
        keys.insert(key);
      }
    }
    for (const auto& key : keys) {
      std::optional<std::set<std::string>> first;
      for (const auto& code : langs) {
        const auto& table = m.patterns(code);
        auto it = table.find(key);
        INFO("key ", key, " in ", code);
        REQUIRE(it != table.end());
        std::set<std::string> args;
        CHECK_NOTHROW(args = message_arguments(it->second));
        if (!first) {
          first = args;
        } else {
          CHECK(args == *first);
        }
      }
    }
  }

  TEST_CASE("no pattern leaves a placeholder unfilled")
  {
    // A quote right before a placeholder ('{id}') would make it literal text.
    const Messages& m = Messages::built_in();
    for (const auto& code : m.languages()) {
      for (const auto& [key, pattern] : m.patterns(code)) {
        MsgArgs args;
        for (const auto& name : message_arguments(pattern)) {
          args.emplace_back(name, 2);
        }
        std::string text = m.text(Lang{code}, key, args);
        if (pattern.find("'{'") != std::string::npos || pattern.find("'}'") != std::string::npos) {
          continue; // a brace written on purpose, quoted
        }
        INFO("key ", key, " in ", code, ": ", text);
        CHECK(text.find('{') == std::string::npos);
        CHECK(text.find('}') == std::string::npos);
      }
    }
  }

  TEST_CASE("the argument names of a pattern are found at every depth")
  {
    CHECK(message_arguments("{a} and {n, plural, one {# {b}} other {# {c}}}") == std::set<std::string>{"a", "n", "b", "c"});
    CHECK_THROWS(message_arguments("{a"));
    CHECK_THROWS(message_arguments("{0} numbered"));
  }

  TEST_CASE("a message is written with its arguments in the chosen language")
  {
    Messages m({{"en", "greet: \"applicant ''{id}'' has {n, plural, one {# error} other {# errors}}\"\n"},
                {"vi", "greet: \"nhà đầu tư “{id}” có {n} lỗi\"\n"}});
    CHECK(m.text(Lang{"en"}, "greet", {{"id", "A1"}, {"n", 1}}) == "applicant 'A1' has 1 error");
    CHECK(m.text(Lang{"en"}, "greet", {{"id", "A1"}, {"n", 1200}}) == "applicant 'A1' has 1,200 errors");
    CHECK(m.text(Lang{"vi"}, "greet", {{"id", "A1"}, {"n", 1200}}) == "nhà đầu tư “A1” có 1.200 lỗi");
    SUBCASE("a key missing from a language falls back to English, an unknown key to itself")
    {
      Messages partial({{"en", "only: english\n"}, {"vi", "other: khác\n"}});
      CHECK(partial.text(Lang{"vi"}, "only") == "english");
      CHECK(partial.text(Lang{"vi"}, "nothing") == "nothing");
    }
    SUBCASE("a catalogue that is not a map of texts is refused")
    {
      CHECK_THROWS(Messages(std::vector<EmbeddedCatalogue>{{"en", "- a list\n"}}));
      CHECK_THROWS(Messages(std::vector<EmbeddedCatalogue>{{"en", "key: {nested: map}\n"}}));
    }
  }

  TEST_CASE("decimals, lists and nested messages take the language's form")
  {
    CHECK(format_decimal(Lang{"vi"}, "250000000000") == "250.000.000.000");
    CHECK(format_decimal(Lang{"vi"}, "83.10") == "83,10");
    CHECK(format_decimal(Lang{"vi"}, "-0.5") == "-0,5");
    CHECK(format_decimal(Lang{"vi"}, "2.5e11") == "250.000.000.000");
    CHECK(format_decimal(Lang{"en"}, "1234567.125") == "1,234,567.125");
    CHECK(format_decimal(Lang{"vi"}, "0.1234567890123456789") == "0,1234567890123456789");
    CHECK(format_decimal(Lang{"vi"}, "2/3") == "2/3");
    // A text ICU could not read leaves no trace on the numbers ICU writes
    // after it (4.5e5, not a plain decimal, is written by ICU).
    CHECK(format_decimal(Lang{"vi"}, "4.5e5") == "450.000");
    CHECK(format_decimal(Lang{"vi"}, "2/3") == "2/3");
    CHECK(format_decimal(Lang{"vi"}, "4.5e5") == "450.000");
    CHECK(format_decimal(Lang{"vi"}, "7", 2) == "7,00");
    CHECK(format_list(Lang{"vi"}, {"a", "b", "c"}) == "a, b và c");
    CHECK(format_list(Lang{"en"}, {"a", "b"}) == "a and b");
    Messages m(std::vector<EmbeddedCatalogue>{{"en", "outer: \"x: {inner}, q {q}\"\ninner: \"in {v}\"\n"}});
    CHECK(m.text(Lang{"en"}, "outer", {{"inner", Message{"inner", {{"v", "1"}}}}, MsgArg::decimal("q", "0.5")}) ==
          "x: in 1, q 0.5");
  }

  TEST_CASE("a diagnostic keeps its prefix and takes the word of its language")
  {
    // Built through Diagnostics, as the loaders build them (a braced
    // Diagnostic here draws a false maybe-uninitialized warning at -O3).
    Diagnostics all;
    all.error({"a.yaml", 3, 7}, "score_no_scorer", {{"criterion", "P4"}});
    all.warning({"b.yaml", 0, 0}, k_raw_message, {{"text", "as written"}});
    REQUIRE(all.items().size() == 2);
    const Diagnostic& d = all.items()[0];
    CHECK(format_diagnostic(d, Lang{"en"}) ==
          "a.yaml:3:7: error: criterion 'P4' has no scorer left: every present member recused");
    CHECK(format_diagnostic(d, Lang{"vi"}).rfind("a.yaml:3:7: lỗi: tiêu chí “P4”", 0) == 0);
    const Diagnostic& w = all.items()[1];
    CHECK(format_diagnostic(w, Lang{"vi"}) == "b.yaml: cảnh báo: as written");
  }

  TEST_CASE("a suggested name ends the message in the message's language")
  {
    Diagnostics all;
    all.error({"s.yaml", 4, 3}, "sheet_scores_unknown_applicant", {{"applicant", "NĐT-O1"}}, "NĐT-01");
    REQUIRE(all.items().size() == 1);
    const Diagnostic& d = all.items()[0];
    CHECK(format_diagnostic(d, Lang{"en"}) ==
          "s.yaml:4:3: error: scores: unknown applicant 'NĐT-O1'; did you mean 'NĐT-01'?");
    CHECK(format_diagnostic(d, Lang{"vi"}) ==
          "s.yaml:4:3: lỗi: scores: không có nhà đầu tư “NĐT-O1”; có phải là “NĐT-01” không?");
  }

  TEST_CASE("numbers for people use the language's separators")
  {
    Locale vi(Lang{"vi"});
    Locale en(Lang{"en"});
    CHECK(vi.fixed(Rational(8316, 100), 2) == "83,16");
    CHECK(vi.fixed(Rational(450000), 0) == "450.000");
    CHECK(en.fixed(Rational(450000), 2) == "450,000.00");
    CHECK(vi.decimal_text("48.50") == "48,50");
  }

  TEST_CASE("a system error given as the reason is said in the run's language")
  {
    const MsgArgs full{{"reason", std::strerror(ENOSPC)}};
    CHECK(tr(Lang{"vi"}, "cannot_write", full) == "không ghi được: ổ đĩa đã hết chỗ trống");
    CHECK(tr(Lang{"en"}, "cannot_write", full) == std::string("cannot write: ") + std::strerror(ENOSPC));
    // Through the ICU path too (a pattern with a plural), and as the text
    // of file_reason_system, as the readers of files give it.
    const Message reason{"file_reason_system", {{"text", std::strerror(EROFS)}}};
    CHECK(tr(Lang{"vi"}, "cannot_read", {{"reason", reason}}) == "không đọc được: hệ thống tệp chỉ cho phép đọc");
    // A reason written by the council (the chair's, an absence's) is its
    // own words, even when they read as a system error.
    const std::string chair = tr(Lang{"vi"}, "proposal_settled",
                                 {{"chair", "Ông A"}, {"applicant", "A1"}, {"reason", std::strerror(EACCES)}});
    CHECK(chair.find(std::strerror(EACCES)) != std::string::npos);
    CHECK(chair.find("không có quyền truy cập") == std::string::npos);
    CHECK(tr(Lang{"vi"}, "minutes_absent_reason", {{"reason", std::strerror(EBUSY)}}).ends_with(std::strerror(EBUSY)));
    // A reason that is no known system error passes as it is.
    CHECK(tr(Lang{"vi"}, "cannot_write", {{"reason", "String exceeds Excel's limit"}})
          == "không ghi được: String exceeds Excel's limit");
    // Every error in the table has its words in every language.
    for (int e : {ENOSPC, EACCES, EROFS, ENOENT, EISDIR, ENOTDIR, EEXIST, EDQUOT, EIO, EFBIG, EMFILE, ENAMETOOLONG,
                  ELOOP, EPERM, EBUSY, EXDEV, ENXIO, ETXTBSY}) {
      CAPTURE(e);
      const std::string vi = tr(Lang{"vi"}, "cannot_write", {{"reason", std::strerror(e)}});
      CHECK(vi.find(std::strerror(e)) == std::string::npos);
      CHECK(tr(Lang{"en"}, "cannot_write", {{"reason", std::strerror(e)}}) == std::string("cannot write: ") + std::strerror(e));
    }
  }
}
