#include "model/round.hpp"

#include <doctest/doctest.h>

using namespace ccn;

TEST_SUITE("model/round")
{
  TEST_CASE("a sheet's keys are found by applicant and criterion, the first added of a pair counting")
  {
    SheetKeys keys;
    keys.path = "sheets/m1.yaml";
    keys.add("A02", "K01", {{}, 7, 3});
    keys.add("A01", "K02", {{}, 4, 3});
    keys.add("A01", "K01", {{}, 3, 3});
    keys.add("A01", "K01", {"book.xlsx:Phiếu!G9", 0, 0});
    keys.add("A03", "K01", {"book.xlsx:Phiếu!G8", 0, 0});
    const SourcePos fallback{"elsewhere.yaml", 1, 1};
    auto check = [&](const SheetKeys& k) {
      const SourcePos first = k.of("A01", "K01", fallback);
      CHECK(first.path == "sheets/m1.yaml");
      CHECK(first.line == 3);
      CHECK(k.of("A01", "K02", fallback).line == 4);
      CHECK(k.of("A02", "K01", fallback).line == 7);
      CHECK(k.of("A03", "K01", fallback).path == "book.xlsx:Phiếu!G8");
      CHECK(k.of("A02", "K02", fallback).path == "elsewhere.yaml");
      CHECK(k.of("A0", "2K01", fallback).path == "elsewhere.yaml");
    };
    check(keys); // before it is indexed
    keys.index();
    CHECK(keys.criteria.size() == 4);
    check(keys);
  }
}
