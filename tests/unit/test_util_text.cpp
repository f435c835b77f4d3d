#include "util/text.hpp"

#include <doctest/doctest.h>

using namespace ccn;

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
}
