#include "verify/compare.hpp"

#include "util/json_exact.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

namespace ccn {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// What a JSON value is ("a string", "a list"), as a message.
Message kind_of(const Json& j)
{
  const char* kind = "number";
  switch (j.type()) {
  case Json::value_t::null:
    kind = "null";
    break;
  case Json::value_t::boolean:
    kind = "boolean";
    break;
  case Json::value_t::string:
    kind = "string";
    break;
  case Json::value_t::array:
    kind = "list";
    break;
  case Json::value_t::object:
    kind = "object";
    break;
  default:
    break;
  }
  return {std::string("verify_kind_") + kind, {}};
}

// The key of a result's field ("total", "points"), as a message: one of
// the keys the comparisons below name, each in the catalogue.
Message field(const std::string& key)
{
  return {"verify_field_" + key, {}};
}

// The shape of a recorded result, checked key by key.
class ShapeCheck
{
public:
  std::vector<Message> problems;

  // `key` of `object` at `where`, when present (or `required`), must be of `type`.
  bool expect(const Json& object, const std::string& key, Json::value_t type, const std::string& where,
              bool required = false)
  {
    if (!object.contains(key)) {
      if (required) {
        problems.push_back(
          {"verify_key_missing", {{"key", std::string_view(where + key)}, {"expected", kind_of(Json(type))}}});
      }
      return false;
    }
    return expect(object[key], type, where + key);
  }

  // `value` at `where` must be of `type`.
  bool expect(const Json& value, Json::value_t type, const std::string& where)
  {
    if (value.type() == type) {
      return true;
    }
    problems.push_back({"verify_key_wrong_type",
                        {{"key", std::string_view(where)}, {"expected", kind_of(Json(type))}, {"found", kind_of(value)}}});
    return false;
  }

  // `key` of `object`, when present, must be a list of objects.
  void expect_objects(const Json& object, const std::string& key, const std::string& where)
  {
    if (expect(object, key, Json::value_t::array, where)) {
      for (size_t i = 0; i < object[key].size(); ++i) {
        expect(object[key][i], Json::value_t::object, fmt::format("{}{}[{}]", where, key, i));
      }
    }
  }
};

// The value of `key` in `object`, or null.
const Json& at_key(const Json& object, const char* key)
{
  static const Json none;
  return object.is_object() && object.contains(key) ? object[key] : none;
}

// Compare the listed keys of two objects: for each that differs, the
// message `make` returns for its key and the two values.
template <typename Make>
void compare_keys(const Json& recorded, const Json& recomputed, std::initializer_list<const char*> keys,
                  std::vector<Message>& out, Make make)
{
  for (const char* k : keys) {
    const Json& a = at_key(recorded, k);
    const Json& b = at_key(recomputed, k);
    if (a != b) {
      out.push_back(make(k, a, b));
    }
  }
}

// Compare a list of objects with ids (groups, criteria, gates) of applicant `id`.
void compare_list(const Json& recorded, const Json& recomputed, std::initializer_list<const char*> keys,
                  const std::string& applicant, const char* part, std::vector<Message>& out)
{
  const Message part_name{std::string("verify_part_") + part, {}};
  if (!recorded.is_array() || !recomputed.is_array() || recorded.size() != recomputed.size()) {
    out.push_back({"verify_applicant_part_count",
                   {{"applicant", std::string_view(applicant)},
                    {"part", part_name},
                    {"recorded", std::string_view(std::to_string(recorded.is_array() ? recorded.size() : 0))},
                    {"recomputed", std::string_view(std::to_string(recomputed.size()))}}});
    return;
  }
  for (size_t i = 0; i < recorded.size(); ++i) {
    std::string id = recomputed[i].value("id", std::to_string(i));
    compare_keys(recorded[i], recomputed[i], keys, out, [&](const char* k, const Json& a, const Json& b) {
      return Message{"verify_applicant_part_field",
                     {{"applicant", std::string_view(applicant)},
                      {"part", part_name},
                      {"id", std::string_view(id)},
                      {"field", field(k)},
                      result_value("recorded", a, &b),
                      result_value("recomputed", b, &a)}};
    });
  }
}

// Whether `text` is a plain decimal of at most three digits before its
// point ("-12.5"): one that every language writes without grouping.
bool short_plain_number(const std::string& text)
{
  size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
  size_t digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    ++i;
    ++digits;
  }
  if (digits == 0 || digits > 3) {
    return false;
  }
  if (i == text.size()) {
    return true;
  }
  if (text[i] != '.' || i + 1 == text.size()) {
    return false;
  }
  return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i) + 1, text.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

// Whether a string begins as a number does ("13.67", "-2"), so that it
// could be taken for one.
bool looks_numeric(const std::string& text)
{
  size_t i = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
  return i < text.size() && text[i] >= '0' && text[i] <= '9';
}

} // namespace

Message input_role(const std::string& role)
{
  if (role == "round" || role == "criteria" || role == "dossier" || role == "sheet") {
    return {"verify_role_" + role, {}};
  }
  return {k_raw_message, {{"text", std::string_view(role)}}}; // a role no version of the contract knows
}

MsgArg result_value(std::string name, const Json& value, const Json* other)
{
  std::string text = exact_text(value);
  if (!value.is_string() && short_plain_number(text)) {
    return MsgArg::decimal(std::move(name), std::move(text));
  }
  if (value.is_string() && other != nullptr && !other->is_string() && looks_numeric(text)) {
    // A number edited into a string: shown in quotes, else "13.67" would
    // read the same as the number 13.67 recomputed beside it.
    text = "\"" + text + "\"";
  }
  return {std::move(name), std::string_view(text)};
}

std::vector<Message> result_shape_problems(const Json& rec)
{
  using T = Json::value_t;
  ShapeCheck c;
  c.expect(rec, "format", T::string, "");
  if (c.expect(rec, "tool", T::object, "")) {
    c.expect(rec["tool"], "version", T::string, "tool.");
  }
  c.expect(rec, "round", T::object, "");
  if (c.expect(rec, "inputs", T::array, "", true)) {
    for (size_t i = 0; i < rec["inputs"].size(); ++i) {
      const std::string where = fmt::format("inputs[{}]", i);
      const Json& in = rec["inputs"][i];
      if (c.expect(in, T::object, where)) {
        for (const char* key : {"role", "path", "sha256"}) {
          c.expect(in, key, T::string, where + ".", true);
        }
      }
    }
  }
  if (c.expect(rec, "applicants", T::array, "")) {
    for (size_t i = 0; i < rec["applicants"].size(); ++i) {
      const std::string where = fmt::format("applicants[{}]", i);
      const Json& a = rec["applicants"][i];
      if (c.expect(a, T::object, where)) {
        c.expect(a, "id", T::string, where + ".", true);
        for (const char* key : {"groups", "criteria", "gates"}) {
          c.expect_objects(a, key, where + ".");
        }
      }
    }
  }
  c.expect_objects(rec, "warnings", "");
  c.expect(rec, "inputs_root", T::string, "");
  c.expect_objects(rec, "sheets", "");
  return c.problems;
}

std::vector<Message> compare_results(const Json& rec, const Json& now)
{
  std::vector<Message> out;
  compare_keys(rec.value("round", Json::object()), now["round"], {"id", "criteria", "precision", "scale"}, out,
               [](const char* k, const Json& a, const Json& b) {
                 return Message{"verify_round_field",
                                {{"field", field(k)}, result_value("recorded", a, &b), result_value("recomputed", b, &a)}};
               });
  const Json& ra = rec.value("applicants", Json::array());
  const Json& na = now["applicants"];
  std::vector<std::string> rec_order;
  std::vector<std::string> now_order;
  for (const auto& a : ra) {
    rec_order.push_back(a.value("id", "?"));
  }
  for (const auto& a : na) {
    now_order.push_back(a["id"].get<std::string>());
  }
  if (rec_order != now_order) {
    out.push_back({"verify_order",
                   {{"recorded", std::string_view(Json(rec_order).dump())},
                    {"recomputed", std::string_view(Json(now_order).dump())}}});
  }
  for (const auto& n : na) {
    const std::string id = n["id"];
    auto r = std::find_if(ra.begin(), ra.end(), [&](const Json& x) { return x.value("id", "") == id; });
    if (r == ra.end()) {
      out.push_back({"verify_applicant_not_recorded", {{"applicant", std::string_view(id)}}});
      continue;
    }
    compare_keys(*r, n, {"name", "rank", "status", "tied", "total", "total_exact"}, out,
                 [&](const char* k, const Json& a, const Json& b) {
                   return Message{"verify_applicant_field",
                                  {{"applicant", std::string_view(id)},
                                   {"field", field(k)},
                                   result_value("recorded", a, &b),
                                   result_value("recomputed", b, &a)}};
                 });
    compare_list(r->value("groups", Json::array()), n["groups"], {"id", "points", "passed"}, id, "group", out);
    compare_list(r->value("criteria", Json::array()), n["criteria"], {"id", "points", "exact"}, id, "criterion", out);
    compare_list(r->value("gates", Json::array()), n["gates"], {"id", "passed"}, id, "gate", out);
  }
  for (const auto& r : ra) {
    if (std::find(now_order.begin(), now_order.end(), r.value("id", "?")) == now_order.end()) {
      out.push_back({"verify_applicant_not_recomputed", {{"applicant", std::string_view(r.value("id", "?"))}}});
    }
  }
  // The chair's proposal that settled a tie for first (8.4), as recorded.
  const Json& rp = at_key(rec, "chair_proposal");
  const Json& np = at_key(now, "chair_proposal");
  if (rp != np) {
    // Both recorded: name what differs (the reason reworded, another date),
    // rather than show two whole objects to be compared by eye.
    const size_t before = out.size();
    if (rp.is_object() && np.is_object()) {
      // Each value as the council wrote it, quoted; an absent one (the
      // date is optional, recorded as null) in words.
      auto value = [](const char* name, const Json& v) {
        if (v.is_null()) {
          return MsgArg(name, Message{"verify_none", {}});
        }
        return MsgArg(name, Message{"verify_quoted", {{"text", v.is_string() ? v.get<std::string>() : v.dump()}}});
      };
      compare_keys(rp, np, {"selects", "reason", "date"}, out, [&](const char* k, const Json& a, const Json& b) {
        return Message{"verify_chair_proposal_field", {{"field", field(k)}, value("recorded", a), value("recomputed", b)}};
      });
    }
    if (out.size() == before) {
      auto shown = [](const char* name, const Json& p) {
        return p.is_null() ? MsgArg(name, Message{"verify_none", {}}) : MsgArg(name, std::string_view(p.dump()));
      };
      out.push_back({"verify_chair_proposal", {shown("recorded", rp), shown("recomputed", np)}});
    }
  }
  const Json& rw = rec.value("warnings", Json::array());
  const Json& nw = now["warnings"];
  if (!rw.is_array() || rw.size() != nw.size()) {
    out.push_back({"verify_warnings_count",
                   {{"recorded", std::string_view(std::to_string(rw.is_array() ? rw.size() : 0))},
                    {"recomputed", std::string_view(std::to_string(nw.size()))}}});
  } else {
    for (size_t i = 0; i < nw.size(); ++i) {
      compare_keys(rw[i], nw[i], {"kind", "member", "applicant", "criterion", "score", "mean", "explained"}, out,
                   [&](const char* k, const Json& a, const Json& b) {
                     return Message{"verify_warning_field",
                                    {{"warning", std::string_view(std::to_string(i + 1))},
                                     {"field", field(k)},
                                     result_value("recorded", a, &b),
                                     result_value("recomputed", b, &a)}};
                   });
    }
  }
  return out;
}

const Json* sheet_entry(const Json& result, const std::string& path)
{
  if (!result.contains("sheets") || !result["sheets"].is_array()) {
    return nullptr;
  }
  for (const auto& s : result["sheets"]) {
    if (s.is_object() && s.value("path", "") == path) {
      return &s;
    }
  }
  return nullptr;
}

std::vector<Message> score_changes(const Json& was, const Json& is)
{
  std::vector<Message> out;
  const std::string member = is.value("member", "?");
  if (was.value("member", "") != member) {
    out.push_back({"verify_sheet_member",
                   {{"recorded", std::string_view(exact_text(was.value("member", Json())))},
                    {"now", std::string_view(member)}}});
  }
  auto names = [](const Json& sheet) {
    std::set<std::string> ids;
    if (sheet.contains("recused") && sheet["recused"].is_array()) {
      for (const auto& a : sheet["recused"]) {
        ids.insert(exact_text(a));
      }
    }
    return ids;
  };
  std::set<std::string> rec_was = names(was);
  std::set<std::string> rec_is = names(is);
  for (const auto& a : rec_is) {
    if (rec_was.count(a) == 0) {
      out.push_back({"verify_now_recused", {{"member", std::string_view(member)}, {"applicant", std::string_view(a)}}});
    }
  }
  for (const auto& a : rec_was) {
    if (rec_is.count(a) == 0) {
      out.push_back(
        {"verify_no_longer_recused", {{"member", std::string_view(member)}, {"applicant", std::string_view(a)}}});
    }
  }
  const Json none = Json::object();
  const Json& sw = was.contains("scores") && was["scores"].is_object() ? was["scores"] : none;
  const Json& si = is.contains("scores") && is["scores"].is_object() ? is["scores"] : none;
  std::set<std::pair<std::string, std::string>> cells;
  for (const Json* scores : {&sw, &si}) {
    for (const auto& [applicant, row] : scores->items()) {
      if (row.is_object()) {
        for (const auto& [criterion, v] : row.items()) {
          cells.emplace(applicant, criterion);
        }
      }
    }
  }
  auto at = [](const Json& scores, const std::string& a, const std::string& c) -> const Json* {
    if (scores.contains(a) && scores[a].is_object() && scores[a].contains(c)) {
      return &scores[a][c];
    }
    return nullptr;
  };
  auto score = [](const char* name, const Json* v) {
    return v != nullptr ? result_value(name, *v) : MsgArg(name, Message{"verify_no_score", {}});
  };
  for (const auto& [a, c] : cells) {
    const Json* x = at(sw, a, c);
    const Json* y = at(si, a, c);
    if (x == nullptr || y == nullptr || *x != *y) {
      out.push_back({"verify_score_changed",
                     {{"member", std::string_view(member)},
                      {"applicant", std::string_view(a)},
                      {"criterion", std::string_view(c)},
                      score("recorded", x),
                      score("now", y)}});
    }
  }
  return out;
}

std::vector<Message> compare_inputs(const std::vector<InputFile>& recorded, const std::vector<InputFile>& today)
{
  auto key = [](const InputFile& f) { return std::pair(f.role, fs::path(f.resolved).lexically_normal().string()); };
  std::set<std::pair<std::string, std::string>> was;
  std::set<std::pair<std::string, std::string>> is;
  for (const auto& r : recorded) {
    was.insert(key(r));
  }
  for (const auto& t : today) {
    is.insert(key(t));
  }
  std::vector<Message> out;
  for (const auto& t : today) {
    if (was.count(key(t)) == 0) {
      out.push_back({"verify_input_not_recorded", {{"role", input_role(t.role)}, {"path", std::string_view(t.path)}}});
    }
  }
  for (const auto& r : recorded) {
    if (is.count(key(r)) == 0) {
      out.push_back({"verify_input_not_named", {{"role", input_role(r.role)}, {"path", std::string_view(r.path)}}});
    }
  }
  return out;
}

} // namespace ccn
