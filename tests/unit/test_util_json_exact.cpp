#include "util/json_exact.hpp"

#include <doctest/doctest.h>

#include <cstdint>

using namespace ccn;

TEST_SUITE("util/json_exact")
{
  TEST_CASE("an exact number is written as its text, the rest as nlohmann-json writes it")
  {
    nlohmann::ordered_json j;
    j["total"] = exact_number("894736842105263157894736842105.263158");
    j["name"] = "Công ty \"Hòa Bình\"\n";
    j["rank"] = 1;
    j["tied"] = false;
    j["none"] = nullptr;
    j["groups"] = nlohmann::ordered_json::array();
    j["reasons"] = {"a", "b"};
    j["round"] = {{"scale", exact_number("100")}, {"inner", nlohmann::ordered_json::object()}};
    nlohmann::ordered_json plain = j;
    plain["total"] = 1.5;
    plain["round"]["scale"] = 100;
    std::string expected = plain.dump(2);
    expected.replace(expected.find("1.5"), 3, "894736842105263157894736842105.263158");
    CHECK(dump_exact(j) == expected);
  }

  TEST_CASE("strings, keys and numbers without exact text are written as nlohmann-json writes them")
  {
    nlohmann::ordered_json j;
    const char* texts[] = {"plain ASCII", "", "a/b", "del \x7f", "tab\there", "bell \x07", "quote \" back \\",
                           "Hòa Bình", "x\x1f"};
    for (const char* t : texts) {
      j[t] = t;
      j["list"].push_back(t);
    }
    j["negative"] = -42;
    j["unsigned"] = std::uint64_t{18446744073709551615U};
    j["double"] = 0.1;
    j["true"] = true;
    CHECK(dump_exact(j) == j.dump(2));
  }

  TEST_CASE("random texts, every byte below 0x80 and UTF-8 beside them, are written as nlohmann-json writes them")
  {
    const std::string pieces[] = {"à", "Đ", "ữ", "→", "≈", "😀", "\xc3", "\xe2\x82", "\xff"};
    unsigned long state = 7;
    auto next = [&] {
      state = state * 6364136223846793005UL + 1442695040888963407UL;
      return state >> 33;
    };
    int written = 0;
    for (int i = 0; i < 3000; ++i) {
      std::string text;
      const unsigned long length = next() % 12;
      for (unsigned long k = 0; k < length; ++k) {
        // The broken UTF-8 pieces are the last three: one round in three has none.
        const unsigned long choice = next() % (i % 3 == 0 ? 6 : 9);
        text += next() % 2 == 0 ? std::string(1, static_cast<char>(next() % 0x80)) : pieces[choice];
      }
      CAPTURE(text);
      nlohmann::ordered_json j = text;
      std::string expected;
      try {
        expected = j.dump(2);
      } catch (const nlohmann::json::exception&) {
        CHECK_THROWS_AS(dump_exact(j), nlohmann::json::exception);
        continue;
      }
      CHECK(dump_exact(j) == expected);
      ++written;
    }
    CHECK(written > 1000);
  }

  TEST_CASE("numbers are read exactly, in one canonical form")
  {
    nlohmann::json j = parse_exact(R"([48.5, 48.50, 4.85e1, 1e-30, 1234567890123456789012345678901234567890,
                                        -0.0, 7, -7, 18446744073709551615, "48.5"])");
    REQUIRE(j.is_array());
    CHECK(exact_text(j[0]) == "48.5");
    CHECK(j[0] == j[1]);
    CHECK(j[0] == j[2]);
    CHECK(exact_text(j[3]) == "0.000000000000000000000000000001");
    CHECK(exact_text(j[4]) == "1234567890123456789012345678901234567890");
    CHECK(exact_text(j[5]) == "0");
    CHECK(exact_text(j[6]) == "7");
    CHECK(exact_text(j[7]) == "-7");
    CHECK(exact_text(j[8]) == "18446744073709551615");
    CHECK(j[9].is_string());
    CHECK(j[0] != j[9]);
    CHECK(parse_exact("[894736842105263157894736842105.263157]")
          != parse_exact("[894736842105263157894736842105.263158]"));
  }

  TEST_CASE("text that is not JSON is discarded")
  {
    CHECK(parse_exact("{\"a\": ").is_discarded());
    CHECK(parse_exact("").is_discarded());
    nlohmann::json j = parse_exact(R"({"a": {"b": [1, {"c": 2}]}, "d": 3})");
    CHECK(exact_text(j["a"]["b"][1]["c"]) == "2");
    CHECK(exact_text(j["d"]) == "3");
  }

  TEST_CASE("a text of more values than allowed is discarded and said so, within the limit it is read")
  {
    JsonProblem problem;
    CHECK(parse_exact("[1, [2], {\"a\": 3}]", &problem, 5).is_discarded());
    CHECK(problem.too_many);
    CHECK_FALSE(problem.too_deep);
    CHECK(problem.line == 0);
    JsonProblem fits;
    nlohmann::json j = parse_exact("[1, [2], {\"a\": 3}]", &fits, 6);
    CHECK_FALSE(j.is_discarded());
    CHECK_FALSE(fits.too_many);
    CHECK(exact_text(j[2]["a"]) == "3");
  }
}
