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
}
