#pragma once
// The language of a human-readable report: its words, and how it writes
// numbers and dates (Vietnamese: 85,33 and 250.000.000.000; 10/09/2024).

#include "model/criteria.hpp"
#include "model/timestamp.hpp"
#include "score/result.hpp"
#include "util/message.hpp"
#include "util/rational.hpp"

#include <initializer_list>
#include <string>
#include <string_view>

namespace ccn {

// The language a report takes by default: the criteria's `language`, else English.
inline Lang default_lang(const Criteria& c)
{
  return Lang{c.language.empty() ? "en" : c.language};
}

class Locale
{
public:
  explicit Locale(Lang lang) : m_lang(std::move(lang)) {}

  const Lang& lang() const { return m_lang; }
  // The catalogue's message `key` with `args` in this language.
  std::string text(std::string_view key, const MsgArgs& args = {}) const;
  // The same with the arguments written in place: no vector is built for them.
  std::string text(std::string_view key, std::initializer_list<MsgArg> args) const;
  // `value` with exactly `decimals` decimals (already rounded), localized.
  std::string fixed(const Rational& value, int decimals) const;
  // `value` exactly when it has a short decimal form, else to 6 decimals with "≈".
  std::string number(const Rational& value) const;
  // A decimal text as written in a file ("250000000000", "48.5", "2.5e11"),
  // in this language's digits, exactly, keeping the decimals written.
  std::string decimal_text(std::string_view text) const;
  // A date or date-time as written, in the local order (dd/mm/yyyy).
  std::string date(const Timestamp& t) const;
  std::string status(Status s) const;
  std::string role(Role r) const;

private:
  Lang m_lang;
};

} // namespace ccn
