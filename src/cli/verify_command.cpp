// `ccnscore verify RESULT.json`: for auditors, check that an archived result
// still stands: every input unchanged, and the round recomputes identically.

#include "cli/commands.hpp"
#include "cli/recorded.hpp"
#include "load/round_load.hpp"
#include "render/diagnostic_text.hpp"
#include "render/render.hpp"
#include "score/score.hpp"
#include "util/file.hpp"
#include "util/json_exact.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <set>

namespace ccn {

// Exit status of verify when an input changed or the result differs.
inline constexpr int k_exit_differs = 4;

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

struct VerifyOptions
{
  std::string result;
  std::string root;
};

std::string show(const Json& j)
{
  return exact_text(j);
}

// What a JSON value is, for a message.
std::string kind_of(const Json& j)
{
  switch (j.type()) {
  case Json::value_t::null:
    return "null";
  case Json::value_t::boolean:
    return "a boolean";
  case Json::value_t::string:
    return "a string";
  case Json::value_t::array:
    return "a list";
  case Json::value_t::object:
    return "an object";
  default:
    return "a number";
  }
}

// The shape of a recorded result that verify reads, checked before it is
// read: each wrong type, at its key. Values are compared later, whatever
// their type.
class ShapeCheck
{
public:
  std::vector<std::string> problems;

  // `key` of `object` at `where`, when present (or `required`), must be of `type`.
  bool expect(const Json& object, const std::string& key, Json::value_t type, const std::string& where,
              bool required = false)
  {
    if (!object.contains(key)) {
      if (required) {
        problems.push_back(fmt::format("key '{}': missing; expected {}", where + key, kind_of(Json(type))));
      }
      return false;
    }
    return expect(object[key], type, where + key);
  }

  // `value` at `where` must be of `type`.
  bool expect(const Json& value, Json::value_t type, const std::string& where)
  {
    if (value.type() == type) {
      return true;
    }
    problems.push_back(fmt::format("key '{}': expected {}, found {}", where, kind_of(Json(type)), kind_of(value)));
    return false;
  }

  // `key` of `object`, when present, must be a list of objects.
  void expect_objects(const Json& object, const std::string& key, const std::string& where)
  {
    if (expect(object, key, Json::value_t::array, where)) {
      for (size_t i = 0; i < object[key].size(); ++i) {
        expect(object[key][i], Json::value_t::object, fmt::format("{}{}[{}]", where, key, i));
      }
    }
  }
};

std::vector<std::string> shape_problems(const Json& rec)
{
  using T = Json::value_t;
  ShapeCheck c;
  c.expect(rec, "format", T::string, "");
  if (c.expect(rec, "tool", T::object, "")) {
    c.expect(rec["tool"], "version", T::string, "tool.");
  }
  c.expect(rec, "round", T::object, "");
  if (c.expect(rec, "inputs", T::array, "", true)) {
    for (size_t i = 0; i < rec["inputs"].size(); ++i) {
      const std::string where = fmt::format("inputs[{}]", i);
      const Json& in = rec["inputs"][i];
      if (c.expect(in, T::object, where)) {
        for (const char* key : {"role", "path", "sha256"}) {
          c.expect(in, key, T::string, where + ".", true);
        }
      }
    }
  }
  if (c.expect(rec, "applicants", T::array, "")) {
    for (size_t i = 0; i < rec["applicants"].size(); ++i) {
      const std::string where = fmt::format("applicants[{}]", i);
      const Json& a = rec["applicants"][i];
      if (c.expect(a, T::object, where)) {
        c.expect(a, "id", T::string, where + ".", true);
        for (const char* key : {"groups", "criteria", "gates"}) {
          c.expect_objects(a, key, where + ".");
        }
      }
    }
  }
  c.expect_objects(rec, "warnings", "");
  c.expect(rec, "inputs_root", T::string, "");
  c.expect_objects(rec, "sheets", "");
  return c.problems;
}

// Compare the listed keys of two objects, noting each difference.
void compare_keys(const Json& recorded, const Json& recomputed, std::initializer_list<const char*> keys,
                  const std::string& what, std::vector<std::string>& out)
{
  for (const char* k : keys) {
    const Json& a = recorded.contains(k) ? recorded[k] : Json();
    const Json& b = recomputed.contains(k) ? recomputed[k] : Json();
    if (a != b) {
      out.push_back(fmt::format("{}{}: recorded {}, recomputed {}", what, k, show(a), show(b)));
    }
  }
}

// Compare a list of objects with ids (groups, criteria, gates).
void compare_list(const Json& recorded, const Json& recomputed, std::initializer_list<const char*> keys,
                  const std::string& what, std::vector<std::string>& out)
{
  if (!recorded.is_array() || !recomputed.is_array() || recorded.size() != recomputed.size()) {
    out.push_back(fmt::format("{}: recorded {} entries, recomputed {}", what,
                              recorded.is_array() ? recorded.size() : 0, recomputed.size()));
    return;
  }
  for (size_t i = 0; i < recorded.size(); ++i) {
    std::string id = recomputed[i].value("id", std::to_string(i));
    compare_keys(recorded[i], recomputed[i], keys, fmt::format("{} {}: ", what, id), out);
  }
}

std::vector<std::string> compare_results(const Json& rec, const Json& now)
{
  std::vector<std::string> out;
  compare_keys(rec.value("round", Json::object()), now["round"], {"id", "criteria", "precision", "scale"}, "round ",
               out);
  const Json& ra = rec.value("applicants", Json::array());
  const Json& na = now["applicants"];
  std::vector<std::string> rec_order;
  std::vector<std::string> now_order;
  for (const auto& a : ra) {
    rec_order.push_back(a.value("id", "?"));
  }
  for (const auto& a : na) {
    now_order.push_back(a["id"].get<std::string>());
  }
  if (rec_order != now_order) {
    out.push_back(fmt::format("order of applicants: recorded {}, recomputed {}", Json(rec_order).dump(),
                              Json(now_order).dump()));
  }
  for (const auto& n : na) {
    const std::string id = n["id"];
    auto r = std::find_if(ra.begin(), ra.end(), [&](const Json& x) { return x.value("id", "") == id; });
    if (r == ra.end()) {
      out.push_back(fmt::format("applicant {}: not in the recorded result", id));
      continue;
    }
    std::string what = fmt::format("applicant {}: ", id);
    compare_keys(*r, n, {"name", "rank", "status", "tied", "total", "total_exact"}, what, out);
    compare_list(r->value("groups", Json::array()), n["groups"], {"id", "points", "passed"}, what + "group", out);
    compare_list(r->value("criteria", Json::array()), n["criteria"], {"id", "points", "exact"}, what + "criterion",
                 out);
    compare_list(r->value("gates", Json::array()), n["gates"], {"id", "passed"}, what + "gate", out);
  }
  for (const auto& r : ra) {
    if (std::find(now_order.begin(), now_order.end(), r.value("id", "?")) == now_order.end()) {
      out.push_back(fmt::format("applicant {}: recorded, but not in the recomputed result", r.value("id", "?")));
    }
  }
  // The chair's proposal that settled a tie for first (8.4), as recorded.
  const Json& rp = rec.contains("chair_proposal") ? rec["chair_proposal"] : Json();
  const Json& np = now.contains("chair_proposal") ? now["chair_proposal"] : Json();
  if (rp != np) {
    out.push_back(fmt::format("chair_proposal: recorded {}, recomputed {}", rp.is_null() ? "none" : rp.dump(),
                              np.is_null() ? "none" : np.dump()));
  }
  const Json& rw = rec.value("warnings", Json::array());
  const Json& nw = now["warnings"];
  if (!rw.is_array() || rw.size() != nw.size()) {
    out.push_back(fmt::format("warnings: recorded {}, recomputed {}", rw.is_array() ? rw.size() : 0, nw.size()));
  } else {
    for (size_t i = 0; i < nw.size(); ++i) {
      compare_keys(rw[i], nw[i], {"kind", "member", "applicant", "criterion", "score", "mean", "explained"},
                   fmt::format("warning {}: ", i + 1), out);
    }
  }
  return out;
}

// The entry of `result`'s `sheets` for the sheet at `path`, if any.
const Json* sheet_entry(const Json& result, const std::string& path)
{
  if (!result.contains("sheets") || !result["sheets"].is_array()) {
    return nullptr;
  }
  for (const auto& s : result["sheets"]) {
    if (s.is_object() && s.value("path", "") == path) {
      return &s;
    }
  }
  return nullptr;
}

// What changed in one sheet between the result and today, as a person
// checks it: "M2, T1, I2: 12.5 → 14". Empty when its member, recusals and
// scores are all as recorded.
std::vector<std::string> score_changes(const Json& was, const Json& is)
{
  std::vector<std::string> out;
  const std::string member = is.value("member", "?");
  if (was.value("member", "") != member) {
    out.push_back(fmt::format("member: recorded {}, now {}", show(was.value("member", Json())), member));
  }
  auto names = [](const Json& sheet) {
    std::set<std::string> ids;
    if (sheet.contains("recused") && sheet["recused"].is_array()) {
      for (const auto& a : sheet["recused"]) {
        ids.insert(show(a));
      }
    }
    return ids;
  };
  std::set<std::string> rec_was = names(was);
  std::set<std::string> rec_is = names(is);
  for (const auto& a : rec_is) {
    if (rec_was.count(a) == 0) {
      out.push_back(fmt::format("{}, {}: now recused", member, a));
    }
  }
  for (const auto& a : rec_was) {
    if (rec_is.count(a) == 0) {
      out.push_back(fmt::format("{}, {}: no longer recused", member, a));
    }
  }
  const Json none = Json::object();
  const Json& sw = was.contains("scores") && was["scores"].is_object() ? was["scores"] : none;
  const Json& si = is.contains("scores") && is["scores"].is_object() ? is["scores"] : none;
  std::set<std::pair<std::string, std::string>> cells;
  for (const Json* scores : {&sw, &si}) {
    for (const auto& [applicant, row] : scores->items()) {
      if (row.is_object()) {
        for (const auto& [criterion, v] : row.items()) {
          cells.emplace(applicant, criterion);
        }
      }
    }
  }
  auto at = [](const Json& scores, const std::string& a, const std::string& c) -> const Json* {
    if (scores.contains(a) && scores[a].is_object() && scores[a].contains(c)) {
      return &scores[a][c];
    }
    return nullptr;
  };
  for (const auto& [a, c] : cells) {
    const Json* x = at(sw, a, c);
    const Json* y = at(si, a, c);
    if (x == nullptr || y == nullptr || *x != *y) {
      out.push_back(fmt::format("{}, {}, {}: {} → {}", member, a, c, x != nullptr ? show(*x) : "no score",
                                y != nullptr ? show(*y) : "no score"));
    }
  }
  return out;
}

// The inputs the round names today against those the result records: one
// on either side only is a difference (a sheet dropped from the record, or
// one the round gained).
std::vector<std::string> compare_inputs(const std::vector<Recorded>& recorded, const std::vector<InputFile>& today)
{
  auto key = [](const std::string& role, const std::string& resolved) {
    return std::pair(role, fs::path(resolved).lexically_normal().string());
  };
  std::set<std::pair<std::string, std::string>> was;
  std::set<std::pair<std::string, std::string>> is;
  for (const auto& r : recorded) {
    was.insert(key(r.role, r.resolved));
  }
  for (const auto& t : today) {
    is.insert(key(t.role, t.resolved));
  }
  std::vector<std::string> out;
  for (const auto& t : today) {
    if (was.count(key(t.role, t.resolved)) == 0) {
      out.push_back(fmt::format("input {} {}: named by the round, not recorded in the result", t.role, t.path));
    }
  }
  for (const auto& r : recorded) {
    if (is.count(key(r.role, r.resolved)) == 0) {
      out.push_back(fmt::format("input {} {}: recorded in the result, no longer named by the round", r.role, r.path));
    }
  }
  return out;
}

int run_verify(const VerifyOptions& opt, Console& console)
{
  auto bytes = read_file(opt.result);
  if (auto* err = std::get_if<FileError>(&bytes)) {
    print_error(console, opt.result, "cannot_read", {{"reason", err->reason}});
    return err->too_large ? k_exit_invalid : k_exit_io;
  }
  // Numbers are read exactly, so that results compare to the last digit.
  Json rec = parse_exact(std::get<std::string>(bytes));
  if (rec.is_discarded() || !rec.is_object()) {
    print_error(console, opt.result, "verify_not_json");
    return k_exit_invalid;
  }
  if (!rec.contains("format") || (rec["format"].is_string() && rec["format"] != "ccnscore/result@1")) {
    console.err << fmt::format("{}: error: expected format 'ccnscore/result@1', found '{}'\n", opt.result,
                               rec.contains("format") ? terminal_safe(show(rec["format"])) : "no format");
    return k_exit_invalid;
  }
  if (auto wrong = shape_problems(rec); !wrong.empty()) {
    for (const auto& w : wrong) {
      console.err << fmt::format("{}: error: {}\n", opt.result, w);
    }
    return k_exit_invalid;
  }
  std::vector<Recorded> inputs = recorded_inputs(rec, opt.result, opt.root);
  if (std::none_of(inputs.begin(), inputs.end(),
                   [](const Recorded& r) { return r.role == "round" || r.role == "criteria"; })) {
    console.err << fmt::format("{}: error: key 'inputs': records neither a round nor a criteria file\n", opt.result);
    return k_exit_invalid;
  }
  auto round_it = std::find_if(inputs.begin(), inputs.end(), [](const Recorded& r) { return r.role == "round"; });
  std::vector<std::string> problems;
  std::vector<std::pair<std::string, std::string>> changed_sheets; // path, and its line about the bytes
  std::vector<std::string> notes;
  size_t matched = 0;
  for (auto& in : inputs) {
    auto data = read_file(in.resolved);
    if (auto* err = std::get_if<FileError>(&data)) {
      problems.push_back(fmt::format("missing: {} {} ({}: {})", in.role, in.path, in.resolved, err->reason));
      continue;
    }
    std::string actual = sha256_hex(std::get<std::string>(data));
    if (actual != in.sha256) {
      std::string line =
        fmt::format("changed: {} {}: recorded sha256 {}, actual {}", in.role, in.path, in.sha256, actual);
      if (in.role == "sheet") {
        changed_sheets.emplace_back(in.path, line); // said at the level of its scores once it is read
      } else {
        problems.push_back(line);
      }
      continue;
    }
    ++matched;
  }
  std::string version = rec.value("tool", Json::object()).value("version", "unknown");
  if (version != k_tool_version) {
    console.out << fmt::format("note: recorded by ccnscore {}, verified with ccnscore {}\n", terminal_safe(version),
                               k_tool_version);
  }
  bool any_missing = std::any_of(problems.begin(), problems.end(), [](const std::string& p) { return p.rfind("missing", 0) == 0; });
  if (!any_missing) {
    Diagnostics diags;
    std::optional<RoundBundle> bundle;
    if (round_it != inputs.end()) {
      bundle = load_round(round_it->resolved, diags);
    } else {
      std::string criteria;
      std::vector<std::string> dossiers;
      for (const auto& in : inputs) {
        if (in.role == "criteria") {
          criteria = in.resolved;
        } else {
          dossiers.push_back(in.resolved);
        }
      }
      bundle = load_direct(criteria, dossiers, diags);
    }
    std::optional<RoundResult> result;
    if (bundle) {
      adopt_criteria_language(console, bundle->criteria);
      result = score_round(*bundle, diags);
    }
    if (!result) {
      for (const auto& [path, line] : changed_sheets) {
        problems.push_back(line);
      }
      print_diagnostics(diags, console.err, console.lang);
      for (const auto& p : problems) {
        console.out << terminal_safe(p) << "\n";
      }
      if (!problems.empty()) {
        console.out << "NOT VERIFIED: inputs changed, and they no longer validate\n";
        return k_exit_differs;
      }
      console.out << fmt::format("NOT VERIFIED: all {} inputs match, but they no longer validate\n", matched);
      return diags.has_io_errors() ? k_exit_io : k_exit_invalid;
    }
    Json now = parse_exact(render_json(*result, console.lang));
    for (const auto& [path, line] : changed_sheets) {
      const Json* was = sheet_entry(rec, path);
      const Json* is = sheet_entry(now, path);
      if (was == nullptr || is == nullptr) {
        problems.push_back(line);
        continue;
      }
      auto changes = score_changes(*was, *is);
      if (changes.empty()) {
        notes.push_back(fmt::format("note: sheet {}: changed only in its comments; every score is as recorded", path));
      }
      for (const auto& c : changes) {
        problems.push_back(fmt::format("changed: sheet {}: {}", path, c));
      }
    }
    for (auto& d : compare_inputs(inputs, bundle->inputs)) {
      problems.push_back("differs: " + d);
    }
    for (auto& d : compare_results(rec, now)) {
      problems.push_back("differs: " + d);
    }
  } else {
    for (const auto& [path, line] : changed_sheets) {
      problems.push_back(line);
    }
  }
  for (const auto& p : problems) {
    console.out << terminal_safe(p) << "\n";
  }
  for (const auto& n : notes) {
    console.out << terminal_safe(n) << "\n";
  }
  if (!problems.empty()) {
    console.out << fmt::format("NOT VERIFIED: {} of {} inputs match; {} problem{}\n", matched, inputs.size(),
                               problems.size(), problems.size() == 1 ? "" : "s");
    return k_exit_differs;
  }
  if (!notes.empty()) {
    console.out << fmt::format("verified: the result recomputes identically; {} of {} inputs match, and {} "
                               "sheet{} changed only in {} comments\n",
                               matched, inputs.size(), notes.size(), notes.size() == 1 ? "" : "s",
                               notes.size() == 1 ? "its" : "their");
    return k_exit_ok;
  }
  console.out << fmt::format("verified: all {} inputs match and the result recomputes identically\n", inputs.size());
  return k_exit_ok;
}

} // namespace

CLI::App* add_verify_command(CLI::App& app, Action& action)
{
  auto opt = std::make_shared<VerifyOptions>();
  CLI::App* cmd = app.add_subcommand("verify", "Check an archived result against its inputs and recompute it");
  cmd->add_option("result", opt->result, "RESULT.json written by rank --format json")->required();
  cmd->add_option("--root", opt->root,
                  "Folder the recorded paths are relative to (default: the result file's folder)");
  cmd->callback([opt, &action] { action = [opt](Console& c) { return run_verify(*opt, c); }; });
  return cmd;
}

} // namespace ccn
