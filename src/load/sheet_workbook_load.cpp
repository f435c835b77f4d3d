#include "load/sheet_workbook_load.hpp"
#include "load/yaml_tree.hpp"

#include "model/sheet_workbook.hpp"
#include "util/file.hpp"
#include "util/rational.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>
#include <zip.h>

#include <algorithm>
#include <map>
#include <memory>
#include <utility>
#include <variant>

namespace ccn {

namespace {

using namespace sheet_layout;

// Most cells read from one worksheet.
constexpr size_t k_max_cells = 200000;
// Excel's own limits on a worksheet.
constexpr long k_max_rows = 1048576;
constexpr long k_max_cols = 16384;

// The name of an element or attribute without its namespace prefix:
// writers differ in prefixes (`c`, `x:c`, `ns0:c`), never in local names.
std::string_view local(const char* name)
{
  std::string_view n(name);
  size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node parent, std::string_view name)
{
  for (pugi::xml_node n : parent.children()) {
    if (n.type() == pugi::node_element && local(n.name()) == name) {
      return n;
    }
  }
  return {};
}

const char* attribute(pugi::xml_node node, std::string_view name)
{
  for (pugi::xml_attribute a : node.attributes()) {
    if (local(a.name()) == name) {
      return a.value();
    }
  }
  return nullptr;
}

// The text of a string item (`<si>` or `<is>`): its `<t>`, or the `<t>` of
// each run of rich text; phonetic runs (`<rPh>`) are not part of it.
std::string string_item(pugi::xml_node item)
{
  std::string out;
  for (pugi::xml_node n : item.children()) {
    if (local(n.name()) == "t") {
      out += n.child_value();
    } else if (local(n.name()) == "r") {
      out += child(n, "t").child_value();
    }
  }
  return out;
}

std::string trim(std::string_view s)
{
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) {
    return {};
  }
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// One cell as the worksheet XML gives it.
struct Cell
{
  std::string type;  // the `t` attribute: "" or "n" number, "s", "inlineStr", "str", "b", "e", "d"
  std::string value; // the text of `<v>`, or of `<is>` for an inline string
  bool formula = false;
};

using Cells = std::map<std::pair<long, long>, Cell>; // (row, col), 0-based

// "G8" as 0-based (row, col); nothing when it is not a cell reference.
std::optional<std::pair<long, long>> parse_ref(std::string_view ref)
{
  long col = 0;
  size_t i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && col <= k_max_cols) {
    col = col * 26 + (ref[i++] - 'A' + 1);
  }
  long row = 0;
  size_t digits = i;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && row <= k_max_rows) {
    row = row * 10 + (ref[i++] - '0');
  }
  if (digits == 0 || i == digits || i != ref.size() || col > k_max_cols || row < 1 || row > k_max_rows) {
    return std::nullopt;
  }
  return std::pair{row - 1, col - 1};
}

// Byte offset of the first NUL in the XML `xml`, as a byte or as a
// character reference (`&#0;`, `&#x00;`), if any.
std::optional<size_t> find_nul(std::string_view xml)
{
  for (size_t i = 0; i < xml.size(); ++i) {
    if (xml[i] == '\0') {
      return i;
    }
    if (xml[i] != '&' || i + 1 >= xml.size() || xml[i + 1] != '#') {
      continue;
    }
    size_t j = i + 2;
    if (j < xml.size() && xml[j] == 'x') {
      ++j;
    }
    const size_t digits = j;
    while (j < xml.size() && xml[j] == '0') {
      ++j;
    }
    if (j > digits && j < xml.size() && xml[j] == ';') {
      return i;
    }
  }
  return std::nullopt;
}

class WorkbookReader
{
public:
  WorkbookReader(const std::string& path, Diagnostics& diags) : m_path(path), m_diags(diags) {}

  // The value of the workbook's ccnscore-format property, empty when it has
  // none; nothing when the workbook cannot be opened far enough to say.
  std::optional<std::string> format_mark(const std::string& bytes)
  {
    if (!open(bytes)) {
      return std::nullopt;
    }
    const std::string name = "docProps/custom.xml";
    const size_t before = m_diags.error_count();
    auto data = part(name, false);
    if (!data) {
      return m_diags.error_count() == before ? std::optional<std::string>("") : std::nullopt;
    }
    pugi::xml_document doc;
    if (!parse(doc, name, *data)) {
      return std::nullopt;
    }
    for (pugi::xml_node p : doc.document_element().children()) {
      const char* key = attribute(p, "name");
      if (key != nullptr && std::string_view(key) == k_workbook_format_property) {
        return std::string(trim(p.first_child().child_value()));
      }
    }
    return std::string();
  }

  std::optional<Sheet> read(const std::string& bytes)
  {
    if (!open(bytes)) {
      return std::nullopt;
    }
    if (!is_ccnscore_sheet()) {
      return std::nullopt;
    }
    auto sheets = worksheets();
    if (!sheets) {
      return std::nullopt;
    }
    if (!shared_strings()) {
      return std::nullopt;
    }
    Sheet s;
    s.path = m_path;
    s.sha256 = sha256_hex(bytes);
    s.pos = {m_path, 0, 0};
    s.workbook_sheet = sheets->at(0).first;
    m_sheet_name = sheets->at(0).first;
    auto scores = cells(sheets->at(0).second);
    if (!scores) {
      return std::nullopt;
    }
    m_sheet_name = sheets->at(1).first;
    auto recusals = cells(sheets->at(1).second);
    if (!recusals) {
      return std::nullopt;
    }
    // A cell in error is left out and the rest is kept, so that the round's
    // rules still check every other cell: one pass shows every mistake.
    read_recusals(*recusals, s);
    m_sheet_name = s.workbook_sheet;
    read_scores(*scores, s);
    return s;
  }

private:
  struct ZipCloser
  {
    void operator()(zip_t* z) const { zip_discard(z); }
  };

  void file_error(std::string key, MsgArgs args = {}) { m_diags.error({m_path, 0, 0}, std::move(key), std::move(args)); }

  SourcePos at(long row, long col) const
  {
    return {fmt::format("{}:{}!{}", m_path, m_sheet_name, cell_name(static_cast<int>(row), static_cast<int>(col))),
            0, 0};
  }

  bool open(const std::string& bytes)
  {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (src != nullptr) {
      m_zip.reset(zip_open_from_source(src, ZIP_RDONLY, &error));
      if (!m_zip) {
        zip_source_free(src);
      }
    }
    if (!m_zip) {
      file_error("wb_not_zip", {{"reason", zip_error_strerror(&error)}});
      zip_error_fini(&error);
      return false;
    }
    zip_error_fini(&error);
    zip_int64_t entries = zip_get_num_entries(m_zip.get(), 0);
    if (entries < 0 || static_cast<size_t>(entries) > k_max_workbook_entries) {
      file_error("wb_too_many_entries",
                 {{"entries", std::to_string(entries)}, {"max", std::to_string(k_max_workbook_entries)}});
      return false;
    }
    return true;
  }

  // The uncompressed bytes of the part `name`; nothing (and an error, when
  // `required`) if it is absent, broken or too large.
  std::optional<std::string> part(const std::string& name, bool required)
  {
    zip_int64_t index = zip_name_locate(m_zip.get(), name.c_str(), 0);
    if (index < 0) {
      if (required) {
        file_error("wb_missing_part", {{"part", name}});
      }
      return std::nullopt;
    }
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen_index(m_zip.get(), static_cast<zip_uint64_t>(index), 0),
                                                          zip_fclose);
    if (!f) {
      file_error("wb_part_unreadable", {{"part", name}, {"reason", zip_strerror(m_zip.get())}});
      return std::nullopt;
    }
    std::string out;
    char buffer[65536];
    zip_int64_t n = 0;
    while ((n = zip_fread(f.get(), buffer, sizeof buffer)) > 0) {
      const auto got = static_cast<size_t>(n);
      if (out.size() + got > k_max_workbook_part_bytes || m_total + got > k_max_workbook_bytes) {
        file_error("wb_too_large", {{"part", name},
                                     {"part_mib", std::to_string(k_max_workbook_part_bytes >> 20)},
                                     {"total_mib", std::to_string(k_max_workbook_bytes >> 20)}});
        return std::nullopt;
      }
      out.append(buffer, got);
      m_total += got;
    }
    if (n < 0) {
      file_error("wb_damaged", {{"part", name}, {"reason", zip_file_strerror(f.get())}});
      return std::nullopt;
    }
    return out;
  }

  bool parse(pugi::xml_document& doc, const std::string& name, const std::string& data)
  {
    // pugixml checks neither: text that is not UTF-8 would reach every
    // output as it is, and a NUL would silently cut the text holding it.
    if (auto bad = find_invalid_utf8(data)) {
      file_error("wb_invalid_utf8", {{"part", name},
                                     {"offset", std::to_string(*bad)},
                                     {"byte", fmt::format("{:02X}", static_cast<unsigned char>(data[*bad]))}});
      return false;
    }
    if (auto nul = find_nul(data)) {
      file_error("wb_nul_character", {{"part", name}, {"offset", std::to_string(*nul)}});
      return false;
    }
    pugi::xml_parse_result r = doc.load_buffer(data.data(), data.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!r) {
      file_error("wb_broken_xml", {{"part", name}, {"offset", std::to_string(r.offset)}, {"reason", r.description()}});
      return false;
    }
    return true;
  }

  // The custom document property that `sheet --format xlsx` writes.
  bool is_ccnscore_sheet()
  {
    const std::string name = "docProps/custom.xml";
    const size_t before = m_diags.error_count();
    auto data = part(name, false);
    if (data) {
      pugi::xml_document doc;
      if (!parse(doc, name, *data)) {
        return false;
      }
      for (pugi::xml_node p : doc.document_element().children()) {
        const char* key = attribute(p, "name");
        if (key != nullptr && std::string_view(key) == k_workbook_format_property) {
          if (trim(p.first_child().child_value()) == k_workbook_format_sheet) {
            return true;
          }
          if (trim(p.first_child().child_value()) == k_workbook_format_ranking) {
            file_error("wb_is_ranking");
            return false;
          }
        }
      }
    } else if (m_diags.error_count() != before) {
      return false;
    }
    file_error("wb_not_score_sheet");
    return false;
  }

  // The first two worksheets, in tab order, as (name, part).
  std::optional<std::vector<std::pair<std::string, std::string>>> worksheets()
  {
    const std::string book_name = "xl/workbook.xml";
    const std::string rels_name = "xl/_rels/workbook.xml.rels";
    auto book = part(book_name, true);
    auto rels = book ? part(rels_name, true) : std::nullopt;
    if (!rels) {
      return std::nullopt;
    }
    pugi::xml_document book_doc;
    pugi::xml_document rels_doc;
    if (!parse(book_doc, book_name, *book) || !parse(rels_doc, rels_name, *rels)) {
      return std::nullopt;
    }
    std::map<std::string, std::string> targets;
    for (pugi::xml_node r : rels_doc.document_element().children()) {
      const char* id = attribute(r, "Id");
      const char* target = attribute(r, "Target");
      if (id != nullptr && target != nullptr) {
        std::string t = target;
        targets[id] = t.rfind('/', 0) == 0 ? t.substr(1) : "xl/" + t;
      }
    }
    std::vector<std::pair<std::string, std::string>> out;
    for (pugi::xml_node sh : child(book_doc.document_element(), "sheets").children()) {
      const char* name = attribute(sh, "name");
      const char* id = attribute(sh, "id");
      auto t = id != nullptr ? targets.find(id) : targets.end();
      if (name == nullptr || t == targets.end()) {
        file_error("wb_worksheet_without_part", {{"part", book_name}});
        return std::nullopt;
      }
      out.emplace_back(name, t->second);
      if (out.size() == 2) {
        return out;
      }
    }
    file_error("wb_needs_two_worksheets");
    return std::nullopt;
  }

  bool shared_strings()
  {
    const std::string name = "xl/sharedStrings.xml";
    const size_t before = m_diags.error_count();
    auto data = part(name, false);
    if (!data) {
      return m_diags.error_count() == before;
    }
    pugi::xml_document doc;
    if (!parse(doc, name, *data)) {
      return false;
    }
    for (pugi::xml_node si : doc.document_element().children()) {
      if (local(si.name()) == "si") {
        m_strings.push_back(string_item(si));
      }
    }
    return true;
  }

  std::optional<Cells> cells(const std::string& name)
  {
    auto data = part(name, true);
    if (!data) {
      return std::nullopt;
    }
    pugi::xml_document doc;
    if (!parse(doc, name, *data)) {
      return std::nullopt;
    }
    Cells out;
    long row = -1;
    for (pugi::xml_node r : child(doc.document_element(), "sheetData").children()) {
      if (local(r.name()) != "row") {
        continue;
      }
      const char* rref = attribute(r, "r");
      row = rref != nullptr ? std::atol(rref) - 1 : row + 1;
      if (row < 0 || row >= k_max_rows) {
        file_error("wb_bad_row", {{"part", name}, {"row", rref != nullptr ? rref : ""}});
        return std::nullopt;
      }
      long col = -1;
      for (pugi::xml_node c : r.children()) {
        if (local(c.name()) != "c") {
          continue;
        }
        const char* ref = attribute(c, "r");
        if (ref != nullptr) {
          auto rc = parse_ref(ref);
          if (!rc || rc->first != row) {
            file_error("wb_bad_cell_ref", {{"part", name}, {"ref", ref}, {"row", std::to_string(row + 1)}});
            return std::nullopt;
          }
          col = rc->second;
        } else {
          ++col;
        }
        if (out.size() >= k_max_cells) {
          file_error("wb_too_many_cells", {{"part", name}, {"max", std::to_string(k_max_cells)}});
          return std::nullopt;
        }
        Cell cell;
        const char* t = attribute(c, "t");
        cell.type = t != nullptr ? t : "";
        cell.formula = static_cast<bool>(child(c, "f"));
        cell.value = cell.type == "inlineStr" ? string_item(child(c, "is")) : child(c, "v").child_value();
        if (cell.type == "s" && child(c, "v")) {
          auto index = parse_decimal(cell.value);
          if (index.kind != NumberParse::Kind::ok || !index.integral_syntax || index.value < 0 ||
              index.value >= static_cast<long>(m_strings.size())) {
            // The shared strings are broken for every cell: one message, then stop.
            m_diags.error(at(row, col), "wb_bad_shared_string",
                          {{"index", cell.value}, {"count", std::to_string(m_strings.size())}});
            return std::nullopt;
          }
          cell.value = m_strings[static_cast<size_t>(index.value.get_num().get_ui())];
        }
        // The rules of every input text: tabs and line breaks, no other
        // control; NFC, so that a comment typed with combining accents is
        // the text a YAML sheet would give.
        if (auto control = find_control_char(cell.value)) {
          m_diags.error(at(row, col), "wb_control_character",
                        {{"code", fmt::format("{:04X}", static_cast<unsigned>(control->code_point))}});
        } else if (cell.type == "s" || cell.type == "inlineStr" || cell.type == "str") {
          cell.value = to_nfc(cell.value);
        }
        out[{row, col}] = std::move(cell);
      }
    }
    return out;
  }

  // A cell's content as text, whatever its type; empty when it has none.
  static std::string text(const Cells& cells, long row, long col)
  {
    auto it = cells.find({row, col});
    if (it == cells.end()) {
      return {};
    }
    if (it->second.type == "b") {
      return it->second.value == "1" ? "TRUE" : it->second.value.empty() ? "" : "FALSE";
    }
    return it->second.value;
  }

  void read_recusals(const Cells& cells, Sheet& s)
  {
    for (const auto& [rc, cell] : cells) {
      const auto [row, col] = rc;
      if (row < k_first_recusal_row || col != k_recusal_mark_col) {
        continue;
      }
      std::string mark = trim(text(cells, row, col));
      if (mark.empty()) {
        continue;
      }
      if (mark != "x" && mark != "X") {
        m_diags.error(at(row, col), "wb_recusal_mark", {{"found", mark}});
        continue;
      }
      std::string app = trim(text(cells, row, k_recusal_applicant_col));
      if (app.empty()) {
        m_diags.error(at(row, col), "wb_recusal_no_applicant", {});
        continue;
      }
      s.recused.emplace(app, at(row, col));
    }
  }

  // The score in `cell`, or nothing (and an error when it holds something
  // that is not a number).
  std::optional<Rational> score(const Cell& cell, long row, const std::string& app, const std::string& crit)
  {
    const Message what{"load_score_of", {{"applicant", app}, {"criterion", crit}}};
    if (cell.formula) {
      m_diags.error(at(row, k_score_col), "wb_score_formula", {{"what", what}});
      return std::nullopt;
    }
    if (cell.type.empty() || cell.type == "n") {
      if (auto v = workbook_number(trim(cell.value))) {
        return v;
      }
      m_diags.error(at(row, k_score_col), "wb_score_not_number", {{"what", what}, {"found", cell.value}});
      return std::nullopt;
    }
    std::string shown = cell.type == "b" ? (cell.value == "1" ? "TRUE" : "FALSE") : cell.value;
    std::string dotted = trim(shown);
    std::replace(dotted.begin(), dotted.end(), ',', '.');
    if (parse_decimal(dotted).kind == NumberParse::Kind::ok) {
      m_diags.error(at(row, k_score_col), "wb_score_number_as_text",
                    {{"what", what}, {"found", shown}, {"number", dotted}});
    } else {
      m_diags.error(at(row, k_score_col), "wb_score_not_number", {{"what", what}, {"found", shown}});
    }
    return std::nullopt;
  }

  void read_scores(const Cells& cells, Sheet& s)
  {
    s.round = trim(text(cells, k_round_row, k_value_col));
    s.round_pos = at(k_round_row, k_value_col);
    s.member = trim(text(cells, k_member_row, k_value_col));
    s.member_pos = at(k_member_row, k_value_col);
    if (s.round.empty()) {
      m_diags.error(s.round_pos, "wb_round_empty", {});
    }
    if (s.member.empty()) {
      m_diags.error(s.member_pos, "wb_member_empty", {});
    }
    std::map<std::pair<std::string, std::string>, long> seen;
    long last_row = k_first_score_row - 1;
    for (const auto& [rc, cell] : cells) {
      last_row = std::max(last_row, rc.first);
    }
    for (long row = k_first_score_row; row <= last_row; ++row) {
      auto score_cell = cells.find({row, k_score_col});
      const bool has_score = score_cell != cells.end() && (score_cell->second.formula ||
                                                            !trim(text(cells, row, k_score_col)).empty());
      std::string comment = text(cells, row, k_comment_col);
      const bool has_comment = !trim(comment).empty();
      std::string app = trim(text(cells, row, k_applicant_col));
      std::string crit = trim(text(cells, row, k_criterion_col));
      if (!has_score && !has_comment) {
        // An empty score cell: a missing score is reported at it.
        if (!app.empty() && !crit.empty()) {
          s.score_keys.add(app, crit, at(row, k_score_col));
        }
        continue;
      }
      if (app.empty() || crit.empty()) {
        m_diags.error(at(row, has_score ? k_score_col : k_comment_col),
                      "wb_row_incomplete", {{"row", std::to_string(row + 1)}});
        continue;
      }
      auto [it, fresh] = seen.emplace(std::pair{app, crit}, row);
      if (!fresh) {
        m_diags.error(at(row, has_score ? k_score_col : k_comment_col),
                      "wb_row_again", {{"applicant", app}, {"criterion", crit}, {"first", std::to_string(it->second + 1)}});
        continue;
      }
      if (has_score) {
        if (auto points = score(score_cell->second, row, app, crit)) {
          s.scores[app][crit] = Score{*points, static_cast<int>(row) + 1, k_score_col + 1};
        }
      }
      if (has_comment) {
        s.comments[app][crit] = Comment{comment, at(row, k_comment_col)};
      }
    }
    s.score_keys.index();
  }

  std::string m_path;
  Diagnostics& m_diags;
  std::unique_ptr<zip_t, ZipCloser> m_zip;
  size_t m_total = 0;
  std::vector<std::string> m_strings;
  std::string m_sheet_name;
};

} // namespace

bool is_workbook_path(std::string_view path)
{
  if (path.size() < 5) {
    return false;
  }
  std::string end(path.substr(path.size() - 5));
  std::transform(end.begin(), end.end(), end.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return end == ".xlsx";
}

std::optional<Sheet> load_sheet_workbook(const std::string& path, const std::string& bytes, Diagnostics& diags)
{
  return WorkbookReader(path, diags).read(bytes);
}

std::optional<Sheet> load_sheet_workbook_file(const std::string& path, std::string& sha256, Diagnostics& diags)
{
  auto data = read_input_file(path, diags);
  if (!data) {
    return std::nullopt;
  }
  sha256 = sha256_hex(*data);
  return load_sheet_workbook(path, *data, diags);
}

std::optional<std::string> workbook_format_mark(const std::string& path)
{
  Diagnostics diags;
  auto data = read_input_file(path, diags);
  if (!data) {
    return std::nullopt;
  }
  return WorkbookReader(path, diags).format_mark(*data);
}

std::optional<Rational> workbook_number(std::string_view text)
{
  NumberParse p = parse_decimal(text);
  if (p.kind != NumberParse::Kind::ok) {
    return std::nullopt;
  }
  std::string digits;
  for (char c : text.substr(0, text.find_first_of("eE"))) {
    if (c >= '0' && c <= '9') {
      digits += c;
    }
  }
  size_t first = digits.find_first_not_of('0');
  size_t last = digits.find_last_not_of('0');
  if (first == std::string::npos || last - first + 1 <= 15) {
    return p.value;
  }
  // Excel keeps 15 significant digits: round there, on the exact value.
  Rational magnitude = abs(p.value);
  Rational power = 1;
  int exponent = 0;
  while (magnitude >= power * 10) {
    power *= 10;
    ++exponent;
  }
  while (magnitude < power) {
    power /= 10;
    --exponent;
  }
  const int decimals = 14 - exponent;
  return decimals < 0 ? p.value : round_half_away(p.value, decimals);
}

} // namespace ccn
