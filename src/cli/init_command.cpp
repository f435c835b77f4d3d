// `ccnscore init DIR --criteria FILE`: a new round's folder, ready to fill
// in: round.yaml, one dossier template per applicant, and the sheets folder.

#include "cli/commands.hpp"
#include "render/locale.hpp"
#include "render/messages.hpp"
#include "load/round_load.hpp"
#include "util/file.hpp"
#include "util/rational.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <memory>

namespace ccn {

namespace {

// The catalogue key of a word of the templates: "round.head" -> "init_round_head".
std::string init_key(std::string_view word)
{
  std::string key = "init_" + std::string(word);
  std::replace(key.begin(), key.end(), '.', '_');
  return key;
}

namespace fs = std::filesystem;

// What `check` names as not filled in yet (Reader::unfilled).
inline constexpr const char* k_blank = "___";

struct InitOptions
{
  std::string dir;
  std::string criteria;
  unsigned applicants = 2;
  std::optional<unsigned> members;
};

// A YAML comment safe for any text: no line breaks.
std::string one_line(std::string s)
{
  for (char& c : s) {
    if (c == '\n' || c == '\r') {
      c = ' ';
    }
  }
  return s;
}

// `text` as a YAML scalar: plain when that is safe, else double-quoted.
std::string yaml_scalar(const std::string& text)
{
  bool plain = !text.empty() && text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                                       "0123456789._/-") == std::string::npos;
  if (plain) {
    return text;
  }
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "\"";
}

// What a field takes, for the comment beside its placeholder.
std::string field_comment(const Field& f, Lang lang)
{
  auto w = [lang](std::string_view key) { return tr(lang, init_key(key)); };
  std::string out = f.label.empty() ? f.id : f.label;
  switch (f.type) {
  case FieldType::number:
    out += "; " + w("type.number") + " (" + w("decimal") + ")";
    break;
  case FieldType::integer:
    out += "; " + w("type.integer");
    break;
  case FieldType::boolean:
    out += "; " + w("type.bool");
    break;
  case FieldType::enumeration: {
    std::string values;
    for (const auto& v : f.values) {
      values += values.empty() ? "" : ", ";
      values += v;
      if (f.value_text(v) != v) {
        values += " (" + f.value_text(v) + ")";
      }
    }
    out += "; " + w("type.enum") + ": " + values;
    break;
  }
  case FieldType::date:
    out += "; " + w("type.date");
    break;
  case FieldType::text:
    out += "; " + w("type.text");
    break;
  }
  if (!f.unit.empty()) {
    out += "; " + w("unit") + ": " + f.unit;
  }
  if (f.min) {
    out += "; " + w("min") + " " + number_text(*f.min);
  }
  if (f.max) {
    out += "; " + w("max") + " " + number_text(*f.max);
  }
  if (!f.required) {
    out += "; " + w("optional");
  }
  return one_line(out);
}

std::string dossier_template(const Criteria& c, const std::string& id, Lang lang)
{
  auto w = [lang](std::string_view key) { return tr(lang, init_key(key)); };
  std::string out = "# " + w("dossier.head") + "\n";
  if (std::any_of(c.fields.begin(), c.fields.end(), [](const Field& f) { return !f.required; })) {
    out += "# " + w("dossier.optional") + "\n";
  }
  out += "format: ccnscore/dossier@1\napplicant:\n";
  out += fmt::format("  id: {}\n", id);
  out += fmt::format("  name: {}    # {}\n", k_blank, w("dossier.name"));
  out += fmt::format("  tax_code: {}    # {}\n", k_blank, w("dossier.tax_code"));
  bool submitted = std::any_of(c.tie_break.begin(), c.tie_break.end(), [](const TieRule& t) {
    return t.kind == TieRule::Kind::field && t.ref == "submitted_at";
  });
  if (submitted) {
    out += fmt::format("  submitted_at: {}    # {}\n", k_blank, w("dossier.submitted_at"));
  }
  out += "facts:\n";
  for (const Field& f : c.fields) {
    out += fmt::format("  {}: {}    # {}\n", f.id, k_blank, field_comment(f, lang));
  }
  return out;
}

std::string round_template(const Criteria& c, const std::string& id, const std::string& criteria_path,
                           const std::string& dossiers, const std::string& sheets, unsigned members, Lang lang)
{
  auto w = [lang](std::string_view key) { return tr(lang, init_key(key)); };
  std::string out = "# " + w("round.head") + "\n# " + w("round.check") + "\n";
  out += "format: ccnscore/round@1\n";
  out += fmt::format("id: {}    # {}\n", id, w("round.id"));
  out += fmt::format("title: {}    # {}\n", k_blank, w("round.title"));
  out += fmt::format("cluster: {}    # {}\n", k_blank, w("round.cluster"));
  out += fmt::format("date: {}    # {}\n", k_blank, w("round.date"));
  out += fmt::format("criteria: {}    # {}\n", yaml_scalar(criteria_path), one_line(c.title));
  out += fmt::format("dossiers: [{}]    # {}\n", dossiers, w("round.dossiers"));
  if (members > 0) {
    out += "council:\n  quorum: \"2/3\"\n  members:\n";
    for (unsigned i = 1; i <= members; ++i) {
      out += fmt::format("    - {{ id: M{}, name: {}, role: {} }}    # {}\n", i, k_blank, i == 1 ? "chair" : "member",
                         w("round.member"));
    }
    out += fmt::format("# {} {}\n", w("round.sheet_cmd"), sheets);
    out += fmt::format("sheets: [{}]    # {}\n", sheets, w("round.sheets"));
  }
  return out;
}

int run_init(const InitOptions& opt, Console& console)
{
  Diagnostics diags;
  auto criteria = load_criteria_file(opt.criteria, diags);
  if (!criteria) {
    return report(diags, console);
  }
  const Lang lang = console.lang_asked ? console.lang : default_lang(*criteria);
  const unsigned members = opt.members.value_or(criteria->has_judged() ? 5 : 0);
  if (members == 0 && criteria->has_judged()) {
    console.err << fmt::format("ccnscore init: error: criteria '{}' have judged criteria, so the round needs a "
                               "council: give --members 1 or more\n",
                               criteria->id);
    return k_exit_usage;
  }
  const std::string dossiers = lang.code == "vi" ? "ho-so/" : "dossiers/";
  const std::string sheets = lang.code == "vi" ? "phieu/" : "sheets/";
  const fs::path dir(opt.dir);
  std::error_code ec;
  const fs::path here = fs::weakly_canonical(fs::absolute(dir, ec), ec);
  std::string criteria_path = fs::weakly_canonical(fs::absolute(opt.criteria, ec), ec).lexically_relative(here).string();
  std::string id = here.filename().string();
  if (!is_identifier(id)) {
    id = k_blank;
  }
  std::vector<std::pair<fs::path, std::string>> files;
  files.emplace_back(dir / "round.yaml",
                     round_template(*criteria, id, criteria_path, dossiers, sheets, members, lang));
  const size_t width = std::to_string(opt.applicants).size();
  for (unsigned i = 1; i <= opt.applicants; ++i) {
    std::string n = fmt::format("{:0{}}", i, width);
    files.emplace_back(dir / dossiers / ("a" + n + ".yaml"), dossier_template(*criteria, "A" + n, lang));
  }
  std::vector<std::string> in_the_way;
  for (const auto& [path, text] : files) {
    if (fs::exists(fs::symlink_status(path, ec))) {
      in_the_way.push_back(path.string());
    }
  }
  if (!in_the_way.empty()) {
    for (const auto& p : in_the_way) {
      console.err << terminal_safe(fmt::format("{}: error: the file exists; init never replaces a file", p)) << "\n";
    }
    console.err << "ccnscore init: nothing written; choose a new folder, or move those files away\n";
    return k_exit_usage;
  }
  for (const fs::path& sub : {dir / dossiers, members > 0 ? dir / sheets : dir}) {
    fs::create_directories(sub, ec);
    if (ec) {
      console.err << terminal_safe(fmt::format("{}: error: cannot create the folder: {}", sub.string(), ec.message()))
                  << "\n";
      return k_exit_io;
    }
  }
  for (const auto& [path, text] : files) {
    if (std::string why = write_file_atomic(path.string(), text); !why.empty()) {
      console.err << terminal_safe(fmt::format("{}: error: cannot write: {}", path.string(), why)) << "\n";
      return k_exit_io;
    }
    console.out << terminal_safe(path.string()) << "\n";
  }
  if (members > 0) {
    console.out << terminal_safe((dir / sheets).string()) << "\n";
  }
  console.out << terminal_safe(fmt::format("ccnscore init: fill in every {}, then run: ccnscore check {}", k_blank,
                                           (dir / "round.yaml").string()))
              << "\n";
  return k_exit_ok;
}

} // namespace

CLI::App* add_init_command(CLI::App& app, Action& action)
{
  auto opt = std::make_shared<InitOptions>();
  CLI::App* cmd = app.add_subcommand("init", "Write a new round's folder, ready to fill in");
  cmd->add_option("dir", opt->dir, "Folder of the new round (created when missing)")->required();
  cmd->add_option("--criteria", opt->criteria, "Criteria file the round is judged by")->required();
  cmd->add_option("--applicants", opt->applicants, "Dossier templates to write (default 2)")
    ->check(CLI::Range(1u, 999u));
  cmd->add_option("--members", opt->members,
                  "Council members, the first as chair (default 5 when the criteria have judged criteria, else 0)")
    ->check(CLI::Range(0u, 99u));
  cmd->callback([opt, &action] { action = [opt](Console& c) { return run_init(*opt, c); }; });
  return cmd;
}

} // namespace ccn
