#include "render/xlsx.hpp"
#include "model/sheet_workbook.hpp"
#include "render/words.hpp"

#include "render/render.hpp"
#include "render/xlsx_cell.hpp"
#include "render/xlsxwriter_library.hpp"

#include <xlsxwriter.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <string>

namespace ccn {

namespace {

// UTF-16 code units of a UTF-8 character that starts with byte `lead`.
size_t utf16_units(unsigned char lead)
{
  return (lead & 0xC0) == 0x80 ? 0 : lead >= 0xF0 ? 2 : 1;
}

} // namespace

std::string fit_cell(std::string_view text, bool& cut)
{
  size_t units = 0;
  for (char ch : text) {
    units += utf16_units(static_cast<unsigned char>(ch));
  }
  cut = units > k_xlsx_cell_limit;
  if (!cut) {
    return std::string(text);
  }
  units = 0;
  size_t end = 0;
  while (end < text.size()) {
    const size_t need = utf16_units(static_cast<unsigned char>(text[end]));
    if (need > 0 && units + need > k_xlsx_cell_limit - 1) {
      break;
    }
    units += need;
    ++end;
  }
  return std::string(text.substr(0, end)) + "…";
}

namespace {

class Book
{
public:
  Book(const std::string& path, const RoundResult& res, const Lang& lang, std::vector<std::string>& notes)
    : m_res(res), m_c(res.bundle->criteria), m_L(lang), m_notes(notes), m_wb(workbook_new(path.c_str()))
  {
    if (m_wb == nullptr) {
      return;
    }
    // A fixed creation time keeps the file the same from run to run.
    lxw_doc_properties props{};
    m_title = res.bundle->round.title;
    props.title = m_title.data();
    props.created = res.bundle->round.date ? static_cast<time_t>(res.bundle->round.date->seconds) : 86400;
    check(workbook_set_properties(m_wb, &props));
    // Marked as a ranking, so that check does not take it, saved beside
    // the round, for a score sheet that no entry names.
    check(workbook_set_custom_property_string(m_wb, std::string(k_workbook_format_property).c_str(),
                                              std::string(k_workbook_format_ranking).c_str()));
    m_bold = workbook_add_format(m_wb);
    m_num = workbook_add_format(m_wb);
    if (m_bold == nullptr || m_num == nullptr) {
      check(LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
    format_set_bold(m_bold);
    std::string pattern = m_c.precision == 0 ? "0" : "0." + std::string(static_cast<size_t>(m_c.precision), '0');
    format_set_num_format(m_num, pattern.c_str());
  }

  bool created() const { return m_wb != nullptr; }
  bool ok() const { return m_wb != nullptr && m_error == LXW_NO_ERROR; }

  void ranking()
  {
    const std::string sheet_name = m_L.text("xlsx_ranking");
    const char* sheet = sheet_name.c_str();
    lxw_worksheet* ws = add_sheet(sheet);
    if (ws == nullptr) {
      return;
    }
    int col = 0;
    for (const std::string& h : {m_L.text("xlsx_rank"), m_L.text("xlsx_id"), m_L.text("xlsx_applicant"),
                          m_L.text("xlsx_status"), m_L.text("xlsx_total")}) {
      text(ws, sheet, 0, static_cast<lxw_col_t>(col++), h, m_bold);
    }
    for (const auto& g : m_c.groups) {
      text(ws, sheet, 0, static_cast<lxw_col_t>(col++), g.name, m_bold);
    }
    lxw_row_t row = 1;
    for (const auto& a : m_res.applicants) {
      if (a.rank) {
        check(worksheet_write_number(ws, row, 0, *a.rank, nullptr));
      }
      text(ws, sheet, row, 1, a.id(), nullptr);
      text(ws, sheet, row, 2, a.dossier->name, nullptr);
      text(ws, sheet, row, 3, m_L.status(a.status), nullptr);
      if (a.total) {
        check(worksheet_write_number(ws, row, 4, to_double(*a.total), m_num));
      }
      for (size_t gi = 0; gi < a.groups.size(); ++gi) {
        check(worksheet_write_number(ws, row, static_cast<lxw_col_t>(5 + gi),
                                     to_double(a.groups[gi].points), m_num));
      }
      ++row;
    }
    // The chair's proposal that settled a tie for first, or the note that
    // the tie waits for it (formats-v1 8.4).
    std::string note;
    if (const ChairProposal* cp = m_res.chair_proposal) {
      note = m_L.text(cp->date ? "proposal_settled_on" : "proposal_settled",
                      {{"chair", chair_name(m_res, m_L)},
                       {"applicant", cp->selects},
                       {"date", cp->date ? m_L.date(*cp->date) : std::string()},
                       {"reason", cp->reason}});
    } else if (!m_res.awaiting_proposal.empty()) {
      note = proposal_needed_line(m_res, m_L);
    }
    if (!note.empty()) {
      text(ws, sheet, row + 1, 0, note, nullptr);
    }
    check(worksheet_set_column(ws, 2, 2, 48, nullptr));
    worksheet_freeze_panes(ws, 1, 0);
  }

  void criteria()
  {
    const std::string sheet_name = m_L.text("xlsx_criteria");
    const char* sheet = sheet_name.c_str();
    lxw_worksheet* ws = add_sheet(sheet);
    if (ws == nullptr) {
      return;
    }
    int col = 0;
    for (const std::string& h : {m_L.text("xlsx_applicant_2"), m_L.text("xlsx_group"), m_L.text("xlsx_criterion"),
                          m_L.text("xlsx_name"), m_L.text("xlsx_weight"), m_L.text("xlsx_points"),
                          m_L.text("xlsx_exact"), m_L.text("xlsx_basis")}) {
      text(ws, sheet, 0, static_cast<lxw_col_t>(col++), h, m_bold);
    }
    lxw_row_t row = 1;
    for (const auto& a : m_res.applicants) {
      for (size_t i = 0; i < a.criteria.size(); ++i) {
        const Criterion& cr = m_c.criteria[i];
        text(ws, sheet, row, 0, a.id(), nullptr);
        text(ws, sheet, row, 1, m_c.groups[cr.group].id, nullptr);
        text(ws, sheet, row, 2, cr.id, nullptr);
        text(ws, sheet, row, 3, cr.name, nullptr);
        check(worksheet_write_number(ws, row, 4, to_double(cr.weight), nullptr));
        check(worksheet_write_number(ws, row, 5, to_double(a.criteria[i].shown), m_num));
        text(ws, sheet, row, 6, to_exact_string(a.criteria[i].weighted), nullptr);
        text(ws, sheet, row, 7, criterion_basis(m_res, a, i, m_L), nullptr);
        ++row;
      }
    }
    check(worksheet_set_column(ws, 3, 3, 40, nullptr));
    check(worksheet_set_column(ws, 7, 7, 60, nullptr));
    worksheet_freeze_panes(ws, 1, 0);
  }

  void members()
  {
    const std::string sheet_name = m_L.text("xlsx_member_scores");
    const char* sheet = sheet_name.c_str();
    lxw_worksheet* ws = add_sheet(sheet);
    if (ws == nullptr) {
      return;
    }
    int col = 0;
    for (const std::string& h : {m_L.text("xlsx_applicant_2"), m_L.text("xlsx_criterion"), m_L.text("xlsx_member"),
                          m_L.text("xlsx_name_2"), m_L.text("xlsx_score"), m_L.text("xlsx_note"),
                          m_L.text("xlsx_comment")}) {
      text(ws, sheet, 0, static_cast<lxw_col_t>(col++), h, m_bold);
    }
    if (!m_res.bundle->round.council) {
      return;
    }
    const auto& council = m_res.bundle->round.council->members;
    lxw_row_t row = 1;
    for (const auto& a : m_res.applicants) {
      for (size_t i = 0; i < a.criteria.size(); ++i) {
        const CriterionResult& r = a.criteria[i];
        for (size_t k = 0; k < r.members.size(); ++k) {
          const MemberScore& ms = r.members[k];
          text(ws, sheet, row, 0, a.id(), nullptr);
          text(ws, sheet, row, 1, r.id, nullptr);
          text(ws, sheet, row, 2, ms.member, nullptr);
          text(ws, sheet, row, 3, council[k].name, nullptr);
          if (ms.score) {
            check(worksheet_write_number(ws, row, 4, to_double(*ms.score), nullptr));
          } else {
            text(ws, sheet, row, 5,
                 ms.recused ? m_L.text("xlsx_recused") : m_L.text("xlsx_absent"), nullptr);
          }
          if (!ms.comment.empty()) {
            text(ws, sheet, row, 6, ms.comment, nullptr);
          }
          ++row;
        }
      }
    }
    check(worksheet_set_column(ws, 3, 3, 28, nullptr));
    check(worksheet_set_column(ws, 6, 6, 60, nullptr));
    worksheet_freeze_panes(ws, 1, 0);
  }

  // Write the file; empty on success, else why not.
  std::string close()
  {
    lxw_error e = workbook_close(m_wb);
    int system_error = errno;
    m_wb = nullptr;
    if (m_error != LXW_NO_ERROR) {
      e = m_error;
      system_error = 0;
    }
    return e == LXW_NO_ERROR ? std::string() : xlsxwriter_failure(e, system_error);
  }

  ~Book()
  {
    if (m_wb != nullptr) {
      workbook_close(m_wb);
    }
  }
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;

private:

  // Keep the first error of the library; the workbook is then not written.
  void check(lxw_error e)
  {
    if (m_error == LXW_NO_ERROR) {
      m_error = e;
    }
  }

  lxw_worksheet* add_sheet(const char* name)
  {
    lxw_worksheet* ws = workbook_add_worksheet(m_wb, name);
    if (ws == nullptr) {
      check(LXW_ERROR_MEMORY_MALLOC_FAILED);
    }
    return ws;
  }

  // A string cell; a text longer than a cell holds is cut visibly, with
  // "…", and noted, never dropped.
  void text(lxw_worksheet* ws, const char* sheet, lxw_row_t row, lxw_col_t col, std::string_view value,
            lxw_format* format)
  {
    bool cut = false;
    std::string fitted = fit_cell(value, cut);
    if (cut) {
      char cell[LXW_MAX_CELL_NAME_LENGTH] = {};
      lxw_rowcol_to_cell(cell, row, col);
      m_notes.push_back(m_L.text("xlsx_cell_cut", {{"sheet", std::string_view(sheet)},
                                                   {"cell", std::string_view(cell)},
                                                   {"bytes", std::to_string(value.size())},
                                                   {"limit", std::to_string(k_xlsx_cell_limit)}}));
    }
    check(worksheet_write_string(ws, row, col, fitted.c_str(), format));
  }

  const RoundResult& m_res;
  const Criteria& m_c;
  Locale m_L;
  std::vector<std::string>& m_notes;
  lxw_workbook* m_wb;
  lxw_error m_error = LXW_NO_ERROR;
  lxw_format* m_bold = nullptr;
  lxw_format* m_num = nullptr;
  std::string m_title;
};

} // namespace

std::string write_xlsx(const RoundResult& res, const std::string& path, const Lang& lang, std::vector<std::string>& notes)
{
  Book book(path, res, lang, notes);
  if (!book.created()) {
    return "cannot create the workbook";
  }
  if (book.ok()) {
    book.ranking();
    book.criteria();
    book.members();
  }
  return book.close();
}

} // namespace ccn
