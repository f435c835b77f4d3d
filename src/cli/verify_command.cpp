// `ccnscore verify RESULT.json`: for auditors, check that an archived result
// still stands: every input unchanged, and the round recomputes identically.

#include "cli/commands.hpp"
#include "render/diagnostic_text.hpp"
#include "load/round_load.hpp"
#include "render/render.hpp"
#include "score/score.hpp"
#include "util/file.hpp"
#include "util/json_exact.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>

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

struct Recorded
{
  std::string role;
  std::string path;
  std::string sha256;
  std::string resolved;
};

std::string show(const Json& j)
{
  return exact_text(j);
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
  if (rec.value("format", "") != "ccnscore/result@1") {
    if (rec.contains("format")) {
      print_error(console, opt.result, "verify_wrong_format", {{"found", show(rec["format"])}});
    } else {
      print_error(console, opt.result, "verify_no_format");
    }
    return k_exit_invalid;
  }
  std::vector<Recorded> inputs;
  for (const auto& in : rec.value("inputs", Json::array())) {
    if (!in.is_object() || !in.contains("role") || !in.contains("path") || !in.contains("sha256")
        || !in["role"].is_string() || !in["path"].is_string() || !in["sha256"].is_string()) {
      print_error(console, opt.result, "verify_bad_input_entry");
      return k_exit_invalid;
    }
    inputs.push_back({in["role"], in["path"], in["sha256"], {}});
  }
  fs::path root = opt.root.empty() ? fs::path(opt.result).parent_path() : fs::path(opt.root);
  auto round_it = std::find_if(inputs.begin(), inputs.end(), [](const Recorded& r) { return r.role == "round"; });
  fs::path base = root;
  if (round_it != inputs.end()) {
    round_it->resolved = (root / round_it->path).lexically_normal().string();
    base = fs::path(round_it->resolved).parent_path();
  }
  std::vector<std::string> problems;
  size_t matched = 0;
  for (auto& in : inputs) {
    if (in.resolved.empty()) {
      fs::path p(in.path);
      in.resolved = (p.is_absolute() ? p : (base / p).lexically_normal()).string();
    }
    auto data = read_file(in.resolved);
    if (auto* err = std::get_if<FileError>(&data)) {
      problems.push_back(fmt::format("missing: {} {} ({}: {})", in.role, in.path, in.resolved, err->reason));
      continue;
    }
    std::string actual = sha256_hex(std::get<std::string>(data));
    if (actual != in.sha256) {
      problems.push_back(fmt::format("changed: {} {}: recorded sha256 {}, actual {}", in.role, in.path, in.sha256,
                                     actual));
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
    for (auto& d : compare_results(rec, now)) {
      problems.push_back("differs: " + d);
    }
  }
  for (const auto& p : problems) {
    console.out << terminal_safe(p) << "\n";
  }
  if (!problems.empty()) {
    console.out << fmt::format("NOT VERIFIED: {} of {} inputs match; {} problem{}\n", matched, inputs.size(),
                               problems.size(), problems.size() == 1 ? "" : "s");
    return k_exit_differs;
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
