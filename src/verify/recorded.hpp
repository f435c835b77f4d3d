#pragma once
// The inputs a result file records, found again on disk: shared by verify,
// which checks them, and batch, which keeps a result whose inputs are unchanged.

#include "model/round_bundle.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace ccn {

// One entry of a result's `inputs`, with the path it resolves to today.
struct Recorded
{
  std::string role;
  std::string path;
  std::string sha256;
  std::string resolved;
};

// The `inputs` of the result `rec`, read from `result_path`, each resolved:
// the round's path against `root` (default: the folder the result records
// as `inputs_root`, relative to its own folder, or else its own folder),
// every other path against the round file's folder. `rec` must have passed
// verify's shape check.
std::vector<Recorded> recorded_inputs(const nlohmann::json& rec, const std::string& result_path,
                                      const std::string& root = {});

// Whether `recorded` names the same files as `today`, by role and by the
// file each path reaches, each with the same SHA-256.
bool same_inputs(const std::vector<Recorded>& recorded, const std::vector<InputFile>& today);

// The folder that the result at `result_path` records as `inputs_root`
// (relative to the result's folder), lexically normal; nothing when the
// result records none.
std::optional<std::string> recorded_inputs_root(const nlohmann::json& rec, const std::string& result_path);

// The folder, relative to `result_dir`, from which `cwd` is reached: what
// a result written into `result_dir` records as `inputs_root` when its
// paths are relative to `cwd`.
std::string root_from(const std::string& result_dir, const std::string& cwd);

} // namespace ccn
