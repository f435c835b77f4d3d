#include "render/messages.hpp"

#include "util/text.hpp"

#include <unicode/fmtable.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/unistr.h>
#include <fmt/format.h>
#include <yaml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <map>
#include <set>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
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

// The messages whose `reason` (`text` for file_reason_system) is the
// system's description of an error, never words of an input file: a
// chair's reason or an absence's that reads "Permission denied" is the
// council's and is written as it is.
bool says_system_reason(std::string_view key)
{
  static const std::set<std::string, std::less<>> keys = {
    "cannot_read", "cannot_read_folder", "cannot_write", "cannot_create_folder", "missing_library",
    "output_refused_dangling", "batch_previous_unreadable", "batch_cannot_write", "batch_cannot_create_in",
    "batch_cannot_replace", "batch_cannot_create", "lock_cannot_create", "lock_cannot_lock", "wb_not_zip",
    "wb_part_unreadable", "verify_missing", "file_reason_system"};
  return keys.find(key) != keys.end();
}

// Whether `a` is where such a message gives the system's reason.
bool is_reason_argument(const MsgArg& a)
{
  return a.kind == MsgArg::Kind::text && (a.name == "reason" || a.name == "text");
}

// The C library's description of the system errors a secretary meets (as
// std::strerror and std::error_code::message write them, in English), each
// to the catalogue key that says it in every language.
const std::map<std::string, std::string, std::less<>>& system_error_keys()
{
  static const std::map<std::string, std::string, std::less<>> keys = [] {
    const std::pair<int, const char*> known[] = {
      {ENOSPC, "enospc"}, {EACCES, "eacces"}, {EROFS, "erofs"}, {ENOENT, "enoent"}, {EISDIR, "eisdir"},
      {ENOTDIR, "enotdir"}, {EEXIST, "eexist"}, {EDQUOT, "edquot"}, {EIO, "eio"}, {EFBIG, "efbig"},
      {EMFILE, "emfile"}, {ENAMETOOLONG, "enametoolong"}, {ELOOP, "eloop"}, {EPERM, "eperm"}, {EBUSY, "ebusy"},
      {EXDEV, "exdev"}, {ENXIO, "enxio"}, {ETXTBSY, "etxtbsy"}};
    std::map<std::string, std::string, std::less<>> out;
    for (const auto& [number, name] : known) {
      out.emplace(std::strerror(number), std::string("system_error_") + name);
    }
    return out;
  }();
  return keys;
}

} // namespace

namespace {

bool is_name_char(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

template <class Value>
bool fill_into(std::string_view pattern, std::span<const MsgArg> args, const Value& value,
               const std::string* count_code, const std::string* number_sign, std::string& out);

// The plural argument `{name, plural, ...}` of `count`, read from `at`
// (the comma after the name) to its closing brace, which `end` is set to:
// the message its count selects, filled into `out`. Only the plain form
// ICU reads the same way: the selectors `=N` and keywords, spaces between
// them, no offset; and a language whose plural rules and digits are known
// here. False otherwise.
template <class Value>
bool fill_plural(std::string_view pattern, size_t at, const MsgArg& count, std::span<const MsgArg> args,
                 const Value& value, const std::string* count_code, std::string& out, size_t& end)
{
  if (count.kind != MsgArg::Kind::count || count_code == nullptr) {
    return false;
  }
  const auto keyword = plain_plural_keyword(*count_code, count.count);
  const auto number = plain_count(*count_code, count.count);
  if (!keyword || !number) {
    return false;
  }
  size_t p = at;
  auto skip_spaces = [&] {
    while (p < pattern.size() && pattern[p] == ' ') {
      ++p;
    }
  };
  auto take = [&](std::string_view word) {
    skip_spaces();
    if (pattern.substr(p, word.size()) != word) {
      return false;
    }
    p += word.size();
    return true;
  };
  if (!take(",") || !take("plural") || !take(",")) {
    return false;
  }
  // ICU takes the first `=N` equal to the count, else the first keyword
  // the language's rules give it, else `other`.
  std::optional<std::string_view> exact, by_keyword, other;
  std::vector<std::string_view> messages;
  // ICU compares `=N` with the count as a double, exact up to 2^53.
  if (count.count > (std::int64_t{1} << 53) || count.count < -(std::int64_t{1} << 53)) {
    return false;
  }
  const std::string exact_selector = "=" + std::to_string(count.count);
  while (true) {
    skip_spaces();
    if (p == pattern.size()) {
      return false;
    }
    if (pattern[p] == '}') {
      break;
    }
    const size_t selector_start = p;
    if (pattern[p] == '=') {
      ++p;
      while (p < pattern.size() && pattern[p] >= '0' && pattern[p] <= '9') {
        ++p;
      }
    } else {
      while (p < pattern.size() && pattern[p] >= 'a' && pattern[p] <= 'z') {
        ++p;
      }
    }
    const std::string_view selector = pattern.substr(selector_start, p - selector_start);
    skip_spaces();
    if (selector.empty() || selector == "=" || (selector.size() > 2 && selector.substr(0, 2) == "=0")
        || p == pattern.size() || pattern[p] != '{') {
      return false; // `offset:`, another space, `=01` (ICU reads the number), an unknown form
    }
    // The message, to its matching brace.
    size_t depth = 1;
    const size_t message_start = ++p;
    for (; p < pattern.size() && depth > 0; ++p) {
      if (pattern[p] == '\'') {
        return false; // a quote may hide a brace from the count of them
      }
      depth += pattern[p] == '{' ? 1 : pattern[p] == '}' ? -1 : 0;
    }
    if (depth != 0) {
      return false;
    }
    const std::string_view message = pattern.substr(message_start, p - 1 - message_start);
    messages.push_back(message);
    if (selector == exact_selector && !exact) {
      exact = message;
    } else if (selector == *keyword && !by_keyword) {
      by_keyword = message;
    }
    if (selector == "other" && !other) {
      other = message;
    }
  }
  if (!other) {
    return false; // ICU requires it
  }
  // The messages not selected must be in the plain form too: ICU refuses
  // the whole pattern for an error in any of them.
  const std::string_view chosen = exact ? *exact : by_keyword ? *by_keyword : *other;
  std::string unused;
  for (std::string_view message : messages) {
    if (message.data() != chosen.data() && !fill_into(message, args, value, count_code, &*number, unused)) {
      return false;
    }
  }
  end = p;
  return fill_into(chosen, args, value, count_code, &*number, out);
}

// `fill_simple_pattern` into `out`, its `value` called without a
// std::function, and the pattern read in one pass, a character at a time;
// `number_sign`, inside a plural's message, is what its `#` stands for.
template <class Value>
bool fill_into(std::string_view pattern, std::span<const MsgArg> args, const Value& value,
               const std::string* count_code, const std::string* number_sign, std::string& out)
{
  size_t literal = 0; // start of the text not yet copied
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    // What ICU would read differently: quoting, and anything but {name}
    // and a plain plural.
    if (c == '\'' || c == '}') {
      return false;
    }
    if (c == '#' && number_sign != nullptr) {
      out.append(pattern.substr(literal, i - literal));
      out += *number_sign;
      literal = i + 1;
      continue;
    }
    if (c != '{') {
      continue;
    }
    size_t close = i + 1;
    while (close < pattern.size() && is_name_char(pattern[close])) {
      ++close;
    }
    if (close == i + 1 || close == pattern.size() || (pattern[close] != '}' && pattern[close] != ',')) {
      return false;
    }
    const std::string_view name = pattern.substr(i + 1, close - i - 1);
    const auto arg = std::find_if(args.begin(), args.end(), [&](const MsgArg& a) { return a.name == name; });
    if (arg == args.end()) {
      return false;
    }
    out.append(pattern.substr(literal, i - literal));
    if (pattern[close] == ',') {
      if (!fill_plural(pattern, close, *arg, args, value, count_code, out, close)) {
        return false;
      }
    } else if (arg->kind == MsgArg::Kind::count) {
      // ICU writes counts in the language's digits, known here for some.
      auto count = count_code != nullptr ? plain_count(*count_code, arg->count) : std::nullopt;
      if (!count) {
        return false;
      }
      out += *count;
    } else if (arg->kind == MsgArg::Kind::text) {
      // ICU mends text that is not UTF-8.
      if (find_invalid_utf8(arg->text)) {
        return false;
      }
      out += arg->text;
    } else {
      std::string text = value(*arg);
      if (find_invalid_utf8(text)) {
        return false;
      }
      out += text;
    }
    i = close;
    literal = close + 1;
  }
  out.append(pattern.substr(literal));
  return true;
}

template <class Value>
std::optional<std::string> fill_simple(std::string_view pattern, std::span<const MsgArg> args, const Value& value,
                                       const std::string* count_code)
{
  std::string out;
  out.reserve(pattern.size() + 32);
  if (!fill_into(pattern, args, value, count_code, nullptr, out)) {
    return std::nullopt;
  }
  return out;
}

} // namespace

const Messages& Messages::built_in()
{
  static const Messages k_messages(embedded_catalogues(), false);
  return k_messages;
}

Messages::Messages(const std::vector<EmbeddedCatalogue>& sources) : Messages(sources, true) {}

Messages::Messages(const std::vector<EmbeddedCatalogue>& sources, bool now)
{
  for (const auto& src : sources) {
    auto& catalogue = m_catalogues[std::string(src.code)];
    catalogue.code = src.code;
    catalogue.yaml = src.yaml;
    catalogue.built = src.entries;
    catalogue.built_slots = src.slots;
  }
  if (now) {
    for (const auto& [code, catalogue] : m_catalogues) {
      parse(catalogue);
    }
  }
}

namespace {

// Reads a catalogue, a map of keys to texts, from libyaml's parser events
// straight into the table: no node tree is built for it.
void read_catalogue(const std::string& code, std::string_view yaml, std::map<std::string, std::string, std::less<>>& table)
{
  auto fail = [&](const std::string& why) { throw std::runtime_error("message catalogue " + code + ": " + why); };
  const std::string not_map = "not a map of keys to texts";
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  std::unique_ptr<yaml_parser_t, void (*)(yaml_parser_t*)> owner(&parser, yaml_parser_delete);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(yaml.data()), yaml.size());
  yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
  int depth = 0;
  bool had_map = false;
  std::optional<std::string> key;
  auto not_text = [&] { fail(depth == 0 ? not_map : "key " + key.value_or("(a key)") + " is not a text"); };
  for (bool end = false; !end;) {
    yaml_event_t event;
    if (yaml_parser_parse(&parser, &event) == 0) {
      fail(fmt::format("line {}, column {}: {}", parser.problem_mark.line + 1, parser.problem_mark.column + 1,
                       parser.problem != nullptr ? parser.problem : "not YAML"));
    }
    std::unique_ptr<yaml_event_t, void (*)(yaml_event_t*)> held(&event, yaml_event_delete);
    switch (event.type) {
    case YAML_STREAM_END_EVENT:
      end = true;
      break;
    case YAML_DOCUMENT_START_EVENT:
      if (had_map) {
        end = true; // only the first document is read
      }
      break;
    case YAML_ALIAS_EVENT:
      not_text();
      break;
    case YAML_SCALAR_EVENT: {
      std::string text(reinterpret_cast<const char*>(event.data.scalar.value), event.data.scalar.length);
      const bool plain = event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
      if (plain && is_yaml_null(text)) {
        not_text();
      }
      if (depth != 1) {
        fail(not_map);
      }
      if (key) {
        table[*key] = std::move(text);
        key.reset();
      } else {
        key = std::move(text);
      }
      break;
    }
    case YAML_SEQUENCE_START_EVENT:
      depth == 0 ? fail(not_map) : not_text();
      break;
    case YAML_MAPPING_START_EVENT:
      if (depth++ != 0) {
        not_text();
      }
      had_map = true;
      break;
    case YAML_MAPPING_END_EVENT:
      --depth;
      break;
    case YAML_NO_EVENT:
    case YAML_STREAM_START_EVENT:
    case YAML_DOCUMENT_END_EVENT:
    case YAML_SEQUENCE_END_EVENT:
      break;
    }
  }
  if (!had_map || depth != 0 || key) {
    fail(not_map);
  }
}

} // namespace

void Messages::parse(const Catalogue& catalogue) const
{
  if (catalogue.is_built()) {
    return;
  }
  std::call_once(catalogue.parsed, [&] {
    // The patterns stay where they are written: no copy of them, and no
    // tree of their keys.
    catalogue.index.reserve(static_cast<size_t>(std::count(catalogue.yaml.begin(), catalogue.yaml.end(), '\n')));
    const bool plain = scan_plain_catalogue(catalogue.yaml, catalogue.unescaped,
                                            [&](std::string_view key, std::string_view value) {
                                              catalogue.index.insert_or_assign(key, value);
                                            });
    if (!plain) {
      catalogue.index.clear();
      catalogue.unescaped.clear();
      std::call_once(catalogue.sorted_once, [&] { read_catalogue(catalogue.code, catalogue.yaml, catalogue.sorted); });
      for (const auto& [key, text] : catalogue.sorted) {
        catalogue.index.emplace(key, text); // a map's nodes stay where they are
      }
    }
  });
}

const Messages::Table& Messages::table(const Catalogue& catalogue) const
{
  parse(catalogue);
  std::call_once(catalogue.sorted_once, [&] {
    for (const auto& [key, text] : catalogue.built) {
      catalogue.sorted.emplace_hint(catalogue.sorted.end(), key, text);
    }
    for (const auto& [key, text] : catalogue.index) {
      catalogue.sorted.emplace(key, text);
    }
  });
  return catalogue.sorted;
}

bool Messages::has(const Lang& lang, std::string_view key) const
{
  return pattern(lang.code, key) != nullptr;
}

std::vector<std::string> Messages::languages() const
{
  std::vector<std::string> out;
  for (const auto& [code, catalogue] : m_catalogues) {
    out.push_back(code);
  }
  return out;
}

const std::map<std::string, std::string, std::less<>>& Messages::patterns(const std::string& code) const
{
  static const Table k_none;
  auto c = m_catalogues.find(code);
  return c == m_catalogues.end() ? k_none : table(c->second);
}

const std::string_view* Messages::pattern(const std::string& code, std::string_view key) const
{
  auto c = m_catalogues.find(code);
  if (c == m_catalogues.end()) {
    return nullptr;
  }
  const Catalogue& catalogue = c->second;
  if (catalogue.is_built()) {
    // A binary search in `built` compares some ten keys: twice the time
    // of a hash and a key or two.
    const size_t mask = catalogue.built_slots.size() - 1;
    for (size_t i = catalogue_key_hash(key) & mask; catalogue.built_slots[i] != 0; i = (i + 1) & mask) {
      const CatalogueEntry& entry = catalogue.built[catalogue.built_slots[i] - 1U];
      if (entry.key == key) {
        return &entry.pattern;
      }
    }
    return nullptr;
  }
  parse(catalogue);
  auto p = catalogue.index.find(key);
  return p == catalogue.index.end() ? nullptr : &p->second;
}

std::string Messages::text_of(const Lang& lang, std::string_view key, std::span<const MsgArg> args) const
{
  // The system's reason in the words of `lang`, where the catalogue has
  // them (the arguments first: most messages have no reason to look up).
  if (std::any_of(args.begin(), args.end(), is_reason_argument) && says_system_reason(key)) {
    std::vector<MsgArg> worded(args.begin(), args.end());
    bool changed = false;
    for (MsgArg& a : worded) {
      if (!is_reason_argument(a)) {
        continue;
      }
      auto known = system_error_keys().find(a.text);
      if (known != system_error_keys().end()) {
        std::string words = text_of(lang, known->second, {});
        changed = changed || words != a.text;
        a.text = std::move(words);
      }
    }
    if (changed) {
      return text_of(lang, key, worded); // the words are no system error's English: no second change
    }
  }
  // Found in the language, else in English; no copy of either code.
  auto find = [&](const std::string& code) { return this->pattern(code, key); };
  const std::string_view* pattern = find(lang.code);
  const std::string* code = &lang.code;
  if (pattern == nullptr && lang.code != k_fallback) {
    pattern = find(k_fallback);
    code = &k_fallback;
  }
  if (pattern == nullptr) {
    return std::string(key);
  }
  if (auto simple = fill_simple(*pattern, args, [&](const MsgArg& a) { return arg_text(lang, a); }, code)) {
    return std::move(*simple);
  }
  // Reading a pattern costs more than writing it: each is read once per
  // language and thread (ICU's formats are not to be shared by threads).
  thread_local std::map<std::string, std::map<std::string, std::unique_ptr<icu::MessageFormat>, std::less<>>,
                        std::less<>>
    kept_formats;
  auto& formats = kept_formats[*code];
  UErrorCode status = U_ZERO_ERROR;
  auto kept = formats.find(*pattern);
  if (kept == formats.end()) {
    auto made = std::make_unique<icu::MessageFormat>(icu::UnicodeString::fromUTF8(*pattern),
                                                     icu::Locale(code->c_str()), status);
    if (U_FAILURE(status)) {
      return std::string(*pattern);
    }
    kept = formats.emplace(std::string(*pattern), std::move(made)).first;
  }
  const icu::MessageFormat& format = *kept->second;
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
    formats.erase(kept); // as a number formatter, it may not recover
    return std::string(*pattern);
  }
  return utf8(out);
}

std::string Messages::arg_text(const Lang& lang, const MsgArg& a) const
{
  switch (a.kind) {
  case MsgArg::Kind::message:
    return text(lang, *a.message);
  case MsgArg::Kind::decimal:
    return format_decimal(lang, a.text);
  case MsgArg::Kind::list:
    return format_list(lang, a.items);
  case MsgArg::Kind::count:
  case MsgArg::Kind::text:
    break;
  }
  return a.text;
}

std::optional<std::string> fill_simple_pattern(std::string_view pattern, std::span<const MsgArg> args,
                                               const std::function<std::string(const MsgArg&)>& value,
                                               const std::string* count_code)
{
  return fill_simple(pattern, args, value, count_code);
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
