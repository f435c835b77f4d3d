#include "load/loaders.hpp"
#include "load/reader.hpp"
#include "util/text.hpp"


#include <algorithm>
#include <filesystem>

namespace ccn {

namespace {

std::optional<FileRef> file_ref(Reader& r, const YNode& node, const Subject& what)
{
  auto t = r.text(node, what);
  if (!t) {
    return std::nullopt;
  }
  namespace fs = std::filesystem;
  fs::path base = fs::path(r.path()).parent_path();
  fs::path p(*t);
  std::string resolved = p.is_absolute() || base.empty() ? p.string() : (base / p).lexically_normal().string();
  return FileRef{*t, resolved, r.pos(node), t->back() == '/'};
}

std::optional<ChairProposal> read_chair_proposal(Reader& r, const YNode& node)
{
  MapView m(r, node, "chair_proposal", {"selects", "reason", "date"});
  if (!m.ok()) {
    return std::nullopt;
  }
  ChairProposal cp;
  const YNode* selects = m.require("selects");
  const YNode* reason = m.require("reason");
  if (selects == nullptr || reason == nullptr) {
    return std::nullopt;
  }
  auto id = r.identifier(*selects, "chair_proposal selects");
  std::optional<std::string> why;
  if (reason->kind == YNode::Kind::scalar && !reason->text.empty()
      && reason->text.find_first_not_of(" \t\r\n") == std::string::npos) {
    r.error(*reason, "round_chair_reason_blank", {});
  } else {
    why = r.text(*reason, "chair_proposal reason");
  }
  if (const YNode* d = m.get("date")) {
    cp.date = r.date(*d, "chair_proposal date");
  }
  if (!id || !why) {
    return std::nullopt;
  }
  cp.selects = *id;
  cp.reason = *why;
  cp.pos = r.pos(*selects);
  return cp;
}

std::optional<Timestamp> read_meeting_time(Reader& r, const YNode& node, const Subject& what)
{
  auto t = r.date_or_datetime(node, what);
  if (t && t->date_only) {
    r.error(node, what, "round_meeting_expected_datetime", {{"found", quote_found(node.text)}});
    return std::nullopt;
  }
  return t;
}

std::optional<Meeting> read_meeting(Reader& r, const YNode& node, const std::optional<Council>& council,
                                    const std::optional<Timestamp>& round_date)
{
  MapView m(r, node, "meeting", {"issuer", "document_number", "place", "start", "end", "secretary", "absent"});
  if (!m.ok()) {
    return std::nullopt;
  }
  Meeting mt;
  for (auto [key, target] : {std::pair{"issuer", &mt.issuer}, std::pair{"document_number", &mt.document_number},
                             std::pair{"place", &mt.place}, std::pair{"secretary", &mt.secretary}}) {
    if (const YNode* n = m.get(key)) {
      *target = r.text(*n, Message{"load_key", {{"key", std::string("meeting ") + key}}}).value_or("");
    }
  }
  // The secretary is not a member and never scores (8.7): a secretary who
  // bears a member's name would sign the minutes twice, once as what they
  // say they are not. The name is what precedes the first comma ("Nguyễn
  // Văn Hải, Trưởng phòng ..."). Valid under the format, so a warning.
  if (const YNode* n = m.get("secretary"); n != nullptr && council && !mt.secretary.empty()) {
    std::string name = mt.secretary.substr(0, mt.secretary.find(','));
    name.erase(name.find_last_not_of(" \t") + 1);
    for (const auto& x : council->members) {
      if (!name.empty() && x.name == name) {
        r.diags().warning(r.pos(*n), "round_secretary_is_member", {{"name", name}, {"member", x.id}});
      }
    }
  }
  if (const YNode* n = m.get("start")) {
    mt.start = read_meeting_time(r, *n, "meeting start");
    // The minutes bear the day the meeting started, the annex the round's
    // `date`, each as written: two days for one meeting is a slip that the
    // format allows, so a warning.
    if (mt.start && round_date && mt.start->text.substr(0, 10) != round_date->text.substr(0, 10)) {
      r.diags().warning(r.pos(*n), "round_meeting_start_not_round_date",
                        {{"start", mt.start->text}, {"date", round_date->text}});
    }
  }
  if (const YNode* n = m.get("end")) {
    mt.end = read_meeting_time(r, *n, "meeting end");
    if (mt.start && mt.end && *mt.end < *mt.start) {
      r.error(*n, "round_meeting_end_before_start", {{"end", mt.end->text}, {"start", mt.start->text}});
    }
  }
  if (const YNode* n = m.get("absent"); n != nullptr && !is_null_node(*n)) {
    MapView am(r, *n, "meeting absent");
    for (const auto& [key, value] : am.entries()) {
      auto id = r.identifier(*key, "meeting absent member");
      auto why = r.text(*value, Message{"round_absent_reason", {{"member", key->text}}});
      if (!id || !why) {
        continue;
      }
      bool member = council && std::any_of(council->members.begin(), council->members.end(),
                                           [&](const Member& x) { return x.id == *id; });
      if (!member) {
        std::vector<std::string> names;
        if (council) {
          for (const auto& x : council->members) {
            names.push_back(x.id);
          }
        }
        r.error(*key, "round_absent_not_member", {{"member", *id}}, nearest_name(*id, names));
        continue;
      }
      mt.absent.push_back({*id, *why, r.pos(*key)});
    }
  }
  return mt;
}

std::optional<Rational> read_quorum(Reader& r, const YNode& node, std::string& text)
{
  if (node.kind != YNode::Kind::scalar) {
    r.error(node, "round_quorum", {{"found", Reader::describe(node)}});
    return std::nullopt;
  }
  text = node.text;
  std::optional<Rational> q;
  auto slash = node.text.find('/');
  if (slash != std::string::npos) {
    NumberParse a = parse_decimal(node.text.substr(0, slash));
    NumberParse b = parse_decimal(node.text.substr(slash + 1));
    if (a.kind == NumberParse::Kind::ok && b.kind == NumberParse::Kind::ok && a.integral_syntax && b.integral_syntax
        && b.value != 0) {
      q = a.value / b.value;
    }
  } else if (node.plain) {
    NumberParse p = parse_decimal(node.text);
    if (p.kind == NumberParse::Kind::ok) {
      q = p.value;
    }
  }
  if (!q && !node.plain && parse_decimal(node.text).kind == NumberParse::Kind::ok) {
    r.error(node, "round_quorum_quoted",
            {{"found", Message{"found_quoted_text", {{"text", quote_found(node.text)}}}}, {"plain", node.text}});
    return std::nullopt;
  }
  if (!q) {
    r.error(node, "round_quorum", {{"found", Message{"found_text", {{"text", quote_found(node.text)}}}}});
    return std::nullopt;
  }
  if (*q <= 0 || *q > 1) {
    r.error(node, "round_quorum_range", {{"number", node.text}});
    return std::nullopt;
  }
  return q;
}

std::optional<Council> read_council(Reader& r, const YNode& node)
{
  MapView m(r, node, "council", {"quorum", "deviation_percent", "members"});
  if (!m.ok()) {
    return std::nullopt;
  }
  Council c;
  c.pos = r.pos(node);
  if (const YNode* q = m.get("quorum")) {
    if (auto v = read_quorum(r, *q, c.quorum_text)) {
      c.quorum = *v;
    }
  }
  if (const YNode* d = m.get("deviation_percent")) {
    auto v = r.number(*d, "council deviation_percent");
    if (v && *v < 0) {
      r.error(*d, "round_deviation", {{"number", d->text}});
    } else {
      c.deviation_percent = v;
    }
  }
  const YNode* members = m.require("members");
  if (members == nullptr || !r.is_seq(*members, "council members")) {
    return c;
  }
  if (members->items.empty()) {
    r.error(*members, "round_no_member", {});
  }
  std::optional<size_t> chair; // an index: members grows, so no pointer into it
  for (const auto& item : members->items) {
    MapView mm(r, item, "member", {"id", "name", "role"});
    if (!mm.ok()) {
      continue;
    }
    Member mem;
    const YNode* id_node = mm.require("id");
    auto id = id_node ? r.identifier(*id_node, "member id") : std::nullopt;
    if (!id) {
      continue;
    }
    mem.id = *id;
    mem.pos = r.pos(*id_node);
    if (const YNode* n = mm.require("name")) {
      mem.name = r.text(*n, sub_key(Message{"load_member", {{"member", mem.id}}}, "name")).value_or("");
    }
    if (const YNode* n = mm.get("role")) {
      auto role = r.text(*n, sub_key(Message{"load_member", {{"member", mem.id}}}, "role"));
      if (role == "chair") {
        mem.role = Role::chair;
      } else if (role == "vice_chair") {
        mem.role = Role::vice_chair;
      } else if (role == "member") {
        mem.role = Role::member;
      } else if (role) {
        r.error(*n, "round_member_role", {{"member", mem.id}, {"found", quote_found(*role)}},
                nearest_name(*role, {"chair", "vice_chair", "member"}));
      }
    }
    auto same = std::find_if(c.members.begin(), c.members.end(), [&](const Member& o) { return o.id == mem.id; });
    if (same != c.members.end()) {
      r.error(*id_node, "round_member_id_twice", {{"member", mem.id}, {"line", std::to_string(same->pos.line)}});
      continue;
    }
    if (mem.role == Role::chair && chair) {
      const Member& first = c.members[*chair];
      r.error(item, "round_second_chair",
              {{"member", mem.id}, {"chair", first.id}, {"line", std::to_string(first.pos.line)}});
      continue;
    }
    if (mem.role == Role::chair) {
      chair = c.members.size();
    }
    c.members.push_back(mem);
  }
  return c;
}

} // namespace

std::optional<Round> load_round_file(const Document& doc, Diagnostics& diags, bool* complete)
{
  if (!check_format(doc, k_format_round, diags)) {
    return std::nullopt;
  }
  const size_t errors_before = diags.error_count();
  Reader r(doc.path, diags);
  MapView m(r, doc.root, "round",
            {"format", "id", "title", "cluster", "date", "criteria", "dossiers", "council", "sheets",
             "chair_proposal", "meeting"});
  Round rd;
  rd.path = doc.path;
  rd.sha256 = doc.sha256;
  rd.pos = r.pos(doc.root);
  if (const YNode* n = m.require("id")) {
    rd.id = r.identifier(*n, "id").value_or("");
  }
  if (const YNode* n = m.require("title")) {
    rd.title = r.text(*n, "title").value_or("");
  }
  if (const YNode* n = m.get("cluster"); n != nullptr && !r.left_empty(*n, "cluster")) {
    rd.cluster = r.text(*n, "cluster").value_or("");
  }
  if (const YNode* n = m.get("date"); n != nullptr && !r.left_empty(*n, "date")) {
    rd.date = r.date(*n, "date");
  }
  if (const YNode* n = m.require("criteria")) {
    if (auto ref = file_ref(r, *n, "criteria")) {
      rd.criteria = *ref;
    }
  }
  if (const YNode* n = m.require("dossiers"); n != nullptr && r.is_seq(*n, "dossiers")) {
    if (n->items.empty()) {
      r.error(*n, "round_no_dossier", {});
    }
    for (const auto& item : n->items) {
      if (auto ref = file_ref(r, item, "dossier")) {
        rd.dossiers.push_back(*ref);
      }
    }
  }
  if (const YNode* n = m.get("council")) {
    rd.council = read_council(r, *n);
  }
  if (const YNode* n = m.get("sheets"); n != nullptr && !is_null_node(*n) && r.is_seq(*n, "sheets")) {
    for (const auto& item : n->items) {
      if (auto ref = file_ref(r, item, "sheet")) {
        rd.sheets.push_back(*ref);
      }
    }
  }
  if (const YNode* n = m.get("chair_proposal")) {
    rd.chair_proposal = read_chair_proposal(r, *n);
  }
  // Every key of the meeting is optional (8.7): a block left with none,
  // `meeting:` alone, records nothing, as `sheets:` alone names no sheet.
  if (const YNode* n = m.get("meeting"); n != nullptr && !is_null_node(*n)) {
    rd.meeting = read_meeting(r, *n, rd.council, rd.date);
  }
  // A round fresh from `init` still holds placeholders: its dossiers and
  // sheets are read all the same, so that `check` names every one left in
  // them too. The errors stay, and nothing is ranked.
  if (diags.error_count() != errors_before + r.unfilled_count()) {
    if (complete == nullptr) {
      return std::nullopt;
    }
    *complete = false;
  }
  return rd;
}

} // namespace ccn
