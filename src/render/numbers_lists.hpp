#pragma once
// Numbers and lists in the form of a language ("250.000.000.000", "a, b và
// c"), as ICU writes them: the plain cases of the languages with a
// catalogue are written here directly, to the byte what ICU writes, and
// everything else by ICU.

#include "util/message.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ccn {

// `text`, an exact decimal ("0.5", "250000000000", "2.5e11"), in the
// digits of `lang` ("0,5", "250.000.000.000"), with at least `min_decimals`
// decimals (-1: as many as written). ICU reads the decimal exactly: no
// binary floating point is involved. A text ICU cannot read is returned as is.
std::string format_decimal(const Lang& lang, std::string_view text, int min_decimals = -1);

// `format_decimal` always through ICU, without the direct path for plain
// decimals: what that path must equal, for the test that compares them.
std::string format_decimal_icu(const Lang& lang, std::string_view text, int min_decimals = -1);

// `n` as ICU's MessageFormat writes a plain `{n}` argument in the language
// `code`, when its digits and separators are known here (en, vi): the
// same grouping as `format_decimal`. Nothing otherwise (ICU writes it then).
std::optional<std::string> plain_count(const std::string& code, std::int64_t n);

// The plural keyword CLDR's rules give the count `n` in the language
// `code` ("one", "other"), for the languages whose rules are known here
// (en, vi); nothing otherwise (ICU selects then).
std::optional<std::string_view> plain_plural_keyword(const std::string& code, std::int64_t n);

// `items` joined as `lang` joins a list ("a, b, and c"; "a, b và c").
std::string format_list(const Lang& lang, const std::vector<std::string>& items);

// `format_list` always through ICU: what its direct path for en and vi must
// equal, for the test that compares them.
std::string format_list_icu(const Lang& lang, const std::vector<std::string>& items);

} // namespace ccn
