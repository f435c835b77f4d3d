#pragma once
// A date or a date-time as the input files write it (formats-v1 section 1).

#include <compare>
#include <cstdint>
#include <string>

namespace ccn {

// A moment as seconds since 1970-01-01T00:00:00Z; `date_only` when it was
// written as a date (which counts as 00:00 at +07:00).
struct Timestamp
{
  int64_t seconds = 0;
  bool date_only = false;
  std::string text; // as written
  // The decimal digits of a fraction of a second, without trailing zeros:
  // compared as text, "45" (0.45 s) comes before "5" (0.5 s).
  std::string fraction;
  auto operator<=>(const Timestamp& o) const
  {
    if (auto c = seconds <=> o.seconds; c != 0) {
      return c;
    }
    return fraction <=> o.fraction;
  }
  bool operator==(const Timestamp& o) const { return seconds == o.seconds && fraction == o.fraction; }
};

} // namespace ccn
