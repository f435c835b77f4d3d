// `ccnscore check FILE...`: validate any mix of the four input formats.

#include "cli/commands.hpp"
#include "cli/usage_error.hpp"
#include "load/loaders.hpp"
#include "load/reader.hpp"
#include "load/round_load.hpp"
#include "load/sheet_workbook_load.hpp"
#include "render/locale.hpp"
#include "render/messages.hpp"
#include "score/score.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <functional>
#include <memory>

namespace ccn {

namespace {

struct CheckOptions
{
  std::vector<std::string> files;
  std::string criteria;
};

// A valid file's short description, put into words once the file is read:
// a round's criteria may choose the language that it is written in.
using Description = std::function<std::string(const Lang&)>;

// Check one file; returns a short description when it is valid, or an
// empty one for a dossier of sound shape whose `--criteria` have errors.
std::optional<Description> check_file(const std::string& path, const Criteria* criteria, bool criteria_failed,
                                      Diagnostics& diags)
{
  if (is_workbook_path(path)) {
    std::string sha256;
    const size_t errors_before = diags.error_count();
    auto s = load_sheet_workbook_file(path, sha256, diags);
    if (!s || diags.error_count() != errors_before) {
      return std::nullopt;
    }
    return [member = s->member, round = s->round](const Lang& lang) {
      return tr(lang, "check_ok_sheet", {{"member", member}, {"round", round}});
    };
  }
  auto doc = load_document(path, diags);
  if (!doc) {
    return std::nullopt;
  }
  std::string format = document_format(doc->root);
  if (format == k_format_round) {
    for (const auto& f : unlisted_inputs(path)) {
      diags.warning({path, 0, 0},
                    f.maybe ? "check_unlisted_workbook" : f.sheet ? "check_unlisted_sheet" : "check_unlisted_dossier",
                    {{"file", f.path}});
    }
    auto bundle = load_round(path, diags);
    if (!bundle) {
      return std::nullopt;
    }
    auto result = score_round(*bundle, diags);
    if (!result) {
      return std::nullopt;
    }
    // A member who handed in no sheet counts as absent (6.1): when the
    // meeting does not record the absence, a sheet may have been forgotten.
    if (const auto& council = bundle->round.council) {
      for (const auto& m : council->members) {
        const auto& sheets = bundle->sheets;
        const bool handed_in = std::any_of(sheets.begin(), sheets.end(), [&](const Sheet& s) { return s.member == m.id; });
        const auto* meeting = bundle->round.meeting ? &*bundle->round.meeting : nullptr;
        const bool recorded = meeting != nullptr && std::any_of(meeting->absent.begin(), meeting->absent.end(),
                                                                [&](const Absence& a) { return a.member == m.id; });
        if (!handed_in && !recorded) {
          diags.warning(m.pos, "check_member_without_sheet", {{"member", m.id}, {"name", m.name}});
        }
      }
    }
    // The round is valid, but cannot be decided without the chair (8.4):
    // check says so too, before the meeting's minutes are drawn up.
    if (!result->awaiting_proposal.empty()) {
      diags.warning({path, 0, 0}, "check_awaiting_proposal", {MsgArg::list("applicants", result->awaiting_proposal)});
    }
    return [round = bundle->round.id, criteria = bundle->criteria.id, dossiers = bundle->dossiers.size(),
            sheets = bundle->sheets.size()](const Lang& lang) {
      return tr(lang, "check_ok_round",
                {{"round", round}, {"criteria", criteria}, {"dossiers", dossiers}, {"sheets", sheets}});
    };
  }
  if (format == k_format_criteria) {
    auto c = load_criteria(*doc, diags);
    if (!c) {
      return std::nullopt;
    }
    return [criteria = c->id, groups = c->groups.size(), count = c->criteria.size(),
            scale = c->scale()](const Lang& lang) {
      return tr(lang, "check_ok_criteria", {{"criteria", criteria}, {"groups", groups}, {"count", count},
                                            {"scale", Locale(lang).number(scale)}});
    };
  }
  if (format == k_format_dossier) {
    auto d = load_dossier(*doc, criteria, diags);
    if (!d) {
      return std::nullopt;
    }
    if (criteria_failed) {
      return Description();
    }
    if (criteria != nullptr) {
      return [applicant = d->id, criteria = criteria->id](const Lang& lang) {
        return tr(lang, "check_ok_dossier_facts", {{"applicant", applicant}, {"criteria", criteria}});
      };
    }
    return [applicant = d->id](const Lang& lang) { return tr(lang, "check_ok_dossier_shape", {{"applicant", applicant}}); };
  }
  if (format == k_format_sheet) {
    auto s = load_sheet(*doc, diags);
    if (!s) {
      return std::nullopt;
    }
    return [member = s->member, round = s->round](const Lang& lang) {
      return tr(lang, "check_ok_sheet", {{"member", member}, {"round", round}});
    };
  }
  const YNode& root = doc->root;
  const MsgArgs format_args{
    {"criteria", k_format_criteria}, {"round", k_format_round}, {"dossier", k_format_dossier}, {"sheet", k_format_sheet}};
  // The error is at the value of 'format:' when there is one: that is
  // what to correct.
  const YNode* value = nullptr;
  if (root.kind == YNode::Kind::map) {
    for (const auto& [k, v] : root.entries) {
      if (k.kind == YNode::Kind::scalar && k.text == "format") {
        value = &v;
      }
    }
  }
  const SourcePos at = value != nullptr ? SourcePos{path, value->line, value->col} : SourcePos{path, root.line, root.col};
  MsgArgs with_found = format_args;
  if (value != nullptr && value->kind != YNode::Kind::scalar) {
    with_found.emplace_back("found", Reader::describe(*value));
    diags.error(at, "check_format_not_text", with_found);
  } else if (format.empty()) {
    diags.error(at, "check_no_format", format_args);
  } else {
    with_found.emplace_back("found", format);
    diags.error(at, "check_unknown_format", with_found);
  }
  return std::nullopt;
}

int run_check(const CheckOptions& opt, Console& console)
{
  Diagnostics diags;
  std::optional<Criteria> criteria;
  if (!opt.criteria.empty()) {
    criteria = load_criteria_file(opt.criteria, diags);
    if (criteria) {
      adopt_criteria_language(console, *criteria);
    }
  }
  // With criteria that have errors, the files are still checked (a dossier
  // for its shape), so that one run names every error; no dossier is called
  // valid then, as its facts could not be checked.
  const bool criteria_failed = !opt.criteria.empty() && !criteria;
  size_t bad = 0;
  for (const auto& path : opt.files) {
    Diagnostics file_diags;
    auto ok = check_file(path, criteria ? &*criteria : nullptr, criteria_failed, file_diags);
    diags.merge(file_diags);
    adopt_language_read(console, diags);
    if (ok && !*ok) {
      continue; // a dossier whose criteria have errors: not called valid
    }
    if (ok) {
      console.out << terminal_safe(tr(console.lang, "check_ok", {{"path", path}, {"what", (*ok)(console.lang)}})) << '\n';
    } else {
      ++bad;
    }
  }
  int rc = report(diags, console);
  // Criteria given with --criteria that have errors are a file with errors
  // too: else dossiers of sound shape would be summed up as "all valid".
  const size_t files = opt.files.size() + (criteria_failed ? 1 : 0);
  bad += criteria_failed ? 1 : 0;
  if (bad == 0) {
    console.out << tr(console.lang, "check_all_valid", {{"files", files}}) << '\n';
  } else {
    console.out << tr(console.lang, "check_some_invalid",
                      {{"files", files}, {"bad", bad}, {"errors", diags.error_count()}})
                << '\n';
  }
  return rc;
}

} // namespace

CLI::App* add_check_command(CLI::App& app, Action& action)
{
  auto opt = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("check");
  cmd->add_option("files", opt->files)->type_name("FILE")->required();
  cmd->add_option("--criteria", opt->criteria)->type_name("FILE")->check(k_path_value);
  cmd->callback([opt, &action] { action = [opt](Console& c) { return run_check(*opt, c); }; });
  return cmd;
}

} // namespace ccn
