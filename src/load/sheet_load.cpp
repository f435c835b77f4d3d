#include "load/loaders.hpp"
#include "load/reader.hpp"
#include "util/text.hpp"

#include <map>
#include <optional>
#include <string>


namespace ccn {

namespace {

// The text of a key that is an identifier as written: `Reader::identifier`
// would give it back unchanged and report nothing (it is ASCII, so already
// NFC, and starts with a letter or digit, so it is no placeholder). The
// common case, read without building the subject of an error message.
const std::string* written_identifier(const YNode& node)
{
  return node.kind == YNode::Kind::scalar && is_identifier(node.text) ? &node.text : nullptr;
}

// Reads `applicant -> criterion -> value` maps; `read` turns each value.
template<typename Read>
void read_nested(Reader& r, const YNode& node, const char* what, SheetKeys& keys, Read read)
{
  MapView m(r, node, what);
  keys.path = r.path();
  size_t count = 0;
  for (const auto& [app, inner] : m.entries()) {
    count += inner->entries.size();
  }
  keys.criteria.reserve(keys.criteria.size() + count);
  for (const auto& [app, inner] : m.entries()) {
    std::optional<std::string> read_app_id;
    const std::string* app_id = written_identifier(*app);
    if (app_id == nullptr) {
      read_app_id = r.identifier(*app, Message{"load_nested_applicant_id", {{"map", key_subject(what)}}});
      if (!read_app_id) {
        continue;
      }
      app_id = &*read_app_id;
    }
    keys.applicants.emplace(*app_id, r.pos(*app));
    if (is_null_node(*inner)) {
      continue;
    }
    MapView im(r, *inner, Message{"load_nested_of", {{"map", key_subject(what)}, {"applicant", *app_id}}});
    for (const auto& [crit, value] : im.entries()) {
      std::optional<std::string> read_crit_id;
      const std::string* crit_id = written_identifier(*crit);
      if (crit_id == nullptr) {
        read_crit_id = r.identifier(*crit, Message{"load_nested_criterion_id", {{"map", key_subject(what)}, {"applicant", *app_id}}});
        if (!read_crit_id) {
          continue;
        }
        crit_id = &*read_crit_id;
      }
      keys.add(*app_id, *crit_id, SourcePos{{}, crit->line, crit->col});
      read(*app_id, *crit_id, *crit, *value);
    }
  }
  keys.index();
}

} // namespace

std::optional<Sheet> load_sheet(const Document& doc, Diagnostics& diags, bool* complete)
{
  if (complete != nullptr) {
    *complete = false;
  }
  if (!check_format(doc, k_format_sheet, diags)) {
    return std::nullopt;
  }
  const size_t errors_before = diags.error_count();
  Reader r(doc.path, diags);
  MapView m(r, doc.root, "sheet", {"format", "round", "member", "recused", "scores", "comments"});
  Sheet s;
  s.path = doc.path;
  s.sha256 = doc.sha256;
  s.pos = r.pos(doc.root);
  if (const YNode* n = m.require("round")) {
    s.round = r.identifier(*n, "round").value_or("");
    s.round_pos = r.pos(*n);
  }
  if (const YNode* n = m.require("member")) {
    s.member = r.identifier(*n, "member").value_or("");
    s.member_pos = r.pos(*n);
  }
  if (const YNode* n = m.get("recused"); n != nullptr && !is_null_node(*n)) {
    if (auto list = r.identifier_list(*n, "recused")) {
      for (size_t i = 0; i < list->size(); ++i) {
        s.recused[(*list)[i]] = r.pos(n->items[i]);
      }
    }
  }
  if (const YNode* n = m.require("scores"); n != nullptr && !is_null_node(*n)) {
    // The scores of one applicant come together: their row is found once.
    std::map<std::string, Score>* row = nullptr;
    std::string row_app;
    auto row_of = [&](const std::string& app) -> std::map<std::string, Score>& {
      if (row == nullptr || row_app != app) {
        row = &s.scores[app];
        row_app = app;
      }
      return *row;
    };
    read_nested(r, *n, "scores", s.score_keys, [&](const std::string& app, const std::string& crit, const YNode&, const YNode& v) {
      // The common case first, without building the message of an error.
      if (v.kind == YNode::Kind::scalar && v.plain) {
        NumberParse p = parse_decimal(v.text);
        if (p.kind == NumberParse::Kind::ok) {
          row_of(app)[crit] = Score{std::move(p.value), v.line, v.col};
          return;
        }
      }
      if (auto points = r.number(v, Message{"load_score_of", {{"applicant", app}, {"criterion", crit}}})) {
        row_of(app)[crit] = Score{*points, v.line, v.col};
      }
    });
  }
  if (const YNode* n = m.get("comments"); n != nullptr && !is_null_node(*n)) {
    read_nested(r, *n, "comments", s.comment_keys,
                [&](const std::string& app, const std::string& crit, const YNode&, const YNode& v) {
                  if (is_null_node(v)) {
                    return;
                  }
                  // An empty comment is allowed; it just explains nothing (formats-v1 5).
                  // Spaces alone are empty, as in a workbook's comment cell.
                  if (v.kind == YNode::Kind::scalar && v.text.find_first_not_of(" \t\r\n") == std::string::npos) {
                    s.comments[app][crit] = Comment{"", r.pos(v)};
                    return;
                  }
                  if (auto t = r.text(v, Message{"load_comment_on", {{"applicant", app}, {"criterion", crit}}})) {
                    s.comments[app][crit] = Comment{*t, r.pos(v)};
                  }
                });
  }
  const bool ok = diags.error_count() == errors_before;
  if (complete != nullptr) {
    *complete = ok;
  } else if (!ok) {
    return std::nullopt;
  }
  return s;
}

} // namespace ccn
