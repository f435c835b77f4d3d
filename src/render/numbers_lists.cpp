#include "render/numbers_lists.hpp"

#include "util/text.hpp"

#include <unicode/listformatter.h>
#include <unicode/numberformatter.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <utility>

namespace ccn {

namespace {

std::string utf8(const icu::UnicodeString& s)
{
  std::string out;
  s.toUTF8String(out);
  return out;
}

// `text` without a leading '+', and the number of decimals to write at
// least: `min_decimals`, or with -1 as many as `text` has after its point.
std::pair<std::string_view, int> decimal_request(std::string_view text, int min_decimals)
{
  if (!text.empty() && text[0] == '+') {
    text.remove_prefix(1);
  }
  if (min_decimals < 0) {
    auto point = text.find('.');
    bool plain = point != std::string_view::npos && text.find_first_of("eE") == std::string_view::npos;
    min_decimals = plain ? static_cast<int>(text.size() - point - 1) : 0;
  }
  return {text, min_decimals};
}

// The separators ICU (CLDR 42) gives a language's decimals, for the
// languages with a catalogue: grouping by three from the first thousand
// on, and the hyphen-minus.
struct Separators
{
  char group;
  char point;
};

std::optional<Separators> plain_separators(const Lang& lang)
{
  if (lang.code == "en") {
    return Separators{',', '.'};
  }
  if (lang.code == "vi") {
    return Separators{'.', ','};
  }
  return std::nullopt;
}

// Longer decimals and more decimals than this go to ICU; the test compares
// the two up to these bounds.
constexpr size_t k_plain_max_length = 100;
constexpr int k_plain_max_decimals = 100;

// `text` as ICU writes it in `lang` with at least `min_decimals` decimals,
// when it is a plain decimal (an optional '-', digits without leading zeros,
// optionally a point and digits) in a language whose separators are known;
// nothing otherwise. ICU drops the fraction's trailing zeros beyond
// `min_decimals` and keeps the sign of a negative zero ("-0").
std::optional<std::string> plain_decimal(const Lang& lang, std::string_view text, int min_decimals)
{
  const auto separators = plain_separators(lang);
  if (!separators || text.size() > k_plain_max_length || min_decimals > k_plain_max_decimals) {
    return std::nullopt;
  }
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  const bool negative = !text.empty() && text[0] == '-';
  std::string_view rest = text.substr(negative ? 1 : 0);
  size_t int_end = 0;
  while (int_end < rest.size() && is_digit(rest[int_end])) {
    ++int_end;
  }
  const std::string_view whole = rest.substr(0, int_end);
  if (whole.empty() || (whole.size() > 1 && whole[0] == '0')) {
    return std::nullopt;
  }
  std::string_view fraction;
  if (int_end < rest.size()) {
    if (rest[int_end] != '.') {
      return std::nullopt;
    }
    fraction = rest.substr(int_end + 1);
    if (fraction.empty() || !std::all_of(fraction.begin(), fraction.end(), is_digit)) {
      return std::nullopt;
    }
  }
  while (!fraction.empty() && fraction.back() == '0' && fraction.size() > static_cast<size_t>(min_decimals)) {
    fraction.remove_suffix(1);
  }
  std::string out;
  out.reserve(text.size() + whole.size() / 3 + static_cast<size_t>(min_decimals) + 2);
  if (negative) {
    out += '-';
  }
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) {
      out += separators->group;
    }
    out += whole[i];
  }
  const size_t decimals = std::max(fraction.size(), static_cast<size_t>(min_decimals));
  if (decimals > 0) {
    out += separators->point;
    out.append(fraction);
    out.append(decimals - fraction.size(), '0');
  }
  return out;
}

// `text` (without '+') by ICU's number formatter of `lang`.
std::string icu_decimal(const Lang& lang, std::string_view text, int min_decimals)
{
  namespace number = icu::number;
  // Setting up a formatter costs far more than formatting with it: one
  // for each language and number of decimals, per thread (ICU's formatter
  // is safe to share, its cache here would need a lock).
  thread_local std::map<std::pair<std::string, int>, number::LocalizedNumberFormatter> formatters;
  auto slot = formatters.find({lang.code, min_decimals});
  if (slot == formatters.end()) {
    slot = formatters
             .emplace(std::pair{lang.code, min_decimals},
                      number::NumberFormatter::withLocale(icu::Locale(lang.code.c_str()))
                        .precision(number::Precision::minFraction(min_decimals))
                        .roundingMode(UNUM_ROUND_HALFUP))
             .first;
  }
  const number::LocalizedNumberFormatter& formatter = slot->second;
  UErrorCode status = U_ZERO_ERROR;
  auto formatted = formatter.formatDecimal(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status);
  icu::UnicodeString out = formatted.toString(status);
  if (U_FAILURE(status)) {
    // A formatter that failed once writes nothing afterwards (ICU 72):
    // the next number gets a new one.
    formatters.erase(slot);
    return std::string(text); // not a decimal ICU reads ("2/3"): leave it as written
  }
  return utf8(out);
}

// The words ICU (CLDR 42) joins a list of the languages with a catalogue
// with: between the two items of a pair, between the first items of a
// longer list, and before its last item.
struct ListWords
{
  std::string_view pair;
  std::string_view middle;
  std::string_view last;
};

std::optional<ListWords> plain_list_words(const Lang& lang)
{
  if (lang.code == "en") {
    return ListWords{" and ", ", ", ", and "};
  }
  if (lang.code == "vi") {
    return ListWords{" và ", ", ", " và "};
  }
  return std::nullopt;
}

// `items` joined as ICU joins them in `lang`, when its words are known and
// every item is UTF-8 (ICU would mend the others); nothing otherwise.
std::optional<std::string> plain_list(const Lang& lang, const std::vector<std::string>& items)
{
  const auto words = plain_list_words(lang);
  if (!words || std::any_of(items.begin(), items.end(), [](const std::string& item) {
        return find_invalid_utf8(item).has_value();
      })) {
    return std::nullopt;
  }
  size_t size = 0;
  for (const auto& item : items) {
    size += item.size() + words->last.size();
  }
  std::string out;
  out.reserve(size);
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += items.size() == 2 ? words->pair : i + 1 == items.size() ? words->last : words->middle;
    }
    out += items[i];
  }
  return out;
}

} // namespace

std::string format_decimal(const Lang& lang, std::string_view text, int min_decimals)
{
  const auto [decimal, decimals] = decimal_request(text, min_decimals);
  // ICU's formatter spends most of its time converting and allocating: a
  // plain decimal, as nearly every number of a round is, is written here.
  if (auto plain = plain_decimal(lang, decimal, decimals)) {
    return std::move(*plain);
  }
  return icu_decimal(lang, decimal, decimals);
}

std::optional<std::string> plain_count(const std::string& code, std::int64_t n)
{
  return plain_decimal(Lang{code}, std::to_string(n), 0);
}

std::optional<std::string_view> plain_plural_keyword(const std::string& code, std::int64_t n)
{
  if (code == "en") {
    return n == 1 || n == -1 ? "one" : "other"; // i = 1 and v = 0
  }
  if (code == "vi") {
    return "other"; // Vietnamese has no other form
  }
  return std::nullopt;
}

std::string format_decimal_icu(const Lang& lang, std::string_view text, int min_decimals)
{
  const auto [decimal, decimals] = decimal_request(text, min_decimals);
  return icu_decimal(lang, decimal, decimals);
}

std::string format_list(const Lang& lang, const std::vector<std::string>& items)
{
  // ICU's list formatter converts every item to UTF-16 and back: the lists
  // of en and vi are joined here, as ICU joins them.
  if (auto plain = plain_list(lang, items)) {
    return std::move(*plain);
  }
  return format_list_icu(lang, items);
}

std::string format_list_icu(const Lang& lang, const std::vector<std::string>& items)
{
  // One formatter per language and thread, as for numbers.
  thread_local std::map<std::string, std::unique_ptr<icu::ListFormatter>, std::less<>> formatters;
  UErrorCode status = U_ZERO_ERROR;
  auto& formatter = formatters[lang.code];
  if (!formatter) {
    formatter.reset(icu::ListFormatter::createInstance(icu::Locale(lang.code.c_str()), status));
  }
  std::vector<icu::UnicodeString> parts;
  for (const auto& item : items) {
    parts.push_back(icu::UnicodeString::fromUTF8(item));
  }
  icu::UnicodeString out;
  if (U_SUCCESS(status) && formatter) {
    formatter->format(parts.data(), static_cast<int32_t>(parts.size()), out, status);
  }
  if (U_FAILURE(status) || !formatter) {
    formatters.erase(lang.code); // may not recover (see format_decimal)
    std::string joined;
    for (const auto& item : items) {
      joined += (joined.empty() ? "" : ", ") + item;
    }
    return joined;
  }
  return utf8(out);
}

} // namespace ccn
