#include "load/yaml_tree.hpp"

#include "util/file.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <yaml.h>

#include <cctype>
#include <cstdint>
#include <cerrno>
#include <map>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <algorithm>
#include <vector>

namespace ccn {

namespace {

// A place in the file: 0-based line, 0-based column in bytes, and the
// byte offset (what the messages have always given: the column counts
// bytes, as a compiler's does).
struct Mark
{
  int line = 0;
  int column = 0;
  size_t pos = 0;
};

struct LimitExceeded
{
  Message message;
  Mark mark;
};

// An anchor's number: anchors are numbered as they are defined, so that a
// name defined again names a new node from there on.
using AnchorId = size_t;
inline constexpr AnchorId k_no_anchor = static_cast<AnchorId>(-1);

// Line and column (1-based) of byte `offset` in `bytes`; the column counts
// bytes, as the parser's marks do (ccnscore(5)).
std::pair<int, int> position_of(std::string_view bytes, size_t offset)
{
  offset = std::min(offset, bytes.size());
  const std::string_view head = bytes.substr(0, offset);
  const size_t last_newline = head.rfind('\n');
  const int line = 1 + static_cast<int>(std::count(head.begin(), head.end(), '\n'));
  const size_t line_start = last_newline == std::string_view::npos ? 0 : last_newline + 1;
  return {line, static_cast<int>(offset - line_start) + 1};
}

// The message for a control character in text.
Message control_message(char32_t cp)
{
  return {"yaml_control_character", {{"code", fmt::format("{:04X}", static_cast<unsigned>(cp))}}};
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

// Builds the tree straight from the parser's events (libyaml's), checking
// the limits as it goes. The checks run in the order of a walk over the
// whole node tree (each node before its children, a key before its value,
// an alias walked again where it is used), so the first limit met is the
// one a walk would meet. A limit does not end the parse: a syntax error
// further on is reported instead. The second document is refused before
// any limit.
class TreeBuilder
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

  void OnNull(const Mark& mark, AnchorId anchor)
  {
    if (m_limit || !admit(mark, m_stack.size())) {
      return;
    }
    if (!keep(anchor, mark, 1, 0)) {
      return;
    }
    YNode& node = place();
    set_pos(node, mark);
    placed(node, anchor, 1, 0);
  }

  // A scalar; `tag` is empty when none is written, "!" for the
  // non-specific tag (which keeps the text a text).
  void OnScalar(const Mark& mark, std::string_view tag, AnchorId anchor, std::string&& value, bool plain)
  {
    if (m_limit || !admit(mark, m_stack.size()) || !admit_text(value, mark, false)) {
      return;
    }
    if (!tag.empty() && tag != "!") {
      m_limit = LimitExceeded{{"yaml_explicit_tag", {{"tag", short_token(tag)}}}, mark};
      return;
    }
    if (auto control = find_control_char(value)) {
      m_limit = LimitExceeded{control_message(control->code_point), control_mark(mark)};
      return;
    }
    const size_t text_bytes = value.size();
    if (!keep(anchor, mark, 1, text_bytes)) {
      return;
    }
    YNode& node = place();
    node.kind = YNode::Kind::scalar;
    node.text = std::move(value);
    node.plain = plain && tag.empty();
    set_pos(node, mark);
    placed(node, anchor, 1, text_bytes);
  }

  void OnSequenceStart(const Mark& mark, AnchorId anchor) { open(mark, anchor, YNode::Kind::seq); }
  void OnSequenceEnd() { close(); }
  void OnMapStart(const Mark& mark, AnchorId anchor) { open(mark, anchor, YNode::Kind::map); }
  void OnMapEnd() { close(); }

  void OnAlias(AnchorId anchor)
  {
    if (m_limit) {
      return;
    }
    if (anchor >= m_anchors.size() || !m_anchors[anchor]) {
      expand_cycle(anchor);
      return;
    }
    // Copied straight into its place: should a limit stop the copy, the
    // tree is not used.
    const size_t nodes_before = m_count;
    const size_t text_before = m_text_bytes;
    const size_t depth = m_stack.size();
    YNode& copy = place();
    if (walk_again(*m_anchors[anchor], depth, &copy)) {
      placed(copy, k_no_anchor, m_count - nodes_before, m_text_bytes - text_before);
    }
  }

private:
  // A list or map still open, at the depth of its place in the stack.
  // Its items (or entries) so far wait at the end of `m_items` (or
  // `m_entries`), from `first` on, until it ends: then they move into a
  // vector of exactly their number, so no node is moved by a vector that
  // grows and no list keeps room it does not use. A map's key that waits
  // for its value is the last of its entries, the value still empty.
  struct Frame
  {
    YNode node;
    AnchorId anchor = k_no_anchor;
    bool has_key = false; // a map's key waiting for its value
    size_t first = 0;
    size_t nodes = 0; // nodes and bytes of text below it so far
    size_t text = 0;
  };

  // The items (or entries) that the open frame `i` has so far: from its
  // `first` to the `first` of the next open frame of its kind, or the end.
  template<typename T>
  std::pair<const T*, const T*> children(size_t i, const std::vector<T>& pending) const
  {
    const YNode::Kind kind = m_stack[i].node.kind;
    size_t end = pending.size();
    for (size_t k = i + 1; k < m_stack.size(); ++k) {
      if (m_stack[k].node.kind == kind) {
        end = m_stack[k].first;
        break;
      }
    }
    return {pending.data() + m_stack[i].first, pending.data() + end};
  }

  static void set_pos(YNode& node, const Mark& mark)
  {
    node.line = mark.line + 1;
    node.col = mark.column + 1;
  }

  static Mark mark_of(const YNode& node)
  {
    Mark mark;
    mark.line = node.line - 1;
    mark.column = node.col - 1;
    return mark;
  }

  // Counts one more node at `depth`; false (the limit recorded) when
  // there are too many or it is too deep.
  bool admit(const Mark& mark, size_t depth)
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
  bool admit_text(const std::string& text, const Mark& mark, bool alias)
  {
    m_text_bytes += text.size();
    if (m_text_bytes > k_max_text_bytes) {
      m_limit = LimitExceeded{{alias ? "yaml_too_much_text_alias" : "yaml_too_much_text", {{"max", k_max_text_bytes}}},
                              mark};
      return false;
    }
    return true;
  }

  void open(const Mark& mark, AnchorId anchor, YNode::Kind kind)
  {
    if (m_limit || !admit(mark, m_stack.size())) {
      return;
    }
    m_saw_anchor = m_saw_anchor || anchor != k_no_anchor;
    Frame& frame = m_stack.emplace_back();
    frame.node.kind = kind;
    set_pos(frame.node, mark);
    frame.anchor = anchor;
    frame.first = kind == YNode::Kind::seq ? m_items.size() : m_entries.size();
  }

  // Moves what waits from `first` on in `pending` into `out`, exactly sized.
  template<typename T>
  static void take_pending(std::vector<T>& pending, size_t first, std::vector<T>& out)
  {
    const auto from = pending.begin() + static_cast<std::ptrdiff_t>(first);
    out.reserve(pending.size() - first);
    out.insert(out.end(), std::make_move_iterator(from), std::make_move_iterator(pending.end()));
    pending.erase(from, pending.end());
  }

  void close()
  {
    if (m_limit) {
      return;
    }
    // A key without a value is dropped (the parser gives every key a
    // value, an empty one if need be, so this is only a safeguard).
    Frame frame = std::move(m_stack.back());
    m_stack.pop_back();
    if (frame.node.kind == YNode::Kind::seq) {
      take_pending(m_items, frame.first, frame.node.items);
    } else {
      if (frame.has_key) {
        m_entries.pop_back();
      }
      take_pending(m_entries, frame.first, frame.node.entries);
    }
    const size_t nodes = 1 + frame.nodes;
    if (!keep(frame.anchor, mark_of(frame.node), nodes, frame.text)) {
      return;
    }
    YNode& node = place();
    node = std::move(frame.node);
    placed(node, frame.anchor, nodes, frame.text);
  }

  // Whether a complete node at `mark` may be kept for its aliases when
  // anchored (false, the limit recorded, when the copies would take too
  // much). `nodes` and `text` count the node and all below it.
  bool keep(AnchorId anchor, const Mark& mark, size_t nodes, size_t text)
  {
    if (anchor != k_no_anchor) {
      // Each anchored node is kept as a copy for its aliases, so anchors
      // nested in one another copy what they share again and again: 60
      // levels round 199,000 items took 1.2 GB. Their copies together get
      // the budget of a whole file.
      m_anchor_nodes += nodes;
      m_anchor_text += text;
      if (m_anchor_nodes > k_max_nodes || m_anchor_text > k_max_text_bytes) {
        m_limit = LimitExceeded{{m_anchor_nodes > k_max_nodes ? "yaml_anchor_copies" : "yaml_anchor_copies_text",
                                 {{"max", m_anchor_nodes > k_max_nodes ? k_max_nodes : k_max_text_bytes}}},
                                mark};
        return false;
      }
      m_saw_anchor = true;
    }
    return true;
  }

  // Where the next complete node goes, built in place: the root, the end
  // of the innermost open list, or a new key or the waiting key's value
  // in the innermost open map.
  YNode& place()
  {
    if (m_stack.empty()) {
      m_root = YNode();
      m_has_root = true;
      return m_root;
    }
    Frame& top = m_stack.back();
    if (top.node.kind == YNode::Kind::seq) {
      return m_items.emplace_back();
    }
    if (!top.has_key) {
      top.has_key = true;
      return m_entries.emplace_back().first;
    }
    top.has_key = false;
    return m_entries.back().second;
  }

  // `node`, complete in the place that `place` gave: kept for its aliases
  // when anchored, and counted towards the list or map that holds it.
  void placed(YNode& node, AnchorId anchor, size_t nodes, size_t text)
  {
    if (anchor != k_no_anchor) {
      if (m_anchors.size() <= anchor) {
        m_anchors.resize(anchor + 1);
      }
      // Kept as the parser marked it (an empty value not yet moved to its
      // key), since an alias may use it where no key is.
      m_anchors[anchor] = node;
    }
    if (!m_stack.empty() && m_stack.back().node.kind == YNode::Kind::map && !m_stack.back().has_key) {
      // A value. An empty one has no useful mark of its own: point at its
      // key. Once anchors are about, this waits for the end (a node kept
      // for its aliases must keep its own mark for the limits).
      if (!m_saw_anchor && node.kind == YNode::Kind::null) {
        node.line = m_entries.back().first.line;
        node.col = m_entries.back().first.col;
      }
    }
    credit(nodes, text);
  }

  // Counts what was just put in the innermost open list or map towards it.
  void credit(size_t nodes, size_t text)
  {
    if (!m_stack.empty()) {
      m_stack.back().nodes += nodes;
      m_stack.back().text += text;
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

  // An alias inside the node its anchor names: a walk of the node tree
  // would go round forever, one level deeper each time, and stops at the
  // first limit met. Walks what comes before the alias again and again, as
  // that walk would, until then.
  void expand_cycle(AnchorId anchor)
  {
    size_t first = 0;
    while (first < m_stack.size() && m_stack[first].anchor != anchor) {
      ++first;
    }
    if (first == m_stack.size()) {
      return; // not reached: an alias to an unknown anchor is refused before
    }
    for (size_t depth = m_stack.size();; depth += m_stack.size() - first) {
      for (size_t i = first; i < m_stack.size(); ++i) {
        const Frame& frame = m_stack[i];
        const size_t at = depth + (i - first);
        if (!admit(mark_of(frame.node), at)) {
          return;
        }
        if (frame.node.kind == YNode::Kind::seq) {
          for (auto [item, end] = children(i, m_items); item != end; ++item) {
            if (!walk_again(*item, at + 1, nullptr)) {
              return;
            }
          }
        } else {
          auto [entry, end] = children(i, m_entries);
          const YEntry* waiting = frame.has_key ? end - 1 : nullptr; // a key without its value yet
          for (; entry != end; ++entry) {
            if (!walk_again(entry->first, at + 1, nullptr)
                || (entry != waiting && !walk_again(entry->second, at + 1, nullptr))) {
              return;
            }
          }
        }
      }
    }
  }

  // Where the escape that wrote a refused control character into the
  // double-quoted scalar at `mark` is (the scalar's start if none is found).
  Mark control_mark(const Mark& mark) const
  {
    size_t start = std::min(mark.pos, m_bytes.size());
    if (start < m_bytes.size() && m_bytes[start] == '"') {
      for (size_t i = start + 1; i < m_bytes.size() && m_bytes[i] != '"'; ++i) {
        if (m_bytes[i] != '\\') {
          continue;
        }
        if (escapes_control(m_bytes, i)) {
          auto [line, col] = position_of(m_bytes, i);
          Mark at = mark;
          at.line = line - 1;
          at.column = col - 1;
          at.pos = i;
          return at;
        }
        ++i; // skip the escaped character, which may be a quote
      }
    }
    return mark;
  }

  std::string_view m_bytes;
  std::vector<Frame> m_stack;
  std::vector<YNode> m_items;    // of the open lists, in order of the stack
  std::vector<YEntry> m_entries; // of the open maps, likewise
  YNode m_root;
  bool m_has_root = false;
  std::vector<std::optional<YNode>> m_anchors; // by anchor number
  bool m_saw_anchor = false;
  size_t m_count = 0;
  size_t m_text_bytes = 0;
  size_t m_anchor_nodes = 0; // in the copies kept for aliases
  size_t m_anchor_text = 0;
  std::optional<LimitExceeded> m_limit;
};

// A syntax error, in the parser's words (English only: a Vietnamese
// message quotes them).
struct SyntaxError
{
  std::string problem; // libyaml's words, in English
  Mark mark;
  std::string context; // "while parsing ...", or empty
};

// libyaml's problem and context as a catalogue message, so that a syntax
// error reads in the language of the run; words libyaml adds in a later
// version are passed on as it writes them.
Message syntax_detail(const SyntaxError& error)
{
  static const std::map<std::string_view, const char*> k_problems{
    {"did not find expected key", "yaml_problem_expected_key"},
    {"did not find expected node content", "yaml_problem_expected_content"},
    {"did not find expected '-' indicator", "yaml_problem_expected_dash"},
    {"did not find expected ',' or ']'", "yaml_problem_expected_comma_bracket"},
    {"did not find expected ',' or '}'", "yaml_problem_expected_comma_brace"},
    {"could not find expected ':'", "yaml_problem_expected_colon"},
    {"did not find expected <document start>", "yaml_problem_expected_document_start"},
    {"did not find expected alphabetic or numeric character", "yaml_problem_expected_alphanumeric"},
    {"did not find expected comment or line break", "yaml_problem_expected_comment_or_break"},
    {"did not find expected whitespace", "yaml_problem_expected_whitespace"},
    {"mapping values are not allowed in this context", "yaml_problem_mapping_values"},
    {"block sequence entries are not allowed in this context", "yaml_problem_sequence_entries"},
    {"found character that cannot start any token", "yaml_problem_cannot_start_token"},
    {"found unexpected end of stream", "yaml_problem_unexpected_end"},
    {"found unknown escape character", "yaml_problem_unknown_escape"},
    {"found undefined alias", "yaml_problem_undefined_alias"},
    {"the referenced anchor is not defined", "yaml_problem_undefined_anchor"},
    {"found unexpected document indicator", "yaml_problem_document_indicator"},
    {"found a tab character that violates indentation", "yaml_problem_tab_indentation"},
    {"found a tab character where an indentation space is expected", "yaml_problem_tab_for_space"},
    {"control characters are not allowed", "yaml_problem_control_characters"},
    {"found unexpected ':'", "yaml_problem_unexpected_colon"},
    {"found undefined tag handle", "yaml_problem_undefined_tag_handle"},
  };
  static const std::map<std::string_view, const char*> k_contexts{
    {"while parsing a block mapping", "yaml_context_block_mapping"},
    {"while parsing a flow mapping", "yaml_context_flow_mapping"},
    {"while parsing a block collection", "yaml_context_block_collection"},
    {"while parsing a flow sequence", "yaml_context_flow_sequence"},
    {"while parsing a block node", "yaml_context_block_node"},
    {"while parsing a flow node", "yaml_context_flow_node"},
    {"while parsing a node", "yaml_context_node"},
    {"while parsing a quoted scalar", "yaml_context_quoted_scalar"},
    {"while scanning a quoted scalar", "yaml_context_scanning_quoted_scalar"},
    {"while scanning a simple key", "yaml_context_simple_key"},
    {"while scanning a plain scalar", "yaml_context_plain_scalar"},
    {"while scanning a block scalar", "yaml_context_block_scalar"},
    {"while scanning an anchor", "yaml_context_anchor"},
    {"while scanning an alias", "yaml_context_alias"},
    {"while scanning a tag", "yaml_context_tag"},
    {"while scanning a directive", "yaml_context_directive"},
    {"while scanning for the next token", "yaml_context_next_token"}
  };
  auto problem = k_problems.find(error.problem);
  auto context = k_contexts.find(error.context);
  if (problem == k_problems.end() || (!error.context.empty() && context == k_contexts.end())) {
    std::string text = error.context.empty() ? error.problem : error.problem + " " + error.context;
    return {k_raw_message, {{"text", text}}};
  }
  if (error.context.empty()) {
    return {problem->second, {}};
  }
  return {"yaml_problem_in_context", {{"problem", Message{problem->second, {}}}, {"context", Message{context->second, {}}}}};
}

using ParseFailure = std::variant<LimitExceeded, SyntaxError>;

// Turns the parser's places (line, and column in characters) into marks
// (column in bytes, and the byte offset). The parser breaks lines where
// YAML does: LF, CR LF, a lone CR, U+0085, U+2028 and U+2029.
class Places
{
public:
  explicit Places(std::string_view bytes) : m_bytes(bytes)
  {
    m_line_starts.push_back(0);
    for (size_t i = 0; i < bytes.size(); ++i) {
      const auto c = static_cast<unsigned char>(bytes[i]);
      size_t next = 0;
      if (c == '\n') {
        next = i + 1;
      } else if (c == '\r') {
        next = i + 1 < bytes.size() && bytes[i + 1] == '\n' ? i + 2 : i + 1;
      } else if (c == 0xC2 && i + 1 < bytes.size() && static_cast<unsigned char>(bytes[i + 1]) == 0x85) {
        next = i + 2;
      } else if (c == 0xE2 && i + 2 < bytes.size() && static_cast<unsigned char>(bytes[i + 1]) == 0x80
                 && (static_cast<unsigned char>(bytes[i + 2]) == 0xA8 || static_cast<unsigned char>(bytes[i + 2]) == 0xA9)) {
        next = i + 3;
      } else {
        continue;
      }
      m_line_starts.push_back(static_cast<std::uint32_t>(next));
      i = next - 1;
    }
  }

  // The mark of the parser's (0-based) `line` and character `column`.
  Mark at(size_t line, size_t column)
  {
    Mark mark;
    if (line >= m_line_starts.size()) {
      line = m_line_starts.size() - 1;
    }
    mark.line = static_cast<int>(line);
    // The parser's places come in order along a line: go on from the last.
    if (line != m_last_line || column < m_last_column) {
      m_last_line = line;
      m_last_column = 0;
      m_last_pos = m_line_starts[line];
    }
    size_t pos = m_last_pos;
    for (size_t n = m_last_column; n < column && pos < m_bytes.size(); ++n) {
      pos += utf8_length(static_cast<unsigned char>(m_bytes[pos]));
    }
    pos = std::min(pos, m_bytes.size());
    m_last_column = column;
    m_last_pos = pos;
    mark.pos = pos;
    mark.column = static_cast<int>(pos - m_line_starts[line]);
    return mark;
  }
  Mark at(const yaml_mark_t& mark) { return at(mark.line, mark.column); }

  // The mark of byte `offset`.
  Mark at_offset(size_t offset) const
  {
    offset = std::min(offset, m_bytes.size());
    auto after = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    const size_t line = static_cast<size_t>(after - m_line_starts.begin()) - 1;
    return Mark{static_cast<int>(line), static_cast<int>(offset - m_line_starts[line]), offset};
  }

private:
  static size_t utf8_length(unsigned char lead)
  {
    return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  }

  std::string_view m_bytes;
  std::vector<std::uint32_t> m_line_starts; // files are at most 16 MB
  size_t m_last_line = static_cast<size_t>(-1);
  size_t m_last_column = 0;
  size_t m_last_pos = 0;
};

// How deep the parser may nest before the parse ends (the tree's own
// limit, k_max_depth, is met long before: this only bounds the parser's
// memory for a file of nothing but brackets).
constexpr size_t k_max_parse_depth = 1000;

// Runs libyaml's parser over `bytes` and gives its events to `builder`.
// Returns the syntax error that ended the parse, or the refusal of a
// second document; the limits the builder met are its own to tell.
std::optional<ParseFailure> parse_events(std::string_view bytes, TreeBuilder& builder)
{
  struct Parser
  {
    yaml_parser_t p;
    Parser() { yaml_parser_initialize(&p); }
    ~Parser() { yaml_parser_delete(&p); }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;
  } parser;
  struct Event
  {
    yaml_event_t e{};
    ~Event() { yaml_event_delete(&e); }
  };
  yaml_parser_set_input_string(&parser.p, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  yaml_parser_set_encoding(&parser.p, YAML_UTF8_ENCODING);
  Places places(bytes);
  std::unordered_map<std::string, AnchorId> anchors;
  AnchorId next_anchor = 0;
  auto define = [&](const yaml_char_t* name) {
    if (name == nullptr) {
      return k_no_anchor;
    }
    anchors[reinterpret_cast<const char*>(name)] = next_anchor;
    return next_anchor++;
  };
  size_t depth = 0;
  int documents = 0;
  for (;;) {
    Event event;
    if (yaml_parser_parse(&parser.p, &event.e) == 0) {
      const yaml_parser_t& p = parser.p;
      SyntaxError error;
      error.problem = p.problem != nullptr ? p.problem : "the parser failed";
      if (p.context != nullptr) {
        error.context = p.context;
      }
      error.mark = p.error == YAML_READER_ERROR ? places.at_offset(p.problem_offset) : places.at(p.problem_mark);
      // Text after the end marker `...` can only start another document.
      if (documents == 1 && p.problem != nullptr && std::string_view(p.problem) == "did not find expected <document start>") {
        return LimitExceeded{{"yaml_second_document", {}}, error.mark};
      }
      return error;
    }
    const yaml_event_t& e = event.e;
    const Mark mark = places.at(e.start_mark);
    switch (e.type) {
    case YAML_STREAM_END_EVENT:
      return std::nullopt;
    case YAML_DOCUMENT_START_EVENT:
      if (++documents > 1) {
        return LimitExceeded{{"yaml_second_document", {}}, mark};
      }
      break;
    case YAML_ALIAS_EVENT: {
      auto anchor = anchors.find(reinterpret_cast<const char*>(e.data.alias.anchor));
      if (anchor == anchors.end()) {
        return SyntaxError{"the referenced anchor is not defined", mark, ""};
      }
      builder.OnAlias(anchor->second);
      break;
    }
    case YAML_SCALAR_EVENT: {
      const auto& sc = e.data.scalar;
      const AnchorId anchor = define(sc.anchor);
      std::string_view tag = sc.tag != nullptr ? reinterpret_cast<const char*>(sc.tag) : "";
      const bool plain = sc.style == YAML_PLAIN_SCALAR_STYLE;
      std::string text(reinterpret_cast<const char*>(sc.value), sc.length);
      // Null: an empty node or a null word, untagged and unquoted. A tag
      // (refused unless it is `!`) makes it a text, even an empty one.
      if (plain && tag.empty() && is_yaml_null(text)) {
        builder.OnNull(mark, anchor);
      } else {
        builder.OnScalar(mark, tag, anchor, std::move(text), plain);
      }
      break;
    }
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
      // The builder refuses what is nested deeper than its limit. The
      // parser keeps a little for every level open: nesting far deeper
      // ends the parse there, and the limit met is told.
      if (e.type == YAML_SEQUENCE_START_EVENT) {
        builder.OnSequenceStart(mark, define(e.data.sequence_start.anchor));
      } else {
        builder.OnMapStart(mark, define(e.data.mapping_start.anchor));
      }
      if (++depth > k_max_parse_depth) {
        return std::nullopt;
      }
      break;
    case YAML_SEQUENCE_END_EVENT:
      --depth;
      builder.OnSequenceEnd();
      break;
    case YAML_MAPPING_END_EVENT:
      --depth;
      builder.OnMapEnd();
      break;
    case YAML_NO_EVENT:
    case YAML_STREAM_START_EVENT:
    case YAML_DOCUMENT_END_EVENT:
      break;
    }
  }
}

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

// A line `key: text` whose plain text holds ": " at `at` (the byte where
// the parser stopped, "mapping values are not allowed"): Vietnamese titles
// and reasons often do ("Đợt 1: Lựa chọn ..."). The key, and the line with
// the text in double quotes, or nothing when the line is not of that form.
std::optional<std::pair<std::string, std::string>> colon_in_plain_text(std::string_view bytes, size_t at)
{
  if (at >= bytes.size() || bytes[at] != ':') {
    return std::nullopt;
  }
  const size_t newline = bytes.rfind('\n', at);
  const size_t start = newline == std::string_view::npos ? 0 : newline + 1;
  size_t end = bytes.find('\n', at);
  end = end == std::string_view::npos ? bytes.size() : end;
  std::string_view line = bytes.substr(start, end - start);
  if (line.ends_with('\r')) {
    line.remove_suffix(1);
  }
  at -= start;
  size_t key = line.find_first_not_of(' ');
  if (key != std::string_view::npos && line.substr(key).starts_with("- ")) {
    key = line.find_first_not_of(' ', key + 2);
  }
  const size_t colon = key == std::string_view::npos ? std::string_view::npos : line.find(": ", key);
  if (colon == std::string_view::npos || colon >= at || colon == key) {
    return std::nullopt;
  }
  const size_t value = line.find_first_not_of(' ', colon + 2);
  if (value == std::string_view::npos || value >= at
      || std::string_view("\"'{[|>&*!#%@`").find(line[value]) != std::string_view::npos) {
    return std::nullopt;
  }
  std::string_view text = line.substr(value);
  std::string_view comment;
  if (size_t hash = text.find(" #"); hash != std::string_view::npos) {
    comment = text.substr(hash);
    text = text.substr(0, hash);
  }
  while (!text.empty() && text.back() == ' ') {
    text.remove_suffix(1);
  }
  std::string quoted = std::string(line.substr(0, value)) + '"';
  for (char c : text) {
    if (c == '"' || c == '\\') {
      quoted += '\\';
    }
    quoted += c;
  }
  quoted += '"';
  quoted += comment;
  return std::pair{std::string(line.substr(key, colon - key)), quoted};
}

} // namespace

std::optional<Document> parse_document(const std::string& path, std::string bytes, Diagnostics& diags)
{
  Document doc;
  doc.path = path;
  doc.sha256 = sha256_hex(bytes);
  // A tool that adds a byte-order mark to a file that has one writes it
  // twice; libyaml would read the second as the start of a second document.
  while (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
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
    if (control->code_point == '\r' && at + 1 < bytes.size() && bytes[at + 1] == '\n') {
      from = at + 1; // a line end (CR LF)
      continue;
    }
    auto [line, col] = position_of(bytes, at);
    if (control->code_point == '\r') {
      diags.error({path, line, col}, "yaml_lone_cr", {});
      return std::nullopt;
    }
    auto message = control_message(control->code_point);
    diags.error({path, line, col}, message.key, message.args);
    return std::nullopt;
  }
  // U+2028 and U+2029 break lines for the parser, though an editor may show
  // them as spaces: text after one in a comment would be read as data.
  const size_t separator = std::min(bytes.find("\xE2\x80\xA8"), bytes.find("\xE2\x80\xA9"));
  if (separator != std::string::npos) {
    auto [line, col] = position_of(bytes, separator);
    diags.error({path, line, col}, "yaml_line_separator", {{"code", bytes[separator + 2] == '\xA8' ? "2028" : "2029"}});
    return std::nullopt;
  }
  if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
    diags.error({path, 1, 1}, "yaml_empty_file", {});
    return std::nullopt;
  }
  TreeBuilder builder(bytes);
  auto failure = parse_events(bytes, builder);
  if (!failure) {
    if (const auto& limit = builder.limit()) {
      failure = *limit;
    }
  }
  if (failure) {
    if (auto* limit = std::get_if<LimitExceeded>(&*failure)) {
      diags.error({path, limit->mark.line + 1, limit->mark.column + 1}, limit->message.key, limit->message.args);
    } else {
      const auto& syntax = std::get<SyntaxError>(*failure);
      if (auto tab = tab_in_indentation(bytes, syntax.mark.line + 1)) {
        diags.error({path, tab->first, tab->second}, "yaml_tab_indent", {});
      } else if (syntax.mark.pos < bytes.size() && bytes[syntax.mark.pos] == '\t') {
        // A tab after `-`, `?` or `:` where the parser wants a space.
        diags.error({path, syntax.mark.line + 1, syntax.mark.column + 1}, "yaml_tab_indent", {});
      } else if (auto quoted = syntax.problem == "mapping values are not allowed in this context"
                                 ? colon_in_plain_text(bytes, syntax.mark.pos)
                                 : std::nullopt) {
        diags.error({path, syntax.mark.line + 1, syntax.mark.column + 1}, "yaml_colon_in_text",
                    {{"key", quoted->first}, {"line", quoted->second}});
      } else {
        diags.error({path, syntax.mark.line + 1, syntax.mark.column + 1}, "yaml_syntax", {{"detail", syntax_detail(syntax)}});
      }
    }
    return std::nullopt;
  }
  doc.root = builder.take_root();
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
