#pragma once
// Typed reading of YAML nodes under the rules of formats-v1 section 1:
// strict keys, exact numbers, core-schema scalars, identifiers and dates.
// Every failed read records an error at the node and returns nothing.

#include "load/yaml_tree.hpp"
#include "model/timestamp.hpp"
#include "util/diag.hpp"
#include "util/rational.hpp"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ccn {

// The subject for `key`, a key of the file as the loaders name it: the
// message `load_key_<key>` ('_' for spaces) where the catalogue words it
// ("field name": "tên trường"), else `load_key`, shown as written.
Message key_subject(std::string_view key);

// The keys that `key_subject` finds a message of their own for.
const std::vector<std::string_view>& worded_keys();

// What a message is about: a key of the file as written ("title",
// "pass total"), or a message such as "field 'x'" (the key `load_field`
// with its argument).
struct Subject
{
  Message message;

  Subject(const char* key) : message(key_subject(key)) {} // NOLINT: a literal key of the file
  Subject(Message m) : message(std::move(m)) {}           // NOLINT: a message
};

// `of` followed by one of its keys: "field 'x' type".
inline Subject sub_key(const Subject& of, std::string key)
{
  return Message{"load_sub_key", {{"of", of.message}, {"key", std::move(key)}}};
}

// An argument `name` holding the number `value` as an exact decimal, which
// the message writes in the digits of its language ("0.01", "0,01").
MsgArg decimal_arg(std::string name, const Rational& value);

// Reads nodes of one file, recording errors against it.
class Reader
{
public:
  Reader(std::string path, Diagnostics& diags) : m_path(std::move(path)), m_diags(diags) {}

  const std::string& path() const { return m_path; }
  Diagnostics& diags() { return m_diags; }
  SourcePos pos(const YNode& node) const { return {m_path, node.line, node.col}; }
  void error(const YNode& node, std::string key, MsgArgs args, std::optional<std::string> suggestion = std::nullopt)
  {
    m_diags.error(pos(node), std::move(key), std::move(args), std::move(suggestion));
  }
  // An error "what: ..." at `node`: the message `key` with `args` and `what`.
  void error(const YNode& node, const Subject& what, std::string key, MsgArgs args,
             std::optional<std::string> suggestion = std::nullopt);

  // What a node is, for "found ..." in messages.
  static Message describe(const YNode& node);

  // Text (any non-empty scalar; plain numbers and truths are read as written).
  std::optional<std::string> text(const YNode& node, const Subject& what);
  std::optional<std::string> identifier(const YNode& node, const Subject& what);
  std::optional<std::string> field_identifier(const YNode& node, const Subject& what);
  std::optional<Rational> number(const YNode& node, const Subject& what);
  std::optional<Rational> integer(const YNode& node, const Subject& what);
  std::optional<bool> boolean(const YNode& node, const Subject& what);
  std::optional<Timestamp> date(const YNode& node, const Subject& what);
  // A date or an ISO 8601 date-time with an offset.
  std::optional<Timestamp> date_or_datetime(const YNode& node, const Subject& what);
  // A list of identifiers.
  std::optional<std::vector<std::string>> identifier_list(const YNode& node, const Subject& what);

  // Whether `node` is a placeholder left by a template (`___`, plain);
  // then an error asks for `expected` in its place.
  // (`expected` is a message such as "a number": `load_want_number`.)
  bool unfilled(const YNode& node, const Subject& what, const Message& expected);

  // Whether the value of an optional key is left empty (null); then an
  // error says to give a value or delete the line, as the templates do.
  bool left_empty(const YNode& node, const Subject& what);
  // How many placeholders this reader found.
  size_t unfilled_count() const { return m_unfilled; }

  bool is_map(const YNode& node, const Subject& what);
  bool is_seq(const YNode& node, const Subject& what);

private:
  std::string m_path;
  Diagnostics& m_diags;
  size_t m_unfilled = 0;
};

// A map whose keys are checked against the keys the format defines.
// Unknown keys (other than `x-...`) and repeated keys are errors.
class MapView
{
public:
  MapView(Reader& reader, const YNode& node, Subject what, std::initializer_list<std::string_view> allowed);
  // For maps whose keys are names chosen by the user (ids).
  MapView(Reader& reader, const YNode& node, Subject what);

  bool ok() const { return m_ok; }
  // The value at `key`, or null when absent.
  const YNode* get(std::string_view key) const;
  // The value at `key`; an error naming the key when absent.
  const YNode* require(std::string_view key) const;
  // Key-value pairs except `x-` keys and repeats.
  const std::vector<std::pair<const YNode*, const YNode*>>& entries() const { return m_entries; }
  const YNode& node() const { return *m_node; }

private:
  void collect(bool check_allowed, std::initializer_list<std::string_view> allowed);

  Reader& m_reader;
  const YNode* m_node;
  Subject m_what;
  bool m_ok = false;
  std::vector<std::pair<const YNode*, const YNode*>> m_entries;
};

// The two readings of a number that may have been written with a dot
// between thousands (`480.000`: "480000" and "480"), or nothing when `text`
// is not one dot followed by exactly three zeros (formats-v1 8.2).
std::optional<std::pair<std::string, std::string>> thousands_readings(std::string_view text);

// Whether a plain scalar is a YAML null (`~`, `null`, empty).
bool is_null_node(const YNode& node);

// Read the `format:` key of a document's root; empty when absent or wrong.
std::string document_format(const YNode& root);

} // namespace ccn
