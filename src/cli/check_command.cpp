// `ccnscore check FILE...`: validate any mix of the four input formats.

#include "cli/commands.hpp"
#include "load/loaders.hpp"
#include "load/round_load.hpp"
#include "load/sheet_workbook_load.hpp"
#include "score/score.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <memory>

namespace ccn {

namespace {

struct CheckOptions
{
  std::vector<std::string> files;
  std::string criteria;
};

// Check one file; returns a short description when it is valid.
std::optional<std::string> check_file(const std::string& path, const Criteria* criteria, Diagnostics& diags)
{
  if (is_workbook_path(path)) {
    std::string sha256;
    const size_t errors_before = diags.error_count();
    auto s = load_sheet_workbook_file(path, sha256, diags);
    if (!s || diags.error_count() != errors_before) {
      return std::nullopt;
    }
    return fmt::format("sheet of member '{}' for round '{}' (shape only; check its round to check the scores)",
                       s->member, s->round);
  }
  auto doc = load_document(path, diags);
  if (!doc) {
    return std::nullopt;
  }
  std::string format = document_format(doc->root);
  if (format == k_format_round) {
    auto bundle = load_round(path, diags);
    if (!bundle || !score_round(*bundle, diags)) {
      return std::nullopt;
    }
    return fmt::format("round '{}': criteria '{}', {} dossiers, {} sheets", bundle->round.id, bundle->criteria.id,
                       bundle->dossiers.size(), bundle->sheets.size());
  }
  if (format == k_format_criteria) {
    auto c = load_criteria(*doc, diags);
    if (!c) {
      return std::nullopt;
    }
    return fmt::format("criteria '{}': {} groups, {} criteria, scale {}", c->id, c->groups.size(), c->criteria.size(),
                       number_text(c->scale()));
  }
  if (format == k_format_dossier) {
    auto d = load_dossier(*doc, criteria, diags);
    if (!d) {
      return std::nullopt;
    }
    return fmt::format("dossier of applicant '{}'{}", d->id,
                       criteria != nullptr ? fmt::format(", checked against criteria '{}'", criteria->id)
                                           : std::string(" (shape only; give --criteria to check its facts)"));
  }
  if (format == k_format_sheet) {
    auto s = load_sheet(*doc, diags);
    if (!s) {
      return std::nullopt;
    }
    return fmt::format("sheet of member '{}' for round '{}' (shape only; check its round to check the scores)",
                       s->member, s->round);
  }
  const YNode& root = doc->root;
  diags.error({path, root.line, root.col},
              fmt::format("expected 'format:' to be one of {}, {}, {} or {}, found {}", k_format_criteria,
                          k_format_round, k_format_dossier, k_format_sheet,
                          format.empty() ? std::string("no format") : "'" + format + "'"));
  return std::nullopt;
}

int run_check(const CheckOptions& opt, Console& console)
{
  Diagnostics diags;
  std::optional<Criteria> criteria;
  if (!opt.criteria.empty()) {
    criteria = load_criteria_file(opt.criteria, diags);
    if (!criteria) {
      return report(diags, console);
    }
  }
  size_t bad = 0;
  for (const auto& path : opt.files) {
    Diagnostics file_diags;
    auto ok = check_file(path, criteria ? &*criteria : nullptr, file_diags);
    diags.merge(file_diags);
    if (ok) {
      console.out << terminal_safe(fmt::format("{}: ok: {}", path, *ok)) << "\n";
    } else {
      ++bad;
    }
  }
  int rc = report(diags, console);
  if (bad == 0) {
    console.out << fmt::format("{} file{} checked: all valid\n", opt.files.size(), opt.files.size() == 1 ? "" : "s");
  } else {
    console.out << fmt::format("{} file{} checked: {} with errors, {} error{} in all\n", opt.files.size(),
                               opt.files.size() == 1 ? "" : "s", bad, diags.error_count(),
                               diags.error_count() == 1 ? "" : "s");
  }
  return rc;
}

} // namespace

CLI::App* add_check_command(CLI::App& app, Action& action)
{
  auto opt = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("check", "Validate criteria, round, dossier and sheet files");
  cmd->add_option("files", opt->files, "Files to check; a round also checks every file it names")->required();
  cmd->add_option("--criteria", opt->criteria, "Criteria file to check standalone dossiers against");
  cmd->callback([opt, &action] { action = [opt](Console& c) { return run_check(*opt, c); }; });
  return cmd;
}

} // namespace ccn
