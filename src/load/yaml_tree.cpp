#include "load/yaml_tree.hpp"

#include "util/file.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

namespace ccn {

namespace {

struct LimitExceeded
{
  std::string message;
  YAML::Mark mark;
};

class Converter
{
public:
  YNode convert(const YAML::Node& node, const YAML::Mark& fallback, int depth)
  {
    if (++m_count > k_max_nodes) {
      throw LimitExceeded{fmt::format("the file expands to more than {} nodes (aliases included)", k_max_nodes),
                          node.Mark()};
    }
    if (depth > k_max_depth) {
      throw LimitExceeded{fmt::format("nesting is deeper than {} levels", k_max_depth), node.Mark()};
    }
    YNode out;
    YAML::Mark mark = node.Mark();
    if (mark.is_null()) {
      mark = fallback;
    }
    out.line = mark.line + 1;
    out.col = mark.column + 1;
    const std::string& tag = node.Tag();
    switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      out.kind = YNode::Kind::null;
      break;
    case YAML::NodeType::Scalar:
      out.kind = YNode::Kind::scalar;
      out.text = node.Scalar();
      out.plain = tag == "?";
      if (tag != "?" && tag != "!") {
        throw LimitExceeded{fmt::format("explicit YAML tags such as '{}' are not accepted", tag), mark};
      }
      break;
    case YAML::NodeType::Sequence:
      out.kind = YNode::Kind::seq;
      for (const auto& item : node) {
        out.items.push_back(convert(item, mark, depth + 1));
      }
      break;
    case YAML::NodeType::Map:
      out.kind = YNode::Kind::map;
      for (const auto& kv : node) {
        YNode key = convert(kv.first, mark, depth + 1);
        YAML::Mark key_mark{};
        key_mark.line = key.line - 1;
        key_mark.column = key.col - 1;
        // An empty value has no useful mark of its own: point at its key.
        YNode value = convert(kv.second, key_mark, depth + 1);
        if (value.kind == YNode::Kind::null) {
          value.line = key.line;
          value.col = key.col;
        }
        out.entries.push_back(YEntry{std::move(key), std::move(value)});
      }
      break;
    }
    return out;
  }

private:
  size_t m_count = 0;
};

// Line and column (1-based) of byte `offset` in `bytes`.
std::pair<int, int> position_of(const std::string& bytes, size_t offset)
{
  int line = 1;
  int col = 1;
  for (size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {line, col};
}

} // namespace

std::optional<Document> parse_document(const std::string& path, std::string bytes, Diagnostics& diags)
{
  Document doc;
  doc.path = path;
  doc.sha256 = sha256_hex(bytes);
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    bytes.erase(0, 3);
  }
  if (auto nul = bytes.find('\0'); nul != std::string::npos) {
    auto [line, col] = position_of(bytes, nul);
    diags.error({path, line, col}, "a NUL byte: this is a binary file, not a YAML text file");
    return std::nullopt;
  }
  if (auto bad = find_invalid_utf8(bytes)) {
    auto [line, col] = position_of(bytes, *bad);
    diags.error({path, line, col},
                fmt::format("invalid UTF-8 (byte 0x{:02x}); save the file as UTF-8",
                            static_cast<unsigned char>(bytes[*bad])));
    return std::nullopt;
  }
  if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
    diags.error({path, 1, 1}, "the file is empty; expected a YAML map with a 'format:' key");
    return std::nullopt;
  }
  try {
    YAML::Node node = YAML::Load(bytes);
    Converter conv;
    doc.root = conv.convert(node, YAML::Mark{}, 0);
  } catch (const LimitExceeded& e) {
    diags.error({path, e.mark.line + 1, e.mark.column + 1}, e.message);
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    std::string msg = e.msg;
    if (dynamic_cast<const YAML::DeepRecursion*>(&e) != nullptr) {
      msg = fmt::format("nesting is deeper than {} levels", k_max_depth);
    }
    diags.error({path, e.mark.line + 1, e.mark.column + 1}, "YAML syntax: " + msg);
    return std::nullopt;
  }
  return doc;
}

std::optional<Document> load_document(const std::string& path, Diagnostics& diags)
{
  auto bytes = read_file(path);
  if (auto* err = std::get_if<FileError>(&bytes)) {
    if (err->too_large) {
      diags.error({path, 0, 0}, err->reason);
    } else {
      diags.io_error(path, "cannot read: " + err->reason);
    }
    return std::nullopt;
  }
  return parse_document(path, std::move(std::get<std::string>(bytes)), diags);
}

} // namespace ccn
