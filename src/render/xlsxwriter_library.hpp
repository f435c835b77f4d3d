#pragma once
// What the workbook writers need of libxlsxwriter beyond its own functions
// (render/xlsxwriter_library.cpp forwards those to the library).

#include <string>

namespace ccn {

// Why libxlsxwriter failed with `error` (an lxw_error): in the system's
// words when the failure was the system's (`system_error`, the errno that
// workbook_close left: a full disk, a file too large), else in the
// library's.
std::string xlsxwriter_failure(int error, int system_error);

} // namespace ccn
