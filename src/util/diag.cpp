#include "util/diag.hpp"

namespace ccn {

namespace {

// A message's key and arguments, nested messages included, as one text.
std::string message_identity(const std::string& key, const MsgArgs& args)
{
  std::string out = key;
  for (const auto& a : args) {
    out += '\0' + a.name + '\0' + a.text;
    for (const auto& item : a.items) {
      out += '\0' + item;
    }
    if (a.message) {
      out += '\0' + message_identity(a.message->key, a.message->args);
    }
  }
  return out;
}

// What makes two diagnostics the same: place, severity, key and arguments.
std::string identity(const Diagnostic& d)
{
  return d.pos.path + '\0' + std::to_string(d.pos.line) + '\0' + std::to_string(d.pos.col) + '\0' +
         std::to_string(static_cast<int>(d.severity)) + '\0' + message_identity(d.key, d.args) + '\0' + d.suggestion;
}

} // namespace

void Diagnostics::add(Diagnostic d)
{
  if (!m_seen.insert(identity(d)).second) {
    return;
  }
  if (d.severity == Severity::error) {
    ++m_errors;
  } else if (d.severity == Severity::io_error) {
    ++m_errors;
    ++m_io_errors;
  }
  m_items.push_back(std::move(d));
}

void Diagnostics::error(const SourcePos& pos, std::string key, MsgArgs args)
{
  add({pos, std::move(key), std::move(args), Severity::error, {}});
}

void Diagnostics::error(const SourcePos& pos, std::string key, MsgArgs args, std::optional<std::string> suggestion)
{
  add({pos, std::move(key), std::move(args), Severity::error, suggestion.value_or("")});
}

void Diagnostics::io_error(const std::string& path, std::string key, MsgArgs args)
{
  add({SourcePos{path, 0, 0}, std::move(key), std::move(args), Severity::io_error, {}});
}

void Diagnostics::name_place(size_t from, const SourcePos& where)
{
  for (size_t i = from; i < m_items.size(); ++i) {
    Diagnostic& d = m_items[i];
    if (d.severity == Severity::io_error && d.named_at.line == 0) {
      d.named_at = where;
    }
  }
}

void Diagnostics::warning(const SourcePos& pos, std::string key, MsgArgs args)
{
  add({pos, std::move(key), std::move(args), Severity::warning, {}});
}

void Diagnostics::merge(const Diagnostics& other)
{
  for (const auto& d : other.m_items) {
    add(d);
  }
  if (other.m_language) {
    note_language(*other.m_language);
  }
}

} // namespace ccn
