#include "util/text.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace ccn;

namespace {

// The plain reading of UTF-8 that the scans must agree with: one character
// at a time, a bad byte skipped alone.
size_t reference_decode(std::string_view s, size_t i, char32_t& cp)
{
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  size_t len = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) {
    return 0;
  }
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      return 0;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  return cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? 0 : len;
}

std::optional<size_t> reference_invalid_utf8(std::string_view s)
{
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const size_t len = reference_decode(s, i, cp);
    if (len == 0) {
      return i;
    }
    i += len;
  }
  return std::nullopt;
}

std::optional<ControlChar> reference_control_char(std::string_view s)
{
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const size_t len = reference_decode(s, i, cp);
    if (len == 0) {
      ++i;
      continue;
    }
    if (is_refused_control(cp)) {
      return ControlChar{i, cp};
    }
    i += len;
  }
  return std::nullopt;
}

} // namespace

TEST_SUITE("util/text")
{
  TEST_CASE("UTF-8 validation finds the first bad byte")
  {
    CHECK_FALSE(find_invalid_utf8("Công ty Cổ phần").has_value());
    CHECK(find_invalid_utf8("ab\xff") == 2u);
    CHECK(find_invalid_utf8("\xc0\xaf") == 0u);        // overlong
    CHECK(find_invalid_utf8("\xed\xa0\x80") == 0u);    // surrogate
    CHECK(find_invalid_utf8("x\xe1\xbb") == 1u);       // truncated
  }

  TEST_CASE("Vietnamese names take one column per letter, composed or not")
  {
    CHECK(display_width("Nguyễn") == 6);
    CHECK(display_width("Nguye\xcc\x82\xcc\x83n") == 6); // e + combining circumflex + tilde
    CHECK(pad_right("Đức", 5) == "Đức  ");
    CHECK(pad_left("Đức", 5) == "  Đức");
  }

  TEST_CASE("names typed with combining accents become the same name")
  {
    CHECK(to_nfc("Nguye\xcc\x82\xcc\x83n") == "Nguyễn");
    CHECK(to_nfc("Nguyễn") == "Nguyễn");
    CHECK(to_nfc("plain ascii") == "plain ascii");
    CHECK(truncate_display("Tỷ lệ vốn chủ sở hữu", 8) == "Tỷ lệ...");
    CHECK(truncate_display("ngắn", 8) == "ngắn");
  }

  TEST_CASE("identifiers")
  {
    CHECK(is_identifier("A1"));
    CHECK(is_identifier("nam-son.2023_v2"));
    CHECK_FALSE(is_identifier("-A1"));
    CHECK_FALSE(is_identifier("A 1"));
    CHECK_FALSE(is_identifier("Đ1"));
    CHECK_FALSE(is_identifier(""));
    CHECK_FALSE(is_identifier(std::string(65, 'a')));
    CHECK(is_field_identifier("equity_ratio"));
    CHECK(is_field_identifier("_x1"));
    CHECK_FALSE(is_field_identifier("Equity"));
    CHECK_FALSE(is_field_identifier("1x"));
    CHECK(is_reserved_word("not"));
    CHECK_FALSE(is_reserved_word("note"));
  }

  TEST_CASE("found values are quoted readably")
  {
    CHECK(quote_found("sáu mươi tỷ") == "\"sáu mươi tỷ\"");
    CHECK(quote_found("a\"b\n") == "\"a\\\"b\\n\"");
    CHECK(quote_found(std::string(100, 'x')).size() < 70);
  }

  TEST_CASE("a quoted value is a short token: its first line, at most 32 characters")
  {
    CHECK(quote_found("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin")
          == "\"root:x:0:0:root:/root:/bin/bash...\"");
    CHECK(quote_found(std::string(40, 'y')) == "\"" + std::string(32, 'y') + "...\"");
    CHECK(short_token("Công ty Cổ phần Đầu tư Phát triển Hạ tầng") == "Công ty Cổ phần Đầu tư Phát triể...");
    CHECK(short_token("a\x1b[31m\xc2\x85") == "a\\x1b[31m\\u0085");
  }

  TEST_CASE("the byte scans agree with a character by character reading")
  {
    // Pieces that make long ASCII runs, characters of every length, C1
    // controls, broken and overlong sequences, at every alignment.
    const std::vector<std::string> pieces = {
      "abcdefgh", "Công ty ", "\t", "\n", "\r", std::string(1, '\0'), "\x7f", "\xc2\x85", "\xc2\xa0", "\xc2",
      "\x9b", "\xe1\xbb\x87", "\xe1\xbb", "\xf0\x9f\x98\x80", "\xed\xa0\x80", "\xc0\xaf", "\xff", "\xe2\x80\xa8", "\x1b"};
    std::mt19937 rng(12);
    for (int round = 0; round < 3000; ++round) {
      std::string text;
      const size_t count = rng() % 12;
      for (size_t k = 0; k < count; ++k) {
        text += pieces[rng() % pieces.size()];
      }
      CAPTURE(text);
      CHECK(find_invalid_utf8(text) == reference_invalid_utf8(text));
      const auto control = find_control_char(text);
      const auto expected = reference_control_char(text);
      REQUIRE(control.has_value() == expected.has_value());
      if (control) {
        CHECK(control->offset == expected->offset);
        CHECK(control->code_point == expected->code_point);
      }
    }
  }

  TEST_CASE("control characters that text may not hold")
  {
    CHECK_FALSE(find_control_char("Công ty\tA\nB"));
    auto nul = find_control_char(std::string_view("A\0B", 3));
    REQUIRE(nul);
    CHECK(nul->offset == 1);
    CHECK(nul->code_point == 0);
    auto c1 = find_control_char("Đ\xc2\x9b");
    REQUIRE(c1);
    CHECK(c1->offset == 2);
    CHECK(c1->code_point == 0x9B);
    CHECK(is_refused_control(0x7F));
    CHECK(is_refused_control('\r'));
    CHECK_FALSE(is_refused_control(0xA0));
  }

  TEST_CASE("text for a terminal: control characters and direction overrides become visible escapes")
  {
    CHECK(terminal_safe("Công ty Cổ phần") == "Công ty Cổ phần");
    CHECK(terminal_safe("A\x1b[2JB") == "A\\x1b[2JB");
    CHECK(terminal_safe(std::string("N\0U\aL\rL", 7)) == "N\\x00U\\x07L\\x0dL");
    CHECK(terminal_safe("x\x7fy") == "x\\x7fy");
    CHECK(terminal_safe("x\xc2\x9by") == "x\\x9by");                   // C1 CSI
    CHECK(terminal_safe("abc\xe2\x80\xaetxt.exe") == "abc\\u202etxt.exe"); // right-to-left override
    CHECK(terminal_safe("\xe2\x80\xaa\xe2\x81\xa6\xe2\x81\xa9") == "\\u202a\\u2066\\u2069");
    CHECK(terminal_safe("bad\xff") == "bad\\xff");
    SUBCASE("a line of a table escapes newline and tab")
    {
      CHECK(terminal_safe("a\nb\tc") == "a\\x0ab\\x09c");
    }
    SUBCASE("a text of several lines keeps them")
    {
      CHECK(terminal_safe("a\nb\tc\x1b", true) == "a\nb\tc\\x1b");
    }
  }

  TEST_CASE("CSV cells a spreadsheet would run as a formula get a leading quote")
  {
    CHECK(csv_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv_field("+1+1") == "'+1+1");
    CHECK(csv_field("-2+3") == "'-2+3");
    CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_field("\t=1") == "'\t=1");
    CHECK(csv_field("\r=1") == "\"'\r=1\"");
    CHECK(csv_field("-") == "'-");
    SUBCASE("plain numbers stay numbers")
    {
      CHECK(csv_field("-3.5") == "-3.5");
      CHECK(csv_field("-12") == "-12");
      CHECK(csv_field("71.00") == "71.00");
    }
    SUBCASE("other cells are only quoted as RFC 4180 needs")
    {
      CHECK(csv_field("Công ty A") == "Công ty A");
      CHECK(csv_field("a,b") == "\"a,b\"");
      CHECK(csv_field("say \"x\"") == "\"say \"\"x\"\"\"");
      CHECK(csv_field("") == "");
      CHECK(csv_field("1=1") == "1=1");
    }
  }

  TEST_CASE("nearest_name suggests one near name, never a guess between two")
  {
    const std::vector<std::string> keys{"format", "id", "title", "criteria", "dossiers", "council", "sheets"};
    CHECK(nearest_name("dosiers", keys) == std::optional<std::string>("dossiers"));
    CHECK(nearest_name("critera", keys) == std::optional<std::string>("criteria"));
    CHECK(nearest_name("tilte", keys) == std::optional<std::string>("title")); // two letters swapped
    CHECK(nearest_name("Sheets", keys) == std::optional<std::string>("sheets"));
    CHECK_FALSE(nearest_name("members", keys)); // nothing near
    CHECK_FALSE(nearest_name("sheets", keys));  // the name itself is no suggestion
    CHECK_FALSE(nearest_name("", keys));
    // A3 is as near to A1 as to A2: no guess.
    CHECK_FALSE(nearest_name("A3", {"A1", "A2"}));
    CHECK(nearest_name("A3", {"A1", "B7"}) == std::optional<std::string>("A1"));
    // Letters with diacritics count as one character each.
    CHECK(nearest_name("NĐT-O1", {"NĐT-01", "NĐT-12"}) == std::optional<std::string>("NĐT-01"));
    CHECK(nearest_name("Nang_luc", {"năng_lực", "von_chu_so_huu"}) == std::nullopt);
    // Within a third of the name's length: one edit for a short name, at most three.
    CHECK_FALSE(nearest_name("ab", {"xy"}));
    CHECK(nearest_name("equity_ratoi_x", {"equity_ratio"}) == std::optional<std::string>("equity_ratio"));
    CHECK_FALSE(nearest_name("eqity_rato_xyz", {"equity_ratio"}));
  }
}
