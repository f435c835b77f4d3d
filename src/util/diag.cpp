#include "util/diag.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

namespace ccn {

void Diagnostics::add(Diagnostic d)
{
  std::string key = format_diagnostic(d);
  if (!m_seen.insert(key).second) {
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

void Diagnostics::error(const SourcePos& pos, std::string message)
{
  add({pos, std::move(message), Severity::error});
}

void Diagnostics::io_error(const std::string& path, std::string message)
{
  add({SourcePos{path, 0, 0}, std::move(message), Severity::io_error});
}

void Diagnostics::warning(const SourcePos& pos, std::string message)
{
  add({pos, std::move(message), Severity::warning});
}

void Diagnostics::merge(const Diagnostics& other)
{
  for (const auto& d : other.m_items) {
    add(d);
  }
}

std::string format_diagnostic(const Diagnostic& d)
{
  const char* label = d.severity == Severity::warning ? "warning" : "error";
  if (d.pos.line > 0) {
    return fmt::format("{}:{}:{}: {}: {}", d.pos.path, d.pos.line, d.pos.col, label, d.message);
  }
  return fmt::format("{}: {}: {}", d.pos.path, label, d.message);
}

void print_diagnostics(const Diagnostics& diags, std::ostream& out)
{
  for (const auto& d : diags.items()) {
    out << terminal_safe(format_diagnostic(d)) << '\n';
  }
}

} // namespace ccn
