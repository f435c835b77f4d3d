#include "render/xlsx.hpp"

#include "render/render.hpp"

#include <xlsxwriter.h>

#include <cstdlib>
#include <string>

namespace ccn {

namespace {

// A rounded decimal as the double a spreadsheet stores; the exact value
// stays in the JSON result.
double as_double(const Rational& rounded, int precision)
{
  return std::strtod(to_decimal_string(rounded, precision).c_str(), nullptr);
}

class Book
{
public:
  Book(const std::string& path, const RoundResult& res, const Lang& lang)
    : m_res(res), m_c(res.bundle->criteria), m_L(lang), m_wb(workbook_new(path.c_str()))
  {
    if (m_wb == nullptr) {
      return;
    }
    // A fixed creation time keeps the file the same from run to run.
    lxw_doc_properties props{};
    m_title = res.bundle->round.title;
    props.title = m_title.data();
    props.created = res.bundle->round.date ? static_cast<time_t>(res.bundle->round.date->seconds) : 86400;
    workbook_set_properties(m_wb, &props);
    m_bold = workbook_add_format(m_wb);
    format_set_bold(m_bold);
    m_num = workbook_add_format(m_wb);
    std::string pattern = m_c.precision == 0 ? "0" : "0." + std::string(static_cast<size_t>(m_c.precision), '0');
    format_set_num_format(m_num, pattern.c_str());
  }

  bool ok() const { return m_wb != nullptr; }

  void ranking()
  {
    lxw_worksheet* ws = workbook_add_worksheet(m_wb, pick("Ranking", "Xếp hạng"));
    int col = 0;
    for (const char* h : {pick("Rank", "Hạng"), pick("Id", "Mã"), pick("Applicant", "Tên doanh nghiệp"),
                          pick("Status", "Kết quả"), pick("Total", "Tổng điểm")}) {
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(col++), h, m_bold);
    }
    for (const auto& g : m_c.groups) {
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(col++), g.name.c_str(), m_bold);
    }
    lxw_row_t row = 1;
    for (const auto& a : m_res.applicants) {
      if (a.rank) {
        worksheet_write_number(ws, row, 0, *a.rank, nullptr);
      }
      worksheet_write_string(ws, row, 1, a.id().c_str(), nullptr);
      worksheet_write_string(ws, row, 2, a.dossier->name.c_str(), nullptr);
      worksheet_write_string(ws, row, 3, m_L.status(a.status).c_str(), nullptr);
      if (a.total) {
        worksheet_write_number(ws, row, 4, as_double(*a.total, m_c.precision), m_num);
      }
      for (size_t gi = 0; gi < a.groups.size(); ++gi) {
        worksheet_write_number(ws, row, static_cast<lxw_col_t>(5 + gi), as_double(a.groups[gi].points, m_c.precision),
                               m_num);
      }
      ++row;
    }
    worksheet_set_column(ws, 2, 2, 48, nullptr);
    worksheet_freeze_panes(ws, 1, 0);
  }

  void criteria()
  {
    lxw_worksheet* ws = workbook_add_worksheet(m_wb, pick("Criteria", "Điểm tiêu chí"));
    int col = 0;
    for (const char* h : {pick("Applicant", "Mã hồ sơ"), pick("Group", "Nhóm"), pick("Criterion", "Tiêu chí"),
                          pick("Name", "Tên tiêu chí"), pick("Weight", "Hệ số"), pick("Points", "Điểm"),
                          pick("Exact", "Giá trị chính xác"), pick("Basis", "Cách tính")}) {
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(col++), h, m_bold);
    }
    lxw_row_t row = 1;
    for (const auto& a : m_res.applicants) {
      for (size_t i = 0; i < a.criteria.size(); ++i) {
        const Criterion& cr = m_c.criteria[i];
        worksheet_write_string(ws, row, 0, a.id().c_str(), nullptr);
        worksheet_write_string(ws, row, 1, m_c.groups[cr.group].id.c_str(), nullptr);
        worksheet_write_string(ws, row, 2, cr.id.c_str(), nullptr);
        worksheet_write_string(ws, row, 3, cr.name.c_str(), nullptr);
        worksheet_write_number(ws, row, 4, std::strtod(number_text(cr.weight).c_str(), nullptr), nullptr);
        worksheet_write_number(ws, row, 5, as_double(a.criteria[i].shown, m_c.precision), m_num);
        worksheet_write_string(ws, row, 6, to_exact_string(a.criteria[i].weighted).c_str(), nullptr);
        worksheet_write_string(ws, row, 7, a.criteria[i].basis.c_str(), nullptr);
        ++row;
      }
    }
    worksheet_set_column(ws, 3, 3, 40, nullptr);
    worksheet_set_column(ws, 7, 7, 60, nullptr);
    worksheet_freeze_panes(ws, 1, 0);
  }

  void members()
  {
    lxw_worksheet* ws = workbook_add_worksheet(m_wb, pick("Member scores", "Điểm thành viên"));
    int col = 0;
    for (const char* h : {pick("Applicant", "Mã hồ sơ"), pick("Criterion", "Tiêu chí"), pick("Member", "Thành viên"),
                          pick("Name", "Họ tên"), pick("Score", "Điểm"), pick("Note", "Ghi chú"),
                          pick("Comment", "Giải trình")}) {
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(col++), h, m_bold);
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
          worksheet_write_string(ws, row, 0, a.id().c_str(), nullptr);
          worksheet_write_string(ws, row, 1, r.id.c_str(), nullptr);
          worksheet_write_string(ws, row, 2, ms.member.c_str(), nullptr);
          worksheet_write_string(ws, row, 3, council[k].name.c_str(), nullptr);
          if (ms.score) {
            worksheet_write_number(ws, row, 4, std::strtod(number_text(*ms.score).c_str(), nullptr), nullptr);
          } else {
            worksheet_write_string(ws, row, 5, ms.recused ? pick("recused", "không chấm (xung đột lợi ích)")
                                                          : pick("absent", "vắng mặt"),
                                   nullptr);
          }
          if (!ms.comment.empty()) {
            worksheet_write_string(ws, row, 6, ms.comment.c_str(), nullptr);
          }
          ++row;
        }
      }
    }
    worksheet_set_column(ws, 3, 3, 28, nullptr);
    worksheet_set_column(ws, 6, 6, 60, nullptr);
    worksheet_freeze_panes(ws, 1, 0);
  }

  std::string close()
  {
    lxw_error e = workbook_close(m_wb);
    m_wb = nullptr;
    return e == LXW_NO_ERROR ? std::string() : std::string(lxw_strerror(e));
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
  const char* pick(const char* en, const char* vi) const { return m_L.lang() == Lang{"vi"} ? vi : en; }

  const RoundResult& m_res;
  const Criteria& m_c;
  Locale m_L;
  lxw_workbook* m_wb;
  lxw_format* m_bold = nullptr;
  lxw_format* m_num = nullptr;
  std::string m_title;
};

} // namespace

std::string write_xlsx(const RoundResult& res, const std::string& path, Lang lang)
{
  Book book(path, res, lang);
  if (!book.ok()) {
    return "cannot create the workbook";
  }
  book.ranking();
  book.criteria();
  book.members();
  return book.close();
}

} // namespace ccn
