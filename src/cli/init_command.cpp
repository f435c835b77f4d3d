// `ccnscore init DIR --criteria FILE`: a new round's folder, ready to fill
// in: round.yaml, one dossier template per applicant, and the sheets folder.

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/usage_error.hpp"
#include "render/init_template.hpp"
#include "render/locale.hpp"
#include "render/messages.hpp"
#include "load/round_load.hpp"
#include "util/file.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <memory>

namespace ccn {

namespace {

namespace fs = std::filesystem;

struct InitOptions
{
  std::string dir;
  std::string criteria;
  unsigned applicants = 2;
  std::optional<unsigned> members;
};

int run_init(const InitOptions& opt, Console& console)
{
  Diagnostics diags;
  auto criteria = load_criteria_file(opt.criteria, diags);
  if (!criteria) {
    return report(diags, console);
  }
  adopt_criteria_language(console, *criteria);
  const Lang lang = console.lang;
  const unsigned members = opt.members.value_or(criteria->has_judged() ? 5 : 0);
  if (members == 0 && criteria->has_judged()) {
    print_error(console, "ccnscore init", "init_needs_members", {{"criteria", criteria->id}});
    return k_exit_usage;
  }
  const std::string dossiers = lang.code == "vi" ? "ho-so/" : "dossiers/";
  const std::string sheets = lang.code == "vi" ? "phieu/" : "sheets/";
  const fs::path dir(opt.dir);
  std::error_code ec;
  fs::path here = fs::weakly_canonical(fs::absolute(dir, ec), ec);
  if (!here.has_filename()) {
    here = here.parent_path(); // `vong-moi/`, as the README writes it: the round's id is still `vong-moi`
  }
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
      print_error(console, p, "init_file_exists");
    }
    console.err << "ccnscore init: " << tr(lang, "init_nothing_written") << "\n";
    return k_exit_usage;
  }
  // A run that fails leaves nothing behind, not even the folders it made:
  // a second run would otherwise find half a round in its way.
  std::vector<fs::path> made;
  auto undo = [&] {
    // The deepest first: a folder is removed only once it is empty.
    std::sort(made.begin(), made.end(),
              [](const fs::path& a, const fs::path& b) { return a.native().size() > b.native().size(); });
    for (const fs::path& p : made) {
      fs::remove(p, ec);
    }
  };
  for (const fs::path& sub : {dir / dossiers, members > 0 ? dir / sheets : dir}) {
    for (fs::path p = sub.lexically_normal(); !p.empty() && !fs::exists(fs::symlink_status(p, ec));
         p = p.parent_path()) {
      if (p.has_filename()) {
        made.push_back(p);
      }
    }
    fs::create_directories(sub, ec);
    if (ec) {
      print_error(console, sub.string(), "cannot_create_folder", {MsgArg("reason", folder_reason(ec))});
      undo();
      return k_exit_io;
    }
  }
  FileSet written;
  for (const auto& [path, text] : files) {
    if (std::string why = written.add(path.string(), text); !why.empty()) {
      print_error(console, path.string(), "cannot_write", {{"reason", why}});
      written.discard();
      undo();
      return k_exit_io;
    }
  }
  if (std::string why = written.commit(); !why.empty()) {
    print_error(console, dir.string(), "cannot_write", {{"reason", why}});
    written.discard(); // the files not yet in place; those it created are gone again
    undo();
    return k_exit_io;
  }
  for (const auto& [path, text] : files) {
    console.out << terminal_safe(path.string()) << "\n";
  }
  if (members > 0) {
    console.out << terminal_safe((dir / sheets).string()) << "\n";
  }
  console.out << "ccnscore init: "
              << terminal_safe(tr(lang, "init_done", {{"blank", k_blank}, {"round", (dir / "round.yaml").string()}}))
              << "\n";
  return k_exit_ok;
}

} // namespace

CLI::App* add_init_command(CLI::App& app, Action& action)
{
  auto opt = std::make_shared<InitOptions>();
  CLI::App* cmd = app.add_subcommand("init");
  cmd->add_option("dir", opt->dir)->type_name("DIR")->required();
  cmd->add_option("--criteria", opt->criteria)->type_name("FILE")->check(k_path_value)->required();
  cmd->add_option("--applicants", opt->applicants)
    ->check(CLI::Range(1u, 999u));
  cmd->add_option("--members", opt->members)
    ->check(CLI::Range(0u, 99u));
  cmd->callback([opt, &action] { action = [opt](Console& c) { return run_init(*opt, c); }; });
  return cmd;
}

} // namespace ccn
