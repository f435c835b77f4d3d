// `ccnscore batch DIR... -o OUTDIR`: rank every round found under folders,
// in parallel, for a secretariat that handles several clusters at once.

#include "cli/batch.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/usage_error.hpp"
#include "verify/recorded.hpp"
#include "load/loaders.hpp"
#include "load/reader.hpp"
#include "load/round_load.hpp"
#include "load/round_search.hpp"
#include "render/diagnostic_text.hpp"
#include "render/messages.hpp"
#include "render/render.hpp"
#include "render/report.hpp"
#include "score/score.hpp"
#include "util/file.hpp"
#include "util/folder.hpp"
#include "util/json_exact.hpp"
#include "util/parallel.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <variant>

#include <fcntl.h>
#include <unistd.h>

namespace ccn {

namespace {

namespace fs = std::filesystem;

// The result batch wrote earlier into `dir`, with its bytes, or why there
// is none that batch may replace.
struct Previous
{
  std::string text;
  nlohmann::json json;
};
std::variant<std::monostate, Previous, Message> previous_result(const fs::path& dir)
{
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    return std::monostate{};
  }
  const std::string path = (dir / "result.json").string();
  auto bytes = read_file(path, k_max_result_bytes);
  if (auto* err = std::get_if<FileError>(&bytes)) {
    return Message{"batch_previous_unreadable", {{"folder", dir.string()}, {"reason", err->reason}}};
  }
  Previous p{std::get<std::string>(bytes), {}};
  p.json = parse_exact(p.text);
  bool ok = p.json.is_object() && p.json.contains("inputs") && p.json["inputs"].is_array();
  for (size_t i = 0; ok && i < p.json["inputs"].size(); ++i) {
    const auto& in = p.json["inputs"][i];
    ok = in.is_object() && in.contains("role") && in["role"].is_string() && in.contains("path")
         && in["path"].is_string() && in.contains("sha256") && in["sha256"].is_string();
  }
  if (!ok || (p.json.contains("inputs_root") && !p.json["inputs_root"].is_string())) {
    return Message{"batch_previous_not_result", {{"folder", dir.string()}}};
  }
  return p;
}

// Write `files` as new files into the folder `tmp`, made for them and to
// become `dir`: all of them first (past the page cache, see write_new_file)
// and then their fsyncs, so that the file system commits them together
// rather than once a file. Nothing on success.
std::optional<Message> write_new_files(const fs::path& tmp, const fs::path& dir,
                            const std::vector<std::pair<std::string, std::string>>& files)
{
  std::vector<int> fds;
  std::optional<Message> why;
  auto failed = [&](const std::string& name, int errnum) {
    why = Message{"batch_cannot_write", {{"path", (dir / name).string()}, {"reason", std::strerror(errnum)}}};
  };
  for (const auto& [name, text] : files) {
    // Mode 0666, so that the umask (and a default ACL) applies as to any new file.
    int fd = ::open((tmp / name).c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) {
      failed(name, errno);
      break;
    }
    fds.push_back(fd);
    if (int errnum = write_new_file(fd, text); errnum != 0) {
      failed(name, errnum);
      break;
    }
  }
  for (size_t i = 0; i < fds.size(); ++i) {
    if (!why && ::fsync(fds[i]) != 0) {
      failed(files[i].first, errno);
    }
    if (::close(fds[i]) != 0 && !why) {
      failed(files[i].first, errno);
    }
  }
  return why;
}

// Write the outputs of one round into its folder through a temporary
// folder, so that the folder appears whole or not at all. Nothing on success.
std::optional<Message> publish(const BatchFolder& f)
{
  const fs::path& dir = f.dir;
  std::error_code ec;
  bool exists = fs::exists(dir, ec);
  if (exists && !f.replace) {
    return Message{"batch_folder_exists", {{"folder", dir.string()}}};
  }
  std::string tmpl;
  if (std::string why = create_temporary_folder(dir.string(), tmpl); !why.empty()) {
    return Message{"batch_cannot_create_in", {{"folder", dir.parent_path().string()}, {"reason", why}}};
  }
  fs::path tmp(tmpl);
  if (auto why = write_new_files(tmp, dir, f.files)) {
    fs::remove_all(tmp, ec);
    return why;
  }
  fs::path old;
  if (exists) {
    old = dir.parent_path() / ("." + dir.filename().string() + ".old-" + tmp.filename().string().substr(tmp.filename().string().size() - 6));
    fs::rename(dir, old, ec);
    if (ec) {
      fs::remove_all(tmp, ec);
      return Message{"batch_cannot_replace", {{"folder", dir.string()}, {"reason", ec.message()}}};
    }
  }
  fs::rename(tmp, dir, ec);
  if (ec) {
    std::string why = ec.message();
    if (exists) {
      fs::rename(old, dir, ec);
    }
    fs::remove_all(tmp, ec);
    return Message{"batch_cannot_create", {{"folder", dir.string()}, {"reason", why}}};
  }
  if (exists) {
    fs::remove_all(old, ec);
  }
  return std::nullopt;
}

// The language of a round that is not ranked: its criteria's, as ranking
// it would choose, unless --lang was given.
Lang round_language(const BatchRound& f)
{
  if (f.lang_asked) {
    return f.lang;
  }
  Diagnostics scratch;
  if (auto bundle = load_round(f.path, scratch)) {
    return default_lang(bundle->criteria);
  }
  return language_read(scratch).value_or(f.lang);
}

} // namespace

BatchOutcome rank_round_into(const BatchRound& f, const fs::path& out_dir, bool force, std::string& diag_text)
{
  BatchOutcome o;
  o.path = f.path;
  o.round = f.id;
  Lang& lang = o.lang;
  lang = f.lang;
  if (!f.duplicate_of.empty()) {
    // An error in the round's own file, at its id, in the words that
    // ranking it would have used.
    o.status = "error";
    lang = round_language(f);
    Diagnostics diags;
    diags.error(f.id_pos, "batch_duplicate_round", {{"round", f.id}, {"other", f.duplicate_of}});
    o.errors.push_back(format_diagnostic(diags.items().front(), lang));
    diag_text = terminal_safe(o.errors.back()) + "\n";
    return o;
  }
  const fs::path dir = out_dir / f.id;
  // A round with no id, or one that is no identifier ("." or a path), has
  // no folder of its own: OUTDIR/ itself is no previous result, and loading
  // the round says what is wrong with it.
  auto previous = is_identifier(f.id) ? previous_result(dir) : std::monostate{};
  if (auto* why = std::get_if<Message>(&previous); why != nullptr && !force) {
    o.status = "error";
    lang = round_language(f);
    o.errors.push_back(tr(lang, why->key, why->args));
    diag_text = terminal_safe(format_program_error(f.path, lang, why->key, why->args)) + "\n";
    return o;
  }
  Diagnostics diags;
  auto bundle = load_round(f.path, diags);
  std::optional<RoundResult> result;
  if (bundle) {
    o.cluster = bundle->round.cluster;
    if (!f.lang_asked) {
      lang = default_lang(bundle->criteria);
    }
    result = score_round(*bundle, diags);
  }
  if (!result) {
    o.status = "error";
    if (auto read = language_read(diags); read && !f.lang_asked && !bundle) {
      lang = *read; // the round's criteria were read, if not the rest: their language speaks
    }
    for (const auto& d : diags.items()) {
      o.errors.push_back(format_diagnostic(d, lang));
      diag_text += terminal_safe(format_diagnostic(d, lang)) + "\n";
    }
    return o;
  }
  // A round that ranks may still warn, as rank and check do, and a tie for
  // first waiting for the chair's proposal is said here too (8.4).
  if (!result->awaiting_proposal.empty()) {
    diags.warning({f.path, 0, 0}, "check_awaiting_proposal", {MsgArg::list("applicants", result->awaiting_proposal)});
  }
  for (const auto& d : diags.items()) {
    diag_text += terminal_safe(format_diagnostic(d, lang)) + "\n";
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
  auto* before = std::get_if<Previous>(&previous);
  const bool unchanged =
    before != nullptr && same_inputs(recorded_inputs(before->json, (dir / "result.json").string()), bundle->inputs);
  if (unchanged && !force) {
    o.run = "up_to_date";
    return o;
  }
  // The round's path is recorded as found, relative to the working folder,
  // which is recorded relative to the result, so that verify finds the
  // inputs from anywhere.
  std::error_code ec;
  std::vector<std::pair<std::string, std::string>> files{
    {"result.json", render_json(*result, lang, root_from(dir.string(), fs::current_path(ec).string()))},
    {"table.csv", std::string(k_csv_file_bom) + render_csv(*result, lang)},
    {"report.html", render_report_html(*result, lang)}};
  if (before != nullptr) {
    files.emplace_back("result.previous.json", before->text);
  }
  o.run = before == nullptr ? "new" : unchanged ? "recomputed" : "updated";
  o.folder = BatchFolder{dir, std::move(files), force || before != nullptr};
  return o;
}

namespace {

// Rank one round into `outcome`; a failure of any kind, an exception from a
// bug included, is that round's error and never stops the others. Returns
// the round's messages for standard error.
std::string rank_safely(const RoundRanker& rank, const BatchRound& round, const fs::path& out_dir, bool force,
                        BatchOutcome& outcome)
{
  std::string text;
  std::string failure;
  try {
    outcome = rank(round, out_dir, force, text);
    return text;
  } catch (const std::exception& e) {
    failure = e.what();
  } catch (...) {
    failure = "an exception of unknown type";
  }
  outcome = BatchOutcome{};
  outcome.round = round.id;
  outcome.path = round.path;
  outcome.status = "error";
  outcome.errors.push_back(fmt::format(
    "internal error: {}; this is a bug in ccnscore, please report it with the command and its input files", failure));
  return fmt::format("{}: error: {}\n", terminal_safe(round.path), terminal_safe(outcome.errors.back()));
}

// Writes the rounds' folders on threads of its own while the next rounds are
// scored, so that scoring never waits for the disk. It holds at most
// `capacity` rounds' outputs (scoring waits when they are all taken), so that
// memory does not grow with the number of rounds.
class FolderWriter
{
public:
  // `failed(i, why)` is called, on a writer's thread, for round i whose folder could not be written.
  FolderWriter(unsigned threads, size_t capacity, std::function<void(size_t, const Message&)> failed)
    : m_capacity(capacity), m_failed(std::move(failed))
  {
    for (unsigned t = 0; t < threads; ++t) {
      m_threads.emplace_back([this] { work(); });
    }
  }
  FolderWriter(const FolderWriter&) = delete;
  FolderWriter& operator=(const FolderWriter&) = delete;
  ~FolderWriter() { finish(); }

  // Queue round i's folder, once there is room.
  void write(size_t i, BatchFolder folder)
  {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_room.wait(lock, [&] { return m_queue.size() < m_capacity; });
    m_queue.emplace_back(i, std::move(folder));
    m_ready.notify_one();
  }

  // Write what is queued and stop.
  void finish()
  {
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      m_closing = true;
    }
    m_ready.notify_all();
    for (auto& t : m_threads) {
      if (t.joinable()) {
        t.join();
      }
    }
  }

private:
  void work()
  {
    for (;;) {
      std::unique_lock<std::mutex> lock(m_mutex);
      m_ready.wait(lock, [&] { return m_closing || !m_queue.empty(); });
      if (m_queue.empty()) {
        return;
      }
      auto [i, folder] = std::move(m_queue.front());
      m_queue.pop_front();
      m_room.notify_one();
      lock.unlock();
      std::optional<Message> why;
      try {
        why = publish(folder);
      } catch (const std::exception& e) {
        why = Message{"batch_cannot_write", {{"path", folder.dir.string()}, {"reason", e.what()}}};
      }
      if (why) {
        m_failed(i, *why);
      }
    }
  }

  size_t m_capacity;
  std::function<void(size_t, const Message&)> m_failed;
  std::mutex m_mutex;
  std::condition_variable m_room;
  std::condition_variable m_ready;
  std::deque<std::pair<size_t, BatchFolder>> m_queue;
  bool m_closing = false;
  std::vector<std::thread> m_threads;
};

} // namespace

int run_batch(const BatchOptions& opt, Console& console, const RoundRanker& rank)
{
  if (int rc = refuse_non_folder(opt.output, console); rc != k_exit_ok) {
    return rc;
  }
  std::error_code ec;
  fs::create_directories(opt.output, ec);
  if (ec) {
    print_error(console, opt.output, "cannot_create_folder", {{"reason", ec.message()}});
    return k_exit_io;
  }
  auto folder_lock = FolderLock::take(opt.output);
  if (auto* err = std::get_if<Message>(&folder_lock)) {
    print_error(console, opt.output, err->key, err->args);
    return k_exit_io;
  }
  remove_stale_temporaries(opt.output);
  const fs::path out_dir = fs::weakly_canonical(opt.output, ec);
  const std::optional<FolderId> out_id = folder_id(opt.output);
  if (!out_id) {
    print_error(console, opt.output, "batch_output_not_folder");
    return k_exit_io;
  }
  Diagnostics diags;
  unsigned jobs = thread_count(opt.jobs);
  std::vector<BatchRound> rounds;
  for (auto& found : find_round_files(opt.dirs, *out_id, jobs, diags)) {
    rounds.push_back({std::move(found.path), std::move(found.id), std::move(found.duplicate_of), std::move(found.id_pos),
                      {}, false});
  }
  print_diagnostics(diags, console.err, console.lang);
  for (auto& r : rounds) {
    r.lang = console.lang;
    r.lang_asked = console.lang_asked;
  }
  std::vector<BatchOutcome> outcomes(rounds.size());
  // Each round's messages go to standard error in the order of the rounds,
  // whichever job finishes first, so that two runs print the same text.
  std::vector<std::optional<std::string>> texts(rounds.size());
  size_t next_text = 0;
  size_t done = 0;
  std::mutex io;
  const auto start = std::chrono::steady_clock::now();
  // A round folder that could not be written is that round's error row, and
  // the run's status is 3, as for any output that could not be written.
  std::atomic<bool> unwritten{false};
  FolderWriter writer(jobs, 2 * static_cast<size_t>(jobs), [&](size_t i, const Message& why) {
    unwritten = true;
    BatchOutcome& o = outcomes[i];
    o.run.clear();
    o.status = "error";
    // No result was written: the summary names no winner for it.
    o.winner.clear();
    o.winner_total.clear();
    o.errors.push_back(tr(o.lang, why.key, why.args));
    std::string line = terminal_safe(format_program_error(o.path, o.lang, why.key, why.args)) + "\n";
    std::lock_guard<std::mutex> lock(io);
    console.err << line;
  });
  parallel_for(rounds.size(), jobs, [&](size_t i) {
    std::string text = rank_safely(rank, rounds[i], out_dir, opt.force, outcomes[i]);
    if (outcomes[i].folder) {
      writer.write(i, std::move(*outcomes[i].folder));
      outcomes[i].folder.reset();
    }
    std::lock_guard<std::mutex> lock(io);
    const size_t finished = ++done;
    texts[i] = std::move(text);
    std::string ready;
    for (; next_text < texts.size() && texts[next_text]; ++next_text) {
      ready += *texts[next_text];
      texts[next_text]->clear();
    }
    if (console.err_is_terminal) {
      double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      double left = elapsed / static_cast<double>(finished) * static_cast<double>(rounds.size() - finished);
      console.err << "\r\033[K"
                  << terminal_safe(tr(console.lang, "batch_progress",
                                      {{"done", finished},
                                       {"rounds", rounds.size()},
                                       {"round", rounds[i].id},
                                       {"seconds", static_cast<int64_t>(left + 0.5)}}));
      if (!ready.empty()) {
        console.err << "\r\033[K";
      }
    }
    console.err << ready;
  });
  writer.finish();
  // The rounds' folders were renamed into place: their names are on the disk
  // once the output folder is synced, one sync for all of them.
  sync_folder(out_dir.string());
  if (console.err_is_terminal && !rounds.empty()) {
    console.err << "\r\033[K";
  }
  std::string summary = std::string(k_csv_file_bom) + "round,cluster,winner,winner_total,status,errors,file,run\r\n";
  size_t failed = 0;
  std::map<std::string, size_t> runs;
  for (const auto& o : outcomes) {
    std::string errors;
    for (const auto& e : o.errors) {
      errors += (errors.empty() ? "" : "\n") + e;
    }
    failed += o.status == "error" ? 1 : 0;
    ++runs[o.run];
    // A path may hold any bytes: those that are not UTF-8 (and control
    // characters) are written as escapes, as on a terminal, so that the
    // summary stays UTF-8 for the spreadsheet that opens it.
    summary += fmt::format("{},{},{},{},{},{},{},{}\r\n", csv_field(o.round), csv_field(o.cluster),
                           csv_field(o.winner), csv_field(o.winner_total), csv_field(o.status),
                           csv_field(terminal_safe(errors, true)), csv_field(terminal_safe(o.path)), csv_field(o.run));
  }
  std::string summary_path = (fs::path(opt.output) / "summary.csv").string();
  if (std::string why = write_file_atomic(summary_path, summary); !why.empty()) {
    print_error(console, summary_path, "cannot_write", {{"reason", why}});
    return k_exit_io;
  }
  // Each round's line speaks its round's language, as its messages do; the
  // closing line speaks the one that every round speaks, if they agree.
  std::optional<Lang> common;
  bool agree = !console.lang_asked && !outcomes.empty();
  for (const auto& o : outcomes) {
    agree = agree && (!common || *common == o.lang);
    common = o.lang;
    if (o.run == "up_to_date") {
      console.out << terminal_safe(tr(o.lang, "batch_up_to_date", {{"round", o.round}})) << "\n";
    } else if (o.run == "updated") {
      console.out << terminal_safe(tr(o.lang, "batch_updated",
                                      {{"round", o.round},
                                       {"path", (fs::path(opt.output) / o.round / "result.previous.json").string()}}))
                  << "\n";
    }
  }
  const bool resumed = runs["up_to_date"] + runs["updated"] + runs["recomputed"] > 0;
  MsgArgs summary_args{{"ranked", rounds.size() - failed}, {"failed", failed}, {"summary", summary_path}};
  if (resumed) {
    summary_args.insert(summary_args.end(), {{"new", runs["new"]},
                                             {"updated", runs["updated"]},
                                             {"up_to_date", runs["up_to_date"]},
                                             {"recomputed", runs["recomputed"]}});
  }
  const Lang& closing = agree ? *common : console.lang;
  console.out << terminal_safe(tr(closing, resumed ? "batch_summary_resumed" : "batch_summary", summary_args))
              << "\n";
  if (diags.has_io_errors() || unwritten) {
    return k_exit_io;
  }
  return failed > 0 || diags.has_errors() ? k_exit_invalid : k_exit_ok;
}

CLI::App* add_batch_command(CLI::App& app, Action& action)
{
  auto opt = std::make_shared<BatchOptions>();
  CLI::App* cmd = app.add_subcommand("batch");
  cmd->add_option("dirs", opt->dirs)->type_name("DIR")->required();
  cmd->add_option("-o,--output", opt->output)->type_name("DIR")->required()->check(k_path_value);
  cmd->add_option("-j,--jobs", opt->jobs)->check(CLI::Range(1u, 256u));
  cmd->add_flag("--force", opt->force);
  cmd->callback([opt, &action] { action = [opt](Console& c) { return run_batch(*opt, c); }; });
  return cmd;
}

} // namespace ccn
