// libxlsxwriter, opened when a workbook is first written (see
// util/shared_library.hpp): the functions the workbook writers call, each
// forwarding to the library. The soname comes from the build
// (CCNSCORE_XLSXWRITER_SONAME).

#include "render/xlsxwriter_library.hpp"
#include "util/shared_library.hpp"

#include <xlsxwriter.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace {

ccn::SharedLibrary& xlsxwriter()
{
  static ccn::SharedLibrary library(CCNSCORE_XLSXWRITER_SONAME);
  return library;
}

} // namespace

CCN_LAZY_FUNCTION(xlsxwriter(), void, format_set_bg_color, (lxw_format * format, lxw_color_t color), (format, color))
CCN_LAZY_FUNCTION(xlsxwriter(), void, format_set_bold, (lxw_format * format), (format))
CCN_LAZY_FUNCTION(xlsxwriter(), void, format_set_border, (lxw_format * format, uint8_t style), (format, style))
CCN_LAZY_FUNCTION(xlsxwriter(), void, format_set_num_format, (lxw_format * format, const char* num_format),
                  (format, num_format))
CCN_LAZY_FUNCTION(xlsxwriter(), void, format_set_unlocked, (lxw_format * format), (format))
CCN_LAZY_FUNCTION(xlsxwriter(), void, lxw_rowcol_to_cell, (char* cell_name, lxw_row_t row, lxw_col_t col),
                  (cell_name, row, col))
CCN_LAZY_FUNCTION(xlsxwriter(), char*, lxw_strerror, (lxw_error error_num), (error_num))
CCN_LAZY_FUNCTION(xlsxwriter(), lxw_format*, workbook_add_format, (lxw_workbook * workbook), (workbook))
CCN_LAZY_FUNCTION(xlsxwriter(), lxw_worksheet*, workbook_add_worksheet,
                  (lxw_workbook * workbook, const char* sheetname), (workbook, sheetname))

// The library reports a failure to write the file twice: in the value it
// returns, which the writers put into one message, and in lines of its own
// on standard error ("[ERROR][packager.c:1541]: ..."), which would break
// the rule of one line per message. Those go to /dev/null; errno is kept
// for xlsxwriter_failure. The workbooks are written on one thread.
extern "C" lxw_error workbook_close(lxw_workbook* workbook)
{
  static const auto real = reinterpret_cast<decltype(&workbook_close)>(xlsxwriter().symbol("workbook_close"));
  std::fflush(stderr);
  const int saved = ::dup(STDERR_FILENO);
  const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  const bool quiet = saved >= 0 && null >= 0 && ::dup2(null, STDERR_FILENO) >= 0;
  errno = 0;
  const lxw_error error = real(workbook);
  const int system_error = errno;
  std::fflush(stderr);
  if (quiet) {
    ::dup2(saved, STDERR_FILENO);
  }
  for (int fd : {saved, null}) {
    if (fd >= 0) {
      ::close(fd);
    }
  }
  errno = system_error;
  return error;
}
CCN_LAZY_FUNCTION(xlsxwriter(), lxw_workbook*, workbook_new, (const char* filename), (filename))
CCN_LAZY_FUNCTION(xlsxwriter(), lxw_error, workbook_set_custom_property_string,
                  (lxw_workbook * workbook, const char* name, const char* value), (workbook, name, value))
CCN_LAZY_FUNCTION(xlsxwriter(), lxw_error, workbook_set_properties,
                  (lxw_workbook * workbook, lxw_doc_properties* properties), (workbook, properties))
CCN_LAZY_FUNCTION(xlsxwriter(), void, worksheet_activate, (lxw_worksheet * worksheet), (worksheet))
CCN_LAZY_FUNCTION(xlsxwriter(), lxw_error, worksheet_data_validation_cell,
                  (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col, lxw_data_validation* validation),
                  (worksheet, row, col, validation))
CCN_LAZY_FUNCTION(xlsxwriter(), void, worksheet_freeze_panes, (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col),
                  (worksheet, row, col))
CCN_LAZY_FUNCTION(xlsxwriter(), void, worksheet_protect,
                  (lxw_worksheet * worksheet, const char* password, lxw_protection* options),
                  (worksheet, password, options))
CCN_LAZY_FUNCTION(xlsxwriter(), lxw_error, worksheet_set_column,
                  (lxw_worksheet * worksheet, lxw_col_t first_col, lxw_col_t last_col, double width, lxw_format* format),
                  (worksheet, first_col, last_col, width, format))
CCN_LAZY_FUNCTION(xlsxwriter(), lxw_error, worksheet_write_blank,
                  (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col, lxw_format* format),
                  (worksheet, row, col, format))
CCN_LAZY_FUNCTION(xlsxwriter(), lxw_error, worksheet_write_number,
                  (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col, double number, lxw_format* format),
                  (worksheet, row, col, number, format))
CCN_LAZY_FUNCTION(xlsxwriter(), lxw_error, worksheet_write_string,
                  (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col, const char* string, lxw_format* format),
                  (worksheet, row, col, string, format))

namespace ccn {

std::string xlsxwriter_failure(int error, int system_error)
{
  switch (error) {
  case LXW_ERROR_CREATING_XLSX_FILE:
  case LXW_ERROR_CREATING_TMPFILE:
  case LXW_ERROR_READING_TMPFILE:
  case LXW_ERROR_ZIP_FILE_OPERATION:
  case LXW_ERROR_ZIP_FILE_ADD:
  case LXW_ERROR_ZIP_CLOSE:
    if (system_error != 0) {
      return std::strerror(system_error);
    }
    break;
  default:
    break;
  }
  return lxw_strerror(static_cast<lxw_error>(error));
}

} // namespace ccn
