#include "load/loaders.hpp"
#include "load/reader.hpp"


namespace ccn {

namespace {

// Reads `applicant -> criterion -> value` maps; `read` turns each value.
template<typename Read>
void read_nested(Reader& r, const YNode& node, const char* what, SheetKeys& keys, Read read)
{
  MapView m(r, node, what);
  for (const auto& [app, inner] : m.entries()) {
    auto app_id = r.identifier(*app, Message{"load_nested_applicant_id", {{"map", key_subject(what)}}});
    if (!app_id) {
      continue;
    }
    keys.applicants.emplace(*app_id, r.pos(*app));
    if (is_null_node(*inner)) {
      continue;
    }
    MapView im(r, *inner, Message{"load_nested_of", {{"map", key_subject(what)}, {"applicant", *app_id}}});
    for (const auto& [crit, value] : im.entries()) {
      auto crit_id = r.identifier(*crit, Message{"load_nested_criterion_id", {{"map", key_subject(what)}, {"applicant", *app_id}}});
      if (crit_id) {
        keys.criteria.emplace(std::pair{*app_id, *crit_id}, r.pos(*crit));
        read(*app_id, *crit_id, *crit, *value);
      }
    }
  }
}

} // namespace

std::optional<Sheet> load_sheet(const Document& doc, Diagnostics& diags)
{
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
    read_nested(r, *n, "scores", s.score_keys, [&](const std::string& app, const std::string& crit, const YNode&, const YNode& v) {
      // The common case first, without building the message of an error.
      if (v.kind == YNode::Kind::scalar && v.plain) {
        NumberParse p = parse_decimal(v.text);
        if (p.kind == NumberParse::Kind::ok) {
          s.scores[app][crit] = Score{std::move(p.value), v.line, v.col};
          return;
        }
      }
      if (auto points = r.number(v, Message{"load_score_of", {{"applicant", app}, {"criterion", crit}}})) {
        s.scores[app][crit] = Score{*points, v.line, v.col};
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
                  if (v.kind == YNode::Kind::scalar && v.text.empty()) {
                    s.comments[app][crit] = Comment{"", r.pos(v)};
                    return;
                  }
                  if (auto t = r.text(v, Message{"load_comment_on", {{"applicant", app}, {"criterion", crit}}})) {
                    s.comments[app][crit] = Comment{*t, r.pos(v)};
                  }
                });
  }
  if (diags.error_count() != errors_before) {
    return std::nullopt;
  }
  return s;
}

} // namespace ccn
