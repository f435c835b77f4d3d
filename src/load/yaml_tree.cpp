#include "load/yaml_tree.hpp"

#include "util/file.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <cctype>
#include <cerrno>
#include <istream>
#include <streambuf>
#include <string_view>
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

// The bytes of a file as a stream for yaml-cpp's parser, without a copy.
class BytesBuf : public std::streambuf
{
public:
  explicit BytesBuf(std::string_view bytes)
  {
    char* p = const_cast<char*>(bytes.data()); // NOLINT: only read through the get area
    setg(p, p, p + bytes.size());
  }
};

// Builds the tree straight from yaml-cpp's parser events, checking the
// limits as it goes. The checks run in the order of a walk over the node
// tree yaml-cpp would build (each node before its children, a key before
// its value, an alias walked again where it is used), so the first limit
// met is the one a walk would meet. A limit does not end the parse: a
// syntax error further on is reported instead, as it was when the whole
// tree was built first. The second document is refused before any limit.
class TreeBuilder : public YAML::EventHandler
{
public:
  explicit TreeBuilder(std::string_view bytes) : m_bytes(bytes) {}

  // The first limit met, if any.
  const std::optional<LimitExceeded>& limit() const { return m_limit; }

  // The root of the first document: a null at 1:1 when there is none.
  YNode take_root()
  {
    if (!m_has_root) {
      YNode none;
      none.line = 1;
      none.col = 1;
      return none;
    }
    if (m_saw_anchor) {
      point_empty_values_at_keys(m_root);
    }
    return std::move(m_root);
  }

  void OnDocumentStart(const YAML::Mark& mark) override
  {
    if (m_started) {
      throw LimitExceeded{{"yaml_second_document", {}}, mark};
    }
    m_started = true;
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override
  {
    if (m_limit || !admit(mark, m_stack.size())) {
      return;
    }
    YNode node;
    set_pos(node, mark);
    finish(std::move(node), anchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override
  {
    if (m_limit || !admit(mark, m_stack.size()) || !admit_text(value, mark, false)) {
      return;
    }
    if (tag != "?" && tag != "!") {
      m_limit = LimitExceeded{{"yaml_explicit_tag", {{"tag", short_token(tag)}}}, mark};
      return;
    }
    if (auto control = find_control_char(value)) {
      m_limit = LimitExceeded{control_message(control->code_point), control_mark(mark)};
      return;
    }
    YNode node;
    node.kind = YNode::Kind::scalar;
    node.text = value;
    node.plain = tag == "?";
    set_pos(node, mark);
    finish(std::move(node), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override
  {
    open(mark, anchor, YNode::Kind::seq);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override
  {
    open(mark, anchor, YNode::Kind::map);
  }
  void OnMapEnd() override { close(); }

  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override
  {
    if (m_limit) {
      return;
    }
    if (anchor >= m_anchors.size() || !m_anchors[anchor]) {
      expand_cycle(anchor);
      return;
    }
    YNode copy;
    if (walk_again(*m_anchors[anchor], m_stack.size(), &copy)) {
      attach(std::move(copy));
    }
  }

private:
  // A list or map still open, at the depth of its place in the stack.
  struct Frame
  {
    YNode node;
    YAML::anchor_t anchor = YAML::NullAnchor;
    bool has_key = false; // a map's key waiting for its value
    YNode key;
  };

  static void set_pos(YNode& node, const YAML::Mark& mark)
  {
    node.line = mark.line + 1;
    node.col = mark.column + 1;
  }

  static YAML::Mark mark_of(const YNode& node)
  {
    YAML::Mark mark;
    mark.line = node.line - 1;
    mark.column = node.col - 1;
    return mark;
  }

  // Counts one more node at `depth`; false (the limit recorded) when
  // there are too many or it is too deep.
  bool admit(const YAML::Mark& mark, size_t depth)
  {
    if (++m_count > k_max_nodes) {
      m_limit = LimitExceeded{{"yaml_too_many_nodes", {{"max", k_max_nodes}}}, mark};
      return false;
    }
    if (depth > static_cast<size_t>(k_max_depth)) {
      m_limit = LimitExceeded{nesting_message(), mark};
      return false;
    }
    return true;
  }

  // Counts the bytes of a scalar's text, each time it is used.
  bool admit_text(const std::string& text, const YAML::Mark& mark, bool alias)
  {
    m_text_bytes += text.size();
    if (m_text_bytes > k_max_text_bytes) {
      m_limit = LimitExceeded{{alias ? "yaml_too_much_text_alias" : "yaml_too_much_text", {{"max", k_max_text_bytes}}},
                              mark};
      return false;
    }
    return true;
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor, YNode::Kind kind)
  {
    if (m_limit || !admit(mark, m_stack.size())) {
      return;
    }
    m_saw_anchor = m_saw_anchor || anchor != YAML::NullAnchor;
    Frame& frame = m_stack.emplace_back();
    frame.node.kind = kind;
    set_pos(frame.node, mark);
    frame.anchor = anchor;
  }

  void close()
  {
    if (m_limit) {
      return;
    }
    // A key without a value is dropped, as yaml-cpp's own tree drops it.
    YNode node = std::move(m_stack.back().node);
    YAML::anchor_t anchor = m_stack.back().anchor;
    m_stack.pop_back();
    finish(std::move(node), anchor);
  }

  // A complete node: kept for its aliases when anchored, then put in place.
  void finish(YNode&& node, YAML::anchor_t anchor)
  {
    if (anchor != YAML::NullAnchor) {
      m_saw_anchor = true;
      if (m_anchors.size() <= anchor) {
        m_anchors.resize(anchor + 1);
      }
      // Kept as yaml-cpp marked it (an empty value not yet moved to its
      // key), since an alias may use it where no key is.
      m_anchors[anchor] = node;
    }
    attach(std::move(node));
  }

  void attach(YNode&& node)
  {
    if (m_stack.empty()) {
      m_root = std::move(node);
      m_has_root = true;
      return;
    }
    Frame& top = m_stack.back();
    if (top.node.kind == YNode::Kind::seq) {
      top.node.items.push_back(std::move(node));
    } else if (!top.has_key) {
      top.key = std::move(node);
      top.has_key = true;
    } else {
      // An empty value has no useful mark of its own: point at its key.
      // Once anchors are about, this waits for the end (a node kept for
      // its aliases must keep its own mark for the limits).
      if (!m_saw_anchor && node.kind == YNode::Kind::null) {
        node.line = top.key.line;
        node.col = top.key.col;
      }
      top.node.entries.push_back(YEntry{std::move(top.key), std::move(node)});
      top.has_key = false;
    }
  }

  static void point_empty_values_at_keys(YNode& node)
  {
    for (auto& item : node.items) {
      point_empty_values_at_keys(item);
    }
    for (auto& [key, value] : node.entries) {
      point_empty_values_at_keys(key);
      point_empty_values_at_keys(value);
      if (value.kind == YNode::Kind::null) {
        value.line = key.line;
        value.col = key.col;
      }
    }
  }

  // Walks an anchored node again where an alias uses it, at `depth`,
  // counting its nodes and text as new; copies it into `out` unless null.
  bool walk_again(const YNode& node, size_t depth, YNode* out)
  {
    if (!admit(mark_of(node), depth)) {
      return false;
    }
    if (node.kind == YNode::Kind::scalar && !admit_text(node.text, mark_of(node), true)) {
      return false;
    }
    if (out != nullptr) {
      out->kind = node.kind;
      out->text = node.text;
      out->plain = node.plain;
      out->line = node.line;
      out->col = node.col;
      out->items.reserve(node.items.size());
      out->entries.reserve(node.entries.size());
    }
    for (const auto& item : node.items) {
      YNode* copy = out != nullptr ? &out->items.emplace_back() : nullptr;
      if (!walk_again(item, depth + 1, copy)) {
        return false;
      }
    }
    for (const auto& [key, value] : node.entries) {
      YEntry* copy = out != nullptr ? &out->entries.emplace_back() : nullptr;
      if (!walk_again(key, depth + 1, copy != nullptr ? &copy->first : nullptr)
          || !walk_again(value, depth + 1, copy != nullptr ? &copy->second : nullptr)) {
        return false;
      }
    }
    return true;
  }

  // An alias inside the node its anchor names: a walk of yaml-cpp's tree
  // would go round forever, one level deeper each time, and stops at the
  // first limit met. Walks what comes before the alias again and again, as
  // that walk would, until then.
  void expand_cycle(YAML::anchor_t anchor)
  {
    size_t first = 0;
    while (first < m_stack.size() && m_stack[first].anchor != anchor) {
      ++first;
    }
    if (first == m_stack.size()) {
      return; // not reached: yaml-cpp refuses an alias to an unknown anchor
    }
    for (size_t depth = m_stack.size();; depth += m_stack.size() - first) {
      for (size_t i = first; i < m_stack.size(); ++i) {
        const Frame& frame = m_stack[i];
        const size_t at = depth + (i - first);
        if (!admit(mark_of(frame.node), at)) {
          return;
        }
        for (const auto& item : frame.node.items) {
          if (!walk_again(item, at + 1, nullptr)) {
            return;
          }
        }
        for (const auto& [key, value] : frame.node.entries) {
          if (!walk_again(key, at + 1, nullptr) || !walk_again(value, at + 1, nullptr)) {
            return;
          }
        }
        if (frame.has_key && !walk_again(frame.key, at + 1, nullptr)) {
          return;
        }
      }
    }
  }

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
  bool m_started = false;
  std::vector<Frame> m_stack;
  YNode m_root;
  bool m_has_root = false;
  std::vector<std::optional<YNode>> m_anchors; // by yaml-cpp's anchor number
  bool m_saw_anchor = false;
  size_t m_count = 0;
  size_t m_text_bytes = 0;
  std::optional<LimitExceeded> m_limit;
};

// Whether `bytes` are UTF-16 text (Notepad's "Unicode"): a UTF-16 byte
// order mark, or a NUL beside each of the first ASCII characters.
bool looks_utf16(std::string_view bytes)
{
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    return true;
  }
  const size_t pairs = std::min<size_t>(bytes.size() / 2, 8);
  if (pairs < 2) {
    return false;
  }
  bool little = true;
  bool big = true;
  for (size_t i = 0; i < pairs; ++i) {
    const char a = bytes[2 * i];
    const char b = bytes[2 * i + 1];
    little = little && a != '\0' && b == '\0';
    big = big && a == '\0' && b != '\0';
  }
  return little || big;
}

// The first tab in the indentation of a line up to `last_line` (1-based),
// as line and column: YAML does not allow tabs there.
std::optional<std::pair<int, int>> tab_in_indentation(std::string_view bytes, int last_line)
{
  int line = 1;
  for (size_t start = 0; start < bytes.size() && line <= last_line; ++line) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) {
      end = bytes.size();
    }
    for (size_t i = start; i < end && (bytes[i] == ' ' || bytes[i] == '\t'); ++i) {
      if (bytes[i] == '\t') {
        const size_t rest = bytes.find_first_not_of(" \t\r", i);
        if (rest < end && bytes[rest] != '#') {
          return std::pair{line, static_cast<int>(i - start) + 1};
        }
        break;
      }
    }
    start = end + 1;
  }
  return std::nullopt;
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
  if (looks_utf16(bytes)) {
    diags.error({path, 1, 1}, "yaml_utf16", {});
    return std::nullopt;
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
    BytesBuf buf(bytes);
    std::istream in(&buf);
    YAML::Parser parser(in);
    TreeBuilder builder(bytes);
    // The first document, then only the start of a second one.
    if (parser.HandleNextDocument(builder)) {
      parser.HandleNextDocument(builder);
    }
    if (const auto& limit = builder.limit()) {
      throw *limit;
    }
    doc.root = builder.take_root();
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
    if (auto tab = tab_in_indentation(bytes, e.mark.line + 1)) {
      diags.error({path, tab->first, tab->second}, "yaml_tab_indent", {});
    } else if (dynamic_cast<const YAML::DeepRecursion*>(&e) != nullptr) {
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
