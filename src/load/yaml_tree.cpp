#include "load/yaml_tree.hpp"

#include "util/file.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cctype>
#include <cerrno>
#include <sstream>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace ccn {

namespace {

struct LimitExceeded
{
  Message message;
  YAML::Mark mark;
};

// Line and column (1-based) of byte `offset` in `bytes`.
std::pair<int, int> position_of(std::string_view bytes, size_t offset)
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

// The message for a control character in text.
Message control_message(char32_t cp)
{
  return {"yaml_control_character", {{"code", fmt::format("{:04X}", static_cast<unsigned>(cp))}}};
}

// Why a file could not be read, in words for people.
Message file_error_reason(const FileError& err)
{
  switch (err.errnum) {
  case ENOENT:
    return {"file_reason_not_found", {}};
  case EACCES:
    return {"file_reason_no_permission", {}};
  case EISDIR:
    return {"file_reason_directory", {}};
  case 0:
    return {"file_reason_not_regular", {}};
  default:
    return {"file_reason_system", {{"text", err.reason}}};
  }
}

Message nesting_message()
{
  return {"yaml_nesting_too_deep", {{"max", k_max_depth}}};
}

// Whether the escape that starts at `bytes[i]` (a backslash) in a
// double-quoted scalar writes a control character that text may not hold.
bool escapes_control(std::string_view bytes, size_t i)
{
  if (i + 1 >= bytes.size()) {
    return false;
  }
  auto hex_value = [&](size_t digits) -> std::optional<unsigned long> {
    if (i + 2 + digits > bytes.size()) {
      return std::nullopt;
    }
    unsigned long v = 0;
    for (size_t k = 0; k < digits; ++k) {
      const auto c = static_cast<char>(std::tolower(static_cast<unsigned char>(bytes[i + 2 + k])));
      const auto d = std::string_view("0123456789abcdef").find(c);
      if (d == std::string_view::npos) {
        return std::nullopt;
      }
      v = v * 16 + d;
    }
    return v;
  };
  std::optional<unsigned long> cp;
  switch (bytes[i + 1]) {
  case '0':
  case 'a':
  case 'b':
  case 'e':
  case 'f':
  case 'r':
  case 'v':
  case 'N':
    return true;
  case 'x':
    cp = hex_value(2);
    break;
  case 'u':
    cp = hex_value(4);
    break;
  case 'U':
    cp = hex_value(8);
    break;
  default:
    return false;
  }
  return cp && *cp <= 0x9F && is_refused_control(static_cast<char32_t>(*cp));
}

// Events of the first document are passed over; the start of a second
// one is an error at its mark.
class DocumentCounter : public YAML::EventHandler
{
public:
  void OnDocumentStart(const YAML::Mark& mark) override
  {
    if (m_started) {
      throw LimitExceeded{{"yaml_second_document", {}}, mark};
    }
    m_started = true;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

private:
  bool m_started = false;
};

// A second document would be silently ignored: refuse it at its start.
// (YAML::LoadAll would build the second document, and on some broken
// input it never stops: only its first event is needed.)
void refuse_second_document(const std::string& bytes)
{
  std::istringstream in(bytes);
  YAML::Parser parser(in);
  DocumentCounter counter;
  while (parser.HandleNextDocument(counter)) {
  }
}

class Converter
{
public:
  explicit Converter(std::string_view bytes) : m_bytes(bytes) {}

  YNode convert(const YAML::Node& node, const YAML::Mark& fallback, int depth)
  {
    if (++m_count > k_max_nodes) {
      throw LimitExceeded{{"yaml_too_many_nodes", {{"max", k_max_nodes}}}, node.Mark()};
    }
    if (depth > k_max_depth) {
      throw LimitExceeded{nesting_message(), node.Mark()};
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
    case YAML::NodeType::Scalar: {
      const std::string& text = node.Scalar();
      // Aliases share their text in yaml-cpp but not here: count what each
      // use copies, so a large anchored scalar used many times stops early.
      // yaml-cpp gives an alias the mark of its anchor: a mark seen before
      // is an alias.
      const bool alias = !m_scalar_marks.insert(mark.pos).second;
      m_text_bytes += text.size();
      if (m_text_bytes > k_max_text_bytes) {
        throw LimitExceeded{{alias ? "yaml_too_much_text_alias" : "yaml_too_much_text", {{"max", k_max_text_bytes}}},
                            mark};
      }
      if (tag != "?" && tag != "!") {
        throw LimitExceeded{{"yaml_explicit_tag", {{"tag", short_token(tag)}}}, mark};
      }
      if (auto control = find_control_char(text)) {
        throw LimitExceeded{control_message(control->code_point), control_mark(mark)};
      }
      out.kind = YNode::Kind::scalar;
      out.text = text;
      out.plain = tag == "?";
      break;
    }
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
  // Where the escape that wrote a refused control character into the
  // double-quoted scalar at `mark` is (the scalar's start if none is found).
  YAML::Mark control_mark(const YAML::Mark& mark) const
  {
    size_t start = mark.pos < 0 ? m_bytes.size() : static_cast<size_t>(mark.pos);
    if (start < m_bytes.size() && m_bytes[start] == '"') {
      for (size_t i = start + 1; i < m_bytes.size() && m_bytes[i] != '"'; ++i) {
        if (m_bytes[i] != '\\') {
          continue;
        }
        if (escapes_control(m_bytes, i)) {
          auto [line, col] = position_of(m_bytes, i);
          YAML::Mark at = mark;
          at.line = line - 1;
          at.column = col - 1;
          return at;
        }
        ++i; // skip the escaped character, which may be a quote
      }
    }
    return mark;
  }

  std::string_view m_bytes;
  size_t m_count = 0;
  size_t m_text_bytes = 0;
  std::unordered_set<int> m_scalar_marks; // positions of the scalars converted so far
};

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
    diags.error({path, line, col}, "yaml_nul_byte", {});
    return std::nullopt;
  }
  if (auto bad = find_invalid_utf8(bytes)) {
    auto [line, col] = position_of(bytes, *bad);
    diags.error({path, line, col}, "yaml_invalid_utf8",
                {{"byte", fmt::format("{:02x}", static_cast<unsigned char>(bytes[*bad]))}});
    return std::nullopt;
  }
  for (size_t from = 0;;) {
    auto control = find_control_char(std::string_view(bytes).substr(from));
    if (!control) {
      break;
    }
    size_t at = from + control->offset;
    if (control->code_point == '\r') {
      from = at + 1; // a line end (CRLF)
      continue;
    }
    auto [line, col] = position_of(bytes, at);
    auto message = control_message(control->code_point);
    diags.error({path, line, col}, message.key, message.args);
    return std::nullopt;
  }
  if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
    diags.error({path, 1, 1}, "yaml_empty_file", {});
    return std::nullopt;
  }
  try {
    YAML::Node node = YAML::Load(bytes);
    refuse_second_document(bytes);
    Converter conv(bytes);
    doc.root = conv.convert(node, YAML::Mark{}, 0);
  } catch (const LimitExceeded& e) {
    diags.error({path, e.mark.line + 1, e.mark.column + 1}, e.message.key, e.message.args);
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    // yaml-cpp appends what it found to some messages: show a short token.
    // Its messages are English only: a Vietnamese message quotes it.
    std::string msg = e.msg;
    if (auto colon = msg.find(": "); colon != std::string::npos) {
      msg = msg.substr(0, colon + 2) + short_token(std::string_view(msg).substr(colon + 2));
    }
    SourcePos pos{path, e.mark.line + 1, e.mark.column + 1};
    if (dynamic_cast<const YAML::DeepRecursion*>(&e) != nullptr) {
      diags.error(pos, "yaml_syntax", {{"detail", nesting_message()}});
    } else {
      diags.error(pos, "yaml_syntax", {{"detail", msg}});
    }
    return std::nullopt;
  }
  return doc;
}

std::optional<std::string> read_input_file(const std::string& path, Diagnostics& diags)
{
  auto bytes = read_file(path);
  if (auto* err = std::get_if<FileError>(&bytes)) {
    if (err->too_large) {
      if (err->size > 0) {
        diags.error({path, 0, 0}, "file_too_large", {{"size", err->size}, {"max", k_max_file_bytes}});
      } else {
        diags.error({path, 0, 0}, "file_larger_than_limit", {{"max", k_max_file_bytes}});
      }
    } else {
      diags.io_error(path, "cannot_read", {{"reason", file_error_reason(*err)}});
    }
    return std::nullopt;
  }
  return std::move(std::get<std::string>(bytes));
}

std::optional<Document> load_document(const std::string& path, Diagnostics& diags)
{
  auto bytes = read_input_file(path, diags);
  if (!bytes) {
    return std::nullopt;
  }
  return parse_document(path, std::move(*bytes), diags);
}

} // namespace ccn
