#include "render/diagnostic_text.hpp"

#include "render/messages.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace ccn {

std::string format_diagnostic(const Diagnostic& d, const Lang& lang)
{
  std::string label = tr(lang, d.severity == Severity::warning ? "severity_warning" : "severity_error");
  std::string message = tr(lang, d.key, d.args);
  if (!d.suggestion.empty()) {
    message += tr(lang, "did_you_mean", {{"name", d.suggestion}});
  }
  if (d.named_at.line > 0) {
    message += tr(lang, "named_at",
                  {{"place", fmt::format("{}:{}:{}", d.named_at.path, d.named_at.line, d.named_at.col)}});
  }
  if (d.pos.line > 0) {
    return fmt::format("{}:{}:{}: {}: {}", d.pos.path, d.pos.line, d.pos.col, label, message);
  }
  return fmt::format("{}: {}: {}", d.pos.path, label, message);
}

void print_diagnostics(const Diagnostics& diags, std::ostream& out, const Lang& lang)
{
  for (const auto& d : diags.items()) {
    out << terminal_safe(format_diagnostic(d, lang)) << '\n';
  }
}

std::string format_program_error(const std::string& who, const Lang& lang, std::string_view key, const MsgArgs& args)
{
  return fmt::format("{}: {}: {}", who, tr(lang, "severity_error"), tr(lang, key, args));
}

} // namespace ccn
