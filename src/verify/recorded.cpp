#include "verify/recorded.hpp"

#include <filesystem>
#include <set>
#include <tuple>

namespace ccn {

namespace fs = std::filesystem;

std::optional<std::string> recorded_inputs_root(const nlohmann::json& rec, const std::string& result_path)
{
  if (!rec.contains("inputs_root") || !rec["inputs_root"].is_string()) {
    return std::nullopt;
  }
  return (fs::path(result_path).parent_path() / rec["inputs_root"].get<std::string>()).lexically_normal().string();
}

std::vector<Recorded> recorded_inputs(const nlohmann::json& rec, const std::string& result_path,
                                      const std::string& root)
{
  std::vector<Recorded> inputs;
  for (const auto& in : rec["inputs"]) {
    inputs.push_back({in["role"], in["path"], in["sha256"], {}});
  }
  fs::path base_of_round = fs::path(result_path).parent_path();
  if (!root.empty()) {
    base_of_round = root;
  } else if (auto recorded = recorded_inputs_root(rec, result_path)) {
    base_of_round = *recorded;
  }
  auto resolve = [](const fs::path& base, const std::string& path) {
    fs::path p(path);
    return (p.is_absolute() ? p : base / p).lexically_normal().string();
  };
  fs::path base = base_of_round;
  // `rank -o ROUND-FOLDER/ket-qua.json` records the round's path as given,
  // relative to the working folder: when the round is not found beside
  // the result, it is looked for there (the SHA-256 still decides).
  const bool may_fall_back = root.empty() && !rec.contains("inputs_root");
  for (auto& in : inputs) {
    if (in.role == "round") {
      in.resolved = resolve(base_of_round, in.path);
      std::error_code ec;
      if (may_fall_back && !fs::exists(in.resolved, ec) && fs::is_regular_file(resolve(fs::path(), in.path), ec)) {
        in.resolved = resolve(fs::path(), in.path);
      }
      base = fs::path(in.resolved).parent_path();
    }
  }
  for (auto& in : inputs) {
    if (in.resolved.empty()) {
      in.resolved = resolve(base, in.path);
    }
  }
  return inputs;
}

bool same_inputs(const std::vector<Recorded>& recorded, const std::vector<InputFile>& today)
{
  auto file = [](const std::string& path) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(path, ec);
    return ec ? fs::path(path).lexically_normal().string() : p.string();
  };
  std::set<std::tuple<std::string, std::string, std::string>> was;
  std::set<std::tuple<std::string, std::string, std::string>> is;
  for (const auto& r : recorded) {
    was.emplace(r.role, file(r.resolved), r.sha256);
  }
  for (const auto& t : today) {
    is.emplace(t.role, file(t.resolved), t.sha256);
  }
  return was == is;
}

std::string root_from(const std::string& result_dir, const std::string& cwd)
{
  std::error_code ec;
  fs::path from = fs::weakly_canonical(result_dir, ec);
  fs::path to = fs::weakly_canonical(cwd, ec);
  fs::path rel = to.lexically_relative(from);
  return rel.empty() ? to.string() : rel.string();
}

} // namespace ccn
