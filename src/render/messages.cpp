#include "render/messages.hpp"

#include <unicode/fmtable.h>
#include <unicode/listformatter.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/numberformatter.h>
#include <unicode/unistr.h>
#include <yaml-cpp/yaml.h>

#include <memory>
#include <stdexcept>

namespace ccn {

namespace {

const std::string k_fallback = "en";

std::string utf8(const icu::UnicodeString& s)
{
  std::string out;
  s.toUTF8String(out);
  return out;
}

} // namespace

std::string format_decimal(const Lang& lang, std::string_view text, int min_decimals)
{
  namespace number = icu::number;
  if (!text.empty() && text[0] == '+') {
    text.remove_prefix(1);
  }
  if (min_decimals < 0) {
    auto point = text.find('.');
    bool plain = point != std::string_view::npos && text.find_first_of("eE") == std::string_view::npos;
    min_decimals = plain ? static_cast<int>(text.size() - point - 1) : 0;
  }
  UErrorCode status = U_ZERO_ERROR;
  auto formatter = number::NumberFormatter::withLocale(icu::Locale(lang.code.c_str()))
                     .precision(number::Precision::minFraction(min_decimals))
                     .roundingMode(UNUM_ROUND_HALFUP);
  auto formatted = formatter.formatDecimal(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status);
  icu::UnicodeString out = formatted.toString(status);
  if (U_FAILURE(status)) {
    return std::string(text); // not a decimal ICU reads ("2/3"): leave it as written
  }
  return utf8(out);
}

std::string format_list(const Lang& lang, const std::vector<std::string>& items)
{
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::ListFormatter> formatter(
    icu::ListFormatter::createInstance(icu::Locale(lang.code.c_str()), status));
  std::vector<icu::UnicodeString> parts;
  for (const auto& item : items) {
    parts.push_back(icu::UnicodeString::fromUTF8(item));
  }
  icu::UnicodeString out;
  if (U_SUCCESS(status)) {
    formatter->format(parts.data(), static_cast<int32_t>(parts.size()), out, status);
  }
  if (U_FAILURE(status)) {
    std::string joined;
    for (const auto& item : items) {
      joined += (joined.empty() ? "" : ", ") + item;
    }
    return joined;
  }
  return utf8(out);
}

const Messages& Messages::built_in()
{
  static const Messages k_messages(embedded_catalogues());
  return k_messages;
}

Messages::Messages(const std::vector<EmbeddedCatalogue>& sources)
{
  for (const auto& src : sources) {
    auto& table = m_patterns[std::string(src.code)];
    YAML::Node root;
    try {
      root = YAML::Load(std::string(src.yaml));
    } catch (const YAML::Exception& e) {
      throw std::runtime_error("message catalogue " + std::string(src.code) + ": " + e.what());
    }
    if (!root.IsMap()) {
      throw std::runtime_error("message catalogue " + std::string(src.code) + ": not a map of keys to texts");
    }
    for (const auto& item : root) {
      if (!item.second.IsScalar()) {
        throw std::runtime_error("message catalogue " + std::string(src.code) + ": key " +
                                 item.first.as<std::string>() + " is not a text");
      }
      table[item.first.as<std::string>()] = item.second.as<std::string>();
    }
  }
}

bool Messages::has(const Lang& lang, std::string_view key) const
{
  auto t = m_patterns.find(lang.code);
  return t != m_patterns.end() && t->second.find(key) != t->second.end();
}

std::vector<std::string> Messages::languages() const
{
  std::vector<std::string> out;
  for (const auto& [code, table] : m_patterns) {
    out.push_back(code);
  }
  return out;
}

const std::map<std::string, std::string, std::less<>>& Messages::patterns(const std::string& code) const
{
  static const std::map<std::string, std::string, std::less<>> k_none;
  auto t = m_patterns.find(code);
  return t == m_patterns.end() ? k_none : t->second;
}

std::string Messages::text(const Lang& lang, std::string_view key, const MsgArgs& args) const
{
  std::string code = lang.code;
  const std::string* pattern = nullptr;
  for (const std::string& c : {lang.code, k_fallback}) {
    const auto& table = patterns(c);
    if (auto p = table.find(key); p != table.end()) {
      pattern = &p->second;
      code = c;
      break;
    }
  }
  if (pattern == nullptr) {
    return std::string(key);
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::MessageFormat format(icu::UnicodeString::fromUTF8(*pattern), icu::Locale(code.c_str()), status);
  if (U_FAILURE(status)) {
    return *pattern;
  }
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  names.reserve(args.size());
  values.reserve(args.size());
  for (const auto& a : args) {
    names.push_back(icu::UnicodeString::fromUTF8(a.name));
    switch (a.kind) {
    case MsgArg::Kind::message:
      values.emplace_back(icu::UnicodeString::fromUTF8(text(lang, *a.message)));
      break;
    case MsgArg::Kind::count:
      values.emplace_back(static_cast<int64_t>(a.count));
      break;
    case MsgArg::Kind::decimal:
      values.emplace_back(icu::UnicodeString::fromUTF8(format_decimal(lang, a.text)));
      break;
    case MsgArg::Kind::list:
      values.emplace_back(icu::UnicodeString::fromUTF8(format_list(lang, a.items)));
      break;
    case MsgArg::Kind::text:
      values.emplace_back(icu::UnicodeString::fromUTF8(a.text));
      break;
    }
  }
  icu::UnicodeString out;
  format.format(names.data(), values.data(), static_cast<int32_t>(args.size()), out, status);
  if (U_FAILURE(status)) {
    return *pattern;
  }
  return utf8(out);
}

std::set<std::string> message_arguments(const std::string& pattern)
{
  UErrorCode status = U_ZERO_ERROR;
  UParseError where{};
  icu::MessagePattern parsed(icu::UnicodeString::fromUTF8(pattern), &where, status);
  if (U_FAILURE(status)) {
    throw std::runtime_error("not a valid message pattern at offset " + std::to_string(where.offset) + ": " +
                             pattern);
  }
  std::set<std::string> out;
  for (int32_t i = 0; i < parsed.countParts(); ++i) {
    const auto& part = parsed.getPart(i);
    if (part.getType() == UMSGPAT_PART_TYPE_ARG_NAME) {
      out.insert(utf8(parsed.getSubstring(part)));
    } else if (part.getType() == UMSGPAT_PART_TYPE_ARG_NUMBER) {
      throw std::runtime_error("numbered argument in message pattern (name it): " + pattern);
    }
  }
  return out;
}

} // namespace ccn
