#include "load/round_load.hpp"

#include "load/loaders.hpp"
#include "load/reader.hpp"
#include "load/sheet_workbook_load.hpp"
#include "load/yaml_tree.hpp"
#include "model/sheet_workbook.hpp"
#include "util/file.hpp"
#include "util/shared_library.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace ccn {

namespace {

// Check a sheet against its round: member, applicants, criteria, ranges.
void check_sheet(const Sheet& s, const RoundBundle& b, const std::map<std::string, const Dossier*>& applicants,
                 bool all_applicants_known, const std::map<std::string, const Criterion*>& criteria, Diagnostics& diags)
{
  // An empty round or member is one that could not be read, already an
  // error of its own (an identifier is never empty).
  if (!s.round.empty() && s.round != b.round.id) {
    diags.error(s.round_pos, "sheet_other_round", {{"sheet_round", s.round}, {"round", b.round.id}});
  }
  std::vector<std::string> applicant_ids;
  for (const auto& [id, d] : applicants) {
    applicant_ids.push_back(id);
  }
  std::vector<std::string> criterion_ids;
  for (const auto& [id, cr] : criteria) {
    if (cr->kind == ScoringKind::judged) {
      criterion_ids.push_back(id);
    }
  }
  const auto& members = b.round.council->members;
  if (!s.member.empty() && std::none_of(members.begin(), members.end(), [&](const Member& m) { return m.id == s.member; })) {
    std::vector<std::string> names;
    for (const auto& m : members) {
      names.push_back(m.id);
    }
    diags.error(s.member_pos, "sheet_not_member", {{"member", s.member}, {"round", b.round.id}},
                nearest_name(s.member, names));
  }
  for (const auto& [app, pos] : s.recused) {
    if (applicants.count(app) == 0 && all_applicants_known) {
      diags.error(pos, "sheet_recused_unknown", {{"applicant", app}}, nearest_name(app, applicant_ids));
    }
  }
  for (const auto& [app, scores] : s.scores) {
    // The applicant is checked once, at its first score.
    if (scores.empty()) {
      continue;
    }
    if (applicants.count(app) == 0) {
      if (all_applicants_known) {
        diags.error(s.score_keys.of(app, s.at(scores.begin()->second)), "sheet_scores_unknown_applicant",
                    {{"applicant", app}}, nearest_name(app, applicant_ids));
      }
      continue;
    }
    if (s.recused.count(app) != 0) {
      diags.error(s.score_keys.of(app, s.at(scores.begin()->second)), "sheet_scores_recused",
                  {{"member", s.member}, {"applicant", app}});
      continue;
    }
    for (const auto& [crit, score] : scores) {
      auto found = criteria.find(crit);
      const Criterion* cr = found == criteria.end() ? nullptr : found->second;
      if (cr == nullptr) {
        diags.error(s.score_keys.of(app, crit, s.at(score)), "sheet_scores_unknown_criterion",
                    {{"applicant", app}, {"criterion", crit}},
                    nearest_name(crit, criterion_ids));
        continue;
      }
      if (cr->kind != ScoringKind::judged) {
        diags.error(s.score_keys.of(app, crit, s.at(score)), "sheet_scores_not_judged", {{"applicant", app}, {"criterion", crit}});
        continue;
      }
      if (score.points < 0 || score.points > cr->max) {
        diags.error(s.at(score), "sheet_score_range",
                    {{"applicant", app}, {"criterion", crit}, decimal_arg("max", cr->max), decimal_arg("points", score.points)});
      } else if (cr->step) {
        Rational q = score.points / *cr->step;
        if (!is_integer(q)) {
          diags.error(s.at(score), "sheet_score_step",
                      {{"applicant", app}, {"criterion", crit}, decimal_arg("step", *cr->step),
                       decimal_arg("points", score.points)});
        }
      }
    }
  }
  for (const auto& [app, comments] : s.comments) {
    if (comments.empty()) {
      continue;
    }
    if (applicants.count(app) == 0) {
      if (all_applicants_known) {
        diags.error(s.comment_keys.of(app, comments.begin()->second.pos), "sheet_comments_unknown_applicant",
                    {{"applicant", app}}, nearest_name(app, applicant_ids));
      }
      continue;
    }
    for (const auto& [crit, comment] : comments) {
      auto found = criteria.find(crit);
      if (found == criteria.end() || found->second->kind != ScoringKind::judged) {
        diags.error(s.comment_keys.of(app, crit, comment.pos), "sheet_comments_not_judged", {{"applicant", app}, {"criterion", crit}});
      }
    }
  }
}

// The file that `ref` names, read; when it cannot be read, the message
// also says where the round file named it: that line is the one to correct.
std::optional<Document> load_named(const FileRef& ref, Diagnostics& diags)
{
  const size_t before = diags.items().size();
  auto doc = load_document(ref.resolved, diags);
  diags.name_place(before, ref.pos);
  return doc;
}

// The files that the entries of `dossiers:` or `sheets:` stand for: a folder
// entry (8.5) becomes every regular `*.yaml` file directly in it that does
// not start with '.', in byte order of the names. An empty folder is an
// error, unless `empty_ok` (a round's sheet folder before `sheet` fills it).
std::vector<FileRef> expand_folders(const std::vector<FileRef>& refs, std::string_view what, Diagnostics& diags,
                                    bool empty_ok = false)
{
  namespace fs = std::filesystem;
  std::vector<FileRef> out;
  for (const auto& ref : refs) {
    if (!ref.folder) {
      out.push_back(ref);
      continue;
    }
    std::error_code ec;
    fs::directory_iterator it(fs::path(ref.resolved), ec);
    if (ec) {
      const size_t before = diags.items().size();
      diags.io_error(ref.resolved, "cannot_read_folder", {{"reason", error_code_reason(ec)}});
      diags.name_place(before, ref.pos);
      continue;
    }
    std::vector<std::string> names;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      std::string name = it->path().filename().string();
      bool yaml = name.size() > 5 && name.compare(name.size() - 5, 5, ".yaml") == 0;
      std::error_code type_ec;
      if (yaml && name[0] != '.' && it->is_regular_file(type_ec)) {
        names.push_back(name);
      }
    }
    if (ec) {
      const size_t before = diags.items().size();
      diags.io_error(ref.resolved, "cannot_read_folder", {{"reason", error_code_reason(ec)}});
      diags.name_place(before, ref.pos);
      continue;
    }
    if (names.empty() && !empty_ok) {
      diags.error(ref.pos, "round_folder_no_yaml", {{"what", what}, {"folder", ref.as_written}});
      continue;
    }
    std::sort(names.begin(), names.end()); // std::string orders by unsigned bytes
    for (const auto& name : names) {
      out.push_back({ref.as_written + name, (fs::path(ref.resolved) / name).string(), ref.pos, false});
    }
  }
  return out;
}

// A `chair_proposal` under criteria that do not end with `proposal: chair`
// (8.4): needs only the round file and the criteria.
void check_chair_proposal_rule(const Round& round, const Criteria& criteria, Diagnostics& diags)
{
  if (round.chair_proposal && !criteria.ends_with_chair_proposal()) {
    diags.error(round.chair_proposal->pos, "round_chair_proposal_no_rule", {{"criteria", criteria.id}});
  }
}

// The checks of `chair_proposal` that need only the files (8.4); those
// that need the ranking are made when the round is scored.
void check_chair_proposal(const RoundBundle& b, bool all_dossiers_read, Diagnostics& diags)
{
  const auto& cp = b.round.chair_proposal;
  if (!cp) {
    return;
  }
  check_chair_proposal_rule(b.round, b.criteria, diags);
  if (all_dossiers_read
      && std::none_of(b.dossiers.begin(), b.dossiers.end(), [&](const Dossier& d) { return d.id == cp->selects; })) {
    std::vector<std::string> ids;
    for (const auto& d : b.dossiers) {
      ids.push_back(d.id);
    }
    std::optional<std::string> near = nearest_name(cp->selects, ids);
    diags.error(cp->pos, "round_chair_proposal_not_applicant",
                {{"selects", cp->selects}, {"round", b.round.id}, MsgArg::list("applicants", std::move(ids))},
                std::move(near));
  }
}

// A member recorded as absent from the meeting cannot have handed in a sheet (8.7).
void check_absences(const RoundBundle& b, Diagnostics& diags)
{
  if (!b.round.meeting) {
    return;
  }
  for (const auto& a : b.round.meeting->absent) {
    auto s = std::find_if(b.sheets.begin(), b.sheets.end(), [&](const Sheet& x) { return x.member == a.member; });
    if (s != b.sheets.end()) {
      diags.error(a.pos, "round_absent_handed_sheet", {{"member", a.member}, {"sheet", s->path}});
    }
  }
}

// A round held before its criteria take effect (`effective`, a day at
// 00:00 +07:00) was likely given the wrong criteria, or the wrong date:
// a warning at the criteria's entry. The round's day is its `date`, else
// the meeting's start.
void check_effective(const RoundBundle& b, Diagnostics& diags)
{
  const auto& effective = b.criteria.effective;
  const std::optional<Timestamp>& held =
    b.round.date ? b.round.date : b.round.meeting ? b.round.meeting->start : std::nullopt;
  if (effective && held && *held < *effective) {
    diags.warning(b.round.criteria.pos, "round_before_criteria_effective",
                  {{"criteria", b.criteria.id}, {"effective", effective->text}, {"date", held->text}});
  }
}

// The applicant id that an invalid dossier still declares, if any: the
// sheets may name it without a second error (one mistake, one message).
std::optional<std::string> declared_id(const Document& doc)
{
  auto entry = [](const YNode& map, std::string_view name) -> const YNode* {
    if (map.kind != YNode::Kind::map) {
      return nullptr;
    }
    for (const auto& [key, value] : map.entries) {
      if (key.kind == YNode::Kind::scalar && key.text == name) {
        return &value;
      }
    }
    return nullptr;
  };
  const YNode* applicant = entry(doc.root, "applicant");
  const YNode* id = applicant != nullptr ? entry(*applicant, "id") : nullptr;
  if (id != nullptr && id->kind == YNode::Kind::scalar && is_identifier(id->text)) {
    return id->text;
  }
  return std::nullopt;
}

// Reads the dossiers into `b.dossiers`. The ids of the invalid ones go to
// `invalid_ids`; `all_known` turns false when a dossier gives no id at all
// (a file that cannot be read or parsed), so that no sheet's applicant can
// be called unknown for sure.
void load_dossiers(RoundBundle& b, const std::vector<FileRef>& refs, Diagnostics& diags,
                   std::vector<std::string>* invalid_ids = nullptr, bool* all_known = nullptr)
{
  std::map<std::string, const FileRef*> seen;
  for (const auto& ref : refs) {
    auto doc = load_named(ref, diags);
    if (!doc) {
      if (all_known != nullptr) {
        *all_known = false;
      }
      continue;
    }
    b.inputs.push_back({"dossier", ref.as_written, ref.resolved, doc->sha256});
    auto d = load_dossier(*doc, &b.criteria, diags);
    if (!d) {
      auto id = declared_id(*doc);
      if (id && invalid_ids != nullptr) {
        invalid_ids->push_back(*id);
      } else if (!id && all_known != nullptr) {
        *all_known = false;
      }
      continue;
    }
    auto [it, fresh] = seen.emplace(d->id, &ref);
    if (!fresh) {
      if (it->second->pos.line > 0) {
        diags.error(ref.pos, "round_applicant_twice_at",
                    {{"file", ref.as_written}, {"applicant", d->id}, {"other", it->second->as_written},
                     {"line", std::to_string(it->second->pos.line)}});
      } else {
        diags.error(ref.pos, "round_applicant_twice",
                    {{"file", ref.as_written}, {"applicant", d->id}, {"other", it->second->as_written}});
      }
      continue;
    }
    b.dossiers.push_back(std::move(*d));
  }
}

// The sheet that `ref` names, listed in the inputs once its bytes are read;
// with `complete`, as `load_sheet` gives it with `complete`.
std::optional<Sheet> load_sheet_ref(RoundBundle& b, const FileRef& ref, Diagnostics& diags, bool* complete = nullptr)
{
  auto doc = load_named(ref, diags);
  if (!doc) {
    return std::nullopt;
  }
  b.inputs.push_back({"sheet", ref.as_written, ref.resolved, doc->sha256});
  return load_sheet(*doc, diags, complete);
}

// The same for a sheet in a workbook (formats-v1 8.8).
std::optional<Sheet> load_workbook_ref(RoundBundle& b, const FileRef& ref, Diagnostics& diags)
{
  std::string sha256;
  const size_t before = diags.items().size();
  auto s = load_sheet_workbook_file(ref.resolved, sha256, diags);
  diags.name_place(before, ref.pos);
  if (!sha256.empty()) {
    b.inputs.push_back({"sheet", ref.as_written, ref.resolved, sha256});
  }
  return s;
}

// When the round file or its criteria have errors, the round cannot be put
// together; its dossiers (against `criteria` when it loaded) and its sheets
// (for their shape) are still read, so that one run reports every error of
// every file (formats-v1 section 1), not the first file's only.
// The checks between the round file and the others that need no complete
// round (the proposal rule, a member absent with a sheet) are made too.
void check_files_alone(RoundBundle& b, const Criteria* criteria, SheetsNeeded sheets_needed, Diagnostics& diags)
{
  for (const auto& ref : expand_folders(b.round.dossiers, "dossiers", diags)) {
    if (auto doc = load_named(ref, diags)) {
      load_dossier(*doc, criteria, diags);
    }
  }
  for (const auto& ref : expand_folders(b.round.sheets, "sheets", diags, sheets_needed == SheetsNeeded::not_yet)) {
    auto s = is_workbook_path(ref.resolved) ? load_workbook_ref(b, ref, diags) : load_sheet_ref(b, ref, diags);
    if (s) {
      b.sheets.push_back(std::move(*s));
    }
  }
  if (criteria != nullptr) {
    check_chair_proposal_rule(b.round, *criteria, diags);
  }
  check_absences(b, diags);
}

} // namespace

std::optional<Criteria> load_criteria_file(const std::string& path, Diagnostics& diags)
{
  auto doc = load_document(path, diags);
  if (!doc) {
    return std::nullopt;
  }
  return load_criteria(*doc, diags);
}

// Every file read is named in the result by its path as given, and a JSON
// text is UTF-8: a file whose name is not cannot be recorded. The error
// names the file as it was opened, as every other error does.
void check_input_names(const RoundBundle& b, Diagnostics& diags)
{
  for (const auto& in : b.inputs) {
    if (auto bad = find_invalid_utf8(in.path)) {
      diags.error({in.resolved, 0, 0}, "input_name_not_utf8",
                  {{"byte", fmt::format("{:02x}", static_cast<unsigned char>(in.path[*bad]))}});
    }
  }
}

std::optional<RoundBundle> load_round(const std::string& path, Diagnostics& diags, SheetsNeeded sheets_needed)
{
  const size_t errors_before = diags.error_count();
  auto doc = load_document(path, diags);
  if (!doc) {
    return std::nullopt;
  }
  RoundBundle b;
  b.inputs.push_back({"round", path, path, doc->sha256});
  bool round_complete = true;
  auto round = load_round_file(*doc, diags, &round_complete);
  if (!round) {
    return std::nullopt;
  }
  b.round = std::move(*round);
  doc.reset(); // read: its tree's memory serves the files that follow
  std::optional<Criteria> criteria;
  if (!b.round.criteria.resolved.empty()) {
    if (auto cdoc = load_named(b.round.criteria, diags)) {
      b.inputs.push_back({"criteria", b.round.criteria.as_written, b.round.criteria.resolved, cdoc->sha256});
      criteria = load_criteria(*cdoc, diags);
    }
  }
  if (!round_complete || !criteria) {
    check_files_alone(b, criteria ? &*criteria : nullptr, sheets_needed, diags);
    return std::nullopt;
  }
  b.criteria = std::move(*criteria);
  // A dossier folder that gives no file (unreadable, or without a .yaml
  // file) hides applicants: no sheet or proposal is wrong for naming them.
  const size_t errors_before_dossiers = diags.error_count();
  b.round.dossiers = expand_folders(b.round.dossiers, "dossiers", diags);
  const bool dossier_folders_read = diags.error_count() == errors_before_dossiers;
  b.round.sheets = expand_folders(b.round.sheets, "sheets", diags, sheets_needed == SheetsNeeded::not_yet);
  const size_t errors_before_dossier_files = diags.error_count();
  std::vector<std::string> invalid_ids;
  bool all_applicants_known = dossier_folders_read;
  load_dossiers(b, b.round.dossiers, diags, &invalid_ids, &all_applicants_known);
  check_chair_proposal(b, dossier_folders_read && diags.error_count() == errors_before_dossier_files, diags);
  if (b.criteria.has_judged() && !b.round.council) {
    diags.error(b.round.pos, "round_needs_council", {{"round", b.round.id}, {"criteria", b.criteria.id}});
  }
  if (!b.round.sheets.empty() && !b.round.council) {
    diags.error(b.round.sheets.front().pos, "round_sheets_without_council", {});
  }
  std::map<std::string, const Dossier*> applicants;
  for (const auto& d : b.dossiers) {
    applicants[d.id] = &d;
  }
  // An invalid dossier's applicant still exists for the sheets.
  for (const auto& id : invalid_ids) {
    applicants.emplace(id, nullptr);
  }
  std::map<std::string, const Criterion*> criteria_by_id;
  for (const auto& cr : b.criteria.criteria) {
    criteria_by_id[cr.id] = &cr;
  }
  std::map<std::string, std::string> sheet_of_member;
  for (const auto& ref : b.round.sheets) {
    // Sheets still being filled in do not stop `sheet` from writing them
    // again (a name corrected in the round, a member who wants Excel):
    // it reads only the sheets that are valid, for their recusals.
    Diagnostics sheet_diags;
    const size_t inputs_before = b.inputs.size();
    // A YAML sheet with an error is still checked against the round for
    // what could be read of it, so that a score out of range is named in
    // the same run as a "7,5" two lines above it (formats-v1 section 1);
    // it is not scored.
    bool complete = true;
    auto s = is_workbook_path(ref.resolved) ? load_workbook_ref(b, ref, sheet_diags)
                                            : load_sheet_ref(b, ref, sheet_diags, &complete);
    if (s && b.round.council) {
      check_sheet(*s, b, applicants, all_applicants_known, criteria_by_id, sheet_diags);
    }
    if (!complete) {
      s.reset();
    }
    if (sheets_needed == SheetsNeeded::not_yet && (sheet_diags.error_count() != 0 || sheet_diags.has_io_errors())) {
      b.inputs.resize(inputs_before); // not an input yet: `sheet --force` may write it anew
      continue;
    }
    diags.merge(sheet_diags);
    if (!s) {
      continue;
    }
    auto [it, fresh] = sheet_of_member.emplace(s->member, s->path);
    if (!fresh) {
      diags.error(s->member_pos, "round_member_second_sheet", {{"member", s->member}, {"sheet", it->second}});
      continue;
    }
    b.sheets.push_back(std::move(*s));
  }
  check_absences(b, diags);
  check_effective(b, diags);
  check_input_names(b, diags);
  if (diags.error_count() != errors_before) {
    return std::nullopt;
  }
  return b;
}

std::optional<RoundBundle> load_direct(const std::string& criteria_path, const std::vector<std::string>& dossier_paths,
                                       Diagnostics& diags)
{
  const size_t errors_before = diags.error_count();
  RoundBundle b;
  b.direct = true;
  std::optional<Criteria> criteria;
  if (auto cdoc = load_document(criteria_path, diags)) {
    b.inputs.push_back({"criteria", criteria_path, criteria_path, cdoc->sha256});
    criteria = load_criteria(*cdoc, diags);
  }
  if (!criteria) {
    // The dossiers are still read for their shape: every error in one run.
    for (const auto& p : dossier_paths) {
      if (auto doc = load_document(p, diags)) {
        load_dossier(*doc, nullptr, diags);
      }
    }
    return std::nullopt;
  }
  b.criteria = std::move(*criteria);
  if (b.criteria.has_judged()) {
    diags.error({criteria_path, 1, 1}, "criteria_judged_needs_round", {{"criteria", b.criteria.id}});
    return std::nullopt;
  }
  b.round.id = b.criteria.id;
  b.round.title = b.criteria.title;
  b.round.path = criteria_path;
  std::vector<FileRef> refs;
  for (const auto& p : dossier_paths) {
    refs.push_back({p, p, {p, 0, 0}});
  }
  load_dossiers(b, refs, diags);
  check_input_names(b, diags);
  if (diags.error_count() != errors_before) {
    return std::nullopt;
  }
  return b;
}

std::vector<UnlistedFile> unlisted_inputs(const std::string& round_path)
{
  namespace fs = std::filesystem;
  Diagnostics scratch; // the round's own errors are reported by load_round
  auto doc = load_document(round_path, scratch);
  auto round = doc ? load_round_file(*doc, scratch) : std::nullopt;
  if (!round) {
    return {};
  }
  std::vector<FileRef> dossiers = expand_folders(round->dossiers, "dossiers", scratch);
  std::vector<FileRef> sheets = expand_folders(round->sheets, "sheets", scratch);
  auto identity = [](const std::string& p) {
    std::error_code ec;
    fs::path c = fs::weakly_canonical(fs::path(p), ec);
    return ec ? fs::path(p).lexically_normal().string() : c.string();
  };
  std::set<std::string> listed{identity(round_path), identity(round->criteria.resolved)};
  // Each folder once, as first written: the round's, then those of its files.
  std::vector<std::pair<std::string, std::string>> folders; // (identity, as written)
  std::set<std::string> seen_folders;
  std::string round_folder;
  // A folder counts when it is the round file's or lies under it: files
  // borrowed from another round's folder do not make that folder ours.
  auto add_folder = [&](const std::string& file) {
    std::string written = fs::path(file).parent_path().string();
    std::string id = identity(written.empty() ? "." : written);
    if (round_folder.empty()) {
      round_folder = id;
    } else if (fs::path(id).lexically_relative(round_folder).string().rfind("..", 0) == 0) {
      return;
    }
    if (seen_folders.insert(id).second) {
      folders.emplace_back(id, written);
    }
  };
  add_folder(round_path);
  for (const auto* refs : {&dossiers, &sheets}) {
    for (const auto& ref : *refs) {
      listed.insert(identity(ref.resolved));
      add_folder(ref.resolved);
    }
  }
  std::vector<UnlistedFile> out;
  for (const auto& [id, written] : folders) {
    std::error_code ec;
    std::vector<std::string> names;
    for (fs::directory_iterator it(fs::path(id), ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::string name = it->path().filename().string();
      std::error_code type_ec;
      if (name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0 || !it->is_regular_file(type_ec)) {
        continue; // hidden files and the lock files Excel leaves beside an open workbook
      }
      names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
      const std::string full = (fs::path(id) / name).string();
      if (listed.count(identity(full)) != 0) {
        continue;
      }
      const std::string shown = written.empty() ? name : (fs::path(written) / name).string();
      if (is_workbook_path(name)) {
        // A ranking saved beside the round (or another ccnscore workbook
        // that is no score sheet) is none to warn about. One with no mark
        // may be a sheet that another program saved without it, and one
        // that cannot be opened, or read without libzip, may be one too.
        std::optional<std::string> mark;
        try {
          mark = workbook_format_mark(full);
        } catch (const MissingLibrary&) {
          // no mark to read: it may be a sheet
        }
        if (!mark || mark->empty() || *mark == k_workbook_format_sheet) {
          out.push_back({shown, true, !mark || mark->empty()});
        }
        continue;
      }
      // In any case: a folder entry reads `.yaml` only, so a dossier saved as
      // `A4.YAML` on a machine that ignores case is one to warn about.
      std::string lower = name;
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      const bool yaml = lower.size() > 5 && (lower.compare(lower.size() - 5, 5, ".yaml") == 0);
      const bool yml = lower.size() > 4 && (lower.compare(lower.size() - 4, 4, ".yml") == 0);
      if (!yaml && !yml) {
        continue;
      }
      Diagnostics ignore;
      auto other = load_document(full, ignore);
      if (!other) {
        continue;
      }
      std::string format = document_format(other->root);
      if (format == k_format_sheet || format == k_format_dossier) {
        out.push_back({shown, format == k_format_sheet});
      }
    }
  }
  return out;
}

} // namespace ccn
