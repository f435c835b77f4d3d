#include "verify/verify.hpp"

#include "load/loaders.hpp"
#include "load/round_load.hpp"
#include "load/sheet_workbook_load.hpp"
#include "load/yaml_tree.hpp"
#include "render/render.hpp"
#include "score/score.hpp"
#include "util/file.hpp"
#include "util/json_exact.hpp"
#include "verify/compare.hpp"
#include "verify/recorded.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>

namespace ccn {

namespace {

using Json = nlohmann::json;

// A difference between the recorded and the recomputed result or inputs.
Message differs(Message finding)
{
  return {"verify_differs", {{"finding", std::move(finding)}}};
}

// Why a file could not be read, as a message in the reader's language;
// `limit`: the size it was read with (a result's, or an input's).
Message unreadable_reason(const FileError& err, uint64_t limit)
{
  if (err.too_large) {
    return err.size > 0 ? Message{"file_too_large", {{"size", err.size}, {"max", limit}}}
                        : Message{"file_larger_than_limit", {{"max", limit}}};
  }
  return file_error_reason(err);
}

// The result file read and checked for the shape verify reads; nothing
// when `v.result_errors` says why not.

std::optional<Json> read_result(const std::string& path, Verification& v)
{
  auto bytes = read_file(path, k_max_result_bytes);
  if (auto* err = std::get_if<FileError>(&bytes)) {
    v.result_errors.push_back({"cannot_read", {{"reason", unreadable_reason(*err, k_max_result_bytes)}}});
    v.result_unreadable = !err->too_large;
    return std::nullopt;
  }
  // Numbers are read exactly, so that results compare to the last digit.
  JsonProblem problem;
  Json rec = parse_exact(std::get<std::string>(bytes), &problem);
  if (problem.too_deep) {
    v.result_errors.push_back({"verify_json_too_deep", {{"max", k_max_json_depth}}});
  } else if (problem.too_many) {
    v.result_errors.push_back({"verify_json_too_many", {{"max", k_max_json_values}}});
  } else if (rec.is_discarded() || !rec.is_object()) {
    v.result_errors.push_back({"verify_not_json", {}});
    v.result_line = problem.line;
    v.result_column = problem.column;
  } else if (!rec.contains("format")) {
    v.result_errors.push_back({"verify_no_format", {}});
  } else if (rec["format"].is_string() && rec["format"] != "ccnscore/result@1") {
    v.result_errors.push_back({"verify_wrong_format", {{"found", exact_text(rec["format"])}}});
  } else {
    v.result_errors = result_shape_problems(rec);
  }
  if (!v.result_errors.empty()) {
    return std::nullopt;
  }
  return rec;
}

// Each recorded input's bytes against its recorded SHA-256. A changed
// sheet is set aside in `changed_sheets`, to be judged by its scores.
// Returns whether every input could be read.
bool check_hashes(const std::vector<Recorded>& inputs, Verification& v,
                  std::vector<std::pair<std::string, Message>>& changed_sheets)
{
  bool all_read = true;
  for (const auto& in : inputs) {
    auto data = read_file(in.resolved);
    if (auto* err = std::get_if<FileError>(&data)) {
      v.problems.push_back({"verify_missing",
                            {{"role", input_role(in.role)},
                             {"path", in.path},
                             {"resolved", in.resolved},
                             {"reason", unreadable_reason(*err, k_max_file_bytes)}}});
      all_read = false;
      continue;
    }
    std::string actual = sha256_hex(std::get<std::string>(data));
    if (actual != in.sha256) {
      Message changed{"verify_changed",
                      {{"role", input_role(in.role)}, {"path", in.path}, {"recorded", in.sha256}, {"actual", actual}}};
      if (in.role == "sheet") {
        changed_sheets.emplace_back(in.path, changed); // said at the level of its scores once it is read
      } else {
        v.problems.push_back(changed);
      }
      continue;
    }
    ++v.matched;
  }
  return all_read;
}

// The round the inputs name: the recorded round file, or else the criteria
// and dossiers ranked directly.
std::optional<RoundBundle> load_recorded(const std::vector<Recorded>& inputs, Diagnostics& diags)
{
  auto round = std::find_if(inputs.begin(), inputs.end(), [](const Recorded& r) { return r.role == "round"; });
  if (round != inputs.end()) {
    return load_round(round->resolved, diags);
  }
  std::string criteria;
  std::vector<std::string> dossiers;
  for (const auto& in : inputs) {
    if (in.role == "criteria") {
      criteria = in.resolved;
    } else {
      dossiers.push_back(in.resolved);
    }
  }
  return load_direct(criteria, dossiers, diags);
}

// The sheet recorded at `path`, read on its own as the result records a
// sheet, when it is a sheet without an error of its own; else nothing.
std::optional<Json> sheet_alone(const std::vector<Recorded>& inputs, const std::string& path)
{
  auto in = std::find_if(inputs.begin(), inputs.end(),
                         [&](const Recorded& r) { return r.role == "sheet" && r.path == path; });
  if (in == inputs.end()) {
    return std::nullopt;
  }
  Diagnostics scratch;
  std::optional<Sheet> sheet;
  if (is_workbook_path(in->resolved)) {
    std::string sha256;
    sheet = load_sheet_workbook_file(in->resolved, sha256, scratch);
  } else if (auto doc = load_document(in->resolved, scratch)) {
    sheet = load_sheet(*doc, scratch);
  }
  if (!sheet || scratch.has_errors() || scratch.has_io_errors()) {
    return std::nullopt;
  }
  return parse_exact(render_sheet_json(*sheet, path), nullptr, SIZE_MAX);
}

// The findings of comparing the record `rec` with the round recomputed.
void compare_recomputed(const Json& rec, const Json& now, const std::vector<Recorded>& inputs,
                        const RoundBundle& bundle, std::vector<std::pair<std::string, Message>>& changed_sheets,
                        Verification& v)
{
  for (auto& [path, changed] : changed_sheets) {
    const Json* was = sheet_entry(rec, path);
    const Json* is = sheet_entry(now, path);
    if (was == nullptr || is == nullptr) {
      v.problems.push_back(std::move(changed));
      continue;
    }
    auto changes = score_changes(*was, *is);
    if (changes.empty()) {
      v.notes.push_back({"verify_sheet_comments_only", {{"path", path}}});
    }
    for (auto& c : changes) {
      v.problems.push_back({"verify_sheet_changed", {{"path", path}, {"change", std::move(c)}}});
    }
  }
  std::vector<InputFile> recorded;
  for (const auto& in : inputs) {
    recorded.push_back({in.role, in.path, in.resolved, in.sha256});
  }
  for (auto& d : compare_inputs(recorded, bundle.inputs)) {
    v.problems.push_back(differs(std::move(d)));
  }
  for (auto& d : compare_results(rec, now)) {
    v.problems.push_back(differs(std::move(d)));
  }
}

} // namespace

Verification verify_result(const std::string& result_path, const std::string& root, const LanguageFor& language)
{
  Verification v;
  std::optional<Json> rec = read_result(result_path, v);
  if (!rec) {
    return v;
  }
  std::vector<Recorded> inputs = recorded_inputs(*rec, result_path, root);
  if (root.empty()) {
    v.recorded_root = recorded_inputs_root(*rec, result_path).value_or("");
  }
  if (std::none_of(inputs.begin(), inputs.end(),
                   [](const Recorded& r) { return r.role == "round" || r.role == "criteria"; })) {
    v.result_errors.push_back({"verify_no_round_input", {}});
    return v;
  }
  v.total = inputs.size();
  std::vector<std::pair<std::string, Message>> changed_sheets; // path, and its finding about the bytes
  const bool all_read = check_hashes(inputs, v, changed_sheets);
  std::string version = rec->value("tool", Json::object()).value("version", "unknown");
  if (version != k_tool_version) {
    v.version_note = Message{"verify_version_note", {{"recorded", version}, {"now", std::string_view(k_tool_version)}}};
  }
  std::optional<RoundBundle> bundle;
  std::optional<RoundResult> result;
  if (all_read) {
    bundle = load_recorded(inputs, v.diags);
    if (bundle) {
      const Lang lang = language(bundle->criteria);
      result = score_round(*bundle, v.diags);
      if (result) {
        // ccnscore's own output: no limit on its values, which a round
        // grown since the record may have more of.
        Json now = parse_exact(render_json(*result, lang), nullptr, SIZE_MAX);
        compare_recomputed(*rec, now, inputs, *bundle, changed_sheets, v);
        v.recompute = Verification::Recompute::done;
        return v;
      }
    }
    v.recompute = Verification::Recompute::failed;
  }
  // The round no longer loads or scores (a changed score can break a tie
  // that a chair's proposal settled): a changed sheet that still reads on
  // its own is still named score by score, as an auditor asks for.
  for (auto& [path, changed] : changed_sheets) {
    const Json* was = sheet_entry(*rec, path);
    std::optional<Json> is = was != nullptr ? sheet_alone(inputs, path) : std::nullopt;
    std::vector<Message> changes = is ? score_changes(*was, *is) : std::vector<Message>{};
    if (changes.empty()) {
      v.problems.push_back(std::move(changed));
    }
    for (auto& c : changes) {
      v.problems.push_back({"verify_sheet_changed", {{"path", path}, {"change", std::move(c)}}});
    }
  }
  return v;
}

} // namespace ccn
