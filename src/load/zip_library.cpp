// libzip, opened when a workbook is first read (see util/shared_library.hpp):
// the functions the workbook reader calls, each forwarding to the library.
// The soname comes from the build (CCNSCORE_LIBZIP_SONAME).

#include "util/shared_library.hpp"

#include <zip.h>

namespace {

ccn::SharedLibrary& libzip()
{
  static ccn::SharedLibrary library(CCNSCORE_LIBZIP_SONAME);
  return library;
}

} // namespace

CCN_LAZY_FUNCTION(libzip(), void, zip_discard, (zip_t * archive), (archive))
CCN_LAZY_FUNCTION(libzip(), void, zip_error_fini, (zip_error_t * error), (error))
CCN_LAZY_FUNCTION(libzip(), void, zip_error_init, (zip_error_t * error), (error))
CCN_LAZY_FUNCTION(libzip(), const char*, zip_error_strerror, (zip_error_t * error), (error))
CCN_LAZY_FUNCTION(libzip(), int, zip_fclose, (zip_file_t * file), (file))
CCN_LAZY_FUNCTION(libzip(), const char*, zip_file_strerror, (zip_file_t * file), (file))
CCN_LAZY_FUNCTION(libzip(), zip_file_t*, zip_fopen_index, (zip_t * archive, zip_uint64_t index, zip_flags_t flags),
                  (archive, index, flags))
CCN_LAZY_FUNCTION(libzip(), zip_int64_t, zip_fread, (zip_file_t * file, void* buffer, zip_uint64_t size),
                  (file, buffer, size))
CCN_LAZY_FUNCTION(libzip(), zip_int64_t, zip_get_num_entries, (zip_t * archive, zip_flags_t flags), (archive, flags))
CCN_LAZY_FUNCTION(libzip(), zip_int64_t, zip_name_locate, (zip_t * archive, const char* name, zip_flags_t flags),
                  (archive, name, flags))
CCN_LAZY_FUNCTION(libzip(), zip_t*, zip_open_from_source, (zip_source_t * source, int flags, zip_error_t* error),
                  (source, flags, error))
CCN_LAZY_FUNCTION(libzip(), zip_source_t*, zip_source_buffer_create,
                  (const void* data, zip_uint64_t size, int freep, zip_error_t* error), (data, size, freep, error))
CCN_LAZY_FUNCTION(libzip(), void, zip_source_free, (zip_source_t * source), (source))
CCN_LAZY_FUNCTION(libzip(), const char*, zip_strerror, (zip_t * archive), (archive))
