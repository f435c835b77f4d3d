#include "util/json_exact.hpp"

#include "util/json_writer.hpp"

#include "util/rational.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

namespace ccn {

namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

template <class J>
J make_exact(std::string_view text)
{
  return J::binary(std::vector<std::uint8_t>(text.begin(), text.end()), k_exact_number);
}

template <class J>
bool is_exact(const J& value)
{
  return value.is_binary() && value.get_binary().has_subtype() && value.get_binary().subtype() == k_exact_number;
}

// The shortest decimal text of a number read from JSON, or the text itself
// when it is beyond what ccnscore reads (longer than 40 characters, or an
// exponent beyond ±30); such a number then compares by its text.
std::string canonical(const std::string& text)
{
  NumberParse p = parse_decimal(text);
  if (p.kind != NumberParse::Kind::ok) {
    return text;
  }
  int decimals = 0;
  while (!is_integer(p.value * pow10(decimals))) {
    ++decimals;
  }
  return to_decimal_string(p.value, decimals, true);
}

void dump_to(const OrderedJson& value, size_t indent, std::string& out)
{
  if (is_exact(value)) {
    const auto& bytes = value.get_binary();
    out.append(bytes.begin(), bytes.end());
  } else if (value.is_object() && !value.empty()) {
    out += "{\n";
    bool first = true;
    for (auto it = value.begin(); it != value.end(); ++it) {
      out += first ? "" : ",\n";
      first = false;
      out.append(indent + 2, ' ');
      write_json_string(it.key(), out);
      out += ": ";
      dump_to(it.value(), indent + 2, out);
    }
    out += '\n';
    out.append(indent, ' ');
    out += '}';
  } else if (value.is_array() && !value.empty()) {
    out += "[\n";
    bool first = true;
    for (const auto& item : value) {
      out += first ? "" : ",\n";
      first = false;
      out.append(indent + 2, ' ');
      dump_to(item, indent + 2, out);
    }
    out += '\n';
    out.append(indent, ' ');
    out += ']';
  } else if (value.is_string()) {
    write_json_string(value.get_ref<const std::string&>(), out);
  } else if (value.is_boolean()) {
    out += value.get<bool>() ? "true" : "false";
  } else if (value.is_null()) {
    out += "null";
  } else if (value.is_number_integer()) {
    // Signed or unsigned, written as nlohmann writes it: the digits.
    out += value.is_number_unsigned() ? std::to_string(value.get<std::uint64_t>())
                                      : std::to_string(value.get<std::int64_t>());
  } else {
    out += value.dump();
  }
}

// Builds the tree as nlohmann's own parser would, but with exact numbers.
// The 1-based line and column, in characters, of byte `offset` of `text`.
std::pair<size_t, size_t> line_and_column(std::string_view text, size_t offset)
{
  size_t line = 1;
  size_t column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

class ExactSax
{
public:
  ExactSax(Json& root, size_t max_values) : m_root(root), m_max_values(max_values) {}

  bool null() { return put(nullptr); }
  bool boolean(bool v) { return put(v); }
  bool number_integer(Json::number_integer_t v) { return put(make_exact<Json>(std::to_string(v))); }
  bool number_unsigned(Json::number_unsigned_t v) { return put(make_exact<Json>(std::to_string(v))); }
  bool number_float(Json::number_float_t, const std::string& text) { return put(make_exact<Json>(canonical(text))); }
  bool string(std::string& v) { return put(std::move(v)); }
  bool binary(Json::binary_t& v) { return put(Json::binary(std::move(v))); }
  bool start_object(size_t) { return open(Json::object()); }
  bool key(std::string& k)
  {
    m_key = std::move(k);
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(size_t) { return open(Json::array()); }
  bool end_array() { return close(); }
  bool parse_error(size_t position, const std::string&, const Json::exception&)
  {
    m_error_at = position;
    return false;
  }

  // Where the syntax broke (the count of bytes read, the last one wrong), if it did.
  std::optional<size_t> error_at() const { return m_error_at; }
  bool too_deep() const { return m_too_deep; }
  bool too_many() const { return m_too_many; }

private:
  Json* place(Json v)
  {
    if (m_open.empty()) {
      m_root = std::move(v);
      return &m_root;
    }
    Json& parent = *m_open.back();
    if (parent.is_array()) {
      parent.push_back(std::move(v));
      return &parent.back();
    }
    Json& slot = parent[m_key];
    slot = std::move(v);
    return &slot;
  }
  bool put(Json v)
  {
    if (++m_values > m_max_values) {
      m_too_many = true;
      return false;
    }
    place(std::move(v));
    return true;
  }
  bool open(Json v)
  {
    if (m_open.size() >= k_max_json_depth) {
      m_too_deep = true;
      return false;
    }
    if (++m_values > m_max_values) {
      m_too_many = true;
      return false;
    }
    m_open.push_back(place(std::move(v)));
    return true;
  }
  bool close()
  {
    m_open.pop_back();
    return true;
  }

  Json& m_root;
  std::vector<Json*> m_open; // the containers being filled, innermost last
  std::string m_key;
  std::optional<size_t> m_error_at;
  bool m_too_deep = false;
  bool m_too_many = false;
  size_t m_values = 0;
  size_t m_max_values;
};

} // namespace

OrderedJson exact_number(std::string_view text)
{
  return make_exact<OrderedJson>(text);
}

std::string dump_exact(const OrderedJson& value)
{
  std::string out;
  dump_to(value, 0, out);
  return out;
}

Json parse_exact(std::string_view text, JsonProblem* problem, size_t max_values)
{
  Json root;
  ExactSax sax(root, max_values);
  if (!Json::sax_parse(text, &sax)) {
    if (problem != nullptr) {
      problem->too_deep = sax.too_deep();
      problem->too_many = sax.too_many();
      if (auto at = sax.error_at()) {
        // The last byte read is the one that broke the text.
        std::tie(problem->line, problem->column) = line_and_column(text, *at > 0 ? *at - 1 : 0);
      }
    }
    return Json(Json::value_t::discarded);
  }
  return root;
}

std::string exact_text(const Json& value)
{
  if (is_exact(value)) {
    const auto& bytes = value.get_binary();
    return {bytes.begin(), bytes.end()};
  }
  return value.is_string() ? value.get<std::string>() : value.dump();
}

} // namespace ccn
