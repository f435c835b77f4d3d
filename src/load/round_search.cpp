#include "load/round_search.hpp"

#include "load/loaders.hpp"
#include "load/reader.hpp"
#include "load/yaml_tree.hpp"
#include "util/file.hpp"
#include "util/parallel.hpp"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <map>

#include <unistd.h>

namespace ccn {

namespace {

namespace fs = std::filesystem;

// Whether a line of `text` reads `format: ccnscore/round@1`, the value
// quoted or not.
bool declares_round(std::string_view text)
{
  for (size_t at = text.find(k_format_round); at != std::string_view::npos; at = text.find(k_format_round, at + 1)) {
    const size_t newline = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
    std::string_view before = text.substr(newline == std::string_view::npos ? 0 : newline + 1);
    before = before.substr(0, at - (newline == std::string_view::npos ? 0 : newline + 1));
    if (newline == std::string_view::npos && before.starts_with("\xEF\xBB\xBF")) {
      before.remove_prefix(3);
    }
    if (before.starts_with("format:") && before.find_first_not_of(" \t\"'", 7) == std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// Whether `p` is named as the YAML files that batch looks into are.
bool yaml_name(const fs::path& p)
{
  return p.extension() == ".yaml" || p.extension() == ".yml";
}

// What a YAML file under the folders turned out to be.
struct Looked
{
  std::optional<FoundRound> round;       // a round file, with its id
  std::optional<Message> unreadable;     // why it could not be read, if so
};

// The round file at `path` with its id, or nothing when it is no round file.
// A file that cannot be read may be a round: `unreadable` says why it was
// not read. One too large for any input file is no round to rank.
Looked look_into(const std::string& path)
{
  auto bytes = read_file(path);
  if (auto* err = std::get_if<FileError>(&bytes); err != nullptr && !err->too_large) {
    return {std::nullopt, file_error_reason(*err)};
  }
  auto* text = std::get_if<std::string>(&bytes);
  if (text == nullptr || text->find(k_format_round) == std::string::npos) {
    return {};
  }
  // A round file that YAML cannot read is still a round: ranked, it is an
  // error row that says why, rather than a round passed over in silence.
  const bool declared = declares_round(*text);
  Diagnostics ignore;
  auto doc = parse_document(path, std::move(*text), ignore);
  if (!doc) {
    return {declared ? std::optional<FoundRound>(FoundRound{path, {}, {}, {}}) : std::nullopt, std::nullopt};
  }
  if (document_format(doc->root) != k_format_round) {
    return {};
  }
  FoundRound f{path, {}, {}, {}};
  for (const auto& [k, v] : doc->root.entries) {
    if (k.text == "id" && v.kind == YNode::Kind::scalar) {
      f.id = v.text;
      f.id_pos = {path, v.line, v.col};
    }
  }
  return {f, std::nullopt};
}

} // namespace

std::vector<FoundRound> find_round_files(const std::vector<std::string>& dirs, const FolderId& out_dir, unsigned jobs,
                                    Diagnostics& diags)
{
  std::vector<std::string> candidates;
  // `where_known`: the file's folders are known not to be the output
  // folder, so that its place need not be looked up again.
  auto consider = [&](const fs::path& p, bool regular, bool where_known) {
    if (!regular || !yaml_name(p)) {
      return;
    }
    if (!where_known && lies_in(p, out_dir)) {
      return;
    }
    candidates.push_back(p.string());
  };
  for (const auto& d : dirs) {
    std::error_code ec;
    fs::file_status st = fs::status(d, ec);
    if (ec || !fs::exists(st)) {
      diags.io_error(d, "cannot_read",
                     {{"reason", ec ? error_code_reason(ec) : Message{"file_reason_not_found", {}}}});
      continue;
    }
    if (!fs::is_directory(st)) {
      consider(d, fs::is_regular_file(st), false);
      continue;
    }
    // Below a folder outside the output folder, a file that is no symbolic
    // link lies in the output folder only through a folder the walk meets,
    // and skips, on its way: only links need their place looked up (a dozen
    // system calls a file, which for 1,000 rounds' 25,000 files took a
    // quarter of a second before the second core could start). In the
    // output folder itself, every file is looked at, a link that leads out
    // of it being taken.
    const bool outside = folder_id(d) != out_dir && !lies_in(d, out_dir);
    for (auto it = fs::recursive_directory_iterator(d, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code ignore;
      const bool link = it->is_symlink(ignore);
      if (!link && it->is_directory(ignore)) {
        if (folder_id(it->path()) == out_dir) {
          it.disable_recursion_pending();
          continue;
        }
        // The walk passes over a folder it may not enter: say so, since
        // rounds in it would go unranked without a word.
        if (::access(it->path().c_str(), R_OK | X_OK) != 0) {
          diags.io_error(it->path().string(), "batch_unreadable_folder",
                         {{"reason", error_code_reason(std::error_code(errno, std::generic_category()))}});
          it.disable_recursion_pending();
          continue;
        }
      }
      // The entry knows its type from the folder's listing; a link's is
      // that of what it names.
      const bool regular = it->is_regular_file(ignore);
      if (link && !regular && !it->exists(ignore) && yaml_name(it->path())) {
        // A link to a YAML file that is not there (a drive not mounted, a
        // file moved): it may have been a round.
        diags.io_error(it->path().string(), "batch_unreadable_file", {{"reason", Message{"file_reason_not_found", {}}}});
        continue;
      }
      consider(it->path(), regular, outside && !link);
    }
    if (ec) {
      diags.io_error(d, "cannot_read_folder", {{"reason", error_code_reason(ec)}});
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<Looked> looked(candidates.size());
  parallel_for(candidates.size(), jobs, [&](size_t i) {
    try {
      looked[i] = look_into(candidates[i]);
    } catch (...) {
      looked[i] = {FoundRound{candidates[i], {}, {}, {}}, std::nullopt};
    }
  });
  std::vector<FoundRound> out;
  std::map<std::string, std::string> first_of;
  for (size_t i = 0; i < looked.size(); ++i) {
    if (looked[i].unreadable) {
      diags.io_error(candidates[i], "batch_unreadable_file", {{"reason", *looked[i].unreadable}});
    }
    auto& f = looked[i].round;
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

} // namespace ccn
