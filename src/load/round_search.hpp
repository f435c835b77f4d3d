#pragma once
// Finding the round files under folders, for `batch`: every YAML file whose
// format is ccnscore/round@1, with its id.

#include "util/diag.hpp"
#include "util/folder.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ccn {

// A round file found under the folders, with its id.
struct FoundRound
{
  std::string path;
  std::string id;
  std::string duplicate_of; // an earlier round file (by path) with the same id
  SourcePos id_pos;         // where the id is written
};

// Every round file under `dirs` (sorted), skipping the output folder
// `out_dir` by identity, not by path. Directory symlinks are not followed,
// so links that loop do no harm. The files are looked into on `jobs`
// threads; one that cannot be looked into is kept, for ranking to report.
// A YAML file, or a folder, that cannot be read is an I/O error in `diags`:
// it may hold a round that would otherwise go unranked without a word.
std::vector<FoundRound> find_round_files(const std::vector<std::string>& dirs, const FolderId& out_dir, unsigned jobs,
                                         Diagnostics& diags);

} // namespace ccn
