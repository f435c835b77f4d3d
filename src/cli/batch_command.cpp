// `ccnscore batch DIR... -o OUTDIR`: rank every round found under folders,
// in parallel, for a secretariat that handles several clusters at once.

#include "cli/commands.hpp"
#include "load/loaders.hpp"
#include "load/round_load.hpp"
#include "render/diagnostic_text.hpp"
#include "render/messages.hpp"
#include "render/render.hpp"
#include "render/report.hpp"
#include "score/score.hpp"
#include "util/file.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

namespace ccn {

namespace {

namespace fs = std::filesystem;

struct BatchOptions
{
  std::vector<std::string> dirs;
  std::string output;
  unsigned jobs = 0;
  bool force = false;
};

// A round file found under the folders, with what its id is.
struct Found
{
  std::string path;
  std::string id;
  std::string duplicate_of; // another round file with the same id
};

// One line of summary.csv.
struct Outcome
{
  std::string round;
  std::string cluster;
  std::string winner;
  std::string winner_total;
  std::string status;
  std::vector<std::string> errors;
  std::string path;
};

bool inside(const fs::path& p, const fs::path& dir)
{
  auto rel = p.lexically_relative(dir);
  return !rel.empty() && *rel.begin() != "..";
}

// Run `fn(i)` for every i below `n` on `jobs` threads (the caller's included).
template<typename Fn>
void parallel_for(size_t n, unsigned jobs, Fn fn)
{
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < n; i = next++) {
      fn(i);
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < std::min<size_t>(jobs, n); ++t) {
    threads.emplace_back(worker);
  }
  worker();
  for (auto& t : threads) {
    t.join();
  }
}

// Every round file under `dirs` (sorted), skipping `out_dir`. Directory
// symlinks are not followed, so links that loop do no harm. The files are
// looked into on `jobs` threads.
std::vector<Found> find_rounds(const std::vector<std::string>& dirs, const fs::path& out_dir, unsigned jobs,
                               Diagnostics& diags)
{
  std::vector<std::string> candidates;
  auto consider = [&](const fs::path& p) {
    std::error_code ec;
    if (!fs::is_regular_file(p, ec) || (p.extension() != ".yaml" && p.extension() != ".yml")) {
      return;
    }
    if (inside(fs::weakly_canonical(p, ec), out_dir)) {
      return;
    }
    candidates.push_back(p.string());
  };
  for (const auto& d : dirs) {
    std::error_code ec;
    fs::file_status st = fs::status(d, ec);
    if (ec || !fs::exists(st)) {
      diags.io_error(d, "cannot_read", {{"reason", ec ? ec.message() : std::make_error_code(std::errc::no_such_file_or_directory).message()}});
      continue;
    }
    if (!fs::is_directory(st)) {
      consider(d);
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(d, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      consider(it->path());
    }
    if (ec) {
      diags.io_error(d, "cannot_read_folder", {{"reason", ec.message()}});
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<std::optional<Found>> looked(candidates.size());
  parallel_for(candidates.size(), jobs, [&](size_t i) {
    auto bytes = read_file(candidates[i]);
    auto* text = std::get_if<std::string>(&bytes);
    if (text == nullptr || text->find(k_format_round) == std::string::npos) {
      return;
    }
    Diagnostics ignore;
    auto doc = parse_document(candidates[i], std::move(*text), ignore);
    if (!doc || document_format(doc->root) != k_format_round) {
      return;
    }
    Found f{candidates[i], {}, {}};
    for (const auto& [k, v] : doc->root.entries) {
      if (k.text == "id" && v.kind == YNode::Kind::scalar) {
        f.id = v.text;
      }
    }
    looked[i] = std::move(f);
  });
  std::vector<Found> out;
  std::map<std::string, std::string> first_of;
  for (auto& f : looked) {
    if (!f) {
      continue;
    }
    if (!f->id.empty()) {
      auto [it, fresh] = first_of.emplace(f->id, f->path);
      if (!fresh) {
        f->duplicate_of = it->second;
      }
    }
    out.push_back(std::move(*f));
  }
  return out;
}

// Write the outputs of one round into `dir` through a temporary folder, so
// that the folder appears whole or not at all. Empty on success.
std::string publish(const fs::path& dir, const std::vector<std::pair<std::string, std::string>>& files, bool force)
{
  std::error_code ec;
  bool exists = fs::exists(dir, ec);
  if (exists && !force) {
    return fmt::format("{} exists; give --force to replace it", dir.string());
  }
  std::string tmpl = (dir.parent_path() / ("." + dir.filename().string() + ".tmp-XXXXXX")).string();
  if (::mkdtemp(tmpl.data()) == nullptr) {
    return fmt::format("cannot create a folder in {}: {}", dir.parent_path().string(), std::strerror(errno));
  }
  fs::path tmp(tmpl);
  for (const auto& [name, text] : files) {
    if (std::string why = write_file_atomic((tmp / name).string(), text); !why.empty()) {
      fs::remove_all(tmp, ec);
      return fmt::format("cannot write {}: {}", (dir / name).string(), why);
    }
  }
  fs::path old;
  if (exists) {
    old = dir.parent_path() / ("." + dir.filename().string() + ".old-" + tmp.filename().string().substr(tmp.filename().string().size() - 6));
    fs::rename(dir, old, ec);
    if (ec) {
      fs::remove_all(tmp, ec);
      return fmt::format("cannot replace {}: {}", dir.string(), ec.message());
    }
  }
  fs::rename(tmp, dir, ec);
  if (ec) {
    std::string why = ec.message();
    if (exists) {
      fs::rename(old, dir, ec);
    }
    fs::remove_all(tmp, ec);
    return fmt::format("cannot create {}: {}", dir.string(), why);
  }
  if (exists) {
    fs::remove_all(old, ec);
  }
  return {};
}

Outcome run_one(const Found& f, const fs::path& out_dir, bool force, std::string& diag_text, const Console& console)
{
  Lang lang = console.lang;
  Outcome o;
  o.path = f.path;
  o.round = f.id;
  if (!f.duplicate_of.empty()) {
    o.status = "error";
    MsgArgs args{{"round", f.id}, {"other", f.duplicate_of}};
    o.errors.push_back(tr(lang, "batch_duplicate_round", args));
    diag_text = format_program_error(f.path, lang, "batch_duplicate_round", args) + "\n";
    return o;
  }
  Diagnostics diags;
  auto bundle = load_round(f.path, diags);
  std::optional<RoundResult> result;
  if (bundle) {
    o.cluster = bundle->round.cluster;
    lang = console_lang_for(console, bundle->criteria);
    result = score_round(*bundle, diags);
  }
  if (!result) {
    o.status = "error";
    for (const auto& d : diags.items()) {
      o.errors.push_back(format_diagnostic(d, lang));
      diag_text += terminal_safe(format_diagnostic(d, lang)) + "\n";
    }
    return o;
  }
  const Criteria& c = bundle->criteria;
  std::vector<std::string> firsts;
  for (const auto& a : result->applicants) {
    if (a.rank && *a.rank == 1) {
      firsts.push_back(a.id());
      o.winner_total = to_decimal_string(*a.total, c.precision);
    }
  }
  o.status = firsts.empty() ? "no_qualified" : firsts.size() == 1 ? "selected" : "tied_first";
  for (const auto& id : firsts) {
    o.winner += (o.winner.empty() ? "" : " ") + id;
  }
  if (std::string why = publish(out_dir / f.id,
                                {{"result.json", render_json(*result, lang)},
                                 {"table.csv", render_csv(*result, lang)},
                                 {"report.html", render_report_html(*result, lang)}},
                                force);
      !why.empty()) {
    o.status = "error";
    o.errors.push_back(why);
    diag_text = format_program_error(f.path, lang, k_raw_message, {{"text", why}}) + "\n";
  }
  return o;
}

int run_batch(const BatchOptions& opt, Console& console)
{
  std::error_code ec;
  fs::create_directories(opt.output, ec);
  if (ec) {
    print_error(console, opt.output, "cannot_create_folder", {{"reason", ec.message()}});
    return k_exit_io;
  }
  const fs::path out_dir = fs::weakly_canonical(opt.output, ec);
  Diagnostics diags;
  unsigned jobs = opt.jobs != 0 ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<Found> rounds = find_rounds(opt.dirs, out_dir, jobs, diags);
  print_diagnostics(diags, console.err, console.lang);
  std::vector<Outcome> outcomes(rounds.size());
  std::atomic<size_t> done{0};
  std::mutex io;
  const auto start = std::chrono::steady_clock::now();
  parallel_for(rounds.size(), jobs, [&](size_t i) {
    {
      std::string text;
      outcomes[i] = run_one(rounds[i], out_dir, opt.force, text, console);
      size_t finished = ++done;
      std::lock_guard<std::mutex> lock(io);
      if (console.err_is_terminal) {
        double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        double left = elapsed / static_cast<double>(finished) * static_cast<double>(rounds.size() - finished);
        console.err << fmt::format("\r\033[K[{}/{}] {} (about {:.0f} s left)", finished, rounds.size(), rounds[i].id,
                                   left);
        if (!text.empty()) {
          console.err << "\r\033[K";
        }
      }
      console.err << text;
    }
  });
  if (console.err_is_terminal && !rounds.empty()) {
    console.err << "\r\033[K";
  }
  std::string summary = "round,cluster,winner,winner_total,status,errors,file\r\n";
  size_t failed = 0;
  for (const auto& o : outcomes) {
    std::string errors;
    for (const auto& e : o.errors) {
      errors += (errors.empty() ? "" : "\n") + e;
    }
    failed += o.status == "error" ? 1 : 0;
    summary += fmt::format("{},{},{},{},{},{},{}\r\n", csv_field(o.round), csv_field(o.cluster), csv_field(o.winner),
                           csv_field(o.winner_total), csv_field(o.status), csv_field(errors), csv_field(o.path));
  }
  std::string summary_path = (fs::path(opt.output) / "summary.csv").string();
  if (std::string why = write_file_atomic(summary_path, summary); !why.empty()) {
    print_error(console, summary_path, "cannot_write", {{"reason", why}});
    return k_exit_io;
  }
  console.out << tr(console.lang, "batch_summary",
                    {{"ranked", rounds.size() - failed}, {"failed", failed}, {"summary", summary_path}})
              << '\n';
  if (diags.has_io_errors()) {
    return k_exit_io;
  }
  return failed > 0 || diags.has_errors() ? k_exit_invalid : k_exit_ok;
}

} // namespace

CLI::App* add_batch_command(CLI::App& app, Action& action)
{
  auto opt = std::make_shared<BatchOptions>();
  CLI::App* cmd = app.add_subcommand("batch", "Rank every round found under folders, in parallel");
  cmd->add_option("dirs", opt->dirs, "Folders to search for round files (ccnscore/round@1)")->required();
  cmd->add_option("-o,--output", opt->output, "Folder for one sub-folder of results per round and summary.csv")
    ->required();
  cmd->add_option("-j,--jobs", opt->jobs, "Rounds ranked at once (default: all cores)")->check(CLI::Range(1u, 256u));
  cmd->add_flag("--force", opt->force, "Replace the results of a round that are already in the output folder");
  cmd->callback([opt, &action] { action = [opt](Console& c) { return run_batch(*opt, c); }; });
  return cmd;
}

} // namespace ccn
