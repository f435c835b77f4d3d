// Numbers and lists in a language's form: the plain cases written without
// ICU must be exactly what ICU writes.

#include "render/numbers_lists.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using namespace ccn;

namespace {

const std::vector<Lang> k_langs{Lang{"en"}, Lang{"vi"}};

// Fails (with the text) where the direct path and ICU write `text` differently.
void check_as_icu(const std::string& text, int min_decimals)
{
  for (const Lang& lang : k_langs) {
    const std::string ours = format_decimal(lang, text, min_decimals);
    const std::string icu = format_decimal_icu(lang, text, min_decimals);
    if (ours != icu) {
      CAPTURE(lang.code);
      CAPTURE(text);
      CAPTURE(min_decimals);
      CHECK(ours == icu);
    }
  }
}

} // namespace

TEST_SUITE("render_numbers_lists")
{
  TEST_CASE("ICU writes the numbers the direct path is checked against as expected")
  {
    // The comparisons below are only as good as the ICU path they compare with.
    CHECK(format_decimal_icu(Lang{"vi"}, "1234") == "1.234");
    CHECK(format_decimal_icu(Lang{"en"}, "1234") == "1,234");
    CHECK(format_decimal_icu(Lang{"vi"}, "-1234567.50", 0) == "-1.234.567,5");
    CHECK(format_decimal_icu(Lang{"en"}, "7", 2) == "7.00");
    CHECK(format_decimal_icu(Lang{"vi"}, "2.5e11") == "250.000.000.000");
    CHECK(format_decimal_icu(Lang{"vi"}, "2/3") == "2/3");
  }

  TEST_CASE("every integer to 100000 is written as ICU writes it")
  {
    for (int n = 0; n <= 100000; ++n) {
      const std::string text = std::to_string(n);
      check_as_icu(text, -1);
      if (n % 97 == 0 || n < 1100) {
        check_as_icu("-" + text, -1);
        for (int min = 0; min <= 4; ++min) {
          check_as_icu(text, min);
          check_as_icu("-" + text, min);
        }
      }
    }
  }

  TEST_CASE("fractions of 1 to 6 decimals are written as ICU writes them")
  {
    // Every shape of fraction: trailing zeros, zeros after the point, the
    // whole part from 0 to millions, negative, each with 0 to 4 decimals asked.
    std::mt19937 random(12); // NOLINT(cert-msc32-c): the same values every run
    const std::vector<std::string> wholes{"0", "1", "9", "10", "99", "100", "999", "1000", "1234", "9999",
                                          "10000", "12345", "99999", "100000", "123456", "1000000", "9876543"};
    for (const std::string& whole : wholes) {
      for (int digits = 1; digits <= 6; ++digits) {
        for (int i = 0; i < 40; ++i) {
          std::string fraction;
          for (int d = 0; d < digits; ++d) {
            // Zeros often, so that trailing and leading zeros of the fraction come up.
            const unsigned r = random() % 14;
            fraction += static_cast<char>('0' + (r >= 10 ? 0 : r));
          }
          const std::string text = whole + "." + fraction;
          for (int min = -1; min <= 4; ++min) {
            check_as_icu(text, min);
            check_as_icu("-" + text, min);
            check_as_icu("+" + text, min);
          }
        }
      }
    }
  }

  TEST_CASE("long numbers and many decimals are written as ICU writes them")
  {
    std::string digits;
    for (int i = 0; i < 120; ++i) {
      digits += static_cast<char>('1' + i % 9);
    }
    for (size_t length = 1; length <= 110; ++length) {
      const std::string whole = digits.substr(0, length);
      check_as_icu(whole, -1);
      check_as_icu("-" + whole, 2);
      check_as_icu("0." + whole, -1);
      check_as_icu("0." + whole + "000", 1);
      check_as_icu(whole + "." + digits.substr(0, 110 - length), -1);
      check_as_icu("-" + whole + ".5", 4);
    }
    for (int min : {10, 50, 99, 100, 101, 200}) {
      check_as_icu("12345.5", min);
      check_as_icu("0", min);
    }
  }

  TEST_CASE("texts that are not plain decimals are left to ICU")
  {
    for (const char* text : {"", "-", "+", ".", "-0", "-0.000", "0.0", "00", "007", "0012.5", ".5", "-.5", "5.",
                             "1.", "1e3", "1E3", "2.5e11", "-2.5e-3", "1,5", " 1", "1 ", "1_000", "--1", "+-1",
                             "1.2.3", "2/3", "≈0.33", "NaN", "inf", "0x10", "١٢"}) {
      for (int min = -1; min <= 3; ++min) {
        check_as_icu(text, min);
      }
    }
  }

  TEST_CASE("lists are joined as ICU joins them")
  {
    CHECK(format_list_icu(Lang{"vi"}, {"a", "b", "c"}) == "a, b và c");
    CHECK(format_list_icu(Lang{"en"}, {"a", "b", "c"}) == "a, b, and c");
    // Items of every length of list, with what ICU's patterns are made of
    // (braces, quotes, commas), empty ones, Vietnamese letters, and bytes
    // that are not UTF-8 (ICU mends them).
    const std::vector<std::string> pool{"a", "", "{0}", "'q'", "b, c", " và ", "Nguyễn Thị Hòa", "x\xff",
                                        "\xc3", "điểm", "1,5", "and"};
    std::mt19937 random(7); // NOLINT(cert-msc32-c): the same lists every run
    for (size_t n = 0; n <= 14; ++n) {
      for (int i = 0; i < 60; ++i) {
        std::vector<std::string> items;
        for (size_t k = 0; k < n; ++k) {
          items.push_back(pool[random() % pool.size()]);
        }
        for (const Lang& lang : {Lang{"en"}, Lang{"vi"}, Lang{"fr"}}) {
          const std::string ours = format_list(lang, items);
          const std::string icu = format_list_icu(lang, items);
          if (ours != icu) {
            CAPTURE(lang.code);
            CAPTURE(n);
            CHECK(ours == icu);
          }
        }
      }
    }
  }
}
