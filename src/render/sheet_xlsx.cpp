#include "render/sheet_xlsx.hpp"

#include "model/sheet_workbook.hpp"
#include "render/messages.hpp"
#include "render/xlsx_cell.hpp"
#include "render/xlsxwriter_library.hpp"

#include <xlsxwriter.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>

namespace ccn {

namespace {

using namespace sheet_layout;

class SheetBook
{
public:
  SheetBook(const RoundBundle& b, Lang lang, const std::string& path, std::vector<std::string>& notes)
    : m_b(b), m_lang(lang), m_L(lang), m_notes(notes), m_wb(workbook_new(path.c_str()))
  {
    if (m_wb == nullptr) {
      return;
    }
    // A fixed creation time keeps the file the same from run to run.
    lxw_doc_properties props{};
    m_title = word("title") + " \u2014 " + b.round.title;
    props.title = m_title.data();
    props.created = b.round.date ? static_cast<time_t>(b.round.date->seconds) : 86400;
    check(workbook_set_properties(m_wb, &props));
    check(workbook_set_custom_property_string(m_wb, std::string(k_workbook_format_property).c_str(),
                                              std::string(k_workbook_format_sheet).c_str()));
    m_bold = workbook_add_format(m_wb);
    m_open = workbook_add_format(m_wb);
    m_open_text = workbook_add_format(m_wb);
    if (m_bold == nullptr || m_open == nullptr || m_open_text == nullptr) {
      check(LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
    format_set_bold(m_bold);
    // The cells a member fills in: unlocked, and tinted so that they stand out.
    for (lxw_format* f : {m_open, m_open_text}) {
      format_set_unlocked(f);
      format_set_bg_color(f, 0xFFF2CC);
      format_set_border(f, LXW_BORDER_THIN);
    }
  }

  SheetBook(const SheetBook&) = delete;
  SheetBook& operator=(const SheetBook&) = delete;

  ~SheetBook()
  {
    if (m_wb != nullptr) {
      workbook_close(m_wb); // only when `close` was not reached
    }
  }

  bool created() const { return m_wb != nullptr; }

  void scores(const Member& m, const std::vector<bool>& passed)
  {
    m_sheet = word("scores");
    lxw_worksheet* ws = workbook_add_worksheet(m_wb, m_sheet.c_str());
    if (ws == nullptr) {
      check(LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
    text(ws, 0, 0, word("title"), m_bold);
    text(ws, k_round_row, 0, word("round"), m_bold);
    text(ws, k_round_row, k_value_col, m_b.round.id, nullptr);
    text(ws, k_round_row, k_value_col + 1, m_b.round.title, nullptr);
    text(ws, k_member_row, 0, word("member"), m_bold);
    text(ws, k_member_row, k_value_col, m.id, nullptr);
    text(ws, k_member_row, k_value_col + 1, fmt::format("{} ({})", m.name, m_L.role(m.role)), nullptr);
    text(ws, k_recusal_row, 0, word("recusals"), m_bold);
    text(ws, k_recusal_row, k_value_col, word("recusal_note"), nullptr);
    text(ws, k_instruction_row, 0, word("instruction"), nullptr);
    int col = 0;
    for (const char* h : {"applicant", "applicant_name", "criterion", "criterion_name", "maximum", "step", "points",
                          "comment"}) {
      text(ws, k_heading_row, col++, word(h), m_bold);
    }
    int row = k_first_score_row;
    for (size_t i = 0; i < m_b.dossiers.size(); ++i) {
      if (!passed[i]) {
        continue;
      }
      const Dossier& d = m_b.dossiers[i];
      for (const Criterion& cr : m_b.criteria.criteria) {
        if (cr.kind == ScoringKind::judged) {
          score_row(ws, row++, d, cr);
        }
      }
    }
    check(worksheet_set_column(ws, k_applicant_col, k_applicant_col, 14, nullptr));
    check(worksheet_set_column(ws, k_applicant_name_col, k_applicant_name_col, 40, nullptr));
    check(worksheet_set_column(ws, k_criterion_col, k_criterion_col, 12, nullptr));
    check(worksheet_set_column(ws, k_criterion_name_col, k_criterion_name_col, 50, nullptr));
    check(worksheet_set_column(ws, k_max_col, k_step_col, 11, nullptr));
    check(worksheet_set_column(ws, k_score_col, k_score_col, 10, nullptr));
    check(worksheet_set_column(ws, k_comment_col, k_comment_col, 48, nullptr));
    worksheet_freeze_panes(ws, k_first_score_row, 0);
    worksheet_protect(ws, nullptr, nullptr);
    worksheet_activate(ws);
  }

  void recusals(const std::vector<bool>& passed)
  {
    m_sheet = word("recusals");
    lxw_worksheet* ws = workbook_add_worksheet(m_wb, m_sheet.c_str());
    if (ws == nullptr) {
      check(LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
    text(ws, 0, 0, word("recusal_instruction"), m_bold);
    int col = 0;
    for (const char* h : {"applicant", "applicant_name", "recusal_mark"}) {
      text(ws, k_first_recusal_row - 1, col++, word(h), m_bold);
    }
    std::string mark = "x";
    char* marks[] = {mark.data(), nullptr};
    std::string message = word("mark_rule");
    std::string title = word("recusal_mark");
    int row = k_first_recusal_row;
    for (size_t i = 0; i < m_b.dossiers.size(); ++i) {
      if (!passed[i]) {
        continue;
      }
      const Dossier& d = m_b.dossiers[i];
      text(ws, row, k_recusal_applicant_col, d.id, nullptr);
      text(ws, row, k_recusal_applicant_col + 1, d.name, nullptr);
      check(worksheet_write_blank(ws, static_cast<lxw_row_t>(row), k_recusal_mark_col, m_open));
      lxw_data_validation v{};
      v.validate = LXW_VALIDATION_TYPE_LIST;
      v.value_list = marks;
      v.error_title = title.data();
      v.error_message = message.data();
      check(worksheet_data_validation_cell(ws, static_cast<lxw_row_t>(row), k_recusal_mark_col, &v));
      ++row;
    }
    check(worksheet_set_column(ws, 0, 0, 14, nullptr));
    check(worksheet_set_column(ws, 1, 1, 48, nullptr));
    check(worksheet_set_column(ws, 2, 2, 16, nullptr));
    worksheet_protect(ws, nullptr, nullptr);
  }

  // Write the file; empty on success, else why.
  std::string close()
  {
    lxw_error closed = workbook_close(m_wb);
    int system_error = errno;
    m_wb = nullptr;
    if (m_error == LXW_NO_ERROR) {
      m_error = closed;
    } else {
      system_error = 0;
    }
    return m_error == LXW_NO_ERROR ? "" : xlsxwriter_failure(m_error, system_error);
  }

private:
  void check(lxw_error e)
  {
    if (e != LXW_NO_ERROR && m_error == LXW_NO_ERROR) {
      m_error = e;
    }
  }

  // A string cell; a name longer than a cell holds is cut visibly and
  // noted, as in the ranking's workbook (no id is that long).
  void text(lxw_worksheet* ws, int row, int col, std::string_view value, lxw_format* f)
  {
    const auto r = static_cast<lxw_row_t>(row);
    const auto c = static_cast<lxw_col_t>(col);
    bool cut = false;
    std::string fitted = fit_cell(value, cut);
    if (cut) {
      char cell[LXW_MAX_CELL_NAME_LENGTH] = {};
      lxw_rowcol_to_cell(cell, r, c);
      m_notes.push_back(m_L.text("xlsx_cell_cut", {{"sheet", std::string_view(m_sheet)},
                                                   {"cell", std::string_view(cell)},
                                                   {"bytes", std::to_string(value.size())},
                                                   {"limit", std::to_string(k_xlsx_cell_limit)}}));
    }
    check(worksheet_write_string(ws, r, c, fitted.c_str(), f));
  }

  void score_row(lxw_worksheet* ws, int row, const Dossier& d, const Criterion& cr)
  {
    const auto r = static_cast<lxw_row_t>(row);
    text(ws, row, k_applicant_col, d.id, nullptr);
    text(ws, row, k_applicant_name_col, d.name, nullptr);
    text(ws, row, k_criterion_col, cr.id, nullptr);
    text(ws, row, k_criterion_name_col, cr.name, nullptr);
    check(worksheet_write_number(ws, r, k_max_col, to_double(cr.max), nullptr));
    if (cr.step) {
      check(worksheet_write_number(ws, r, k_step_col, to_double(*cr.step), nullptr));
    } else {
      text(ws, row, k_step_col, "\u2013", nullptr); // "none"
    }
    check(worksheet_write_blank(ws, r, k_score_col, m_open));
    check(worksheet_write_blank(ws, r, k_comment_col, m_open_text));
    // Excel checks what a member types against the same rules as ccnscore;
    // the reader checks again, exactly (formats-v1 5).
    const std::string cell = cell_name(row, k_score_col);
    std::string formula = fmt::format("AND(ISNUMBER({0}),{0}>=0,{0}<={1}", cell, number_text(cr.max));
    MsgArgs args{MsgArg::decimal("max", number_text(cr.max))};
    if (cr.step) {
      formula += fmt::format(",ABS({0}/{1}-ROUND({0}/{1},0))<0.000000001", cell, number_text(*cr.step));
      args.push_back(MsgArg::decimal("step", number_text(*cr.step)));
    }
    formula += ")";
    std::string message = tr(m_lang, cr.step ? "xlsx_sheet_step_rule" : "xlsx_sheet_range_rule", args);
    std::string title = word("points");
    lxw_data_validation v{};
    v.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
    v.value_formula = formula.data();
    v.input_title = title.data();
    v.input_message = message.data();
    v.error_title = title.data();
    v.error_message = message.data();
    check(worksheet_data_validation_cell(ws, r, k_score_col, &v));
  }

  // The word `key` of the workbook in its language (xlsx_sheet_* in the catalogue).
  std::string word(std::string_view key) const { return tr(m_lang, "xlsx_sheet_" + std::string(key)); }

  const RoundBundle& m_b;
  Lang m_lang;
  Locale m_L;
  std::vector<std::string>& m_notes;
  std::string m_sheet; // the worksheet being written, for the notes
  lxw_workbook* m_wb;
  std::string m_title;
  lxw_format* m_bold = nullptr;
  lxw_format* m_open = nullptr;
  lxw_format* m_open_text = nullptr;
  lxw_error m_error = LXW_NO_ERROR;
};

} // namespace

std::string write_sheet_workbook(const RoundBundle& b, const Member& m, const std::vector<bool>& passed, Lang lang,
                                 const std::string& path, std::vector<std::string>& notes)
{
  SheetBook book(b, lang, path, notes);
  if (!book.created()) {
    return "cannot create the workbook";
  }
  book.scores(m, passed);
  book.recusals(passed);
  return book.close();
}

} // namespace ccn
